package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// buildSynonyms writes, for every word of the language model's vocabulary that is a
// single-word WordNet lemma, the synsets it belongs to (renumbered densely), followed by
// WordNet's irregular inflections (the *.exc files) between vocabulary words. Two words
// are synonyms when they share a synset: that is the relation article spinners draw on.
func buildSynonyms(dir string, vocab []string) ([]byte, error) {
	id := make(map[string]uint32, len(vocab))
	for i, w := range vocab {
		id[w] = uint32(i)
	}
	senses := make([][]uint32, len(vocab))
	synset := 0
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(dir, "data."+pos))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "  ") {
				continue // licence header
			}
			fields := strings.Fields(line)
			if len(fields) < 6 {
				continue
			}
			var n int
			if _, err := fmt.Sscanf(fields[3], "%x", &n); err != nil {
				continue
			}
			for k := 0; k < n && 4+2*k < len(fields); k++ {
				lemma := strings.ToLower(fields[4+2*k])
				if i := strings.IndexByte(lemma, '('); i > 0 {
					lemma = lemma[:i] // adjective markers: "(a)", "(p)", "(ip)"
				}
				if strings.ContainsAny(lemma, "_") {
					continue
				}
				if w, ok := id[lemma]; ok {
					senses[w] = append(senses[w], uint32(synset))
				}
			}
			synset++
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	var exc [][2]uint32
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		data, err := os.ReadFile(filepath.Join(dir, pos+".exc"))
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(data), "\n") {
			f := strings.Fields(line)
			if len(f) < 2 {
				continue
			}
			a, okA := id[f[0]]
			b, okB := id[f[1]]
			if okA && okB && a != b {
				exc = append(exc, [2]uint32{a, b})
			}
		}
	}
	sort.Slice(exc, func(i, j int) bool { return exc[i][0] < exc[j][0] || exc[i][0] == exc[j][0] && exc[i][1] < exc[j][1] })

	var buf bytes.Buffer
	w32 := func(v uint32) { _ = binary.Write(&buf, binary.LittleEndian, v) }
	buf.WriteString("TXSYN01\n")
	w32(uint32(len(vocab)))
	total := 0
	for _, s := range senses {
		w32(uint32(total))
		total += len(s)
	}
	w32(uint32(total))
	for _, s := range senses {
		for _, v := range s {
			w32(v)
		}
	}
	w32(uint32(len(exc)))
	for _, e := range exc {
		w32(e[0])
		w32(e[1])
	}
	log.Printf("wordnet: %d synsets, %d vocabulary senses, %d irregular forms", synset, total, len(exc))
	return buf.Bytes(), nil
}

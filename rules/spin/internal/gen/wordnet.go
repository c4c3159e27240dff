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

// relatedPointers are the WordNet pointer symbols kept as "related" senses.
var relatedPointers = map[string]bool{"@": true, "@i": true, "~": true, "~i": true, "&": true}

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
	// Pointers are resolved after the scan: synsets are numbered in reading order, pointers
	// name them by file and byte offset.
	number := map[string]uint32{}
	type pointer struct {
		from uint32
		to   string
	}
	var pointers []pointer
	// Multi-word lemmas ("english_hawthorn", "aid_and_abet") of two or three vocabulary words:
	// a spinner writes one for a single word, and the near-miss test reads it as one slot.
	phraseID := map[string]int{}
	var phrases [][]uint32
	var phraseSenses [][]uint32
	fileOf := map[string]string{"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
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
			number[pos+fields[0]] = uint32(synset)
			if pc := 4 + 2*n; pc < len(fields) {
				var np int
				if _, err := fmt.Sscanf(fields[pc], "%d", &np); err == nil {
					for k := 0; k < np && pc+4+4*k < len(fields); k++ {
						f := fields[pc+1+4*k : pc+5+4*k]
						// hypernyms, hyponyms (and their instance forms) and similar-to,
						// between whole synsets: the wider net spinners' thesauri cast
						if f[3] != "0000" || !relatedPointers[f[0]] {
							continue
						}
						pointers = append(pointers, pointer{uint32(synset), fileOf[f[2]] + f[1]})
					}
				}
			}
			for k := 0; k < n && 4+2*k < len(fields); k++ {
				lemma := strings.ToLower(fields[4+2*k])
				if i := strings.IndexByte(lemma, '('); i > 0 {
					lemma = lemma[:i] // adjective markers: "(a)", "(p)", "(ip)"
				}
				if strings.ContainsAny(lemma, "_") {
					parts := strings.Split(lemma, "_")
					if len(parts) > maxPhraseWords {
						continue
					}
					ids := make([]uint32, 0, len(parts))
					for _, part := range parts {
						w, ok := id[part]
						if !ok {
							break
						}
						ids = append(ids, w)
					}
					if len(ids) < len(parts) {
						continue // a word outside the vocabulary, or one with a hyphen, dot or apostrophe
					}
					k, ok := phraseID[lemma]
					if !ok {
						k = len(phrases)
						phraseID[lemma] = k
						phrases = append(phrases, ids)
						phraseSenses = append(phraseSenses, nil)
					}
					phraseSenses[k] = append(phraseSenses[k], uint32(synset))
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
	relatedSets := make([][]uint32, synset)
	for _, p := range pointers {
		if to, ok := number[p.to]; ok {
			relatedSets[p.from] = append(relatedSets[p.from], to)
		}
	}
	relatedOf := func(ss []uint32) []uint32 {
		var out []uint32
		seen := map[uint32]bool{}
		for _, s := range ss {
			seen[s] = true
		}
		for _, s := range ss {
			for _, r := range relatedSets[s] {
				if !seen[r] {
					seen[r] = true
					out = append(out, r)
				}
			}
		}
		return out
	}
	related := make([][]uint32, len(vocab))
	for w, ss := range senses {
		related[w] = relatedOf(ss)
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
	total := writeTable(w32, senses)
	w32(uint32(len(exc)))
	for _, e := range exc {
		w32(e[0])
		w32(e[1])
	}
	// Related synsets (appended section; readers of the older layout stop before it).
	totalRel := writeTable(w32, related)
	// Members of each synset (the inverse of the sense lists), so the reader needs no index.
	members := make([][]uint32, synset)
	for w, ss := range senses {
		for _, s := range ss {
			members[s] = append(members[s], uint32(w))
		}
	}
	writeTable(w32, members)
	// Multi-word lemmas (appended section): each phrase's words, its synsets and the synsets
	// one link away, then for every vocabulary word the phrases that start with it, by their second word.
	phraseRelated := make([][]uint32, len(phrases))
	startsWith := make([][]uint32, len(vocab))
	for k, p := range phrases {
		phraseRelated[k] = relatedOf(phraseSenses[k])
		startsWith[p[0]] = append(startsWith[p[0]], uint32(k))
	}
	// sorted by second word, so the reader finds a word pair's phrases by binary search
	for _, l := range startsWith {
		sort.Slice(l, func(a, b int) bool { return phrases[l[a]][1] < phrases[l[b]][1] })
	}
	writeTable(w32, phrases)
	writeTable(w32, phraseSenses)
	writeTable(w32, phraseRelated)
	writeTable(w32, startsWith)
	log.Printf("wordnet: %d multi-word lemmas of vocabulary words", len(phrases))
	log.Printf("wordnet: %d related-synset links", totalRel)
	log.Printf("wordnet: %d synsets, %d vocabulary senses, %d irregular forms", synset, total, len(exc))
	return buf.Bytes(), nil
}

// maxPhraseWords is the longest multi-word lemma kept.
const maxPhraseWords = 3

// writeTable writes lists of uint32 as the reader's table layout: the count, count+1 offsets,
// then the values. It returns the number of values.
func writeTable(w32 func(uint32), lists [][]uint32) int {
	w32(uint32(len(lists)))
	total := 0
	for _, l := range lists {
		w32(uint32(total))
		total += len(l)
	}
	w32(uint32(total))
	for _, l := range lists {
		for _, v := range l {
			w32(v)
		}
	}
	return total
}

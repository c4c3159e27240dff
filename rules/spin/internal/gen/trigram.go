package main

import (
	"bytes"
	"encoding/binary"
	"log"
	"sort"
)

// triHash mixes a trigram of word ids into 32 bits. The reader in rules/spin/trigram.go uses
// the same function; keep them identical.
func triHash(a, b, c uint32) uint32 {
	x := uint64(a)<<42 | uint64(b)<<21 | uint64(c)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb33fe1a85ec9
	x ^= x >> 33
	return uint32(x)
}

// buildTrigrams writes every trigram of the Sphinx model as a 32-bit hash, bucketed by its
// high 16 bits: an offset table of 65,537 uint32, then per entry the low 16 bits and one
// quantised log10 probability. 1.67 M trigrams take 5 MB; a hash collision makes an unseen
// trigram look seen with odds of about 1 in 2,500, which only hides evidence, never adds it.
func buildTrigrams(lm *sphinxLM) []byte {
	type entry struct {
		h uint32
		p byte
	}
	var es []entry
	for w := 0; w < len(lm.words); w++ {
		for j := lm.uniNext[w]; j < lm.uniNext[w+1]; j++ {
			b := lm.big[j]
			for k := b.next; k < lm.big[j+1].next; k++ {
				t := lm.tri[k]
				// trigram (t.hist, b.hist, w): the trie is keyed by the predicted word first
				es = append(es, entry{triHash(t.hist, b.hist, uint32(w)), quant(t.prob, probScale)})
			}
		}
	}
	sort.Slice(es, func(i, j int) bool { return es[i].h < es[j].h })
	var buf bytes.Buffer
	buf.WriteString("TXTRI01\n")
	w32 := func(v uint32) { _ = binary.Write(&buf, binary.LittleEndian, v) }
	w32(uint32(len(es)))
	k := 0
	for bucket := 0; bucket <= 1<<16; bucket++ {
		for k < len(es) && int(es[k].h>>16) < bucket {
			k++
		}
		w32(uint32(k))
	}
	for _, e := range es {
		buf.Write([]byte{byte(e.h), byte(e.h >> 8)})
	}
	for _, e := range es {
		buf.WriteByte(e.p)
	}
	log.Printf("trigrams: %d", len(es))
	return buf.Bytes()
}

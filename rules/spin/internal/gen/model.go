package main

import (
	"bytes"
	"encoding/binary"
	"log"
	"math"
	"sort"
)

// Quantisation shared with the reader in rules/spin/model.go: log10 probabilities are stored
// as round(-log10p * probScale) and back-off weights as round(-bo * boScale), one byte each.
const (
	probScale = 20
	boScale   = 40
)

func quant(v, scale float64) byte {
	q := math.Round(-v * scale)
	if q < 0 {
		q = 0
	}
	if q > 255 {
		q = 255
	}
	return byte(q)
}

// buildModel writes the bigram part of the model. Trigrams are left out to keep the shipped
// file near 10 MB; filler bigrams that Sphinx inserts only to reach trigrams (their
// probability is the back-off estimate and their back-off weight zero) are dropped, since
// they were never observed.
func buildModel(lm *sphinxLM) []byte {
	nv := len(lm.words)
	var buf bytes.Buffer
	buf.WriteString("TXSPIN1\n")
	w32 := func(v uint32) { _ = binary.Write(&buf, binary.LittleEndian, v) }

	var hist []uint32
	var prob, bo []byte
	next := make([]uint32, nv+1)
	fillers := 0
	for w := 0; w < nv; w++ {
		next[w] = uint32(len(hist))
		for j := lm.uniNext[w]; j < lm.uniNext[w+1]; j++ {
			e := lm.big[j]
			if e.bo == 0 && math.Abs(e.prob-(lm.uniProb[w]+lm.uniBO[e.hist])) < 0.01 {
				fillers++
				continue
			}
			hist = append(hist, e.hist)
			prob = append(prob, quant(e.prob, probScale))
			bo = append(bo, quant(e.bo, boScale))
		}
	}
	next[nv] = uint32(len(hist))
	log.Printf("vocabulary %d, bigrams %d kept, %d filler entries dropped", nv, len(hist), fillers)

	w32(uint32(nv))
	w32(uint32(len(hist)))
	var words bytes.Buffer
	for _, w := range lm.words {
		words.WriteString(w)
		words.WriteByte(0)
	}
	w32(uint32(words.Len()))
	buf.Write(words.Bytes())
	for w := 0; w < nv; w++ {
		buf.WriteByte(quant(lm.uniProb[w], probScale))
	}
	for w := 0; w < nv; w++ {
		buf.WriteByte(quant(lm.uniBO[w], boScale))
	}
	for _, n := range next {
		w32(n)
	}
	for _, h := range hist {
		buf.Write([]byte{byte(h), byte(h >> 8), byte(h >> 16)})
	}
	buf.Write(prob)
	buf.Write(bo)
	// Word ids in byte order of their spelling, so the reader finds a word by binary search
	// over the embedded bytes instead of building a map at load time.
	order := make([]uint32, nv)
	for i := range order {
		order[i] = uint32(i)
	}
	sort.Slice(order, func(i, j int) bool { return lm.words[order[i]] < lm.words[order[j]] })
	for _, id := range order {
		w32(id)
	}
	return buf.Bytes()
}

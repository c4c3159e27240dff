package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"os"
)

// sphinxLM is a 3-gram model read from CMU Sphinx's "Trie Language Model" binary format
// (sphinxbase lm_trie.c, a port of KenLM's trie). Sphinx's own converter asserts when it
// writes this model as ARPA (the trie holds filler entries the writer does not expect), so
// the generator reads the trie itself. The trie is keyed by the predicted word first: a
// unigram's range lists the bigram histories, a bigram entry's range its trigram histories.
type sphinxLM struct {
	words   []string
	uniProb []float64 // log10
	uniBO   []float64 // log10
	// bigrams grouped by predicted word: bigrams of w are big[uniNext[w]:uniNext[w+1]].
	uniNext []uint32
	big     []lmEntry
	// trigrams of bigram b are tri[big[b].next:big[b+1].next].
	tri []lmEntry
}

type lmEntry struct {
	hist uint32 // the history word added at this level
	prob float64
	bo   float64
	next uint32
}

// log10PerUnit converts Sphinx's log-float domain (log base 1.0001) to log10.
const log10PerUnit = 4.3427276862669e-05 // log10(1.0001)

func requiredBits(max uint32) uint {
	b := uint(0)
	for max > 0 {
		b++
		max >>= 1
	}
	return b
}

type bitArray []byte

func (a bitArray) read(off uint64, bits uint) uint32 {
	i := off >> 3
	var buf [8]byte
	copy(buf[:], a[i:])
	v := binary.LittleEndian.Uint64(buf[:]) >> (off & 7)
	return uint32(v & (1<<bits - 1))
}

func readSphinxLM(path string) (*sphinxLM, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	const hdr = "Trie Language Model"
	if !bytes.HasPrefix(data, []byte(hdr)) {
		return nil, fmt.Errorf("%s: not a Sphinx trie LM", path)
	}
	o := len(hdr)
	order := int(data[o])
	o++
	if order != 3 {
		return nil, fmt.Errorf("%s: order %d, want 3", path, order)
	}
	counts := make([]uint32, order)
	for i := range counts {
		counts[i] = binary.LittleEndian.Uint32(data[o:])
		o += 4
	}
	o += 4 // quantizer dummy
	table := func(n int) []float64 {
		t := make([]float64, n)
		for i := range t {
			t[i] = float64(math.Float32frombits(binary.LittleEndian.Uint32(data[o:]))) * log10PerUnit
			o += 4
		}
		return t
	}
	midProb, midBO, longProb := table(1<<16), table(1<<16), table(1<<16)

	nv := int(counts[0])
	lm := &sphinxLM{uniProb: make([]float64, nv+1), uniBO: make([]float64, nv+1), uniNext: make([]uint32, nv+1)}
	for i := 0; i <= nv; i++ {
		lm.uniProb[i] = float64(math.Float32frombits(binary.LittleEndian.Uint32(data[o:]))) * log10PerUnit
		lm.uniBO[i] = float64(math.Float32frombits(binary.LittleEndian.Uint32(data[o+4:]))) * log10PerUnit
		lm.uniNext[i] = binary.LittleEndian.Uint32(data[o+8:])
		o += 12
	}
	wordBits := requiredBits(counts[0])
	nextBits := requiredBits(counts[2])
	midBits := uint64(wordBits + 32 + nextBits)
	midSize := int(((1+uint64(counts[1]))*midBits+7)/8 + 8)
	mid := bitArray(data[o : o+midSize])
	o += midSize
	longBits := uint64(wordBits + 16)
	longSize := int(((1+uint64(counts[2]))*longBits+7)/8 + 8)
	long := bitArray(data[o : o+longSize])
	o += longSize

	lm.big = make([]lmEntry, counts[1]+1)
	for i := range lm.big {
		off := uint64(i) * midBits
		q := off + uint64(wordBits)
		lm.big[i] = lmEntry{
			hist: mid.read(off, wordBits),
			bo:   midBO[mid.read(q, 16)],
			prob: midProb[mid.read(q+16, 16)],
			next: mid.read(q+32, nextBits),
		}
	}
	lm.tri = make([]lmEntry, counts[2])
	for i := range lm.tri {
		off := uint64(i) * longBits
		lm.tri[i] = lmEntry{hist: long.read(off, wordBits), prob: longProb[long.read(off+uint64(wordBits), 16)]}
	}

	k := int(binary.LittleEndian.Uint32(data[o:]))
	o += 4
	for _, w := range bytes.Split(data[o:o+k], []byte{0}) {
		if len(lm.words) < nv {
			lm.words = append(lm.words, string(w))
		}
	}
	if len(lm.words) != nv {
		return nil, fmt.Errorf("%s: %d word strings for %d unigrams", path, len(lm.words), nv)
	}
	return lm, nil
}

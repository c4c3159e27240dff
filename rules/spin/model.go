package spin

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"sync"
)

// bigramModel is built by internal/gen from the CMU Sphinx generic US English language model
// (see model/README.md). It is embedded but decoded only when a spin check first needs it.
//
//go:embed model/bigram.bin
var bigramModelData []byte

// Quantisation used by internal/gen: one byte per log10 probability and back-off weight.
const (
	probScale = 20
	boScale   = 40
)

// Model is a bigram language model of ordinary English: word ids, unigram and bigram log10
// probabilities with Katz back-off weights. Bigrams are grouped by their second word, sorted
// by the first, and read straight from the embedded bytes, so loading costs only the
// vocabulary map.
type Model struct {
	wordBytes []byte   // the words, each ended by a zero byte
	wordStart []uint32 // wordStart[id] is the offset of word id in wordBytes; one extra at the end
	byWord    []byte   // word ids as uint32 in byte order of their spelling (binary search)
	uniProb   []byte
	uniBO     []byte
	next      []byte // (n+1) little-endian uint32: bigrams of w are [next[w], next[w+1])
	hist      []byte // 3-byte first-word ids
	bigProb   []byte
	bigBO     []byte
	tri       *trigrams // nil: bigram estimates only
	// wordHash maps spellings to ids for ID: open addressing, id+1 per slot (0: empty), a
	// power of two at least twice the vocabulary; built at load (a few milliseconds), since
	// every token of every English paragraph is looked up and a binary search over the
	// vocabulary misses the cache at each step.
	wordHash []int32
	hashSeed maphash.Seed
	fast     fastState // flat tables for long runs (see fasttables.go)
	classes  classMemo // classify by word id (see classOf)
}

var (
	modelOnce sync.Once
	model     *Model
	modelErr  error
)

// loadModel decodes the embedded model once per process.
func loadModel() (*Model, error) {
	modelOnce.Do(func() {
		model, modelErr = parseModel(bigramModelData)
		if modelErr == nil {
			model.tri, modelErr = loadTrigrams()
		}
	})
	return model, modelErr
}

func parseModel(data []byte) (*Model, error) {
	const magic = "TXSPIN1\n"
	if len(data) < len(magic)+12 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("spin model: bad header")
	}
	o := len(magic)
	u32 := func() int {
		v := binary.LittleEndian.Uint32(data[o:])
		o += 4
		return int(v)
	}
	nv, nb, wl := u32(), u32(), u32()
	need := o + wl + 2*nv + 4*(nv+1) + 5*nb // back-off weights of bigrams follow when present
	if len(data) < need {
		return nil, fmt.Errorf("spin model: truncated (%d bytes, want %d)", len(data), need)
	}
	m := &Model{wordBytes: data[o : o+wl : o+wl], wordStart: make([]uint32, 0, nv+1)}
	start := 0
	for i, b := range m.wordBytes {
		if b == 0 {
			m.wordStart = append(m.wordStart, uint32(start))
			start = i + 1
		}
	}
	m.wordStart = append(m.wordStart, uint32(start))
	o += wl
	if len(m.wordStart) != nv+1 {
		return nil, fmt.Errorf("spin model: %d words, header says %d", len(m.wordStart)-1, nv)
	}
	take := func(n int) []byte { b := data[o : o+n : o+n]; o += n; return b }
	m.uniProb = take(nv)
	m.uniBO = take(nv)
	m.next = take(4 * (nv + 1))
	m.hist = take(3 * nb)
	m.bigProb = take(nb)
	if len(data) < o+nb+4*nv {
		return nil, fmt.Errorf("spin model: back-off weights or word index missing")
	}
	m.bigBO = take(nb)
	m.byWord = take(4 * nv)
	m.buildWordHash()
	return m, nil
}

// buildWordHash fills wordHash in the order of byWord, so that a spelling listed twice
// resolves to the id a binary search over byWord would find (the first).
func (m *Model) buildWordHash() {
	n := len(m.byWord) / 4
	size := 1
	for size < 2*n {
		size <<= 1
	}
	m.hashSeed = maphash.MakeSeed()
	m.wordHash = make([]int32, size)
	mask := uint64(size - 1)
	for k := 0; k < n; k++ {
		id := int32(binary.LittleEndian.Uint32(m.byWord[4*k:]))
		if id < 0 || int(id)+1 >= len(m.wordStart) {
			continue // not a word of the vocabulary; a binary search could not return it either
		}
		h := maphash.Bytes(m.hashSeed, m.wordAt(id))
		for m.wordHash[h&mask] != 0 {
			h++
		}
		m.wordHash[h&mask] = id + 1
	}
}

// ID returns the word's id, or -1 when the model does not know it.
func (m *Model) ID(w string) int32 { return m.idHashed(w, m.wordHashOf(w)) }

// wordHashOf is the hash of a spelling in wordHash.
func (m *Model) wordHashOf(w string) uint64 { return maphash.String(m.hashSeed, w) }

// idHashed is ID for a spelling whose hash is h.
func (m *Model) idHashed(w string, h uint64) int32 {
	mask := uint64(len(m.wordHash) - 1)
	for ; ; h++ {
		v := m.wordHash[h&mask]
		if v == 0 {
			return -1
		}
		if string(m.wordAt(v-1)) == w {
			return v - 1
		}
	}
}

// idBytes is ID for a spelling held in bytes (maphash.Bytes hashes as maphash.String does).
func (m *Model) idBytes(w []byte) int32 {
	mask := uint64(len(m.wordHash) - 1)
	for h := maphash.Bytes(m.hashSeed, w); ; h++ {
		v := m.wordHash[h&mask]
		if v == 0 {
			return -1
		}
		if bytes.Equal(m.wordAt(v-1), w) {
			return v - 1
		}
	}
}

// wordAt is the spelling of an id, in place.
func (m *Model) wordAt(id int32) []byte {
	if id < 0 || int(id)+1 >= len(m.wordStart) {
		return nil
	}
	return m.wordBytes[m.wordStart[id] : m.wordStart[id+1]-1]
}

// Word returns the word of an id.
func (m *Model) Word(id int32) string { return string(m.wordAt(id)) }

// UnigramLogProb is log10 P(w).
func (m *Model) UnigramLogProb(w int32) float64 { return -float64(m.uniProb[w]) / probScale }

// backoff is the log10 back-off weight of w as a history.
func (m *Model) backoff(w int32) float64 { return -float64(m.uniBO[w]) / boScale }

func (m *Model) span(w int32) (int, int) {
	return int(binary.LittleEndian.Uint32(m.next[4*w:])), int(binary.LittleEndian.Uint32(m.next[4*w+4:]))
}

func (m *Model) histAt(i int) int32 {
	return int32(m.hist[3*i]) | int32(m.hist[3*i+1])<<8 | int32(m.hist[3*i+2])<<16
}

// bigramIndex is the position of the pair (a, b) in the bigram arrays, or -1. The binary
// search is written out (not sort.Search) so it inlines: it is the spin rule's inner loop.
func (m *Model) bigramIndex(a, b int32) int {
	lo, hi := m.span(b)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if m.histAt(h) < a {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if _, end := m.span(b); lo < end && m.histAt(lo) == a {
		return lo
	}
	return -1
}

// bigramEntry is the bigram (a, b) as the two bytes its estimates read, prob | bo<<8, or -1
// when the model lacks it: logProb2Of and backoffOf give what logProb2At and backoffAt give
// for its position.
func (m *Model) bigramEntry(a, b int32) int32 {
	q := [1]bigQuery{{a: a, b: b}}
	m.bigramEntries(q[:])
	return q[0].res
}

// entryAt is bigramEntry for a position found by bigramIndex.
func (m *Model) entryAt(i int) int32 {
	if i < 0 {
		return -1
	}
	return int32(m.bigProb[i]) | int32(m.bigBO[i])<<8
}

// backoffOf is backoffAt for a bigram entry.
func (m *Model) backoffOf(e int32) float64 {
	if e >= 0 {
		return -float64(e>>8) / boScale
	}
	return 0
}

// logProb2Of is logProb2At for a bigram entry.
func (m *Model) logProb2Of(e int32, a, b int32) (float64, int) {
	if e >= 0 {
		return -float64(e&0xff) / probScale, 2
	}
	return m.backoff(a) + m.UnigramLogProb(b), 1
}

// bigramBackoff is the log10 back-off weight of the history (a, b): 0 when the pair is unseen.
func (m *Model) bigramBackoff(a, b int32) float64 { return m.backoffAt(m.bigramIndex(a, b)) }

// backoffAt is bigramBackoff for a position found by bigramIndex.
func (m *Model) backoffAt(i int) float64 {
	if i >= 0 && m.bigBO != nil {
		return -float64(m.bigBO[i]) / boScale
	}
	return 0
}

// logProb2At is LogProb2(a, b) for i = bigramIndex(a, b).
func (m *Model) logProb2At(i int, a, b int32) (float64, int) {
	if i >= 0 {
		return -float64(m.bigProb[i]) / probScale, 2
	}
	return m.backoff(a) + m.UnigramLogProb(b), 1
}

// Bigram returns log10 P(b | a) when the pair was observed in the reference text.
func (m *Model) Bigram(a, b int32) (float64, bool) {
	if i := m.bigramIndex(a, b); i >= 0 {
		return -float64(m.bigProb[i]) / probScale, true
	}
	return 0, false
}

// LogProb3 is the Katz back-off estimate of log10 P(c | a, b), and the order of the longest
// n-gram the reference model had for it (3, 2 or 1).
func (m *Model) LogProb3(a, b, c int32) (float64, int) {
	if p, ok := m.tri.lookup(a, b, c); ok {
		return p, 3
	}
	bo := m.bigramBackoff(a, b)
	p, order := m.LogProb2(b, c)
	return bo + p, order
}

// LogProb2 is log10 P(b | a) with back-off, and the order of the n-gram found (2 or 1).
func (m *Model) LogProb2(a, b int32) (float64, int) {
	return m.logProb2At(m.bigramIndex(a, b), a, b)
}

// touchWords reads the first slot of every hash in wordHash and the spelling's offset it
// names, without waiting for either: ids looked up after it find them in cache, their reads
// overlapped.
func (m *Model) touchWords(hs []uint64) {
	mask := uint64(len(m.wordHash) - 1)
	var sink uint32
	for _, h := range hs {
		sink += uint32(m.wordHash[h&mask])
	}
	for _, h := range hs {
		if v := m.wordHash[h&mask]; v > 0 && int(v) < len(m.wordStart) {
			sink += m.wordStart[v-1]
		}
	}
	keepAlive(sink)
}

package spin

import "encoding/binary"

// Batched model lookups. A lookup in the reference model is a few dependent reads at random
// places in 16 MB of tables, so one lookup waits on memory at each step; many independent
// lookups made step by step together overlap those waits (the processor has many reads in
// flight at once). The results are exactly those of the one-at-a-time lookups.

// notYet marks a lookup not made yet; -1 is a lookup that found nothing.
const notYet = -2

// triQuery is one trigram to look up: its hash, then its bucket's bounds and position.
type triQuery struct {
	a, b, c int32
	at      int32 // the caller's index, kept as it is
	lo, hi  int32
	// res is the trigram's quantised probability byte, or -1 when the model lacks it.
	res int16
}

// trigramBytes fills the res of every query, from the flat table once it is built.
func (m *Model) trigramBytes(qs []triQuery) {
	ft := m.fastTables(len(qs))
	if ft == nil {
		m.tri.lookupBytes(qs)
		return
	}
	var sink uint32
	for k := range qs {
		q := &qs[k]
		h := triHash(uint32(q.a), uint32(q.b), uint32(q.c))
		q.lo = int32(h >> 16)
		q.hi = int32(h & 0xffff)
		sink += ft.tri.slots[h>>triHomeShift]
	}
	keepAlive(uint16(sink))
	for k := range qs {
		q := &qs[k]
		q.res = ft.tri.probByte(uint32(q.lo)<<16 | uint32(q.hi))
	}
}

// trigramByte is trigramBytes for one trigram.
func (m *Model) trigramByte(a, b, c int32) int16 {
	q := [1]triQuery{{a: a, b: b, c: c}}
	m.trigramBytes(q[:])
	return q[0].res
}

// lookupBytes fills the res of every query: the bucket bounds of all queries are read first,
// then each bucket is searched, then the probabilities are read.
func (t *trigrams) lookupBytes(qs []triQuery) {
	if t == nil {
		for k := range qs {
			qs[k].res = -1
		}
		return
	}
	n := int32(len(t.prob))
	for k := range qs {
		q := &qs[k]
		h := triHash(uint32(q.a), uint32(q.b), uint32(q.c))
		bucket := h >> 16
		q.lo = int32(binary.LittleEndian.Uint32(t.offsets[4*bucket:]))
		q.hi = int32(binary.LittleEndian.Uint32(t.offsets[4*bucket+4:]))
		q.res = int16(uint16(h)) // the key, until the search replaces it
	}
	// Touch every bucket before searching any, so their reads overlap.
	var sink uint16
	for k := range qs {
		if q := &qs[k]; q.lo < q.hi && q.hi <= n {
			sink += uint16(t.keys[2*q.lo]) + uint16(t.keys[2*q.hi-1])
		}
	}
	keepAlive(sink)
	for k := range qs {
		q := &qs[k]
		key := uint16(q.res)
		q.res = -1
		lo, hi := int(q.lo), int(q.hi)
		if lo > hi || hi > int(n) {
			q.lo = -1
			continue
		}
		keys := t.keys[:2*hi]
		for end := hi; lo < end; {
			mid := int(uint(lo+end) >> 1)
			if binary.LittleEndian.Uint16(keys[2*mid:]) < key {
				lo = mid + 1
			} else {
				end = mid
			}
		}
		if lo < hi && binary.LittleEndian.Uint16(keys[2*lo:]) == key {
			q.lo = int32(lo)
		} else {
			q.lo = -1
		}
	}
	for k := range qs {
		if q := &qs[k]; q.lo >= 0 {
			q.res = int16(t.prob[q.lo])
		}
	}
}

// sinkVal keeps the touching reads of a batch from being dropped as dead code.
var sinkVal uint16

func keepAlive(v uint16) {
	if v == 0xffff {
		sinkVal = v
	}
}

// triProb turns a probability byte from lookupBytes into lookup's result.
func triProb(res int16) (float64, bool) {
	if res < 0 {
		return 0, false
	}
	return -float64(res) / probScale, true
}

// bigQuery is one bigram (a, b) to find: the span of b's first words, narrowed step by step.
type bigQuery struct {
	a, b int32
	at   int32 // the caller's index, kept as it is
	base int32
	n    int32
	end  int32
	// res is bigramEntry(a, b).
	res int32
}

// bigramEntries fills the res of every query with bigramEntry(a, b), from the flat table once
// it is built.
func (m *Model) bigramEntries(qs []bigQuery) {
	ft := m.fastTables(len(qs))
	if ft == nil {
		m.bigramIndexes(qs)
		for k := range qs {
			qs[k].res = m.entryAt(int(qs[k].res))
		}
		return
	}
	var sink uint64
	for k := range qs {
		q := &qs[k]
		if q.a >= 0 && q.b >= 0 && q.a < 1<<idBits && q.b < 1<<idBits {
			sink += ft.big.slots[bigramHome(q.a, q.b, ft.big.shift)]
		}
	}
	keepAlive(uint16(sink))
	for k := range qs {
		q := &qs[k]
		q.res = ft.big.entry(q.a, q.b)
	}
}

// bigramIndexes fills the res of every query with bigramIndex(a, b). The binary searches go
// one step at a time for all queries together, each step a branch-free halving, so the reads
// of one step overlap; they find the same lower bound as bigramIndex.
func (m *Model) bigramIndexes(qs []bigQuery) {
	for k := range qs {
		q := &qs[k]
		lo, hi := m.span(q.b)
		q.base, q.end = int32(lo), int32(hi)
		q.n = int32(hi - lo)
	}
	hist := m.hist
	for active := true; active; {
		active = false
		for k := range qs {
			q := &qs[k]
			if q.n <= 1 {
				continue
			}
			active = true
			half := q.n >> 1
			i := 3 * int(q.base+half)
			h := int32(hist[i]) | int32(hist[i+1])<<8 | int32(hist[i+2])<<16
			q.base += half & ((h - q.a) >> 31) // h < a: move up, without a branch
			q.n -= half
		}
	}
	for k := range qs {
		q := &qs[k]
		q.res = -1
		if q.n <= 0 {
			continue // an empty span
		}
		pos := int(q.base)
		if m.histAt(pos) < q.a {
			pos++
		}
		if pos < int(q.end) && m.histAt(pos) == q.a {
			q.res = int32(pos)
		}
	}
}

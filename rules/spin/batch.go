package spin

import "sync/atomic"

// Batched model lookups. Once the flat tables are built (see fasttables.go) a lookup is one
// read at a random place in 48 MB, which waits on memory; the reads of a batch (a word's
// candidates, a paragraph's n-grams) are issued first, all together, so the waits overlap
// (the processor has many reads in flight at once), and the tables are searched after. Before
// the tables are built the lookups are made one at a time in the model's own layout. The
// results are exactly those of single lookups.

// notYet marks a lookup not made yet; -1 is a lookup that found nothing.
const notYet = -2

// triQuery is one trigram to look up.
type triQuery struct {
	a, b, c int32
	at      int32 // the caller's index, kept as it is
	h       uint32
	// res is the trigram's quantised probability byte, or -1 when the model lacks it.
	res int16
}

// trigramBytes fills the res of every query.
func (m *Model) trigramBytes(qs []triQuery) { m.trigramBytesIn(m.fastTables(len(qs)), qs) }

// trigramBytesIn is trigramBytes with the flat tables ft (nil: the model's own layout).
func (m *Model) trigramBytesIn(ft *fastTables, qs []triQuery) {
	if ft == nil {
		for k := range qs {
			q := &qs[k]
			q.res = m.tri.find(q.a, q.b, q.c)
		}
		return
	}
	ft.touchTri(qs)
	ft.probeTri(qs)
}

// trigramByte is trigramBytes for one trigram.
func (m *Model) trigramByte(a, b, c int32) int16 {
	q := [1]triQuery{{a: a, b: b, c: c}}
	m.trigramBytes(q[:])
	return q[0].res
}

// sinkVal keeps the reads that start a batch from being dropped as dead code.
var sinkVal atomic.Uint32

func keepAlive(v uint32) {
	if v == 0xffffffff {
		sinkVal.Store(v)
	}
}

// triProb turns a probability byte into lookup's result.
func triProb(res int16) (float64, bool) {
	if res < 0 {
		return 0, false
	}
	return -float64(res) / probScale, true
}

// bigQuery is one bigram (a, b) to look up.
type bigQuery struct {
	a, b int32
	at   int32 // the caller's index, kept as it is
	// res is bigramEntry(a, b).
	res int32
}

// bigramEntries fills the res of every query.
func (m *Model) bigramEntries(qs []bigQuery) { m.bigramEntriesIn(m.fastTables(len(qs)), qs) }

// bigramEntriesIn is bigramEntries with the flat tables ft (nil: the model's own layout).
func (m *Model) bigramEntriesIn(ft *fastTables, qs []bigQuery) {
	if ft == nil {
		for k := range qs {
			q := &qs[k]
			q.res = m.entryAt(m.bigramIndex(q.a, q.b))
		}
		return
	}
	ft.touchBig(qs)
	ft.probeBig(qs)
}

// lookUp fills the res of every query of both kinds: with the flat tables, the first reads of
// all of them are issued together before any is searched, so one wait on memory serves both
// batches.
func (m *Model) lookUp(tq []triQuery, bq []bigQuery) {
	ft := m.fastTables(len(tq) + len(bq))
	if ft == nil {
		m.trigramBytesIn(nil, tq)
		m.bigramEntriesIn(nil, bq)
		return
	}
	ft.touchTri(tq)
	ft.touchBig(bq)
	ft.probeTri(tq)
	ft.probeBig(bq)
}

// touchTri hashes the trigrams and reads their words of the filter, whose results are not
// waited for.
func (ft *fastTables) touchTri(qs []triQuery) {
	var sink uint64
	for k := range qs {
		q := &qs[k]
		q.h = triHash(uint32(q.a), uint32(q.b), uint32(q.c))
		w, _ := filterOf(q.h)
		sink += ft.tri.filter[w]
	}
	keepAlive(uint32(sink))
}

// probeTri answers the trigrams the filter rules out, reads the home slots of the others
// together, then searches them.
func (ft *fastTables) probeTri(qs []triQuery) {
	var sink uint32
	left := 0
	for k := range qs {
		q := &qs[k]
		if !ft.tri.mayHave(q.h) {
			q.res = -1
			continue
		}
		q.res = notYet
		sink += ft.tri.slots[q.h>>triHomeShift]
		left++
	}
	keepAlive(sink)
	for k := 0; left > 0 && k < len(qs); k++ {
		if q := &qs[k]; q.res == notYet {
			q.res = ft.tri.probByte(q.h)
			left--
		}
	}
}

func (ft *fastTables) touchBig(qs []bigQuery) {
	var sink uint64
	for k := range qs {
		q := &qs[k]
		if q.a >= 0 && q.b >= 0 && q.a < 1<<idBits && q.b < 1<<idBits {
			w, _ := filterOf(bigramFilterHash(q.a, q.b))
			sink += ft.big.filter[w]
		}
	}
	keepAlive(uint32(sink))
}

// probeBig answers the pairs the filter rules out, reads the home slots of the others
// together, then searches them.
func (ft *fastTables) probeBig(qs []bigQuery) {
	var sink uint64
	left := 0
	for k := range qs {
		q := &qs[k]
		if q.a < 0 || q.b < 0 || q.a >= 1<<idBits || q.b >= 1<<idBits || !ft.big.mayHave(q.a, q.b) {
			q.res = -1
			continue
		}
		q.res = notYet
		sink += ft.big.slots[bigramHome(q.a, q.b, ft.big.shift)]
		left++
	}
	keepAlive(uint32(sink))
	for k := 0; left > 0 && k < len(qs); k++ {
		if q := &qs[k]; q.res == notYet {
			q.res = ft.big.entry(q.a, q.b)
			left--
		}
	}
}

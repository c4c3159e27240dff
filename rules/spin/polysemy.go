package spin

import (
	"math"
	"sync"
	"sync/atomic"
)

// The polysemy discount of a candidate (see thresholds.Polysemy) depends on the candidate
// alone, not on its context, so it is known before any of the candidate's n-grams are looked
// up. judgeNearMiss adds it to the bar a candidate must clear: a candidate whose best possible
// score (every n-gram left to read scoring 0) cannot pay for its discount is dropped before
// its lookups, and one that fails part-way stops there. On the bench corpus 97 % of the
// candidates that were fitted in full missed the bar once the discount was taken.

// synonymCounts holds, per word id, 1 + the number of the word's synonyms (0: not counted
// yet): the discount's input, kept dense so that it is one read in a small array, where the
// synonym lists are a pointer and a list each.
type synonymCounts struct {
	n []atomic.Int32
}

var (
	countsMu sync.Mutex
	countsOf = map[*thesaurus]*synonymCounts{}
)

// synonymCountsOf returns the memo of t's synonym counts for the words of m.
func synonymCountsOf(m *Model, t *thesaurus) *synonymCounts {
	countsMu.Lock()
	defer countsMu.Unlock()
	c := countsOf[t]
	if c == nil {
		c = &synonymCounts{n: make([]atomic.Int32, len(m.wordStart)-1)}
		countsOf[t] = c
	}
	return c
}

// count is len(t.Synonyms(m, w)).
func (c *synonymCounts) count(m *Model, t *thesaurus, w int32) int {
	if w < 0 || int(w) >= len(c.n) {
		return len(t.Synonyms(m, w))
	}
	if v := c.n[w].Load(); v > 0 {
		return int(v - 1)
	}
	k := len(t.Synonyms(m, w))
	c.n[w].Store(int32(k + 1))
	return k
}

// polysemyPenalty is the discount of candidate s at rate p (0 when p is 0), computed as the
// final gain test computes it.
func polysemyPenalty(m *Model, t *thesaurus, counts *synonymCounts, p float64, s int32) float64 {
	if p <= 0 {
		return 0
	}
	return p * math.Log10(float64(1+counts.count(m, t, s)))
}

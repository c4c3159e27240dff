package spin

import (
	"math"
	"sync"
	"sync/atomic"
)

// The polysemy discount of a candidate (see thresholds.Polysemy) needs the number of the
// candidate's own synonyms. judgeNearMiss takes it only for a candidate that clears the bar
// without it (about 3 % of those fitted in full on the bench corpus), and reads the count from
// a dense per-word memo: one read in a small array, where the synonym lists are a pointer and
// a list each.

// synonymCounts holds, per word id, 1 + the number of the word's synonyms (0: not counted
// yet).
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

// polysemyPenalty is the discount of candidate s at rate p: 0 when p is 0.
func polysemyPenalty(m *Model, t *thesaurus, counts *synonymCounts, p float64, s int32) float64 {
	if p <= 0 {
		return 0
	}
	return p * math.Log10(float64(1+counts.count(m, t, s)))
}

// synonymCounts is the memo of t's synonym counts, fetched once per paragraph.
func (s *fitScratch) synonymCounts(m *Model, t *thesaurus) *synonymCounts {
	if s.counts == nil || s.countsOf != t {
		s.counts, s.countsOf = synonymCountsOf(m, t), t
	}
	return s.counts
}

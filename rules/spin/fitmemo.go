package spin

import "sync"

// The fitter's lookups, made ahead in batches (see batch.go): a paragraph's own n-grams once
// for all its words, and the candidates of a word together before they are fitted one by one.
// The fitter reads the model only through these memos, so its scores are exactly those of
// lookups made one at a time.

// candFit holds the model lookups of one word x at the fitter's position i: the bigram
// entries (see bigramEntry) of (i-1, x) and (x, i+1), and the probability bytes of the trigrams ending at i,
// i+1 and i+2. notYet marks one not made (yet), -1 one the model lacks.
type candFit struct {
	x          int32
	ax, xb     int32
	t1, t2, t3 int16
}

func unlooked(x int32) candFit {
	return candFit{x: x, ax: notYet, xb: notYet, t1: notYet, t2: notYet, t3: notYet}
}

// fitScratch holds the buffers of prepare, reused for every word of a paragraph.
type fitScratch struct {
	pre  []candFit
	live []int32
	tq   []triQuery
	bq   []bigQuery
	hs   []uint64
	// counts memoises the polysemy discounts' synonym counts for countsOf (see polysemy.go).
	counts   *synonymCounts
	countsOf *thesaurus
	// The paragraph's tokens and its chain's arrays (see newChain), kept for the next
	// paragraph.
	toks   []token
	ids    []int32
	linked []bool
	big    []int32
	tri    []int16
}

// scratchPool keeps the buffers of paragraphs judged, for the next ones: a paragraph's
// buffers were most of the spin family's allocations.
var scratchPool sync.Pool

// getFitScratch is a scratch from the pool, or a new one sized for n tokens.
func getFitScratch(n int) *fitScratch {
	if v := scratchPool.Get(); v != nil {
		return v.(*fitScratch)
	}
	return newFitScratch(n)
}

// release gives the chain's buffers back to the pool: neither the chain nor its tokens may be
// used after it.
func (c *chain) release() {
	if c.scratch != nil {
		scratchPool.Put(c.scratch)
		c.scratch = nil
	}
}

// sized is b with length n, reusing its array when it is large enough; the caller sets every
// element.
func sized[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/2)
	}
	return b[:n]
}

// newFitScratch sizes the buffers for a paragraph of n tokens and words with up to a few
// dozen candidates, so that they rarely grow.
func newFitScratch(n int) *fitScratch {
	const cands = 48
	return &fitScratch{
		pre:  make([]candFit, 0, cands),
		live: make([]int32, 0, cands),
		tq:   make([]triQuery, 0, max(n, 2*cands)),
		bq:   make([]bigQuery, 0, max(n, 2*cands)),
		hs:   make([]uint64, 0, n),
	}
}

// hashes hashes the spellings of the tokens and reads where they lead in the model, so that
// newChain's ids are found with their reads overlapped.
func (s *fitScratch) hashes(m *Model, toks []token) []uint64 {
	hs := s.hs[:0]
	for _, t := range toks {
		hs = append(hs, m.wordHashOf(t.Lower))
	}
	m.touchWords(hs)
	s.hs = hs
	return hs
}

// entry is the memo of x's lookups: the word's own, the next prepared candidate's, or a
// fresh one.
func (f *fitter) entry(x int32) *candFit {
	if x == f.own.x {
		return &f.own
	}
	if f.next < len(f.pre) && f.pre[f.next].x == x {
		f.next++
		return &f.pre[f.next-1]
	}
	f.tmp = unlooked(x)
	return &f.tmp
}

func (f *fitter) tri1(e *candFit) int16 {
	if e.t1 == notYet {
		e.t1 = f.m.trigramByte(f.a2, f.a1, e.x)
	}
	return e.t1
}

func (f *fitter) tri2(e *candFit) int16 {
	if e.t2 == notYet {
		e.t2 = f.m.trigramByte(f.a1, e.x, f.b1)
	}
	return e.t2
}

func (f *fitter) tri3(e *candFit) int16 {
	if e.t3 == notYet {
		e.t3 = f.m.trigramByte(e.x, f.b1, f.b2)
	}
	return e.t3
}

func (f *fitter) axOf(e *candFit) int32 {
	if e.ax == notYet {
		e.ax = f.m.bigramEntry(f.a1, e.x)
	}
	return e.ax
}

func (f *fitter) xbOf(e *candFit) int32 {
	if e.xb == notYet {
		e.xb = f.m.bigramEntry(e.x, f.b1)
	}
	return e.xb
}

// prepare makes the lookups that fit will need for the candidates, in the order they will be
// fitted, a stage at a time for all of them: the n-gram ending at i (the trigram and the
// bigram (i-1, x) its back-off reads, together), then for the candidates that can still
// clear the bar b and have at most limit unseen n-grams, the n-grams ending at i+1, then the
// one ending at i+2. The bar only rises as candidates are found, so b as it is now stops no
// candidate that fit will judge in full; one that prepare stopped and fit does not is looked
// up by fit itself.
func (f *fitter) prepare(cands []int32, limit int, b *bar) {
	s := f.scratch
	if s == nil {
		s = &fitScratch{}
		f.scratch = s
	}
	pre := s.pre[:0]
	live := s.live[:0]
	for k, x := range cands {
		pre = append(pre, unlooked(x))
		live = append(live, int32(k))
	}
	f.pre, f.next = pre, 0
	leftSeen, rightSeen := f.leftSeen, f.rightSeen

	// The n-gram ending at i.
	if f.left >= 1 {
		f.lookUpStage(pre, live, f.left == 2, false, true, false)
	}
	if f.right >= 1 {
		keep := live[:0]
		for _, k := range live {
			score, unseen, _ := f.leftTerm(&pre[k])
			if unseen <= limit && !b.beaten(score) {
				keep = append(keep, k)
			}
		}
		live = keep
		// The n-gram ending at i+1: the bigram (x, i+1) and, after a left context, the trigram.
		f.lookUpStage(pre, live, false, f.left >= 1, false, true)
	}
	if f.right == 2 {
		keep := live[:0]
		for _, k := range live {
			e := &pre[k]
			score, unseen, _ := f.leftTerm(e)
			score, unseen = f.midTerm(e, score, unseen)
			if unseen <= limit && !b.beaten(score) {
				keep = append(keep, k)
			}
		}
		live = keep
		// The trigram ending at i+2.
		f.lookUpTri3(pre, live)
	}
	f.leftSeen, f.rightSeen = leftSeen, rightSeen
	s.pre, s.live = pre, live
}

// lookUpStage looks up, for the live candidates x, the trigrams (i-2, i-1, x) (tri1) and
// (i-1, x, i+1) (tri2) and the bigrams (i-1, x) (left) and (x, i+1) (right) asked for, all
// in one batch.
func (f *fitter) lookUpStage(pre []candFit, live []int32, tri1, tri2, left, right bool) {
	tq, bq := f.scratch.tq[:0], f.scratch.bq[:0]
	for _, k := range live {
		e := &pre[k]
		if tri1 && e.t1 == notYet {
			tq = append(tq, triQuery{a: f.a2, b: f.a1, c: e.x, at: 2 * k})
		}
		if tri2 && e.t2 == notYet {
			tq = append(tq, triQuery{a: f.a1, b: e.x, c: f.b1, at: 2*k + 1})
		}
		if left && e.ax == notYet {
			bq = append(bq, bigQuery{a: f.a1, b: e.x, at: 2 * k})
		}
		if right && e.xb == notYet {
			bq = append(bq, bigQuery{a: e.x, b: f.b1, at: 2*k + 1})
		}
	}
	f.m.lookUp(tq, bq)
	for _, q := range tq {
		if e := &pre[q.at/2]; q.at%2 == 0 {
			e.t1 = q.res
		} else {
			e.t2 = q.res
		}
	}
	for _, q := range bq {
		if e := &pre[q.at/2]; q.at%2 == 0 {
			e.ax = q.res
		} else {
			e.xb = q.res
		}
	}
	f.scratch.tq, f.scratch.bq = tq, bq
}

// lookUpTri3 looks up the trigrams (x, i+1, i+2) of the live candidates.
func (f *fitter) lookUpTri3(pre []candFit, live []int32) {
	tq := f.scratch.tq[:0]
	for _, k := range live {
		if e := &pre[k]; e.t3 == notYet {
			tq = append(tq, triQuery{a: e.x, b: f.b1, c: f.b2, at: k})
		}
	}
	f.m.trigramBytes(tq)
	for _, q := range tq {
		pre[q.at].t3 = q.res
	}
	f.scratch.tq = tq
}

// lookUpNgrams fills big and tri: every bigram and trigram of running text in the paragraph,
// looked up together.
func (c *chain) lookUpNgrams(m *Model) {
	n := len(c.ids)
	s := c.scratch
	c.big, c.tri = sized(s.big, n), sized(s.tri, n)
	s.big, s.tri = c.big, c.tri
	bq, tq := s.bq[:0], s.tq[:0]
	for j := range c.ids {
		c.big[j], c.tri[j] = notYet, notYet
		if j == 0 || !c.linked[j] {
			continue
		}
		bq = append(bq, bigQuery{a: c.ids[j-1], b: c.ids[j], at: int32(j)})
		if j >= 2 && c.linked[j-1] {
			tq = append(tq, triQuery{a: c.ids[j-2], b: c.ids[j-1], c: c.ids[j], at: int32(j)})
		}
	}
	m.lookUp(tq, bq)
	for _, q := range bq {
		c.big[q.at] = q.res
	}
	for _, q := range tq {
		c.tri[q.at] = q.res
	}
	s.bq, s.tq = bq, tq
}

// bigAt is big[j], notYet when the paragraph has no bigram there or did not look it up.
func (c *chain) bigAt(j int) int32 {
	if j < len(c.big) {
		return c.big[j]
	}
	return notYet
}

func (c *chain) triAt(j int) int16 {
	if j < len(c.tri) {
		return c.tri[j]
	}
	return notYet
}

// bigramAt is bigramEntry(ids[j-1], ids[j]), from big when it was looked up.
func (c *chain) bigramAt(m *Model, j int) int32 {
	if b := c.bigAt(j); b != notYet {
		return b
	}
	return m.bigramEntry(c.ids[j-1], c.ids[j])
}

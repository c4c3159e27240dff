package spin

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
// fitted, a stage at a time for all of them: the n-gram ending at i, then for the candidates
// that can still clear the bar b and have at most limit unseen n-grams, the n-gram ending at
// i+1, then the one ending at i+2. The bar only rises as candidates are found, so b as it is
// now stops no candidate that fit will judge in full; one that prepare stopped and fit does
// not is looked up by fit itself.
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
	defer func() { s.pre, s.live = pre, live }()
	leftSeen, rightSeen := f.leftSeen, f.rightSeen
	defer func() { f.leftSeen, f.rightSeen = leftSeen, rightSeen }()

	// The n-gram ending at i.
	switch f.left {
	case 2:
		f.lookUpTri(pre, live, 1)
		f.lookUpBig(pre, live, true, func(e *candFit) bool { return e.t1 < 0 })
	case 1:
		f.lookUpBig(pre, live, true, nil)
	}
	if f.right == 0 {
		return
	}
	keep := live[:0]
	for _, k := range live {
		score, unseen, _ := f.leftTerm(&pre[k])
		if unseen <= limit && !b.beaten(score) {
			keep = append(keep, k)
		}
	}
	live = keep
	// The n-gram ending at i+1.
	f.lookUpBig(pre, live, false, nil)
	if f.left >= 1 {
		f.lookUpTri(pre, live, 2)
		f.lookUpBig(pre, live, true, func(e *candFit) bool { return e.t2 < 0 })
	}
	if f.right == 1 {
		return
	}
	keep = live[:0]
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
	f.lookUpTri(pre, live, 3)
}

// lookUpTri fills trigram which (1, 2, 3: ending at i, i+1, i+2) of the live candidates.
func (f *fitter) lookUpTri(pre []candFit, live []int32, which int) {
	qs := f.scratch.tq[:0]
	for _, k := range live {
		e := &pre[k]
		q := triQuery{at: k}
		switch which {
		case 1:
			q.a, q.b, q.c = f.a2, f.a1, e.x
		case 2:
			q.a, q.b, q.c = f.a1, e.x, f.b1
		default:
			q.a, q.b, q.c = e.x, f.b1, f.b2
		}
		qs = append(qs, q)
	}
	f.m.trigramBytes(qs)
	for _, q := range qs {
		e := &pre[q.at]
		switch which {
		case 1:
			e.t1 = q.res
		case 2:
			e.t2 = q.res
		default:
			e.t3 = q.res
		}
	}
	f.scratch.tq = qs
}

// lookUpBig fills the bigram (i-1, x) (left) or (x, i+1) of the live candidates for which
// need says so (nil: all) and that do not have it yet.
func (f *fitter) lookUpBig(pre []candFit, live []int32, left bool, need func(*candFit) bool) {
	qs := f.scratch.bq[:0]
	for _, k := range live {
		e := &pre[k]
		if need != nil && !need(e) {
			continue
		}
		if left && e.ax == notYet {
			qs = append(qs, bigQuery{a: f.a1, b: e.x, at: k})
		} else if !left && e.xb == notYet {
			qs = append(qs, bigQuery{a: e.x, b: f.b1, at: k})
		}
	}
	f.m.bigramEntries(qs)
	for _, q := range qs {
		if left {
			pre[q.at].ax = q.res
		} else {
			pre[q.at].xb = q.res
		}
	}
	f.scratch.bq = qs
}

// lookUpNgrams fills big and tri: every bigram and trigram of running text in the paragraph,
// looked up together.
func (c *chain) lookUpNgrams(m *Model) {
	n := len(c.ids)
	c.big, c.tri = make([]int32, n), make([]int16, n)
	s := c.scratch
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
	m.bigramEntries(bq)
	m.trigramBytes(tq)
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

package spin

import (
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/textaudit/textaudit/rules/stopwords"
)

// nearMiss is a word that fits its neighbours badly while a synonym would fit them well:
// the trace a synonym spinner leaves ("boots on the floor" for "boots on the ground").
type nearMiss struct {
	Index    int     // token index
	Expected string  // the synonym that fits the context
	Gain     float64 // log10 improvement of the context fit
	// Wider is true when Expected is a WordNet neighbour (hypernym, hyponym, similar) of the
	// word rather than a synonym; Preposition when both are prepositions.
	Wider, Preposition bool
	// Unseen is how many of the n-grams around the word the reference model lacked at full
	// order, less the same count for the synonym: > 0 means the synonym's context is attested
	// where the word's is not.
	Unseen int
}

// chain holds a paragraph's word ids and which words continue running text from the
// previous one, so n-grams never straddle punctuation, numbers or unknown words.
type chain struct {
	ids    []int32
	linked []bool // linked[i]: tokens i-1 and i are both known and adjacent in running text
	// The paragraph's own n-grams, looked up together once (see lookUpNgrams): big[i] is
	// bigramEntry(ids[i-1], ids[i]) where linked[i], tri[i] the probability byte of the
	// trigram ending at i where linked[i-1] and linked[i] (-1: unseen); notYet elsewhere.
	big []int32
	tri []int16
	// scratch is the candidates' lookup memo, reused by every word of the paragraph.
	scratch *fitScratch
}

// newChain reads a paragraph's tokens as model words. A capitalised word inside a sentence
// (a name, an acronym) is context only when its lower-cased form is a model word that WordNet
// does not list at all, such as "Reuters": names that are also common words ("Brown",
// "March", "Bill") and nationality words, which WordNet lists, are left out, since the model's
// statistics for them are those of the lower-case word. Measured on the dev set and the bench
// corpus, reading every known capitalised word as context loses recall (0.870 -> 0.859); this
// narrower reading gains precision (0.935 -> 0.945). th nil leaves every such word out.
// Capitalised words are never judged.
func newChain(m *Model, th *thesaurus, toks []token) chain {
	return newChainIn(m, th, toks, getFitScratch(len(toks)))
}

// newChainIn is newChain with the buffers of s (see release).
func newChainIn(m *Model, th *thesaurus, toks []token, s *fitScratch) chain {
	n := len(toks)
	c := chain{ids: sized(s.ids, n), linked: sized(s.linked, n), scratch: s}
	s.ids, s.linked = c.ids, c.linked
	if n > 0 {
		c.linked[0] = false
	}
	hs := c.scratch.hashes(m, toks)
	for i, t := range toks {
		c.ids[i] = -1
		switch {
		case !t.Capitalised || t.SentenceStart:
			c.ids[i] = m.idHashed(t.Lower, hs[i])
		case th != nil:
			if id := m.idHashed(t.Lower, hs[i]); id >= 0 && !th.hasSenses(id) {
				c.ids[i] = id
			}
		}
	}
	for i := 1; i < len(toks); i++ {
		c.linked[i] = !toks[i].Break && c.ids[i-1] >= 0 && c.ids[i] >= 0
	}
	c.lookUpNgrams(m)
	return c
}

// fitter scores the words that could stand at token i: the log10 probability of the n-grams
// (up to trigrams) that contain token i when it reads x, and how many of them the model
// lacked at full order. The word's own unigram probability is left out when it has no left
// context: a rare word is no evidence by itself.
//
// The n-grams around i are the same for
// every candidate but for the candidate itself, so the parts that do not involve it (the
// back-off weight of the two words before, the bigram of the two words after) are looked up
// once, and each bigram with the candidate is searched once, though Katz back-off reads it
// twice (as a probability and as a back-off weight). The sums are formed in the order and
// with the operations of a plain per-n-gram loop, so the scores are exactly the same.
type fitter struct {
	m *Model
	// left is 2 when tokens i-2, i-1, i are linked (a trigram ends at i), 1 when only i-1, i
	// are (a bigram), 0 when i starts a run of text.
	left int
	// right is 0 when token i+1 does not follow i in running text, 1 when it does, 2 when
	// i+2 follows i+1 as well.
	right  int
	a2, a1 int32   // ids of tokens i-2, i-1 (when left reaches them)
	b1, b2 int32   // ids of tokens i+1, i+2 (when right reaches them)
	boA    float64 // back-off weight of the history (a2, a1), for a trigram the model lacks
	afterB float64 // log10 P(b2 | b1) with back-off, for a trigram (x, b1, b2) the model lacks
	// leftSeen and rightSeen: whether the model has the bigrams (i-1, x) and (x, i+1) of the
	// last candidate fitted, as far as fit found out (a trigram it has implies its first
	// bigram); read by judgeNearMiss for the orphan test without searching again.
	leftSeen, rightSeen bool
	// own holds the lookups of the word at i, read from the chain; pre those of the
	// candidates listed to prepare, fitted in that order (next is the next one expected);
	// tmp those of any other word fitted.
	own, tmp candFit
	pre      []candFit
	next     int
	scratch  *fitScratch
}

func newFitter(m *Model, c chain, i int) fitter {
	f := fitter{m: m, scratch: c.scratch}
	f.own = unlooked(c.ids[i])
	n := len(c.ids)
	if c.linked[i] {
		f.left, f.a1 = 1, c.ids[i-1]
		f.own.ax = c.bigAt(i)
		if i >= 2 && c.linked[i-1] {
			f.left, f.a2 = 2, c.ids[i-2]
			f.boA = m.backoffOf(c.bigramAt(m, i-1))
			f.own.t1 = c.triAt(i)
		}
	}
	if i+1 < n && c.linked[i+1] {
		f.right, f.b1 = 1, c.ids[i+1]
		f.own.xb = c.bigAt(i + 1)
		if f.left >= 1 {
			f.own.t2 = c.triAt(i + 1)
		}
		if i+2 < n && c.linked[i+2] {
			f.right, f.b2 = 2, c.ids[i+2]
			f.afterB, _ = m.logProb2Of(c.bigramAt(m, i+2), f.b1, f.b2)
			f.own.t3 = c.triAt(i + 2)
		}
	}
	return f
}

// bar is what a candidate's score must beat to replace the best candidate so far: its gain
// over the word's score must reach need (the least threshold that can apply to it), and when
// a candidate was already found, exceed need by more than its excess. Every n-gram adds a
// log probability <= 0, so a partial score that misses the bar can only miss it further.
type bar struct {
	word, need, excess float64
	found              bool
}

// beaten reports whether a candidate whose score is at most partial cannot clear the bar.
// Floating-point sums of non-positive terms never grow, so this is exact, not approximate.
func (b *bar) beaten(partial float64) bool {
	if b == nil {
		return false
	}
	d := partial - b.word
	if !b.found {
		return d < b.need
	}
	return d-b.need <= b.excess
}

// fit is windowFit for x. It stops early, returning unseen > limit, once more than limit
// n-grams were unseen or the score cannot clear the bar (nil: no bar); callers then discard
// the candidate. The model is read through the lookups already made for x (see prepare).
func (f *fitter) fit(x int32, limit int, b *bar) (score float64, unseen, judged int) {
	e := f.entry(x)
	f.leftSeen, f.rightSeen = false, false
	score, unseen, judged = f.leftTerm(e)
	if f.right == 0 {
		return score, unseen, judged
	}
	if unseen > limit || b.beaten(score) {
		return score, limit + 1, judged
	}
	score, unseen = f.midTerm(e, score, unseen)
	judged++
	if f.right == 1 {
		return score, unseen, judged
	}
	if unseen > limit || b.beaten(score) {
		return score, limit + 1, judged
	}
	score, unseen = f.rightTerm(e, score, unseen)
	judged++
	return score, unseen, judged
}

// leftTerm adds the n-gram ending at i. The bigram (i-1, i) is read as a probability and as
// a back-off weight; so is (i, i+1). Each is searched once, and only when a trigram the
// model lacks needs it.
func (f *fitter) leftTerm(e *candFit) (score float64, unseen, judged int) {
	m := f.m
	switch f.left {
	case 2:
		p, ok := triProb(f.tri1(e))
		if !ok {
			q, _ := m.logProb2Of(f.axOf(e), f.a1, e.x)
			p = f.boA + q
			unseen++
		}
		f.leftSeen = ok || e.ax >= 0
		score += p
		judged++
	case 1:
		p, order := m.logProb2Of(f.axOf(e), f.a1, e.x)
		score += p
		judged++
		if order < 2 {
			unseen++
		}
		f.leftSeen = order == 2
	}
	return score, unseen, judged
}

// midTerm adds the n-gram ending at i+1.
func (f *fitter) midTerm(e *candFit, score float64, unseen int) (float64, int) {
	m := f.m
	xb := f.xbOf(e)
	f.rightSeen = xb >= 0
	if f.left >= 1 {
		p, ok := triProb(f.tri2(e))
		if !ok {
			q, _ := m.logProb2Of(xb, e.x, f.b1)
			p = m.backoffOf(f.axOf(e)) + q
			unseen++
		}
		score += p
	} else {
		p, order := m.logProb2Of(xb, e.x, f.b1)
		score += p
		if order < 2 {
			unseen++
		}
	}
	return score, unseen
}

// rightTerm adds the trigram ending at i+2.
func (f *fitter) rightTerm(e *candFit, score float64, unseen int) (float64, int) {
	p, ok := triProb(f.tri3(e))
	if !ok {
		p = f.m.backoffOf(f.xbOf(e)) + f.afterB
		unseen++
	}
	return score + p, unseen
}

// thresholds are the gains (log10 units) a replacement must bring for a near-miss.
type thresholds struct {
	Synonym float64 // a WordNet synonym whose context is better attested than the word's
	Wider   float64 // a hypernym, hyponym or similar word, better attested; 0: not tried
	Tie     float64 // any candidate whose context is no better attested than the word's
	// Preposition is the gain a preposition swapped for another needs; 0: not tried.
	Preposition float64
	// Polysemy discounts a candidate's gain by this times log10(1 + its synonym count): a
	// spinner that meant to write "be" picks "comprise" among dozens of thesaurus entries,
	// so a light verb's better fit is weak evidence that it was the original word.
	Polysemy float64
	// Common judges the content words of the general stopword list ("placed", "front",
	// "greater"), which are frequent and polysemous enough to be skipped on a first reading.
	Common bool
}

// findNearMiss checks token i against its synonyms, then its wider WordNet neighbours, and
// returns the candidate that clears its threshold by the widest margin. Excess is that margin.
func findNearMiss(m *Model, t *thesaurus, toks []token, c chain, i int, th thresholds) (nm nearMiss, excess float64, ok bool) {
	if c.ids[i] < 0 || toks[i].Capitalised {
		return nearMiss{}, 0, false
	}
	k := m.classOf(c.ids[i], toks[i].Lower)
	if !k.judgeable(toks[i].Lower, th) {
		return nearMiss{}, 0, false
	}
	nm, excess, ok = judgeNearMiss(m, t, toks, c, i, th, nil)
	return nm, excess, ok
}

// wordClass is what the closed-class lists say about a lower-case word.
type wordClass struct{ function, stop bool }

// classify looks a word up in the function words and, when it is not one, the stopword list.
func classify(w string) wordClass {
	if isFunctionWord(w) {
		return wordClass{function: true}
	}
	return wordClass{stop: stopwords.Is("en", w)}
}

// classMemo holds classify's answer per word id, 1 | function<<1 | stop<<2 (0: not asked
// yet): every known lower-case token of every paragraph is classified, and a read in a dense
// array costs far less than the two string-keyed lists.
type classMemo struct {
	once  sync.Once
	slots []atomic.Uint32
}

// classOf is classify(w) for the model word id whose spelling w is.
func (m *Model) classOf(id int32, w string) wordClass {
	cm := &m.classes
	cm.once.Do(func() { cm.slots = make([]atomic.Uint32, len(m.wordStart)-1) })
	if id < 0 || int(id) >= len(cm.slots) {
		return classify(w)
	}
	if v := cm.slots[id].Load(); v != 0 {
		return wordClass{function: v&2 != 0, stop: v&4 != 0}
	}
	k := classify(w)
	v := uint32(1)
	if k.function {
		v |= 2
	}
	if k.stop {
		v |= 4
	}
	cm.slots[id].Store(v)
	return k
}

// content reports a content word: neither a function word nor on the stopword list.
func (k wordClass) content() bool { return !k.function && !k.stop }

// judgeable reports whether findNearMiss judges a known lower-case word of this class under
// th: a preposition when prepositions are swapped, a content word, or a stopword-list content
// word when th.Common.
func (k wordClass) judgeable(w string, th thresholds) bool {
	if th.Preposition > 0 && isPreposition(w) {
		return true
	}
	return !k.function && (th.Common || !k.stop)
}

// judgeNearMiss is findNearMiss for a token already known to be judgeable. When nb is not
// nil it reports which neighbours the word has in running text and whether the model has
// its bigrams with them (see isOrphan), read off the fit of the word itself.
func judgeNearMiss(m *Model, t *thesaurus, toks []token, c chain, i int, th thresholds, nb *neighbourFit) (nm nearMiss, excess float64, ok bool) {
	w := c.ids[i]
	prep := th.Preposition > 0 && isPreposition(toks[i].Lower)
	if c.scratch == nil {
		c.scratch = newFitScratch(len(toks))
	}
	f := newFitter(m, c, i)
	fw, unseenW, judged := f.fit(w, len(c.ids), nil)
	if nb != nil {
		*nb = neighbourFit{left: f.left >= 1, right: f.right >= 1, leftSeen: f.leftSeen, rightSeen: f.rightSeen}
	}
	if judged == 0 || unseenW == 0 {
		return nearMiss{}, 0, false
	}
	best := nearMiss{Index: i}
	if prep {
		// A preposition's synonyms are the other prepositions, a closed class: a spinner's
		// "backed through Russian airpower" for "backed by", judged like a synonym swap
		// but against its own, higher threshold (prepositions do vary in good prose).
		th = thresholds{Synonym: th.Preposition, Tie: max(th.Tie, th.Preposition)}
	}
	var sets [][]int32
	switch {
	case prep:
		sets = [][]int32{otherPrepositions(m, w, c, i)}
	case th.Wider > 0:
		sets = [][]int32{t.Synonyms(m, w), t.Wider(m, w)}
	default:
		sets = [][]int32{t.Synonyms(m, w)}
	}
	var counts *synonymCounts
	if th.Polysemy > 0 {
		counts = c.scratch.synonymCounts(m, t)
	}
	for k, cands := range sets {
		wider := k == 1
		b := bar{word: fw, need: th.Synonym}
		if wider {
			b.need = th.Wider
		}
		if b.beaten(0) {
			continue // the word's context fits too well for any candidate to gain enough
		}
		base := b.need
		f.prepare(cands, unseenW, &b)
		for _, s := range cands {
			b.found, b.excess, b.need = ok, excess, base
			fs, unseenS, _ := f.fit(s, unseenW, &b)
			if unseenS > unseenW || b.beaten(fs) {
				// The polysemy discount is >= 0, so a candidate that misses the bar without it
				// misses it with it: the discount is taken only for one that clears it (3 % of
				// those fitted in full on the bench corpus).
				continue
			}
			pen := polysemyPenalty(m, t, counts, th.Polysemy, s)
			need := th.Synonym
			if wider {
				need = th.Wider
			}
			if unseenS == unseenW {
				need = max(need, th.Tie)
			}
			g := fs - fw - pen
			// The spelling check allocates, so it runs only for a candidate that would win.
			if g >= need && (!ok || g-need > excess) && !spellingVariants(toks[i].Lower, m.Word(s)) {
				ok, excess = true, g-need
				best.Gain, best.Expected, best.Unseen, best.Wider, best.Preposition = g, m.Word(s), unseenW-unseenS, wider, prep
			}
		}
		if ok {
			break // a synonym that fits is the better explanation
		}
	}
	return best, excess, ok
}

// prepositions are the closed class a spinner swaps one for another ("by" → "through",
// "in" → "within", "inside"). The list is English grammar, not a spinner's dictionary; words
// that are as often adverbs, adjectives or conjunctions ("near", "past", "off", "since",
// "until", "before", "after") are left out.
var prepositions = []string{"about", "above", "across", "against", "along", "among", "around",
	"at", "behind", "below", "beneath", "beside", "between", "beyond", "by", "despite", "during",
	"for", "from", "in", "inside", "into", "of", "on", "onto", "over", "through", "throughout",
	"to", "toward", "towards", "under", "upon", "via", "with", "within", "without"}

var prepositionSet = func() map[string]bool {
	out := make(map[string]bool, len(prepositions))
	for _, p := range prepositions {
		out[p] = true
	}
	return out
}()

func isPreposition(w string) bool { return prepositionSet[w] }

var (
	prepositionOnce sync.Once
	prepositionIDs  []int32
)

// otherPrepositions returns the model ids of the prepositions that could replace token i (id
// w): all but w itself and the words on either side, which would only double a neighbour
// ("forces in in").
func otherPrepositions(m *Model, w int32, c chain, i int) []int32 {
	prepositionOnce.Do(func() {
		for _, p := range prepositions {
			if id := m.ID(p); id >= 0 {
				prepositionIDs = append(prepositionIDs, id)
			}
		}
	})
	before, after := int32(-1), int32(-1)
	if i > 0 {
		before = c.ids[i-1]
	}
	if i+1 < len(c.ids) {
		after = c.ids[i+1]
	}
	out := make([]int32, 0, len(prepositionIDs))
	for _, id := range prepositionIDs {
		if id != w && id != before && id != after {
			out = append(out, id)
		}
	}
	return out
}

// judgePhrase is judgeNearMiss for the multi-word lemma p, n words from token i ("military
// unit" written for "reserves"): the slot is the phrase, its candidates the single words
// WordNet gives for it, and the fit compares the n-grams from the phrase's first word to two
// words after it with those of each candidate in its place. The phrase needs a word of
// running text on each side, so both fits have a left context and a right one.
func judgePhrase(m *Model, t *thesaurus, toks []token, c chain, i int, p int32, n int, th thresholds) (nm nearMiss, excess float64, ok bool) {
	end := i + n // first token after the phrase
	if !c.linked[i] || end >= len(toks) || !c.linked[end] {
		return nearMiss{}, 0, false
	}
	var hist, right [2]int32
	h := hist[:0]
	if i >= 2 && c.linked[i-1] {
		h = append(h, c.ids[i-2])
	}
	h = append(h, c.ids[i-1])
	r := append(right[:0], c.ids[end])
	if end+1 < len(toks) && c.linked[end+1] {
		r = append(r, c.ids[end+1])
	}
	if !c.unseenIn(i, end+len(r)) {
		return nearMiss{}, 0, false // the text's own n-grams, looked up with the paragraph's, are all attested
	}
	fw, unseenW := seqFit(m, h, c.ids[i:end], r, math.Inf(-1))
	if unseenW == 0 {
		return nearMiss{}, 0, false
	}
	best := nearMiss{Index: i}
	sets := [][]int32{t.phraseCandidates(m, p, false)}
	if th.Wider > 0 {
		sets = append(sets, t.phraseCandidates(m, p, true))
	}
	for k, cands := range sets {
		wider := k == 1
		base := th.Synonym
		if wider {
			base = th.Wider
		}
		if -fw < base {
			continue // the phrase fits too well for any candidate to gain enough
		}
		for _, s := range cands {
			// the polysemy discount is >= 0 and tie_gain only raises the bar: a candidate
			// whose fit falls below fw+base can never count
			fs, unseenS := seqFit(m, h, []int32{s}, r, fw+base)
			if unseenS > unseenW {
				continue
			}
			need := base
			if unseenS == unseenW {
				need = max(need, th.Tie)
			}
			pen := 0.0
			if th.Polysemy > 0 {
				pen = th.Polysemy * math.Log10(float64(1+len(t.Synonyms(m, s))))
			}
			// partOf allocates, so it runs only for a candidate that would win
			if g := fs - fw - pen; g >= need && (!ok || g-need > excess) && !t.partOf(m, s, c.ids[i:end]) {
				ok, excess = true, g-need
				best.Gain, best.Expected, best.Unseen, best.Wider = g, m.Word(s), unseenW-unseenS, wider
			}
		}
		if ok {
			break
		}
	}
	return best, excess, ok
}

// seqFit is the log10 probability of the words slot then right after the history hist (one
// or two words), with Katz back-off, and how many of its n-grams the model lacked at full
// order: the fit of a slot of one word or more in its context. It reads the model through
// the lookups of the fitter (flat tables in a long run), which give LogProb3's and LogProb2's
// results. Every term is <= 0, so once the sum falls below floor it stops, returning an unseen
// count no caller accepts.
func seqFit(m *Model, hist, slot, right []int32, floor float64) (score float64, unseen int) {
	var buf [7]int32
	seq := append(append(append(buf[:0], hist...), slot...), right...)
	for k := len(hist); k < len(seq); k++ {
		a, b := seq[k-1], seq[k]
		if k >= 2 {
			if p, ok := triProb(m.trigramByte(seq[k-2], a, b)); ok {
				score += p
			} else {
				q, _ := m.logProb2Of(m.bigramEntry(a, b), a, b)
				score += m.backoffOf(m.bigramEntry(seq[k-2], a)) + q
				unseen++
			}
		} else {
			p, order := m.logProb2Of(m.bigramEntry(a, b), a, b)
			score += p
			if order < 2 {
				unseen++
			}
		}
		if score < floor {
			return score, math.MaxInt
		}
	}
	return score, unseen
}

// partOf reports whether the word s, or a lemma of it, is one of the words of a phrase: "crude
// oil" is a kind of oil, not a swap for it, and dropping a compound's modifier fits a general
// model better wherever the compound is a trade's term ("sinking fund", "stock split").
func (t *thesaurus) partOf(m *Model, s int32, words []int32) bool {
	if slices.Contains(words, s) {
		return true
	}
	for _, inf := range t.lemmas(m, s) {
		if slices.Contains(words, inf.lemma) {
			return true
		}
	}
	return false
}

// unseenIn reports whether the model lacks, at full order, any n-gram of running text that
// ends at a token from lo up to hi (exclusive), as the paragraph's own lookups found them:
// what seqFit counts for the text's words, without searching again.
func (c *chain) unseenIn(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if k >= 2 && c.linked[k-1] && c.linked[k] {
			if c.triAt(k) == -1 {
				return true
			}
		} else if c.linked[k] && c.bigAt(k) == -1 {
			return true
		}
	}
	return false
}

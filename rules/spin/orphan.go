package spin

import "math"

// isOrphan reports whether content word i is one the reference model has never seen beside
// either neighbour although both neighbours are common words (unigram log10 P at least floor):
// "he said the donnybrook was over". The model knows what follows and precedes such common
// words well, so a word it has seen with neither stands out in a way that needs no thesaurus:
// spinners swap common words for rare ones, whatever their dictionary. Clean news has about
// one in 200 content words like this (see CALIBRATION.md), so they count only as
// document-level evidence, beside near-misses. judgeParagraph reads the same test off the
// near-miss fit of the word (the bigrams are searched there anyway); this is its definition,
// which the tests hold it to.
func isOrphan(m *Model, toks []token, c chain, i int, floor float64) bool {
	if !c.linked[i] || i+1 >= len(toks) || !c.linked[i+1] {
		return false
	}
	a, w, b := c.ids[i-1], c.ids[i], c.ids[i+1]
	if m.UnigramLogProb(a) < floor || m.UnigramLogProb(b) < floor {
		return false
	}
	if _, seen := m.Bigram(a, w); seen {
		return false
	}
	_, seen := m.Bigram(w, b)
	return !seen
}

// neighbourFit is what the fit of a word read about its neighbours in running text: whether
// it has one on each side, and whether the model has its bigram with each.
type neighbourFit struct {
	left, right         bool
	leftSeen, rightSeen bool
}

// oddness grades a content word the model has seen beside none of its neighbours in running
// text, by how common those neighbours are: the commoner they are, the better the model knows
// what stands beside them, and the more an unseen pairing says (see CALIBRATION.md for the
// rates in clean and spun prose).
type oddness int

const (
	ordinary oddness = iota
	// halfOrphan: one neighbour only (the word starts or ends a run of text), at least
	// floor+0.5 in log10 unigram probability, and the bigram with it unseen.
	halfOrphan
	// nearOrphan: both bigrams unseen, both neighbours at least floor-0.5 but not both floor.
	nearOrphan
	// orphan: both bigrams unseen, both neighbours at least floor (see isOrphan).
	orphan
)

// grade grades content word i from what its fit read (nb); floor is orphan_context.
func grade(m *Model, c chain, i int, nb neighbourFit, floor float64) oddness {
	switch {
	case nb.left && nb.right:
		if nb.leftSeen || nb.rightSeen {
			return ordinary
		}
		lo := min(m.UnigramLogProb(c.ids[i-1]), m.UnigramLogProb(c.ids[i+1]))
		switch {
		case lo >= floor:
			return orphan
		case lo >= floor-0.5:
			return nearOrphan
		}
	case nb.left && !nb.leftSeen && m.UnigramLogProb(c.ids[i-1]) >= floor+0.5,
		nb.right && !nb.rightSeen && m.UnigramLogProb(c.ids[i+1]) >= floor+0.5:
		return halfOrphan
	}
	return ordinary
}

// oddRates are the rates of the document-level signals in the dev set's unspun and spun
// paragraphs: independent near-misses per judged word pair, then orphans, near orphans and
// half orphans per content word (CALIBRATION.md). The reference model and WordNet were
// built from neither, and no probe thesaurus took part.
var oddRates = [4]struct{ clean, spun float64 }{
	{0.0097, 0.06},   // clues per word pair
	{0.0043, 0.0187}, // orphans per content word
	{0.0026, 0.0072}, // near orphans
	{0.0064, 0.0135}, // half orphans
}

// oddTally sums a file's document-level signals.
type oddTally struct {
	clues, pairs, orphans, near, half, content int
}

func (t *oddTally) add(v verdict) {
	t.clues += v.clues
	t.pairs += v.pairs
	t.orphans += len(v.orphans)
	t.near += v.nearOrphans
	t.half += v.halfOrphans
	t.content += v.content
}

// llr is the log10 likelihood ratio of the tally under the spun rates against the clean ones,
// each signal a Poisson count: how much more likely a spun paragraph's rates explain the file.
func (t oddTally) llr() float64 {
	counts := [4]struct{ k, n int }{{t.clues, t.pairs}, {t.orphans, t.content}, {t.near, t.content}, {t.half, t.content}}
	s := 0.0
	for j, r := range oddRates {
		s += poissonLLR(counts[j].k, float64(counts[j].n), r.clean, r.spun)
	}
	return s
}

// poissonLLR is log10 of P(k | Poisson(n*r1)) / P(k | Poisson(n*r0)).
func poissonLLR(k int, n, r0, r1 float64) float64 {
	return float64(k)*math.Log10(r1/r0) - n*(r1-r0)/math.Ln10
}

// poissonSurprise is -log10 P(X >= k) for X Poisson with mean mu: how unlikely k events are
// where mu are expected. The tail is summed upward from k, so tiny probabilities keep their
// precision; an impossible count (mu 0) is capped at 30.
func poissonSurprise(k int, mu float64) float64 {
	if k <= 0 {
		return 0
	}
	if mu <= 0 {
		return 30
	}
	lmu := math.Log(mu)
	sum := 0.0
	for i := k; i < k+10000; i++ {
		lg, _ := math.Lgamma(float64(i + 1))
		term := math.Exp(-mu + float64(i)*lmu - lg)
		sum += term
		if float64(i) > mu && term < 1e-15*sum {
			break
		}
	}
	if sum <= 0 {
		return 30
	}
	return min(30, -math.Log10(sum))
}

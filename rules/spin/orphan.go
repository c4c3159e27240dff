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

package spin

import (
	"math"

	"github.com/textaudit/textaudit/rules/stopwords"
)

// orphans lists the content words of a paragraph that the reference model has never seen
// beside either neighbour although both neighbours are common words (unigram log10 P at least
// floor): "the third uppermost online", "to thank a reformation in". The model knows what
// follows and precedes such common words well, so a word it has seen with neither stands out
// in a way that needs no thesaurus: spinners swap common words for rare ones, whatever their
// dictionary. Clean news has them too (about one content word in 200 on the bench corpus, see
// CALIBRATION.md), so they count only as document-level evidence, beside near-misses. It
// also counts the content words judged (known, lower-case, not function or stopwords).
func orphans(m *Model, toks []token, c chain, floor float64) (at []int, content int) {
	for i, t := range toks {
		w := c.ids[i]
		if w < 0 || t.Capitalised || isFunctionWord(t.Lower) || stopwords.Is("en", t.Lower) {
			continue
		}
		content++
		if !c.linked[i] || i+1 >= len(toks) || !c.linked[i+1] {
			continue
		}
		a, b := c.ids[i-1], c.ids[i+1]
		if m.UnigramLogProb(a) < floor || m.UnigramLogProb(b) < floor {
			continue
		}
		if _, seen := m.Bigram(a, w); seen {
			continue
		}
		if _, seen := m.Bigram(w, b); seen {
			continue
		}
		at = append(at, i)
	}
	return at, content
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

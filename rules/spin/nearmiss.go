package spin

import "github.com/textaudit/textaudit/rules/stopwords"

// nearMiss is a word that fits its neighbours badly while a synonym would fit them well:
// the trace a synonym spinner leaves ("boots on the floor" for "boots on the ground").
type nearMiss struct {
	Index    int     // token index
	Expected string  // the synonym that fits the context
	Gain     float64 // log10 improvement of the context fit
}

// context ids of token i's neighbours in running text; -1 when there is none.
func neighbours(m *Model, toks []token, ids []int32, i int) (prev, next int32) {
	prev, next = -1, -1
	if i > 0 && !toks[i].Break && ids[i-1] >= 0 && (!toks[i-1].Capitalised || toks[i-1].SentenceStart) {
		prev = ids[i-1]
	}
	if i+1 < len(toks) && !toks[i+1].Break && ids[i+1] >= 0 && !toks[i+1].Capitalised {
		next = ids[i+1]
	}
	return prev, next
}

// fit is the log10 probability of the word's two bigrams, and whether both were observed.
func fit(m *Model, prev, w, next int32) (float64, bool) {
	score, seen := 0.0, true
	if prev >= 0 {
		lp, ok := m.Bigram(prev, w)
		if !ok {
			lp = m.LogProb(prev, w)
		}
		score += lp
		seen = seen && ok
	}
	if next >= 0 {
		lp, ok := m.Bigram(w, next)
		if !ok {
			lp = m.LogProb(w, next)
		}
		score += lp
		seen = seen && ok
	}
	return score, seen
}

// findNearMiss checks token i against its synonyms.
func findNearMiss(m *Model, t *thesaurus, toks []token, ids []int32, i int) (nearMiss, bool) {
	w := ids[i]
	if w < 0 || toks[i].Capitalised || stopwords.Is("en", toks[i].Lower) {
		return nearMiss{}, false
	}
	prev, next := neighbours(m, toks, ids, i)
	if prev < 0 && next < 0 {
		return nearMiss{}, false
	}
	fw, seenW := fit(m, prev, w, next)
	if seenW {
		return nearMiss{}, false
	}
	best := nearMiss{Index: i}
	for _, s := range t.Synonyms(m, w) {
		fs, seenS := fit(m, prev, s, next)
		if !seenS {
			continue
		}
		if g := fs - fw; g > best.Gain {
			best.Gain, best.Expected = g, m.Word(s)
		}
	}
	return best, best.Expected != ""
}

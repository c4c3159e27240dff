package spin

import "github.com/textaudit/textaudit/rules/stopwords"

// nearMiss is a word that fits its neighbours badly while a synonym would fit them well:
// the trace a synonym spinner leaves ("boots on the floor" for "boots on the ground").
type nearMiss struct {
	Index    int     // token index
	Expected string  // the synonym that fits the context
	Gain     float64 // log10 improvement of the context fit
	// Wider is true when Expected is a WordNet neighbour (hypernym, hyponym, similar) of the
	// word rather than a synonym.
	Wider bool
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
}

// contextID is the model id a token contributes as context: names and acronyms (capitals
// inside a sentence) are left out, since their lower-cased forms are other words ("Brown").
func newChain(m *Model, toks []token) chain {
	c := chain{ids: make([]int32, len(toks)), linked: make([]bool, len(toks))}
	for i, t := range toks {
		c.ids[i] = -1
		if !t.Capitalised || t.SentenceStart {
			c.ids[i] = m.ID(t.Lower)
		}
	}
	for i := 1; i < len(toks); i++ {
		c.linked[i] = !toks[i].Break && c.ids[i-1] >= 0 && c.ids[i] >= 0
	}
	return c
}

// windowFit is the log10 probability of the n-grams (up to trigrams) that contain token i
// when it reads x, and how many of them the model lacked at full order. The word's own
// unigram probability is left out when it has no left context: a rare word is no evidence
// by itself.
func windowFit(m *Model, c chain, i int, x int32) (score float64, unseen, judged int) {
	return spanFit(m, c, i, []int32{x})
}

// spanFit is windowFit for the words xs put at tokens i, i+1, ...: the n-grams that contain
// at least one of them.
func spanFit(m *Model, c chain, i int, xs []int32) (score float64, unseen, judged int) {
	last := i + len(xs) - 1
	at := func(j int) int32 {
		if j >= i && j <= last {
			return xs[j-i]
		}
		return c.ids[j]
	}
	n := len(c.ids)
	for j := i; j <= last+2 && j < n; j++ {
		if j > i && !c.linked[j] {
			break
		}
		var p float64
		var order, want int
		switch {
		case j >= 2 && c.linked[j] && c.linked[j-1] && j-2 <= last:
			p, order = m.LogProb3(at(j-2), at(j-1), at(j))
			want = 3
		case c.linked[j] && j-1 <= last:
			p, order = m.LogProb2(at(j-1), at(j))
			want = 2
		default:
			continue
		}
		score += p
		judged++
		if order < want {
			unseen++
		}
	}
	return score, unseen, judged
}

// thresholds are the gains (log10 units) a replacement must bring for a near-miss.
type thresholds struct {
	Synonym float64 // a WordNet synonym whose context is better attested than the word's
	Wider   float64 // a hypernym, hyponym or similar word, better attested; 0: not tried
	Tie     float64 // any candidate whose context is no better attested than the word's
}

// findNearMiss checks token i against its synonyms, then its wider WordNet neighbours, and
// returns the candidate that clears its threshold by the widest margin. Excess is that margin.
func findNearMiss(m *Model, t *thesaurus, toks []token, c chain, i int, th thresholds) (nm nearMiss, excess float64, ok bool) {
	w := c.ids[i]
	if w < 0 || toks[i].Capitalised || stopwords.Is("en", toks[i].Lower) {
		return nearMiss{}, 0, false
	}
	fw, unseenW, judged := windowFit(m, c, i, w)
	if judged == 0 || unseenW == 0 {
		return nearMiss{}, 0, false
	}
	best := nearMiss{Index: i}
	sets := [][]int32{t.Synonyms(m, w)}
	if th.Wider > 0 {
		sets = append(sets, t.Wider(m, w))
	}
	for k, cands := range sets {
		wider := k == 1
		for _, s := range cands {
			fs, unseenS, _ := windowFit(m, c, i, s)
			if unseenS > unseenW {
				continue
			}
			need := th.Synonym
			if wider {
				need = th.Wider
			}
			if unseenS == unseenW {
				need = max(need, th.Tie)
			}
			g := fs - fw
			// The spelling check allocates, so it runs only for a candidate that would win.
			if g >= need && (!ok || g-need > excess) && !spellingVariants(toks[i].Lower, m.Word(s)) {
				ok, excess = true, g-need
				best.Gain, best.Expected, best.Unseen, best.Wider = g, m.Word(s), unseenW-unseenS, wider
			}
		}
		if ok {
			break // a synonym that fits is the better explanation
		}
	}
	return best, excess, ok
}

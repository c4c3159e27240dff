// Package spin flags machine-spun prose: paragraphs whose words were swapped for thesaurus
// synonyms without regard to context ("boots on the floor" for "boots on the ground").
//
// The core signal needs no list of spinner vocabulary: a reference bigram model of ordinary
// English (CMU Sphinx's generic US English model) and WordNet's synsets find near-misses, words
// whose neighbours were never seen with them while a synonym of theirs is seen with both
// neighbours. A short list of broken idioms is a minor second signal, and a file whose other
// paragraphs are clearly spun lowers the bar for the rest (spinners rewrite whole articles).
package spin

import (
	"fmt"
	"math"
	"strings"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/stopwords"
)

// Rules returns the spin family.
func Rules() []*audit.Rule { return []*audit.Rule{Paragraph} }

// Paragraph flags synonym-spun paragraphs of English documents.
var Paragraph = &audit.Rule{
	ID:          "spin.paragraph",
	Category:    audit.Spin,
	Severity:    audit.Warning,
	Description: "A paragraph reads as synonym-spun: words that fit their context worse than a common synonym would, or broken idioms",
	Params: map[string]float64{
		// min_gain: a near-miss counts when a synonym fits the two bigrams around the word
		// this many log10 units better than the word itself.
		"min_gain": 1.5,
		// gain_cap: one near-miss adds at most this much to the paragraph score.
		"gain_cap": 3,
		// min_score: paragraph score (capped gains over min_gain, divided by the square root
		// of the number of judged bigrams) that flags a paragraph on its own.
		"min_score": 0.6,
		// context_score: a lower score that flags a paragraph when context_paragraphs other
		// paragraphs of the file reach min_score.
		"context_score":      0.3,
		"context_paragraphs": 2,
		// min_words: shorter paragraphs (headlines, credits) are not judged.
		"min_words": 8,
	},
	Check: checkParagraphs,
}

// phrase is one piece of evidence shown to the editor.
type phrase struct {
	Text     string  `json:"text"`
	Expected string  `json:"expected,omitempty"`
	Signal   string  `json:"signal"` // "near-miss" or "fingerprint"
	Gain     float64 `json:"gain,omitempty"`
	start    int
}

// verdict is the judgement of one paragraph.
type verdict struct {
	par     audit.Paragraph
	score   float64
	pairs   int
	phrases []phrase
	judged  bool
}

type params struct {
	minGain, gainCap, minScore, contextScore, contextParagraphs, minWords float64
}

func checkParagraphs(p *audit.Pass) {
	if stopwords.MainLanguage(p.Doc).Lang != "en" {
		return
	}
	m, err := loadModel()
	if err != nil {
		panic(fmt.Sprintf("spin model: %v", err))
	}
	th, err := loadThesaurus()
	if err != nil {
		panic(fmt.Sprintf("spin thesaurus: %v", err))
	}
	prm := params{
		minGain: p.Params.Get("min_gain"), gainCap: p.Params.Get("gain_cap"),
		minScore: p.Params.Get("min_score"), contextScore: p.Params.Get("context_score"),
		contextParagraphs: p.Params.Get("context_paragraphs"), minWords: p.Params.Get("min_words"),
	}
	fps := loadFingerprints()
	var verdicts []verdict
	strong := 0
	for _, par := range p.Doc.Paragraphs {
		v := judgeParagraph(m, th, fps, par, prm)
		if !v.judged {
			continue
		}
		if v.strong(prm) {
			strong++
		}
		verdicts = append(verdicts, v)
	}
	flagged := 0
	for _, v := range verdicts {
		byContext := false
		if !v.strong(prm) {
			others := strong
			if float64(others) < prm.contextParagraphs || v.score < prm.contextScore {
				continue
			}
			byContext = true
		}
		flagged++
		report(p, v, byContext, strong)
	}
	if len(verdicts) > 0 {
		p.SetFact("spin_share", math.Round(1000*float64(flagged)/float64(len(verdicts)))/1000)
	}
}

func (v verdict) strong(prm params) bool {
	if v.score >= prm.minScore {
		return true
	}
	for _, ph := range v.phrases {
		if ph.Signal == "fingerprint" {
			return true
		}
	}
	return false
}

// judgeParagraph scores one paragraph; cost is linear in its words times the synonyms of each.
func judgeParagraph(m *Model, th *thesaurus, fps [][]string, par audit.Paragraph, prm params) verdict {
	v := verdict{par: par}
	toks := tokenize(par.Text)
	if float64(len(toks)) < prm.minWords {
		return v
	}
	v.judged = true
	ids := make([]int32, len(toks))
	for i, t := range toks {
		ids[i] = m.ID(t.Lower)
	}
	for i := 1; i < len(toks); i++ {
		if prev, _ := neighbours(m, toks, ids, i); prev >= 0 && ids[i] >= 0 && !toks[i].Capitalised {
			v.pairs++
		}
	}
	total := 0.0
	for i := range toks {
		nm, ok := findNearMiss(m, th, toks, ids, i)
		if !ok || nm.Gain < prm.minGain {
			continue
		}
		total += math.Min(prm.gainCap, nm.Gain-prm.minGain)
		v.phrases = append(v.phrases, nearMissPhrase(par.Text, toks, i, nm))
	}
	if v.pairs > 0 {
		v.score = total / math.Sqrt(float64(v.pairs))
	}
	for _, fm := range findFingerprints(toks, fps) {
		v.phrases = append(v.phrases, phrase{
			Text:   par.Text[toks[fm.Start].Start:toks[fm.End-1].End],
			Signal: "fingerprint",
			start:  toks[fm.Start].Start,
		})
	}
	return v
}

// nearMissPhrase shows the word with its neighbours, and the same words with the synonym.
func nearMissPhrase(text string, toks []token, i int, nm nearMiss) phrase {
	lo, hi := i, i
	if i > 0 && !toks[i].Break {
		lo = i - 1
	}
	if i+1 < len(toks) && !toks[i+1].Break {
		hi = i + 1
	}
	shown := text[toks[lo].Start:toks[hi].End]
	expected := text[toks[lo].Start:toks[i].Start] + matchCase(toks[i].Text, nm.Expected) + text[toks[i].End:toks[hi].End]
	return phrase{Text: flat(shown), Expected: flat(expected), Signal: "near-miss", Gain: math.Round(nm.Gain*10) / 10, start: toks[lo].Start}
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func matchCase(orig, w string) string {
	if orig != "" && strings.ToUpper(orig[:1]) == orig[:1] {
		return strings.ToUpper(w[:1]) + w[1:]
	}
	return w
}

func report(p *audit.Pass, v verdict, byContext bool, strong int) {
	signals := map[string]bool{}
	var shown []string
	phrases := make([]map[string]any, 0, len(v.phrases))
	for _, ph := range v.phrases {
		signals[ph.Signal] = true
		e := map[string]any{"text": ph.Text, "signal": ph.Signal}
		if ph.Expected != "" {
			e["expected"] = ph.Expected
			e["gain"] = ph.Gain
			if len(shown) < 3 {
				shown = append(shown, fmt.Sprintf("%q for %q", ph.Text, ph.Expected))
			}
		} else if len(shown) < 3 {
			shown = append(shown, fmt.Sprintf("%q", ph.Text))
		}
		phrases = append(phrases, e)
	}
	var sigs []string
	for _, s := range []string{"near-miss", "fingerprint"} {
		if signals[s] {
			sigs = append(sigs, s)
		}
	}
	msg := fmt.Sprintf("paragraph reads as synonym-spun: %d word(s) fit their context worse than a common synonym would", countSignal(v.phrases, "near-miss"))
	if signals["fingerprint"] {
		msg = fmt.Sprintf("paragraph reads as synonym-spun: broken idiom and %d word(s) that fit their context worse than a synonym", countSignal(v.phrases, "near-miss"))
	}
	if byContext {
		sigs = append(sigs, "file-context")
		msg += fmt.Sprintf(", in a file with %d clearly spun paragraphs", strong)
	}
	if len(shown) > 0 {
		msg += " (" + strings.Join(shown, ", ") + ")"
	}
	p.Report(v.par.Start, v.par.End, msg, audit.Evidence{
		"phrases": phrases,
		"signals": sigs,
		"score":   math.Round(v.score*100) / 100,
	})
}

func countSignal(ps []phrase, signal string) int {
	n := 0
	for _, ph := range ps {
		if ph.Signal == signal {
			n++
		}
	}
	return n
}

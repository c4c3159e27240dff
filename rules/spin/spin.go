// Package spin flags machine-spun prose: paragraphs whose words were swapped for thesaurus
// synonyms without regard to context ("boots on the floor" for "boots on the ground").
//
// The core signal needs no list of spinner vocabulary: a reference trigram model of ordinary
// English (CMU Sphinx's generic US English model, trigrams kept as hashes) and WordNet's
// synsets find near-misses, words whose surrounding n-grams the model never saw while a
// synonym's are attested and fit far better. A paragraph is flagged on two independent
// near-misses (or one very strong one); a short list of broken idioms is a minor second signal,
// and a file whose other paragraphs are clearly spun lowers the bar for the rest (spinners
// rewrite whole articles). The model is read in place from the embedded bytes: loading costs
// a few milliseconds, so no pre-screen is needed (none could be sound: the evidence is the
// model's statistics).
package spin

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/language"
)

// Rules returns the spin family.
func Rules() []*audit.Rule { return []*audit.Rule{Paragraph, AlignedCopy} }

// Paragraph flags synonym-spun paragraphs of English documents.
var Paragraph = &audit.Rule{
	ID:          "spin.paragraph",
	Category:    audit.Spin,
	Severity:    audit.Warning,
	Description: "A paragraph reads as synonym-spun: words that fit their context worse than a common synonym would, or broken idioms",
	Params:      paramDecls,
	Check:       checkParagraphs,
}

// phrase is one piece of evidence shown to the editor.
type phrase struct {
	Text     string  `json:"text"`
	Expected string  `json:"expected,omitempty"`
	Signal   string  `json:"signal"` // "near-miss" or "fingerprint"
	Gain     float64 `json:"gain,omitempty"`
	// Relation is how Expected relates to the word: "synonym" or "related" (hypernym,
	// hyponym, similar) in WordNet, or "preposition" (one preposition for another); Attested
	// is whether the expected wording's n-grams are better attested in the reference model
	// than the text's.
	Relation string `json:"relation,omitempty"`
	Attested bool   `json:"attested,omitempty"`
	// Closer marks a near-miss that only the second, looser reading of a clearly spun file
	// found (see loose_paragraphs).
	Closer bool `json:"closer_reading,omitempty"`
	start  int  // where the shown text starts
	word   int  // where the judged word starts (a near-miss's identity)
	// wordEnd, suspect and original: where the judged word ends, the word itself, and the
	// word the near-miss suggests it replaced (a fingerprint marks its whole phrase).
	wordEnd           int
	suspect, original string
}

// verdict is the judgement of one paragraph.
type verdict struct {
	par     audit.Paragraph
	score   float64
	pairs   int
	phrases []phrase
	judged  bool
	// inflated lists rare words with a far more common synonym (see inflatedWords).
	inflated []inflated
	// words and unknown count the paragraph's lower-case words and those the reference
	// model does not know.
	words, unknown int
	// clues counts the independent near-misses (see independence).
	clues int
	// orphans are the token indices of content words unseen beside common neighbours, and
	// content counts the content words judged (see orphans).
	orphans []token
	content int
	// nearOrphans and halfOrphans count the content words graded so (see oddness).
	nearOrphans, halfOrphans int
}

// independence groups a paragraph's near-misses into independent clues. Two near-misses
// within two words of each other share an n-gram, so one odd collocation ("always transmits
// data") makes both words look wrong: they are one clue, worth the larger of their capped
// gains. A word found again later in the paragraph is the same clue again (a topic word such
// as "growth deficiency" repeated), not a new one.
type independence struct {
	clues   int
	last    int // token index of the last near-miss kept
	best    []float64
	counted []string
	// most paragraphs have a few near-misses: room for them without allocating
	bestBuf    [8]float64
	countedBuf [8]string
}

func (e *independence) add(i int, word string, gain float64) {
	if e.counted == nil {
		e.best, e.counted = e.bestBuf[:0], e.countedBuf[:0]
	}
	if slices.Contains(e.counted, word) {
		return
	}
	e.counted = append(e.counted, word)
	if e.clues > 0 && i-e.last <= 2 {
		e.best[e.clues-1] = max(e.best[e.clues-1], gain)
	} else {
		e.best = append(e.best, gain)
		e.clues++
	}
	e.last = i
}

func (e *independence) total() float64 {
	t := 0.0
	for _, g := range e.best {
		t += g
	}
	return t
}

// params are spin.paragraph's thresholds, declared in paramDecls; CALIBRATION.md says how
// the defaults were measured.
type params struct {
	gains                                  thresholds
	gainCap, minScore, strongGain          float64
	contextScore                           float64
	contextParagraphs, minWords            int
	inflRare, inflCommon, inflRatio        float64
	inflPar                                int
	mutualScore, mutualShare, wholeShare   float64
	ctxPreposition, ctxWider, ctxPolysemy  float64
	ctxCommon                              bool
	looseParagraphs                        int
	maxUnknown                             float64
	fileShare                              float64
	orphanContext, orphanRate              float64
	orphanSurprise, clueRate, clueSurprise float64
	documentLLR, documentDensity           float64
	phrases                                bool
	phraseGain                             float64
}

var paramDecls = []audit.Param{
	audit.FloatParam("min_gain", 1.25, 0, 20, "a near-miss counts when a WordNet synonym fits the n-grams around the word this many log10 units better, its context attested where the word's is not",
		func(p *params) *float64 { return &p.gains.Synonym }),
	audit.FloatParam("wider_gain", 3.5, 0, 20, "the same for a word one WordNet link away (hypernym, hyponym, similar; the 20 most frequent); 0 turns it off",
		func(p *params) *float64 { return &p.gains.Wider }),
	audit.FloatParam("tie_gain", 1.5, 0, 20, "the gain needed when the replacement's context is no better attested than the word's",
		func(p *params) *float64 { return &p.gains.Tie }),
	audit.FloatParam("preposition_gain", 0, 0, 20, "the gain another preposition must bring (\"backed through\" for \"backed by\"); 0 turns the check off",
		func(p *params) *float64 { return &p.gains.Preposition }),
	audit.FloatParam("polysemy", 0.75, 0, 20, "a candidate's gain is discounted by this times log10(1 + its number of synonyms); 0 turns it off",
		func(p *params) *float64 { return &p.gains.Polysemy }),
	audit.FloatParam("gain_cap", 3, 0, 20, "one near-miss adds at most this much (gain above its threshold) to the paragraph score",
		func(p *params) *float64 { return &p.gainCap }),
	audit.FloatParam("min_score", 0.6, 0, audit.Unbounded, "paragraph score (the capped excess gains of its independent near-misses over the square root of judged word pairs) that flags a paragraph on its own",
		func(p *params) *float64 { return &p.minScore }),
	audit.FloatParam("strong_gain", 5, 0, audit.Unbounded, "... when it rests on two independent near-misses, or on one of at least this gain in a file with a paragraph that rests on two (or on a broken idiom)",
		func(p *params) *float64 { return &p.strongGain }),
	audit.FloatParam("context_score", 0.2, 0, audit.Unbounded, "a lower score that flags a paragraph of a file that reads as spun (spinners rewrite whole articles)",
		func(p *params) *float64 { return &p.contextScore }),
	audit.IntParam("context_paragraphs", 2, 1, audit.Unbounded, "a file reads as spun when at least this many of its judged paragraphs, and file_share of them, are flagged on their own; only such a file lends context and has warnings",
		func(p *params) *int { return &p.contextParagraphs }),
	audit.FloatParam("file_share", 0.075, 0, 1, "... and at least this share of them; elsewhere a flagged paragraph is info",
		func(p *params) *float64 { return &p.fileShare }),
	audit.FloatParam("inflated_rare", -5, -20, 0, "log10 unigram probability at or below which a word is rare (inflated vocabulary)",
		func(p *params) *float64 { return &p.inflRare }),
	audit.FloatParam("inflated_common", -4, -20, 0, "log10 unigram probability at or above which its synonym is common",
		func(p *params) *float64 { return &p.inflCommon }),
	audit.FloatParam("inflated_ratio", 2, 0, 20, "log10 units the common synonym must be more frequent than the rare word",
		func(p *params) *float64 { return &p.inflRatio }),
	audit.IntParam("inflated_paragraph", 2, 0, audit.Unbounded, "inflated words that, with context_score, flag a paragraph when another of the file is flagged on its own; 0 turns it off",
		func(p *params) *int { return &p.inflPar }),
	audit.FloatParam("mutual_score", 0.5, 0, audit.Unbounded, "two paragraphs of one file with at least this score (or one flagged on its own) flag each other; 0 turns it off",
		func(p *params) *float64 { return &p.mutualScore }),
	audit.FloatParam("mutual_share", 0.25, 0, 1, "... when such paragraphs are at least this share of the file's judged paragraphs",
		func(p *params) *float64 { return &p.mutualShare }),
	audit.FloatParam("whole_share", 0.5, 0, 1, "when this share of a file's judged paragraphs is flagged on its own, every other paragraph with a near-miss or inflated word is flagged; 0 turns it off",
		func(p *params) *float64 { return &p.wholeShare }),
	audit.IntParam("loose_paragraphs", 4, 0, audit.Unbounded, "in a file with this many paragraphs flagged on their own, the others are read again with the context_* candidates; 0 turns it off",
		func(p *params) *int { return &p.looseParagraphs }),
	audit.FloatParam("context_preposition_gain", 3, 0, 20, "that second reading's bar for another preposition (\"inside the region\" for \"in\"); 0 turns it off",
		func(p *params) *float64 { return &p.ctxPreposition }),
	audit.FloatParam("context_wider_gain", 0, 0, 20, "its bar for WordNet neighbours when lower than wider_gain; 0 keeps wider_gain",
		func(p *params) *float64 { return &p.ctxWider }),
	audit.BoolParam("context_common", true, "it also judges the content words of the general stopword list (\"nevertheless held\" for \"still held\")",
		func(p *params) *bool { return &p.ctxCommon }),
	audit.FloatParam("context_polysemy", 0.4, 0, 20, "its polysemy discount, instead of polysemy",
		func(p *params) *float64 { return &p.ctxPolysemy }),
	audit.FloatParam("max_unknown", 0.12, 0, 1, "a file whose judged paragraphs have more than this share of lower-case words unknown to the reference model is not judged; 0 judges every file",
		func(p *params) *float64 { return &p.maxUnknown }),
	audit.IntParam("min_words", 8, 1, audit.Unbounded, "shorter paragraphs (headlines, credits) are not judged",
		func(p *params) *int { return &p.minWords }),
	audit.FloatParam("orphan_context", -3, -20, 0, "an orphan is a content word the model has seen beside neither neighbour although both are this common (log10 unigram probability)",
		func(p *params) *float64 { return &p.orphanContext }),
	audit.FloatParam("orphan_rate", 0.005, 0, 1, "orphans per content word in clean news",
		func(p *params) *float64 { return &p.orphanRate }),
	audit.FloatParam("orphan_surprise", 3, 0, audit.Unbounded, "a file whose orphans are this unlikely at orphan_rate (-log10 Poisson tail), and whose near-misses are clue_surprise unlikely, reads as spun; 0 turns the check off",
		func(p *params) *float64 { return &p.orphanSurprise }),
	audit.FloatParam("clue_rate", 0.01, 0, 1, "independent near-misses per judged word pair in clean news",
		func(p *params) *float64 { return &p.clueRate }),
	audit.FloatParam("clue_surprise", 2, 0, audit.Unbounded, "how unlikely at clue_rate (-log10 Poisson tail) the file's near-misses must be for the orphan evidence",
		func(p *params) *float64 { return &p.clueSurprise }),
	audit.FloatParam("document_llr", 4, 0, audit.Unbounded, "a file whose near-misses and orphans (near and half orphans too) are this many log10 units likelier at the dev set's spun rates than at its clean ones reads as spun; 0 turns the check off",
		func(p *params) *float64 { return &p.documentLLR }),
	audit.FloatParam("document_density", 0.02, 0, audit.Unbounded, "... when that log10 ratio is also at least this much per content word (a long clean file gathers a large ratio from a slightly raised rate)",
		func(p *params) *float64 { return &p.documentDensity }),
	audit.BoolParam("phrases", true, "WordNet's multi-word lemmas are judged as one word (\"English hawthorn\" for \"may\", \"military unit\" for \"reserves\") against the single words WordNet gives for them",
		func(p *params) *bool { return &p.phrases }),
	audit.FloatParam("phrase_gain", 0.25, 0, 20, "the extra gain a multi-word lemma's candidate needs over min_gain, wider_gain and tie_gain",
		func(p *params) *float64 { return &p.phraseGain }),
}

// phraseGains are the thresholds for a multi-word lemma: the word's, raised by phrase_gain.
func (prm params) phraseGains() thresholds {
	g := prm.gains
	g.Synonym += prm.phraseGain
	g.Tie += prm.phraseGain
	if g.Wider > 0 {
		g.Wider += prm.phraseGain
	}
	return g
}

// looseGains are the thresholds for reading a paragraph again in a file that is clearly
// spun, or nil when the context_* parameters loosen nothing.
func (prm params) looseGains() *thresholds {
	g := prm.gains
	changed := false
	if prm.ctxPreposition > 0 && (g.Preposition == 0 || prm.ctxPreposition < g.Preposition) {
		g.Preposition, changed = prm.ctxPreposition, true
	}
	if prm.ctxWider > 0 && (g.Wider == 0 || prm.ctxWider < g.Wider) {
		g.Wider, changed = prm.ctxWider, true
	}
	if prm.ctxPolysemy >= 0 && prm.ctxPolysemy < g.Polysemy {
		g.Polysemy, changed = prm.ctxPolysemy, true
	}
	if prm.ctxCommon && !g.Common {
		g.Common, changed = true, true
	}
	if !changed {
		return nil
	}
	return &g
}

func checkParagraphs(p *audit.Pass) {
	if language.Main(p.Doc, p.Config).Code() != "en" {
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
	prm := audit.DecodeParams[params](p.Params)
	fps := withUserPhrases(loadFingerprints(), p.Config)
	var verdicts []verdict
	for _, par := range p.Doc.Paragraphs {
		if v := judgeParagraph(m, th, fps, par, prm); v.judged {
			verdicts = append(verdicts, v)
		}
	}
	words, unknown := 0, 0
	for _, v := range verdicts {
		words, unknown = words+v.words, unknown+v.unknown
	}
	if prm.maxUnknown > 0 && float64(unknown) > prm.maxUnknown*float64(words) {
		return // outside the reference model's domain: its verdicts would be guesses
	}
	flagged := 0
	fc := newFileContext(verdicts, prm)
	loose := prm.looseGains()
	for i, v := range verdicts {
		b := fc.basis(i, prm)
		if b == notFlagged && fc.spun && loose != nil && prm.looseParagraphs > 0 && fc.strong >= prm.looseParagraphs {
			rp := prm
			rp.gains = *loose
			if again := judgeParagraph(m, th, fps, v.par, rp); markCloser(again.phrases, v.phrases) > 0 {
				v, b = again, byLooseReading
			}
		}
		if b == notFlagged {
			continue
		}
		flagged++
		report(p, v, b, fc.strong, fc.severity(prm))
	}
	if len(verdicts) > 0 {
		p.SetFact("spin_share", math.Round(1000*float64(flagged)/float64(len(verdicts)))/1000)
	}
}

// strength is how much a paragraph's own evidence says.
type strength int

const (
	weak strength = iota
	// lone: a score over min_score resting on one very strong near-miss (strong_gain). On
	// 24,372 clean news files 67 paragraphs had one, on the dev set no spun paragraph rested
	// on one alone: an odd word, however odd, is common in clean prose ("Bush escaped
	// censure", "the torsos of"), so it counts as flagged on its own only in a file with a
	// solid paragraph (see newFileContext); elsewhere it can still be flagged by mutual
	// support.
	lone
	// solid: a listed broken idiom, or a score over min_score resting on two independent
	// near-misses (see independence):
	// one odd word in a clean paragraph is common, two independent ones are not.
	solid
)

func (v verdict) strength(prm params) strength {
	top := 0.0
	for _, ph := range v.phrases {
		if ph.Signal == "fingerprint" {
			return solid
		}
		top = max(top, ph.Gain)
	}
	switch {
	case v.score < prm.minScore:
		return weak
	case v.clues >= 2:
		return solid
	case top >= prm.strongGain:
		return lone
	}
	return weak
}

// judgeParagraph scores one paragraph; cost is linear in its words times the synonyms of each.
func judgeParagraph(m *Model, th *thesaurus, fps [][]string, par audit.Paragraph, prm params) verdict {
	v := verdict{par: par}
	// The tokens and the chain live in pooled buffers, released on return: the verdict
	// copies what it keeps.
	s := getFitScratch(0)
	toks := tokenizeInto(s.toks[:0], par.Text)
	s.toks = toks
	c := chain{scratch: s}
	defer c.release()
	if len(toks) < prm.minWords {
		return v
	}
	v.judged = true
	c = newChainIn(m, th, toks, s)
	for i, t := range toks {
		if !t.Capitalised {
			v.words++
			if c.ids[i] < 0 {
				v.unknown++
			}
		}
	}
	for i := 1; i < len(toks); i++ {
		if c.linked[i] {
			v.pairs++
		}
	}
	if prm.inflPar > 0 {
		v.inflated = inflatedWords(m, th, toks, c, prm.inflRare, prm.inflCommon, prm.inflRatio)
	}
	var ev independence
	var found [][2]int32
	inPhrase := 0 // tokens before this one belong to a multi-word lemma found as a near-miss
	for i := range toks {
		if c.ids[i] < 0 || toks[i].Capitalised {
			continue
		}
		// one look-up in the closed-class lists serves the phrase, orphan and near-miss tests
		k := m.classOf(c.ids[i], toks[i].Lower)
		if prm.phrases && i >= inPhrase {
			var best nearMiss
			var bestExcess float64
			n := 0
			found = th.phrasesAt(toks, c, i, found)
			for _, pn := range found {
				if nm, excess, ok := judgePhrase(m, th, toks, c, i, pn[0], int(pn[1]), prm.phraseGains()); ok && (n == 0 || excess > bestExcess) {
					best, bestExcess, n = nm, excess, int(pn[1])
				}
			}
			if n > 0 {
				inPhrase = i + n
				ev.add(i, phraseText(toks[i:i+n]), math.Min(prm.gainCap, bestExcess))
				v.phrases = append(v.phrases, nearMissSpan(par.Text, toks, i, n, best))
			}
		}
		if !k.judgeable(toks[i].Lower, prm.gains) {
			continue // every content word is judgeable
		}
		var nb neighbourFit
		nm, excess, ok := judgeNearMiss(m, th, toks, c, i, prm.gains, &nb)
		if k.content() && (prm.orphanSurprise > 0 || prm.documentLLR > 0) {
			v.content++
			// the neighbours' frequency is checked here; the bigrams were read by the fit
			switch grade(m, c, i, nb, prm.orphanContext) {
			case orphan:
				v.orphans = append(v.orphans, toks[i])
			case nearOrphan:
				v.nearOrphans++
			case halfOrphan:
				v.halfOrphans++
			}
		}
		if !ok || i < inPhrase {
			continue // no near-miss, or a word of a phrase found as one
		}
		ev.add(i, toks[i].Lower, math.Min(prm.gainCap, excess))
		v.phrases = append(v.phrases, nearMissPhrase(par.Text, toks, i, nm))
	}
	v.clues = ev.clues
	if v.pairs > 0 {
		v.score = ev.total() / math.Sqrt(float64(v.pairs))
	}
	for _, fm := range findFingerprints(toks, fps) {
		text := par.Text[toks[fm.Start].Start:toks[fm.End-1].End]
		v.phrases = append(v.phrases, phrase{
			Text:    text,
			Signal:  "fingerprint",
			start:   toks[fm.Start].Start,
			word:    toks[fm.Start].Start,
			wordEnd: toks[fm.End-1].End,
			suspect: text,
		})
	}
	return v
}

// nearMissPhrase shows the word with its neighbours, and the same words with the synonym.
func nearMissPhrase(text string, toks []token, i int, nm nearMiss) phrase {
	return nearMissSpan(text, toks, i, 1, nm)
}

// phraseText is the lower-cased words of a multi-word lemma, space-separated.
func phraseText(toks []token) string {
	words := make([]string, len(toks))
	for k, t := range toks {
		words[k] = t.Lower
	}
	return strings.Join(words, " ")
}

// nearMissSpan is nearMissPhrase for the n words from token i (a multi-word lemma read as one
// slot: "English hawthorn" for "may").
func nearMissSpan(text string, toks []token, i, n int, nm nearMiss) phrase {
	last := i + n - 1
	lo, hi := i, last
	if i > 0 && !toks[i].Break {
		lo = i - 1
	}
	if last+1 < len(toks) && !toks[last+1].Break {
		hi = last + 1
	}
	shown := text[toks[lo].Start:toks[hi].End]
	expected := text[toks[lo].Start:toks[i].Start] + matchCase(toks[i].Text, nm.Expected) + text[toks[last].End:toks[hi].End]
	rel := "synonym"
	switch {
	case nm.Wider:
		rel = "related"
	case nm.Preposition:
		rel = "preposition"
	}
	return phrase{Text: flat(shown), Expected: flat(expected), Signal: "near-miss", Gain: math.Round(nm.Gain*10) / 10,
		Relation: rel, Attested: nm.Unseen > 0, start: toks[lo].Start, word: toks[i].Start,
		wordEnd: toks[last].End, suspect: text[toks[i].Start:toks[last].End], original: matchCase(toks[i].Text, nm.Expected)}
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func matchCase(orig, w string) string {
	if orig != "" && strings.ToUpper(orig[:1]) == orig[:1] {
		return strings.ToUpper(w[:1]) + w[1:]
	}
	return w
}

func report(p *audit.Pass, v verdict, b basis, strong int, sev audit.Severity) {
	signals := map[string]bool{}
	var shown []string
	phrases := make([]map[string]any, 0, len(v.phrases))
	// spans mark only the suspect words (a broken idiom: its phrase), in document offsets,
	// so a report can highlight the words rather than the paragraph.
	spans := make([]map[string]any, 0, len(v.phrases))
	for _, ph := range v.phrases {
		signals[ph.Signal] = true
		e := map[string]any{"text": ph.Text, "signal": ph.Signal}
		sp := map[string]any{"start": v.par.Start + ph.word, "end": v.par.Start + ph.wordEnd, "word": ph.suspect, "signal": ph.Signal}
		if ph.Expected != "" {
			e["expected"] = ph.Expected
			e["gain"] = ph.Gain
			e["relation"] = ph.Relation
			e["attested"] = ph.Attested
			if ph.Closer {
				e["closer_reading"] = true
			}
			sp["suggestion"] = ph.original
			if len(shown) < 3 {
				shown = append(shown, fmt.Sprintf("%q for %q in %q", ph.suspect, ph.original, ph.Text))
			}
		} else if len(shown) < 3 {
			shown = append(shown, fmt.Sprintf("%q", ph.Text))
		}
		phrases = append(phrases, e)
		spans = append(spans, sp)
	}
	var sigs []string
	for _, s := range []string{"near-miss", "fingerprint"} {
		if signals[s] {
			sigs = append(sigs, s)
		}
	}
	msg := fmt.Sprintf("paragraph reads as synonym-spun: %d word(s), %d of them independent clues, fit their context worse than a common synonym would", countSignal(v.phrases, "near-miss"), v.clues)
	if signals["fingerprint"] {
		msg = fmt.Sprintf("paragraph reads as synonym-spun: broken idiom and %d word(s) that fit their context worse than a synonym", countSignal(v.phrases, "near-miss"))
	}
	switch b {
	case byContext:
		sigs = append(sigs, "file-context")
		msg += fmt.Sprintf(", in a file with %d clearly spun paragraph(s)", strong)
	case byMutual:
		sigs = append(sigs, "file-context")
		msg += ", in a file with another paragraph that reads as spun"
	case byOrphans:
		sigs = append(sigs, "file-context", "orphan")
		var words []string
		for _, t := range v.orphans {
			spans = append(spans, map[string]any{"start": v.par.Start + t.Start, "end": v.par.Start + t.End, "word": t.Text, "signal": "orphan"})
			if len(words) < 3 {
				words = append(words, fmt.Sprintf("%q", t.Text))
			}
		}
		msg += fmt.Sprintf(", and %d word(s) the reference model never saw beside their common neighbours (%s), in a file with more such words and near-misses than clean prose has", len(v.orphans), strings.Join(words, ", "))
	case byLooseReading:
		sigs = append(sigs, "file-context", "closer-reading")
		closer := 0
		for _, ph := range v.phrases {
			if ph.Closer {
				closer++
			}
		}
		msg += fmt.Sprintf(", %d of them found by reading closely because the file has %d clearly spun paragraph(s)", closer, strong)
	case byWholeArticle:
		sigs = append(sigs, "file-context", "whole-article")
		msg += fmt.Sprintf(", in a file spun end to end (%d clearly spun paragraph(s))", strong)
		if len(v.inflated) > 0 && countSignal(v.phrases, "near-miss") == 0 {
			sigs = append(sigs, "inflated")
			msg += fmt.Sprintf(", and %d rare word(s) with a far more common synonym", len(v.inflated))
		}
	}
	if sev == audit.Info {
		msg += "; a weak clue alone, since the rest of the file does not read as spun"
	}
	if len(shown) > 0 {
		msg += ": " + strings.Join(shown, ", ")
	}
	ev := audit.Evidence{
		"phrases": phrases,
		"spans":   spans,
		"signals": sigs,
		"score":   math.Round(v.score*100) / 100,
	}
	if len(v.inflated) > 0 {
		ev["inflated"] = v.inflated
	}
	p.ReportWithSeverity(sev, v.par.Start, v.par.End, msg, ev)
}

// markCloser marks the near-misses of a second reading whose word the first reading did not
// find (a new suggestion for a word already found is not new evidence), puts them first, and
// returns how many there are.
func markCloser(again, first []phrase) int {
	n := 0
	for k := range again {
		ph := &again[k]
		if ph.Signal == "near-miss" && !slices.ContainsFunc(first, func(f phrase) bool { return f.Signal == "near-miss" && f.word == ph.word }) {
			ph.Closer = true
			n++
		}
	}
	slices.SortStableFunc(again, func(a, b phrase) int {
		switch {
		case a.Closer == b.Closer:
			return 0
		case a.Closer:
			return -1
		}
		return 1
	})
	return n
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

package spin

import "github.com/textaudit/textaudit/audit"

// basis is why a paragraph is flagged: on its own evidence, or on weaker evidence that the
// rest of the file corroborates (spinners rewrite several paragraphs of an article, or all).
type basis int

const (
	notFlagged basis = iota
	// onItsOwn: a broken idiom, or a score over min_score on two independent near-misses, or on one very
	// strong near-miss in a file with a paragraph of the first two kinds (see strength).
	onItsOwn
	// byContext: a score of context_score in a file that reads as spun (see
	// fileContext.spun).
	byContext
	// byMutual: a score of mutual_score while another paragraph of the file has as much
	// (or is flagged on its own), and such paragraphs make up mutual_share of the file.
	byMutual
	// byWholeArticle: any near-miss or inflated word in a file whose paragraphs are
	// mostly (whole_share) flagged on their own.
	byWholeArticle
	// byOrphans: an orphan beside a near-miss, or two orphans, in a file that reads as spun
	// on document-level evidence (see fileContext.byDocument).
	byOrphans
	// byLooseReading: a near-miss on a word the first reading did not find, found by
	// reading again with looser candidates (another preposition, the stopword list's
	// content words, a lighter polysemy discount) in a file with loose_paragraphs
	// paragraphs flagged on their own.
	byLooseReading
)

// fileContext is what the paragraphs of one file say about each other.
type fileContext struct {
	verdicts []verdict
	isStrong []bool
	strong   int // paragraphs flagged on their own
	moderate int // paragraphs flagged on their own or scoring at least mutual_score
	// spun: the file reads as spun, with at least context_paragraphs paragraphs flagged on
	// their own that make up at least file_share of its judged paragraphs. Only then does
	// the file lend its paragraphs context (two odd paragraphs among a thousand reader
	// comments are chance), and only then are its findings warnings.
	spun bool
	// byDocument: the file reads as spun on evidence spread over it, not concentrated in
	// paragraphs: more orphans and more independent near-misses than clean prose has at
	// orphan_rate and clue_rate, each at least orphan_surprise and clue_surprise unlikely;
	// or near-misses and graded orphans together document_llr likelier at spun rates than
	// at clean ones, at document_density per content word.
	byDocument bool
}

func newFileContext(verdicts []verdict, prm params) fileContext {
	fc := fileContext{verdicts: verdicts, isStrong: make([]bool, len(verdicts))}
	strengths := make([]strength, len(verdicts))
	solids := 0
	for i, v := range verdicts {
		strengths[i] = v.strength(prm)
		if strengths[i] == solid {
			solids++
		}
	}
	for i, v := range verdicts {
		// A lone very strong near-miss counts only beside a solid paragraph (two near-misses
		// or a broken idiom).
		fc.isStrong[i] = strengths[i] == solid || strengths[i] == lone && solids > 0
		if fc.isStrong[i] {
			fc.strong++
		}
		if fc.isStrong[i] || fc.isModerate(v, prm) {
			fc.moderate++
		}
	}
	fc.spun = fc.strong >= 1 && fc.strong >= prm.contextParagraphs && float64(fc.strong) >= prm.fileShare*float64(len(verdicts))
	var t oddTally
	for _, v := range verdicts {
		t.add(v)
	}
	if prm.orphanSurprise > 0 {
		fc.byDocument = poissonSurprise(t.orphans, prm.orphanRate*float64(t.content)) >= prm.orphanSurprise &&
			poissonSurprise(t.clues, prm.clueRate*float64(t.pairs)) >= prm.clueSurprise
	}
	if prm.documentLLR > 0 && !fc.byDocument {
		l := t.llr()
		fc.byDocument = l >= prm.documentLLR && l >= prm.documentDensity*float64(t.content)
	}
	fc.spun = fc.spun || fc.byDocument
	return fc
}

func (fc fileContext) isModerate(v verdict, prm params) bool {
	return prm.mutualScore > 0 && v.score >= prm.mutualScore
}

// basis decides paragraph i, trying the bases from the most to the least direct evidence.
func (fc fileContext) basis(i int, prm params) basis {
	v := fc.verdicts[i]
	if fc.isStrong[i] {
		return onItsOwn
	}
	others := fc.strong // i itself is not strong
	if fc.spun && v.score >= prm.contextScore {
		return byContext
	}
	if fc.byDocument && len(v.orphans) > 0 && (v.clues > 0 || len(v.orphans) >= 2) {
		return byOrphans
	}
	if fc.isModerate(v, prm) && fc.moderate >= 2 && float64(fc.moderate) >= prm.mutualShare*float64(len(fc.verdicts)) {
		return byMutual
	}
	if fc.spun && prm.wholeShare > 0 && others >= prm.contextParagraphs &&
		float64(fc.strong) >= prm.wholeShare*float64(len(fc.verdicts)) &&
		(len(v.phrases) > 0 || len(v.inflated) > 0) {
		return byWholeArticle
	}
	return notFlagged
}

// severity follows the file's evidence: a paragraph flagged in a file that does not read as
// spun is one weak clue (info); a file with several paragraphs flagged on their own is a
// warning, and one spun end to end (whole_share, three paragraphs at least) an error.
func (fc fileContext) severity(prm params) audit.Severity {
	switch {
	case !fc.spun:
		return audit.Info
	case fc.strong >= 3 && prm.wholeShare > 0 && float64(fc.strong) >= prm.wholeShare*float64(len(fc.verdicts)):
		return audit.Error
	}
	return audit.Warning
}

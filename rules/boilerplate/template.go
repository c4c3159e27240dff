package boilerplate

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/news"
)

// templateCandidate is a short line of an audited file kept until the corpus is counted.
// Only the hash, the place and the line text are kept, never the document.
type templateCandidate struct {
	hash     uint64
	sentence bool // the line reads as a sentence: it needs the corpus share as well
	dateline bool // the line opens with a wire dateline; only the rest was hashed
	path     string
	span     audit.Span
	text     string
}

// templateCheck counts, for each normalised short line, the files it appears in (cc_net's
// line-frequency signal), then reports the audited lines that recur in enough files.
type templateCheck struct {
	cfg *audit.Config
	templateParams

	files      int
	counts     map[uint64]lineCount
	candidates []templateCandidate
}

// templateParams are boilerplate.template's thresholds, declared in templateParamDecls.
type templateParams struct {
	minFiles, maxWords, maxChars int
	sentenceWords                int
	sentenceShare                float64
}

var templateParamDecls = []audit.Param{
	audit.IntParam("min_files", 3, 2, audit.Unbounded, "files a line must appear in",
		func(p *templateParams) *int { return &p.minFiles }),
	audit.IntParam("max_words", 12, 1, audit.Unbounded, "longer lines are content, left to the duplicate family",
		func(p *templateParams) *int { return &p.maxWords }),
	audit.IntParam("max_chars", 120, 1, audit.Unbounded, "longer lines are not hashed at all",
		func(p *templateParams) *int { return &p.maxChars }),
	audit.IntParam("sentence_max_words", 40, 1, audit.Unbounded, "a line that reads as a sentence (a site's newsletter or footer sentence) is hashed up to this many words",
		func(p *templateParams) *int { return &p.sentenceWords }),
	audit.FloatParam("sentence_min_share", 0.05, 0, 1, "such a sentence is a template when it recurs in this share of the corpus and in twice min_files files; a sentence a few reports of one story share is not",
		func(p *templateParams) *float64 { return &p.sentenceShare }),
}

func newTemplateCheck(p *audit.CorpusPass) audit.CorpusCheck {
	return &templateCheck{
		cfg:            p.Config,
		templateParams: audit.DecodeParams[templateParams](p.Params),
		counts:         map[uint64]lineCount{},
	}
}

// lineCount is how many files hold a normalised line, and how many hold it on its own,
// without a wire dateline before it.
type lineCount struct{ files, plain int32 }

// templateKey hashes a line's tokens, normalised the cc_net way (lower case, numbers folded,
// punctuation dropped); ok is false when nothing distinctive is left.
func templateKey(toks []token) (uint64, bool) {
	letters := 0
	h := fnv.New64a()
	for i, t := range toks {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(t.norm))
		if t.norm != "#" {
			letters += len(t.norm)
		}
	}
	return h.Sum64(), letters >= 4
}

// Add counts one document's short one-line paragraphs: extract (template_sig.go) does the
// work without the lock, index takes it.
func (c *templateCheck) Add(doc *audit.Document, audited bool) {
	sig := c.extract(doc)
	// A candidate's text is a slice of the document: copied, it does not keep the whole
	// text alive until Finish (signatures copy it when they are decoded).
	for i := range sig.candidates {
		sig.candidates[i].text = strings.Clone(sig.candidates[i].text)
	}
	c.index(sig, doc.Path, audited)
}

// Finish reports every kept line whose normalised form is in at least minFiles files.
func (c *templateCheck) Finish(report func(audit.Finding)) {
	// A file with several recurring sentences holds a copy of a story other files carry
	// too (the duplicate family's business); a site template adds one or two sentences.
	shared := map[string]int{}
	for _, cand := range c.candidates {
		if cand.sentence && c.frequent(cand) {
			shared[cand.path]++
		}
	}
	for _, cand := range c.candidates {
		if cand.sentence && shared[cand.path] > 2 {
			continue
		}
		lc := c.counts[cand.hash]
		n := int(lc.files)
		// After a dateline, the rest of the line is usually the story's lead in a house
		// formula ("Qtly div 10 cts vs 10 cts prior"); it is template only when the same
		// text also stands alone elsewhere.
		if n < c.minFiles || (cand.dateline && lc.plain == 0) {
			continue
		}
		if cand.sentence && !c.frequent(cand) {
			continue
		}
		msg := fmt.Sprintf("%q recurs in %d of %d files: a site template line, not article text", cand.text, n, c.files)
		ev := audit.Evidence{"text": cand.text, "files": n, "corpus_files": c.files, "min_files": c.minFiles}
		report(audit.NewFindingAt(Template, cand.path, cand.span, msg, ev))
	}
}

// frequent reports whether a sentence line recurs in enough files to be a template: twice
// min_files and sentence_min_share of the corpus.
func (c *templateCheck) frequent(cand templateCandidate) bool {
	n := int(c.counts[cand.hash].files)
	return n >= 2*c.minFiles && float64(n) >= c.sentenceShare*float64(c.files)
}

// numberShare is the share of tokens that are numbers: a line of figures ("Shr 13 cts vs
// 14 cts") recurs by format, not by template, once its digits are folded.
func numberShare(toks []token) float64 {
	n := 0
	for _, t := range toks {
		if t.norm == "#" {
			n++
		}
	}
	return float64(n) / float64(len(toks))
}

// wireSignoff reports a line that is only a news agency's name ("Reuter", "AP"): the
// story's own wire credit, repeated by design.
func wireSignoff(toks []token) bool {
	return len(toks) == 1 && (news.IsAgencyWord(toks[0].norm) || toks[0].norm == "reuter")
}

package boilerplate

import (
	"fmt"
	"hash/fnv"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/news"
)

// templateCandidate is a short line of an audited file kept until the corpus is counted.
// Only the hash, the place and the line text are kept, never the document.
type templateCandidate struct {
	hash     uint64
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
}

var templateParamDecls = []audit.Param{
	audit.IntParam("min_files", 3, 2, audit.Unbounded, "files a line must appear in",
		func(p *templateParams) *int { return &p.minFiles }),
	audit.IntParam("max_words", 12, 1, audit.Unbounded, "longer lines are content, left to the duplicate family",
		func(p *templateParams) *int { return &p.maxWords }),
	audit.IntParam("max_chars", 120, 1, audit.Unbounded, "longer lines are not hashed at all",
		func(p *templateParams) *int { return &p.maxChars }),
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

// templateKey normalises a line the cc_net way (lower case, numbers folded, punctuation
// dropped) and hashes it; ok is false when nothing distinctive is left.
func templateKey(text string) (uint64, bool) {
	toks := tokenize(text)
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
	c.index(c.extract(doc), doc.Path, audited)
}

// Finish reports every kept line whose normalised form is in at least minFiles files.
func (c *templateCheck) Finish(report func(audit.Finding)) {
	for _, cand := range c.candidates {
		lc := c.counts[cand.hash]
		n := int(lc.files)
		// After a dateline, the rest of the line is usually the story's lead in a house
		// formula ("Qtly div 10 cts vs 10 cts prior"); it is template only when the same
		// text also stands alone elsewhere.
		if n < c.minFiles || (cand.dateline && lc.plain == 0) {
			continue
		}
		msg := fmt.Sprintf("%q recurs in %d of %d files: a site template line, not article text", cand.text, n, c.files)
		ev := audit.Evidence{"text": cand.text, "files": n, "corpus_files": c.files, "min_files": c.minFiles}
		report(audit.NewFindingAt(Template, cand.path, cand.span, msg, ev))
	}
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

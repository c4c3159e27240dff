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

// Add hashes the document's short one-line paragraphs. The title counts (a headline reused
// as a teaser elsewhere is template) but is never reported; prose, quotes, dates, wire
// datelines and wire sign-offs are legitimately repeated and left out.
func (c *templateCheck) Add(doc *audit.Document, audited bool) {
	r := readDocument(doc, c.cfg)
	seen := map[uint64]bool{} // hash → seen without a dateline
	var mine []templateCandidate
	for _, u := range r.units {
		if u.multiLine || len(u.text) > c.maxChars {
			continue
		}
		// A wire dateline is the story's own; what follows it is judged alone, so "BEIRUT
		// (Reuters) - Share on Facebook" counts with every other "Share on Facebook".
		cut := wireDateline(u.text)
		text := u.text[cut:]
		toks := tokenize(text)
		if len(toks) == 0 || len(toks) > c.maxWords {
			continue
		}
		s := &r.lines[u.first-1]
		if s.dateLike || strings.ContainsAny(text, "\"“”«»„") || (u.sentenceEnd && len(toks) >= 8) ||
			wireSignoff(toks) || numberShare(toks) >= 0.3 {
			continue
		}
		h, ok := templateKey(text)
		if !ok {
			continue
		}
		plain, dup := seen[h]
		seen[h] = plain || cut == 0
		if dup {
			continue
		}
		// Lines another boilerplate rule already reports are counted but not reported twice.
		if audited && !s.title && !s.residue() && s.caption == nil && s.byline == nil {
			mine = append(mine, templateCandidate{hash: h, dateline: cut > 0, path: doc.Path, span: doc.Span(u.start, u.end), text: u.text})
		}
	}
	c.files++
	for h, plain := range seen {
		lc := c.counts[h]
		lc.files++
		if plain {
			lc.plain++
		}
		c.counts[h] = lc
	}
	c.candidates = append(c.candidates, mine...)
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

package boilerplate

import (
	"fmt"
	"hash/fnv"
	"strings"
	"sync"

	"github.com/textaudit/textaudit/audit"
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
	cfg                *audit.Config
	minFiles           int
	maxWords, maxChars int
	sentenceWords      int
	sentenceShare      float64

	mu         sync.Mutex
	files      int
	counts     map[uint64]lineCount
	candidates []templateCandidate
}

func newTemplateCheck(params audit.Params, cfg *audit.Config) audit.CorpusCheck {
	return &templateCheck{
		cfg:      cfg,
		minFiles: int(params.Get("min_files")),
		maxWords: int(params.Get("max_words")),
		maxChars: int(params.Get("max_chars")),
		counts:   map[uint64]lineCount{},

		sentenceWords: int(params.Get("sentence_max_words")),
		sentenceShare: params.Get("sentence_min_share"),
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
		if u.multiLine || len(u.text) > max(c.maxChars, 8*c.sentenceWords) {
			continue
		}
		// A wire dateline is the story's own; what follows it is judged alone, so "BEIRUT
		// (Reuters) - Share on Facebook" counts with every other "Share on Facebook".
		cut := wireDateline(u.text)
		text := u.text[cut:]
		toks := tokenize(text)
		sentence := u.sentenceEnd && len(toks) >= 8
		if len(toks) == 0 || (sentence && len(toks) > c.sentenceWords) || (!sentence && (len(toks) > c.maxWords || len(text) > c.maxChars)) {
			continue
		}
		s := &r.lines[u.first-1]
		if s.dateLike || strings.ContainsAny(text, "\"“”«»„") || wireSignoff(toks) || numberShare(toks) >= 0.3 {
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
			mine = append(mine, templateCandidate{hash: h, sentence: sentence, dateline: cut > 0, path: doc.Path, span: doc.Span(u.start, u.end), text: u.text})
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
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
	return len(toks) == 1 && (agencies[toks[0].norm] || toks[0].norm == "reuter")
}

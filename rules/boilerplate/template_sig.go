package boilerplate

import (
	"slices"

	"github.com/textaudit/textaudit/audit"
)

// templateSig is what the template check counts and keeps of one document, extracted
// without the lock: the engine caches it (audit.SignatureCheck), so an unchanged file of a
// warm run is counted without being read and parsed again.
type templateSig struct {
	lines []sigLine // each distinct normalised line once, by hash
	// candidates are the lines the file could be reported on, kept only when it is audited;
	// their path is set by index.
	candidates []templateCandidate
}

// sigLine is one distinct normalised short line and whether it stood without a dateline.
type sigLine struct {
	hash  uint64
	plain bool
}

// extract hashes the document's short one-line paragraphs. The title counts (a headline
// reused as a teaser elsewhere is template) but is never reported; prose, quotes, dates,
// wire datelines and wire sign-offs are legitimately repeated and left out.
func (c *templateCheck) extract(doc *audit.Document) *templateSig {
	r := readDocument(doc, c.cfg)
	seen := map[uint64]bool{} // hash → seen without a dateline
	sig := &templateSig{}
	for _, u := range r.units {
		if u.multiLine || len(u.text) > max(c.maxChars, 8*c.sentenceWords) {
			continue
		}
		// A wire dateline is the story's own; what follows it is judged alone, so "BEIRUT
		// (Reuters) - Share on Facebook" counts with every other "Share on Facebook".
		cut := r.datelines[u.first-1]
		text := u.text[cut:]
		toks := r.afterDateline(u.first-1, u.text)
		sentence := u.sentenceEnd && len(toks) >= 8
		if len(toks) == 0 || (sentence && len(toks) > c.sentenceWords) || (!sentence && (len(toks) > c.maxWords || len(text) > c.maxChars)) {
			continue
		}
		s := &r.lines[u.first-1]
		if s.dateLike || containsAny(text, "\"“”«»„") || wireSignoff(toks) || numberShare(toks) >= 0.3 {
			continue
		}
		h, ok := templateKey(toks)
		if !ok {
			continue
		}
		plain, dup := seen[h]
		seen[h] = plain || cut == 0
		if dup {
			continue
		}
		// Lines another boilerplate rule already reports are counted but not reported twice.
		if !s.title && !s.residue() && s.caption == nil && s.byline == nil {
			sig.candidates = append(sig.candidates, templateCandidate{hash: h, sentence: sentence, dateline: cut > 0, span: doc.Span(u.start, u.end), text: u.text})
		}
	}
	for h, plain := range seen {
		sig.lines = append(sig.lines, sigLine{h, plain})
	}
	slices.SortFunc(sig.lines, func(a, b sigLine) int {
		switch {
		case a.hash < b.hash:
			return -1
		case a.hash > b.hash:
			return 1
		}
		return 0
	})
	return sig
}

// index counts a signature's lines and keeps its candidates when the file is audited.
func (c *templateCheck) index(sig *templateSig, path string, audited bool) {
	c.files++
	for _, l := range sig.lines {
		lc := c.counts[l.hash]
		lc.files++
		if l.plain {
			lc.plain++
		}
		c.counts[l.hash] = lc
	}
	if audited {
		for _, cand := range sig.candidates {
			cand.path = path
			c.candidates = append(c.candidates, cand)
		}
	}
}

// Signature implements audit.SignatureCheck.
func (c *templateCheck) Signature(doc *audit.Document) ([]byte, error) {
	sig := c.extract(doc)
	var w audit.SigWriter
	w.Uint(uint64(len(sig.lines)))
	for _, l := range sig.lines {
		w.Fixed64(l.hash)
		w.Bool(l.plain)
	}
	w.Uint(uint64(len(sig.candidates)))
	for _, cand := range sig.candidates {
		w.Fixed64(cand.hash)
		w.Bool(cand.sentence)
		w.Bool(cand.dateline)
		w.Span(cand.span)
		w.String(cand.text)
	}
	return w.Bytes(), nil
}

// AddSignature implements audit.SignatureCheck; a signature that does not decode whole
// leaves the counts as they were.
func (c *templateCheck) AddSignature(path string, b []byte, audited bool) error {
	r := audit.NewSigReader(b)
	sig := &templateSig{}
	n := r.Len()
	for i := 0; i < n && r.Err() == nil; i++ {
		sig.lines = append(sig.lines, sigLine{hash: r.Fixed64(), plain: r.Bool()})
	}
	n = r.Len()
	for i := 0; i < n && r.Err() == nil; i++ {
		sig.candidates = append(sig.candidates, templateCandidate{hash: r.Fixed64(), sentence: r.Bool(), dateline: r.Bool(), span: r.Span(), text: r.String()})
	}
	if err := r.Done(); err != nil {
		return err
	}
	c.index(sig, path, audited)
	return nil
}

package duplicate

import (
	"slices"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/provenance"
)

// docSig is what the index keeps of one document, extracted without the lock and without
// the index: the engine caches it (audit.SignatureCheck), so an unchanged file of a warm
// run is indexed without being read and tokenised again.
type docSig struct {
	d        indexedDoc // path, audited and rep are set by index
	sum      uint64     // hash of all its words, 0 when too short to be an identical copy
	pieces   []sigPiece
	distinct []uint32 // the indexed words, each once, sorted
}

// sigPiece is one unit to index: its first token, line, word keys and retrieval features.
type sigPiece struct {
	lo, line int32
	words    []uint32
	feats    []uint32
}

// extract computes a document's signature; it reads only the check's parameters.
func (c *crossCheck) extract(doc *audit.Document) *docSig {
	lang := stopLanguage(doc, c.cfg)
	toks := docTokensIn(doc, lang)
	words := keys(toks)
	// distinct gets every indexed word before it is compacted: sized once for all of them.
	sig := &docSig{distinct: make([]uint32, 0, len(words))}
	// A piece has at most as many features as words: one backing array holds them all.
	feats := make([]uint32, 0, len(words))
	var skel []uint32
	n := 0
	for _, p := range doc.Paragraphs {
		lo, hi := tokenRange(toks, p.Start, p.End)
		for s := lo; s < hi; s += maxAlignTokens {
			e := min(s+maxAlignTokens, hi)
			if e-s >= c.minWords {
				w := words[s:e:e]
				f0 := len(feats)
				feats, skel = appendSkeletonFeatures(w, feats, skel)
				sig.pieces = append(sig.pieces, sigPiece{lo: int32(s), line: int32(doc.LineAt(int(toks[s].Start))),
					words: w, feats: feats[f0:len(feats):len(feats)]})
				for _, k := range w {
					sig.distinct = append(sig.distinct, k&^3)
				}
				n += e - s
			}
		}
	}
	slices.Sort(sig.distinct)
	sig.distinct = slices.Compact(sig.distinct)
	credits := provenance.Credits(doc, c.cfg)
	sig.d = indexedDoc{words: int32(n),
		sources: provenance.TextSources(credits), leadSources: provenance.LeadSources(credits), photo: provenance.PhotoSources(credits),
		whole: wholeSpan(doc), title: title(doc), lang: lang}
	if n >= c.minWords {
		sig.sum = hashKeys(words)
	}
	return sig
}

// index adds a signature to the index under the lock.
func (c *crossCheck) index(sig *docSig, path string, audited bool) {
	d := sig.d
	d.path, d.audited = path, audited
	id := int32(len(c.docs))
	d.rep = id
	c.hasAudited = c.hasAudited || audited
	if sig.sum != 0 {
		// An identical copy is not indexed again: k copies would cost k² comparisons and
		// k times the memory for one fact, "these files are the same".
		if r, ok := c.identical[sig.sum]; ok && c.docs[r].words == d.words {
			d.rep = r
			c.docs[r].groupAudited = c.docs[r].groupAudited || audited
			c.docs = append(c.docs, d)
			return
		}
		c.identical[sig.sum] = id
	}
	d.groupAudited = audited
	c.docs = append(c.docs, d)
	for _, w := range sig.distinct {
		c.docFreq[w]++
	}
	// A unit has at most maxAlignTokens words and as many features, so both fit a block.
	entries := c.entries[:0]
	for _, pc := range sig.pieces {
		u := uint64(len(c.units))
		off := c.arena.appendRun(pc.words)
		c.units = append(c.units, indexedUnit{doc: id, tok: pc.lo, n: int32(len(pc.words)), line: pc.line, off: off})
		entries = entries[:0]
		for _, f := range pc.feats {
			entries = append(entries, uint64(f)<<32|u)
		}
		c.indexed.appendRun(entries)
	}
	c.entries = entries
}

// Signature implements audit.SignatureCheck.
func (c *crossCheck) Signature(doc *audit.Document) ([]byte, error) {
	sig := c.extract(doc)
	var w audit.SigWriter
	w.Grow(sigSize(sig))
	w.Int(int64(sig.d.words))
	w.Strings(sig.d.sources)
	w.Strings(sig.d.leadSources)
	w.Strings(sig.d.photo)
	w.Span(sig.d.whole)
	w.String(sig.d.title)
	w.String(sig.d.lang)
	w.Fixed64(sig.sum)
	w.Uint32s(sig.distinct)
	w.Uint(uint64(len(sig.pieces)))
	for _, p := range sig.pieces {
		w.Int(int64(p.lo))
		w.Int(int64(p.line))
		w.Uint32s(p.words)
		w.Uint32s(p.feats)
	}
	return w.Bytes(), nil
}

// AddSignature implements audit.SignatureCheck: it decodes the whole signature before
// touching the index, so a bad one leaves the index as it was.
func (c *crossCheck) AddSignature(path string, b []byte, audited bool) error {
	r := audit.NewSigReader(b)
	sig := &docSig{}
	sig.d.words = int32(r.Int())
	sig.d.sources = r.Strings()
	sig.d.leadSources = r.Strings()
	sig.d.photo = r.Strings()
	sig.d.whole = r.Span()
	sig.d.title = r.String()
	sig.d.lang = r.String()
	sig.sum = r.Fixed64()
	sig.distinct = r.Uint32s()
	n := r.Len()
	for i := 0; i < n && r.Err() == nil; i++ {
		p := sigPiece{lo: int32(r.Int()), line: int32(r.Int())}
		p.words = r.Uint32s()
		p.feats = r.Uint32s()
		if len(p.words) > maxAlignTokens {
			return audit.ErrBadSignature
		}
		sig.pieces = append(sig.pieces, p)
	}
	if err := r.Done(); err != nil {
		return err
	}
	c.index(sig, path, audited)
	return nil
}

// sigSize is a close upper estimate of a signature's encoded size: word keys and features
// are 32-bit hashes, so most take a 5-byte varint.
func sigSize(sig *docSig) int {
	n := 128 + len(sig.d.title) + len(sig.d.lang) + 5*len(sig.distinct)
	for _, list := range [][]string{sig.d.sources, sig.d.leadSources, sig.d.photo} {
		for _, s := range list {
			n += len(s) + 2
		}
	}
	for _, p := range sig.pieces {
		n += 16 + 5*(len(p.words)+len(p.feats))
	}
	return n
}

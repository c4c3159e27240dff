package duplicate

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/provenance"
	"github.com/textaudit/textaudit/rules/spin"
)

// flip swaps the two sides of an alignment.
func (al Alignment) flip() Alignment {
	out := Alignment{AStart: al.BStart, AEnd: al.BEnd, BStart: al.AStart, BEnd: al.AEnd, Matches: al.Matches}
	out.Changes = make([]Change, len(al.Changes))
	for i, ch := range al.Changes {
		out.Changes[i] = Change{AStart: ch.BStart, AEnd: ch.BEnd, BStart: ch.AStart, BEnd: ch.AEnd}
	}
	return out
}

// docCache re-reads the few documents that take part in copies: the index keeps no text, so
// locations and the words of each swap are recovered from the files at the end.
type docCache struct {
	docs map[int32]*loadedDoc
	// all is set when prefetch loaded every document the report can ask for: nothing is
	// evicted then.
	all bool
}

type loadedDoc struct {
	doc  *audit.Document
	toks []Token
}

// maxCachedDocs bounds the re-read documents held at once when they are not all prefetched.
const maxCachedDocs = 256

// maxPrefetchBytes bounds the text of the documents prefetch loads at once (each costs
// about four times its text with its tokens and line table).
const maxPrefetchBytes = 64 << 20

func (dc *docCache) load(c *crossCheck, id int32) *loadedDoc {
	if d, ok := dc.docs[id]; ok {
		return d
	}
	if dc.docs == nil || !dc.all && len(dc.docs) >= maxCachedDocs {
		dc.docs = map[int32]*loadedDoc{}
	}
	d := c.loadDoc(id)
	dc.docs[id] = d
	return d
}

// loadDoc re-reads and tokenises one document; nil when it can no longer be read.
func (c *crossCheck) loadDoc(id int32) *loadedDoc {
	doc, err := audit.ReadDocument(c.docs[id].path, 0)
	if err != nil {
		return nil
	}
	return &loadedDoc{doc: doc, toks: docTokensIn(doc, c.docs[id].lang)}
}

// prefetch loads, on every core, each document a verified copy touches, when their text
// fits maxPrefetchBytes. The report walks the copies three times in an order that jumps
// between files, so a bounded cache loaded each document about three times, one at a time.
func (dc *docCache) prefetch(c *crossCheck, matches []copyMatch) {
	seen := map[int32]bool{}
	var ids []int32
	var total int64
	for _, m := range matches {
		for _, u := range [2]uint32{m.a, m.b} {
			id := c.units[u].doc
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
				total += int64(c.docs[id].whole.EndOffset)
			}
		}
	}
	if total > maxPrefetchBytes {
		return
	}
	loaded := make([]*loadedDoc, len(ids))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(ids); i = int(next.Add(1) - 1) {
				loaded[i] = c.loadDoc(ids[i])
			}
		}()
	}
	wg.Wait()
	dc.docs = make(map[int32]*loadedDoc, len(ids))
	for i, id := range ids {
		dc.docs[id] = loaded[i]
	}
	dc.all = true
}

// fits reports whether a re-read document still holds the unit's words (the file may have
// changed on disk since it was indexed).
func (c *crossCheck) fits(d *loadedDoc, u indexedUnit) bool {
	if d == nil || int(u.tok)+int(u.n) > len(d.toks) {
		return false
	}
	words := c.arena.run(u.off, int(u.n))
	return d.toks[u.tok].Key == words[0] && d.toks[int(u.tok)+int(u.n)-1].Key == words[len(words)-1]
}

// side is one end of a verified copy, ready to report.
type side struct {
	id    int32
	unit  indexedUnit
	d     *loadedDoc
	start int // byte offsets of the aligned passage
	end   int
	line  int
}

func (c *crossCheck) side(dc *docCache, u uint32, lo, hi int) (side, bool) {
	x := c.units[u]
	d := dc.load(c, x.doc)
	if !c.fits(d, x) || hi <= lo {
		return side{}, false
	}
	s := side{id: x.doc, unit: x, d: d}
	s.start = int(d.toks[int(x.tok)+lo].Start)
	s.end = int(d.toks[int(x.tok)+hi-1].End)
	s.line = d.doc.LineAt(s.start)
	return s, true
}

// bestPerUnit tells, for each included copy, whether it is the best one (most matched
// words) of its A unit and of its B unit, and counts each unit's partner passages. A
// paragraph that stands in forty files gets one finding naming the closest copy and the
// count of the others, not forty: findings stay linear in the corpus however large a
// cluster of copies.
func bestPerUnit(matches []copyMatch, include []bool) (bestA, bestB []bool, partners map[uint32]int) {
	best := map[uint32]int{}
	partners = map[uint32]int{}
	for i, m := range matches {
		if !include[i] {
			continue
		}
		partners[m.a]++
		partners[m.b]++
		for _, u := range []uint32{m.a, m.b} {
			if j, ok := best[u]; !ok || m.al.Matches > matches[j].al.Matches {
				best[u] = i
			}
		}
	}
	bestA, bestB = make([]bool, len(matches)), make([]bool, len(matches))
	for i, m := range matches {
		if include[i] {
			bestA[i], bestB[i] = best[m.a] == i, best[m.b] == i
		}
	}
	return bestA, bestB, partners
}

// reportCopy reports a copy on here: the duplicate finding when passage is set (a single
// copy, not part of a whole-file or shared-story pair, which are reported once per file),
// the spin finding when here is the spun side. It returns the copy's kind.
func (c *crossCheck) reportCopy(here, there side, al Alignment, passage, spun bool, swapCount, others int, report func(audit.Finding)) string {
	if !c.docs[here.id].audited {
		return ""
	}
	hereToks := here.d.toks[here.unit.tok : here.unit.tok+here.unit.n]
	thereToks := there.d.toks[there.unit.tok : there.unit.tok+there.unit.n]
	// Swaps read from the other file to this one: "U.S. → USA" on the file that says USA.
	list, n := swaps(al.flip(), there.d.doc.Text, thereToks, here.d.doc.Text, hereToks, 12)
	kept := float64(al.Matches) / float64(max(1, al.ALen()))
	what := "passage"
	if al.AStart == 0 && al.AEnd == int(here.unit.n) {
		what = "paragraph"
	}
	kind := "exact"
	var msg string
	switch {
	case al.Matches == al.ALen() && al.Matches == al.BLen():
		msg = fmt.Sprintf("%s stands word for word in %s line %d", what, there.d.doc.Path, there.line)
	case spun:
		kind = "spun"
		msg = fmt.Sprintf("%s is %s line %d reworded by synonyms (%.0f%% of words kept, %d swaps: %s)", what, there.d.doc.Path, there.line, 100*kept, n, strings.Join(list[:min(3, len(list))], ", "))
	default:
		kind = "near"
		msg = fmt.Sprintf("%s stands in %s line %d with edits (%.0f%% of words kept", what, there.d.doc.Path, there.line, 100*kept)
		if n > 0 {
			msg += "; " + strings.Join(list[:min(3, len(list))], ", ")
		}
		msg += ")"
	}
	ev := audit.Evidence{
		"counterpart_path": there.d.doc.Path,
		"counterpart_line": there.line,
		"kept":             round2(kept),
		"kind":             kind,
	}
	if n > 0 {
		ev["substitutions"] = list
	}
	if others > 0 {
		ev["other_copies"] = others
		msg += fmt.Sprintf(" and in %d other passage(s) of the corpus", others)
	}
	if passage {
		report(audit.NewFinding(Cross, here.d.doc, here.d.doc.Span(here.start, here.end), msg, ev))
	}
	if spun {
		sev := audit.Evidence{"counterpart_path": there.d.doc.Path, "counterpart_line": there.line, "kept": round2(kept), "swaps": swapCount, "substitutions": list}
		report(audit.NewFinding(spin.AlignedCopy, here.d.doc, here.d.doc.Span(here.start, here.end),
			fmt.Sprintf("passage is spun from %s line %d: %d content words swapped for synonyms while names, numbers and function words stay (%s)", there.d.doc.Path, there.line, swapCount, strings.Join(list[:min(3, len(list))], ", ")),
			sev))
	}
	return kind
}

// inheritedSources lists the agencies a copy inherits: those credited in the lead of there
// (its dateline or closing credit, which attribute the whole story) when here has no such
// lead credit of its own. When both files open with a credit, neither is taken for the copy.
func inheritedSources(here, there indexedDoc) []string {
	if len(here.leadSources) > 0 {
		return nil
	}
	var out []string
	for _, s := range there.leadSources {
		found := false
		for _, h := range here.sources {
			found = found || h == s
		}
		if !found {
			out = append(out, s)
		}
	}
	return out
}

func (c *crossCheck) reportInherited(here, there side, missing []string, report func(audit.Finding)) {
	credit := "no credit here"
	if own := c.docs[here.id].sources; len(own) > 0 {
		credit = "credited here to " + strings.Join(own, ", ")
	}
	msg := fmt.Sprintf("%s; passage copied from %s line %d, which is credited to %s", credit, there.d.doc.Path, there.line, strings.Join(missing, ", "))
	report(audit.NewFinding(provenance.Inherited, here.d.doc, here.d.doc.Span(here.start, here.end), msg,
		audit.Evidence{"counterpart_path": there.d.doc.Path, "counterpart_line": there.line, "inherited_sources": missing, "own_sources": c.docs[here.id].sources}))
	l := c.link(here.id)
	for _, agency := range missing {
		l.inherit(provenance.InheritedRef{Agency: agency, Via: there.d.doc.Path, Line: here.line})
	}
}

// spinSides judges whether an alignment is a spun copy and which side is the spun one. A
// content swap is a substitution of ordinary words with no name or number on either side.
// The spun side is the one whose swapped words are rarer in the corpus (spinners reach for
// "otiose" where the source said "wasted"); when that cannot tell, both sides are named.
// Spinners keep names and numbers, so an alignment in which a name or a number was replaced
// by another is a story updated (a wire's later version of its own report), not spun.
func (c *crossCheck) spinSides(al Alignment, a, b []uint32) (spunA, spunB bool, swapCount int) {
	// Rarity is summed as log document frequency, so one very rare word on a side
	// weighs more than several ties.
	var rarityA, rarityB float64
	updates := 0 // names or numbers replaced by others: a story updated, not spun
	for _, ch := range al.Changes {
		if !ch.Substitution() {
			continue
		}
		if hasKind(a[ch.AStart:ch.AEnd], Anchor) && hasKind(b[ch.BStart:ch.BEnd], Anchor) {
			updates++
		}
		if !contentOnly(a[ch.AStart:ch.AEnd]) || !contentOnly(b[ch.BStart:ch.BEnd]) {
			continue
		}
		swapCount++
		rarityA += math.Log(float64(c.rarest(a[ch.AStart:ch.AEnd])))
		rarityB += math.Log(float64(c.rarest(b[ch.BStart:ch.BEnd])))
	}
	contentA, contentB := countKind(a[al.AStart:al.AEnd], Content), countKind(b[al.BStart:al.BEnd], Content)
	if swapCount < c.spinMinSwaps || float64(swapCount) < c.spinMinShare*float64(max(1, min(contentA, contentB))) ||
		updates > 0 {
		return false, false, swapCount
	}
	return rarityA <= rarityB, rarityB <= rarityA, swapCount
}

// contentOnly reports whether words hold a content word and no name or number.
func contentOnly(words []uint32) bool {
	content := false
	for _, w := range words {
		switch Kind(w & 3) {
		case Anchor:
			return false
		case Content:
			content = true
		}
	}
	return content
}

func hasKind(words []uint32, k Kind) bool {
	for _, w := range words {
		if Kind(w&3) == k {
			return true
		}
	}
	return false
}

func countKind(words []uint32, k Kind) int {
	n := 0
	for _, w := range words {
		if Kind(w&3) == k {
			n++
		}
	}
	return n
}

// rarest returns the lowest document frequency among the content words.
func (c *crossCheck) rarest(words []uint32) int32 {
	r := int32(1 << 30)
	for _, w := range words {
		if Kind(w&3) == Content {
			r = min(r, max(1, c.docFreq[w&^3]))
		}
	}
	return r
}

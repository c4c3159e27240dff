package duplicate

import (
	"slices"

	"github.com/textaudit/textaudit/audit"
)

type docPair struct{ a, b int32 }

// pairKind is what the copies between two documents amount to.
type pairKind uint8

const (
	pairSingle pairKind = iota // one or two copied passages in otherwise different files
	pairStory                  // several shared passages: the same story republished or rewritten
	pairWhole                  // the files are near-copies as wholes
)

// pairInfo sums the verified copies between two documents (a < b by index).
type pairInfo struct {
	key            docPair
	kind           pairKind
	shareA, shareB float64 // share of each document's words covered by aligned passages
	passages       int     // distinct passages shared
	matches        []int   // indexes into the match list
}

// classifyPairs groups verified copies by document pair and judges each pair. A pair is a
// whole-file copy when aligned passages cover min_share of one file's words and half of the
// other's; a shared story when it shares min_passages passages, or two or more passages that
// cover min_share of the smaller file. One passage is one copy, however long it is.
func (c *crossCheck) classifyPairs(matches []copyMatch) map[docPair]*pairInfo {
	pairs := map[docPair]*pairInfo{}
	type cover struct{ a, b int }
	covered := map[docPair]cover{}
	type seenUnit struct {
		pair docPair
		unit uint32
	}
	seenA, seenB := map[seenUnit]bool{}, map[seenUnit]bool{}
	distinct := map[docPair][2]int{}
	for i, m := range matches {
		key := docPair{c.units[m.a].doc, c.units[m.b].doc}
		p, ok := pairs[key]
		if !ok {
			p = &pairInfo{key: key}
			pairs[key] = p
		}
		p.matches = append(p.matches, i)
		cv := covered[key]
		cv.a += m.al.ALen()
		cv.b += m.al.BLen()
		covered[key] = cv
		dn := distinct[key]
		if !seenA[seenUnit{key, m.a}] {
			seenA[seenUnit{key, m.a}] = true
			dn[0]++
		}
		if !seenB[seenUnit{key, m.b}] {
			seenB[seenUnit{key, m.b}] = true
			dn[1]++
		}
		distinct[key] = dn
	}
	for key, p := range pairs {
		da, db := c.docs[key.a], c.docs[key.b]
		if da.words == 0 || db.words == 0 {
			continue
		}
		cv := covered[key]
		p.shareA = min(1, float64(cv.a)/float64(da.words))
		p.shareB = min(1, float64(cv.b)/float64(db.words))
		p.passages = min(distinct[key][0], distinct[key][1])
		smaller := p.shareA
		if db.words < da.words {
			smaller = p.shareB
		}
		switch {
		case max(p.shareA, p.shareB) >= c.docMinShare && min(p.shareA, p.shareB) >= 0.5:
			p.kind = pairWhole
		case p.passages >= c.storyMinPassages || p.passages >= 2 && smaller >= c.storyMinShare:
			p.kind = pairStory
		}
	}
	return pairs
}

// report turns verified copies into findings: one per audited file for each group of
// whole-file copies and for each shared-story pair, and per passage for single copies (on
// both files, the closest copy of each paragraph only). Spun passages are reported as spin
// whatever the pair, and attribution inherited through a copy once per pair.
func (c *crossCheck) report(matches []copyMatch, report func(audit.Finding)) {
	pairs := c.classifyPairs(matches)
	whole := map[docPair]*pairInfo{}
	for key, p := range pairs {
		if p.kind == pairWhole {
			whole[key] = p
		}
	}
	c.reportGroups(whole, report)
	var dc docCache
	dc.prefetch(c, matches)
	for _, p := range sortedPairs(pairs, pairStory) {
		c.reportStory(&dc, p, matches, report)
	}
	include := make([]bool, len(matches))
	for i, m := range matches {
		include[i] = pairs[docPair{c.units[m.a].doc, c.units[m.b].doc}].kind == pairSingle && c.coversParagraph(m) && c.passageIsCopy(&dc, m)
	}
	bestA, bestB, partners := bestPerUnit(matches, include)
	inherited := map[docPair]bool{}
	for i, m := range matches {
		key := docPair{c.units[m.a].doc, c.units[m.b].doc}
		spunA, spunB, swapCount := c.spinSides(m.al, c.unitWords(m.a), c.unitWords(m.b))
		var missingA, missingB []string
		// A shared quote in two different paragraphs is no copy (min_cover), so it passes
		// on no credit either; passages of a shared story or a whole-file copy do.
		if !inherited[key] && (pairs[key].kind != pairSingle || c.coversParagraph(m)) {
			if c.docs[key.a].audited {
				missingA = inheritedSources(c.docs[key.a], c.docs[key.b])
			}
			if c.docs[key.b].audited {
				missingB = inheritedSources(c.docs[key.b], c.docs[key.a])
			}
		}
		if !spunA && !spunB && !bestA[i] && !bestB[i] && len(missingA)+len(missingB) == 0 {
			continue
		}
		a, okA := c.side(&dc, m.a, m.al.AStart, m.al.AEnd)
		b, okB := c.side(&dc, m.b, m.al.BStart, m.al.BEnd)
		if !okA || !okB {
			continue
		}
		// The copy is the spun side, or the side that inherits the other's credit.
		copyA, copyB := spunA && !spunB || len(missingA) > 0, spunB && !spunA || len(missingB) > 0
		if bestA[i] || spunA {
			kind := c.reportCopy(a, b, m.al, bestA[i], spunA, swapCount, partners[m.a]-1, report)
			c.linkCopy(a, b, kind, copyA, copyB)
		}
		if bestB[i] || spunB {
			kind := c.reportCopy(b, a, m.al.flip(), bestB[i], spunB, swapCount, partners[m.b]-1, report)
			c.linkCopy(b, a, kind, copyB, copyA)
		}
		if len(missingA)+len(missingB) > 0 {
			inherited[key] = true
		}
		if len(missingA) > 0 {
			c.reportInherited(a, b, missingA, report)
		}
		if len(missingB) > 0 {
			c.reportInherited(b, a, missingB, report)
		}
	}
}

// linkCopy records a copy in the provenance fact of here, the side it was reported on.
func (c *crossCheck) linkCopy(here, there side, kind string, hereIsCopy, thereIsCopy bool) {
	if !c.docs[here.id].audited {
		return
	}
	l := c.link(here.id)
	ref := provenanceCopy(c.docs[there.id].path, here.line, there.line, kind)
	switch {
	case hereIsCopy && !thereIsCopy:
		l.add(&l.CopiedFrom, ref)
	case thereIsCopy && !hereIsCopy:
		l.add(&l.CopiedTo, ref)
	default:
		l.add(&l.SharedWith, ref)
	}
}

// sortedPairs lists the pairs of one kind in index order, so reports are deterministic.
func sortedPairs(pairs map[docPair]*pairInfo, kind pairKind) []*pairInfo {
	var out []*pairInfo
	for _, p := range pairs {
		if p.kind == kind {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(x, y *pairInfo) int {
		if x.key.a != y.key.a {
			return int(x.key.a - y.key.a)
		}
		return int(x.key.b - y.key.b)
	})
	return out
}

// coversParagraph reports whether a copy spans at least min_cover of its paragraph on one
// side at least. Copies that stand in the middle of two different paragraphs on both sides,
// a shared quote or sentence, are what two reports of one story have in common; they still
// count towards a shared-story or whole-file pair, and towards spin and inherited credit.
func (c *crossCheck) coversParagraph(m copyMatch) bool {
	a, b := c.units[m.a], c.units[m.b]
	return float64(m.al.ALen()) >= c.minCover*float64(a.n) || float64(m.al.BLen()) >= c.minCover*float64(b.n)
}

// passageIsCopy tells a copied passage from text alike by its form or its source: table rows
// and link lists (notProse), one template filled in with other names and numbers
// (templateChange), and a quote two reports took from the same speaker, with their own
// attribution around it (mostly quoted words on both sides, not the same paragraph word for
// word). Such passages still count towards a shared-story or whole-file pair.
func (c *crossCheck) passageIsCopy(dc *docCache, m copyMatch) bool {
	a, b := c.unitWords(m.a), c.unitWords(m.b)
	if templateChange(m.al, a, b) {
		return false
	}
	sa, okA := c.side(dc, m.a, m.al.AStart, m.al.AEnd)
	sb, okB := c.side(dc, m.b, m.al.BStart, m.al.BEnd)
	if !okA || !okB {
		return true // reporting drops it anyway
	}
	ta := sa.d.toks[int(sa.unit.tok)+m.al.AStart : int(sa.unit.tok)+m.al.AEnd]
	tb := sb.d.toks[int(sb.unit.tok)+m.al.BStart : int(sb.unit.tok)+m.al.BEnd]
	if notProse(sa.d.doc.Text, ta) || notProse(sb.d.doc.Text, tb) {
		return false
	}
	// Reporters quote word for word: a quote with its words swapped was spun from a copy.
	whole := m.al.Matches == int(sa.unit.n) && m.al.Matches == int(sb.unit.n)
	if spunA, spunB, _ := c.spinSides(m.al, a, b); whole || spunA || spunB {
		return true
	}
	return quotedShare(sa.d.doc, ta) < minQuotedShare || quotedShare(sb.d.doc, tb) < minQuotedShare
}

// minQuotedShare is the share of a passage's words inside quotation marks, on both sides,
// that makes it a shared quote rather than a copy.
const minQuotedShare = 0.6

package duplicate

import (
	"fmt"
	"slices"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/provenance"
)

// storyPassage is one shared passage of a shared-story pair, in the finding's evidence.
type storyPassage struct {
	Line            int      `json:"line"`             // where it starts in this file
	CounterpartLine int      `json:"counterpart_line"` // where it starts in the other file
	Kept            float64  `json:"kept"`             // share of this passage's words matched
	Swaps           []string `json:"swaps,omitempty"`  // substitutions, the other file's words first
}

// maxStorySwaps bounds the substitutions listed per passage.
const maxStorySwaps = 8

// reportStory reports a shared-story pair once on each audited file: the finding spans the
// first to the last shared line there and lists every shared passage.
func (c *crossCheck) reportStory(dc *docCache, p *pairInfo, matches []copyMatch, report func(audit.Finding)) {
	type located struct {
		a, b side
		al   Alignment
	}
	var shared []located
	for _, i := range p.matches {
		m := matches[i]
		a, okA := c.side(dc, m.a, m.al.AStart, m.al.AEnd)
		b, okB := c.side(dc, m.b, m.al.BStart, m.al.BEnd)
		if okA && okB {
			shared = append(shared, located{a, b, m.al})
		}
	}
	if len(shared) == 0 {
		return
	}
	for flip := range 2 {
		var passages []storyPassage
		var here, there *loadedDoc
		first, last, firstThere, swapsN := 0, 0, 0, 0
		hereID, thereID := p.key.a, p.key.b
		if flip == 1 {
			hereID, thereID = thereID, hereID
		}
		if !c.docs[hereID].audited {
			continue
		}
		for _, sh := range shared {
			h, t, al := sh.a, sh.b, sh.al
			if flip == 1 {
				h, t, al = t, h, al.flip()
			}
			here, there = h.d, t.d
			hereToks := h.d.toks[h.unit.tok : h.unit.tok+h.unit.n]
			thereToks := t.d.toks[t.unit.tok : t.unit.tok+t.unit.n]
			list, n := swaps(al.flip(), t.d.doc.Text, thereToks, h.d.doc.Text, hereToks, maxStorySwaps)
			swapsN += n
			passages = append(passages, storyPassage{Line: h.line, CounterpartLine: t.line, Kept: round2(float64(al.Matches) / float64(max(1, al.ALen()))), Swaps: list})
			endLine := h.d.doc.LineAt(max(h.start, h.end-1))
			if first == 0 || h.line < first {
				first, firstThere = h.line, t.line
			}
			last = max(last, endLine)
		}
		slices.SortFunc(passages, func(x, y storyPassage) int { return x.Line - y.Line })
		passages = slices.CompactFunc(passages, func(x, y storyPassage) bool { return x.Line == y.Line && x.CounterpartLine == y.CounterpartLine })
		share := p.shareA
		if flip == 1 {
			share = p.shareB
		}
		msg := fmt.Sprintf("shares %d passages with %s (same story republished or rewritten): lines %d–%d here, %.0f%% of this file's words",
			len(passages), there.doc.Path, first, last, 100*share)
		if swapsN > 0 {
			msg += fmt.Sprintf(", %d words changed", swapsN)
		}
		ev := audit.Evidence{
			"kind":             "shared-story",
			"counterpart_path": there.doc.Path,
			"counterpart_line": firstThere,
			"passages":         passages,
			"share":            round2(share),
			"swaps":            swapsN,
		}
		report(audit.NewFinding(provenance.SharedStory, here.doc, here.doc.LineSpan(first, last), msg, ev))
		l := c.link(hereID)
		l.add(&l.SharedWith, provenanceCopy(there.doc.Path, first, firstThere, "shared-story"))
	}
}

package duplicate

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
)

// maxTitleBytes bounds the first line kept per document as a whole-file finding's text.
const maxTitleBytes = 160

func wholeSpan(doc *audit.Document) audit.Span {
	if len(doc.Lines) == 0 {
		return doc.Span(0, len(doc.Text))
	}
	return doc.LineSpan(1, len(doc.Lines))
}

func title(doc *audit.Document) string {
	t := ""
	if len(doc.Lines) > 0 {
		t = strings.TrimSpace(doc.Lines[0].Text)
	}
	if len(t) > maxTitleBytes {
		cut := maxTitleBytes
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
		t = t[:cut]
	}
	return t
}

// hashKeys hashes a document's word keys (FNV-1a, 64 bits): equal hashes and equal word
// counts are taken for identical documents. A collision would need two different texts of
// the same length hashing alike, about one chance in 2⁶⁴ per pair.
func hashKeys(words []uint32) uint64 {
	h := uint64(14695981039346656037)
	for _, w := range words {
		h ^= uint64(w)
		h *= 1099511628211
	}
	if h == 0 {
		h = 1 // zero means "not hashed"
	}
	return h
}

// pickGroupFaces makes the reported face of each group of identical documents its first
// audited path (or first path), so that which copy happened to be indexed first, a matter of
// goroutine timing, never shows in the report. The index entries are swapped, which is safe
// because identical documents have the same tokens.
func (c *crossCheck) pickGroupFaces() {
	face := map[int32]int32{}
	for id := range c.docs {
		d := &c.docs[id]
		if d.rep == int32(id) {
			continue
		}
		f, ok := face[d.rep]
		if !ok {
			f = d.rep
		}
		if c.before(int32(id), f) {
			f = int32(id)
		}
		face[d.rep] = f
	}
	for rep, f := range face {
		if f == rep {
			continue
		}
		ga := c.docs[rep].groupAudited
		c.docs[rep], c.docs[f] = c.docs[f], c.docs[rep]
		c.docs[rep].rep, c.docs[f].rep = rep, rep
		c.docs[rep].groupAudited, c.docs[f].groupAudited = ga, false
	}
}

// before orders documents for choosing a group's face: audited first, then by path.
func (c *crossCheck) before(x, y int32) bool {
	dx, dy := c.docs[x], c.docs[y]
	if dx.audited != dy.audited {
		return dx.audited
	}
	return dx.path < dy.path
}

// unionFind groups documents that are copies of each other as wholes.
type unionFind map[int32]int32

func (u unionFind) find(x int32) int32 {
	for {
		p, ok := u[x]
		if !ok || p == x {
			return x
		}
		if gp, ok := u[p]; ok {
			u[x] = gp
		}
		x = p
	}
}

func (u unionFind) union(x, y int32) {
	rx, ry := u.find(x), u.find(y)
	if rx != ry {
		u[max(rx, ry)] = min(rx, ry)
	}
}

// reportGroups reports each group of whole-file copies (identical, or near-copies by
// alignment, joined transitively) compactly: one finding on each audited file naming the
// group's first path and the group's size, so k copies give k−1 findings, not k(k−1)/2.
// When only the first file is audited it names the second instead.
func (c *crossCheck) reportGroups(near map[docPair]*pairInfo, report func(audit.Finding)) {
	uf := unionFind{}
	var nodes []int32
	for id := range c.docs {
		if r := c.docs[id].rep; r != int32(id) {
			uf.union(int32(id), r)
			nodes = append(nodes, int32(id), r)
		}
	}
	for key := range near {
		uf.union(key.a, key.b)
		nodes = append(nodes, key.a, key.b)
	}
	groups := map[int32][]int32{}
	for _, id := range nodes {
		r := uf.find(id)
		groups[r] = append(groups[r], id)
	}
	for _, members := range groups {
		members = slices.Compact(slices.SortedFunc(slices.Values(members), func(x, y int32) int {
			return strings.Compare(c.docs[x].path, c.docs[y].path)
		}))
		if len(members) < 2 {
			continue
		}
		first := members[0]
		others := 0
		for _, m := range members[1:] {
			if c.docs[m].audited {
				others++
				c.reportGroupMember(m, first, len(members), near, report)
			}
		}
		if others == 0 && c.docs[first].audited {
			c.reportGroupMember(first, members[1], len(members), near, report)
		}
	}
}

func (c *crossCheck) reportGroupMember(here, there int32, size int, near map[docPair]*pairInfo, report func(audit.Finding)) {
	h, t := c.docs[here], c.docs[there]
	ev := audit.Evidence{"text": h.title, "counterpart_path": t.path, "group_size": size}
	var msg string
	if h.rep == t.rep {
		ev["kind"] = "identical"
		msg = fmt.Sprintf("whole file is word for word the same as %s", t.path)
	} else {
		ev["kind"] = "near-copy"
		msg = fmt.Sprintf("whole file nearly duplicates %s", t.path)
		if p, ok := near[docPair{min(c.docs[here].rep, t.rep), max(h.rep, t.rep)}]; ok {
			hs, ts := p.shareA, p.shareB
			if p.key.a != h.rep {
				hs, ts = ts, hs
			}
			ev["share"], ev["counterpart_share"] = round2(hs), round2(ts)
			msg += fmt.Sprintf(" (%.0f%% of this file's words and %.0f%% of that file's align)", 100*hs, 100*ts)
		}
	}
	if size > 2 {
		msg += fmt.Sprintf("; %d files in this group of copies", size)
	}
	report(audit.NewFindingAt(Document, h.path, h.whole, msg, ev))
	c.link(here).add(&c.link(here).SharedWith, provenanceCopy(t.path, 1, 1, ev["kind"].(string)))
}

package duplicate

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/news"
)

// Some text is alike by its form, not because one passage was copied from another: table
// rows of statistics, lists of links or file paths, lines filled in from one template with
// other names and numbers ("Click to share on Twitter", "... on Facebook"; "Hide Caption 2
// of 23", "3 of 23"; "Mississippi — There is no early voting in Mississippi", one entry per
// state). These helpers tell such units and pairs apart; they see only the unit's own text
// and the alignment, so the within-file and the cross-file rule judge them alike.

// notProse reports whether a unit is layout rather than writing: most of its words hold
// digits (a row of figures, dates and codes), or most of its fields are links or paths.
// toks are the unit's tokens, located in doc, the text they were cut from.
func notProse(doc string, toks []Token) bool {
	if len(toks) == 0 {
		return true
	}
	digits := 0
	for _, t := range toks {
		if hasDigit(doc[t.Start:t.End]) {
			digits++
		}
	}
	if 2*digits >= len(toks) {
		return true
	}
	fields, links := 0, 0
	for f := range strings.FieldsSeq(doc[toks[0].Start:toks[len(toks)-1].End]) {
		fields++
		if isLinkOrPath(f) {
			links++
		}
	}
	return 2*links >= fields
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isLinkOrPath reports whether a whitespace-separated field is a URL, a host with a path
// ("pic.twitter.com/x1"), or a file path of two or more separators.
func isLinkOrPath(f string) bool {
	if strings.Contains(f, "://") || len(f) > 4 && strings.EqualFold(f[:4], "www.") {
		return true
	}
	if strings.Count(f, "/")+strings.Count(f, `\`) >= 2 {
		return true
	}
	slash := strings.IndexAny(f, `/\`)
	dot := strings.IndexByte(f, '.')
	return slash > 0 && dot > 0 && dot < slash && slash < len(f)-1
}

// templateChange reports whether an alignment's changes are the slots of one template
// filled in with other values: at least one substitution, and every changed word on both
// sides a name or a number (the Anchor kind). A copy edited by a person or a spinner changes
// ordinary words too, and a dateline or a name added or dropped (no substitution) is an edit
// of a copy; a repeat without any change is no template instance but a repeat.
func templateChange(al Alignment, a, b []uint32) bool {
	subst := false
	for _, ch := range al.Changes {
		subst = subst || ch.Substitution()
		for i := ch.AStart; i < ch.AEnd; i++ {
			if Kind(a[i]&3) != Anchor {
				return false
			}
		}
		for i := ch.BStart; i < ch.BEnd; i++ {
			if Kind(b[i]&3) != Anchor {
				return false
			}
		}
	}
	return subst
}

// entryLabelRE matches the label of a list entry: a few words before a dash or a colon that
// open the paragraph ("Mississippi — ", "Q3 revenue: ").
var entryLabelRE = regexp.MustCompile(`^([^\s:—–-][^:—–\n]{0,40}?)\s*(?:[—–:]|\s-)\s+\S`)

// entryLabel returns the label of a paragraph written as a list entry, or "".
func entryLabel(text string) string {
	m := entryLabelRE.FindStringSubmatch(text)
	if m == nil || len(strings.Fields(m[1])) > 5 {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(m[1]))
}

// parallelEntries reports whether two units are entries of one list: both open with a label
// and the labels differ. Their shared wording is the list's, not a copy.
func parallelEntries(a, b string) bool {
	la, lb := entryLabel(a), entryLabel(b)
	return la != "" && lb != "" && la != lb
}

// isCaption reports whether a unit carries a photo credit, by agency or by form.
func isCaption(text string) bool { return news.CarriesCredit(text) }

// quotedShare returns the share of the words toks (located in doc's text, all in one
// paragraph) that stand inside quotation marks. The quote state starts closed at the
// paragraph's start; straight double quotes and “ toggle it, „ and « open it, ” and » close
// it. Single quotes are left out: they are apostrophes as often as quotes.
func quotedShare(doc *audit.Document, toks []Token) float64 {
	if len(toks) == 0 {
		return 0
	}
	para := paragraphAt(doc, int(toks[0].Start))
	if para < 0 {
		return 0
	}
	text := doc.Text
	open := false
	pos := doc.Paragraphs[para].Start
	quoted := 0
	for _, t := range toks {
		for pos < int(t.Start) {
			r, size := utf8.DecodeRuneInString(text[pos:])
			switch r {
			case '"', '“': // “ opens in English and closes German „…“
				open = !open
			case '„', '«':
				open = true
			case '”', '»':
				open = false
			}
			pos += size
		}
		if open {
			quoted++
		}
	}
	return float64(quoted) / float64(len(toks))
}

// paragraphAt returns the index of the paragraph holding byte offset off, or -1.
func paragraphAt(doc *audit.Document, off int) int {
	ps := doc.Paragraphs
	i := sort.Search(len(ps), func(i int) bool { return ps[i].End > off })
	if i < len(ps) && ps[i].Start <= off {
		return i
	}
	return -1
}

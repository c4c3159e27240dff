package language

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
)

// InvisibleChar flags characters that print as nothing but change what the text is: they
// split words for search and matching, or reorder text (bidi controls).
var InvisibleChar = &audit.Rule{
	ID:          "language.invisible-char",
	Category:    audit.Language,
	Severity:    audit.Warning,
	Description: "Invisible characters in text: zero-width spaces and joiners, bidi controls, soft hyphens inside words",
	Check:       checkInvisible,
}

// invisibleKind says whether a code point is one the rule looks for, and which kind.
func invisibleKind(r rune) string {
	switch {
	case r == 0x200B || r == 0x2060 || r == 0xFEFF || r == 0x180E:
		return "zero-width space"
	case r == 0x200C || r == 0x200D:
		return "zero-width joiner"
	case r == 0x200E || r == 0x200F || r == 0x061C || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069):
		return "bidi control"
	case r == 0x00AD:
		return "soft hyphen"
	}
	return ""
}

// joinerScripts use ZWJ and ZWNJ as part of correct spelling (Persian, Indic scripts) and
// emoji sequences use ZWJ, so joiners next to those are not anomalies.
func legitimateJoiner(prev, next rune) bool {
	for _, r := range [2]rune{prev, next} {
		if r == utf8.RuneError || r == 0 {
			continue
		}
		if r >= 0x1F000 || (r >= 0x2600 && r <= 0x27BF) || r == 0xFE0F {
			return true
		}
		if s := scriptOf(r); s != NoScript && s != Latin && s != Cyrillic && s != Greek {
			return true
		}
	}
	return false
}

// rtlLine reports whether a line holds right-to-left letters, where bidi marks are needed.
func rtlLine(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hebrew, r) || unicode.Is(unicode.Arabic, r) || unicode.Is(unicode.Syriac, r) || unicode.Is(unicode.Thaana, r) {
			return true
		}
	}
	return false
}

func checkInvisible(p *audit.Pass) {
	if isASCII(p.Doc.Text) {
		return // every invisible character is outside ASCII
	}
	for _, l := range p.Doc.Lines {
		if !hasInvisibleCandidate(l.Text) {
			continue
		}
		rtl := rtlLine(l.Text)
		first, last := -1, -1
		seen := map[rune]int{}
		kinds := map[string]bool{}
		prev := rune(0)
		for i, r := range l.Text {
			kind := invisibleKind(r)
			if kind == "" {
				prev = r
				continue
			}
			next, _ := utf8.DecodeRuneInString(l.Text[i+utf8.RuneLen(r):])
			switch {
			case i == 0 && r == 0xFEFF && l.Number == 1:
				kind = "" // a byte-order mark that survived decoding at the very start
			case kind == "zero-width joiner" && legitimateJoiner(prev, next):
				kind = ""
			case kind == "bidi control" && rtl:
				kind = ""
			case kind == "soft hyphen" && !(isWordRune(prev) && isWordRune(next)):
				kind = "" // only a soft hyphen inside a word hides a word break
			}
			if kind != "" {
				if first < 0 {
					first = i
				}
				last = i + utf8.RuneLen(r)
				seen[r]++
				kinds[kind] = true
			}
			prev = r
		}
		if first < 0 {
			continue
		}
		points := codePoints(seen)
		total := 0
		for _, n := range seen {
			total += n
		}
		ks := make([]string, 0, len(kinds))
		for k := range kinds {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		start, end := wordAround(l.Text, first, last)
		p.Report(l.Start+start, l.Start+end,
			fmt.Sprintf("%d invisible character(s) (%s: %s)", total, strings.Join(ks, ", "), strings.Join(points, " ")),
			audit.Evidence{"text": visible(l.Text[start:end]), "code_points": points, "count": total})
	}
}

// hasInvisibleCandidate is a fast byte scan: every code point the rule looks for is encoded
// in UTF-8 with one of these lead bytes, and most lines have none of them.
func hasInvisibleCandidate(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0xC2, 0xD8, 0xE1, 0xE2, 0xEF:
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordAround widens [start, end) to the words it touches, so the evidence shows where the
// hidden characters sit.
func wordAround(s string, start, end int) (int, int) {
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= size
	}
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if unicode.IsSpace(r) {
			break
		}
		end += size
	}
	return start, end
}

// visible writes hidden code points as <U+200B> so the evidence can be read.
func visible(s string) string {
	var b strings.Builder
	for _, r := range s {
		if invisibleKind(r) != "" {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codePoints lists distinct code points as "U+200B", sorted.
func codePoints(seen map[rune]int) []string {
	rs := make([]rune, 0, len(seen))
	for r := range seen {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("U+%04X", r)
	}
	return out
}

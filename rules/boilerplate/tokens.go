package boilerplate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word of a line as the lexicon sees it: lower-cased letters and marks, or a
// number, which is folded to "#" so that "Comments (12)" matches the phrase "comments #".
type token struct {
	start, end int    // byte offsets in the tokenised string
	norm       string // lower-cased word, or "#" for a run of digits
}

// tokenize splits s into words the same way audit.NormalizeForMatch does (letters, marks
// and digits; everything else separates), keeping offsets so matches can be located.
func tokenize(s string) []token {
	var out []token
	start := -1
	digits := true
	flush := func(end int) {
		if start < 0 {
			return
		}
		t := token{start: start, end: end}
		if digits {
			t.norm = "#"
		} else {
			t.norm = strings.ToLower(s[start:end])
		}
		out = append(out, t)
		start = -1
	}
	for i, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			flush(i)
			continue
		}
		if start < 0 {
			start, digits = i, true
		}
		digits = digits && unicode.IsDigit(r)
	}
	flush(len(s))
	return out
}

// normPhrase turns a lexicon or config phrase into its token key ("Comments (0)" → "comments #").
func normPhrase(s string) string {
	toks := tokenize(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.norm
	}
	return strings.Join(parts, " ")
}

// letterCount counts letters in s.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// lastRune returns the last rune of s, or 0 for an empty string.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

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
func tokenize(s string) []token { return tokenizeUpTo(s, -1) }

// tokenizeUpTo is tokenize stopping after max tokens (max < 0: no limit), for callers that
// give up on long lines.
func tokenizeUpTo(s string, max int) []token {
	if max == 0 {
		return nil
	}
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
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		word, digit := tokenRune(r)
		if !word {
			flush(i)
			if len(out) == max {
				return out
			}
		} else {
			if start < 0 {
				start, digits = i, true
			}
			digits = digits && digit
		}
		i += size
	}
	flush(len(s))
	return out
}

// tokenRune reports whether r belongs to a token (a letter, digit or mark) and whether it
// is a digit, deciding ASCII by a table.
func tokenRune(r rune) (word, digit bool) {
	if r < utf8.RuneSelf {
		c := asciiClass[r]
		return c != 0, c == asciiDigit
	}
	digit = unicode.IsDigit(r)
	return digit || unicode.IsLetter(r) || unicode.Is(unicode.Mn, r), digit
}

const (
	asciiLetter = 1
	asciiDigit  = 2
)

// asciiClass classifies ASCII bytes: 0 for separators, asciiLetter, asciiDigit.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = asciiDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = asciiLetter, asciiLetter
	}
	return t
}()

// countTokens is len(tokenize(s)) without building the tokens.
func countTokens(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		var word bool
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			word = asciiClass[c] != 0
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word, _ = tokenRune(r)
		}
		if word && !in {
			n++
		}
		in = word
		i += size
	}
	return n
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

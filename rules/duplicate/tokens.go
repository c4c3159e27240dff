package duplicate

import (
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/language"
	"github.com/textaudit/textaudit/rules/stopwords"
)

// Kind says what a word is to a spinner. Spinners swap content words for synonyms but leave
// function words, names and numbers alone (DSpin's "immutables"), so copies are found and
// judged on the kinds that survive.
type Kind uint8

// The word kinds.
const (
	Content Kind = iota // an ordinary lower-case word a spinner may swap
	Stop                // a function word of the document's main language
	Anchor              // a capitalised word or a token with digits: a name or a number
)

// Token is one word of a document, located by byte offsets into the text it was cut from.
type Token struct {
	Start, End int32
	// Key is a hash of the normalised word (lower case, inner dots and apostrophes dropped,
	// so "U.S." and "US" are one key) with the Kind in its two low bits.
	Key uint32
}

// Kind returns the word kind stored in the key.
func (t Token) Kind() Kind { return Kind(t.Key & 3) }

// Word returns the key without its kind bits: equal words have equal words.
func (t Token) Word() uint32 { return t.Key &^ 3 }

// Tokenize cuts text into words with their kinds. A word is a run of letters, digits and
// combining marks; a dot joins digits ("3.27") and single letters ("U.S."), an apostrophe
// joins letters ("Labour's"), a comma joins digits ("1,000"). Anything else separates, so
// words glued by a missing space after a full stop ("offensive.In") come apart. isStop says
// whether a lower-cased word (given as bytes, so no string is made per word) is a function
// word; it may be nil.
func Tokenize(text string, isStop func([]byte) bool) []Token {
	out := make([]Token, 0, len(text)/6+1)
	norm := make([]byte, 0, 64)
	start := -1
	segLetters := 0 // letters since the last joiner, to tell "U.S" from "offensive.In"
	hasDigit, firstUpper := false, false
	initials := false // letters joined by dots: "U.S" takes its closing dot too
	flush := func(end int) {
		if start < 0 {
			return
		}
		key := fnv32a(norm)
		stop := isStop != nil && isStop(norm)
		kind := Content
		switch {
		case hasDigit || firstUpper && !stop:
			kind = Anchor
		case stop:
			kind = Stop
		}
		out = append(out, Token{Start: int32(start), End: int32(end), Key: key&^3 | uint32(kind)})
		norm = norm[:0]
		start = -1
	}
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
				segLetters = 0
				hasDigit = false
				firstUpper = unicode.IsUpper(r) || unicode.IsTitle(r)
			}
			if unicode.IsDigit(r) {
				hasDigit = true
			}
			if unicode.IsLetter(r) {
				segLetters++
			}
			if r < utf8.RuneSelf {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				norm = append(norm, byte(r))
			} else {
				norm = utf8.AppendRune(norm, unicode.ToLower(r))
			}
		case start >= 0 && joins(text, i, r, size, segLetters):
			initials = r == '.' && !hasDigit
			segLetters = 0 // the joiner is dropped from the key
		default:
			if r == '.' && initials && segLetters == 1 {
				flush(i + size)
			} else {
				flush(i)
			}
			initials = false
		}
		i += size
	}
	flush(len(text))
	return out
}

// isWordRune reports whether r belongs inside a word: a letter, a digit or a combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joins reports whether the punctuation r at i sits inside a word.
func joins(text string, i int, r rune, size, segLetters int) bool {
	if i+size >= len(text) || i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	switch r {
	case '.':
		return unicode.IsDigit(prev) && unicode.IsDigit(next) ||
			segLetters == 1 && unicode.IsLetter(prev) && unicode.IsLetter(next) && !unicode.IsLower(next) == !unicode.IsLower(prev)
	case ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case '\'', '’':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	}
	return false
}

// fnv32a is FNV-1a over the word's bytes (hash/fnv's New32a, without its allocation).
func fnv32a(w []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range w {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

type tokensKey struct{}

// docTokens tokenizes a whole document once; the within-file rule and the corpus pass share
// the result through the document's memo. Function words are those of the main language
// (language.Main), English when the document is too short to tell.
func docTokens(doc *audit.Document, cfg *audit.Config) []Token {
	return docTokensIn(doc, stopLanguage(doc, cfg))
}

// stopLanguage is the language whose stopwords docTokens marks: the document's main one,
// English when it has none.
func stopLanguage(doc *audit.Document, cfg *audit.Config) string {
	if lang := language.Main(doc, cfg).Code(); lang != "" {
		return lang
	}
	return "en"
}

// docTokensIn is docTokens with the stopword language already known (the corpus index
// keeps it, so re-reading a document does not detect its language again).
func docTokensIn(doc *audit.Document, lang string) []Token {
	return doc.Memo(tokensKey{}, func() any {
		return Tokenize(doc.Text, func(w []byte) bool { return stopwords.LookupBytes(w).Has(lang) })
	}).([]Token)
}

// tokenRange returns the indexes [lo, hi) of the tokens inside the byte range [start, end).
func tokenRange(toks []Token, start, end int) (lo, hi int) {
	lo = searchTokens(toks, start)
	hi = lo
	for hi < len(toks) && int(toks[hi].End) <= end {
		hi++
	}
	return lo, hi
}

// searchTokens returns the index of the first token starting at or after off.
func searchTokens(toks []Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if int(toks[m].Start) < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

package duplicate

import (
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
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
// whether a lower-cased word is a function word; it may be nil.
func Tokenize(text string, isStop func(string) bool) []Token {
	var out []Token
	var norm strings.Builder
	start := -1
	segLetters := 0 // letters since the last joiner, to tell "U.S" from "offensive.In"
	hasDigit, firstUpper := false, false
	initials := false // letters joined by dots: "U.S" takes its closing dot too
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := norm.String()
		key := hashWord(w)
		kind := Content
		switch {
		case hasDigit || firstUpper && (isStop == nil || !isStop(w)):
			kind = Anchor
		case isStop != nil && isStop(w):
			kind = Stop
		}
		out = append(out, Token{Start: int32(start), End: int32(end), Key: key&^3 | uint32(kind)})
		norm.Reset()
		start = -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
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
			norm.WriteRune(unicode.ToLower(r))
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

func hashWord(w string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(w))
	return h.Sum32()
}

type tokensKey struct{}

// docTokens tokenizes a whole document once; the within-file rule and the corpus pass share
// the result through the document's memo. Function words are those of the main language by
// stopword profile, English when the document is too short to tell.
func docTokens(doc *audit.Document) []Token {
	return doc.Memo(tokensKey{}, func() any {
		lang := stopwords.MainLanguage(doc).Lang
		if lang == "" {
			lang = "en"
		}
		return Tokenize(doc.Text, func(w string) bool { return stopwords.Is(lang, w) })
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

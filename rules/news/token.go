package news

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind tells numbers, words and single punctuation marks apart.
type TokenKind uint8

// The token kinds.
const (
	NumberToken TokenKind = iota
	WordToken
	PunctToken
)

// Token is one piece of a line, located by byte offsets into the scanned string.
type Token struct {
	Kind       TokenKind
	Start, End int
	Text       string // lower case for words; the mark itself for punctuation
	Value      int    // numbers only; -1 when the digits overflow
	Digits     int    // numbers only
	Ordinal    bool   // "3rd", "1er", "5º"
	Upper      bool   // words only: first letter is upper case
	AllUpper   bool   // words only: every letter is upper case
	SpaceAfter bool   // white space follows before the next token
}

// maxTokenizeBytes bounds the work per scanned string; callers pass lines and paragraph
// starts, so anything longer is prose, not a date header.
const maxTokenizeBytes = 4096

// ordinalSuffixes follow a day number in English, French, Spanish, Portuguese and Italian.
var ordinalSuffixes = map[string]bool{"st": true, "nd": true, "rd": true, "th": true, "er": true, "e": true, "eme": true, "ème": true, "o": true, "a": true, "º": true, "ª": true}

// Tokenize splits s into numbers, words and punctuation marks. Letters and digits never
// share a token except for a day's ordinal suffix.
func Tokenize(s string) []Token { return AppendTokens(nil, s) }

// AppendTokens is Tokenize appending to dst, so one buffer serves every line of a document.
func AppendTokens(dst []Token, s string) []Token {
	if len(s) > maxTokenizeBytes {
		s = s[:maxTokenizeBytes]
	}
	toks := dst
	if want := len(dst) + len(s)/5 + 4; cap(dst) < want {
		toks = make([]Token, len(dst), want)
		copy(toks, dst)
	}
	i := 0
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case unicode.IsSpace(r):
			if n := len(toks); n > 0 {
				toks[n-1].SpaceAfter = true
			}
			i += size
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			t := Token{Kind: NumberToken, Start: i, End: j, Text: s[i:j], Digits: j - i, Value: -1}
			if t.Digits <= 9 {
				t.Value = atoi(s[i:j])
			}
			if k := letterRunEnd(s, j); k > j && t.Digits <= 2 {
				if suf := strings.ToLower(s[j:k]); ordinalSuffixes[suf] {
					t.Ordinal, t.End, j = true, k, k
				}
			} else if r2, sz := utf8.DecodeRuneInString(s[j:]); r2 == '°' {
				t.Ordinal, t.End, j = true, j+sz, j+sz
			}
			toks = append(toks, t)
			i = j
		case unicode.IsDigit(r):
			// Arabic-Indic, Persian, Devanagari, Bengali, Thai or full-width digits: the
			// same number, written in another script ("٢٣ نوفمبر ٢٠٢٥").
			j, value, digits := i, 0, 0
			for j < len(s) {
				d, sz := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsDigit(d) {
					break
				}
				if digits < 9 {
					value = value*10 + digitValue(d)
				}
				j += sz
				digits++
			}
			if digits > 9 {
				value = -1
			}
			toks = append(toks, Token{Kind: NumberToken, Start: i, End: j, Text: s[i:j], Digits: digits, Value: value})
			i = j
		case unicode.IsLetter(r):
			j := letterRunEnd(s, i)
			word := s[i:j]
			first, _ := utf8.DecodeRuneInString(word)
			toks = append(toks, Token{Kind: WordToken, Start: i, End: j, Text: lower(word),
				Upper: unicode.IsUpper(first), AllUpper: isAllUpper(word)})
			i = j
		default:
			toks = append(toks, Token{Kind: PunctToken, Start: i, End: i + size, Text: s[i : i+size]})
			i += size
		}
	}
	return toks
}

// letterRunEnd returns the end of the run of letters (and combining marks) starting at i.
func letterRunEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		i += size
	}
	return i
}

func isAllUpper(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

func atoi(digits string) int {
	n := 0
	for i := 0; i < len(digits); i++ {
		n = n*10 + int(digits[i]-'0')
	}
	return n
}

// lower avoids strings.ToLower's allocation for the common all-lower-case ASCII word.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// digitValue returns the value of a decimal digit of any script. Unicode lays out every
// script's decimal digits (category Nd) as runs of ten from zero to nine, so the value is
// the distance from the start of the run, modulo ten for scripts with several runs in a row.
func digitValue(r rune) int {
	first := r
	for n := 0; n < 100 && unicode.IsDigit(first-1); n++ {
		first--
	}
	return int(r-first) % 10
}

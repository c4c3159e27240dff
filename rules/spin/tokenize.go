package spin

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a paragraph, located by byte offsets into the paragraph text.
type token struct {
	Start, End int
	Text       string
	Lower      string // lower-cased, typographic apostrophes made plain
	// Capitalised is true when the word has an upper-case letter: a name, an acronym or a
	// sentence start. Names are context, never suspects.
	Capitalised bool
	// SentenceStart is true for the first word of a sentence.
	SentenceStart bool
	// Break is true when punctuation, a number or a symbol separates this word from the
	// previous one, so the pair is not a bigram of running text.
	Break bool
}

// tokenize splits text into words. Letters and inner apostrophes make words; a hyphen splits
// a compound into words that still form bigrams ("pro-government" → pro, government);
// anything else but white space breaks the chain of bigrams, and . ! ? also end a sentence.
func tokenize(text string) []token {
	var out []token
	brk, sent := true, true
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += s2
					continue
				}
				if isApostrophe(r2) && j+s2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if isWordRune(r3) {
						j += s2
						continue
					}
				}
				break
			}
			w := text[i:j]
			out = append(out, token{
				Start: i, End: j, Text: w,
				Lower:         normalise(w),
				Capitalised:   hasUpper(w),
				SentenceStart: sent,
				Break:         brk,
			})
			brk, sent = false, false
			i = j
			continue
		case unicode.IsSpace(r) || r == '-' || r == '\u2010' || r == '\u2011':
			// white space and hyphens keep the bigram chain
		case r == '.' || r == '!' || r == '?':
			brk, sent = true, true
		default:
			brk = true
		}
		i += size
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// normalise lower-cases w and makes typographic apostrophes plain; a word that is already
// lower-case ASCII, most of them, is returned as it is, without a copy.
func normalise(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return strings.Map(normaliseRune, w)
		}
	}
	return w
}

func normaliseRune(r rune) rune {
	if r == '\u2019' {
		return '\''
	}
	return unicode.ToLower(r)
}

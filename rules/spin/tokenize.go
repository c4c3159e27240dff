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
	// about one word in six bytes of English: room for most paragraphs without growing
	return tokenizeInto(make([]token, 0, len(text)/6+1), text)
}

// tokenizeInto is tokenize appending to out.
func tokenizeInto(out []token, text string) []token {
	brk, sent := true, true
	i := 0
	for i < len(text) {
		// ASCII, most of the text, is classified without decoding; other runes as below.
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				j := wordEnd(text, i+1)
				out = append(out, newToken(text, i, j, sent, brk))
				brk, sent = false, false
				i = j
				continue
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '-':
				// white space and hyphens keep the bigram chain
			case c == '.' || c == '!' || c == '?':
				brk, sent = true, true
			default:
				brk = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			j := wordEnd(text, i+size)
			out = append(out, newToken(text, i, j, sent, brk))
			brk, sent = false, false
			i = j
			continue
		case unicode.IsSpace(r) || r == '\u2010' || r == '\u2011':
			// white space and hyphens keep the bigram chain
		default:
			brk = true
		}
		i += size
	}
	return out
}

// wordEnd is where the word that goes on at j ends: letters, and apostrophes between letters.
func wordEnd(text string, j int) int {
	for j < len(text) {
		if c := text[j]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			j++
			continue
		}
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
	return j
}

func newToken(text string, i, j int, sent, brk bool) token {
	w := text[i:j]
	return token{
		Start: i, End: j, Text: w,
		Lower:         normalise(w),
		Capitalised:   hasUpper(w),
		SentenceStart: sent,
		Break:         brk,
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

func hasUpper(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return true
		} else if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	if ascii {
		return false
	}
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

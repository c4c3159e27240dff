package language

import (
	"unicode"
	"unicode/utf8"
)

// Script is a writing system as far as passage checks care: a line written mostly in another
// script than the document's is foreign without asking a language model.
type Script uint8

// The scripts told apart. Han, Hiragana and Katakana form one group because Japanese mixes
// them and Chinese shares the Han characters; lingua tells those languages apart.
const (
	NoScript Script = iota
	Latin
	Cyrillic
	Greek
	Arabic
	Hebrew
	CJK
	Hangul
	Devanagari
	Thai
	Georgian
	Armenian
	OtherScript
	numScripts
)

var scriptNames = [numScripts]string{"none", "Latin", "Cyrillic", "Greek", "Arabic", "Hebrew",
	"CJK", "Hangul", "Devanagari", "Thai", "Georgian", "Armenian", "other"}

func (s Script) String() string {
	if s >= numScripts {
		return "other"
	}
	return scriptNames[s]
}

// scriptOf classifies a letter; non-letters have NoScript.
func scriptOf(r rune) Script {
	if r < 0x80 {
		if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
			return Latin
		}
		return NoScript
	}
	if !unicode.IsLetter(r) {
		return NoScript
	}
	switch {
	case unicode.Is(unicode.Latin, r):
		return Latin
	case unicode.Is(unicode.Cyrillic, r):
		return Cyrillic
	case unicode.Is(unicode.Greek, r):
		return Greek
	case unicode.Is(unicode.Arabic, r):
		return Arabic
	case unicode.Is(unicode.Hebrew, r):
		return Hebrew
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return CJK
	case unicode.Is(unicode.Hangul, r):
		return Hangul
	case unicode.Is(unicode.Devanagari, r):
		return Devanagari
	case unicode.Is(unicode.Thai, r):
		return Thai
	case unicode.Is(unicode.Georgian, r):
		return Georgian
	case unicode.Is(unicode.Armenian, r):
		return Armenian
	}
	return OtherScript
}

// scriptCounts counts letters per script.
type scriptCounts [numScripts]int

func countScripts(text string) (c scriptCounts) {
	// ASCII bytes (nearly all of most texts) are counted with a table, not a branch on
	// whether each is a letter, which prose makes unpredictable.
	latin, other := 0, 0
	for i := 0; i < len(text); {
		if b := text[i]; b < utf8.RuneSelf {
			l := int(asciiLetter[b])
			latin += l
			other += 1 - l
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		c[scriptOf(r)]++
		i += size
	}
	c[Latin] += latin
	c[NoScript] += other
	return c
}

// asciiLetter is 1 for the ASCII letters, 0 for every other byte.
var asciiLetter = func() (t [256]uint8) {
	for b := 'a'; b <= 'z'; b++ {
		t[b], t[b-'a'+'A'] = 1, 1
	}
	return t
}()

// letters is the number of letters counted.
func (c *scriptCounts) letters() int {
	n := 0
	for s := Latin; s < numScripts; s++ {
		n += c[s]
	}
	return n
}

// dominant returns the script with the most letters and its share of all letters.
func (c *scriptCounts) dominant() (Script, float64) {
	best, total := NoScript, 0
	for s := Latin; s < numScripts; s++ {
		total += c[s]
		if c[s] > c[best] || best == NoScript && c[s] > 0 {
			best = s
		}
	}
	if total == 0 {
		return NoScript, 0
	}
	return best, float64(c[best]) / float64(total)
}

// unspaced reports scripts written without spaces between words, where a word count means
// nothing and letters are counted instead.
func (s Script) unspaced() bool { return s == CJK || s == Thai }

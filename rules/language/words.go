package language

import (
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/rules/stopwords"
)

// word is one word of a passage: its stopword languages, whether it was written with a
// capital, and its first letter lower-cased.
type word struct {
	listed  string        // the word lower-cased when it is on some stopword list, else ""
	langs   stopwords.Set // the lists it is on
	capital bool
	first   rune
}

// wordsOf splits text into words the way the stopword lists are written (stopwords.Words):
// runs of letters and marks, apostrophes inside words kept ("l'école" stays one word, as
// "it's" does).
func wordsOf(text string) []word { return appendWords(nil, text) }

// appendWords appends the words of text to dst, so a caller can reuse one buffer.
func appendWords(dst []word, text string) []word {
	stopwords.Scan(text, func(written, listed string, langs stopwords.Set) {
		r, _ := utf8.DecodeRuneInString(written)
		dst = append(dst, word{listed: listed, langs: langs, capital: unicode.IsUpper(r), first: unicode.ToLower(r)})
	})
	return dst
}

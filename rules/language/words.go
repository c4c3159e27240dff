package language

import (
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/rules/stopwords"
)

// word is one word of a passage with its stopword languages (stopwords.Word).
type word = stopwords.Word

// capital reports whether w was written with a capital first letter.
func capital(w word) bool {
	r, _ := utf8.DecodeRuneInString(w.Written)
	return unicode.IsUpper(r)
}

// firstLower is w's first letter lower-cased.
func firstLower(w word) rune {
	r, _ := utf8.DecodeRuneInString(w.Written)
	return unicode.ToLower(r)
}

// wordsOf splits text into words the way the stopword lists are written (stopwords.Words):
// runs of letters and marks, apostrophes inside words kept ("l'école" stays one word, as
// "it's" does).
func wordsOf(text string) []word { return stopwords.AppendWords(nil, text) }

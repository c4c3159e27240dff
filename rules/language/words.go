package language

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of a passage, lower-cased, with whether it was written with a capital.
type word struct {
	lower   string
	capital bool
}

// wordsOf splits text into words the way the stopword lists are written: runs of letters
// and marks, apostrophes inside words kept ("l'école" stays one word, as "it's" does).
func wordsOf(text string) []word {
	var out []word
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.Trim(text[start:end], "'’")
		start = -1
		if w == "" {
			return
		}
		r, _ := utf8.DecodeRuneInString(w)
		out = append(out, word{lower: strings.ToLower(w), capital: unicode.IsUpper(r)})
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || ((r == '\'' || r == '’') && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

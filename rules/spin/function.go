package spin

import (
	"strings"
	"unicode/utf8"
)

// functionWords are the closed-class words of English: determiners, pronouns, auxiliaries and
// modals, conjunctions, the prepositions (the list the preposition check swaps, plus the ones
// it leaves out as often being adverbs), particles and a few grammatical adverbs. They are not
// judged as near-misses (their fit is grammar, not word choice); nor are number words. This is
// deliberately the grammar, not the stopword list other rules use: that list (1,296 words) also holds content
// words such as "find", "placed", "effect", "front" and "greater", which spinners swap like
// any other ("the location of the same name in which Albu Kamal is placed").
var functionWords = func() map[string]bool {
	const words = `a an the this that these those each every either neither some any no none all
both few several much many more most less least fewer other another such what which whose
whatever whichever i me my mine myself you your yours yourself yourselves he him his himself
she her hers herself it its itself we us our ours ourselves they them their theirs themselves
one ones oneself who whom whoever whomever something anything nothing everything someone
anyone everyone somebody anybody nobody everybody be am is are was were been being have has
had having do does did will would shall should can could may might must ought and or but nor
so yet for if then than because although though while whilst whereas unless until till since
whether as not never also too very just only even ever again already now here there when
where why how however after amid before besides down except like near off out outside past per
underneath up hundred thousand million billion trillion dozen`
	out := map[string]bool{}
	for _, w := range append(strings.Fields(words), prepositions...) {
		out[w] = true
	}
	return out
}()

// isFunctionWord reports whether a lower-cased token is closed-class, contractions included:
// "it'll", "it's", "we're" by their first part, "don't", "isn't", "can't" by the word before
// "n't", and the irregular "won't", "shan't", "ain't". A noun's possessive ("men's", "son's")
// is not a function word.
func isFunctionWord(w string) bool {
	if functionWords[w] {
		return true
	}
	i := strings.IndexAny(w, "'\u2019")
	if i <= 0 {
		return false
	}
	head, tail := w[:i], w[i:]
	_, size := utf8.DecodeRuneInString(tail)
	switch suffix := tail[size:]; {
	case suffix == "t" && strings.HasSuffix(head, "n"):
		base := strings.TrimSuffix(head, "n")
		return functionWords[head] || functionWords[base] || irregularNot[base] // can't, don't, won't
	default:
		return functionWords[head] // "it'll", "it's", "we're", "they've", "i'd", "i'm"
	}
}

// irregularNot are the stems of "won't", "shan't" and "ain't".
var irregularNot = map[string]bool{"wo": true, "sha": true, "ai": true}

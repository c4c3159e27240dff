package spin

import "strings"

// spellingRules map British spellings to American ones. The reference model was trained on
// American English, so a British spelling ("tyres", "centre") scores worse than its American
// twin in every context; the twin is the same word, not a synonym a spinner chose.
var spellingRules = strings.NewReplacer(
	"our", "or", // colour, labour
	"tre", "ter", // centre, theatre
	"ise", "ize", "isa", "iza", "yse", "yze", // organise, organisation, analyse
	"ogue", "og", // catalogue
	"ence", "ense", // defence, licence
	"tyre", "tire", "aluminium", "aluminum", "grey", "gray", "plough", "plow",
	"ll", "l", // travelled, jewellery
	"ae", "e", "oe", "e", // paediatric, manoeuvre
	"mme", "m", // programme
)

// spellingVariants reports whether a and b are one word in British and American spelling.
func spellingVariants(a, b string) bool {
	if a == b {
		return true
	}
	return spellingRules.Replace(a) == spellingRules.Replace(b)
}

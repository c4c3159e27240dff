// Package language holds the mixed-language and script-anomaly rules: passages in another
// language than the document's, invisible characters, words mixing scripts, mojibake and
// invalid UTF-8.
package language

import "github.com/textaudit/textaudit/audit"

// Rules returns the language family.
func Rules() []*audit.Rule {
	return []*audit.Rule{InvalidUTF8, ForeignPassage, InvisibleChar, MixedScript, Mojibake}
}

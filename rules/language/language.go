// Package language holds the mixed-language and script-anomaly rules.
package language

import "github.com/textaudit/textaudit/audit"

// Rules returns the language family.
func Rules() []*audit.Rule { return []*audit.Rule{InvalidUTF8} }

// Package spin flags machine-spun prose: synonym-substituted text and broken idioms.
package spin

import "github.com/textaudit/textaudit/audit"

// Rules returns the spin family.
func Rules() []*audit.Rule { return nil }

// Package provenance attributes articles to the wire services they come from.
package provenance

import "github.com/textaudit/textaudit/audit"

// Rules returns the provenance family.
func Rules() []*audit.Rule { return nil }

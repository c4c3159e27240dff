// Package rules gathers the rule families into one registry. Each family lives in its own
// subpackage and exports its rules as values; adding a family is adding it to All.
package rules

import (
	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/boilerplate"
	"github.com/textaudit/textaudit/rules/date"
	"github.com/textaudit/textaudit/rules/duplicate"
	"github.com/textaudit/textaudit/rules/language"
	"github.com/textaudit/textaudit/rules/provenance"
	"github.com/textaudit/textaudit/rules/spin"
)

// All returns every rule of every family.
func All() []*audit.Rule {
	var all []*audit.Rule
	for _, family := range [][]*audit.Rule{
		boilerplate.Rules(),
		date.Rules(),
		duplicate.Rules(),
		language.Rules(),
		provenance.Rules(),
		spin.Rules(),
	} {
		all = append(all, family...)
	}
	return all
}

// Registry returns the validated registry of all rules.
func Registry() (*audit.Registry, error) { return audit.NewRegistry(All()...) }

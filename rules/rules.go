// Package rules gathers the rule families into one registry. Each family lives in its own
// subpackage and exports its rules as values (and, when one check reports several rules, its
// analyses); adding a family is adding it to All (and Analyses).
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

// Analyses returns the checks that report several rules; every other rule is found by a
// check of its own.
func Analyses() []*audit.Analysis {
	var all []*audit.Analysis
	for _, family := range [][]*audit.Analysis{
		date.Analyses(),
		duplicate.Analyses(),
	} {
		all = append(all, family...)
	}
	return all
}

// Registry returns the validated registry of all rules and analyses.
func Registry() (*audit.Registry, error) { return audit.NewRegistry(All(), Analyses()...) }

// Package duplicate flags repeated paragraphs and sentences within a file, and copies of
// them across the corpus: verbatim, lightly edited, or reworded by synonym substitution.
package duplicate

import "github.com/textaudit/textaudit/audit"

// Rules returns the duplicate family. Its corpus pass (CorpusAnalysis) also reports rules of
// the spin and provenance families.
func Rules() []*audit.Rule { return []*audit.Rule{Within, Cross, Document} }

// Analyses returns the family's checks that report several rules.
func Analyses() []*audit.Analysis { return []*audit.Analysis{CorpusAnalysis} }

// Package duplicate flags repeated paragraphs and sentences within a file, and copies of
// them across the corpus: verbatim, lightly edited, or reworded by synonym substitution.
package duplicate

import "github.com/textaudit/textaudit/audit"

// Rules returns the duplicate family.
func Rules() []*audit.Rule {
	return []*audit.Rule{Within, Cross, Document, AlignedCopy, SharedStory, Inherited}
}

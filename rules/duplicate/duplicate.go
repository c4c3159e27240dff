// Package duplicate flags repeated paragraphs within a file and copies across the corpus.
package duplicate

import (
	"fmt"

	"github.com/textaudit/textaudit/audit"
)

// Rules returns the duplicate family.
func Rules() []*audit.Rule { return []*audit.Rule{Paragraph} }

// Paragraph flags a paragraph that repeats an earlier one of the same file exactly, after
// normalising case, white space and punctuation.
var Paragraph = &audit.Rule{
	ID:          "duplicate.paragraph",
	Category:    audit.Duplicate,
	Severity:    audit.Warning,
	Description: "A paragraph repeats an earlier paragraph of the same file",
	Params:      map[string]float64{"min_words": 4},
	Check: func(p *audit.Pass) {
		minWords := int(p.Params.Get("min_words"))
		first := map[string]audit.Paragraph{}
		for _, para := range p.Doc.Paragraphs {
			norm := audit.NormalizeForMatch(para.Text)
			if len(splitWords(norm)) < minWords {
				continue
			}
			if prev, ok := first[norm]; ok {
				p.Report(para.Start, para.End,
					fmt.Sprintf("paragraph repeats line %d of this file word for word", prev.FirstLine),
					audit.Evidence{"counterpart_path": p.Doc.Path, "counterpart_line": prev.FirstLine, "similarity": 1.0})
				continue
			}
			first[norm] = para
		}
	},
}

func splitWords(norm string) []string {
	var out []string
	start := -1
	for i, r := range norm {
		if r == ' ' {
			if start >= 0 {
				out = append(out, norm[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, norm[start:])
	}
	return out
}

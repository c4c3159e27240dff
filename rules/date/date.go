// Package date finds each article's publication date and flags missing, partial and
// implausible ones.
package date

import (
	"regexp"

	"github.com/textaudit/textaudit/audit"
)

// Rules returns the date family.
func Rules() []*audit.Rule { return []*audit.Rule{Missing} }

// headerLines is how far from the top a publication date or dateline may stand.
const headerLines = 8

var (
	isoDate  = regexp.MustCompile(`\b(19|20)\d\d-[01]\d-[0-3]\d\b`)
	dateline = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? (19|20)\d\d\b`)
)

// Missing flags a file with no full publication date in its header lines.
var Missing = &audit.Rule{
	ID:          "date.missing",
	Category:    audit.Date,
	Severity:    audit.Warning,
	Description: "No publication date or dateline in the header of the article",
	Check: func(p *audit.Pass) {
		for i, l := range p.Doc.Lines {
			if i >= headerLines {
				break
			}
			if isoDate.MatchString(l.Text) || dateline.MatchString(l.Text) {
				return
			}
		}
		p.ReportLines(1, 1, "no publication date found in the first lines (no date header, no dated dateline)", audit.Evidence{"text": ""})
	},
}

package reports

import (
	"io"

	"github.com/textaudit/textaudit/audit"
)

// RulesTable lists rules (ID, category, severity, description) for `textaudit rules`,
// fitted into width columns (0: no limit).
func RulesTable(w io.Writer, rules []audit.RuleInfo, width int) error {
	g := &grid{cols: []gridColumn{{head: "rule"}, {head: "category"}, {head: "severity"}, {head: "description", fit: wrap, min: 24}}}
	for _, r := range rules {
		g.add(gridCell{text: r.ID}, gridCell{text: string(r.Category)}, gridCell{text: r.Severity.String()}, gridCell{text: r.Description})
	}
	return g.render(w, width, false)
}

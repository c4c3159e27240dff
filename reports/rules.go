package reports

import (
	"io"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/textaudit/textaudit/audit"
)

// RulesTable lists rules (ID, category, severity, description) for `textaudit rules`.
func RulesTable(w io.Writer, rules []audit.RuleInfo) error {
	t := newTable(w, repeatAlign(tw.AlignLeft, 4))
	t.Header("rule", "category", "severity", "description")
	for _, r := range rules {
		if err := t.Append([]string{r.ID, string(r.Category), r.Severity.String(), r.Description}); err != nil {
			return err
		}
	}
	return t.Render()
}

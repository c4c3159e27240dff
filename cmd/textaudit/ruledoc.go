package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/docs"
)

// writeRuleDocs prints each rule's document: what it looks for, why it matters, an example
// and what to do (docs/rules/ID.md), under its registry entry: category, default severity,
// what finds it, and its parameters with type, default, valid range and meaning, as
// `params:` in .textaudit.yaml takes them.
func writeRuleDocs(w io.Writer, reg *audit.Registry, list []*audit.Rule) error {
	var b strings.Builder
	for i, r := range list {
		if i > 0 {
			b.WriteString("\n")
		}
		doc, _ := docs.Rule(r.ID)
		title, body, _ := strings.Cut(doc, "\n")
		if title == "" {
			title = "# " + r.ID
		}
		fmt.Fprintf(&b, "%s\n\n%s\n\ncategory %s, default severity %s\n", title, r.Description, r.Category, r.Severity)
		if a := reg.Reporter(r); a != nil && len(a.Reports) > 1 {
			var ids []string
			for _, o := range a.Reports {
				ids = append(ids, o.ID)
			}
			kind := "check"
			if a.Corpus() {
				kind = "corpus pass over every file"
			}
			fmt.Fprintf(&b, "found by %s's %s, which reports %s\n", a.Name, kind, strings.Join(ids, ", "))
		} else if reg.Corpus(r) {
			b.WriteString("found by a corpus pass over every file\n")
		}
		if len(r.Params) > 0 {
			fmt.Fprintf(&b, "\nparameters (params: {%s: {NAME: VALUE}} in .textaudit.yaml):\n", r.ID)
			for _, d := range r.Params {
				kind := d.Kind.String()
				if rt := d.RangeText(); rt != "" {
					kind += ", " + rt
				}
				fmt.Fprintf(&b, "  %s = %s  (%s)\n      %s\n", d.Name, d.DefaultText(), kind, d.Meaning)
			}
		}
		if body = strings.TrimSpace(body); body != "" {
			fmt.Fprintf(&b, "\n%s\n", body)
		}
		fmt.Fprintf(&b, "\nOnline: %s\n", docs.RuleURL(r.ID))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRuleDoc prints the document of the rule named id, or a usage error listing the
// known rules.
func writeRuleDoc(w io.Writer, reg *audit.Registry, id string) error {
	r, ok := reg.Lookup(id)
	if !ok {
		var ids []string
		for _, x := range reg.Rules() {
			ids = append(ids, x.ID)
		}
		return usageError("unknown rule %q (known: %s)", id, strings.Join(ids, ", "))
	}
	return writeRuleDocs(w, reg, []*audit.Rule{r})
}

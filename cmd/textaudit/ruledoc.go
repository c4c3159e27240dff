package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/docs"
)

// writeRuleDoc prints a rule's document (what it looks for, why it matters, an example,
// what to do) under its registry entry: category, default severity, parameters.
func writeRuleDoc(w io.Writer, reg *audit.Registry, id string) error {
	r, ok := reg.Lookup(id)
	if !ok {
		var ids []string
		for _, x := range reg.Rules() {
			ids = append(ids, x.ID)
		}
		return usageError("unknown rule %q (known: %s)", id, strings.Join(ids, ", "))
	}
	doc, _ := docs.Rule(r.ID)
	title, body, _ := strings.Cut(doc, "\n")
	if title == "" {
		title = "# " + r.ID
	}
	fmt.Fprintf(w, "%s\n\n%s\n\ncategory %s, default severity %s", title, r.Description, r.Category, r.Severity)
	if reg.Corpus(r) {
		fmt.Fprint(w, ", compares files across the corpus")
	}
	fmt.Fprintln(w)
	if len(r.Params) > 0 {
		names := make([]string, 0, len(r.Params))
		for k := range r.Params {
			names = append(names, k)
		}
		sort.Strings(names)
		fmt.Fprintln(w, "\nparameters (params: in .textaudit.yaml):")
		for _, k := range names {
			fmt.Fprintf(w, "  %s = %g\n", k, r.Params[k])
		}
	}
	fmt.Fprintf(w, "\n%s\n\nOnline: %s\n", strings.TrimSpace(body), docs.RuleURL(r.ID))
	return nil
}

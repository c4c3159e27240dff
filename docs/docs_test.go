package docs_test

import (
	"strings"
	"testing"

	"github.com/textaudit/textaudit/docs"
	"github.com/textaudit/textaudit/rules"
)

// Every registered rule has a document with the four sections, and no document names a
// rule that does not exist.
func TestEveryRuleHasADocument(t *testing.T) {
	reg, err := rules.Registry()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reg.Rules() {
		doc, ok := docs.Rule(r.ID)
		if !ok {
			t.Errorf("%s: no docs/rules/%s.md", r.ID, r.ID)
			continue
		}
		for _, section := range []string{"# " + r.ID + "\n", "## What it looks for", "## Why it matters", "## Example", "## What to do"} {
			if !strings.Contains(doc, section) {
				t.Errorf("%s: document lacks %q", r.ID, section)
			}
		}
		if docs.Summary(doc) == "" {
			t.Errorf("%s: no summary paragraph", r.ID)
		}
	}
	if _, ok := docs.Rule("no.such-rule"); ok {
		t.Errorf("a document for an unknown rule")
	}
	if _, ok := docs.Rule("../docs"); ok {
		t.Errorf("a path is accepted as a rule ID")
	}
}

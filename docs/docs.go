// Package docs holds the documentation of each rule as one Markdown file per rule
// (rules/<id>.md: what it looks for, why it matters, an example, what to do), embedded so
// `textaudit rules RULE` and `explain --rule RULE` print it and SARIF links to it.
package docs

import (
	"embed"
	"strings"
)

//go:embed rules/*.md
var rules embed.FS

// RepositoryURL is where the rule documents are published; SARIF helpUri links into it.
const RepositoryURL = "https://github.com/textaudit/textaudit"

// Rule returns the Markdown documentation of a rule, or false when there is none.
func Rule(id string) (string, bool) {
	if strings.ContainsAny(id, `/\`) {
		return "", false
	}
	b, err := rules.ReadFile("rules/" + id + ".md")
	if err != nil {
		return "", false
	}
	return string(b), true
}

// RuleURL is the address of a rule's document in the repository.
func RuleURL(id string) string {
	return RepositoryURL + "/blob/main/docs/rules/" + id + ".md"
}

// Summary returns a rule document's first paragraph under "What it looks for", as plain
// text, for places that show one paragraph (SARIF help text falls back to the whole file).
func Summary(doc string) string {
	_, rest, ok := strings.Cut(doc, "## What it looks for\n\n")
	if !ok {
		return ""
	}
	para, _, _ := strings.Cut(rest, "\n\n")
	return strings.TrimSpace(para)
}

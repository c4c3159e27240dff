package audittest

import (
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

func TestCheckReportsEachUnmetTerm(t *testing.T) {
	fr := audit.FileReport{
		Findings: []audit.Finding{
			{Rule: "boilerplate.structure", Severity: audit.Warning, Line: 9, EndLine: 13, Evidence: audit.Evidence{"n": 4}},
			{Rule: "boilerplate.splice", Severity: audit.Info, Line: 3, EndLine: 3},
		},
		Facts: map[string]any{"language": "en"},
	}
	tests := []struct {
		terms string
		want  []string // substrings of the problems, in order; none when the terms hold
	}{
		{"boilerplate.structure@11 boilerplate.splice@3 language=en date=-", nil},
		{"boilerplate.structure@14", []string{"boilerplate.structure@14: no such finding"}},
		{"boilerplate.structure@*{n=4} !warning@3 !spin@9", nil},
		{"boilerplate.structure@9{n=5}", []string{"no such finding"}},
		{"!boilerplate@3", []string{"!boilerplate@3: boilerplate.splice@3"}},
		{"!*@12", []string{"!*@12: boilerplate.structure@9"}},
		{"exact boilerplate.structure@9", []string{"exact: unexpected boilerplate.splice@3"}},
		{"exact boilerplate.structure@9 boilerplate.structure@10 boilerplate.splice@3", []string{"boilerplate.structure@10: no such finding"}},
		{"none", []string{"none: got 2 findings"}},
		{"language=fr date=2020", []string{"fact language is en", "fact date is -"}},
	}
	for _, tt := range tests {
		var terms []term
		for _, s := range strings.Fields(tt.terms) {
			tm, err := parseTerm(s)
			if err != nil {
				t.Fatal(err)
			}
			terms = append(terms, tm)
		}
		got := check(fr, terms)
		if len(got) != len(tt.want) {
			t.Errorf("%s: problems %q, want %d", tt.terms, got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if !strings.Contains(got[i], w) {
				t.Errorf("%s: problem %q, want one containing %q", tt.terms, got[i], w)
			}
		}
	}
}

func TestParseTermRejectsMalformedTerms(t *testing.T) {
	for _, s := range []string{"boilerplate.phrase", "@3", "!x@3{k=v}", "x@y", "=v"} {
		if _, err := parseTerm(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

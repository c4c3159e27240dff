package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/textaudit/textaudit/audit"
)

type sarifOut struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				InformationURI string
				Rules          []struct {
					ID      string
					HelpURI string
					Help    struct{ Text, Markdown string }
				}
			}
		}
		Invocations []struct {
			ToolExecutionNotifications []struct{ Message struct{ Text string } }
		}
		Results []struct {
			PartialFingerprints map[string]string
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
				}
			}
		}
	}
}

func renderSARIF(t *testing.T, r *audit.Report, opt Options) (string, sarifOut) {
	t.Helper()
	var buf bytes.Buffer
	if err := SARIF(&buf, r, opt); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF does not validate: %v", err)
	}
	var out sarifOut
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	return buf.String(), out
}

// repeatedReport has one file where the same residue text is flagged twice.
func repeatedReport(path string, n int) *audit.Report {
	rule := &audit.Rule{ID: "boilerplate.phrase", Category: audit.Boilerplate, Severity: audit.Warning, Description: "phrase"}
	text := strings.Repeat("Related Post\n", n)
	doc := audit.NewDocument(path, text)
	var fs []audit.Finding
	for i := 0; i < n; i++ {
		fs = append(fs, audit.NewFinding(rule, doc, doc.LineSpan(i+1, i+1), "residue", audit.Evidence{"text": "Related Post"}))
	}
	r := audit.NewReport("test", &audit.Result{Files: []audit.FileReport{{Path: path, Findings: fs}}})
	r.Rules = audit.Describe([]*audit.Rule{rule})
	return r
}

func TestSARIFFingerprintsAreUniquePerResult(t *testing.T) {
	_, log := renderSARIF(t, repeatedReport("a.txt", 3), Options{})
	seen := map[string]bool{}
	for _, res := range log.Runs[0].Results {
		fp := res.PartialFingerprints["textaudit/v1"]
		if seen[fp] {
			t.Errorf("fingerprint %s shared by two results", fp)
		}
		seen[fp] = true
	}
	if len(seen) != 3 {
		t.Errorf("%d distinct fingerprints, want 3", len(seen))
	}
}

func TestSARIFURIsAreRelativeToTheRootAndEncoded(t *testing.T) {
	tests := []struct {
		root, prefix, path, want string
	}{
		{"/repo", "", "corpus/a,b:c 100%.txt", "corpus/a%2Cb%3Ac%20100%25.txt"},
		{"/repo", "", "/repo/corpus/a.txt", "corpus/a.txt"},
		{"/repo", "", "./corpus/é.txt", "corpus/%C3%A9.txt"},
		{"/repo/sub", "sub", "corpus/a.txt", "sub/corpus/a.txt"},
		{"/repo", "", "../other/a.txt", "file:///other/a.txt"},
		{"/repo", "", "/elsewhere/a.txt", "file:///elsewhere/a.txt"},
		{"", "", "corpus/a.txt", "corpus/a.txt"},
	}
	for _, tt := range tests {
		if got := sarifURI(tt.root, tt.prefix, tt.path); got != tt.want {
			t.Errorf("sarifURI(%q, %q, %q) = %q, want %q", tt.root, tt.prefix, tt.path, got, tt.want)
		}
	}
	r := repeatedReport("/repo/corpus/a b.txt", 1)
	r.Root = "/repo"
	_, log := renderSARIF(t, r, Options{})
	if uri := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "corpus/a%20b.txt" {
		t.Errorf("uri %q", uri)
	}
}

func TestSARIFRulesLinkTheirDocuments(t *testing.T) {
	_, log := renderSARIF(t, repeatedReport("a.txt", 1), Options{})
	d := log.Runs[0].Tool.Driver
	if d.InformationURI == "" {
		t.Errorf("driver has no informationUri")
	}
	r := d.Rules[0]
	if !strings.HasSuffix(r.HelpURI, "/docs/rules/boilerplate.phrase.md") || r.Help.Text == "" || !strings.Contains(r.Help.Markdown, "## Why it matters") {
		t.Errorf("rule help %+v", r)
	}
}

func TestSARIFIsCappedAtGitHubsLimitWithAWarning(t *testing.T) {
	var files []audit.FileReport
	for i := 0; i < 3; i++ {
		files = append(files, audit.FileReport{Path: fmt.Sprintf("f%d.txt", i), Findings: []audit.Finding{
			{Rule: "a.info", Severity: audit.Info, Fingerprint: "1"}, {Rule: "a.err", Severity: audit.Error, Fingerprint: "2"},
		}})
	}
	kept, msg := capFindings(files, 4)
	errs := 0
	for _, x := range kept {
		if x.Severity == audit.Error {
			errs++
		}
	}
	if len(kept) != 4 || errs != 3 || !strings.Contains(msg, "6 results") || !strings.Contains(msg, "2 info") {
		t.Errorf("kept %d (%d errors), message %q; want 4 kept, every error, and the cut named", len(kept), errs, msg)
	}
	if _, msg := capFindings(files, 6); msg != "" {
		t.Errorf("nothing cut, but message %q", msg)
	}
	var warned string
	big := repeatedReport("a.txt", SARIFMaxResults+5)
	_, log := renderSARIF(t, big, Options{Warn: func(s string) { warned = s }})
	if n := len(log.Runs[0].Results); n != SARIFMaxResults || !strings.Contains(warned, "5 warning") || len(log.Runs[0].Invocations) != 1 {
		t.Errorf("%d results, warning %q", n, warned)
	}
}

func TestGitHubCapsAnnotationsAndListsTheRest(t *testing.T) {
	var buf bytes.Buffer
	if err := GitHub(&buf, repeatedReport("a.txt", 15), Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := strings.Count(out, "::warning "); n != GitHubAnnotationsPerLevel {
		t.Errorf("%d warning annotations, want %d", n, GitHubAnnotationsPerLevel)
	}
	if !strings.Contains(out, "::notice title=textaudit::5 more findings") || strings.Count(out, "a.txt:") != 5 {
		t.Errorf("the rest is not listed:\n%s", out)
	}
}

func TestStepSummaryIsShortMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := StepSummary(&buf, sampleReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "sample.step-summary.md", buf.String())
}

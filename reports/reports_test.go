package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/reports/golden"
)

// sampleReport is a small report with the awkward cases renderers must survive: a finding
// spanning lines, markup and pipes in messages and evidence, a clean file, a skipped file.
func sampleReport() *audit.Report {
	text := "A headline\n\nBody with <b>markup</b> | pipes.\nSecond line.\n\nRelated Post\n"
	doc := audit.NewDocument("corpus/a.txt", text)
	phrase := &audit.Rule{ID: "boilerplate.phrase", Category: audit.Boilerplate, Severity: audit.Warning, Description: "A whole line is a known page-furniture phrase"}
	dup := &audit.Rule{ID: "duplicate.paragraph", Category: audit.Duplicate, Severity: audit.Error, Description: "A paragraph repeats another"}
	date := &audit.Rule{ID: "date.missing", Category: audit.Date, Severity: audit.Info, Description: "No publication date"}
	start := strings.Index(text, "Related")
	findings := []audit.Finding{
		audit.NewFinding(date, doc, doc.LineSpan(1, 1), "no publication date, dateline or byline date", audit.Evidence{"text": ""}),
		audit.NewFinding(dup, doc, doc.LineSpan(3, 4), "paragraph repeats b.txt:7 <script>alert(1)</script>", audit.Evidence{"counterpart_path": "corpus/b.txt", "counterpart_line": 7, "similarity": 0.93}),
		audit.NewFinding(phrase, doc, doc.Span(start, start+len("Related Post")), "scraper residue: \"Related Post\" is page furniture, not article text\nsecond line, 100% sure", audit.Evidence{"language": "en"}),
	}
	files := []audit.FileReport{
		{Path: "corpus/a.txt", Findings: findings, Text: text, Facts: map[string]any{"language": "en",
			"provenance": map[string]any{"credits": []any{"Reuters"}, "photo_credits": []any{"AFP"},
				"copied_to": []any{map[string]any{"path": "corpus/b.txt", "line": 3, "counterpart_line": 7}}}}},
		{Path: "corpus/b.txt", Findings: []audit.Finding{}},
	}
	for i := range files {
		files[i].Score, files[i].Deductions = audit.DefaultScoreModel.Score(files[i].Findings)
	}
	r := audit.NewReport("test", &audit.Result{Files: files, Skipped: []audit.Notice{{Path: "corpus/logo.png", Cause: "binary file (not text)"}}})
	r.Rules = audit.Describe([]*audit.Rule{date, dup, phrase})
	return r
}

func render(t *testing.T, format string, opt Options) string {
	t.Helper()
	fn, err := Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := fn(&buf, sampleReport(), opt); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "golden", name), got)
}

func TestRenderersMatchGoldenFiles(t *testing.T) {
	tests := []struct {
		format, golden string
		opt            Options
	}{
		{"table", "sample.table", Options{Details: true}},
		{"table", "sample.80.table", Options{Details: true, Width: 80}},
		{"table", "sample.48.table", Options{Details: true, Width: 48}},
		{"json", "sample.json", Options{}},
		{"sarif", "sample.sarif", Options{}},
		{"github", "sample.github", Options{}},
		{"csv", "sample.csv", Options{}},
		{"line", "sample.line", Options{}},
		{"csv-files", "sample.files.csv", Options{}},
		{"markdown", "sample.md", Options{}},
		{"explain", "sample.explain", Options{}},
		{"table", "sample.min-warning.table", Options{Details: true, MinSeverity: audit.Warning}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			checkGolden(t, tt.golden, render(t, tt.format, tt.opt))
		})
	}
}

func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	out := render(t, "sarif", Options{})
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF does not validate: %v", err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID                   string
						ShortDescription     struct{ Text string }
						FullDescription      struct{ Text string }
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			Results []struct {
				RuleID              string
				Level               string
				PartialFingerprints map[string]string
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, EndLine, StartColumn, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != 3 || len(run.Results) != 3 {
		t.Fatalf("rules %d results %d, want 3 and 3", len(run.Tool.Driver.Rules), len(run.Results))
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.DefaultConfiguration.Level == "" {
			t.Errorf("rule %s lacks descriptions or level", r.ID)
		}
	}
	levels := map[string]string{}
	for _, res := range run.Results {
		levels[res.RuleID] = res.Level
		loc := res.Locations[0].PhysicalLocation
		if res.PartialFingerprints["textaudit/v1"] == "" || loc.ArtifactLocation.URI != "corpus/a.txt" || loc.Region.StartLine < 1 || loc.Region.EndColumn <= 0 {
			t.Errorf("result %s incomplete: %+v", res.RuleID, res)
		}
	}
	if levels["date.missing"] != "note" || levels["duplicate.paragraph"] != "error" || levels["boilerplate.phrase"] != "warning" {
		t.Errorf("levels = %v", levels)
	}
}

func TestGitHubAnnotationsEscapeMessages(t *testing.T) {
	out := render(t, "github", Options{})
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want one line per finding, got %d:\n%s", len(lines), out)
	}
	want := "::warning file=corpus/a.txt,line=6,endLine=6,col=1,endColumn=12,title=boilerplate.phrase::scraper residue: \"Related Post\" is page furniture, not article text%0Asecond line, 100%25 sure"
	// Errors are annotated first, then warnings, then notices.
	if lines[1] != want {
		t.Errorf("got  %s\nwant %s", lines[1], want)
	}
}

func TestCSVHasOneRowPerFinding(t *testing.T) {
	rows, err := csv.NewReader(strings.NewReader(render(t, "csv", Options{}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "path" || rows[3][5] != "boilerplate.phrase" {
		t.Errorf("rows = %v", rows)
	}
	files, err := csv.NewReader(strings.NewReader(render(t, "csv-files", Options{}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 || files[2][1] != "100.0" {
		t.Errorf("file rows = %v", files)
	}
}

func TestMarkdownKeepsUntrustedTextInsideTheTable(t *testing.T) {
	out := render(t, "markdown", Options{})
	if strings.Contains(out, "<script>") {
		t.Errorf("markdown carries raw markup:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "| 3") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 6 {
			t.Errorf("a pipe in a message broke the row: %s", line)
		}
	}
}

func TestFilterHidesFindingsBelowTheMinimumButKeepsScores(t *testing.T) {
	r := sampleReport()
	f := Filter(r, audit.Warning)
	if len(f.Files[0].Findings) != 2 || len(r.Files[0].Findings) != 3 || f.Files[0].Score != r.Files[0].Score {
		t.Errorf("filtered %d of %d findings, scores %v/%v", len(f.Files[0].Findings), len(r.Files[0].Findings), f.Files[0].Score, r.Files[0].Score)
	}
	if f.Summary.Findings != 2 || f.Summary.BelowMinSeverity != 1 || f.Summary.MeanScore != r.Summary.MeanScore {
		t.Errorf("summary of the filtered view %+v: want 2 findings, 1 below, the same mean score", f.Summary)
	}
}

func TestWriteFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, func(w io.Writer) error {
		w.Write([]byte("half"))
		return errFailed
	})
	if err == nil {
		t.Fatal("want the render error")
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("a failed render replaced the file with %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := WriteFile(path, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "new" {
		t.Errorf("file = %q, want new", data)
	}
}

func TestReadJSONRoundTripsAReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.json")
	if err := os.WriteFile(path, []byte(render(t, "json", Options{})), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := ReadJSON(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Files) != 2 || len(r.Files[0].Findings) != 3 || r.Files[0].Facts["language"] != "en" || len(r.Rules) != 3 {
		t.Errorf("round trip lost data: %+v", r)
	}
	bad := filepath.Join(t.TempDir(), "b.json")
	os.WriteFile(bad, []byte(`{"files": 3}`), 0o644)
	if _, err := ReadJSON(bad); err == nil || !strings.Contains(err.Error(), "b.json") {
		t.Errorf("error = %v, want one naming the file", err)
	}
}

var errFailed = errors.New("render failed")

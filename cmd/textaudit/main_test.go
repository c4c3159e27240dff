package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/reports/golden"
)

// TestMain runs from the repository root so report paths read as a user sees them.
func TestMain(m *testing.M) {
	flag.Parse()
	if err := os.Chdir("../.."); err != nil {
		panic(err)
	}
	// Audits use the result cache by default: keep it out of the user's, and let the
	// tests that audit the same seeds run both cold and warm.
	cache, err := os.MkdirTemp("", "textaudit-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

// textaudit runs the CLI in-process and returns its exit code, stdout and stderr.
func textaudit(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	// The JSON report records the folder the audit ran in, which differs by machine.
	if wd, err := os.Getwd(); err == nil {
		got = strings.ReplaceAll(got, `"root": `+strconv.Quote(wd), `"root": "/repo"`)
	}
	golden.Check(t, filepath.Join("testdata", "golden", name), got)
}

// Seeds are audited with a fixed --now so date plausibility does not drift with the calendar.
var seedArgs = []string{"audit", "--now", "2026-11-23", "testdata/seeds"}

func TestAuditSeedsTableMatchesGolden(t *testing.T) {
	code, out, errs := textaudit(t, append(seedArgs, "--details")...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	checkGolden(t, "seeds.table", out)
	for _, want := range []string{"002_85e05273389f8f37.txt:33", "Otras noticias", "004_3e4f2c6dea3b26a0.txt:52", "Related Post"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q", want)
		}
	}
}

func TestAuditSeedsJSONFollowsTheContract(t *testing.T) {
	code, out, errs := textaudit(t, append(seedArgs, "--format", "json")...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	checkGolden(t, "seeds.json", out)

	var doc struct {
		Tool    *string `json:"tool"`
		Version *string `json:"version"`
		Files   []struct {
			Path       *string            `json:"path"`
			Score      *float64           `json:"score"`
			Deductions map[string]float64 `json:"deductions"`
			Findings   []map[string]any   `json:"findings"`
		} `json:"files"`
		Summary struct {
			Files     *int     `json:"files"`
			Findings  *int     `json:"findings"`
			MeanScore *float64 `json:"mean_score"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tool == nil || *doc.Tool != "textaudit" || doc.Version == nil || *doc.Version == "" {
		t.Errorf("tool/version missing")
	}
	if len(doc.Files) != 5 || doc.Summary.Files == nil || *doc.Summary.Files != 5 || doc.Summary.Findings == nil || doc.Summary.MeanScore == nil {
		t.Fatalf("want 5 files and a summary, got %d files", len(doc.Files))
	}
	total := 0
	for _, f := range doc.Files {
		if f.Path == nil || f.Score == nil || *f.Score < 0 || *f.Score > 100 || f.Deductions == nil || f.Findings == nil {
			t.Errorf("file object misses path, score in 0-100, deductions or findings: %+v", f)
		}
		for c := range f.Deductions {
			if !audit.Category(c).Valid() {
				t.Errorf("deduction for unknown category %q", c)
			}
		}
		for _, x := range f.Findings {
			total++
			for _, key := range []string{"rule", "category", "severity", "line", "end_line", "column", "end_column", "message", "fingerprint"} {
				if _, ok := x[key]; !ok {
					t.Errorf("finding lacks %q: %v", key, x)
				}
			}
			if !audit.Category(x["category"].(string)).Valid() {
				t.Errorf("finding category %v is not one of the six", x["category"])
			}
			if _, err := audit.ParseSeverity(x["severity"].(string)); err != nil {
				t.Errorf("finding severity: %v", err)
			}
			if x["line"].(float64) < 1 || x["end_line"].(float64) < x["line"].(float64) {
				t.Errorf("finding lines %v-%v are not 1-based and ordered", x["line"], x["end_line"])
			}
		}
	}
	if total != *doc.Summary.Findings {
		t.Errorf("summary counts %d findings, files hold %d", *doc.Summary.Findings, total)
	}
}

func TestAuditHandlesAwkwardInputsWithoutErrorExit(t *testing.T) {
	// binary.bin alone is a run that audits nothing: TestARunThatAuditsNoFileIsAnError.
	for _, name := range []string{"empty.txt", "utf16.txt", "crlf.txt", "invalid-utf8.txt", "bom.txt"} {
		t.Run(name, func(t *testing.T) {
			code, out, errs := textaudit(t, "audit", "--format", "json", filepath.Join("testdata", "inputs", name))
			if code != exitOK {
				t.Fatalf("exit %d, stderr %s", code, errs)
			}
			if !json.Valid([]byte(out)) {
				t.Errorf("output is not JSON: %s", out)
			}
		})
	}
	code, out, errs := textaudit(t, "audit", "--format", "json", "testdata/inputs")
	if code != exitOK {
		t.Fatalf("folder: exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(errs, "binary.bin") || !strings.Contains(errs, "skipped") {
		t.Errorf("stderr should say the binary file was skipped: %q", errs)
	}
	if !strings.Contains(out, "language.invalid-utf8") {
		t.Errorf("invalid UTF-8 should be reported as a finding")
	}
}

func TestAuditExitCodes(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	badCfg := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(badCfg, []byte("disable: [nosuch]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		stderrHs string
	}{
		{"fail-under above every score fails the gate", append(seedArgs, "--fail-under", "100"), exitGate, "score below 100"},
		{"fail-under zero passes", append(seedArgs, "--fail-under", "0"), exitOK, ""},
		{"fail-on info fails on any finding", append(seedArgs, "--fail-on", "info"), exitGate, "at or above info"},
		{"a missing path is an input error naming it", []string{"audit", "testdata/no-such-dir"}, exitUsage, "testdata/no-such-dir"},
		{"a FIFO is an input error naming it", []string{"audit", fifo}, exitUsage, "pipe.txt: not a regular file"},
		{"an unknown format is a usage error", []string{"audit", "--format", "yaml", "testdata/seeds"}, exitUsage, "unknown format"},
		{"an unknown flag is a usage error", []string{"audit", "--no-such-flag", "testdata/seeds"}, exitUsage, "no-such-flag"},
		{"no path is a usage error", []string{"audit"}, exitUsage, "requires at least 1 arg"},
		{"a bad config is an error naming the key", []string{"audit", "--config", badCfg, "testdata/seeds"}, exitUsage, "disable"},
		{"a bad severity is a usage error", []string{"audit", "--fail-on", "fatal", "testdata/seeds"}, exitUsage, "--fail-on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := textaudit(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.stderrHs) {
				t.Errorf("stderr %q lacks %q", errs, tt.stderrHs)
			}
			if strings.Contains(errs, "goroutine ") {
				t.Errorf("stderr holds a stack trace: %s", errs)
			}
		})
	}
}

func TestAuditNamesAnUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop reading (the FIFO case covers unreadable input)")
	}
	p := filepath.Join(t.TempDir(), "locked.txt")
	if err := os.WriteFile(p, []byte("text"), 0o000); err != nil {
		t.Fatal(err)
	}
	code, _, errs := textaudit(t, "audit", p)
	if code != exitUsage || !strings.Contains(errs, "locked.txt") || !strings.Contains(errs, "permission denied") {
		t.Errorf("exit %d stderr %q, want 2 naming the file and the cause", code, errs)
	}
}

func TestAuditWritesTheReportFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "audit.json")
	code, stdout, errs := textaudit(t, append(seedArgs, "--format", "json", "-o", out)...)
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d stdout %q stderr %q", code, stdout, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil || !json.Valid(data) {
		t.Fatalf("report file: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	code, _, errs = textaudit(t, append(seedArgs, "-o", filepath.Join(t.TempDir(), "no", "dir", "a.txt"))...)
	if code != exitUsage || !strings.Contains(errs, "write") {
		t.Errorf("unwritable output: exit %d stderr %q, want 2 naming the write", code, errs)
	}
}

func TestRulesCommandListsTheRegistry(t *testing.T) {
	code, out, _ := textaudit(t, "rules", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var list []struct {
		ID, Category, Severity, Description string
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) == 0 {
		t.Fatalf("rules JSON: %v (%d rules)", err, len(list))
	}
	for _, r := range list {
		if r.ID == "" || !audit.Category(r.Category).Valid() || r.Description == "" {
			t.Errorf("incomplete rule entry %+v", r)
		}
	}
	code, out, _ = textaudit(t, "rules")
	if code != exitOK || !strings.Contains(out, "boilerplate.phrase") {
		t.Errorf("rules table: exit %d\n%s", code, out)
	}
	code, out, _ = textaudit(t, "--version")
	if code != exitOK || !strings.Contains(out, version) {
		t.Errorf("--version: exit %d %q", code, out)
	}
}

func TestConfigVerify(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte("disable: [date]\nphrases:\n  en: ['Click to read the full story']\n"), 0o644)
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("severity:\n  date.missing: loud\n"), 0o644)
	if code, out, errs := textaudit(t, "config", "verify", good); code != exitOK || !strings.Contains(out, "ok") {
		t.Errorf("good config: exit %d %q %q", code, out, errs)
	}
	if code, _, errs := textaudit(t, "config", "verify", bad); code != exitUsage || !strings.Contains(errs, "severity.date.missing") {
		t.Errorf("bad config: exit %d %q", code, errs)
	}
}

func FuzzAuditNeverPanics(f *testing.F) {
	f.Add([]byte("Title\n\nOtras noticias\n"))
	f.Add([]byte{0xff, 0xfe, 0x00})
	f.Add([]byte("\xef\xbb\xbf\r\r\n\x00"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "f.txt")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		code := run([]string{"audit", "--format", "json", p}, &out, &errb)
		if code != exitOK || strings.Contains(errb.String(), "internal error") {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
	})
}

func TestBaselineHidesKnownFindingsAndListsStaleOnes(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	article := "A headline\n\nLONDON, March 3, 2005 (Reuters) - A body paragraph for the test.\n\nRelated Post\n"
	os.WriteFile(filepath.Join(corpus, "a.txt"), []byte(article), 0o644)
	base := filepath.Join(dir, "baseline.json")

	code, _, errs := textaudit(t, "audit", "--write-baseline", base, "--fail-on", "warning", corpus)
	if code != exitGate || !strings.Contains(errs, "baseline of") {
		t.Fatalf("first run: exit %d stderr %q, want the gate to fail and the baseline written", code, errs)
	}
	code, out, errs := textaudit(t, "audit", "--baseline", base, "--fail-on", "warning", "--format", "json", corpus)
	if code != exitOK {
		t.Fatalf("with baseline: exit %d stderr %q, want the known findings hidden", code, errs)
	}
	var r struct {
		Files    []struct{ Score float64 }
		Baseline struct{ Suppressed int }
	}
	json.Unmarshal([]byte(out), &r)
	if r.Baseline.Suppressed == 0 || r.Files[0].Score != 100 {
		t.Errorf("baseline outcome %+v, score %v: want suppressed findings and a rescored file", r.Baseline, r.Files[0].Score)
	}
	// A second copy of the recorded residue line is a new finding, though its text is known.
	os.WriteFile(filepath.Join(corpus, "a.txt"), []byte(article+"\nRelated Post\n"), 0o644)
	code, _, errs = textaudit(t, "audit", "--baseline", base, "--fail-on", "warning", corpus)
	if code != exitGate || !strings.Contains(errs, "gate failed: 1 finding at or above warning") {
		t.Errorf("a second copy: exit %d stderr %q, want the gate to fail on one finding", code, errs)
	}
	// A new residue line is a new finding; the old one, now gone, is a stale entry.
	os.WriteFile(filepath.Join(corpus, "a.txt"), []byte(strings.Replace(article, "Related Post", "Read more", 1)), 0o644)
	code, _, errs = textaudit(t, "audit", "--baseline", base, "--fail-on", "warning", corpus)
	if code != exitGate || !strings.Contains(errs, "no longer match") || !strings.Contains(errs, "Related Post") {
		t.Errorf("after an edit: exit %d stderr %q, want a gate failure and the stale entry listed", code, errs)
	}
}

func TestReportFlagWritesSeveralFormatsAndReportRendersSavedJSON(t *testing.T) {
	dir := t.TempDir()
	jsonPath, sarifPath, mdPath := filepath.Join(dir, "a.json"), filepath.Join(dir, "a.sarif"), filepath.Join(dir, "a.md")
	code, _, errs := textaudit(t, append(seedArgs, "--format", "json", "-o", jsonPath, "--report", "sarif="+sarifPath, "--report", "markdown="+mdPath)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, p := range []string{jsonPath, sarifPath, mdPath} {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", p, err)
		}
	}
	code, out, errs := textaudit(t, "report", jsonPath, "--format", "markdown")
	want, _ := os.ReadFile(mdPath)
	if code != exitOK || out != string(want) {
		t.Errorf("report from JSON: exit %d (%s); markdown differs from the one written during the audit", code, errs)
	}
	code, out, _ = textaudit(t, "report", jsonPath, "--format", "explain")
	if code != exitOK || !strings.Contains(out, "Otras noticias") || !strings.Contains(out, "^^^") {
		t.Errorf("explain from JSON: exit %d\n%s", code, out)
	}
	if code, _, errs := textaudit(t, "audit", "--report", "sarif", "testdata/seeds"); code != exitUsage || !strings.Contains(errs, "FORMAT=FILE") {
		t.Errorf("bad --report: exit %d %q", code, errs)
	}
	if code, _, errs := textaudit(t, "report", filepath.Join(dir, "missing.json")); code != exitUsage || !strings.Contains(errs, "missing.json") {
		t.Errorf("missing JSON: exit %d %q", code, errs)
	}
}

func TestExplainPrintsFindingsInlineWithoutColourInPipes(t *testing.T) {
	code, out, errs := textaudit(t, "explain", "--now", "2026-11-23", "testdata/seeds/004_3e4f2c6dea3b26a0.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "52 │ Related Post") || !strings.Contains(out, "boilerplate.phrase") {
		t.Errorf("explain output lacks the inline finding:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour codes written to a non-terminal")
	}
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func TestColorFollowsTheFlagAndNoColor(t *testing.T) {
	tests := []struct {
		mode     string
		terminal bool
		noColor  string
		term     string
		want     bool
	}{
		{"auto", true, "", "xterm", true},
		{"auto", true, "1", "xterm", false},
		{"auto", true, "", "dumb", false},
		{"auto", false, "", "xterm", false},
		{"always", false, "1", "dumb", true},
		{"never", true, "", "xterm", false},
	}
	for _, tt := range tests {
		got, err := colorWanted(tt.mode, tt.terminal, tt.noColor, tt.term)
		if err != nil || got != tt.want {
			t.Errorf("colorWanted(%q, terminal %v, NO_COLOR=%q, TERM=%q) = %v, %v; want %v", tt.mode, tt.terminal, tt.noColor, tt.term, got, err, tt.want)
		}
	}
	if _, err := colorWanted("sometimes", true, "", ""); err == nil {
		t.Errorf("an unknown --color value is accepted")
	}
}

func TestAuditTableFitsColumnsAndColoursWhenAsked(t *testing.T) {
	t.Setenv("COLUMNS", "80")
	code, out, errs := textaudit(t, append(seedArgs, "--details")...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, line := range strings.Split(out, "\n") {
		if runewidth.StringWidth(line) > 80 {
			t.Errorf("line of %d columns with COLUMNS=80: %q", runewidth.StringWidth(line), line)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour in a pipe without --color always")
	}
	_, out, _ = textaudit(t, append(seedArgs, "--color", "always")...)
	if !strings.Contains(out, "\x1b[31m44.0\x1b[0m") {
		t.Errorf("--color always: the lowest score is not red:\n%s", out)
	}
	code, _, errs = textaudit(t, append(seedArgs, "--color", "often")...)
	if code != exitUsage || !strings.Contains(errs, "--color") {
		t.Errorf("--color often: exit %d %q", code, errs)
	}
}

func TestHelpShowsNoInternalDefaults(t *testing.T) {
	_, out, _ := textaudit(t, "audit", "--help")
	if strings.Contains(out, "default -1") {
		t.Errorf("help shows the internal default -1:\n%s", out)
	}
	if !strings.Contains(out, "--fail-under SCORE") {
		t.Errorf("help does not name --fail-under's argument:\n%s", out)
	}
}

func init() {
	// Tests compare output byte for byte: the caller's terminal settings must not leak in.
	os.Unsetenv("COLUMNS")
	os.Unsetenv("NO_COLOR")
}

func TestLineFormatHasOneFindingPerLine(t *testing.T) {
	code, out, errs := textaudit(t, append(seedArgs, "--format", "line", "--min-severity", "warning")...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	_, js, _ := textaudit(t, append(seedArgs, "--format", "json")...)
	var rep struct {
		Summary struct {
			BySeverity map[string]int `json:"by_severity"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	want := rep.Summary.BySeverity["warning"] + rep.Summary.BySeverity["error"]
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != want || want == 0 {
		t.Errorf("%d lines, want one per warning or error of the JSON report (%d)", len(lines), want)
	}
	wantLine := "testdata/seeds/002_85e05273389f8f37.txt:33:1: warning boilerplate.phrase: page furniture \"Otras noticias\""
	if !strings.Contains(out, wantLine) {
		t.Errorf("line output lacks %q:\n%s", wantLine, out)
	}
}

func TestMinSeverityKeepsTheSummaryConsistent(t *testing.T) {
	_, out, _ := textaudit(t, append(seedArgs, "--format", "json", "--min-severity", "error")...)
	var r struct {
		Files []struct {
			Findings []any `json:"findings"`
		} `json:"files"`
		Summary struct {
			Findings         int `json:"findings"`
			BelowMinSeverity int `json:"below_min_severity"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	listed := 0
	for _, f := range r.Files {
		listed += len(f.Findings)
	}
	if listed != 0 || r.Summary.Findings != 0 || r.Summary.BelowMinSeverity != 35 {
		t.Errorf("listed %d, summary %+v: want 0 listed, 0 counted and 35 below", listed, r.Summary)
	}
	_, out, _ = textaudit(t, append(seedArgs, "--min-severity", "error")...)
	if !strings.Contains(out, "5 files, 0 findings at or above error, 35 below error not shown") {
		t.Errorf("table summary:\n%s", out)
	}
}

func TestARunThatAuditsNoFileIsAnError(t *testing.T) {
	empty := t.TempDir()
	binOnly := t.TempDir()
	os.WriteFile(binOnly+"/logo.png", []byte("\x89PNG\x00\x00\x00"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"an empty folder", []string{"audit", "--fail-on", "warning", empty}, "the folders hold no file"},
		{"every file excluded", []string{"audit", "--exclude", "*.txt", "testdata/seeds"}, "--include/--exclude"},
		{"only binary files", []string{"audit", binOnly}, "1 file found, none of them text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := textaudit(t, tt.args...)
			if code != exitUsage || !strings.Contains(errs, "nothing to audit") || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d stderr %q, want 2 and %q", code, errs, tt.want)
			}
		})
	}
}

func TestReportPathsAreCheckedBeforeAuditing(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "out")
	os.Mkdir(folder, 0o755)
	same := filepath.Join(dir, "x.json")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"-o and --report on one file", []string{"-o", same, "--report", "sarif=" + same}, "write the same file"},
		{"two --report on one file", []string{"--report", "sarif=" + same, "--report", "json=" + same}, "write the same file"},
		{"--report into a folder", []string{"--report", "json=" + folder}, "is a folder"},
		{"-o into a folder", []string{"-o", folder, "--format", "json"}, "is a folder"},
		{"-o with an unknown extension", []string{"-o", filepath.Join(dir, "a.xyz")}, "pass --format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := textaudit(t, append(append([]string{}, seedArgs...), tt.args...)...)
			if code != exitUsage || !strings.Contains(errs, tt.want) || strings.Contains(errs, ".tmp-") {
				t.Errorf("exit %d stderr %q, want 2 and %q", code, errs, tt.want)
			}
		})
	}
}

func TestOutputFormatFollowsTheExtension(t *testing.T) {
	dir := t.TempDir()
	for ext, want := range map[string]string{".html": "<!DOCTYPE html>", ".sarif": `"version": "2.1.0"`, ".json": `"tool": "textaudit"`, ".md": "# textaudit report"} {
		out := filepath.Join(dir, "audit"+ext)
		if code, _, errs := textaudit(t, append(append([]string{}, seedArgs...), "-o", out)...); code != exitOK {
			t.Fatalf("%s: exit %d %s", ext, code, errs)
		}
		data, _ := os.ReadFile(out)
		if !strings.Contains(string(data), want) {
			t.Errorf("-o audit%s: file lacks %q", ext, want)
		}
	}
}

func TestReportFindsTextsFromAnotherFolderAndRejectsABaseline(t *testing.T) {
	dir := t.TempDir()
	saved, base := filepath.Join(dir, "a.json"), filepath.Join(dir, "base.json")
	if code, _, errs := textaudit(t, append(append([]string{}, seedArgs...), "-o", saved, "--write-baseline", base)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	code, out, errs := textaudit(t, "report", saved, "--format", "explain")
	if code != exitOK || strings.Contains(errs, "not available") || !strings.Contains(out, "Otras noticias") {
		t.Errorf("report from another folder: exit %d, stderr %q; want the texts found", code, errs)
	}
	page := filepath.Join(dir, "page.html")
	if code, _, errs := textaudit(t, "report", saved, "-o", page); code != exitOK {
		t.Errorf("report -o page.html: exit %d %s", code, errs)
	} else if data, _ := os.ReadFile(page); !strings.HasPrefix(string(data), "<!DOCTYPE html>") {
		t.Errorf("report -o page.html did not write HTML")
	}
	code, _, errs = textaudit(t, "report", base)
	if code != exitUsage || !strings.Contains(errs, "baseline file") {
		t.Errorf("a baseline given as a report: exit %d %q", code, errs)
	}
}

func TestReportReadsAbsoluteInputsOutsideTheAuditFolder(t *testing.T) {
	corpus := t.TempDir() // outside the working folder the audit runs in
	if err := os.WriteFile(filepath.Join(corpus, "a.txt"), []byte("A headline\n\nRelated Post\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(t.TempDir(), "a.json")
	if code, _, errs := textaudit(t, "audit", "--now", "2026-12-03", "-o", saved, corpus); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, out, errs := textaudit(t, "report", saved, "--format", "explain")
	if code != exitOK || strings.Contains(errs, "showing findings only") || !strings.Contains(out, "Related Post") {
		t.Errorf("report of an absolute input: exit %d, stderr %q; want its text", code, errs)
	}
}

func TestRuleDocumentsArePrintedByRulesAndExplain(t *testing.T) {
	for _, args := range [][]string{{"rules", "boilerplate.phrase"}, {"explain", "--rule", "boilerplate.phrase"}} {
		code, out, errs := textaudit(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d %s", args, code, errs)
		}
		for _, want := range []string{"# boilerplate.phrase", "default severity warning", "## What it looks for", "## Why it matters", "## Example", "Related Post", "docs/rules/boilerplate.phrase.md"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v lacks %q:\n%s", args, want, out)
			}
		}
	}
	if code, _, errs := textaudit(t, "rules", "no.such"); code != exitUsage || !strings.Contains(errs, "unknown rule") {
		t.Errorf("unknown rule: exit %d %q", code, errs)
	}
}

func TestGitHubFormatWritesTheStepSummary(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	code, out, errs := textaudit(t, append(append([]string{}, seedArgs...), "--format", "github", "--path-prefix", "news")...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "::warning file=news/testdata/seeds/") {
		t.Errorf("annotations lack the path prefix:\n%s", out)
	}
	data, err := os.ReadFile(summary)
	if err != nil || !strings.Contains(string(data), "## textaudit") || !strings.Contains(string(data), "`news/testdata/seeds/004_3e4f2c6dea3b26a0.txt`") {
		t.Errorf("step summary %v:\n%s", err, data)
	}
}

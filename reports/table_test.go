package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/textaudit/textaudit/audit"
)

func TestTableFitsTheWidth(t *testing.T) {
	r := sampleReport()
	// A long path and a long message make the natural table far wider than a terminal.
	r.Files[0].Path = "corpus/a/very/deeply/nested/folder/of/scraped/articles/2017/syria/a.txt"
	for i := range r.Files[0].Findings {
		r.Files[0].Findings[i].Path = r.Files[0].Path
	}
	for _, width := range []int{60, 72, 80, 100, 120} {
		for _, details := range []bool{false, true} {
			var buf bytes.Buffer
			if err := Table(&buf, r, Options{Width: width, Details: details, Provenance: true}); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(buf.String(), "\n") {
				if runewidth.StringWidth(line) > width {
					t.Errorf("width %d, details %v: line of %d columns: %q", width, details, runewidth.StringWidth(line), line)
				}
			}
			if !strings.Contains(buf.String(), "a.txt") {
				t.Errorf("width %d: the file name was cut away:\n%s", width, buf.String())
			}
		}
	}
}

func TestTableListsWorstFilesFirstAndTheSummaryLast(t *testing.T) {
	out := render(t, "table", Options{Width: 80})
	a, b := strings.Index(out, "corpus/a.txt"), strings.Index(out, "corpus/b.txt")
	if a < 0 || b < 0 || a > b {
		t.Errorf("the lower-scoring a.txt should come first:\n%s", out)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "2 files, 3 findings") {
		t.Errorf("last line %q is not the summary", last)
	}
}

func TestTableShowsProvenanceOnlyWhenAskedOrWhenItFits(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		want bool
	}{
		{"no limit: it fits", Options{}, true},
		{"wide enough: it fits", Options{Width: 120}, true},
		{"too narrow: left out", Options{Width: 50}, false},
		{"too narrow but --provenance", Options{Width: 50, Provenance: true}, true},
		{"too narrow but --details", Options{Width: 50, Details: true}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Contains(render(t, "table", tt.opt), "Reuters")
			if got != tt.want {
				t.Errorf("provenance shown %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSummaryCountsOnlyTheFindingsShown(t *testing.T) {
	tests := []struct {
		min  audit.Severity
		want string
	}{
		{audit.Info, "2 files, 3 findings (1 error, 1 warning, 1 info), mean score 93.0, lowest 86.0"},
		{audit.Warning, "2 files, 2 findings at or above warning (1 error, 1 warning), 1 below warning not shown, mean score 93.0, lowest 86.0"},
		{audit.Error, "2 files, 1 finding at or above error (1 error), 2 below error not shown, mean score 93.0, lowest 86.0"},
	}
	for _, tt := range tests {
		if got := SummaryLine(sampleReport(), tt.min); got != tt.want {
			t.Errorf("min %s:\ngot  %s\nwant %s", tt.min, got, tt.want)
		}
	}
	if got := SummaryLine(&audit.Report{Files: []audit.FileReport{{Path: "a", Score: 100}}}, audit.Info); got != "1 file, 0 findings, mean score 100.0, lowest 100.0" {
		t.Errorf("one file: %q", got)
	}
}

func TestTableColoursScoresAndSeveritiesOnlyWhenAsked(t *testing.T) {
	plain := render(t, "table", Options{Details: true})
	if strings.Contains(plain, "\x1b[") {
		t.Errorf("colour codes without Color")
	}
	coloured := render(t, "table", Options{Details: true, Color: true})
	for _, want := range []string{ansiRed + "error" + ansiReset, ansiYellow + "warning" + ansiReset, ansiGreen + "100.0" + ansiReset} {
		if !strings.Contains(coloured, want) {
			t.Errorf("coloured table lacks %q", want)
		}
	}
}

func TestExplainColoursTheSeverityWord(t *testing.T) {
	out := render(t, "explain", Options{Color: true})
	if !strings.Contains(out, ansiYellow+"warning boilerplate.phrase"+ansiReset) {
		t.Errorf("the severity and rule are not coloured:\n%q", out)
	}
	if strings.Contains(out, ansiYellow+ansiReset) {
		t.Errorf("a colour is reset before the text it colours")
	}
}

func TestWrapTextAndCutFromLeft(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"a bb ccc", 4, []string{"a bb", "ccc"}},
		{"abcdefgh", 3, []string{"abc", "def", "gh"}},
		{"date\u00a0−4, spin\u00a0−40", 9, []string{"date −4,", "spin −40"}},
		{"", 5, []string{""}},
	}
	for _, tt := range tests {
		if got := wrapText(tt.in, tt.width); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
	if got := cutFromLeft("corpus/deep/a.txt", 8); got != "…p/a.txt" {
		t.Errorf("cutFromLeft = %q", got)
	}
}

package date

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/audit/audittest"
)

// TestFixturesGetTheExpectedDateVerdict runs the date family through the engine on the
// invented fixtures in testdata/ and checks testdata/expect.tsv, which keeps each case's
// verdict and facts next to its text.
func TestFixturesGetTheExpectedDateVerdict(t *testing.T) {
	reg, err := audit.NewRegistry(Rules(), Analyses()...)
	if err != nil {
		t.Fatal(err)
	}
	audittest.Run(t, "testdata", reg, &audit.Config{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
}

func TestJudgePrefersTheFirstPublicationOverARevision(t *testing.T) {
	doc := audit.NewDocument("x.txt", "Title\n\nUpdated: 5 March 2005\nPublished: 3 March 2005\n\nBody text here.\n")
	v := judge(NewLocator().Locate(doc, "en"), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), 1900, 1)
	if v.Best == nil || v.Best.Date.ISO() != "2005-03-03" {
		t.Fatalf("best = %+v, want the published date 2005-03-03", v.Best)
	}
}

func TestJudgePrefersADatedHeaderOverAYearlessDateline(t *testing.T) {
	doc := audit.NewDocument("x.txt", "Title\n\nMOSCOW, Oct. 7 (Xinhua) - Lead text.\n\nPosted on 2006-10-07 09:52\n")
	v := judge(NewLocator().Locate(doc, "en"), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), 1900, 1)
	if v.kind != fullVerdict || v.Best.Date.ISO() != "2006-10-07" {
		t.Fatalf("verdict %v best %+v, want full 2006-10-07", v.kind, v.Best)
	}
}

func TestLocateSurvivesEmptyAndOddDocuments(t *testing.T) {
	for _, text := range []string{"", "\n\n\n", "\x00\xff\xfe", strings.Repeat("(", 10000), strings.Repeat("MOSCOW, ", 2000)} {
		doc := audit.NewDocument("odd.txt", text)
		_ = judge(NewLocator().Locate(doc, ""), time.Now(), 1900, 1)
	}
}

func TestParamsOfOneRuleServeTheWholeFamily(t *testing.T) {
	reg, err := audit.NewRegistry(Rules(), Analyses()...)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	text := "A headline\n\nSome residue line\n\nAnother residue line\n\nLONDON, March 3, 2005 (Reuters) - The committee met on Tuesday.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, yaml, rule string
	}{
		{"defaults find the dateline", "", "-"},
		{"date.missing's locator params narrow the search for every rule: the dateline falls outside, the lead's weekday stays", "params:\n  date.missing: {header_lines: 2, dateline_paragraphs: 2}\n", "date.partial"},
		{"date.implausible's floor year judges the found date", "params:\n  date.implausible: {floor_year: 2010}\n", "date.implausible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := audit.ParseConfig([]byte(tt.yaml), reg)
			if err != nil {
				t.Fatal(err)
			}
			cfg.Now = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
			res, err := audit.Run([]string{path}, audit.Options{Registry: reg, Config: cfg})
			if err != nil {
				t.Fatal(err)
			}
			got := "-"
			if fs := res.Files[0].Findings; len(fs) > 0 {
				got = fs[0].Rule
			}
			if got != tt.rule {
				t.Errorf("finding %s, want %s", got, tt.rule)
			}
		})
	}
}

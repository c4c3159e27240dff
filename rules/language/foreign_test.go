package language

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/audit/audittest"
)

// runRule runs one rule over text and returns its findings and facts.
func runRule(t testing.TB, r *audit.Rule, cfg *audit.Config, path, text string) ([]audit.Finding, map[string]any) {
	t.Helper()
	if cfg == nil {
		cfg = &audit.Config{}
	}
	reg, err := audit.NewRegistry([]*audit.Rule{r})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, filepath.Base(path))
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := audit.Run([]string{file}, audit.Options{Registry: reg, Config: cfg, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 {
		t.Fatalf("want one file report, got %d (skipped %v, errors %v)", len(res.Files), res.Skipped, res.Errors)
	}
	return res.Files[0].Findings, res.Files[0].Facts
}

func fixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// flagged lists "line:language" for each finding, in order.
func flagged(fs []audit.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, itoa(f.Line)+":"+f.Evidence["language"].(string))
	}
	return out
}

func itoa(n int) string {
	var b strings.Builder
	if n >= 10 {
		b.WriteString(itoa(n / 10))
	}
	b.WriteByte(byte('0' + n%10))
	return b.String()
}

// TestForeignPassage checks the invented fixtures in testdata/ against testdata/expect.tsv.
func TestForeignPassage(t *testing.T) {
	reg, err := audit.NewRegistry([]*audit.Rule{ForeignPassage})
	if err != nil {
		t.Fatal(err)
	}
	audittest.Run(t, "testdata", reg, nil)
}

func TestConfiguredCandidatesStillNameTheirLanguages(t *testing.T) {
	cfg := &audit.Config{Languages: []string{"en", "fr", "de", "es"}}
	fs, facts := runRule(t, ForeignPassage, cfg, "english_with_foreign.txt", fixture(t, "english_with_foreign.txt"))
	if got, want := flagged(fs), []string{"7:fr", "11:de", "15:es"}; facts["language"] != "en" || !reflect.DeepEqual(got, want) {
		t.Errorf("language %v, flagged %v; want en and %v", facts["language"], got, want)
	}
}

func TestForeignPassageEvidenceNamesBothLanguages(t *testing.T) {
	fs, _ := runRule(t, ForeignPassage, nil, "doc.txt", fixture(t, "english_with_foreign.txt"))
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	ev := fs[0].Evidence
	for _, key := range []string{"language", "language_name", "confidence", "document_language", "document_confidence", "method"} {
		if _, ok := ev[key]; !ok {
			t.Errorf("evidence lacks %q: %v", key, ev)
		}
	}
	if ev["document_language"] != "en" || ev["language_name"] != "French" {
		t.Errorf("evidence = %v, want French in an English document", ev)
	}
	if c, _ := ev["confidence"].(float64); c <= 0.5 {
		t.Errorf("confidence %v, want a clear lead", c)
	}
}

func TestForeignPassageShortOrEmptyDocuments(t *testing.T) {
	tests := []struct{ name, text string }{
		{"an empty file has no language and no findings", ""},
		{"a file of digits and punctuation has no findings", "12 345 --- 678 ... !!!\n"},
		{"a single foreign word is never a passage", "The word of the day is noticias, and it was used twice.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, _ := runRule(t, ForeignPassage, nil, "doc.txt", tt.text)
			if len(fs) != 0 {
				t.Errorf("got %d findings: %v", len(fs), fs[0].Message)
			}
		})
	}
}

func TestBlockOfShortLinesIsJudgedLineByLine(t *testing.T) {
	text := "Harbour budget approved after long debate\n\n" +
		"The city council voted on Tuesday to approve a new budget for the harbour district, after a debate that lasted most of the afternoon.\n\n" +
		"Officials said the first works would begin in the spring and that residents would be kept informed at every stage.\n\n" +
		"More stories\nNoticias del día para toda la familia\nFerry fares to rise in May\n"
	fs, _ := runRule(t, ForeignPassage, nil, "doc.txt", text)
	if got := flagged(fs); !reflect.DeepEqual(got, []string{"8:es"}) {
		t.Errorf("flagged %v, want only the Spanish line 8", got)
	}
}

func TestConfigRejectsUnknownLanguageCodes(t *testing.T) {
	reg, err := audit.NewRegistry(Rules())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		yaml string
		ok   bool
	}{
		{"languages: [en, es, ru, ar]\n", true},
		{"languages: [en, xx]\n", false},
		{"languages: [english]\n", false},
	} {
		_, err := audit.ParseConfig([]byte(tt.yaml), reg)
		if (err == nil) != tt.ok {
			t.Errorf("%q: error %v, want ok=%v", tt.yaml, err, tt.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "languages[") {
			t.Errorf("error %q does not name the key", err)
		}
	}
}

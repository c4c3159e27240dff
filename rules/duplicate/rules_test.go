package duplicate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// run audits files with this family's rules (and provenance credits) through the engine and
// returns each file's findings by base name.
func run(t *testing.T, files []string, reference []string) map[string][]audit.Finding {
	t.Helper()
	out := map[string][]audit.Finding{}
	for name, fr := range runResult(t, files, reference) {
		out[name] = fr.Findings
	}
	return out
}

func byRule(fs []audit.Finding, rule string) []audit.Finding {
	var out []audit.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestWithinFile(t *testing.T) {
	got := byRule(run(t, []string{"testdata/within.txt"}, nil)["within.txt"], "duplicate.within")
	cases := []struct {
		name            string
		line, otherLine int
		kind            string
	}{
		{"an edited repeat is reported on the later copy", 9, 5, "near"},
		{"an exact repeat is reported on the later copy", 11, 3, "exact"},
	}
	if len(got) != len(cases) {
		t.Fatalf("got %d findings, want %d: %+v", len(got), len(cases), got)
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := got[i]
			if f.Line != c.line || f.Evidence["counterpart_line"] != c.otherLine || f.Evidence["kind"] != c.kind {
				t.Errorf("finding at line %d naming line %v (%v), want %d naming %d (%s)", f.Line, f.Evidence["counterpart_line"], f.Evidence["kind"], c.line, c.otherLine, c.kind)
			}
		})
	}
}

func TestCrossFile(t *testing.T) {
	dir := "testdata/corpus"
	harbour, island, unrelated := filepath.Join(dir, "harbour.txt"), filepath.Join(dir, "islandnews.txt"), filepath.Join(dir, "unrelated.txt")
	all := run(t, []string{harbour, island, unrelated}, nil)
	cases := []struct {
		name, file, rule string
		line             int
		mention          string // in the message
	}{
		{"a reworded paragraph is reported on the copy", "islandnews.txt", "duplicate.cross", 5, "harbour.txt line 5"},
		{"and on its source, naming the copy", "harbour.txt", "duplicate.cross", 5, "islandnews.txt line 5"},
		{"the synonym swaps prove spinning", "islandnews.txt", "spin.aligned-copy", 5, "harbour.txt"},
		{"the uncredited copy inherits the source's credit", "islandnews.txt", "provenance.inherited", 5, "Reuters"},
		{"the source's dateline is a credit", "harbour.txt", "provenance.credit", 3, "Reuters"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := byRule(all[c.file], c.rule)
			if len(fs) != 1 {
				t.Fatalf("%s: %d %s findings, want 1: %+v", c.file, len(fs), c.rule, all[c.file])
			}
			if fs[0].Line != c.line || !strings.Contains(fs[0].Message, c.mention) {
				t.Errorf("line %d %q, want line %d mentioning %q", fs[0].Line, fs[0].Message, c.line, c.mention)
			}
		})
	}
	t.Run("swaps are listed in the evidence", func(t *testing.T) {
		f := byRule(all["islandnews.txt"], "duplicate.cross")[0]
		subs, _ := f.Evidence["substitutions"].([]string)
		if !strings.Contains(strings.Join(subs, ";"), "extra → additional") {
			t.Errorf("substitutions %q lack extra → additional", subs)
		}
	})
	t.Run("an unrelated file has no duplicate findings", func(t *testing.T) {
		for _, f := range all["unrelated.txt"] {
			if f.Category == audit.Duplicate || f.Category == audit.Spin {
				t.Errorf("false alarm: %+v", f)
			}
		}
	})
}

func TestReferenceFilesAreComparedButNotReported(t *testing.T) {
	dir := "testdata/corpus"
	got := run(t, []string{filepath.Join(dir, "islandnews.txt")}, []string{filepath.Join(dir, "harbour.txt"), filepath.Join(dir, "unrelated.txt")})
	if _, ok := got["harbour.txt"]; ok {
		t.Errorf("reference file was reported")
	}
	if n := len(byRule(got["islandnews.txt"], "duplicate.cross")); n != 1 {
		t.Errorf("audited copy has %d cross findings, want 1", n)
	}
}

func TestWholeDocumentCopiesAreReportedOncePerPair(t *testing.T) {
	dir := t.TempDir()
	text := "Mountain railway reopens\n\nThe mountain railway between Kessel and Obertal reopened on Friday after engineers cleared a landslide that had blocked the line for nine days.\n\nTourism officials in Obertal said hotel bookings had fallen by a third while the line was closed for repairs.\n"
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	writeFile(t, a, text)
	writeFile(t, b, text)
	got := run(t, []string{a, b}, nil)
	docs := len(byRule(got["a.txt"], "duplicate.document")) + len(byRule(got["b.txt"], "duplicate.document"))
	passages := len(byRule(got["a.txt"], "duplicate.cross")) + len(byRule(got["b.txt"], "duplicate.cross"))
	if docs != 1 || passages != 0 {
		t.Errorf("document findings %d, passage findings %d; want 1 and 0", docs, passages)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCopyMustCoverAParagraphOnOneSide draws the line between a copied paragraph and the
// wording two reports of one story share: a shared sentence inside two otherwise different
// paragraphs is not a duplicate.cross finding; a paragraph standing whole inside a longer
// one is, on both files.
func TestCopyMustCoverAParagraphOnOneSide(t *testing.T) {
	quote := `The minister said the harbour dredging contract would be signed "before the autumn storms close the bay to heavy shipping for the winter".`
	cases := []struct {
		name      string
		a, b      string
		wantCross int // duplicate.cross findings on the two files together
	}{
		{
			name:      "a quote shared inside two different paragraphs is not a copy",
			a:         "Harbour works\n\nPORT ELWIN (Reuters) - Fishermen protested outside the council offices on Monday over the delays. " + quote + " Opposition councillors called the timetable unrealistic.\n",
			b:         "Bay shipping\n\nShipping agents welcomed the announcement but warned about costs for small operators. " + quote + " Ferry operators have not yet published their winter timetables.\n",
			wantCross: 0,
		},
		{
			name:      "a paragraph standing whole inside a longer one is a copy on both files",
			a:         "Harbour works\n\nPORT ELWIN (Reuters) - " + quote + "\n\nFishermen in Port Elwin protested outside the council offices on Monday over the delays.\n",
			b:         "Bay shipping\n\nShipping agents welcomed the announcement but warned about costs for small operators. " + quote + " Ferry operators have not yet published their winter timetables.\n",
			wantCross: 2,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
			writeFile(t, a, c.a)
			writeFile(t, b, c.b)
			got := run(t, []string{a, b}, nil)
			n := len(byRule(got["a.txt"], "duplicate.cross")) + len(byRule(got["b.txt"], "duplicate.cross"))
			if n != c.wantCross {
				t.Errorf("%d duplicate.cross findings, want %d: %+v", n, c.wantCross, got)
			}
			// a.txt is credited to Reuters: only a copy, not a shared quote, passes the credit on.
			inherited := len(byRule(got["b.txt"], "provenance.inherited"))
			if (inherited > 0) != (c.wantCross > 0) {
				t.Errorf("%d provenance.inherited findings on b.txt with %d copies", inherited, c.wantCross)
			}
		})
	}
}

package duplicate

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// withinFindings audits one text alone and returns its duplicate.within findings' lines.
func withinFindings(t *testing.T, text string) []int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "f.txt")
	writeFile(t, path, text)
	var lines []int
	for _, f := range byRule(run(t, []string{path}, nil)["f.txt"], "duplicate.within") {
		lines = append(lines, f.Line)
	}
	return lines
}

func paragraphs(ps ...string) string { return strings.Join(ps, "\n\n") + "\n" }

const (
	bodyA = "The harbour authority said on Monday that the dredging of the northern channel would take another two years to finish."
	bodyB = "Fishermen in the bay have complained for months that the works drive the shoals further out to sea every season."
)

func TestWithinLeavesFormulaicTextAlone(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []int // lines of duplicate.within findings
	}{
		{"a repeated paragraph is a repeat", paragraphs("Title", bodyA, bodyB, bodyA), []int{7}},
		{"share lines that differ only in a name are one template",
			paragraphs("Title", bodyA, "Click here to share this story on Twitter (opens in a new window)", "Click here to share this story on Facebook (opens in a new window)"), nil},
		{"gallery captions that differ only in their numbers are one template",
			paragraphs("Title", bodyA, "Hide Caption 2 of 23 Photos: The rise and fall of the old harbour", "Hide Caption 3 of 23 Photos: The rise and fall of the old harbour"), nil},
		{"a dateline added in front of a repeat is an edit, not a template",
			paragraphs("Title", "PORT ELWIN (Reuters) - "+bodyA, bodyB, bodyA), []int{7}},
		{"parallel list entries are not copies",
			paragraphs("Title", bodyA,
				"Mississippi — There is no early voting in Mississippi, and absentee ballots must reach the clerk by Friday.",
				"Alabama — There is no early voting in Alabama, and absentee ballots must be requested from the clerk by Friday."), nil},
		{"rows of figures are a table, not copies",
			paragraphs("Title", bodyA, "1986/87 1985/86 04/09/87 03/09/87 04/09/87 03/09/87 Planted 76.7 76.7", "1986/87 1985/86 04/09/87 03/09/87 04/09/87 03/09/87 Harvested 69.2 69.2"), nil},
		{"a list of file paths is not a copy",
			paragraphs("Title", bodyA, "/srv/archive/2016/harbour/images/dredging/north/channel_0001.jpg", "/srv/archive/2016/harbour/images/dredging/north/channel_0002.jpg"), nil},
		{"links that differ by an id are not copies",
			paragraphs("Title", bodyA, "https://news.example.org/harbour/dredging/story?id=48213&section=local&page=2", "https://news.example.org/harbour/dredging/story?id=48214&section=local&page=2"), nil},
		{"letter addresses that differ in the addressee are one formula",
			paragraphs("Title", bodyA,
				"The Honorable Jane Smith, Chairman, Committee on Harbours and Fisheries, House of Representatives, Port Elwin",
				"The Honorable John Doe, Ranking Member, Committee on Harbours and Fisheries, House of Representatives, Port Elwin"), nil},
		{"a caption restating a hard-wrapped lead is left to the boilerplate family",
			"Title\n\nDock workers at the northern port walked off the job on Monday after talks over pay broke down (Photo: Jane Doe/Harbour Times)\n\n" +
				"    Dock workers at the northern port walked off the job on\nMonday after talks over pay broke down. Dozens of ships were\nleft waiting at anchor outside the breakwater on Tuesday.\n" +
				"    The union said its members would stay out until the port\nauthority returned to the table with a better offer.\n", nil},
		{"the same line without a credit is a repeat, reported on the later sentence",
			"Title\n\nDock workers at the northern port walked off the job on Monday after talks over pay broke down.\n\n" +
				"    Dock workers at the northern port walked off the job on\nMonday after talks over pay broke down. Dozens of ships were\nleft waiting at anchor outside the breakwater on Tuesday.\n" +
				"    The union said its members would stay out until the port\nauthority returned to the table with a better offer.\n", []int{5}},
		{"a caption restating the lead is left to the boilerplate family",
			paragraphs("Title", "The harbour authority said on Monday that the dredging of the northern channel would take another two years (Photo: Jane Doe/Harbour Times)", bodyA, bodyB), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := withinFindings(t, c.text); fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("findings on lines %v, want %v", got, c.want)
			}
		})
	}
}

func TestAPatternRepeatedManyTimesIsOneFinding(t *testing.T) {
	line := "Note - the figures exclude broken kernels and do not include the stocks held by the government."
	ps := []string{"Title", bodyA}
	for i := 0; i < 30; i++ {
		ps = append(ps, line)
	}
	path := filepath.Join(t.TempDir(), "f.txt")
	writeFile(t, path, paragraphs(ps...))
	fs := byRule(run(t, []string{path}, nil)["f.txt"], "duplicate.within")
	if len(fs) != 1 {
		t.Fatalf("%d findings, want one grouped finding: %+v", len(fs), fs)
	}
	if fs[0].Line != 7 || fs[0].Evidence["repeats"] != 29 {
		t.Errorf("finding at line %d with %v repeats, want line 7 with 29", fs[0].Line, fs[0].Evidence["repeats"])
	}
}

func TestCrossLeavesSharedQuotesAndTemplatesAlone(t *testing.T) {
	quote := `“We will not go back to work until the port authority comes to the table with a real offer for the night shifts,”`
	cases := []struct {
		name      string
		a, b      string
		wantCross int
	}{
		{"a quote two reports share, each with its own attribution, is not a copy",
			paragraphs("Dockers strike", bodyA, quote+" said union leader Ann Marsh."),
			paragraphs("Port dispute", bodyB, quote+" Marsh told reporters outside the gates."), 0},
		{"a paragraph copied word for word is a copy even when it is a quote",
			paragraphs("Dockers strike", bodyA, quote+" said union leader Ann Marsh."),
			paragraphs("Port dispute", bodyB, quote+" said union leader Ann Marsh."), 2},
		{"one template filled in with other figures is not a copy",
			paragraphs("Harbour results", "Harbour Holdings said net profit for the year rose to 41.2 mln dlrs from 38.7 mln dlrs, on revenue of 210 mln dlrs."),
			paragraphs("Ferry results", "Island Ferries said net profit for the year rose to 12.9 mln dlrs from 11.3 mln dlrs, on revenue of 96 mln dlrs."), 0},
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
		})
	}
}

func TestShapes(t *testing.T) {
	cases := []struct {
		text     string
		notProse bool
		label    string
	}{
		{"The harbour reopened on Monday after nine days.", false, ""},
		{"Planted 76.7 76.7 83.4 83.4 Harvested 69.2 69.2", true, ""},
		{"pic.twitter.com/x1y2z3 news.example.org/harbour", true, ""},
		{"See https://example.org/a/b for the full timetable of ferries this winter", false, ""},
		{"Mississippi — There is no early voting in Mississippi.", false, "mississippi"},
		{"Q3 revenue: 41.2 vs 38.7", true, "q3 revenue"},
		{"The minister said: the works go on.", false, "the minister said"},
		{"A very long opening clause that goes on for many words — then a dash.", false, ""},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			toks := Tokenize(c.text, nil)
			if got := notProse(c.text, toks); got != c.notProse {
				t.Errorf("notProse = %v, want %v", got, c.notProse)
			}
			if got := entryLabel(c.text); got != c.label {
				t.Errorf("entryLabel = %q, want %q", got, c.label)
			}
		})
	}
}

func TestSentencesRepeatingOneParagraphAreOneFinding(t *testing.T) {
	lead := "The harbour authority said on Monday that the dredging would take two more years. Fishermen in the bay have complained for months about the noise of the works."
	cases := []struct {
		name string
		text string
		want []int
	}{
		{"a paragraph whose two sentences repeat the lead's is one finding",
			paragraphs("Title", lead, bodyB, "Officials spoke briefly. "+lead+" More talks are planned."), []int{7}},
		{"a line repeating its own sentence is one finding",
			paragraphs("Title", bodyB, lead+" "+lead), []int{5}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := withinFindings(t, c.text); fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("findings on lines %v, want %v", got, c.want)
			}
		})
	}
}

func TestJoinWrappedSentences(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string
	}{
		{"lines of one wrapped sentence are one sentence",
			"    Dock workers walked off the job on\nMonday after talks broke down. Ships\nwaited outside.", []string{"Dock workers walked off the job on\nMonday after talks broke down.", "Ships\nwaited outside."}},
		{"a line ending a sentence stays apart from the next",
			"The strike began.\nThe port closed.", []string{"The strike began.", "The port closed."}},
		{"sentences of one unwrapped line are kept as the splitter cut them",
			"The strike began. The port closed.", []string{"The strike began.", "The port closed."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := audit.NewDocument("x.txt", c.text)
			var got []string
			for _, p := range doc.Paragraphs {
				for _, s := range joinWrappedSentences(doc.Text, doc.Sentences(p.Index)) {
					got = append(got, strings.TrimSpace(doc.Text[s.Start:s.End]))
				}
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

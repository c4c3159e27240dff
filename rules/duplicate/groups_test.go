package duplicate

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/provenance"
	"github.com/textaudit/textaudit/rules/spin"
)

// Invented paragraphs: a story about a mountain railway, told twice with light edits, and
// unrelated paragraphs that make each telling its own article.
var (
	storyShared = []string{
		"The mountain railway between Kessel and Obertal reopened on Friday after engineers cleared a landslide that had blocked the line for nine days.",
		"Tourism officials in Obertal said hotel bookings had fallen by a third while the line was closed, and that several guesthouses had let staff go.",
		"The regional transport minister, Lena Vogt, promised 14 million francs for nets and sensors on the slopes above the tunnel at Brandegg.",
	}
	storyEdited = []string{
		"The mountain railway between Kessel and Obertal reopened on Friday after engineers removed a landslide that had blocked the line for nine days.",
		"Tourism officials in Obertal said hotel bookings had dropped by a third while the line was closed, and that several guesthouses had let staff go.",
		"The regional transport minister, Lena Vogt, pledged 14 million francs for nets and sensors on the slopes above the tunnel at Brandegg.",
	}
	otherA = []string{
		"Passengers queued from early morning at Kessel station, many of them carrying skis for the first weekend of the season at the Hohwand lifts.",
		"A spokesman for the operator said timetables would return to normal on Monday once the last safety inspections of the bridges are finished.",
	}
	otherB = []string{
		"Farmers in the valley have long complained that the slopes were left unmanaged after a forestry programme ended in 2009 for lack of funds.",
		"Geologists from the university at Sarnbach will survey the hillside again in spring, when melting snow makes slides more likely.",
		"Opposition councillors asked why warnings from a 2021 survey about loose rock above the line had not been acted on sooner.",
	}
)

func article(title string, paragraphs ...[]string) string {
	var all []string
	for _, ps := range paragraphs {
		all = append(all, ps...)
	}
	return title + "\n\n" + strings.Join(all, "\n\n") + "\n"
}

// runResult audits files with this family's rules, the provenance family's and spin.aligned-copy.
func runResult(t *testing.T, files, reference []string) map[string]audit.FileReport {
	t.Helper()
	reg, err := audit.NewRegistry(append(append(Rules(), provenance.Rules()...), spin.AlignedCopy), Analyses()...)
	if err != nil {
		t.Fatal(err)
	}
	res, err := audit.Run(files, audit.Options{Registry: reg, Reference: reference, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]audit.FileReport{}
	for _, f := range res.Files {
		out[filepath.Base(f.Path)] = f
	}
	return out
}

func TestSharedStoryIsOneFindingPerFile(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "first.txt"), filepath.Join(dir, "second.txt")
	writeFile(t, a, article("Railway reopens", otherA[:1], storyShared, otherA[1:]))
	writeFile(t, b, article("Landslide line back in service", storyEdited, otherB))
	got := runResult(t, []string{a, b}, nil)
	cases := []struct {
		name, file             string
		firstLine, lastLine    int
		counterpart            string
		counterpartFirstShared int
	}{
		{"the file with the story in the middle spans its shared lines", "first.txt", 5, 9, "second.txt", 3},
		{"the other file names the first", "second.txt", 3, 7, "first.txt", 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := got[c.file].Findings
			if n := len(byRule(fs, "duplicate.cross")); n != 0 {
				t.Errorf("%d per-passage cross findings, want none: the pair is one fact", n)
			}
			story := byRule(fs, "provenance.shared-story")
			if len(story) != 1 {
				t.Fatalf("%d shared-story findings, want 1: %+v", len(story), fs)
			}
			f := story[0]
			if f.Line != c.firstLine || f.EndLine != c.lastLine {
				t.Errorf("lines %d–%d, want %d–%d", f.Line, f.EndLine, c.firstLine, c.lastLine)
			}
			if !strings.HasSuffix(f.Evidence["counterpart_path"].(string), c.counterpart) || f.Evidence["counterpart_line"] != c.counterpartFirstShared {
				t.Errorf("counterpart %v line %v, want %s line %d", f.Evidence["counterpart_path"], f.Evidence["counterpart_line"], c.counterpart, c.counterpartFirstShared)
			}
			if ps := f.Evidence["passages"].([]storyPassage); len(ps) != 3 {
				t.Errorf("%d passages in evidence, want 3: %+v", len(ps), ps)
			}
		})
	}
	t.Run("the swaps are in the evidence", func(t *testing.T) {
		ps := byRule(got["second.txt"].Findings, "provenance.shared-story")[0].Evidence["passages"].([]storyPassage)
		if !strings.Contains(fmt.Sprint(ps), "cleared → removed") {
			t.Errorf("passages %+v lack cleared → removed", ps)
		}
	})
	t.Run("both files list the pair in their provenance fact", func(t *testing.T) {
		fact, _ := got["first.txt"].Facts["provenance"].(provenance.Fact)
		if len(fact.SharedWith) != 1 || fact.SharedWith[0].Kind != "shared-story" || fact.SharedWith[0].Line != 5 {
			t.Errorf("fact %+v, want one shared-story entry at line 5", fact)
		}
	})
}

func TestOnePassageInAnOtherwiseDifferentFileStaysAPassageFinding(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "first.txt"), filepath.Join(dir, "second.txt")
	writeFile(t, a, article("Railway reopens", otherA[:1], storyShared[:1], otherA[1:]))
	writeFile(t, b, article("Valley farmers", otherB[:2], storyShared[:1], otherB[2:]))
	got := runResult(t, []string{a, b}, nil)
	for _, name := range []string{"first.txt", "second.txt"} {
		fs := got[name].Findings
		if len(byRule(fs, "duplicate.cross")) != 1 || len(byRule(fs, "provenance.shared-story")) != 0 {
			t.Errorf("%s: want one cross finding and no shared story, got %+v", name, fs)
		}
	}
}

func TestGroupsOfCopiesAreReportedOncePerFile(t *testing.T) {
	text := article("Railway reopens", otherA, storyShared)
	cases := []struct {
		name      string
		audited   int // the first audited files of the group; the rest are reference files
		copies    int
		wantOn    []string
		wantNamed string
	}{
		{"four identical files give three findings naming the first", 4, 4, []string{"c1.txt", "c2.txt", "c3.txt"}, "c0.txt"},
		{"two identical files give one finding", 2, 2, []string{"c1.txt"}, "c0.txt"},
		{"only the first audited names the second", 1, 3, []string{"c0.txt"}, "c1.txt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			var files []string
			for i := range c.copies {
				p := filepath.Join(dir, fmt.Sprintf("c%d.txt", i))
				writeFile(t, p, text)
				files = append(files, p)
			}
			got := runResult(t, files[:c.audited], files[c.audited:])
			var on []string
			for name, fr := range got {
				if len(byRule(fr.Findings, "duplicate.cross"))+len(byRule(fr.Findings, "provenance.shared-story")) > 0 {
					t.Errorf("%s: per-passage or story findings on identical files: %+v", name, fr.Findings)
				}
				for _, f := range byRule(fr.Findings, "duplicate.document") {
					on = append(on, name)
					if filepath.Base(f.Evidence["counterpart_path"].(string)) != c.wantNamed || f.Evidence["group_size"] != c.copies || f.Evidence["kind"] != "identical" {
						t.Errorf("%s: evidence %v, want %s named, group of %d, identical", name, f.Evidence, c.wantNamed, c.copies)
					}
				}
			}
			if strings.Join(sorted(on), ",") != strings.Join(c.wantOn, ",") {
				t.Errorf("findings on %v, want %v", sorted(on), c.wantOn)
			}
		})
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestProvenanceFactListsCopiesAndInheritedCredits(t *testing.T) {
	dir := "testdata/corpus"
	got := runResult(t, []string{filepath.Join(dir, "harbour.txt"), filepath.Join(dir, "islandnews.txt"), filepath.Join(dir, "unrelated.txt")}, nil)
	island, _ := got["islandnews.txt"].Facts["provenance"].(provenance.Fact)
	harbour, _ := got["harbour.txt"].Facts["provenance"].(provenance.Fact)
	cases := []struct {
		name string
		ok   bool
	}{
		{"the spun copy lists its source under copied_from", len(island.CopiedFrom) == 1 && strings.HasSuffix(island.CopiedFrom[0].Path, "harbour.txt") && island.CopiedFrom[0].Line == 5 && island.CopiedFrom[0].Kind == "spun"},
		{"the source lists the copy under copied_to", len(harbour.CopiedTo) == 1 && strings.HasSuffix(harbour.CopiedTo[0].Path, "islandnews.txt") && harbour.CopiedTo[0].CounterpartLine == 5},
		{"the copy inherits the source's Reuters credit", len(island.Inherited) == 1 && island.Inherited[0].Agency == "Reuters" && strings.HasSuffix(island.Inherited[0].Via, "harbour.txt")},
		{"the source keeps its own credits", strings.Join(harbour.Credits, ",") == "Reuters"},
		{"an unrelated file gets no copy fact", got["unrelated.txt"].Facts["provenance"] == nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !c.ok {
				t.Errorf("island %+v, harbour %+v", island, harbour)
			}
		})
	}
}

package boilerplate

import (
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// FuzzRules runs every per-document rule on arbitrary text: no panic, and every finding
// lies inside the document.
func FuzzRules(f *testing.F) {
	for _, s := range []string{
		"", "\n\n\n", "Title\n\nRelated\n\nA\n\nB\n\nC\n", "x.PHOTO: AFP\n(Photo: Y)\n1 of 6\n",
		"Staff Reporter: Desk, Desk: x, y\n", "a.b.c.D\nwww.x.Com.Y\n", "\xff\xfe\x00bad\x00",
		"Title\n\n    wrapped\nline\n    more\n", strings.Repeat("Read more | ", 50),
	} {
		f.Add(s)
	}
	reg, err := audit.NewRegistry(Rules())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := audit.NewDocument("fuzz.txt", strings.ToValidUTF8(text, "\uFFFD"))
		for _, r := range reg.Rules() {
			if r.Check == nil {
				check := r.NewCorpusCheck(&audit.CorpusPass{Rule: r, Params: r.Defaults(), Config: &audit.Config{}})
				check.Add(doc, true)
				check.Finish(func(x audit.Finding) { inside(t, doc, x) })
				continue
			}
			r.Check(&audit.Pass{Doc: doc, Rule: r, Params: r.Defaults(), Config: &audit.Config{}})
		}
		rd := readDocument(doc, &audit.Config{})
		sp := audit.DecodeParams[structureParams](Structure.Defaults())
		for _, u := range rd.units {
			_ = rd.classify(u, sp)
			if u.start < 0 || u.end > len(doc.Text) || u.start > u.end {
				t.Fatalf("unit out of range: %d..%d of %d", u.start, u.end, len(doc.Text))
			}
		}
		for _, l := range doc.Lines {
			for _, s := range findSplices(l.Text) {
				if s.start < 0 || s.end > len(l.Text) {
					t.Fatalf("splice out of range")
				}
			}
			if m, ok := findCaption(l.Text, true); ok && (m.start < 0 || m.end > len(l.Text) || m.start > m.end) {
				t.Fatalf("caption out of range")
			}
		}
	})
}

func inside(t *testing.T, doc *audit.Document, x audit.Finding) {
	if x.StartOffset < 0 || x.EndOffset > len(doc.Text) || x.StartOffset > x.EndOffset {
		t.Fatalf("finding out of range: %+v", x)
	}
}

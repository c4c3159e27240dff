package provenance

import (
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

func TestCredits(t *testing.T) {
	cases := []struct {
		name string
		text string
		want string // agency/kind/lead, joined by ;
	}{
		{"a dateline credits the story", "Title\n\nPORTVALE (Reuters) - The council met.", "Reuters/dateline/true"},
		{"a dated dateline with an upper-case agency", "KESSEL, Oct. 7 (XINHUA) -- Trains ran.", "Xinhua/dateline/true"},
		{"a photo credit credits only the picture", "Firefighters at the scene. PHOTO: AFP\n\nText follows here.", "AFP/photo/false"},
		{"a credit line at the end", "Title\n\nA story.\n\nMore story.\n\nSource: dpa", "dpa/credit-line/true"},
		{"a Reuters sign-off", "Title\n\nStory text.\n\nReporting by Ann Lee; Editing by Bo Chan", "Reuters/credit-line/true"},
		{"a dateline deep in a file credits only its stretch", "T\n\nA.\n\nB.\n\nC.\n\nD.\n\nMOSCOW (TASS) - Text.", "TASS/dateline/false"},
		{"an agency quoted in prose is no credit", "Officials told Reuters on Monday that AP and AFP were wrong.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, cr := range Credits(audit.NewDocument("x.txt", c.text), nil) {
				got = append(got, cr.Agency+"/"+string(cr.Kind)+"/"+map[bool]string{true: "true", false: "false"}[cr.Lead])
			}
			if strings.Join(got, ";") != c.want {
				t.Errorf("credits = %q, want %q", strings.Join(got, ";"), c.want)
			}
		})
	}
}

func FuzzCredits(f *testing.F) {
	f.Add("BEIRUT (Reuters) - x")
	f.Add("PHOTO: AFP")
	f.Fuzz(func(t *testing.T, s string) {
		doc := audit.NewDocument("f.txt", s)
		for _, c := range Credits(doc, nil) {
			if c.Start < 0 || c.End > len(s) || c.Start > c.End || c.Agency == "" {
				t.Fatalf("bad credit %+v in %q", c, s)
			}
		}
	})
}

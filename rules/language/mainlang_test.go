package language

import (
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// TestMainLanguageTerseText: telegraphic copy (abbreviations, figures, few function words)
// keeps the language its function words name, or none, instead of the one lingua's letter
// n-grams find in its codes; plain prose in any language is read as before. All texts are
// invented.
func TestMainLanguageTerseText(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"wire brief with English function words only", "LAKESIDE MILLS 3RD QTR NET UP 12 PCT\n\n" +
			"LAKESIDE MILLS said 3rd qtr shr 41 cts vs 38 cts, net 4.2 mln dlrs vs 3.9 mln, " +
			"revs 88.1 mln vs 80.4 mln, for the quarter and the year.\n", "en"},
		// Echoed headlines of codes and figures: read as Finnish, Danish and Vietnamese
		// before; their n-grams are evidence for no language.
		{"earnings headline", headline("HOLLIS CORP 1ST QTR OPER SHR 19 CTS VS 27 CTS"), ""},
		{"sales headline", headline("BRANDT MARINE FEBRUARY SALES UP 9 PCT"), ""},
		{"price headline", headline("ORLANDO GOLD CLSG - MAY 4"), ""},
		{"figures and codes only", "ZX QRT 1030\n 208.78 UP 1.30\n 117.45 DN 0.85\n", ""},
		{"English prose", "The council said on Tuesday that the new bridge would open in the spring, " +
			"after two years of work and a long argument about its cost.\n", "en"},
		{"German prose", "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke im Frühjahr " +
			"eröffnet wird, nach zwei Jahren Bauzeit und einem langen Streit über die Kosten.\n", "de"},
		{"short French prose", "Le conseil a dit mardi que le nouveau pont ouvrira au printemps.\n", "fr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DocumentLanguage(audit.NewDocument("t.txt", tt.text), nil)
			if got.Code() != tt.want {
				t.Errorf("main language %q (%s, %.2f), want %q", got.Code(), got.Source, got.Confidence, tt.want)
			}
		})
	}
}

// headline is a wire headline echoed above a placeholder body.
func headline(h string) string {
	return h + "\n\n******" + h + "\nBlah blah blah.\n"
}

// TestWordEvidence: figures, codes and an echoed line are not words; a word counts its
// letters and one separator.
func TestWordEvidence(t *testing.T) {
	tests := []struct {
		text       string
		letters    int
		share, tol float64
	}{
		{"The bridge opens today.", 23, 1, 0},
		{"stg 11.27 11.29 dmk 248.20 248.65", 8, 2.0 / 6, 0.01},
		{"UP 12 PCT\n******UP 12 PCT\n", 7, 2.0 / 3, 0.01},
		{"1ST QTR 3M", 4, 1.0 / 3, 0.01},
		{"", 0, 0, 0},
	}
	for _, tt := range tests {
		letters, share := wordEvidence(tt.text)
		if letters != tt.letters || share < tt.share-tt.tol || share > tt.share+tt.tol {
			t.Errorf("wordEvidence(%q) = %d, %.2f, want %d, %.2f", tt.text, letters, share, tt.letters, tt.share)
		}
	}
}

package language

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/textaudit/textaudit/audit"
)

func TestScriptAnomalies(t *testing.T) {
	tests := []struct {
		name   string
		rule   *audit.Rule
		text   string
		want   int    // findings
		points string // a code point the evidence must show, when want > 0
	}{
		{"a zero-width space inside a word is flagged", InvisibleChar, "The minis\u200Bter said so.\n", 1, "U+200B"},
		{"a soft hyphen inside a word is flagged", InvisibleChar, "The govern\u00ADment said so.\n", 1, "U+00AD"},
		{"a left-to-right override in Latin text is flagged", InvisibleChar, "Invoice \u202Efdp.exe\u202C attached\n", 1, "U+202E"},
		{"a joiner inside an emoji sequence is not flagged", InvisibleChar, "Family \U0001F468\u200D\U0001F469\u200D\U0001F467 photo\n", 0, ""},
		{"a non-joiner in Persian spelling is not flagged", InvisibleChar, "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645\n", 0, ""},
		{"a right-to-left mark in Hebrew text is not flagged", InvisibleChar, "\u05E9\u05DC\u05D5\u05DD\u200F 2024\n", 0, ""},
		{"plain text has no invisible characters", InvisibleChar, "Nothing hidden here, just “quotes” and dashes — fine.\n", 0, ""},
		{"a Latin word with a Cyrillic a is flagged", MixedScript, "Flights to P\u0430ris resumed.\n", 1, "U+0430"},
		{"a Latin word with a Greek omicron is flagged", MixedScript, "The g\u03BFvernment said.\n", 1, "U+03BF"},
		{"a Cyrillic word with a Latin a is flagged", MixedScript, "\u041C\u043E\u0441\u043A\u0432a\n", 1, "U+0061"},
		{"a Greek symbol before a Latin unit is not a disguise", MixedScript, "A rise of 3 \u0394T was measured.\n", 0, ""},
		{"separate Cyrillic and Latin words are not mixed", MixedScript, "Moscow (\u041C\u043E\u0441\u043A\u0432\u0430) is large.\n", 0, ""},
		{"UTF-8 e acute read as Windows-1252 is flagged", Mojibake, "Caf\u00C3\u00A9 owners protest\n", 1, "U+00E9"},
		{"a curly apostrophe read as Windows-1252 is flagged", Mojibake, "It\u00E2\u20AC\u2122s over\n", 1, "U+2019"},
		{"Cyrillic read as Latin-1 is flagged", Mojibake, "\u00D0\u00BC\u00D0\u00B8\u00D1\u0080\n", 1, "U+043C"},
		{"Portuguese capitals are not mojibake", Mojibake, "S\u00C3O PAULO, N\u00C3O\n", 0, ""},
		{"a guillemet after a capital is not mojibake", Mojibake, "\u00ABADI\u00D3S\u00BB, dijo.\n", 0, ""},
		{"accented words are not mojibake", Mojibake, "Déjà vu in São Paulo and Zürich, señor.\n", 0, ""},
		{"Czech read as Windows-1250 is flagged", Mojibake, "V\u010Dera \u0159ekl: " + asCodePage("v\u011Bc je v po\u0159\u00E1dku", charmap.Windows1250) + "\n", 1, "U+011B"},
		{"Russian read as Windows-1251 is flagged", Mojibake, "He wrote " + asCodePage("\u043F\u0440\u0438\u0432\u0435\u0442", charmap.Windows1251) + " twice\n", 1, "U+043F"},
		{"a quoted Russian acronym is not mojibake", Mojibake, "\u00AB\u0414\u041D\u0420\u00BB \u0438 \u00AB\u0421\u0421\u0421\u0420\u00BB\n", 0, ""},
		{"Latin-1 read as Mac Central European shows a capital inside a word", Mojibake, "Talks in Macedoni\u017D ended\n", 1, "Macedoni\u017D"},
		{"an Irish capital after a one-letter prefix is not mojibake", Mojibake, "Poblacht na h\u00C9ireann\n", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, _ := runRule(t, tt.rule, nil, "doc.txt", tt.text)
			if len(fs) != tt.want {
				for _, f := range fs {
					t.Logf("%d:%d %s", f.Line, f.Column, f.Message)
				}
				t.Fatalf("got %d findings, want %d", len(fs), tt.want)
			}
			if tt.want > 0 && !strings.Contains(fs[0].Message, tt.points) {
				t.Errorf("message %q does not show %s", fs[0].Message, tt.points)
			}
		})
	}
}

func TestMojibakeEvidenceRepairsTheWord(t *testing.T) {
	fs, _ := runRule(t, Mojibake, nil, "doc.txt", "Hydro-Qu\u00C3\u00A9bec said\n")
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1", len(fs))
	}
	if got := fs[0].Evidence["repaired"]; got != "Hydro-Québec" {
		t.Errorf("repaired = %q, want Hydro-Québec", got)
	}
}

func TestInvalidUTF8IsStillReported(t *testing.T) {
	fs, _ := runRule(t, InvalidUTF8, nil, "doc.txt", "bad \xff byte\n")
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1", len(fs))
	}
}

// asCodePage returns s's UTF-8 bytes decoded as the single-byte code page cm: the mojibake a
// reader with the wrong code page shows.
func asCodePage(s string, cm *charmap.Charmap) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(cm.DecodeByte(s[i]))
	}
	return b.String()
}

func TestMojibakeOnManyLinesIsOneFinding(t *testing.T) {
	var text strings.Builder
	for i := 0; i < 12; i++ {
		text.WriteString("Hydro-Qu\u00C3\u00A9bec lines\n\n")
	}
	fs, _ := runRule(t, Mojibake, nil, "doc.txt", text.String())
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1", len(fs))
	}
	if fs[0].Line != 1 || fs[0].Evidence["line_count"] != 12 {
		t.Errorf("finding at line %d for %v lines, want line 1 for 12", fs[0].Line, fs[0].Evidence["line_count"])
	}
}

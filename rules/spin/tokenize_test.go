package spin

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		words string // lower-cased words joined by spaces, "|" before a word after a break
	}{
		{"plain words chain into bigrams", "Boots on the ground", "|boots on the ground"},
		{"punctuation breaks the chain", "said, however", "|said |however"},
		{"hyphens keep compounds chained", "pro-government forces", "|pro government forces"},
		{"inner apostrophes stay in the word", "the government’s plan", "|the government's plan"},
		{"numbers break the chain", "cut 500 jobs", "|cut |jobs"},
		{"trailing apostrophes are dropped", "the players' union", "|the players |union"},
		{"empty text has no words", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var parts []string
			for _, tk := range tokenize(c.text) {
				w := tk.Lower
				if tk.Break {
					w = "|" + w
				}
				parts = append(parts, w)
			}
			if got := strings.Join(parts, " "); got != c.words {
				t.Errorf("tokenize(%q) = %q, want %q", c.text, got, c.words)
			}
		})
	}
}

func TestTokenizeMarksSentenceStartsAndCapitals(t *testing.T) {
	toks := tokenize("Prices fell. The Bank said so.")
	want := []struct {
		word       string
		start, cap bool
	}{{"prices", true, true}, {"fell", false, false}, {"the", true, true}, {"bank", false, true}, {"said", false, false}, {"so", false, false}}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(want))
	}
	for i, w := range want {
		if toks[i].Lower != w.word || toks[i].SentenceStart != w.start || toks[i].Capitalised != w.cap {
			t.Errorf("token %d = %+v, want %+v", i, toks[i], w)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "Boots on the floor.", "pro-regime forces’ gains", "\xff\xfe\x00", "a\u0301b ''' --- ...", "日本語のテキスト"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tk := range tokenize(s) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("bad span %d-%d (prev end %d, len %d)", tk.Start, tk.End, prev, len(s))
			}
			if s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("text %q does not match span", tk.Text)
			}
			if utf8.ValidString(s) && !utf8.ValidString(tk.Lower) {
				t.Fatalf("invalid lower form %q", tk.Lower)
			}
			prev = tk.End
		}
	})
}

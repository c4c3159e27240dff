package duplicate

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func words(text string, toks []Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, text[t.Start:t.End])
	}
	return out
}

func TestTokenize(t *testing.T) {
	isStop := func(b []byte) bool { w := string(b); return w == "the" || w == "in" || w == "of" }
	cases := []struct {
		name  string
		text  string
		words string // tokens as written, joined by |
	}{
		{"an initialism keeps its dots and closing dot", "two U.S. officials", "two|U.S.|officials"},
		{"a full stop glued to the next sentence separates", "offensive.In June", "offensive|In|June"},
		{"a decimal number is one word", "sales of $3.27bn", "sales|of|3.27bn"},
		{"thousands separators join digits", "1,000 people, 20 cars", "1,000|people|20|cars"},
		{"an apostrophe inside a word joins", "Labour's plan isn't new", "Labour's|plan|isn't|new"},
		{"a hyphen separates", "al-Mayadin US-backed", "al|Mayadin|US|backed"},
		{"a credit glued to a caption separates", "Maskaneh.PHOTO: AFP", "Maskaneh|PHOTO|AFP"},
		{"empty text has no words", "", ""},
		{"punctuation alone has no words", " -- ... !!", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(words(c.text, Tokenize(c.text, isStop)), "|")
			if got != c.words {
				t.Errorf("Tokenize(%q) = %q, want %q", c.text, got, c.words)
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	isStop := func(b []byte) bool { w := string(b); return w == "the" || w == "in" }
	toks := Tokenize("The Syrian army advanced in 2017", isStop)
	want := []Kind{Stop, Anchor, Content, Content, Stop, Anchor}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(want))
	}
	for i, k := range want {
		if toks[i].Kind() != k {
			t.Errorf("token %d kind = %d, want %d", i, toks[i].Kind(), k)
		}
	}
}

func TestEqualWordsHaveEqualKeysWhatever_TheirCaseAndDots(t *testing.T) {
	a := Tokenize("U.S. officials", nil)
	b := Tokenize("us Officials", nil)
	for i := range a {
		if a[i].Word() != b[i].Word() {
			t.Errorf("word %d differs: %q vs %q", i, "U.S. officials", "us Officials")
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"two U.S. officials", "offensive.In", "3.27bn", "a.b.c.", "'", "\xff\xfe", "Ǆ'ǅ.", "1,,2..3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s, func(w []byte) bool { return len(w) < 3 })
		prev := int32(0)
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || int(tk.End) > len(s) {
				t.Fatalf("bad token [%d,%d) after %d in %q", tk.Start, tk.End, prev, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(s[tk.Start:tk.End]) {
				t.Fatalf("token splits a character: %q", s[tk.Start:tk.End])
			}
			prev = tk.End
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat("The Syrian Observatory for Human Rights said on Friday there were clashes in several areas of U.S.-backed Deir al-Zor province, 45 km south. ", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokenize(text, func(w []byte) bool { s := string(w); return s == "the" || s == "for" || s == "on" })
	}
}

package spin

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
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

// tokenizeReference is tokenize as it was before its ASCII fast path, which must not change
// a token.
func tokenizeReference(text string) []token {
	var out []token
	brk, sent := true, true
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += s2
					continue
				}
				if isApostrophe(r2) && j+s2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if isWordRune(r3) {
						j += s2
						continue
					}
				}
				break
			}
			w := text[i:j]
			out = append(out, token{
				Start: i, End: j, Text: w,
				Lower:         normaliseReference(w),
				Capitalised:   hasUpperReference(w),
				SentenceStart: sent,
				Break:         brk,
			})
			brk, sent = false, false
			i = j
			continue
		case unicode.IsSpace(r) || r == '-' || r == '\u2010' || r == '\u2011':
			// white space and hyphens keep the bigram chain
		case r == '.' || r == '!' || r == '?':
			brk, sent = true, true
		default:
			brk = true
		}
		i += size
	}
	return out
}

func hasUpperReference(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func normaliseReference(w string) string { return strings.Map(normaliseRune, w) }

func TestTokenizeFastPathsChangeNoToken(t *testing.T) {
	texts := []string{readFixture(t, "spun.txt"), readFixture(t, "clean.txt")}
	pieces := []string{"a", "Z", "q", "É", "é", "ß", "\u0301", "'", "\u2019", "-", "\u2010", "\u2011", " ", "\t", "\n",
		"\u00a0", "\u0085", "\u2003", ".", "!", "?", ",", "5", "\xff", "\xe2\x80", "日", "Ω", "ǅ", "\x00", "$"}
	r := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < 3000; k++ {
		var b strings.Builder
		for n := r.IntN(30); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		got, want := tokenize(text), tokenizeReference(text)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("tokenize(%q):\n got %+v\nwant %+v", text, got, want)
		}
	}
}

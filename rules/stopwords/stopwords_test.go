package stopwords

import (
	"strings"
	"testing"
	"unicode"

	"github.com/textaudit/textaudit/audit"
)

func TestWordsSplitsOnNonLettersAndKeepsInnerApostrophes(t *testing.T) {
	got := strings.Join(Words("It's 20 km—Deir al-Zor, don’t 'quote'"), "|")
	if want := "it's|km|deir|al|zor|don’t|quote"; got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestProfileFindsTheLanguageOfFunctionWords(t *testing.T) {
	tests := []struct {
		text, lang string
	}{
		{"The army said on Friday that it had taken the town after a week of fighting.", "en"},
		{"El ejército dijo el viernes que había tomado la ciudad después de una semana de combates.", "es"},
		{"L'armée a déclaré vendredi qu'elle avait pris la ville après une semaine de combats.", "fr"},
		{"Die Armee sagte am Freitag, dass sie die Stadt nach einer Woche der Kämpfe eingenommen habe.", "de"},
		{"Армия заявила в пятницу, что после недели боев она взяла город.", "ru"},
	}
	for _, tt := range tests {
		g := Profile(Words(tt.text))
		if g.Lang != tt.lang || g.Margin <= 0 {
			t.Errorf("Profile(%q) = %+v, want %s with a margin", tt.text, g, tt.lang)
		}
	}
	if g := Profile([]string{"two", "words"}); g.Lang != "" {
		t.Errorf("two words gave %+v, want no guess", g)
	}
}

func TestLookupAgreesWithIsAndOf(t *testing.T) {
	for _, tt := range []struct {
		lang, word string
		want       bool
	}{
		{"en", "the", true}, {"en", "The", true}, {"es", "el", true}, {"en", "army", false}, {"xx", "the", false},
	} {
		if got := Is(tt.lang, tt.word); got != tt.want {
			t.Errorf("Is(%s, %s) = %v", tt.lang, tt.word, got)
		}
		if got := Lookup(strings.ToLower(tt.word))&Of(tt.lang) != 0; got != tt.want {
			t.Errorf("Lookup/Of(%s, %s) = %v", tt.lang, tt.word, got)
		}
	}
	if d := Density("en", Words("the army and the town")); d < 0.59 || d > 0.61 {
		t.Errorf("Density = %v, want 0.6", d)
	}
}

func TestDocumentProfileIsMemoisedPerDocument(t *testing.T) {
	doc := audit.NewDocument("x.txt", "A title\n\nThe army said on Friday that it had taken the town.\n")
	if g := DocumentProfile(doc); g.Lang != "en" || DocumentProfile(doc) != g {
		t.Errorf("DocumentProfile = %+v", g)
	}
}

func BenchmarkProfile(b *testing.B) {
	words := Words(strings.Repeat("The army said on Friday that it had taken the town after a week of fighting. ", 40))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Profile(words)
	}
}

// referenceWords is the plain definition of Words (letters and marks, inner apostrophes,
// lower-cased); the scanner behind Words, Count and DocumentProfile must agree with it.
func referenceWords(text string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if w := strings.Trim(text[start:end], "'’"); w != "" {
				out = append(out, strings.ToLower(w))
			}
			start = -1
		}
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || ((r == '\'' || r == '’') && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

func TestWordsAgreesWithThePlainDefinition(t *testing.T) {
	for _, text := range []string{
		"", "'''", "rock'n'roll’s ''quoted'' ÉCOLE d’Été", "ÀÉÎ naïve café Straße İstanbul ΣΊΣΥΦΟΣ",
		"Москва ПРАВДА", "a\u0301b x\u200by", "bad \xff\xfe bytes", "x'’'", "L'ARMÉE’",
	} {
		got, want := Words(text), referenceWords(text)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Words(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestCountAgreesWithWordsAndLookup(t *testing.T) {
	text := "The army said on Friday that it had taken THE town, l'armée a dit"
	words := Words(text)
	for _, lang := range []string{"en", "fr", "de"} {
		hits := 0
		for _, w := range words {
			if Lookup(w)&Of(lang) != 0 {
				hits++
			}
		}
		gotWords, gotHits := Count(text, Of(lang))
		if gotWords != len(words) || gotHits != hits {
			t.Errorf("Count(%s) = %d, %d; want %d, %d", lang, gotWords, gotHits, len(words), hits)
		}
	}
}

func TestDocumentProfileAgreesWithProfileOfParagraphWords(t *testing.T) {
	text := "Titre en français\n\n" + strings.Repeat("The army said on Friday that it had taken the town. ", 30) +
		"\n\nLa ville est tombée après une semaine de combats.\n"
	doc := audit.NewDocument("x.txt", text)
	var words []string
	for _, p := range doc.Paragraphs {
		words = append(words, Words(p.Text)...)
		if len(words) > mainLanguageWords {
			break
		}
	}
	if got, want := DocumentProfile(doc), Profile(words); got != want {
		t.Errorf("DocumentProfile = %+v, want %+v", got, want)
	}
}

func FuzzWordsAgreesWithThePlainDefinition(f *testing.F) {
	f.Add("It's 20 km—Deir al-Zor, don’t 'quote'")
	f.Add("ÉCOLE \xff x’'")
	f.Fuzz(func(t *testing.T, text string) {
		got, want := Words(text), referenceWords(text)
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("Words(%q) = %q, want %q", text, got, want)
		}
	})
}

func BenchmarkDocumentProfile(b *testing.B) {
	text := strings.Repeat("The army said on Friday that it had taken the town after a week of fighting.\n\n", 40)
	docs := make([]*audit.Document, b.N)
	for i := range docs {
		docs[i] = audit.NewDocument("x.txt", text)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		DocumentProfile(docs[i])
	}
}

func BenchmarkWords(b *testing.B) {
	text := strings.Repeat("The army said on Friday that it had taken the town after a week of fighting. ", 40)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Words(text)
	}
}

func TestEachVisitsTheListedWordsOfWords(t *testing.T) {
	text := "The army said THE town of Él fell, l'armée a dit qu’elle"
	var want []string
	for _, w := range Words(text) {
		if Lookup(w) != 0 {
			want = append(want, w)
		}
	}
	var got []string
	Each(text, func(w string, langs Set) {
		if langs != Lookup(w) {
			t.Errorf("Each(%q): languages %b, want %b", w, langs, Lookup(w))
		}
		got = append(got, w)
	})
	if strings.Join(got, "|") != strings.Join(want, "|") || len(got) == 0 {
		t.Errorf("Each visited %q, want %q", got, want)
	}
}

func TestIsAndOfAgreeWithTheirPlainDefinitions(t *testing.T) {
	for _, lang := range append(Languages(), "", "x", "EN", "zz", "e\xff", "english") {
		want := Set(0)
		if b, ok := load().bit[lang]; ok {
			want = 1 << b
		}
		if got := Of(lang); got != want {
			t.Errorf("Of(%q) = %b, want %b", lang, got, want)
		}
		for _, w := range []string{"The", "THE", "the", "Él", "ÉL", "Und", "İstanbul", "bad\xff", "Straße"} {
			if got, want := Is(lang, w), Lookup(strings.ToLower(w))&want != 0; got != want {
				t.Errorf("Is(%q, %q) = %v, want %v", lang, w, got, want)
			}
		}
	}
}

func BenchmarkIs(b *testing.B) {
	words := strings.Fields("The Army said on Friday that it had TAKEN the town after a week of fighting Él")
	b.ReportAllocs()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			if Is("en", w) {
				n++
			}
		}
	}
	_ = n
}

func TestAppendWordsAgreesWithWordsAndLookup(t *testing.T) {
	text := "The army SAID l'armée a dit qu’elle, Él y ÉL 12 x"
	got := AppendWords([]Word{{Written: "kept"}}, text)[1:]
	want := Words(text)
	if len(got) != len(want) {
		t.Fatalf("AppendWords gave %d words, Words %d", len(got), len(want))
	}
	for i, w := range got {
		if strings.ToLower(w.Written) != want[i] || w.Langs != Lookup(want[i]) || (w.Langs != 0) != (w.Listed == want[i]) {
			t.Errorf("word %d = %+v, want %q with languages %b", i, w, want[i], Lookup(want[i]))
		}
	}
}

func TestLookupFindsEveryListedWordAndNothingElse(t *testing.T) {
	want := map[string]Set{}
	entries, _ := listFiles.ReadDir("lists")
	for _, e := range entries {
		data, _ := listFiles.ReadFile("lists/" + e.Name())
		bit := Of(strings.TrimSuffix(e.Name(), ".txt"))
		for _, w := range strings.Split(string(data), "\n") {
			if w != "" {
				want[w] |= bit
			}
		}
	}
	for w, set := range want {
		if got := Lookup(w); got != set {
			t.Fatalf("Lookup(%q) = %b, want %b", w, got, set)
		}
		// Near misses: words one letter off a listed one, mostly on no list (the filter and
		// the table's probing must both turn them away).
		for _, near := range []string{w[:len(w)-1], w + "q", "q" + w} {
			if got := Lookup(near); got != want[near] {
				t.Fatalf("Lookup(%q) = %b, want %b", near, got, want[near])
			}
		}
	}
	for _, w := range []string{"", "zzzz", "the\x00", "\x00", "a\x00\x00", "thetheth", "thethethe", "supercalifragilistic"} {
		if got := Lookup(w); got != want[w] {
			t.Errorf("Lookup(%q) = %b, want %b", w, got, want[w])
		}
	}
}

func TestLookupBytesFindsListedWords(t *testing.T) {
	if !LookupBytes([]byte("the")).Has("en") || !LookupBytes([]byte("nevertheless")).Has("en") {
		t.Error(`LookupBytes misses "the" or "nevertheless" on the English list`)
	}
}

func TestLookupBytesAgreesWithLookup(t *testing.T) {
	for _, w := range []string{"the", "and", "nevertheless", "otras", "noticias", "", "zzzz", "because", "而且"} {
		if got, want := LookupBytes([]byte(w)), Lookup(w); got != want {
			t.Errorf("LookupBytes(%q) = %v, Lookup = %v", w, got, want)
		}
	}
}

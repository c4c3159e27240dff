package stopwords

import (
	"strings"
	"testing"

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

func TestMainLanguageIsMemoisedPerDocument(t *testing.T) {
	doc := audit.NewDocument("x.txt", "A title\n\nThe army said on Friday that it had taken the town.\n")
	if g := MainLanguage(doc); g.Lang != "en" || MainLanguage(doc) != g {
		t.Errorf("MainLanguage = %+v", g)
	}
}

func BenchmarkProfile(b *testing.B) {
	words := Words(strings.Repeat("The army said on Friday that it had taken the town after a week of fighting. ", 40))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Profile(words)
	}
}

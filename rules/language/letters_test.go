package language

import (
	"fmt"
	"strings"
	"testing"
)

// englishAround puts a passage between paragraphs of plain English prose, as line 7.
func englishAround(passage string) string {
	return strings.Join([]string{
		"Harbour workers walk out",
		"Dock workers at the northern port walked off the job on Monday after talks over pay broke down, leaving dozens of ships waiting at anchor outside the breakwater.",
		"The union said its members would stay out until the port authority returned to the table with a better offer for the night shifts, which pay less than the day rate.",
		passage,
		"Port officials said they hoped to resume talks later in the week, but warned that the backlog of cargo could take a month to clear even if the strike ended soon.",
	}, "\n\n") + "\n"
}

// TestLettersTheMainLanguageDoesNotWrite: Czech, Slovak and Polish passages in English text,
// written for this test. Many of their short words ("a", "to", "se", "v", "na", "je") are on
// the English stopword list; the letters English does not write decide.
func TestLettersTheMainLanguageDoesNotWrite(t *testing.T) {
	cases := []struct {
		passage string
		want    string // "7:cs", or "" for no finding
	}{
		{"Vláda v úterý schválila návrh zákona, který má zrychlit stavbu dálnic a železnic. Podle ministra dopravy se tím zkrátí povolovací řízení o několik let.", "7:cs"},
		{"Je to poprvé, co se v Praze konala tak velká akce. Organizátoři řekli, že příští rok chtějí pozvat i hosty ze zahraničí.", "7:cs"},
		{"A to se stalo v noci na pondělí, kdy se na dálnici srazila dvě auta a jeden řidič zemřel na místě.", "7:cs"},
		{"To je v pořádku, řekl a odešel domů.", "7:cs"},
		{"Více informací naleznete na našem webu.", "7:cs"},
		{"Přečtěte si také", "7:cs"},
		{"Vláda v utorok schválila návrh zákona, ktorý má urýchliť výstavbu diaľnic. Podľa ministra dopravy sa tým skráti povoľovacie konanie o niekoľko rokov.", "7:sk"},
		{"Rząd przyjął we wtorek projekt ustawy, który ma przyspieszyć budowę dróg i kolei. Według ministra infrastruktury skróci to procedury o kilka lat.", "7:pl"},
		{"Na placu zebrało się około dwóch tysięcy osób, które protestowały przeciwko podwyżkom cen energii.", "7:pl"},
		// English with names and loanwords written with such letters stays English.
		{"Prime Minister Andrej Babiš met Tomáš Petříček and Lubomír Zaorálek in Prague on Tuesday to discuss the budget.", ""},
		{"The naïve protégé handed his résumé to the maître d' at the café before the soirée began.", ""},
		{"Fans of Antonín Dvořák and Bohuslav Martinů packed the hall in Brno for the festival's opening night.", ""},
		{"He ordered crème brûlée, a café au lait and a piña colada, then left without paying.", ""},
		// Mojibake letters are a decoding error, not a language.
		{"Storms of 1921 reached 50Â° and the grid in QuÃ©bec collapsed within 90 seconds of the first surge.", ""},
	}
	for _, c := range cases {
		t.Run(c.passage, func(t *testing.T) {
			fs, _ := runRule(t, ForeignPassage, nil, "doc.txt", englishAround(c.passage))
			if got := strings.Join(flagged(fs), ","); got != c.want {
				t.Errorf("flagged %q, want %q", got, c.want)
			}
		})
	}
}

func TestNonProseIsNotJudged(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"/usr/share/dict/words /usr/lib/locale/tr_TR.utf8 /etc/default/keyboard", true},
		{"-rw-r--r-- 1 root root 4096 Oct 12 kurulum dosyasi", true},
		{"if (err != nil) { return fmt.Errorf(\"okuma: %w\", err) }", true},
		{"del.icio.us", true},
		{"getElementById setAttribute innerHTML", true},
		{"The U.S. economy grew 3.5 per cent, e.g. faster than in Europe.", false},
		{"Read more at www.example.org about the harbour strike and the talks.", false},
		{"Der Streik im Hafen geht weiter, sagte die Gewerkschaft am Montag.", false},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			if got := looksTechnical(c.text); got != c.want {
				t.Errorf("looksTechnical = %v, want %v", got, c.want)
			}
		})
	}
	t.Run("a file listing in an English document is no foreign passage", func(t *testing.T) {
		listing := "kurulum/ayarlar/varsayilan.conf\nkurulum/ayarlar/dil_secenekleri.conf\nkurulum/betikler/baslat.sh\nkurulum/betikler/durdur.sh"
		fs, _ := runRule(t, ForeignPassage, nil, "doc.txt", englishAround(listing))
		if len(fs) != 0 {
			t.Errorf("findings %v, want none", fmt.Sprint(flagged(fs)))
		}
	})
}

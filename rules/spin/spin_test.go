package spin

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// auditText runs spin.paragraph alone over text written to a temporary file.
func auditText(t testing.TB, text string) audit.FileReport {
	t.Helper()
	reg, err := audit.NewRegistry([]*audit.Rule{Paragraph})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "fixture.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := audit.Run([]string{path}, audit.Options{Registry: reg, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 {
		t.Fatalf("got %d file reports", len(res.Files))
	}
	return res.Files[0]
}

func readFixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestParagraphFindings(t *testing.T) {
	cases := []struct {
		name      string
		text      string
		wantLines []int // first lines of flagged paragraphs
	}{
		{"spun paragraphs are flagged", readFixture(t, "spun.txt"), []int{3}},
		{"the same text unspun is not flagged", readFixture(t, "clean.txt"), nil},
		{"a broken idiom flags its paragraph", "Officials admitted that reform of the tax system would be simpler said than done in the current climate.\n", []int{1}},
		{"a non-English document is skipped", "El gobierno dijo que la empresa firme ganará más este año que el pasado, según los analistas del mercado.\n", nil},
		{"short lines are not judged", "The steadfast gained.\n", nil},
		{"empty text yields nothing", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fr := auditText(t, c.text)
			var got []int
			for _, f := range fr.Findings {
				if f.Rule != Paragraph.ID {
					t.Errorf("unexpected rule %s", f.Rule)
				}
				got = append(got, f.Line)
			}
			if !slices.Equal(got, c.wantLines) {
				for _, f := range fr.Findings {
					t.Logf("line %d: %s", f.Line, f.Message)
				}
				t.Fatalf("flagged lines %v, want %v", got, c.wantLines)
			}
		})
	}
}

func TestEvidenceNamesPhrasesAndExpectedWording(t *testing.T) {
	fr := auditText(t, readFixture(t, "spun.txt"))
	if len(fr.Findings) == 0 {
		t.Fatal("no finding on the spun fixture")
	}
	f := fr.Findings[0]
	phrases, ok := f.Evidence["phrases"].([]map[string]any)
	if !ok || len(phrases) == 0 {
		t.Fatalf("evidence phrases missing: %#v", f.Evidence)
	}
	var nearMiss bool
	for _, ph := range phrases {
		if ph["signal"] == "near-miss" && ph["expected"] != "" && ph["text"] != ph["expected"] {
			nearMiss = true
		}
	}
	if !nearMiss {
		t.Errorf("no near-miss with expected wording in %v", phrases)
	}
	text := readFixture(t, "spun.txt")
	spans, ok := f.Evidence["spans"].([]map[string]any)
	if !ok || len(spans) != len(phrases) {
		t.Fatalf("evidence spans %#v, want one per phrase", f.Evidence["spans"])
	}
	for _, sp := range spans {
		start, end := sp["start"].(int), sp["end"].(int)
		if start < f.StartOffset || end > f.EndOffset || text[start:end] != sp["word"] {
			t.Errorf("span %v marks %q, want the suspect word inside the paragraph", sp, text[start:end])
		}
		if sp["suggestion"] == "" || sp["suggestion"] == sp["word"] {
			t.Errorf("span %v names no other word", sp)
		}
	}
	share, ok := fr.Facts["spin_share"].(float64)
	if !ok || share <= 0 || share > 1 {
		t.Errorf("spin_share = %v, want a share in (0, 1]", fr.Facts["spin_share"])
	}
}

func TestCleanFilePublishesZeroShare(t *testing.T) {
	fr := auditText(t, readFixture(t, "clean.txt"))
	if share := fr.Facts["spin_share"]; share != 0.0 {
		t.Errorf("spin_share = %v, want 0", share)
	}
}

func TestNearMissProposesTheSynonymThatFits(t *testing.T) {
	m, th := referenceData(t)
	cases := []struct {
		text, word, expected string
	}{
		{"the steadfast said it would", "steadfast", "firm"},
		{"it attempts to brand savings", "brand", "make"},
		{"the company had to complete the labor on clip and within budget", "clip", "time"},
	}
	for _, c := range cases {
		t.Run(c.word+" should read "+c.expected, func(t *testing.T) {
			nm, ok := nearMissOf(m, th, c.text, c.word, thresholds{Synonym: 1, Wider: 99, Tie: 99})
			if !ok || nm.Expected != c.expected {
				t.Fatalf("near-miss = %+v, %v; want expected %q", nm, ok, c.expected)
			}
		})
	}
}

func TestSpellingVariants(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"tyres", "tires", true},
		{"centre", "center", true},
		{"organisation", "organization", true},
		{"labour", "labor", true},
		{"travelled", "traveled", true},
		{"programme", "program", true},
		{"dipped", "dropped", false},
		{"metropolis", "city", false},
		{"floor", "ground", false},
	}
	for _, c := range cases {
		if got := spellingVariants(c.a, c.b); got != c.want {
			t.Errorf("spellingVariants(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestNearMissIgnoresWordsThatFit(t *testing.T) {
	m, th := referenceData(t)
	cases := []struct {
		name, text, word string
	}{
		{"a word in its usual context", "the firm said it would cut jobs", "firm"},
		{"a British spelling is not a swap for the American one", "he changed the tyres of the car", "tyres"},
		{"a stop word is never a suspect", "they went into the house", "into"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := tokenize(c.text)
			for i, tk := range toks {
				if tk.Lower != c.word {
					continue
				}
				if nm, _, ok := findNearMiss(m, th, toks, newChain(m, th, toks), i, thresholds{Synonym: 2, Tie: 3.5}); ok {
					t.Errorf("near-miss %+v", nm)
				}
			}
		})
	}
}

func TestSynonymsKeepTheWordsInflection(t *testing.T) {
	m, th := referenceData(t)
	cases := []struct {
		word          string
		want, notWant string
	}{
		{"surviving", "", "went"},
		{"earned", "gained", ""},
		{"steadfast", "firm", ""},
		{"received", "got", "getting"},
		{"consumer", "", "had"},
		{"nominated", "named", ""},
		{"hardest", "toughest", ""},
	}
	for _, c := range cases {
		t.Run(c.word, func(t *testing.T) {
			got := map[string]bool{}
			for _, s := range th.Synonyms(m, m.ID(c.word)) {
				got[m.Word(s)] = true
			}
			if c.want != "" && !got[c.want] {
				t.Errorf("synonyms of %q lack %q", c.word, c.want)
			}
			if c.notWant != "" && got[c.notWant] {
				t.Errorf("synonyms of %q include %q, a form of another tense", c.word, c.notWant)
			}
		})
	}
}

func TestInflatedWords(t *testing.T) {
	m, th := referenceData(t)
	cases := []struct {
		name, text string
		want       []string // rare words reported, in order
	}{
		{"a rare word with a common synonym is inflated", "the mayor of the metropolis spoke to the citizenry", []string{"metropolis", "citizenry"}},
		{"the common words themselves are not", "the mayor of the city spoke to the people", nil},
		{"names are never judged", "the Metropolis club signed a striker", nil},
		{"a British spelling is not a rarer synonym", "the colour of the centre", nil},
		{"empty text has none", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := tokenize(c.text)
			var got []string
			for _, w := range inflatedWords(m, th, toks, newChain(m, th, toks), -5, -4, 2) {
				got = append(got, w.Text)
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("inflated %v, want %v", got, c.want)
			}
		})
	}
}

func TestConfigSpinPhrasesExtendTheList(t *testing.T) {
	reg, err := audit.NewRegistry([]*audit.Rule{Paragraph})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := audit.ParseConfig([]byte("spin_phrases: [\"final decision\"]\n"), reg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "f.txt")
	text := "The committee will announce its final decision on the building permits next week, officials said.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		cfg  *audit.Config
		want int
	}{
		{"without the user's phrase the paragraph passes", &audit.Config{}, 0},
		{"with it the paragraph is flagged", cfg, 1},
	} {
		res, err := audit.Run([]string{path}, audit.Options{Registry: reg, Config: tt.cfg, Jobs: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(res.Files[0].Findings); got != tt.want {
			t.Errorf("%s: %d findings, want %d", tt.name, got, tt.want)
		}
	}
	if _, err := audit.ParseConfig([]byte("spin_phrases: [\"tape\"]\n"), reg); err == nil {
		t.Errorf("a one-word spin phrase was accepted")
	}
}

// TestLooseReadingNeedsAClearlySpunFile: a preposition swap ("inside the region") is
// reported only in a file with loose_paragraphs paragraphs flagged on their own, and only
// when the swap is there.
func TestLooseReadingNeedsAClearlySpunFile(t *testing.T) {
	spun := "The steadfast said it would cut 500 jobs as it attempts to brand savings, and the sum bill for the restructuring would be large. Its shares dropped in former trading in London, and analysts said the outlook for the trade remained dim.\n\n"
	const swapped = "Russia is the other big winner from the war, reviving its role inside the region and securing key military bases."
	const plain = "Russia is the other big winner from the war, reviving its role in the region and securing key military bases."
	cases := []struct {
		name    string
		spunPar int
		last    string
		want    bool
		phrase  string // the near-miss only the second reading found, when want
		expect  string // its suggested wording ("" = not checked)
	}{
		{"four spun paragraphs: the swap is read closely", 4, swapped, true, "role inside the", "role in the"},
		{"one spun paragraph: the swap is chance", 1, swapped, false, "", ""},
		{"four spun paragraphs, no swap: nothing to find", 4, plain, false, "", ""},
		// The suggestion is WordNet's ("match"), not the original "same": the phrase is the evidence.
		{"four spun paragraphs: a common word is read too", 4, "The equal day, the army said it had taken the town after a week of heavy fighting.", true, "The equal day", ""},
		{"one spun paragraph: the common word is not read", 1, "The equal day, the army said it had taken the town after a week of heavy fighting.", false, "", ""},
		{"four spun paragraphs, the plain wording: nothing to find", 4, "The same day, the army said it had taken the town after a week of heavy fighting.", false, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Repeat(spun, c.spunPar) + c.last + "\n"
			lastLine := 2*c.spunPar + 1
			fr := auditText(t, text)
			got := false
			for _, f := range fr.Findings {
				if f.Line == lastLine {
					got = true
					if !slices.Contains(f.Evidence["signals"].([]string), "closer-reading") {
						t.Errorf("finding on the last paragraph is not from the second reading: %s", f.Message)
					}
					phrases, _ := f.Evidence["phrases"].([]map[string]any)
					if len(phrases) == 0 || phrases[0]["text"] != c.phrase || phrases[0]["closer_reading"] != true ||
						c.expect != "" && phrases[0]["expected"] != c.expect {
						t.Errorf("first phrase %v, want %q (for %q) marked closer_reading", phrases, c.phrase, c.expect)
					}
				}
			}
			if got != c.want {
				for _, f := range fr.Findings {
					t.Logf("line %d: %s", f.Line, f.Message)
				}
				t.Fatalf("last paragraph flagged: %v, want %v", got, c.want)
			}
		})
	}
}

// TestTextOutsideTheModelsVocabularyIsNotJudged: a file whose lower-case words are largely
// unknown to the reference model (a technical paper) gets no spin verdict unless
// max_unknown is 0.
func TestTextOutsideTheModelsVocabularyIsNotJudged(t *testing.T) {
	reg, err := audit.NewRegistry([]*audit.Rule{Paragraph})
	if err != nil {
		t.Fatal(err)
	}
	spun := readFixture(t, "spun.txt")
	// The same paragraphs with a run of unknown technical terms in each sentence.
	technical := strings.ReplaceAll(spun, ", and ", ", and the troodontid paravian coracoid naris synsacrum, and ")
	technical = strings.ReplaceAll(technical, "The steadfast", "The dromaeosaurid metatarsals, tibiotarsi and pygostyle of the steadfast")
	off, err := audit.ParseConfig([]byte("params:\n  spin.paragraph: {max_unknown: 0}\n"), reg)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		text    string
		cfg     *audit.Config
		flagged bool
	}{
		{"plain spun text is judged", spun, &audit.Config{}, true},
		{"the same text full of unknown terms is not", technical, &audit.Config{}, false},
		{"max_unknown 0 judges it anyway", technical, off, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "f.txt")
			if err := os.WriteFile(path, []byte(c.text), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := audit.Run([]string{path}, audit.Options{Registry: reg, Config: c.cfg, Jobs: 1})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(res.Files[0].Findings) > 0; got != c.flagged {
				t.Fatalf("flagged %v, want %v", got, c.flagged)
			}
		})
	}
}

func TestFindFingerprints(t *testing.T) {
	list := [][]string{{"final", "decision"}, {"boots", "on", "the", "floor"}, {"f", "x"},
		{strings.Repeat("a", 70), "b"}} // a first word too long for the quick test
	long := strings.Repeat("a", 70)
	for _, tt := range []struct {
		text string
		want []fingerprintMatch
	}{
		{"Its final decision came with boots on the floor.", []fingerprintMatch{{1, 3}, {5, 9}}},
		{"Final Decision: the final, decision", []fingerprintMatch{{0, 2}}}, // a comma breaks the phrase
		{"f x and F x and finally decision", []fingerprintMatch{{0, 2}, {3, 5}}},
		{"the " + long + " b here", []fingerprintMatch{{1, 3}}},
		{"nothing here at all", nil},
	} {
		got := findFingerprints(tokenize(tt.text), list)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
		}
	}
}

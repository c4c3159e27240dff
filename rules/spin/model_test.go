package spin

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

func TestModelFindsWordsByTheirSpelling(t *testing.T) {
	m, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"the", "ground", "metropolis", "zebra"} {
		id := m.ID(w)
		if id < 0 {
			t.Errorf("ID(%q) = -1, want a known word", w)
			continue
		}
		if got := m.Word(id); got != w {
			t.Errorf("Word(ID(%q)) = %q", w, got)
		}
	}
	for _, w := range []string{"", "qzxqzx", "The", "ground "} {
		if id := m.ID(w); id >= 0 {
			t.Errorf("ID(%q) = %d, want -1 for a word the model lacks", w, id)
		}
	}
}

func TestTrigramsBackOffToBigrams(t *testing.T) {
	m, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	id := func(w string) int32 { return m.ID(w) }
	cases := []struct {
		name      string
		a, b, c   string
		wantOrder int
	}{
		{"a common trigram is found whole", "one", "of", "the", 3},
		{"an unseen trigram backs off to its bigram", "zebra", "of", "the", 2},
		{"an unseen bigram backs off to the unigram", "zebra", "xylophone", "kangaroo", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, order := m.LogProb3(id(c.a), id(c.b), id(c.c))
			if order != c.wantOrder {
				t.Errorf("order = %d, want %d", order, c.wantOrder)
			}
			if p >= 0 || math.IsNaN(p) || math.IsInf(p, 0) {
				t.Errorf("log10 probability %v, want a finite negative number", p)
			}
		})
	}
	common, _ := m.LogProb3(id("on"), id("the"), id("ground"))
	odd, _ := m.LogProb3(id("on"), id("the"), id("metropolis"))
	if common <= odd {
		t.Errorf("P(ground | on the) = %v should exceed P(metropolis | on the) = %v", common, odd)
	}
}

func TestCorruptDataIsRejected(t *testing.T) {
	cases := []struct {
		name  string
		parse func([]byte) error
		data  []byte
	}{
		{"empty model", func(b []byte) error { _, err := parseModel(b); return err }, nil},
		{"truncated model", func(b []byte) error { _, err := parseModel(b); return err }, bigramModelData[:len(bigramModelData)/2]},
		{"empty trigram table", func(b []byte) error { _, err := parseTrigrams(b); return err }, nil},
		{"truncated trigram table", func(b []byte) error { _, err := parseTrigrams(b); return err }, trigramData[:len(trigramData)-1]},
		{"empty thesaurus", func(b []byte) error { _, err := parseThesaurus(b); return err }, nil},
		{"truncated thesaurus", func(b []byte) error { _, err := parseThesaurus(b); return err }, synonymData[:len(synonymData)/3]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.parse(c.data); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestStrengthNeedsTwoIndependentNearMissesOrOneVeryStrong(t *testing.T) {
	prm := params{minScore: 0.55, strongGain: 5}
	nm := func(gain float64) phrase { return phrase{Signal: "near-miss", Gain: gain} }
	cases := []struct {
		name string
		v    verdict
		want strength
	}{
		{"one ordinary near-miss is not enough", verdict{score: 0.9, phrases: []phrase{nm(3)}}, weak},
		{"two independent near-misses over the score are solid", verdict{score: 0.6, clues: 2, phrases: []phrase{nm(2.5), nm(2.5)}}, solid},
		{"two near-misses on one collocation are one clue", verdict{score: 0.6, clues: 1, phrases: []phrase{nm(2.5), nm(2.5)}}, weak},
		{"one very strong near-miss is lone", verdict{score: 0.6, phrases: []phrase{nm(6)}}, lone},
		{"two near-misses under the score are weak", verdict{score: 0.4, clues: 2, phrases: []phrase{nm(2.5), nm(2.5)}}, weak},
		{"a listed broken idiom is solid alone", verdict{phrases: []phrase{{Signal: "fingerprint"}}}, solid},
		{"no evidence is weak", verdict{}, weak},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.v.strength(prm); got != c.want {
				t.Errorf("strength = %v, want %v", got, c.want)
			}
		})
	}
}

// FuzzJudgeParagraph feeds arbitrary text to the paragraph judge: it must not panic, and what
// it reports must lie inside the paragraph.
func FuzzJudgeParagraph(f *testing.F) {
	for _, s := range []string{"", "The steadfast said it would brand savings on the floor.", "\xff\xfe a\u2019b -- ---", "simpler said than done simpler said than done"} {
		f.Add(s)
	}
	m, err := loadModel()
	if err != nil {
		f.Fatal(err)
	}
	th, err := loadThesaurus()
	if err != nil {
		f.Fatal(err)
	}
	prm := params{gains: thresholds{Synonym: 2, Tie: 3.5}, gainCap: 3, minScore: 0.55, strongGain: 5, minWords: 1}
	f.Fuzz(func(t *testing.T, text string) {
		doc := audit.NewDocument("f.txt", text)
		for _, par := range doc.Paragraphs {
			v := judgeParagraph(m, th, loadFingerprints(), par, prm)
			if math.IsNaN(v.score) || v.score < 0 {
				t.Fatalf("score %v", v.score)
			}
			for _, ph := range v.phrases {
				if ph.start < 0 || ph.start > len(par.Text) {
					t.Fatalf("phrase %q starts at %d outside the paragraph", ph.Text, ph.start)
				}
			}
		}
	})
}

func TestIDFindsEveryVocabularyWordAndNothingElse(t *testing.T) {
	m, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	n := len(m.byWord) / 4
	prev := ""
	for k := 0; k < n; k++ {
		id := int32(binary.LittleEndian.Uint32(m.byWord[4*k:]))
		w := m.Word(id)
		if k > 0 && w == prev {
			continue // a repeated spelling resolves to its first listing
		}
		prev = w
		if got := m.ID(w); got != id {
			t.Fatalf("ID(%q) = %d, want %d", w, got, id)
		}
	}
	for _, w := range []string{"zzqxjv", "the ", "THE", "\x00", "\xff\xfe", "groundx"} {
		if got := m.ID(w); got != -1 {
			t.Errorf("ID(%q) = %d, want -1 for a word the model lacks", w, got)
		}
	}
}

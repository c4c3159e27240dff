package spin

import (
	"math"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// phraseNearMissOf judges the multi-word lemmas that start at the first token reading first.
func phraseNearMissOf(m *Model, th *thesaurus, text, first string, gains thresholds) (nm nearMiss, n int, ok bool) {
	toks := tokenize(text)
	c := newChain(m, th, toks)
	for i, tk := range toks {
		if tk.Lower != first || c.ids[i] < 0 {
			continue
		}
		best := -1.0
		for _, pn := range th.phrasesAt(toks, c, i, nil) {
			if got, excess, found := judgePhrase(m, th, toks, c, i, pn[0], int(pn[1]), gains); found && excess > best {
				nm, n, ok, best = got, int(pn[1]), true, excess
			}
		}
		return nm, n, ok
	}
	return nearMiss{}, 0, false
}

func TestPhraseNearMisses(t *testing.T) {
	m, th := referenceData(t)
	gains := audit.DecodeParams[params](Paragraph.Defaults()).phraseGains()
	cases := []struct {
		name, text, first string
		want              string // the single word expected; "" for no near-miss
	}{
		{"a phrase written for a word", "the single monetary unit was launched in january", "monetary", "euro"},
		{"a synonym phrase", "he said the gross revenue of the firm rose", "gross", "sales"},
		{"a phrasal verb in its usual context", "they will shout out the names", "shout", ""},
		{"a compound is not a swap for its head word", "the crude oil futures fell", "crude", ""},
		{"nor for its inflected head word", "it will sell the sinking fund debentures next year", "sinking", ""},
		{"a phrase in its usual context", "the prime minister said on monday", "prime", ""},
		{"no phrase at a sentence's end", "they talked about the monetary unit", "monetary", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			nm, n, ok := phraseNearMissOf(m, th, c.text, c.first, gains)
			got := ""
			if ok {
				got = nm.Expected
			}
			if got != c.want {
				t.Errorf("near-miss on %q = %q (gain %.2f, %d words), want %q", c.first, got, nm.Gain, n, c.want)
			}
		})
	}
}

// seqFit of a one-word slot must be the plain per-n-gram fit of that word, so a phrase and a
// single word are scored alike.
func TestSeqFitOfOneWordIsTheWordsFit(t *testing.T) {
	m, th := referenceData(t)
	checked := 0
	for _, par := range audit.NewDocument("f.txt", readFixture(t, "spun.txt")).Paragraphs {
		toks := tokenize(par.Text)
		c := newChain(m, th, toks)
		for i := 1; i+1 < len(toks); i++ {
			if !c.linked[i] || !c.linked[i+1] {
				continue
			}
			h := []int32{c.ids[i-1]}
			if i >= 2 && c.linked[i-1] {
				h = []int32{c.ids[i-2], c.ids[i-1]}
			}
			r := []int32{c.ids[i+1]}
			if i+2 < len(toks) && c.linked[i+2] {
				r = append(r, c.ids[i+2])
			}
			got, gotUnseen := seqFit(m, h, c.ids[i:i+1], r, math.Inf(-1))
			want, wantUnseen, _ := referenceFit(m, c, i, c.ids[i])
			if got != want || gotUnseen != wantUnseen {
				t.Fatalf("%q: seqFit %v (%d unseen), reference %v (%d)", toks[i].Text, got, gotUnseen, want, wantUnseen)
			}
			checked++
		}
	}
	if checked < 50 {
		t.Fatalf("only %d words checked", checked)
	}
}

func TestTruncatedPhraseTablesAreRejected(t *testing.T) {
	if _, err := parseThesaurus(synonymData[:len(synonymData)-6]); err == nil {
		t.Fatal("a thesaurus cut short in its phrase tables was accepted")
	}
	th, err := parseThesaurus(synonymData)
	if err != nil {
		t.Fatal(err)
	}
	if th.phraseWords.len() == 0 {
		t.Fatal("no multi-word lemmas in the embedded thesaurus")
	}
}

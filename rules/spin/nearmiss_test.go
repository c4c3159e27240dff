package spin

import (
	"math"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// referenceFit is the plain per-n-gram definition of a word's context fit that the fitter
// must reproduce bit for bit: for each n-gram (up to trigrams) in running text that contains
// token i read as x, Katz back-off log10 probability, and whether the model lacked it at
// full order.
func referenceFit(m *Model, c chain, i int, x int32) (score float64, unseen, judged int) {
	at := func(j int) int32 {
		if j == i {
			return x
		}
		return c.ids[j]
	}
	for j := i; j <= i+2 && j < len(c.ids); j++ {
		if j > i && !c.linked[j] {
			break
		}
		var p float64
		var order, want int
		switch {
		case j >= 2 && c.linked[j] && c.linked[j-1] && j-2 <= i:
			p, order = m.LogProb3(at(j-2), at(j-1), at(j))
			want = 3
		case c.linked[j] && j-1 <= i:
			p, order = m.LogProb2(at(j-1), at(j))
			want = 2
		default:
			continue
		}
		score += p
		judged++
		if order < want {
			unseen++
		}
	}
	return score, unseen, judged
}

func TestFitterScoresEveryCandidateExactlyLikeThePlainDefinition(t *testing.T) {
	m, th := referenceData(t)
	texts := []string{
		readFixture(t, "spun.txt"),
		readFixture(t, "clean.txt"),
		"The boots on the floor were muddy. A, b; and the - end. Go! Yes.",
		"word",
		"",
	}
	checked := 0
	for _, text := range texts {
		for _, par := range audit.NewDocument("f.txt", text).Paragraphs {
			toks := tokenize(par.Text)
			c := newChain(m, th, toks)
			for i := range toks {
				f := newFitter(m, c, i)
				cands := []int32{c.ids[i]}
				if c.ids[i] >= 0 {
					cands = append(cands, th.Synonyms(m, c.ids[i])...)
				}
				for _, x := range cands {
					if x < 0 {
						continue
					}
					ws, wu, wj := referenceFit(m, c, i, x)
					gs, gu, gj := f.fit(x, len(toks), nil)
					if math.Float64bits(gs) != math.Float64bits(ws) || gu != wu || gj != wj {
						t.Fatalf("%q token %d as %q: fitter (%v, %d, %d), plain (%v, %d, %d)",
							par.Text, i, m.Word(x), gs, gu, gj, ws, wu, wj)
					}
					checked++
				}
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d fits compared; the fixtures should give hundreds", checked)
	}
}

func TestFitterStopsOnlyForCandidatesThatCannotClearTheBar(t *testing.T) {
	m, th := referenceData(t)
	toks := tokenize(readFixture(t, "spun.txt"))
	c := newChain(m, th, toks)
	stopped := 0
	for i := range toks {
		if c.ids[i] < 0 {
			continue
		}
		f := newFitter(m, c, i)
		fw, uw, _ := f.fit(c.ids[i], len(toks), nil)
		for _, b := range []bar{{word: fw, need: 2}, {word: fw, need: 2, found: true, excess: 0.5}} {
			for _, x := range th.Synonyms(m, c.ids[i]) {
				full, fu, _ := f.fit(x, len(toks), nil)
				part, pu, _ := f.fit(x, uw, &b)
				if pu <= uw {
					if math.Float64bits(part) != math.Float64bits(full) || pu != fu {
						t.Fatalf("token %d as %q: a fit that did not stop differs: %v/%d, full %v/%d", i, m.Word(x), part, pu, full, fu)
					}
					continue
				}
				stopped++
				g := full - b.word
				if fu <= uw && g >= b.need && (!b.found || g-b.need > b.excess) {
					t.Fatalf("token %d as %q stopped early but clears the bar (gain %v)", i, m.Word(x), g)
				}
			}
		}
	}
	if stopped == 0 {
		t.Fatal("no candidate stopped early; the test does not exercise the bar")
	}
}

func TestPrepositionSwapsAreNearMissesOnlyAboveTheirThreshold(t *testing.T) {
	m, th := referenceData(t)
	cases := []struct {
		name, text, word string
		gain             float64 // preposition_gain
		want             string  // expected preposition, "" for no near-miss
	}{
		{"a passive agent swapped to through is caught", "The rebels were backed through Russian airpower in the north.", "through", 3, "by"},
		{"the check is off at gain 0", "The rebels were backed through Russian airpower in the north.", "through", 0, ""},
		{"an apt preposition is left alone", "The rebels were backed by Russian airpower in the north.", "by", 3, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			nm, ok := nearMissOf(m, th, c.text, c.word, thresholds{Synonym: 1.25, Tie: 1.5, Preposition: c.gain})
			got := ""
			if ok {
				got = nm.Expected
			}
			if got != c.want {
				t.Errorf("near-miss expected %q, want %q (gain %.2f)", got, c.want, nm.Gain)
			}
		})
	}
}

// referenceData loads the shipped model and thesaurus, failing the test if either is broken.
func referenceData(t testing.TB) (*Model, *thesaurus) {
	t.Helper()
	m, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	th, err := loadThesaurus()
	if err != nil {
		t.Fatal(err)
	}
	return m, th
}

// nearMissOf judges the last token of text that reads word.
func nearMissOf(m *Model, th *thesaurus, text, word string, gains thresholds) (nearMiss, bool) {
	toks := tokenize(text)
	at := -1
	for i, tk := range toks {
		if tk.Lower == word {
			at = i
		}
	}
	if at < 0 {
		return nearMiss{}, false
	}
	nm, _, ok := findNearMiss(m, th, toks, newChain(m, th, toks), at, gains)
	return nm, ok
}

func TestFunctionWordsIncludeContractionsButNotPossessives(t *testing.T) {
	cases := []struct {
		word string
		want bool
	}{
		{"the", true}, {"would", true}, {"city", false}, {"nevertheless", false},
		{"it'll", true}, {"it’ll", true}, {"it's", true}, {"we're", true}, {"they've", true},
		{"don't", true}, {"doesn't", true}, {"isn't", true}, {"can't", true}, {"couldn't", true},
		{"won't", true}, {"shan't", true}, {"ain't", true},
		{"men's", false}, {"son's", false}, {"ton's", false}, {"hen's", false}, {"inn's", false},
		{"damage's", false}, {"o'clock", false}, {"'s", false},
	}
	for _, c := range cases {
		if got := isFunctionWord(c.word); got != c.want {
			t.Errorf("isFunctionWord(%q) = %v, want %v", c.word, got, c.want)
		}
	}
}

// referenceNearMiss is judgeNearMiss without its shortcuts (batched lookups, the bar, the
// polysemy discount taken late): every candidate fitted in full by referenceFit.
func referenceNearMiss(m *Model, t *thesaurus, c chain, i int, th thresholds) (nm nearMiss, excess float64, ok bool) {
	w := c.ids[i]
	fw, unseenW, judged := referenceFit(m, c, i, w)
	if judged == 0 || unseenW == 0 {
		return nearMiss{}, 0, false
	}
	best := nearMiss{Index: i}
	sets := [][]int32{t.Synonyms(m, w)}
	if th.Wider > 0 {
		sets = append(sets, t.Wider(m, w))
	}
	for k, cands := range sets {
		wider := k == 1
		for _, s := range cands {
			fs, unseenS, _ := referenceFit(m, c, i, s)
			if unseenS > unseenW {
				continue
			}
			pen := th.Polysemy * math.Log10(float64(1+len(t.Synonyms(m, s))))
			need := th.Synonym
			if wider {
				need = th.Wider
			}
			if unseenS == unseenW {
				need = max(need, th.Tie)
			}
			if g := fs - fw - pen; g >= need && (!ok || g-need > excess) && !spellingVariants(m.Word(w), m.Word(s)) {
				ok, excess = true, g-need
				best.Gain, best.Expected, best.Unseen, best.Wider = g, m.Word(s), unseenW-unseenS, wider
			}
		}
		if ok {
			break
		}
	}
	return best, excess, ok
}

func TestNearMissesEqualTheirPlainDefinition(t *testing.T) {
	m, th := referenceData(t)
	found, compared := 0, 0
	// the first reading's thresholds, then the looser second reading's
	for _, gains := range []thresholds{{Synonym: 1.25, Wider: 3.5, Tie: 1.5, Polysemy: 0.75}, {Synonym: 1.25, Wider: 3.5, Tie: 1.5, Polysemy: 0.4, Common: true}} {
		for _, name := range []string{"spun.txt", "clean.txt"} {
			toks := tokenize(readFixture(t, name))
			c := newChain(m, th, toks)
			for i := range toks {
				if c.ids[i] < 0 || toks[i].Capitalised || !classify(toks[i].Lower).judgeable(toks[i].Lower, gains) {
					continue
				}
				got, gx, gok := judgeNearMiss(m, th, toks, c, i, gains, nil)
				want, wx, wok := referenceNearMiss(m, th, c, i, gains)
				if gok != wok || math.Float64bits(gx) != math.Float64bits(wx) || got != want {
					t.Fatalf("%s token %d %q: got %+v (%v, %v), want %+v (%v, %v)", name, i, toks[i].Text, got, gx, gok, want, wx, wok)
				}
				compared++
				if gok {
					found++
				}
			}
		}
	}
	if compared < 100 || found < 3 {
		t.Fatalf("%d words compared, %d near-misses: the fixtures should give more", compared, found)
	}
}

func TestClassOfIsClassifyForEveryVocabularyWord(t *testing.T) {
	m, _ := referenceData(t)
	content := 0
	for round := 0; round < 2; round++ { // asked, then memoised
		for id := int32(0); int(id) < len(m.wordStart)-1; id++ {
			w := m.Word(id)
			if got, want := m.classOf(id, w), classify(w); got != want {
				t.Fatalf("%q (round %d): classOf %+v, classify %+v", w, round, got, want)
			}
			if round == 0 && classify(w).content() {
				content++
			}
		}
	}
	if content < 1000 || content == len(m.wordStart)-1 {
		t.Fatalf("%d content words of %d: the lists were not read", content, len(m.wordStart)-1)
	}
}

package spin

import (
	"math"
	"slices"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// verdictWith builds a judged verdict with the given score and near-miss gains, each an
// independent clue.
func verdictWith(score float64, inflatedWords int, gains ...float64) verdict {
	v := verdict{judged: true, score: score, clues: len(gains)}
	for _, g := range gains {
		v.phrases = append(v.phrases, phrase{Signal: "near-miss", Gain: g})
	}
	for range inflatedWords {
		v.inflated = append(v.inflated, inflated{Text: "metropolis", Common: "city"})
	}
	return v
}

func TestFileContextBases(t *testing.T) {
	prm := testFileParams()
	strong := verdictWith(0.9, 0, 2, 3)
	quiet := verdictWith(0, 0)
	cases := []struct {
		name     string
		verdicts []verdict
		want     []basis
	}{
		{"a lone very strong near-miss does not flag alone",
			[]verdict{verdictWith(0.9, 0, 6), quiet, quiet}, []basis{notFlagged, notFlagged, notFlagged}},
		{"a lone very strong near-miss flags beside a solid paragraph",
			[]verdict{verdictWith(0.9, 0, 6), strong, quiet, quiet, quiet, quiet, quiet, quiet}, []basis{onItsOwn, onItsOwn, notFlagged, notFlagged, notFlagged, notFlagged, notFlagged, notFlagged}},
		{"a clean file flags nothing",
			[]verdict{quiet, quiet, quiet}, []basis{notFlagged, notFlagged, notFlagged}},
		{"one strong paragraph does not lend its weight to a weak one",
			[]verdict{strong, verdictWith(0.3, 0, 2), quiet, quiet},
			[]basis{onItsOwn, notFlagged, notFlagged, notFlagged}},
		{"two strong paragraphs carry a weak one over context_score",
			[]verdict{strong, strong, verdictWith(0.3, 0, 2), quiet, quiet, quiet, quiet, quiet},
			[]basis{onItsOwn, onItsOwn, byContext, notFlagged, notFlagged, notFlagged, notFlagged, notFlagged}},
		{"two strong paragraphs among forty lend no context",
			append([]verdict{strong, strong, verdictWith(0.3, 0, 2)}, slices.Repeat([]verdict{quiet}, 37)...),
			append([]basis{onItsOwn, onItsOwn, notFlagged}, slices.Repeat([]basis{notFlagged}, 37)...)},
		{"a near-miss resting on two adjacent words is one clue",
			append([]verdict{{judged: true, score: 0.9, clues: 1, phrases: []phrase{{Signal: "near-miss", Gain: 3}, {Signal: "near-miss", Gain: 3}}}, strong}, slices.Repeat([]verdict{quiet}, 8)...),
			append([]basis{notFlagged, onItsOwn}, slices.Repeat([]basis{notFlagged}, 8)...)},
		{"two moderate paragraphs of a short file support each other",
			[]verdict{verdictWith(0.55, 0, 2.5), verdictWith(0.5, 0, 3), quiet, quiet},
			[]basis{byMutual, byMutual, notFlagged, notFlagged}},
		{"a moderate paragraph next to a strong one is supported",
			[]verdict{strong, verdictWith(0.5, 0, 3), quiet},
			[]basis{onItsOwn, byMutual, notFlagged}},
		{"two moderate paragraphs among many are chance",
			append([]verdict{verdictWith(0.55, 0, 2.5), verdictWith(0.5, 0, 3)}, slices.Repeat([]verdict{quiet}, 8)...),
			append([]basis{notFlagged, notFlagged}, slices.Repeat([]basis{notFlagged}, 8)...)},
		{"a file mostly spun end to end flags every paragraph with some evidence",
			[]verdict{strong, strong, strong, verdictWith(0.05, 0, 1.5), verdictWith(0, 1), quiet},
			[]basis{onItsOwn, onItsOwn, onItsOwn, byWholeArticle, byWholeArticle, notFlagged}},
		{"mutual support and whole-article context can be turned off",
			[]verdict{verdictWith(0.55, 0, 2.5), verdictWith(0.5, 0, 3)},
			[]basis{notFlagged, notFlagged}},
	}
	for k, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := prm
			if k == len(cases)-1 {
				p.mutualScore, p.wholeShare = 0, 0
			}
			fc := newFileContext(c.verdicts, p)
			var got []basis
			for i := range c.verdicts {
				got = append(got, fc.basis(i, p))
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("bases %v, want %v", got, c.want)
			}
		})
	}
}

func testFileParams() params {
	return params{minScore: 0.6, strongGain: 5, contextScore: 0.2, contextParagraphs: 2, fileShare: 0.075,
		inflPar: 2, mutualScore: 0.5, mutualShare: 0.25, wholeShare: 0.5}
}

func TestDocumentLevelEvidence(t *testing.T) {
	prm := testFileParams()
	prm.orphanRate, prm.orphanSurprise, prm.clueRate, prm.clueSurprise = 0.005, 3, 0.01, 2
	// orphaned: a paragraph of 40 content words and 60 word pairs with n orphans and k clues
	orphaned := func(n, k int, score float64) verdict {
		v := verdict{judged: true, score: score, clues: k, content: 40, pairs: 60}
		for range n {
			v.orphans = append(v.orphans, token{Text: "donnybrook"})
		}
		return v
	}
	spread := []verdict{orphaned(2, 3, 0.1), orphaned(2, 3, 0.1), orphaned(2, 2, 0.1), orphaned(1, 0, 0), orphaned(0, 2, 0.1), orphaned(0, 0, 0)}
	fc := newFileContext(spread, prm)
	if !fc.byDocument || !fc.spun {
		t.Fatalf("seven orphans and ten clues over six paragraphs: byDocument %v, spun %v", fc.byDocument, fc.spun)
	}
	var got []basis
	for i := range spread {
		got = append(got, fc.basis(i, prm))
	}
	want := []basis{byOrphans, byOrphans, byOrphans, notFlagged, notFlagged, notFlagged}
	if !slices.Equal(got, want) {
		t.Fatalf("bases %v, want %v", got, want)
	}
	clean := []verdict{orphaned(1, 1, 0.1), orphaned(0, 0, 0), orphaned(1, 0, 0), orphaned(0, 0, 0), orphaned(0, 1, 0.1), orphaned(0, 0, 0)}
	if newFileContext(clean, prm).byDocument {
		t.Fatal("two orphans and two clues over six paragraphs read as spun")
	}
	prm.orphanSurprise = 0
	if newFileContext(spread, prm).byDocument {
		t.Fatal("orphan_surprise 0 did not turn document-level evidence off")
	}
}

func TestSeverityFollowsTheFile(t *testing.T) {
	strong, quiet := verdictWith(0.9, 0, 2, 3), verdictWith(0, 0)
	cases := []struct {
		name     string
		verdicts []verdict
		want     audit.Severity
	}{
		{"one paragraph flagged on its own is a weak clue", []verdict{strong, quiet, quiet, quiet}, audit.Info},
		{"two moderate paragraphs are weak clues", []verdict{verdictWith(0.55, 0, 2.5), verdictWith(0.5, 0, 3), quiet}, audit.Info},
		{"two paragraphs flagged on their own make a spun file", []verdict{strong, strong, quiet, quiet, quiet, quiet, quiet, quiet}, audit.Warning},
		{"two among forty do not", append([]verdict{strong, strong}, slices.Repeat([]verdict{quiet}, 38)...), audit.Info},
		{"a file spun end to end is an error", []verdict{strong, strong, strong, quiet}, audit.Error},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := newFileContext(c.verdicts, testFileParams()).severity(testFileParams()); got != c.want {
				t.Fatalf("severity %v, want %v", got, c.want)
			}
		})
	}
}

func TestIndependentClues(t *testing.T) {
	cases := []struct {
		name  string
		at    []int
		words []string
		want  int
		total float64
	}{
		{"far apart words are two clues", []int{3, 10}, []string{"a", "b"}, 2, 2},
		{"words within two tokens are one clue", []int{3, 5}, []string{"a", "b"}, 1, 1},
		{"a chain of neighbours is one clue", []int{3, 5, 7}, []string{"a", "b", "c"}, 1, 1},
		{"a word found again is not a new clue", []int{3, 10, 20}, []string{"a", "b", "a"}, 2, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var e independence
			for k, i := range c.at {
				e.add(i, c.words[k], 1)
			}
			if e.clues != c.want || e.total() != c.total {
				t.Fatalf("clues %d total %v, want %d and %v", e.clues, e.total(), c.want, c.total)
			}
		})
	}
}

// TestPolysemyOnlyDiscounts checks the polysemy discount against its definition: it can
// remove near-misses, never add one, and a near-miss it keeps reports the fit gain less
// Polysemy * log10(1 + the expected word's synonym count).
func TestPolysemyOnlyDiscounts(t *testing.T) {
	m, th := referenceData(t)
	doc := audit.NewDocument("p.txt", readFixture(t, "spun.txt")+"\n"+readFixture(t, "clean.txt"))
	plain := thresholds{Synonym: 1.25, Tie: 1.5}
	discounted := plain
	discounted.Polysemy = 0.75
	kept, removed := 0, 0
	for _, par := range doc.Paragraphs {
		toks := tokenize(par.Text)
		c := newChain(m, th, toks)
		for i := range toks {
			_, _, ok0 := findNearMiss(m, th, toks, c, i, plain)
			nm, _, ok1 := findNearMiss(m, th, toks, c, i, discounted)
			if ok1 && !ok0 {
				t.Errorf("%q: the discount added a near-miss (%q)", toks[i].Text, nm.Expected)
			}
			if !ok1 {
				if ok0 {
					removed++
				}
				continue
			}
			kept++
			f := newFitter(m, c, i)
			fw, _, _ := f.fit(c.ids[i], len(toks), nil)
			fs, _, _ := f.fit(m.ID(nm.Expected), len(toks), nil)
			want := fs - fw - 0.75*math.Log10(float64(1+len(th.Synonyms(m, m.ID(nm.Expected)))))
			if math.Abs(nm.Gain-want) > 1e-9 {
				t.Errorf("%q for %q: gain %.4f, want %.4f", toks[i].Text, nm.Expected, nm.Gain, want)
			}
		}
	}
	if kept == 0 {
		t.Fatal("no near-miss survived the discount on the spun fixture")
	}
	t.Logf("%d near-misses kept, %d removed by the discount", kept, removed)
}

func TestDocumentLikelihoodRatio(t *testing.T) {
	prm := testFileParams()
	prm.documentLLR, prm.documentDensity = 5, 0.03
	// par: a paragraph of 40 content words and 60 word pairs with these counts
	par := func(clues, orphans, near, half int) verdict {
		v := verdict{judged: true, clues: clues, content: 40, pairs: 60, nearOrphans: near, halfOrphans: half}
		for range orphans {
			v.orphans = append(v.orphans, token{Text: "donnybrook"})
		}
		return v
	}
	times := func(n int, v verdict) []verdict { return slices.Repeat([]verdict{v}, n) }
	cases := []struct {
		name     string
		verdicts []verdict
		want     bool
		minLLR   float64 // > 0: the case needs a ratio at least this large to test what it names
	}{
		{"spun rates over six paragraphs", times(6, par(3, 1, 0, 1)), true, 0},
		{"clean rates over six paragraphs", append(times(5, par(1, 0, 0, 0)), par(1, 1, 1, 2)), false, 0},
		{"near-misses alone at the spun rate", times(6, par(4, 0, 0, 0)), true, 0},
		// a large ratio (about 60) gathered at 0.02 per content word
		{"a long file at a slightly raised rate", times(80, par(2, 1, 0, 1)), false, 5},
		{"one odd paragraph in a long file", append(times(30, par(0, 0, 0, 0)), par(4, 2, 1, 1)), false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var tl oddTally
			for _, v := range c.verdicts {
				tl.add(v)
			}
			if c.minLLR > 0 && tl.llr() < c.minLLR {
				t.Fatalf("log10 ratio %.2f: the case does not test document_density", tl.llr())
			}
			if got := newFileContext(c.verdicts, prm).byDocument; got != c.want {
				t.Fatalf("byDocument %v, want %v (log10 ratio %.2f over %d content words)", got, c.want, tl.llr(), tl.content)
			}
		})
	}
	prm.documentLLR = 0
	if newFileContext(times(6, par(3, 1, 0, 1)), prm).byDocument {
		t.Fatal("document_llr 0 did not turn the check off")
	}
}

package spin

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestPoissonSurprise(t *testing.T) {
	cases := []struct {
		name string
		k    int
		mu   float64
		want float64
	}{
		{"no event is no surprise", 0, 3, 0},
		{"one event where one is expected", 1, 1, -math.Log10(1 - math.Exp(-1))},
		{"two events where none are expected", 2, 0.01, -math.Log10(1 - math.Exp(-0.01)*(1+0.01))},
		{"an impossible count is capped", 3, 0, 30},
		{"a tiny tail keeps its precision", 40, 1, 47.9},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := poissonSurprise(c.k, c.mu)
			if c.want >= 30 && got != 30 || c.want < 30 && math.Abs(got-min(c.want, 30)) > 0.05 {
				t.Fatalf("poissonSurprise(%d, %v) = %v, want %v", c.k, c.mu, got, min(c.want, 30))
			}
		})
	}
}

func TestOrphansNeedCommonNeighboursAndNoBigram(t *testing.T) {
	m, th := referenceData(t)
	cases := []struct {
		text string
		want []string
	}{
		{"he said the donnybrook was over by then", []string{"donnybrook"}},
		{"he said the fight was over by then", nil},
		{"the Company said profits rose", nil},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			toks := tokenize(c.text)
			ch := newChain(m, th, toks)
			var got []string
			for i, tk := range toks {
				if ch.ids[i] >= 0 && !tk.Capitalised && classify(tk.Lower).content() && isOrphan(m, toks, ch, i, -3) {
					got = append(got, tk.Lower)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("orphans %v, want %v", got, c.want)
			}
		})
	}
}

// TestNearMissFitReadsOrphans holds the orphan test judgeParagraph reads off the near-miss
// fit to its definition, isOrphan.
func TestNearMissFitReadsOrphans(t *testing.T) {
	m, th := referenceData(t)
	text := readFixture(t, "spun.txt") + "\n\n" + readFixture(t, "clean.txt") + "\n\nhe said the donnybrook was over by then and the staccato of a forehand was heard"
	checked, found := 0, 0
	for _, par := range tokenizeParagraphs(text) {
		toks := tokenize(par)
		c := newChain(m, th, toks)
		for i, tk := range toks {
			if c.ids[i] < 0 || tk.Capitalised || !classify(tk.Lower).content() {
				continue
			}
			var nb neighbourFit
			judgeNearMiss(m, th, toks, c, i, thresholds{Synonym: 1.25, Tie: 1.5}, &nb)
			read := grade(m, c, i, nb, -3) == orphan
			if want := isOrphan(m, toks, c, i, -3); read != want {
				t.Errorf("%q: the fit reads orphan %v, isOrphan says %v", tk.Text, read, want)
			}
			checked++
			if read {
				found++
			}
		}
	}
	if found == 0 || checked < 50 {
		t.Fatalf("checked %d content words, %d orphans: the test has nothing to compare", checked, found)
	}
}

func tokenizeParagraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

func TestGradeReadsNeighbours(t *testing.T) {
	m, th := referenceData(t)
	cases := []struct {
		text, word string
		want       oddness
	}{
		{"he said the donnybrook was over by then", "donnybrook", orphan},
		{"he said the fight was over by then", "fight", ordinary},
		{"he said that the peace, donnybrook and calm were over", "donnybrook", halfOrphan},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			toks := tokenize(c.text)
			ch := newChain(m, th, toks)
			i := slices.IndexFunc(toks, func(tk token) bool { return tk.Lower == c.word })
			var nb neighbourFit
			judgeNearMiss(m, th, toks, ch, i, thresholds{Synonym: 1.25, Tie: 1.5}, &nb)
			if got := grade(m, ch, i, nb, -3); got != c.want {
				t.Fatalf("%q graded %v, want %v (fit %+v)", c.word, got, c.want, nb)
			}
		})
	}
}

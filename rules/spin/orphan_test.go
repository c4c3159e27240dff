package spin

import (
	"math"
	"slices"
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

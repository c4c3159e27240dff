package duplicate

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSortFeatureEntries(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name      string
		n         int
		lowSorted bool // low halves non-decreasing, as Add appends them
		highBits  uint // spread of the features
	}{
		{"small", 100, true, 32},
		{"radix", 20000, true, 32},
		{"radix narrow features", 20000, true, 8},
		{"radix one feature", 20000, true, 0},
		{"fallback", 20000, false, 32},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			xs := make([]uint64, tt.n)
			for i := range xs {
				f := uint64(0)
				if tt.highBits > 0 {
					f = r.Uint64() >> (64 - tt.highBits)
				}
				low := uint64(i / 3)
				if !tt.lowSorted {
					low = uint64(r.Uint32())
				}
				xs[i] = f<<32 | low
			}
			want := slices.Clone(xs)
			slices.Sort(want)
			sortFeatureEntries(xs)
			if !slices.Equal(xs, want) {
				t.Fatal("entries not sorted as slices.Sort sorts them")
			}
		})
	}
}

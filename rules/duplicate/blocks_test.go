package duplicate

import (
	"slices"
	"testing"
)

func TestBlocksKeepRunsWholeAndInOrder(t *testing.T) {
	cases := []struct {
		name string
		runs []int // lengths of the runs appended
	}{
		{"empty", nil},
		{"one small run", []int{3}},
		{"runs that fill a block exactly", []int{blockSize / 2, blockSize / 2, 1}},
		{"a run that would straddle starts a new block", []int{blockSize - 10, 600, 5}},
		{"many runs of the longest unit", slices.Repeat([]int{maxAlignTokens}, 300)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b blocks[uint32]
			var want []uint32
			var pos []int64
			next := uint32(1)
			for _, n := range c.runs {
				run := make([]uint32, n)
				for i := range run {
					run[i] = next
					next++
				}
				pos = append(pos, b.appendRun(run))
				want = append(want, run...)
			}
			at := 0
			for i, n := range c.runs {
				if got := b.run(pos[i], n); !slices.Equal(got, want[at:at+n]) {
					t.Fatalf("run %d (at %d, %d values) reads back wrong", i, pos[i], n)
				}
				at += n
			}
			if got := b.flatten(); !slices.Equal(got, want) || len(got) != cap(got) {
				t.Fatalf("flatten: %d values (cap %d), want %d in order", len(got), cap(got), len(want))
			}
			if len(b.list) != 0 {
				t.Fatal("flatten did not empty the store")
			}
		})
	}
}

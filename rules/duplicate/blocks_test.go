package duplicate

import (
	"math/rand/v2"
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

// TestFeatureDirectoryFindsWhatBinarySearchFinds compares the directory lookup with a
// binary search of the whole list, for present and absent features at bucket edges.
func TestFeatureDirectoryFindsWhatBinarySearchFinds(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cases := []struct {
		name     string
		features []uint32
	}{
		{"empty", nil},
		{"edges", []uint32{0, 1, 1<<12 - 1, 1 << 12, 0xfffff000, 0xffffffff, 0xffffffff}},
		{"more entries than the largest directory has slots", func() []uint32 {
			out := make([]uint32, 1<<20+5000)
			for i := range out {
				out[i] = rng.Uint32()
			}
			return out
		}()},
		{"random", func() []uint32 {
			out := make([]uint32, 5000)
			for i := range out {
				out[i] = rng.Uint32()
			}
			return out
		}()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var entries []uint64
			for i, f := range c.features {
				entries = append(entries, uint64(f)<<32|uint64(i))
			}
			slices.Sort(entries)
			cc := &crossCheck{features: entries}
			cc.featureDir, cc.featureDirBits = featureDirectory(entries)
			probes := append(slices.Clone(c.features), 2, 1<<12+1, 0x7fffffff, 0xfffffffe)
			for _, f := range probes {
				want, _ := slices.BinarySearch(entries, uint64(f)<<32)
				if got := cc.firstWithFeature(f); got != want {
					t.Fatalf("feature %x: directory says %d, binary search %d", f, got, want)
				}
			}
		})
	}
}

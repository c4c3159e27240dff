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

// TestWordFilterNeverRejectsAVerifiedCopy: the filter is a bound, so a pair that passes
// isCopy's word counts must pass it.
func TestWordFilterNeverRejectsAVerifiedCopy(t *testing.T) {
	cases := []struct{ name, a, b string }{
		{"verbatim", "In June, two U.S. intelligence officials told Reuters that the group had moved its fighters.", "In June, two U.S. intelligence officials told Reuters that the group had moved its fighters."},
		{"spun", "In June, two U.S. intelligence officials told Reuters that the group had moved its fighters.", "In June, two USA intelligence officials informed Reuters that the institution had shifted its warring parties."},
		{"unrelated", "The central bank raised interest rates by a quarter point on Thursday.", "Heavy rain flooded the valley and closed three roads near the border."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b := wordKeys(c.a), wordKeys(c.b)
			al := Align(a, b).Extend(a, b, extendSlack)
			matched, nonStop := al.Matches, 0
			for i := al.AStart; i < al.AEnd; i++ {
				if Kind(a[i]&3) != Stop {
					nonStop++
				}
			}
			for _, ch := range al.Changes {
				for i := ch.AStart; i < ch.AEnd; i++ {
					if Kind(a[i]&3) != Stop {
						nonStop--
					}
				}
			}
			var f wordFilter
			f.reset(a)
			if !f.mayMatch(b, matched, nonStop) {
				t.Fatalf("filter rejects a pair with %d matched words, %d not stopwords", matched, nonStop)
			}
			if c.name == "unrelated" && f.mayMatch(b, 10, minMatchedNonStop) {
				t.Fatal("filter lets an unrelated pair through to alignment")
			}
		})
	}
}

// FuzzWordFilterIsABound: for any two word sequences, the filter admits the pair at the
// alignment's own matched and non-stopword counts.
func FuzzWordFilterIsABound(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6}, []byte{1, 2, 9, 4, 5, 6})
	f.Add([]byte{7, 7, 7, 1}, []byte{7, 1, 7})
	f.Fuzz(func(t *testing.T, x, y []byte) {
		// Small alphabets so sequences share words; the low two bits are the kind.
		toKeys := func(bs []byte) []uint32 {
			out := make([]uint32, len(bs))
			for i, c := range bs {
				out[i] = uint32(c>>2)<<2 | uint32(c&3)
			}
			return out
		}
		a, b := toKeys(x), toKeys(y)
		al := Align(a, b).Extend(a, b, extendSlack)
		nonStop := 0
		for i := al.AStart; i < al.AEnd; i++ {
			if Kind(a[i]&3) != Stop {
				nonStop++
			}
		}
		for _, ch := range al.Changes {
			for i := ch.AStart; i < ch.AEnd; i++ {
				if Kind(a[i]&3) != Stop {
					nonStop--
				}
			}
		}
		var wf wordFilter
		wf.reset(a)
		if !wf.mayMatch(b, al.Matches, nonStop) {
			t.Fatalf("filter rejects %v / %v: %d matched, %d not stopwords", a, b, al.Matches, nonStop)
		}
	})
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
			cc := &crossCheck{features: entries, featureDir: featureDirectory(entries)}
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

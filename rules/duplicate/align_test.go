package duplicate

import (
	"hash/fnv"
	"reflect"
	"strings"
	"testing"
)

func wordKeys(s string) []uint32 { return keys(Tokenize(s, nil)) }

func TestAlign(t *testing.T) {
	cases := []struct {
		name        string
		a, b        string
		matches     int
		swaps       []string
		bStart      int // first aligned word of b
		wantNothing bool
	}{
		{
			name:    "identical sentences align word for word",
			a:       "the council approved a new ferry timetable on Tuesday",
			b:       "the council approved a new ferry timetable on Tuesday",
			matches: 9,
		},
		{
			name:    "a one-word swap is a substitution, not a gap",
			a:       "two U.S. intelligence officials told Reuters that they believed the group had moved",
			b:       "two USA intelligence officials told Reuters that they believed the group had moved",
			matches: 12,
			swaps:   []string{"U.S. → USA"},
		},
		{
			name:    "a sentence copied into a longer paragraph is found where it stands",
			a:       "the observatory said on Friday there were clashes in several areas of the eastern province",
			b:       "Rain fell all week in the capital. The observatory said on Friday there were clashes in several areas of the eastern province. Shops stayed shut",
			matches: 15,
			bStart:  7,
		},
		{
			name:        "unrelated sentences do not align",
			a:           "engineers cleared a landslide that blocked the mountain line",
			b:           "a bakery won a regional prize for its rye bread again",
			wantNothing: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ta, tb := Tokenize(c.a, nil), Tokenize(c.b, nil)
			ka, kb := keys(ta), keys(tb)
			al := Align(ka, kb).Extend(ka, kb, extendSlack)
			if c.wantNothing {
				if al.Matches >= 4 {
					t.Fatalf("unrelated texts matched %d words", al.Matches)
				}
				return
			}
			if al.Matches != c.matches {
				t.Errorf("matches = %d, want %d", al.Matches, c.matches)
			}
			if al.BStart != c.bStart {
				t.Errorf("b starts at word %d, want %d", al.BStart, c.bStart)
			}
			got, _ := swaps(al, c.a, ta, c.b, tb, 10)
			if strings.Join(got, ";") != strings.Join(c.swaps, ";") {
				t.Errorf("swaps = %q, want %q", got, c.swaps)
			}
		})
	}
}

func TestExtendAbsorbsASwapAtTheEdges(t *testing.T) {
	a := wordKeys("Russia launched video of bombers in motion over the border town location")
	b := wordKeys("Russia released video of bombers in action over the border town vicinity")
	al := Align(a, b).Extend(a, b, extendSlack)
	if al.AStart != 0 || al.AEnd != len(a) {
		t.Fatalf("aligned stretch [%d,%d), want the whole sentence [0,%d)", al.AStart, al.AEnd, len(a))
	}
	if n := len(al.Changes); n != 3 {
		t.Errorf("changes = %d, want 3 (launched, motion, location)", n)
	}
}

func TestAlignOfEmptySequencesIsEmpty(t *testing.T) {
	if al := Align(nil, wordKeys("some words")); al.Matches != 0 || al.Kept() != 0 {
		t.Errorf("Align(nil, ...) = %+v", al)
	}
}

func FuzzAlign(f *testing.F) {
	f.Add([]byte("abcabd"), []byte("xabcabdy"))
	f.Add([]byte(""), []byte("a"))
	f.Fuzz(func(t *testing.T, x, y []byte) {
		a, b := make([]uint32, len(x)), make([]uint32, len(y))
		for i, v := range x {
			a[i] = uint32(v%8) << 2
		}
		for i, v := range y {
			b[i] = uint32(v%8) << 2
		}
		al := Align(a, b).Extend(a, b, extendSlack)
		if al.Matches > min(al.ALen(), al.BLen()) {
			t.Fatalf("more matches (%d) than aligned words (%d, %d)", al.Matches, al.ALen(), al.BLen())
		}
		if al.AStart < 0 || al.AEnd > len(a) || al.BStart < 0 || al.BEnd > len(b) || al.AStart > al.AEnd || al.BStart > al.BEnd {
			t.Fatalf("bad stretch %+v for lengths %d, %d", al, len(a), len(b))
		}
		changed := 0
		for _, c := range al.Changes {
			if c.AStart < al.AStart || c.AEnd > al.AEnd || c.BStart < al.BStart || c.BEnd > al.BEnd {
				t.Fatalf("change %+v outside stretch %+v", c, al)
			}
			changed += c.AEnd - c.AStart
		}
		if al.Matches+changed != al.ALen() {
			t.Fatalf("matches %d + changed %d != aligned %d", al.Matches, changed, al.ALen())
		}
	})
}

func BenchmarkAlignParagraphs(b *testing.B) {
	src := wordKeys(strings.Repeat("the government forces had reached within 10 km of the city and taken positions parallel with a key road ", 3))
	cp := wordKeys(strings.Repeat("the authorities forces had arrived within 10 km of the metropolis and seized positions parallel with a main road ", 3))
	for b.Loop() {
		Align(src, cp)
	}
}

// TestTrigramIsFNV1a pins the inlined hash to the standard library's FNV-1a over the three
// keys' little-endian bytes, kind bits cleared.
func TestTrigramIsFNV1a(t *testing.T) {
	cases := [][]uint32{{0, 0, 0}, {1, 2, 3}, {0xffffffff, 7, 0x80000001}, {12345678, 87654321, 3}}
	for _, w := range cases {
		h := fnv.New64a()
		for _, x := range w {
			x &^= 3
			h.Write([]byte{byte(x), byte(x >> 8), byte(x >> 16), byte(x >> 24)})
		}
		if got, want := trigram(w), h.Sum64(); got != want {
			t.Errorf("trigram(%v) = %x, want %x", w, got, want)
		}
	}
}

// TestReusedAlignerMatchesAFreshOne: the aligner keeps its tables between calls; a long
// alignment followed by a short one must not see the long one's steps.
func TestReusedAlignerMatchesAFreshOne(t *testing.T) {
	seqs := [][]uint32{
		{4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48},
		{4, 8, 12, 99 << 2, 20, 24},
		{8, 12, 16, 20},
		{100, 104, 108},
		{},
		{4, 4, 4, 4, 8, 8},
	}
	var x aligner
	for _, a := range seqs {
		for _, b := range seqs {
			got, want := x.align(a, b), new(aligner).align(a, b)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("align(%v, %v) reused = %+v, fresh = %+v", a, b, got, want)
			}
		}
	}
}

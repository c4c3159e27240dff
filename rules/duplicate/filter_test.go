package duplicate

import "testing"

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
			matched, nonStop := al.Matches, matchedNonStop(al, a)
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
		nonStop := matchedNonStop(al, a)
		var wf wordFilter
		wf.reset(a)
		if !wf.mayMatch(b, al.Matches, nonStop) {
			t.Fatalf("filter rejects %v / %v: %d matched, %d not stopwords", a, b, al.Matches, nonStop)
		}
	})
}

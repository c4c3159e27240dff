package duplicate

import "testing"

// isStopTest is a tiny function-word list, enough for the sentences below.
func isStopTest(w []byte) bool {
	switch string(w) {
	case "the", "a", "of", "on", "to", "its", "for", "and", "in", "said", "by", "it", "at", "from":
		return true
	}
	return false
}

func TestSpinSides(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		spun bool
	}{
		{
			name: "ordinary words swapped while names and numbers stay is spinning",
			a:    "the harbour board approved the extra funding on Tuesday to repair the damaged northern pier",
			b:    "the harbour board endorsed the additional funding on Tuesday to fix the broken northern pier",
			spun: true,
		},
		{
			name: "a wire update changes a number beside its words: an update, not spinning",
			a:    "the company said quarterly profits increased to 19.00 dlrs a share as sales rose in its domestic market",
			b:    "the company said quarterly profits decreased to 16.50 dlrs a share as sales fell in its export market",
			spun: false,
		},
		{
			name: "a changed date with reworded verbs is an update too",
			a:    "the central bank will enter the money market on Oct 19 to supply funds to the banking system",
			b:    "the central bank will intervene in the credit market on March 11 to add funds to the financial system",
			spun: false,
		},
		{
			name: "too few swaps are an edit",
			a:    "the harbour board approved the funding on Tuesday to repair the damaged northern pier",
			b:    "the harbour board endorsed the funding on Tuesday to repair the damaged northern pier",
			spun: false,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b := keys(Tokenize(c.a, isStopTest)), keys(Tokenize(c.b, isStopTest))
			check := &crossCheck{spinMinSwaps: 3, spinMinShare: 0.1, docFreq: map[uint32]int32{}}
			spunA, spunB, swaps := check.spinSides(Align(a, b), a, b)
			if got := spunA || spunB; got != c.spun {
				t.Errorf("spun = %v (%d swaps), want %v", got, swaps, c.spun)
			}
		})
	}
}

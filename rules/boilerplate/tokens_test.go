package boilerplate

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// referenceTokenize is the plain definition tokenize must keep: runs of letters, digits and
// marks, lower-cased, digit-only runs folded to "#".
func referenceTokenize(s string) []token {
	var out []token
	start, digits := -1, true
	flush := func(end int) {
		if start >= 0 {
			t := token{start: start, end: end, norm: strings.ToLower(s[start:end])}
			if digits {
				t.norm = "#"
			}
			out = append(out, t)
			start = -1
		}
	}
	for i, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			flush(i)
			continue
		}
		if start < 0 {
			start, digits = i, true
		}
		digits = digits && unicode.IsDigit(r)
	}
	flush(len(s))
	return out
}

func TestTokenizeAndCountTokensAgreeWithThePlainDefinition(t *testing.T) {
	for _, s := range []string{
		"", "Comments (12)", "PHOTO: AFP/Getty Images — 3 of 12", "Ça coûte 5€, naïve café",
		"٣ Arabic-Indic digits ٤٥ and x\u0301", "bad \xff bytes 9\xfe", "@[`{Z09",
	} {
		want := referenceTokenize(s)
		if got := tokenize(s); !reflect.DeepEqual(got, want) {
			t.Errorf("tokenize(%q) = %v, want %v", s, got, want)
		}
		if got := countTokens(s); got != len(want) {
			t.Errorf("countTokens(%q) = %d, want %d", s, got, len(want))
		}
		for max := 0; max <= len(want)+1; max++ {
			if got := tokenizeUpTo(s, max); !reflect.DeepEqual(got, want[:min(max, len(want))]) && !(len(got) == 0 && min(max, len(want)) == 0) {
				t.Errorf("tokenizeUpTo(%q, %d) = %v, want the first %d of %v", s, max, got, max, want)
			}
		}
	}
}

func FuzzTokenizeAgreesWithThePlainDefinition(f *testing.F) {
	f.Add("Comments (12) ٣x\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		want := referenceTokenize(s)
		if got := tokenize(s); !reflect.DeepEqual(got, want) {
			t.Errorf("tokenize(%q) = %v, want %v", s, got, want)
		}
		if got := countTokens(s); got != len(want) {
			t.Errorf("countTokens(%q) = %d, want %d", s, got, len(want))
		}
	})
}

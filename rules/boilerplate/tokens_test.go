package boilerplate

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// referenceTokenize is the plain definition tokenize must keep, rune by rune: runs of
// letters, digits and marks (isWordRune), a run of a script without spaces split from
// other runs (isSpaceless; marks stay with their letter), digit-only runs folded to "#",
// other words lower-cased and, when they hold a letter with spelling variants, folded.
func referenceTokenize(s string) []token {
	var out []token
	start := -1
	digits, fold, spaceless := true, false, false
	flush := func(end int) {
		if start < 0 {
			return
		}
		t := token{start: start, end: end, norm: strings.ToLower(s[start:end])}
		switch {
		case digits:
			t.norm = "#"
		case fold:
			t.norm = foldWord(t.norm)
		}
		out = append(out, t)
		start = -1
	}
	for i, r := range s {
		if !isWordRune(r) {
			flush(i)
			continue
		}
		mark := unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
		sl := !mark && isSpaceless(r)
		if start >= 0 && !mark && sl != spaceless {
			flush(i)
		}
		if start < 0 {
			start, digits, fold, spaceless = i, true, false, sl
		}
		digits = digits && unicode.IsDigit(r)
		fold = fold || needsFold(r)
	}
	flush(len(s))
	return out
}

func TestTokenizeAndCountTokensAgreeWithThePlainDefinition(t *testing.T) {
	for _, s := range []string{
		"", "Comments (12)", "PHOTO: AFP/Getty Images — 3 of 12", "Ça coûte 5€, naïve café",
		"٣ Arabic-Indic digits ٤٥ and x\u0301", "bad \xff bytes 9\xfe", "@[`{Z09",
		"A\u0301 decomposed", "12条评论 分享到Facebook", "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ", "пов\u02bcязані", "और पढ़ें",
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

// checkTokensWithin pins what the shared reading relies on: a line's words are the words of
// its trimmed text, offsets aside, and tokensWithin, when it accepts a cut, gives exactly
// the tokens of the cut text.
func checkTokensWithin(t *testing.T, s string) {
	trimmed := strings.TrimSpace(s)
	lead := strings.Index(s, trimmed)
	all := tokenize(s)
	shifted := tokenize(trimmed)
	for k := range shifted {
		shifted[k].start += lead
		shifted[k].end += lead
	}
	if len(all) != 0 && !reflect.DeepEqual(all, shifted) {
		t.Errorf("tokens of %q differ from those of its trimmed text: %v, %v", s, all, shifted)
	}
	for from := 0; from <= len(s); from++ {
		for to := from; to <= len(s) && to <= from+40; to++ {
			within, ok := tokensWithin(all, from, to)
			if !ok {
				continue
			}
			want := tokenize(s[from:to])
			if len(within) != len(want) {
				t.Fatalf("tokensWithin(%q, %d, %d) = %v, want %v", s, from, to, within, want)
			}
			for k := range want {
				if within[k].norm != want[k].norm || within[k].start-from != want[k].start || within[k].end-from != want[k].end {
					t.Fatalf("tokensWithin(%q, %d, %d) = %v, want %v", s, from, to, within, want)
				}
			}
		}
	}
}

func TestTokensWithinAgreesWithTokenize(t *testing.T) {
	for _, s := range []string{
		"", "  Comments (12)  ", "BEIRUT (Reuters) - Share on Facebook", "a | b • Share this article",
		"\u3000 12条评论 分享到Facebook x\u0301y", "и пов\u02bcязані  й", "\xff bad 9\xfe x", "और पढ़ें | अधिक",
	} {
		checkTokensWithin(t, s)
	}
	// A cut inside a word is refused.
	if _, ok := tokensWithin(tokenize("Share this"), 2, 10); ok {
		t.Error("tokensWithin accepted a cut inside a word")
	}
}

func FuzzTokensWithin(f *testing.F) {
	f.Add("BEIRUT (Reuters) - Share 分享到Facebook x\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			return
		}
		checkTokensWithin(t, s)
	})
}

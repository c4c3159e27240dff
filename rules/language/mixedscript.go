package language

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"

	"github.com/textaudit/textaudit/audit"
)

// MixedScript flags a word that mixes Latin letters with Cyrillic or Greek look-alikes
// ("Pаris" with a Cyrillic а): it reads normally but no search, spell check or match finds
// it, which is why spammers and careless converters leave them.
var MixedScript = &audit.Rule{
	ID:          "language.mixed-script",
	Category:    audit.Language,
	Severity:    audit.Warning,
	Description: "A word mixing Latin letters with Cyrillic or Greek look-alikes (homoglyphs)",
	Check:       checkMixedScript,
}

// homoglyphs maps Cyrillic and Greek letters to the Latin letter they are drawn like. It is
// the subset of Unicode's confusables.txt (UTS #39) between these scripts that fonts render
// identically, written out by hand because only these few dozen pairs matter here.
var homoglyphs = map[rune]rune{
	// Cyrillic
	'а': 'a', 'с': 'c', 'ԁ': 'd', 'е': 'e', 'һ': 'h', 'і': 'i', 'ј': 'j', 'ӏ': 'l', 'о': 'o',
	'р': 'p', 'ԛ': 'q', 'ѕ': 's', 'у': 'y', 'ԝ': 'w', 'х': 'x',
	'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'H', 'І': 'I', 'Ј': 'J', 'К': 'K', 'М': 'M',
	'О': 'O', 'Р': 'P', 'Ѕ': 'S', 'Т': 'T', 'Х': 'X', 'Ү': 'Y', 'Ԛ': 'Q', 'Ԝ': 'W',
	// Greek
	'ο': 'o', 'ν': 'v', 'ι': 'i', 'α': 'a', 'ρ': 'p', 'κ': 'k', 'υ': 'u',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N',
	'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
}

// latinLookalikes is the reverse: Latin letters drawn like a Cyrillic or Greek one, for
// Cyrillic or Greek words with a Latin letter slipped in ("Москвa").
var latinLookalikes = func() map[rune]bool {
	m := map[rune]bool{}
	for _, l := range homoglyphs {
		m[l] = true
	}
	return m
}()

func checkMixedScript(p *audit.Pass) {
	// Words are runs of letters and marks; only a word with a non-ASCII letter can mix
	// scripts, so ASCII is walked byte by byte and all-ASCII words are never examined.
	text := p.Doc.Text
	if isASCII(text) {
		return // the common case: no word can mix scripts
	}
	start, wide := -1, false
	for i := 0; i < len(text); {
		b := text[i]
		letter, size := false, 1
		if b < utf8.RuneSelf {
			letter = 'a' <= b|0x20 && b|0x20 <= 'z'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			letter = unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
		}
		if letter {
			if start < 0 {
				start, wide = i, false
			}
			wide = wide || b >= utf8.RuneSelf
		} else if start >= 0 {
			if wide {
				reportMixedWord(p, start, i)
			}
			start = -1
		}
		i += size
	}
	if start >= 0 && wide {
		reportMixedWord(p, start, len(text))
	}
}

// reportMixedWord reports the word text[start:end] when it mixes Latin with Cyrillic or
// Greek and the letters of the minority script are look-alikes of the majority's.
func reportMixedWord(p *audit.Pass, start, end int) {
	w := p.Doc.Text[start:end]
	var latin, other int
	for _, r := range w {
		switch scriptOf(r) {
		case Latin:
			latin++
		case Cyrillic, Greek:
			other++
		}
	}
	if latin == 0 || other == 0 {
		return
	}
	minority := func(r rune) bool {
		if latin >= other {
			s := scriptOf(r)
			return s == Cyrillic || s == Greek
		}
		return scriptOf(r) == Latin
	}
	var points []string
	for _, r := range w {
		if !minority(r) {
			continue
		}
		if latin >= other {
			if _, ok := homoglyphs[r]; !ok {
				return // a real mix such as "ΔT", not a disguise
			}
		} else if !latinLookalikes[r] {
			return
		}
		points = append(points, fmt.Sprintf("U+%04X %s", r, runenames.Name(r)))
	}
	base := "Latin"
	if latin < other {
		base = "Cyrillic/Greek"
	}
	p.Report(start, end, fmt.Sprintf("word %q is %s with look-alike letters of another script: %s", w, base, strings.Join(points, ", ")),
		audit.Evidence{"code_points": points, "skeleton": skeleton(w)})
}

// skeleton is the word with look-alikes replaced by the Latin letter they imitate.
func skeleton(w string) string {
	return strings.Map(func(r rune) rune {
		if l, ok := homoglyphs[r]; ok {
			return l
		}
		return r
	}, w)
}

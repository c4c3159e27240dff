package boilerplate

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/textaudit/textaudit/rules/news"
)

// token is a word of a line as the lexicon sees it: lower-cased letters and marks, or a
// number, which is folded to "#" so that "Comments (12)" matches the phrase "comments #".
type token struct {
	start, end int    // byte offsets in the tokenised string
	norm       string // folded lower-case word, or "#" for a run of digits
}

// tokenize splits s into words like audit.NormalizeForMatch does (letters, marks and
// digits; everything else separates), keeping offsets so matches can be located. Two
// differences serve scripts written without spaces: a run of Han, kana, Thai, Lao, Khmer
// or Myanmar letters is a word of its own next to digits or other scripts ("12条评论" is
// "#" + "条评论", "分享到Facebook" is "分享到" + "facebook"), and spacing marks (Mc,
// Devanagari vowel signs) stay inside words. Words are folded (see foldWord) so that
// spelling variants of one phrase share a key.
func tokenize(s string) []token { return tokenizeUpTo(s, -1) }

// tokenizeUpTo is tokenize stopping after max tokens (max < 0: no limit), for callers that
// give up on long lines.
func tokenizeUpTo(s string, max int) []token { return appendTokens(nil, s, max) }

// appendTokens appends the tokens of s (see tokenizeUpTo) to out, so that the shared reading
// keeps the tokens of all a document's lines in one array.
func appendTokens(out []token, s string, max int) []token {
	// An ASCII line is lower-cased once and its words are slices of that copy, rather than
	// one allocation a capitalised word.
	if isASCII(s) {
		return appendASCIITokens(out, s, max)
	}
	segment(s, max, func(start, end int, digits, fold bool) {
		t := token{start: start, end: end}
		switch {
		case digits:
			t.norm = "#"
		case fold:
			t.norm = foldWord(strings.ToLower(s[start:end]))
		default:
			t.norm = strings.ToLower(s[start:end])
		}
		out = append(out, t)
	})
	return out
}

// tokensWithin returns the tokens of toks (offsets into some string s) that lie in s[from:to],
// which are the tokens of s[from:to] itself, offsets aside, unless a token crosses a bound:
// then ok is false and the caller tokenises s[from:to]. (A word starts afresh after a
// separator or where tokenize splits two scripts, so a cut that splits no token changes no
// token on either side of it.)
func tokensWithin(toks []token, from, to int) (within []token, ok bool) {
	i := sort.Search(len(toks), func(k int) bool { return toks[k].start >= from })
	if i > 0 && toks[i-1].end > from {
		return nil, false
	}
	j := i + sort.Search(len(toks)-i, func(k int) bool { return toks[i+k].start >= to })
	if j > i && toks[j-1].end > to {
		return nil, false
	}
	return toks[i:j:j], true
}

// appendASCIITokens is appendTokens for an ASCII line, which segment would split at every
// byte that is not a letter or digit, with nothing to fold: the line is lower-cased once
// and its words are slices of that copy.
func appendASCIITokens(out []token, s string, max int) []token {
	lower := strings.ToLower(s)
	n := 0
	for i := 0; i < len(s) && n != max; {
		if asciiClass[s[i]] == 0 {
			i++
			continue
		}
		start, digits := i, true
		for ; i < len(s) && asciiClass[s[i]] != 0; i++ {
			digits = digits && asciiClass[s[i]] == asciiDigit
		}
		norm := lower[start:i]
		if digits {
			norm = "#"
		}
		out = append(out, token{start: start, end: i, norm: norm})
		n++
	}
	return out
}

// isASCII reports whether s is all ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsAny is strings.ContainsAny for a set of runes written out in chars (valid UTF-8,
// without U+FFFD): one fast substring search a rune of the set instead of a set lookup a
// rune of s. A rune's encoding in s decodes as that rune wherever it stands, since a lead
// or ASCII byte never continues another rune (TestContainsAnyAgreesWithStrings).
func containsAny(s, chars string) bool {
	for i := 0; i < len(chars); {
		if c := chars[i]; c < utf8.RuneSelf {
			if strings.IndexByte(s, c) >= 0 {
				return true
			}
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(chars[i:])
		if strings.Contains(s, chars[i:i+size]) {
			return true
		}
		i += size
	}
	return false
}

// containsFold is news.ContainsFoldASCII (s holds lower, ignoring ASCII case; lower is
// lower-case ASCII) that jumps between the places where lower's first letter stands, in
// either case, instead of comparing at every byte (TestContainsFoldAgreesWithNews).
func containsFold(s, lower string) bool {
	if lower == "" {
		return true
	}
	last := len(s) - len(lower) // the last place lower may start
	lc, uc := lower[0], lower[0]
	if 'a' <= lc && lc <= 'z' {
		uc = lc - ('a' - 'A')
	}
	// nl and nu are the next places of lc and uc at or after i (last+1 when none).
	next := func(c byte, from int) int {
		if from > last {
			return last + 1
		}
		if j := strings.IndexByte(s[from:last+1], c); j >= 0 {
			return from + j
		}
		return last + 1
	}
	nl, nu := next(lc, 0), next(uc, 0)
	for {
		i := min(nl, nu)
		if i > last {
			return false
		}
		if news.HasPrefixFoldASCII(s[i:], lower) {
			return true
		}
		if nl == i {
			nl = next(lc, i+1)
		}
		if nu == i {
			nu = next(uc, i+1)
		}
	}
}

// countTokens is len(tokenize(s)) without building the tokens.
func countTokens(s string) int {
	n := 0
	segment(s, -1, func(int, int, bool, bool) { n++ })
	return n
}

// segment finds the words of s for tokenize and countTokens, calling emit for each (at most
// max, when max >= 0) with its byte range, whether it is all digits and whether it needs
// folding. ASCII bytes are decided by a table, without decoding runes.
func segment(s string, max int, emit func(start, end int, digits, fold bool)) {
	if max == 0 {
		return
	}
	n := 0
	start := -1
	digits, fold, spaceless := true, false, false
	flush := func(end int) bool {
		if start < 0 {
			return false
		}
		emit(start, end, digits, fold)
		start = -1
		n++
		return n == max
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			class := asciiClass[c]
			if class == 0 {
				if flush(i) {
					return
				}
			} else {
				if start >= 0 && spaceless {
					if flush(i) {
						return
					}
				}
				if start < 0 {
					start, digits, fold, spaceless = i, true, false, false
				}
				digits = digits && class == asciiDigit
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if flush(i) {
				return
			}
			i += size
			continue
		}
		mark := r >= 0x300 && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))
		sl := !mark && isSpaceless(r)
		if start >= 0 && !mark && sl != spaceless {
			if flush(i) {
				return
			}
		}
		if start < 0 {
			start, digits, fold, spaceless = i, true, false, sl
		}
		digits = digits && unicode.IsDigit(r)
		fold = fold || needsFold(r)
		i += size
	}
	flush(len(s))
}

const (
	asciiLetter = 1
	asciiDigit  = 2
)

// asciiClass classifies ASCII bytes: 0 for separators, asciiLetter, asciiDigit.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = asciiDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = asciiLetter, asciiLetter
	}
	return t
}()

// isWordRune reports whether r belongs to a word. The modifier apostrophe U+02BC is a
// letter to Unicode but an apostrophe to writers (Ukrainian "пов’язані"), so it separates
// like "'" does.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r == 0x2BC {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// isSpaceless reports whether r is a letter of a script written without spaces between
// words, where a phrase is a run of letters rather than a run of words.
func isSpaceless(r rune) bool {
	switch {
	case r < 0xE00:
		return false
	case r <= 0xEFF: // Thai, Lao
		return true
	case r < 0x1000:
		return false
	case r <= 0x109F, 0x1780 <= r && r <= 0x17FF: // Myanmar, Khmer
		return true
	case r < 0x2E80:
		return false
	case r == 0x30FC || r == 0xFF70 || r == 0x3005: // prolonged sound marks, iteration mark
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// needsFold reports whether a word holding r has spelling variants that foldWord merges.
func needsFold(r rune) bool {
	switch {
	case r < 0x131:
		return false
	case r == 0x131 || r == 0x15E || r == 0x15F || r == 0x162 || r == 0x163: // ı ş ţ
		return true
	case 0x300 <= r && r <= 0x36F: // combining accents: decomposed (NFD) text
		return true
	case 0x370 <= r && r <= 0x3FF: // Greek
		return true
	case 0x600 <= r && r <= 0x6FF: // Arabic script
		return true
	case r == 0x93C || 0x958 <= r && r <= 0x95F: // Devanagari nukta forms
		return true
	}
	return false
}

// foldWord merges spelling variants of a lower-cased word: decomposed accents are
// composed (NFC); Greek loses its accents and final sigma (upper-case Greek headers are
// written without accents); Arabic-script words lose vowel marks and tatweel, and the
// letters that Arabic, Persian and Urdu sites write differently are unified (أ إ آ → ا,
// ي ى → ی, ك → ک, ة ہ → ه); Devanagari loses the nukta (ख़ = ख); Turkish dotless ı
// is i (upper-case "YAZDIR" lower-cases to "yazdir"); Romanian cedilla ş ţ are comma ș ț.
// Lexicon keys and text go through the same folding, so it only merges, never invents.
func foldWord(w string) string {
	if !norm.NFC.IsNormalString(w) {
		w = norm.NFC.String(w)
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case 0x64B <= r && r <= 0x65F, r == 0x670, r == 0x640, r == 0x93C:
			continue
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune maps one rune to its folded form (see foldWord).
func foldRune(r rune) rune {
	switch r {
	case 'ά':
		return 'α'
	case 'έ':
		return 'ε'
	case 'ή':
		return 'η'
	case 'ί', 'ϊ', 'ΐ':
		return 'ι'
	case 'ό':
		return 'ο'
	case 'ύ', 'ϋ', 'ΰ':
		return 'υ'
	case 'ώ':
		return 'ω'
	case 'ς':
		return 'σ'
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ي', 'ى':
		return 'ی'
	case 'ك':
		return 'ک'
	case 'ة', 'ۃ', 'ہ', 'ە':
		return 'ه'
	case 'ı':
		return 'i'
	case 'ş':
		return 'ș'
	case 'ţ':
		return 'ț'
	}
	if 0x958 <= r && r <= 0x95F { // क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ → base letter
		return [...]rune{'क', 'ख', 'ग', 'ज', 'ड', 'ढ', 'फ', 'य'}[r-0x958]
	}
	return r
}

// normPhrase turns a lexicon or config phrase into its token key ("Comments (0)" → "comments #").
func normPhrase(s string) string {
	toks := tokenize(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.norm
	}
	return strings.Join(parts, " ")
}

// phraseWeight is how distinctive a phrase is, in Latin-letter equivalents: a Han, kana or
// Hangul character, which writes a syllable or a word, counts two.
func phraseWeight(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r):
		case r >= 0x1100 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)):
			n += 2
		default:
			n++
		}
	}
	return n
}

// lastRune returns the last rune of s, or 0 for an empty string.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// isRunOn reports whether the letters of s are all of scripts written without spaces.
func isRunOn(s string) bool {
	seen := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !isSpaceless(r) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// caseless reports whether s opens with a letter of a script without case.
func caseless(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r) && !unicode.IsTitle(r)
}

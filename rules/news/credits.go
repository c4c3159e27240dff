package news

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// PhotoCredit is a picture credit found by its form, whoever it names.
type PhotoCredit struct {
	Name       string // as written: "Getty Images", "EPA-EFE", "FilmMagic", "REUTERS"
	Agency     string // canonical name when Name is a known agency ("Reuters"), else ""
	Start, End int    // byte offsets of the whole credit
}

// The forms of a photo credit. Names are runs of capitalised words; a credit ends where the
// caption ends (bracket, end of line, full stop) so "Image: The minister speaks" is a caption
// label, not a credit.
const (
	creditName = `\p{Lu}[\p{L}\p{N}&'’.-]*(?:[ /]\p{Lu}[\p{L}\p{N}&'’.-]*){0,3}`
	personName = `\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3}`
	creditEnd  = `\s*(?:[)\]]|\.?[ \t]*(?:\n|$))`
	photoLabel = `(?i:\b(?:photo|picture|image|foto|file photo|photograph)s?\s*(?:credit)?\s*:\s*)`
)

var (
	// "(Photo: Getty Images)", "Picture credit: EPA-EFE".
	labelCreditRE = LazyRegexp(photoLabel + `(` + creditName + `)` + creditEnd)
	// "PHOTO: AFP Firefighters at the scene": a known agency needs no end after it.
	labelAgencyRE = LazyRegexp(photoLabel + allAlternation() + `\b`)
	// "REUTERS/Jonathan Ernst", "AFP/Getty Images", "AP Photo/Evan Vucci".
	agencyNameRE = LazyRegexp(`\b` + allAlternation() + `(?: Photo)?\s?/\s?` + creditName)
	// "Kevin Mazur/WireImage", "Jane Doe/Reuters", "Name Name/FilmMagic": a person's name and
	// one organisation word, known or written in camel case.
	personOrgRE = LazyRegexp(personName + `/(\p{Lu}[\p{L}-]+)` + creditEnd)
	// "AP Photo", "Reuters/File".
	agencySuffixRE = LazyRegexp(`\b` + allAlternation() + `(?:/File\b| [Pp]hoto\b)`)
)

// agencyEnds marks the bytes an agency spelling ends with.
var agencyEnds = func() (ends [256]bool) {
	for _, a := range Agencies {
		for _, sp := range a.Spellings {
			if sp != "" {
				ends[sp[len(sp)-1]] = true
			}
		}
	}
	return ends
}()

// mayHoldAgencySlash is a necessary condition of agencyNameRE, checked around each slash:
// before it, after an optional space and " Photo", the last byte of an agency spelling;
// after it, an optional space and a capital (or a non-ASCII byte, which may be one). Slashes
// in news text are mostly dates, fractions and "and/or", and the regexp's long alternation
// over every paragraph holding one was most of the photo credits' cost.
func mayHoldAgencySlash(text string) bool {
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	for i := strings.IndexByte(text, '/'); i >= 0; {
		k := i + 1
		if k < len(text) && space(text[k]) {
			k++
		}
		if k < len(text) && ('A' <= text[k] && text[k] <= 'Z' || text[k] >= utf8.RuneSelf) {
			j := i
			if j > 0 && space(text[j-1]) {
				j--
			}
			if j > 0 && agencyEnds[text[j-1]] {
				return true
			}
			if strings.HasSuffix(text[:j], " Photo") && j > 6 && agencyEnds[text[j-7]] {
				return true
			}
		}
		next := strings.IndexByte(text[i+1:], '/')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// allAlternation is a regexp group of every agency spelling, longest first.
func allAlternation() string {
	var all []string
	for _, a := range Agencies {
		all = append(all, a.Spellings...)
	}
	sort.SliceStable(all, func(i, j int) bool { return len(all[i]) > len(all[j]) })
	for i, s := range all {
		all[i] = regexp.QuoteMeta(s)
	}
	return "(" + strings.Join(all, "|") + ")"
}

// PhotoCredits finds the photo credits of a text by their form, left to right, without
// overlaps.
func PhotoCredits(text string) []PhotoCredit {
	var out []PhotoCredit
	add := func(start, end, nameStart, nameEnd int) {
		for _, c := range out {
			if start < c.End && c.Start < end {
				return
			}
		}
		for nameEnd > nameStart && text[nameEnd-1] == '.' {
			nameEnd-- // "Photo: REUTERS." ends a sentence
		}
		name := text[nameStart:nameEnd]
		agency, _ := CanonicalAgency(name)
		if agency == "" {
			// "EPA-EFE", "Getty Images/iStockphoto": the first of joined names.
			first, _, _ := strings.Cut(strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '/' })[0], ".")
			agency, _ = CanonicalAgency(first)
		}
		out = append(out, PhotoCredit{Name: name, Agency: agency, Start: start, End: end})
	}
	// Each form's regexp runs only where its literal parts occur: most paragraphs have none.
	slash := strings.IndexByte(text, '/') >= 0
	if strings.IndexByte(text, ':') >= 0 && hasPhotoWord(text) {
		for _, m := range labelCreditRE().FindAllStringSubmatchIndex(text, -1) {
			add(m[0], m[3], m[2], m[3])
		}
		for _, m := range labelAgencyRE().FindAllStringSubmatchIndex(text, -1) {
			add(m[0], m[1], m[2], m[3])
		}
	}
	if slash {
		if mayHoldAgencySlash(text) {
			for _, m := range agencyNameRE().FindAllStringSubmatchIndex(text, -1) {
				add(m[0], m[1], m[2], m[3])
			}
		}
		for _, m := range personOrgRE().FindAllStringSubmatchIndex(text, -1) {
			if org := text[m[2]:m[3]]; IsAgencyWord(strings.ToLower(org)) || camelCase(org) {
				add(m[0], m[3], m[2], m[3])
			}
		}
	}
	if slash && strings.Contains(text, "/File") || strings.Contains(text, " Photo") || strings.Contains(text, " photo") {
		for _, m := range agencySuffixRE().FindAllStringSubmatchIndex(text, -1) {
			add(m[0], m[1], m[2], m[3])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// HasPhotoCredit reports whether text carries a photo credit of any form.
func HasPhotoCredit(text string) bool { return len(PhotoCredits(text)) > 0 }

// camelCase reports an organisation written as one word with inner capitals ("FilmMagic",
// "WireImage", "NurPhoto"), the way picture agencies name themselves.
func camelCase(w string) bool {
	inner := false
	for i, r := range w {
		if i > 0 && r >= 'A' && r <= 'Z' {
			inner = true
		}
	}
	return inner && !strings.Contains(w, "-")
}

// hasPhotoWord reports whether text holds, in any case, a word every labelled credit holds:
// "photo", "picture", "image" or "foto". ASCII case folding is the regexp's own here: none of
// these letters has a non-ASCII simple fold.
func hasPhotoWord(text string) bool {
	for i := 0; i < len(text); i++ {
		var hints []string
		switch text[i] | 0x20 {
		case 'p':
			hints = []string{"photo", "picture"}
		case 'i':
			hints = []string{"image"}
		case 'f':
			hints = []string{"foto"}
		default:
			continue
		}
		for _, h := range hints {
			if HasPrefixFoldASCII(text[i:], h) {
				return true
			}
		}
	}
	return false
}

// ContainsFoldASCII reports whether s contains lower (lower-case ASCII) in any ASCII case: a
// cheap guard in front of a case-insensitive regexp whose literals have no non-ASCII fold.
func ContainsFoldASCII(s, lower string) bool {
	for i := 0; i+len(lower) <= len(s); i++ {
		if HasPrefixFoldASCII(s[i:], lower) {
			return true
		}
	}
	return false
}

// HasPrefixFoldASCII reports whether s starts with lower, ignoring ASCII case (lower is
// lower-case ASCII).
func HasPrefixFoldASCII(s, lower string) bool {
	if len(s) < len(lower) {
		return false
	}
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// creditFormRE matches a credit label by its form alone: a parenthesis or a line end with
// "Photo:", "Image:", "Picture:", "Photograph:", "Credit:" or "Photo by", whoever or whatever
// follows. Looser than PhotoCredits (it names no one), it tells a caption from prose.
var creditFormRE = LazyRegexp(`(?i)(?:\(\s*(?:photo(?:graph)?|image|picture|foto|credit)s?\s*(?::|by\b)[^()\n]{1,60}\)|\b(?:photo(?:graph)?|image|picture|credit)s?\s*(?::|by\b)\s*[^\s.][^.\n]{0,60}$)`)

// CarriesCredit reports whether a text (a caption, say) carries a photo credit: one
// PhotoCredits finds, or a credit label by its form ("(Photo by Jane Doe)", "Credit: NASA").
func CarriesCredit(text string) bool {
	return HasPhotoCredit(text) || mayHoldCreditForm(text) && creditFormRE().MatchString(strings.TrimSpace(text))
}

// mayHoldCreditForm reports whether text holds, in any case, a word every creditFormRE match
// contains; it spares the regexp almost every unit.
func mayHoldCreditForm(text string) bool {
	return hasPhotoWord(text) || ContainsFoldASCII(text, "credit")
}

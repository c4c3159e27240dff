package boilerplate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/rules/news"
)

// spliceRE finds a sentence end glued to the next sentence's first word: a lower-case word
// of three or more letters, a full stop, question or exclamation mark, then a capitalised
// word ("offensive.In June").
var spliceRE = news.LazyRegexp(`(\p{Ll}{3,})([.!?])(\p{Lu}\p{Ll}+)`)

// domainWords after a full stop mean a host name or file name, not a splice ("Example.Com").
var domainWords = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "html": true, "htm": true,
	"php": true, "aspx": true, "co": true, "uk": true, "io": true, "info": true, "biz": true,
}

// creditLabels are left to the caption rule ("Maskaneh.PHOTO: AFP" is a glued credit).
var creditLabels = map[string]bool{
	"photo": true, "photos": true, "image": true, "images": true, "picture": true, "pic": true,
	"foto": true, "fotos": true, "imagen": true, "bild": true, "credit": true, "photograph": true,
}

// spliceAt is a splice located in a line: [start, end) covers the two glued words.
type spliceAt struct {
	start, end  int
	left, right string
}

// findSplices lists spliced sentences in one line.
func findSplices(line string) []spliceAt {
	var out []spliceAt
	if !hasGlue(line) {
		return nil
	}
	for _, m := range spliceRE().FindAllStringSubmatchIndex(line, -1) {
		start := wordStart(line, m[2])
		left, right := line[start:m[3]], line[m[6]:m[7]]
		if !spliceLooksReal(line, start, m[7], left, right) {
			continue
		}
		out = append(out, spliceAt{start: start, end: m[7], left: left, right: right})
	}
	return out
}

// hasGlue is a fast scan for a sentence mark between a lower-case letter and a capitalised word,
// so the regular expression only runs on the rare lines that may hold a splice.
func hasGlue(line string) bool {
	for i := 0; i+1 < len(line); i++ {
		switch line[i] {
		case '.', '!', '?':
			// spliceRE needs a lower-case letter before the mark and an upper-case one then
			// a lower-case one after it.
			r, size := utf8.DecodeRuneInString(line[i+1:])
			if !unicode.IsUpper(r) {
				continue
			}
			if l, _ := utf8.DecodeLastRuneInString(line[:i]); !unicode.IsLower(l) {
				continue
			}
			if n, _ := utf8.DecodeRuneInString(line[i+1+size:]); unicode.IsLower(n) {
				return true
			}
		}
	}
	return false
}

// wordStart walks back over letters and hyphens from at, so "Syria.The" is judged (and
// reported) on "Syria", not on "yria".
func wordStart(line string, at int) int {
	for at > 0 {
		r, size := utf8.DecodeLastRuneInString(line[:at])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		at -= size
	}
	return at
}

// spliceLooksReal rules out URLs, e-mail addresses, file names, abbreviations such as
// "a.m." or "Ph.D." and glued credits.
func spliceLooksReal(line string, start, end int, left, right string) bool {
	if domainWords[strings.ToLower(right)] || creditLabels[strings.ToLower(right)] {
		return false
	}
	ws, word := start, left
	if _, ok := abbreviation[strings.ToLower(word)]; ok {
		return false
	}
	// Capitals inside the word or digits glued to it mean an identifier ("iPhone.Apple").
	for i, r := range word {
		if i > 0 && unicode.IsUpper(r) {
			return false
		}
	}
	if ws > 0 {
		r, _ := utf8.DecodeLastRuneInString(line[:ws])
		if unicode.IsDigit(r) || r == '.' || r == '_' {
			return false
		}
	}
	// The whole run of non-space characters around the match: a URL, an address or a
	// dotted identifier is not prose.
	rs := strings.LastIndexFunc(line[:start], unicode.IsSpace) + 1
	re := len(line)
	if i := strings.IndexFunc(line[end:], unicode.IsSpace); i >= 0 {
		re = end + i
	}
	run := line[rs:re]
	if strings.Contains(run, "://") || strings.Contains(run, "www.") || strings.Contains(run, "@") ||
		strings.Contains(run, "/") || strings.Count(run, ".") > 1 {
		return false
	}
	return true
}

// abbreviation are lower-case words that end with a full stop without ending a sentence.
var abbreviation = map[string]struct{}{}

func init() {
	for _, w := range strings.Fields(`etc approx incl vol govt dept est jan feb mar apr jun jul aug
		sep sept oct nov dec corp inc ltd bros mrs gen col capt sgt rev univ ave blvd assn intl nos
		mass calif penn conn tenn wash fla ariz colo okla wis mich minn`) {
		abbreviation[w] = struct{}{}
	}
}

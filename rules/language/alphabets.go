package language

import (
	"regexp"
	"strings"
	"unicode"
)

// latinLetters lists, for the Latin-script candidates, the lower-case letters their standard
// orthography writes beyond a–z (after the main exemplar sets of CLDR, without the letters
// kept only for loanwords). A letter outside the main language's set, in a lower-case word,
// is evidence of another language that does not depend on stopword lists: Czech "ř", "ů",
// "ě" say more than "se", "na", "je", which are on the English list too. Languages absent
// here have no letter evidence (neither for nor against).
var latinLetters = map[string]string{
	"en": "",
	"id": "",
	"ms": "",
	"es": "áéíñóúü",
	"fr": "àâæçéèêëîïôœùûüÿ",
	"de": "äöüß",
	"it": "àèéìíîòóùú",
	"pt": "áâãàçéêíóôõú",
	"nl": "áéëïóöü",
	"sv": "åäöé",
	"da": "æøåé",
	"nb": "æøåéèêóòô",
	"pl": "ąćęłńóśźż",
	"cs": "áčďéěíňóřšťúůýž",
	"sk": "áäčďéíĺľňóôŕšťúýž",
	"sl": "čšž",
	"hr": "čćđšž",
	"ro": "ăâîșşțţ",
	"tr": "çğıöşüâîû",
	"fi": "äöåšž",
	"et": "äöõüšž",
	"hu": "áéíóöőúüű",
	"ca": "àçèéíïòóúü",
	"lt": "ąčęėįšųūž",
	"lv": "āčēģīķļņšūž",
	"vi": "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
}

// alphabet is the set of letters one language writes: a–z and its own letters.
type alphabet struct {
	known bool
	extra string
}

func alphabetOf(code string) alphabet {
	extra, ok := latinLetters[code]
	return alphabet{known: ok, extra: extra}
}

// has reports whether the lower-case letter r belongs to the alphabet.
func (a alphabet) has(r rune) bool {
	return 'a' <= r && r <= 'z' || strings.ContainsRune(a.extra, r)
}

// foreignLetters returns the letters of w (lower-cased) that are Latin letters outside a.
func (a alphabet) foreignLetters(w string, out []rune) []rune {
	for _, r := range w {
		r = unicode.ToLower(r)
		if r < 0x80 || !unicode.IsLetter(r) || !unicode.Is(unicode.Latin, r) || a.has(r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// minTechnicalShare is the share of a passage's fields that, technical, make it no prose.
const minTechnicalShare = 0.3

// looksTechnical reports whether a passage is a file listing, a list of paths or links, or
// code rather than prose in any language: many of its whitespace-separated fields hold path
// separators, code punctuation, dotted names ("os.path", "del.icio.us", "report.pdf") or
// inner capitals ("getElementById"). Such text has no language to judge; lingua reads its
// fragments as Turkish or German.
func looksTechnical(text string) bool {
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return false
	}
	if permissionsRE.MatchString(fields[0]) {
		return true // a line of "ls -l"
	}
	n := 0
	for _, f := range fields {
		if technicalField(f) {
			n++
		}
	}
	return float64(n) >= minTechnicalShare*float64(len(fields))
}

// permissionsRE matches the mode column of a Unix file listing ("-rw-r--r--", "drwxr-xr-x").
var permissionsRE = regexp.MustCompile(`^[-dlcbps][-rwxsStT]{9}[.@+]?$`)

func technicalField(f string) bool {
	if permissionsRE.MatchString(f) {
		return true
	}
	if strings.ContainsAny(f, `/\_{}[]<>=;|#$%^~`+"`") || strings.Contains(f, "::") || strings.Contains(f, "()") {
		return true
	}
	f = strings.TrimRight(f, ".,:;!?)\"'”’")
	prevLower, run := false, 0 // run: letters since the last dot
	for i, r := range f {
		switch {
		case r == '.':
			// a dot between two runs of letters, one of them two letters or more, and not
			// the closing dot: "os.path", "file.txt"; "U.S" and "e.g" have one-letter runs.
			if i+1 < len(f) && run >= 1 {
				next := f[i+1:]
				k := 0
				for _, c := range next {
					if !unicode.IsLetter(c) {
						break
					}
					k++
				}
				if k >= 1 && max(run, k) >= 2 {
					return true
				}
			}
			run, prevLower = 0, false
		case unicode.IsUpper(r):
			if prevLower {
				return true // an inner capital after a lower-case letter: camelCase
			}
			run++
			prevLower = false
		case unicode.IsLetter(r):
			run++
			prevLower = unicode.IsLower(r)
		default:
			run, prevLower = 0, false
		}
	}
	return false
}

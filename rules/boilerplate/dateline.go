package boilerplate

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// wireDatelineRE matches the dateline a wire story opens with: a city in capitals, an
// optional date, an optional agency in brackets, then a dash ("MOSCOW, Oct. 7 (Xinhua) - ",
// "BEIRUT (Reuters) - ", "SALVADOR, Feb 26 - ").
var wireDatelineRE = regexp.MustCompile(`^\s*\p{Lu}[\p{Lu}\p{M} .'’/-]*\p{Lu}\.?(?:,[^()\n\-–—]{1,40})?\s*(?:\([^()\n]{1,30}\))?\s*[-–—]{1,2}\s*`)

// wireDateline returns the byte length of a leading wire dateline, 0 when there is none.
func wireDateline(line string) int {
	loc := wireDatelineRE.FindStringIndex(line)
	if loc == nil || loc[1] >= len(line) {
		return 0
	}
	return loc[1]
}

// monthWords are month names and abbreviations of the lexicon's languages; a short line made
// of one of them and numbers is a date line, the date family's business, not residue.
var monthWords = map[string]bool{}

func init() {
	for _, m := range strings.Fields(`january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
		janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre
		januar februar märz april juni juli oktober dezember
		janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
		gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
		января февраля марта апреля мая июня июля августа сентября октября ноября декабря
		monday tuesday wednesday thursday friday saturday sunday
		mon tue tues wed thu thur thurs fri sat sun gmt bst utc cet cest est edt pst pdt ist msk`) {
		monthWords[m] = true
	}
}

// looksLikeDateLine reports whether a short line is mostly a date or time stamp ("Posted on
// 2018-05-28 12:04", "Published: 16 March 2003", "Updated 5:32 PM ET, Fri October 6, 2017").
func looksLikeDateLine(line string) bool {
	if !hasDigit(line) {
		return false // a date line has a number token, so a digit
	}
	toks := tokenizeUpTo(line, 13) // more than 12 is too many: no need to read on
	if len(toks) == 0 || len(toks) > 12 {
		return false
	}
	numbers, dateWords, others := 0, 0, 0
	for _, t := range toks {
		switch {
		case t.norm == "#":
			numbers++
		case monthWords[t.norm]:
			dateWords++
		case len(t.norm) <= 2: // am, pm, et, st, th
		default:
			others++
		}
	}
	return numbers >= 1 && numbers+dateWords >= 2 && others <= 3 && others < numbers+dateWords
}

// startsUpper reports whether s begins with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// hasDigit reports whether s holds a digit (unicode.IsDigit, as tokens count digits).
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; '0' <= c && c <= '9' {
			return true
		} else if c >= utf8.RuneSelf {
			return strings.IndexFunc(s[i:], unicode.IsDigit) >= 0
		}
	}
	return false
}

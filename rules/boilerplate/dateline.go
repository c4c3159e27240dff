package boilerplate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/rules/news"
)

// wireDateline returns the byte length of a leading wire dateline and the spaces after it
// ("MOSCOW, Oct. 7 (Xinhua) - ", "BEIRUT (Reuters) - ", "SALVADOR, Feb 26 - "), 0 when there
// is none or nothing follows it. The news lexicon's parser decides what a dateline is.
func wireDateline(line string) int {
	if !mayHoldDash(line) {
		return 0
	}
	return parseWireDateline(line)
}

// mayHoldDash guards the dateline parser, which only reads lines whose dateline ends in a
// dash ("-", "–", "—", "‒", "―"): a line without one has none
// (TestLiteralGuardsNeverHideAMatch).
func mayHoldDash(line string) bool {
	return strings.IndexByte(line, '-') >= 0 || strings.Contains(line, "\u2012") || strings.Contains(line, "\u2013") ||
		strings.Contains(line, "\u2014") || strings.Contains(line, "\u2015")
}

// parseWireDateline is wireDateline without the guard.
func parseWireDateline(line string) int {
	trimmed := strings.TrimLeftFunc(line, unicode.IsSpace)
	if r, _ := utf8.DecodeRuneInString(trimmed); !unicode.IsUpper(r) && r != '(' {
		return 0 // a dateline opens with its place or its agency
	}
	dl, ok := news.DatelineScanner{Cal: news.BuiltinCalendar()}.AtStart(trimmed, "")
	if !ok {
		return 0
	}
	end := len(line) - len(trimmed) + dl.End
	end += len(line[end:]) - len(strings.TrimLeftFunc(line[end:], unicode.IsSpace))
	if end >= len(line) {
		return 0
	}
	return end
}

// isDateWord reports whether a lower-case word is a month or weekday name of any language of
// the news calendar, or a time zone: a short line made of them and numbers is a date line,
// the date family's business, not residue.
func isDateWord(w string) bool { return news.BuiltinCalendar().IsName(w) || news.IsTimeZone(w) }

// looksLikeDateLine reports whether a short line is mostly a date or time stamp ("Posted on
// 2018-05-28 12:04", "Published: 16 March 2003", "Updated 5:32 PM ET, Fri October 6, 2017").
func looksLikeDateLine(line string) bool {
	if !hasDigit(line) {
		return false // a date line has a number token, so a digit
	}
	return dateLineTokens(line, tokenizeUpTo(line, 13)) // more than 12 is too many: no need to read on
}

// dateLineTokens is looksLikeDateLine reading the line's tokens (all of them, or the first
// 13 at least) from the caller.
func dateLineTokens(line string, toks []token) bool {
	if !hasDigit(line) {
		return false
	}
	if len(toks) == 0 || len(toks) > 12 {
		return false
	}
	numbers, dateWords, others := 0, 0, 0
	for _, t := range toks {
		switch {
		case t.norm == "#":
			numbers++
		case isDateWord(t.norm):
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

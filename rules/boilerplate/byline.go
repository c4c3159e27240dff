package boilerplate

import (
	"strings"

	"github.com/textaudit/textaudit/rules/news"
)

// roleWords name newsroom roles in site bylines ("Staff Reporter", "International Desk").
const roleWords = `(?i:reporters?|correspondents?|desk|editors?|writers?|bureau|staff|contributors?|columnist|journalist|redacci[oó]n|r[ée]daction|redaktion|redazione|reda[cç][aã]o|корреспондент|редакция|مراسل|المحرر|محرر)`

var (
	// bylineChainRE is a paragraph opening with "Label: Name," pairs where a label names a
	// role ("Owm Reporter: Staff Reporter, International Desk: Jane Roe, ...").
	bylineChainRE = news.LazyRegexp(`^\s*(?:\p{Lu}[\p{L}.'’ -]{0,30}?\b` + roleWords + `\b[\p{L} ]{0,20}?\s*:\s*[^:,\n]{1,40}?\s*(?:,|\||—|–| - )\s*)+`)
	// bylineLineRE is a short line holding only a site byline ("By Jane Roe | Staff Writer",
	// "Web Desk", "Written by Jane Roe, Senior Correspondent").
	bylineLineRE = news.LazyRegexp(`^\s*(?:(?:By|BY|Written by|Posted by|Author:|Por|Par|Von|Di|Автор:?|بقلم)\s+\p{Lu}[^\n]{0,80}?\b` + roleWords + `\b[^\n]{0,40}|(?:\p{Lu}[\p{L}]+ ){0,3}` + roleWords + `|(?:By|BY|Written by|Posted by)\s+\p{Lu}[\p{L}.'’ -]{1,40}\s*[|•·]\s*[^\n]{1,60})\s*$`)
)

// findByline returns the byte range of a site byline at the start of a line: the whole line
// when the line is only a byline, the "Label: Name," prefix when it opens a paragraph.
func findByline(line string) (start, end int, whole, ok bool) {
	return findBylineWords(line, countTokens(line))
}

// findBylineWords is findByline given the line's token count.
func findBylineWords(line string, tokens int) (start, end int, whole, ok bool) {
	trimmed := strings.TrimSpace(line)
	if trimmed == "" {
		return 0, 0, false, false
	}
	lead := strings.Index(line, trimmed)
	if len(trimmed) <= 160 && !endsSentence(trimmed) && tokens <= 16 && mayHoldBylineLine(trimmed) && bylineLineRE().MatchString(trimmed) {
		return lead, lead + len(trimmed), true, true
	}
	if i := strings.IndexByte(line, ':'); i < 0 || i > 80 {
		return 0, 0, false, false
	}
	if loc := bylineChainRE().FindStringIndex(line); loc != nil {
		end := strings.TrimRight(line[:loc[1]], " ")
		return lead, len(end), false, true
	}
	return 0, 0, false, false
}

// roleStems are ASCII literals one of which each of roleWords' ASCII spellings holds
// ("reda" stands for redacción, rédaction, Redaktion, redazione, redação).
var roleStems = []string{"reporter", "correspondent", "desk", "editor", "writer", "bureau", "staff", "contributor", "columnist", "journalist", "reda"}

// mayHoldBylineLine is a guard for bylineLineRE: every match holds a role word or one of
// "|•·". On an ASCII line the regexp's case folding stays within ASCII, so an ASCII
// case-insensitive search for the stems is exact; other lines go to the regexp
// (TestLiteralGuardsNeverHideAMatch).
func mayHoldBylineLine(t string) bool {
	if containsAny(t, "|•·") || !isASCII(t) {
		return true
	}
	for _, w := range roleStems {
		if containsFold(t, w) {
			return true
		}
	}
	return false
}

package boilerplate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/rules/news"
)

// captionMatch is a photo credit, caption or gallery counter found on a line; offsets are
// relative to the line. whole says the line as a whole is a caption, not prose with a credit.
type captionMatch struct {
	start, end int
	signal     string // "labelled credit", "bracketed credit", "agency credit", "gallery counter", "credit line"
	whole      bool
}

// creditLabel matches a label such as "PHOTO:", "Photo:", "Image:", "Foto:", "Фото:" and the
// credit after it, up to a comma, semicolon, bracket, a full stop or the line end. Only the
// capitalised forms count: "photo:" inside a sentence is prose.
var creditLabel = news.LazyRegexp(`(PHOTOS?|Photos?|PHOTOGRAPHS?|Photographs?|IMAGES?|Images?|PICTURES?|Pictures?|PICS?|Pics?|FOTOS?|Fotos?|FOTOGRAFÍA|Fotografía|IMAGEN|Imagen|BILD|Bild|CR[EÉ]DIT(?:O)?S?|Cr[eé]dit(?:o)?s?|ФОТО|Фото|صورة)(?:\s+(?:credit|CREDIT|Credit|courtesy|Courtesy|COURTESY))?\s*[:：]\s*([^\n,;()]{1,80}?)\s*(?:[,;)]|\.(?:\s|$)|$)`)

// photoWords inside brackets make the bracket a credit: "(AP Photo/Evan Vucci)",
// "(David Warren / Staff Photographer)", "(File photo)".
var photoWords = map[string]bool{
	"photo": true, "photos": true, "photograph": true, "photographer": true, "photography": true,
	"foto": true, "fotos": true, "getty": true, "shutterstock": true, "istock": true,
	"istockphoto": true, "alamy": true, "courtesy": true, "фото": true,
}

// creditFiller are the lower-case words a bracketed credit may hold; any other lower-case
// word makes the bracket prose ("(the photo was taken in 2003)").
var creditFiller = map[string]bool{
	"by": true, "of": true, "via": true, "for": true, "the": true, "courtesy": true, "file": true,
	"photo": true, "photos": true, "staff": true, "photographer": true, "handout": true,
	"de": true, "von": true, "di": true, "foto": true, "images": true, "image": true,
}

var (
	bracketRE = news.LazyRegexp(`\(([^()\n]{1,80})\)`)
	// agencyPhrases are credits that need no label.
	agencyPhraseRE = news.LazyRegexp(`(?:(?:[Vv]ia |[/©] ?)?Getty Images|Image copyright\b[^\n.]{0,60}|Image caption\b|Copyright (?:Getty|AFP|Reuters|AP|EPA|PA)\b[^\n.,]{0,40}|(?:toggle|hide) caption\b[^\n]{0,60})`)
	// galleryRE is a gallery counter, alone ("1 of 6") or opening a caption ("3 of 12. ...").
	galleryRE = news.LazyRegexp(`(?i)^\s*(?:(?:photo|image|picture|slide|foto|bild|imagen)s?\s*)?\d{1,3}\s*(?:(?:of|de|von|sur|di|из)\s*\d{1,3}(?:\s*$|[.:]\s+\S)|/\s*\d{1,3}\s*$)`)
	// creditLineRE is a short line that is nothing but a credit.
	creditLineRE = news.LazyRegexp(`^\s*(?:Photo(?:graph)?s?(?:graphed)? (?:by|courtesy(?: of)?)|PHOTOS? (?:BY|COURTESY)|Courtesy(?: of)?(?: the)?|Foto(?:s)? (?:de|von|di)|Bild)\s+\p{Lu}`)
	// slashCreditRE is "Name Name/Agency" or "Name / Agency" alone on a short line.
	slashCreditRE = news.LazyRegexp(`^\s*[\p{L}.'’ -]{2,40}?\s*/\s*([\p{L}-]+)(?: (?:via|for) [\p{L} ]{2,30})?\s*\.?\s*$`)
)

// findCaption looks for a credit, caption or gallery counter on one line. A line that is
// not standalone (it is part of a wrapped paragraph) is only searched for credits inside
// it: whole-line forms such as "Courtesy of ..." would fire on wrapped prose.
func findCaption(line string, standalone bool) (captionMatch, bool) {
	return findCaptionWords(line, standalone, countTokens(line))
}

// findCaptionWords is findCaption given the line's token count.
func findCaptionWords(line string, standalone bool, tokens int) (captionMatch, bool) {
	trimmed := strings.TrimSpace(line)
	if trimmed == "" {
		return captionMatch{}, false
	}
	lead := strings.Index(line, trimmed)
	whole := func(signal string) (captionMatch, bool) {
		return captionMatch{start: lead, end: lead + len(trimmed), signal: signal, whole: true}, true
	}
	words := maxWholeTokens + 1 // never judge a wrapped line as a whole caption
	if standalone {
		words = tokens
	}
	if standalone && len(trimmed) <= 60 && galleryRE().MatchString(line) {
		return whole("gallery counter")
	}
	if standalone && words <= 10 && !endsSentence(trimmed) && creditLineRE().MatchString(line) {
		return whole("credit line")
	}
	if standalone && words <= 8 {
		if m := slashCreditRE().FindStringSubmatch(line); m != nil && news.IsAgencyWord(strings.ToLower(m[1])) {
			return whole("credit line")
		}
	}
	// Cheap byte tests first: most lines hold none of these marks, and the regular
	// expressions below are the rule's main cost.
	if !containsAny(line, ":：") {
		goto brackets
	}
	if !mayHoldCreditLabel(line) {
		goto brackets
	}
	for _, loc := range creditLabel().FindAllStringSubmatchIndex(line, -1) {
		if !creditContext(line, loc[0]) || !creditText(line[loc[4]:loc[5]]) {
			continue
		}
		if standalone && strings.TrimSpace(line[:loc[0]]) == "" {
			return whole("labelled credit")
		}
		start := loc[0]
		if start > 0 && line[start-1] == '(' {
			start--
		}
		end := loc[5]
		if end < len(line) && line[end] == ')' {
			end++
		}
		return captionMatch{start: start, end: end, signal: "labelled credit"}, true
	}
brackets:
	if strings.IndexByte(line, '(') < 0 {
		goto agencies
	}
	for at := 0; ; {
		open, close, ok := nextBracket(line, at)
		if !ok {
			break
		}
		if bracketIsCredit(line[open+1 : close]) {
			if words <= 25 && close+1 == lead+len(trimmed) {
				return whole("bracketed credit")
			}
			return captionMatch{start: open, end: close + 1, signal: "bracketed credit"}, true
		}
		at = close + 1
	}
agencies:
	if !strings.Contains(line, "Getty") && !strings.Contains(line, "Image") && !strings.Contains(line, "Copyright") && !strings.Contains(line, "caption") {
		return captionMatch{}, false
	}
	if loc := agencyPhraseRE().FindStringIndex(line); loc != nil {
		if words <= 12 {
			return whole("agency credit")
		}
		return captionMatch{start: loc[0], end: loc[1], signal: "agency credit"}, true
	}
	return captionMatch{}, false
}

// creditLabelWords are the literals one of which every creditLabel match holds (its labels
// are case-sensitive): lines without any skip the regexp (TestLiteralGuardsNeverHideAMatch).
var creditLabelWords = []string{"PHOTO", "Photo", "IMAGE", "Image", "PIC", "Pic", "FOTO", "Foto", "BILD", "Bild", "CR", "Cr", "ФОТО", "Фото", "صورة"}

func mayHoldCreditLabel(line string) bool {
	for _, w := range creditLabelWords {
		if strings.Contains(line, w) {
			return true
		}
	}
	return false
}

// nextBracket finds the next match of bracketRE in line[from:] by hand: the first "(" whose
// text up to the next "(", ")" or line break ends with ")" and holds 1 to 80 runes (invalid
// bytes count one each, as the regexp reads them). It returns the offsets of both brackets;
// TestNextBracketAgreesWithTheRegexp pins it to bracketRE().FindAllStringIndex.
func nextBracket(line string, from int) (open, close int, ok bool) {
	for open = from; ; {
		i := strings.IndexByte(line[open:], '(')
		if i < 0 {
			return 0, 0, false
		}
		open += i
		j := strings.IndexAny(line[open+1:], "()\n")
		if j < 0 {
			return 0, 0, false
		}
		close = open + 1 + j
		if line[close] == ')' {
			if n := utf8.RuneCountInString(line[open+1 : close]); n >= 1 && n <= 80 {
				return open, close, true
			}
		}
		open++
	}
}

// creditContext checks what precedes a credit label: line start, space or punctuation, or a
// lower-case letter when the label is glued to the end of a word ("wasPhoto: Getty Images").
func creditContext(line string, at int) bool {
	if at == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(line[:at])
	if unicode.IsLetter(r) {
		return unicode.IsLower(r)
	}
	return !unicode.IsDigit(r)
}

// creditText accepts what follows a label when it reads as a credit: a few words starting
// with a capital or a digit ("AFP", "Getty Images", "John Smith/Reuters", "© 2019 X").
func creditText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '©' || !unicode.IsLetter(r) && !unicode.IsPunct(r)) {
		return false
	}
	return countTokens(s) <= 8
}

// bracketIsCredit reports whether a bracketed text is a photo credit: a few capitalised
// words with a photo word, or "Name/Agency" with a known agency. "(Reuters)" alone is a wire
// dateline, not a credit.
func bracketIsCredit(inner string) bool {
	toks := tokenize(inner)
	if len(toks) == 0 || len(toks) > 8 {
		return false
	}
	photo := false
	for _, t := range toks {
		photo = photo || photoWords[t.norm]
		r, _ := utf8.DecodeRuneInString(inner[t.start:])
		if unicode.IsLower(r) && !creditFiller[t.norm] {
			return false
		}
	}
	if photo {
		return true
	}
	if i := strings.LastIndex(inner, "/"); i >= 0 {
		last := tokenize(inner[i:])
		return len(last) > 0 && news.IsAgencyWord(last[0].norm)
	}
	return false
}

// endsSentence reports whether s ends like a sentence, quotes and brackets aside.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]`, r)
	})
	switch lastRune(s) {
	case '.', '!', '?', '…', '。', '؟':
		return true
	}
	return false
}

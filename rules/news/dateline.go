package news

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/rules/stopwords"
)

// DatelineWindow is how far into a paragraph a dateline may start: residue and captions
// glued in front of it ("Share this PHOTO: AFP LONDON, March 3 (Reuters) -") are short.
const DatelineWindow = 300

// datelineHead is how long a dateline at the start of a paragraph can be ("FRANKFURT AM MAIN,
// Germany, Tuesday, 3 March 2005 (EUROPA PRESS) -" is under 80 bytes).
const datelineHead = 120

// maxPlaceWords bounds a dateline's place ("RIO DE JANEIRO", "FRANKFURT AM MAIN").
const maxPlaceWords = 6

// placeConnectors are the lower-case words inside place names.
var placeConnectors = map[string]bool{"de": true, "del": true, "da": true, "do": true, "di": true,
	"la": true, "le": true, "el": true, "am": true, "an": true, "upon": true, "sur": true,
	"of": true, "d": true, "les": true, "los": true, "las": true, "der": true, "im": true}

// dateConnectors may stand between a dateline's place and its date ("Paris, le 5 octobre").
var dateConnectors = map[string]bool{"le": true, "den": true, "el": true, "il": true, "the": true, "am": true}

// Dateline is a wire dateline: "LONDON, March 3, 2005 (Reuters) -", "BEIRUT (Reuters) -",
// "NEW YORK, Nov. 23, 2025 /PRNewswire/ --", "REDMOND, Wash. -- Nov. 11, 2004 --". Offsets
// are bytes of the text it was found in.
type Dateline struct {
	Start, End int
	// Date is the dateline's date; its Precision is NoDate when the dateline names none.
	Date Date
	// Source is the agency or wire as written between brackets or slashes ("Reuters", "AP",
	// "PRNewswire"), "" when none; SourceStart is the offset of its opening bracket or slash.
	Source      string
	SourceStart int
}

// DatelineScanner finds datelines; it keeps a token buffer, so one scanner serves one
// goroutine at a time.
type DatelineScanner struct {
	Cal  *Calendar
	Toks *[]Token // token buffer reused between calls (nil: each call allocates)
}

// Find finds a wire dateline at the start of a paragraph's text, or glued behind residue in
// its first DatelineWindow bytes (then it must look unmistakable: capitals, agency and dash).
// lang is the document's main language (ISO 639-1), to read dates and function words.
func (ds DatelineScanner) Find(text, lang string) (Dateline, bool) {
	head := text[:RuneCut(text, datelineHead)]
	if !strings.ContainsAny(head, "-–—‒―(") {
		// A dateline at the start has its dash or agency near it; one glued behind residue
		// further in must have an agency in brackets.
		head = text[:RuneCut(text, DatelineWindow+100)]
		if !strings.Contains(head, ")") {
			return Dateline{}, false
		}
	} else if strings.Contains(text[len(head):RuneCut(text, DatelineWindow+100)], ")") {
		head = text[:RuneCut(text, DatelineWindow+100)]
	}
	toks, dates := ScanDatesInto(ds.Toks, head, ds.Cal, lang)
	dateAt := make(map[int]Date, len(dates))
	for _, d := range dates {
		dateAt[d.FirstToken] = d
	}
	for i := 0; i < len(toks) && toks[i].Start < DatelineWindow; i++ {
		if i > 0 && toks[i-1].Kind == WordToken && !toks[i-1].AllUpper {
			continue // inside a sentence; a dateline follows residue or punctuation
		}
		if dl, ok := parseDateline(toks, dateAt, i, i > 0, lang); ok {
			return dl.in(head, toks, i), true
		}
	}
	return Dateline{}, false
}

// AtStart finds a dateline that opens text, and nothing else (no residue before it).
func (ds DatelineScanner) AtStart(text, lang string) (Dateline, bool) {
	head := text[:RuneCut(text, datelineHead)]
	if !mayOpenWithDateline(head) {
		return Dateline{}, false
	}
	buf := ds.Toks
	if buf == nil {
		buf = tokenBuffers.Get().(*[]Token)
		defer tokenBuffers.Put(buf)
	}
	toks, dates := ScanDatesInto(buf, head, ds.Cal, lang)
	dateAt := make(map[int]Date, len(dates))
	for _, d := range dates {
		dateAt[d.FirstToken] = d
	}
	if len(toks) == 0 {
		return Dateline{}, false
	}
	if dl, ok := parseDateline(toks, dateAt, 0, false, lang); ok {
		return dl.in(head, toks, 0), true
	}
	return Dateline{}, false
}

// tokenBuffers recycles token slices for scanners without a buffer of their own.
var tokenBuffers = sync.Pool{New: func() any { return new([]Token) }}

// maxWordsBeforeDash bounds the lower-case words before a dateline's dash outside brackets:
// place connectors ("RIO DE JANEIRO") and date words ("5 de octubre de 2005", "Paris, le 5").
const maxWordsBeforeDash = 4

// mayOpenWithDateline is a cheap test that rules out most lines before they are parsed: a
// dateline at the start ends in a dash that stands apart (" - ", "--", "—"), and before it
// stand capitalised words, numbers and brackets, with few lower-case words. It never rules
// out a line parseDateline accepts from its first token.
func mayOpenWithDateline(head string) bool {
	lower, depth, inWord := 0, 0, false
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRuneInString(head[i:])
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth = max(depth-1, 0)
		case r == '–' || r == '—' || r == '‒' || r == '―':
			return true
		case r == '-':
			spaced := i > 0 && head[i-1] == ' ' || i+1 < len(head) && (head[i+1] == ' ' || head[i+1] == '-')
			if spaced || i+1 == len(head) {
				return true
			}
		}
		letter := unicode.IsLetter(r)
		if letter && !inWord && depth == 0 && unicode.IsLower(r) {
			lower++
			if lower > maxWordsBeforeDash {
				return false
			}
		}
		inWord = letter || inWord && (r == '\'' || r == '’')
		i += size
	}
	return false
}

// in turns a match from token i into a Dateline of text.
func (m datelineMatch) in(text string, toks []Token, i int) Dateline {
	dl := Dateline{Start: toks[i].Start, End: toks[m.end].End}
	if m.date != nil {
		dl.Date = *m.date
	}
	if m.sourceOpen >= 0 {
		dl.SourceStart = toks[m.sourceOpen].Start
		dl.Source = strings.TrimSpace(text[toks[m.sourceOpen].End:toks[m.sourceClose].Start])
	}
	return dl
}

// RuneCut moves byte offset n back to the start of a rune, clamped to s.
func RuneCut(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	if n <= 0 {
		return 0
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

// datelineMatch is a parsed dateline: its last token (the dash, or the agency), its date,
// and the tokens that open and close its source (-1 when it names none).
type datelineMatch struct {
	end                     int
	date                    *Date
	sourceOpen, sourceClose int
}

// parseDateline reads, from token i: [PLACE[, REGION]] [, [le] DATE] [(AGENCY)] DASH, or
// DATE (AGENCY) DASH, or (AGENCY) DASH. Strict asks for a capitalised place and an agency.
func parseDateline(toks []Token, dateAt map[int]Date, i int, strict bool, lang string) (datelineMatch, bool) {
	j := i
	var date *Date
	placeWords, allCaps := 0, true
	takeDate := func() bool {
		k := j
		if k < len(toks) && toks[k].Kind == WordToken && dateConnectors[toks[k].Text] {
			k++
		}
		if d, ok := dateAt[k]; ok && d.Precision != WeekdayOnly && d.Precision != YearPrecision {
			date = &d
			j = d.LastToken + 1
			return true
		}
		return false
	}
	if !takeDate() {
		for segment := 0; segment < 3; segment++ {
			words := readPlace(toks, dateAt, &j, &allCaps)
			if words == 0 {
				break
			}
			placeWords += words
			if takeDate() { // "ANGLETON, Tex. March 3 -"
				break
			}
			if j >= len(toks) || toks[j].Text != "," {
				break
			}
			j++ // the comma
			if takeDate() {
				break
			}
		}
		if placeWords == 0 {
			j = i
		}
	}
	agency := false
	srcOpen, srcClose := -1, -1
	if end, ok := readWireSlashes(toks, j); ok {
		// A press-release wire: "NEW YORK, Nov. 23, 2025 /PRNewswire/ --".
		agency = true
		srcOpen, srcClose = j, end
		j = end + 1
	} else if j < len(toks) && toks[j].Text == "(" {
		if end, name, ok := readAgency(toks, j); ok {
			agency = true
			srcOpen, srcClose = j, end
			j = end + 1
			if date == nil && j < len(toks) && toks[j].Text == "," {
				j++
				if !takeDate() {
					j--
				}
			} else if date == nil {
				// "LONDON (Reuters) Nov 23, 2025 -": a date after the agency counts only when
				// the dash follows it; "(CNN) March 3, 2015 was the day" is prose.
				k := j
				if takeDate() && !hasDash(toks, j) {
					j, date = k, nil
				}
			}
			if !hasDash(toks, j) && placeWords == 0 && date == nil && IsWireWord(name) && i == 0 {
				return datelineMatch{end: end, sourceOpen: srcOpen, sourceClose: srcClose}, !strict
			}
		}
	}
	if j < len(toks) && toks[j].Text == "." {
		j++
	}
	if !hasDash(toks, j) {
		return datelineMatch{}, false
	}
	dash := j
	end := dashEnd(toks, j)
	if date == nil && placeWords > 0 {
		// A press release's date between two dashes: "REDMOND, Wash. -- Nov. 11, 2004 --".
		j = end + 1
		if takeDate() && hasDash(toks, j) {
			end = dashEnd(toks, j)
		} else {
			date = nil
		}
	}
	switch {
	case strict:
		return datelineMatch{end: end, date: date, sourceOpen: srcOpen, sourceClose: srcClose}, placeWords > 0 && allCaps && agency
	case placeWords == 0:
		return datelineMatch{end: end, date: date, sourceOpen: srcOpen, sourceClose: srcClose}, agency && (date != nil || i == 0)
	case date == nil && !agency:
		// "LAS VEGAS — It started": only a place in capitals stands alone before a dash, and
		// only a place: not a shouted phrase ("IF YOU DON'T LIKE IT-"), a kicker ("FILE -",
		// "UPDATE -") or a word hyphenated to the next ("IT- leave").
		return datelineMatch{end: end, sourceOpen: -1, sourceClose: -1}, allCaps && letterCount(toks, i, dash) >= 3 &&
			(toks[dash-1].SpaceAfter || dash != end || toks[dash].Text != "-") && mayBePlace(toks, i, dash, lang)
	}
	return datelineMatch{end: end, date: date, sourceOpen: srcOpen, sourceClose: srcClose}, true
}

// kickers are the capitalised labels that open a story or caption with a dash as a dateline
// would ("FILE - In this photo", "UPDATE - The council"), but name no place.
var kickers = map[string]bool{"file": true, "update": true, "updated": true, "updates": true, "breaking": true,
	"watch": true, "video": true, "photo": true, "photos": true, "exclusive": true, "correction": true,
	"corrected": true, "analysis": true, "opinion": true, "editorial": true, "live": true, "review": true,
	"commentary": true, "audio": true, "listen": true, "related": true, "advisory": true, "urgent": true,
	"flash": true, "bulletin": true, "note": true, "editors": true, "editor": true, "refile": true}

// mayBePlace reports whether the words of tokens from..to-1 can name a place: not a kicker,
// and not a phrase of the document's function words ("IF YOU DON'T LIKE IT"). "THE HAGUE"
// has one function word in two, which a place may have.
func mayBePlace(toks []Token, from, to int, lang string) bool {
	if lang == "" {
		lang = "en"
	}
	words, function := 0, 0
	for k := from; k < to && k < len(toks); k++ {
		if toks[k].Kind != WordToken {
			continue
		}
		if words == 0 && kickers[toks[k].Text] {
			return false
		}
		words++
		// Single letters are initials ("N.J.", "U.S."), not the function words "s" and "t".
		if len(toks[k].Text) > 1 && stopwords.Is(lang, toks[k].Text) {
			function++
		}
	}
	return function < 2 && function*2 <= words
}

// readPlace consumes capitalised words joined by connectors, dots, hyphens, apostrophes and
// slashes ("ST. LOUIS", "Frankfurt/Main", "RIO DE JANEIRO") and returns how many it took.
func readPlace(toks []Token, dateAt map[int]Date, j *int, allCaps *bool) int {
	words := 0
	k := *j
	for k < len(toks) && words < maxPlaceWords {
		t := toks[k]
		if t.Kind != WordToken {
			break
		}
		if d, ok := dateAt[k]; ok && words > 0 && d.Precision != WeekdayOnly && d.Precision != YearPrecision {
			break // the place ends where its date begins
		}
		if !t.Upper {
			if !placeConnectors[t.Text] || words == 0 || k+1 >= len(toks) || !toks[k+1].Upper {
				break
			}
		} else {
			*allCaps = *allCaps && t.AllUpper
			words++
		}
		k++
		for k < len(toks) && toks[k].Kind == PunctToken && isPlaceJoiner(toks[k].Text) && !toks[k-1].SpaceAfter &&
			k+1 < len(toks) && (toks[k+1].Kind == WordToken || toks[k].Text == ".") {
			if toks[k].Text == "-" && toks[k].SpaceAfter {
				break // a dash after the place ends the dateline
			}
			k++
		}
	}
	if words > 0 {
		*j = k
	}
	return words
}

func isPlaceJoiner(s string) bool {
	return s == "." || s == "-" || s == "'" || s == "’" || s == "/"
}

// readAgency reads "(Reuters)", "(EUROPA PRESS)", "(AP Photo)" from the "(" at j, returning
// the index of ")" and the lower-case first word.
func readAgency(toks []Token, j int) (end int, name string, ok bool) {
	for k := j + 1; k < len(toks) && k <= j+6; k++ {
		t := toks[k]
		switch {
		case t.Text == ")":
			return k, name, k > j+1
		case t.Kind == WordToken:
			if !t.Upper && !IsWireWord(t.Text) { // "(dpa)" is lower case
				return 0, "", false
			}
			if name == "" {
				name = t.Text
			}
		case t.Kind == PunctToken && (t.Text == "&" || t.Text == "." || t.Text == "-" || t.Text == "/"):
		default:
			return 0, "", false
		}
	}
	return 0, "", false
}

// dashEnd returns the last token of the dash at j: "--" is two tokens.
func dashEnd(toks []Token, j int) int {
	if j+1 < len(toks) && toks[j+1].Text == "-" && !toks[j].SpaceAfter {
		return j + 1
	}
	return j
}

// hasDash reports whether token j is a dash that ends a dateline.
func hasDash(toks []Token, j int) bool {
	if j >= len(toks) {
		return false
	}
	switch toks[j].Text {
	case "-", "–", "—", "‒", "―":
		return true
	}
	return false
}

func letterCount(toks []Token, from, to int) int {
	n := 0
	for k := from; k < to && k < len(toks); k++ {
		if toks[k].Kind == WordToken {
			n += len([]rune(toks[k].Text))
		}
	}
	return n
}

// readWireSlashes reads a press-release wire's name between slashes ("/PRNewswire/",
// "/PRNewswire-FirstCall/", "/CNW/") and returns the closing slash.
func readWireSlashes(toks []Token, j int) (end int, ok bool) {
	if j >= len(toks) || toks[j].Text != "/" || toks[j].SpaceAfter {
		return 0, false
	}
	for k := j + 1; k < len(toks) && k <= j+5; k++ {
		if toks[k].Text == "/" {
			return k, k > j+1 && toks[j+1].Kind == WordToken && toks[j+1].Upper
		}
		if toks[k].Kind == PunctToken && toks[k].Text != "-" || toks[k].SpaceAfter {
			return 0, false // wire names are one word, or words joined by hyphens
		}
	}
	return 0, false
}

package date

import (
	"strings"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/stopwords"
)

// datelineWindow is how far into a paragraph a dateline may start: residue and captions
// glued in front of it ("Share this PHOTO: AFP LONDON, March 3 (Reuters) -") are short.
const datelineWindow = 300

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

// knownAgencies open a story without a dash ("(CNN) Greg Gianforte ...").
var knownAgencies = map[string]bool{"cnn": true, "ap": true, "afp": true, "reuters": true,
	"xinhua": true, "efe": true, "dpa": true, "ansa": true, "upi": true, "bloomberg": true,
	"apa": true, "anp": true, "belga": true, "lusa": true, "tass": true, "ria": true, "pap": true}

// dateline finds a wire dateline at the start of paragraph p, or glued behind residue in its
// first datelineWindow bytes (then it must look unmistakable: capitals, agency and dash).
func (lc *Locator) dateline(doc *audit.Document, p audit.Paragraph, lang string) (Candidate, bool) {
	text := p.Text[:runeCut(p.Text, datelineHead)]
	if !strings.ContainsAny(text, "-–—‒―(") {
		// A dateline at the start has its dash or agency near it; one glued behind residue
		// further in must have an agency in brackets.
		text = p.Text[:runeCut(p.Text, datelineWindow+100)]
		if !strings.Contains(text, ")") {
			return Candidate{}, false
		}
	} else if strings.Contains(p.Text[len(text):runeCut(p.Text, datelineWindow+100)], ")") {
		text = p.Text[:runeCut(p.Text, datelineWindow+100)]
	}
	toks, dates := lc.scan(text, lang)
	dateAt := make(map[int]Date, len(dates))
	for _, d := range dates {
		dateAt[d.firstToken] = d
	}
	for i := 0; i < len(toks) && toks[i].start < datelineWindow; i++ {
		if i > 0 && toks[i-1].kind == wordToken && !toks[i-1].allUpper {
			continue // inside a sentence; a dateline follows residue or punctuation
		}
		dl, ok := parseDateline(toks, dateAt, i, i > 0, lang)
		if !ok {
			continue
		}
		c := Candidate{Kind: DatelessDateline, Start: p.Start + toks[i].start, End: p.Start + toks[dl.end].end}
		if dl.date != nil {
			d := *dl.date
			d.Start += p.Start
			d.End += p.Start
			c.Kind, c.Date = Dateline, d
		}
		c.Line = doc.LineAt(c.Start)
		return c, true
	}
	return Candidate{}, false
}

// datelineMatch is a parsed dateline: its last token (the dash, or the agency) and its date.
type datelineMatch struct {
	end  int
	date *Date
}

// parseDateline reads, from token i: [PLACE[, REGION]] [, [le] DATE] [(AGENCY)] DASH, or
// DATE (AGENCY) DASH, or (AGENCY) DASH. Strict asks for a capitalised place and an agency.
func parseDateline(toks []token, dateAt map[int]Date, i int, strict bool, lang string) (datelineMatch, bool) {
	j := i
	var date *Date
	placeWords, allCaps := 0, true
	takeDate := func() bool {
		k := j
		if k < len(toks) && toks[k].kind == wordToken && dateConnectors[toks[k].text] {
			k++
		}
		if d, ok := dateAt[k]; ok && d.Precision != WeekdayOnly && d.Precision != YearPrecision {
			date = &d
			j = d.lastToken + 1
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
			if j >= len(toks) || toks[j].text != "," {
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
	if end, ok := readWireSlashes(toks, j); ok {
		// A press-release wire: "NEW YORK, Nov. 23, 2025 /PRNewswire/ --".
		agency = true
		j = end + 1
	} else if j < len(toks) && toks[j].text == "(" {
		if end, name, ok := readAgency(toks, j); ok {
			agency = true
			j = end + 1
			if date == nil && j < len(toks) && toks[j].text == "," {
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
			if !hasDash(toks, j) && placeWords == 0 && date == nil && knownAgencies[name] && i == 0 {
				return datelineMatch{end: end}, !strict
			}
		}
	}
	if j < len(toks) && toks[j].text == "." {
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
		return datelineMatch{end: end, date: date}, placeWords > 0 && allCaps && agency
	case placeWords == 0:
		return datelineMatch{end: end, date: date}, agency && (date != nil || i == 0)
	case date == nil && !agency:
		// "LAS VEGAS — It started": only a place in capitals stands alone before a dash, and
		// only a place: not a shouted phrase ("IF YOU DON'T LIKE IT-"), a kicker ("FILE -",
		// "UPDATE -") or a word hyphenated to the next ("IT- leave").
		return datelineMatch{end: end}, allCaps && letterCount(toks, i, dash) >= 3 &&
			(toks[dash-1].spaceAfter || dash != end || toks[dash].text != "-") && mayBePlace(toks, i, dash, lang)
	}
	return datelineMatch{end: end, date: date}, true
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
func mayBePlace(toks []token, from, to int, lang string) bool {
	if lang == "" {
		lang = "en"
	}
	words, function := 0, 0
	for k := from; k < to && k < len(toks); k++ {
		if toks[k].kind != wordToken {
			continue
		}
		if words == 0 && kickers[toks[k].text] {
			return false
		}
		words++
		// Single letters are initials ("N.J.", "U.S."), not the function words "s" and "t".
		if len(toks[k].text) > 1 && stopwords.Is(lang, toks[k].text) {
			function++
		}
	}
	return function < 2 && function*2 <= words
}

// readPlace consumes capitalised words joined by connectors, dots, hyphens, apostrophes and
// slashes ("ST. LOUIS", "Frankfurt/Main", "RIO DE JANEIRO") and returns how many it took.
func readPlace(toks []token, dateAt map[int]Date, j *int, allCaps *bool) int {
	words := 0
	k := *j
	for k < len(toks) && words < maxPlaceWords {
		t := toks[k]
		if t.kind != wordToken {
			break
		}
		if d, ok := dateAt[k]; ok && words > 0 && d.Precision != WeekdayOnly && d.Precision != YearPrecision {
			break // the place ends where its date begins
		}
		if !t.upper {
			if !placeConnectors[t.text] || words == 0 || k+1 >= len(toks) || !toks[k+1].upper {
				break
			}
		} else {
			*allCaps = *allCaps && t.allUpper
			words++
		}
		k++
		for k < len(toks) && toks[k].kind == punctToken && isPlaceJoiner(toks[k].text) && !toks[k-1].spaceAfter &&
			k+1 < len(toks) && (toks[k+1].kind == wordToken || toks[k].text == ".") {
			if toks[k].text == "-" && toks[k].spaceAfter {
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
func readAgency(toks []token, j int) (end int, name string, ok bool) {
	for k := j + 1; k < len(toks) && k <= j+6; k++ {
		t := toks[k]
		switch {
		case t.text == ")":
			return k, name, k > j+1
		case t.kind == wordToken:
			if !t.upper && !knownAgencies[t.text] { // "(dpa)" is lower case
				return 0, "", false
			}
			if name == "" {
				name = t.text
			}
		case t.kind == punctToken && (t.text == "&" || t.text == "." || t.text == "-" || t.text == "/"):
		default:
			return 0, "", false
		}
	}
	return 0, "", false
}

// dashEnd returns the last token of the dash at j: "--" is two tokens.
func dashEnd(toks []token, j int) int {
	if j+1 < len(toks) && toks[j+1].text == "-" && !toks[j].spaceAfter {
		return j + 1
	}
	return j
}

// hasDash reports whether token j is a dash that ends a dateline.
func hasDash(toks []token, j int) bool {
	if j >= len(toks) {
		return false
	}
	switch toks[j].text {
	case "-", "–", "—", "‒", "―":
		return true
	}
	return false
}

func letterCount(toks []token, from, to int) int {
	n := 0
	for k := from; k < to && k < len(toks); k++ {
		if toks[k].kind == wordToken {
			n += len([]rune(toks[k].text))
		}
	}
	return n
}

// readWireSlashes reads a press-release wire's name between slashes ("/PRNewswire/",
// "/PRNewswire-FirstCall/", "/CNW/") and returns the closing slash.
func readWireSlashes(toks []token, j int) (end int, ok bool) {
	if j >= len(toks) || toks[j].text != "/" || toks[j].spaceAfter {
		return 0, false
	}
	for k := j + 1; k < len(toks) && k <= j+5; k++ {
		if toks[k].text == "/" {
			return k, k > j+1 && toks[j+1].kind == wordToken && toks[j+1].upper
		}
		if toks[k].kind == punctToken && toks[k].text != "-" || toks[k].spaceAfter {
			return 0, false // wire names are one word, or words joined by hyphens
		}
	}
	return 0, false
}

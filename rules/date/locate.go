package date

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/news"
)

// CandidateKind says where a publication date was found.
type CandidateKind uint8

// Places a publication date can stand, in the order the rule trusts them.
const (
	LabelledDate     CandidateKind = iota // "Published: 12 March 2005", "date 2017-10-06"
	Dateline                              // "LONDON, March 3, 2005 (Reuters) -"
	BylineDate                            // "By Jane Doe | 3 March 2005"
	DateOnlyLine                          // a header line that is only a date and a time
	PageLine                              // a print-edition line: "Tuesday, January 4, 2005; Page A01"
	DatelessDateline                      // "BEIRUT (Reuters) -": a wire story whose date was lost
	LeadMention                           // "said on Sunday (June 4)" in the lead: not a publication date
)

// String names the kind in evidence.
func (k CandidateKind) String() string {
	return [...]string{"label", "dateline", "byline", "date line", "page line", "dateless dateline", "lead mention"}[k]
}

// Candidate is one located publication date (or, for the last two kinds, the trace of one).
type Candidate struct {
	Kind       CandidateKind
	Date       Date // Start and End are document offsets; zero Precision for a dateless dateline
	Updated    bool // the label names a revision ("Updated", "mis à jour")
	Line       int  // 1-based line of the date
	Start, End int  // document offsets of the evidence: the label and date, or the dateline
}

// Locator finds publication-date candidates in a document.
type Locator struct {
	HeaderLines        int // non-blank lines at the top where header dates stand
	FooterLines        int // non-blank lines at the bottom where labelled dates may stand
	DatelineParagraphs int // paragraphs at the top whose start may hold a dateline
	LeadParagraphs     int // paragraphs whose first sentence may hold a relative day

	cal   *news.Calendar
	lists *wordLists
	toks  *[]token // the token buffer of one Locate call (nil: scans allocate their own)
}

// NewLocator returns a locator with the shipped lexicons.
func NewLocator() *Locator {
	return &Locator{HeaderLines: 12, FooterLines: 3, DatelineParagraphs: 10, LeadParagraphs: 4,
		cal: news.BuiltinCalendar(), lists: builtinWordLists()}
}

// maxHeaderLineBytes bounds the lines judged as a whole: a date header is short.
const maxHeaderLineBytes = 160

// Locate returns every candidate in the document, in document order per kind. lang is the
// document's main language (ISO 639-1), used only to read ambiguous names and numbers.
func (lc *Locator) Locate(doc *audit.Document, lang string) []Candidate {
	// One token buffer for the whole document: each scan's tokens are consumed before
	// the next scan (the locator itself is shared, so the buffer travels in a copy).
	buf := tokenBuffers.Get().(*[]token)
	defer tokenBuffers.Put(buf)
	l := *lc
	l.toks = buf
	return l.locate(doc, lang)
}

// tokenBuffers recycles token slices between documents: allocating and clearing them
// was 40% of tokenizing.
var tokenBuffers = sync.Pool{New: func() any { return new([]token) }}

// scan is scanDates with the locator's token buffer.
func (lc *Locator) scan(s, lang string) ([]token, []Date) {
	return news.ScanDatesInto(lc.toks, s, lc.cal, lang)
}

func (lc *Locator) locate(doc *audit.Document, lang string) []Candidate {
	var out []Candidate
	nonBlank := make([]audit.Line, 0, len(doc.Lines))
	for _, l := range doc.Lines {
		if !l.Blank() {
			nonBlank = append(nonBlank, l)
		}
	}
	for i, l := range nonBlank {
		header := i < lc.HeaderLines
		footer := i >= len(nonBlank)-lc.FooterLines && i >= lc.HeaderLines
		if (header || footer) && !(i > 0 && continuesProse(nonBlank[i-1], l)) {
			out = append(out, lc.lineCandidates(l, lang, header)...)
		}
	}
	for pi, p := range doc.Paragraphs {
		if pi >= lc.DatelineParagraphs {
			break
		}
		if c, ok := lc.dateline(doc, p, lang); ok {
			out = append(out, c)
		}
	}
	for pi, p := range doc.Paragraphs {
		if pi >= lc.LeadParagraphs {
			break
		}
		if s, ok := doc.FirstSentence(p.Index); ok {
			out = append(out, lc.leadMentions(doc, s, lang)...)
		}
	}
	return out
}

// lineCandidates finds labelled dates on any header or footer line, and bylines and
// date-only lines among the header lines.
func (lc *Locator) lineCandidates(l audit.Line, lang string, header bool) []Candidate {
	if len(strings.TrimSpace(l.Text)) > maxHeaderLineBytes {
		return lc.longLineCandidates(l, lang)
	}
	toks, dates := lc.scan(l.Text, lang)
	out := lc.labelled(l, 0, toks, dates, true)
	out = append(out, lc.pageLines(l, 0, toks, dates)...)
	if rel, first, ok := lc.labelledRelative(toks); ok {
		d := Date{Precision: RelativeDay, Weekday: -1, Start: toks[rel].Start, End: toks[rel].End}
		out = append(out, lc.lineCandidate(l, LabelledDate, d, toks[first].Start, false))
	}
	if len(out) > 0 || !header || len(dates) == 0 {
		return out
	}
	if lc.isByline(toks) {
		for _, d := range dates {
			if d.Precision == DayPrecision || d.Precision == MonthPrecision || d.Precision == PartialDay {
				return []Candidate{lc.lineCandidate(l, BylineDate, d, -1, false)}
			}
		}
		return nil
	}
	if d, ok := lc.onlyDate(toks, dates); ok {
		return []Candidate{lc.lineCandidate(l, DateOnlyLine, d, -1, false)}
	}
	return nil
}

// longLineEdge is how much of each end of a long line is read for a labelled date: a label
// opens the line ("date 2017-10-06 BEIRUT ...") or closes a caption ("... (Published Friday,
// Feb. 27, 2015)"); the middle of a paragraph is prose.
const longLineEdge = 200

// longLineCandidates reads only the two ends of a long line, and only for labelled dates.
func (lc *Locator) longLineCandidates(l audit.Line, lang string) []Candidate {
	text := l.Text
	if strings.IndexFunc(text, unicode.IsDigit) < 0 {
		return nil
	}
	head := runeCut(text, longLineEdge)
	toks, dates := lc.scan(text[:head], lang)
	out := lc.labelled(l, 0, toks, dates, false)
	out = append(out, lc.pageLines(l, 0, toks, dates)...)
	if tail := runeCut(text, len(text)-longLineEdge); tail > head {
		toks, dates = lc.scan(text[tail:], lang)
		out = append(out, lc.labelled(l, tail, toks, dates, false)...)
		out = append(out, lc.pageLines(l, tail, toks, dates)...)
	}
	return out
}

// pageLines returns the dates of a line segment that a print page follows: a newspaper's
// page line ("Tuesday, January 4, 2005; Page A01") or print-edition note ("appeared November
// 16, 2012, on page A1"). A page number fixes the date as the day the story was printed.
func (lc *Locator) pageLines(l audit.Line, base int, toks []token, dates []Date) []Candidate {
	var out []Candidate
	for _, d := range dates {
		if d.Precision != DayPrecision || d.TwoDigitYear {
			continue
		}
		if _, ok := pageRefAt(toks, d.LastToken+1); ok {
			d.Start += base
			d.End += base
			out = append(out, lc.lineCandidate(l, PageLine, d, -1, false))
		}
	}
	return out
}

// pageWords name a print page in the languages of the calendar table.
var pageWords = map[string]bool{"page": true, "pages": true, "p": true, "pg": true, "seite": true,
	"página": true, "pagina": true, "pagine": true, "pag": true, "pág": true, "blz": true, "strona": true, "sida": true, "side": true}

// pageRefAt reads ", on page A1" or "; Page A01" from token j: at most two separators or
// fillers, a page word, and a page number optionally after a section letter. It returns the
// last token of the page number.
func pageRefAt(toks []token, j int) (int, bool) {
	for n := 0; n < 3 && j < len(toks) && (toks[j].Kind == PunctToken || toks[j].Text == "on" || toks[j].Text == "in"); n++ {
		j++
	}
	if j >= len(toks) || toks[j].Kind != WordToken || !pageWords[toks[j].Text] {
		return 0, false
	}
	j++
	if j < len(toks) && toks[j].Kind == PunctToken && toks[j].Text == "." {
		j++
	}
	if j+1 < len(toks) && toks[j].Kind == WordToken && len(toks[j].Text) == 1 && !toks[j].SpaceAfter && toks[j+1].Kind == NumberToken {
		j++ // the section letter of "A01"
	}
	if j < len(toks) && toks[j].Kind == NumberToken && toks[j].Digits <= 3 {
		return j, true
	}
	return 0, false
}

// labelled returns the dates of a line segment that follow a label heading a field; base is
// the segment's offset in the line.
func (lc *Locator) labelled(l audit.Line, base int, toks []token, dates []Date, short bool) []Candidate {
	var out []Candidate
	for _, d := range dates {
		lab, first, ok := lc.labelBefore(toks, d.FirstToken)
		if !ok || !labelStandsAlone(toks, first, lab) && !(short && inShortSentence(lab, d)) {
			continue
		}
		if d.TwoDigitYear || d.Precision == WeekdayOnly && !short {
			// A two-digit year or a bare weekday is read as a date only right after a label.
			if d.FirstToken-first > len(lab.words)+2 {
				continue
			}
		}
		d.Start += base
		d.End += base
		out = append(out, lc.lineCandidate(l, LabelledDate, d, base+toks[first].Start, lab.role == updatedLabel))
	}
	return out
}

func (lc *Locator) lineCandidate(l audit.Line, kind CandidateKind, d Date, evStart int, updated bool) Candidate {
	d.Start += l.Start
	d.End += l.Start
	c := Candidate{Kind: kind, Date: d, Updated: updated, Line: l.Number, Start: d.Start, End: d.End}
	if evStart >= 0 {
		c.Start = l.Start + evStart
	}
	return c
}

// labelBefore finds a label that ends just before token j, with only filler between.
func (lc *Locator) labelBefore(toks []token, j int) (label, int, bool) {
	for k, skipped := j-1, 0; k >= 0 && skipped <= 8; k-- {
		if lab, first, ok := lc.lists.labelEndingAt(toks, k); ok {
			return lab, first, true
		}
		if by, ok := bylineBefore(toks, k); ok {
			k = by // "Posted by Jane Doe on 25 Sep 2016": the author stands between label and date
			continue
		}
		if !isFiller(toks, k) {
			return label{}, 0, false
		}
		skipped++
	}
	return label{}, 0, false
}

// maxBylineNameWords bounds an author's name between a label and its date.
const maxBylineNameWords = 4

// bylineBefore reports whether token k ends a "by NAME" phrase (a byline word and up to four
// capitalised words) and returns the index of the byline word.
func bylineBefore(toks []token, k int) (int, bool) {
	names := 0
	for ; k >= 0 && names <= maxBylineNameWords; k-- {
		t := toks[k]
		switch {
		case t.Kind == WordToken && t.Upper:
			names++
		case t.Kind == PunctToken && (t.Text == "." || t.Text == "-" || t.Text == "'" || t.Text == "’"):
		case t.Kind == WordToken && bylineWords[t.Text] && names > 0:
			return k, true
		default:
			return 0, false
		}
	}
	return 0, false
}

// labelStandsAlone reports whether the label at token first heads a field, as opposed to a
// word inside a sentence ("the payment date April 9"): it opens the line, opens a bracket or a
// field after a separator, or is followed by a colon.
func labelStandsAlone(toks []token, first int, lab label) bool {
	lineStart := true
	for k := 0; k < first; k++ {
		if toks[k].Kind != PunctToken {
			lineStart = false
			break
		}
	}
	if lineStart || openedBy(toks, first) {
		return true
	}
	if len(lab.words) == 1 && genericLabels[lab.words[0]] {
		return false // "Release Date:", "payment date": the word alone names other dates too
	}
	next := first + len(lab.words)
	return next < len(toks) && toks[next].Text == ":"
}

// inShortSentence accepts a label inside a short header or footer sentence ("This article was
// first published on 3 March 2005.") when it is a phrase, not a single word, and dates a whole
// day: single words ("revised 1986 net income", "filed 12 March") are too common in prose.
func inShortSentence(lab label, d Date) bool {
	return len(lab.words) > 1 && d.Precision == DayPrecision
}

// genericLabels are single words that name any date, not only a publication date; they count
// only where they open a line or a field.
var genericLabels = map[string]bool{"date": true, "dated": true, "datum": true, "data": true,
	"fecha": true, "дата": true, "stand": true}

// continuesProse reports whether line l is the continuation of a hard-wrapped sentence (the
// previous line is long and stops mid-sentence), so it cannot be a header line of its own.
func continuesProse(prev, l audit.Line) bool {
	p := strings.TrimSpace(prev.Text)
	if len(p) < 50 || l.Number != prev.Number+1 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return unicode.IsLetter(last) || unicode.IsDigit(last) || last == ','
}

// openedBy reports whether the label at token first opens a bracket or a field ("(Published
// Saturday, Aug. 11, 2018)" at the end of a caption), as opposed to a word inside a sentence.
func openedBy(toks []token, first int) bool {
	if first == 0 {
		return true
	}
	switch toks[first-1].Text {
	case "(", "[", "{", "|", "·", "•", "—", "–", "-", "/": // "{" opens a wiki template: "{{date|...}}"
		return true
	}
	return false
}

// labelledRelative finds "Updated 3 hours ago" or "Publié hier": a label at the start of the
// line followed by a relative day.
func (lc *Locator) labelledRelative(toks []token) (rel, first int, ok bool) {
	for k := 0; k < len(toks) && k < 12; k++ {
		if !lc.lists.relative[toks[k].Text] {
			continue
		}
		for j := k - 1; j >= 0; j-- {
			if _, f, found := lc.lists.labelEndingAt(toks, j); found && f <= 1 {
				return k, f, true
			}
			if toks[j].Kind == WordToken && !isFillerWord(toks[j].Text) && !isTimeUnit(toks[j].Text) {
				break
			}
		}
	}
	return 0, 0, false
}

// bylineWords open a byline in the languages of the calendar table.
var bylineWords = map[string]bool{"by": true, "por": true, "par": true, "von": true, "di": true,
	"door": true, "av": true, "af": true, "przez": true, "autor": true, "author": true, "written": true}

// isByline reports whether a header line opens with a byline word followed by a capitalised
// name ("By Jane Doe", "Por María López").
func (lc *Locator) isByline(toks []token) bool {
	k := 0
	for k < len(toks) && toks[k].Kind == PunctToken {
		k++
	}
	if k+1 >= len(toks) || toks[k].Kind != WordToken || !bylineWords[toks[k].Text] {
		return false
	}
	next := k + 1
	if toks[k].Text == "written" && next < len(toks) && toks[next].Text == "by" {
		next++
	}
	if next < len(toks) && toks[next].Kind == PunctToken && toks[next].Text == ":" {
		next++
	}
	return next < len(toks) && toks[next].Kind == WordToken && toks[next].Upper
}

// onlyDate returns the date of a line that holds nothing but one dated day and filler
// ("Tuesday, 3 March 2005, 14:32 GMT", "03.03.2005 | 09:52"). A year alone or a bare weekday
// is not enough: titles and captions are full of those.
func (lc *Locator) onlyDate(toks []token, dates []Date) (Date, bool) {
	var found Date
	n := 0
	for _, d := range dates {
		// A month and year alone ("OCT  1157") is as often a table row as a date.
		if d.Precision == DayPrecision || d.Precision == PartialDay {
			found = d
			n++
		}
	}
	if n != 1 || found.TwoDigitYear {
		return Date{}, false
	}
	words := 0
	for k, t := range toks {
		if k >= found.FirstToken && k <= found.LastToken {
			continue
		}
		if isFiller(toks, k) {
			continue
		}
		if _, ok := lc.cal.Weekday(t.Text, ""); ok && t.Kind == WordToken {
			continue
		}
		words++
	}
	return found, words == 0
}

// leadSentenceBytes bounds the part of a lead sentence read for a day: "said on Sunday" comes
// early in a news lead.
const leadSentenceBytes = 300

// leadMentions finds what only hints at a day in the lead: a bare weekday ("on Sunday"), a day
// without year ("(June 4)") or a relative day ("yesterday"). They never count as the
// publication date; they make a missing date "partial".
func (lc *Locator) leadMentions(doc *audit.Document, s audit.Sentence, lang string) []Candidate {
	text := s.Text[:runeCut(s.Text, leadSentenceBytes)]
	toks, dates := lc.scan(text, lang)
	var out []Candidate
	for _, d := range dates {
		if d.Precision == WeekdayOnly || d.Precision == PartialDay {
			out = append(out, lc.mention(doc, s.Start, d))
		}
	}
	for _, t := range toks {
		if t.Kind == WordToken && lc.lists.relative[t.Text] {
			out = append(out, lc.mention(doc, s.Start, Date{Precision: RelativeDay, Weekday: -1, Start: t.Start, End: t.End}))
		}
	}
	return out
}

func (lc *Locator) mention(doc *audit.Document, base int, d Date) Candidate {
	d.Start += base
	d.End += base
	return Candidate{Kind: LeadMention, Date: d, Line: doc.LineAt(d.Start), Start: d.Start, End: d.End}
}

func isTimeUnit(w string) bool {
	switch w {
	case "hour", "hours", "minute", "minutes", "min", "mins", "day", "days", "week", "weeks",
		"heures", "heure", "jours", "horas", "hora", "minutos", "dias", "días",
		"stunden", "stunde", "minuten", "tagen", "ore", "minuti", "giorni", "uur", "dagen":
		return true
	}
	return false
}

// dateline finds a wire dateline at the start of paragraph p, or glued behind residue near it.
func (lc *Locator) dateline(doc *audit.Document, p audit.Paragraph, lang string) (Candidate, bool) {
	dl, ok := news.DatelineScanner{Cal: lc.cal, Toks: lc.toks}.Find(p.Text, lang)
	if !ok {
		return Candidate{}, false
	}
	c := Candidate{Kind: DatelessDateline, Start: p.Start + dl.Start, End: p.Start + dl.End}
	if dl.Date.Precision != NoDate {
		d := dl.Date
		d.Start += p.Start
		d.End += p.Start
		c.Kind, c.Date = Dateline, d
	}
	c.Line = doc.LineAt(c.Start)
	return c, true
}

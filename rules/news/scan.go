package news

import (
	"time"
	"unicode/utf8"
)

// Precision says how much of a date is known.
type Precision uint8

// Precisions, from most to least precise. PartialDay is a day and month without a year
// ("Oct. 7"); WeekdayOnly is a bare weekday ("on Sunday"); RelativeDay is "yesterday" or
// "3 hours ago".
const (
	NoDate Precision = iota
	DayPrecision
	MonthPrecision
	YearPrecision
	PartialDay
	WeekdayOnly
	RelativeDay
)

// String is the value of the "date_precision" fact.
func (p Precision) String() string {
	switch p {
	case DayPrecision:
		return "day"
	case MonthPrecision:
		return "month"
	case YearPrecision:
		return "year"
	case PartialDay, WeekdayOnly, RelativeDay:
		return "partial"
	}
	return "none"
}

// HasYear reports whether the date can be placed in time.
func (p Precision) HasYear() bool {
	return p == DayPrecision || p == MonthPrecision || p == YearPrecision
}

// Date is one date expression found in a string. Fields not stated are zero; Weekday is -1
// when no weekday was written.
type Date struct {
	Year, Month, Day int
	Weekday          int
	Precision        Precision
	Start, End       int  // byte offsets in the scanned string
	Impossible       bool // the day does not exist in that month ("31 June", "29 Feb 2005")
	Ambiguous        bool // numeric day and month could be swapped ("03/04/2005")
	DayFirst         bool // a numeric date was read day first
	TwoDigitYear     bool // "06.10.17": trusted only after a label such as "Published"
	Numeric          bool // written in digits only

	FirstToken, LastToken int // Token indices, inclusive
}

// ISO renders the date in ISO 8601 as precisely as it is known: 2017-10-06, 2017-10, 2017,
// or the year-less form --10-06 (ISO 8601:2000, XML Schema gMonthDay) for a day without year.
func (d Date) ISO() string {
	switch d.Precision {
	case DayPrecision:
		return pad(d.Year, 4) + "-" + pad(d.Month, 2) + "-" + pad(d.Day, 2)
	case MonthPrecision:
		return pad(d.Year, 4) + "-" + pad(d.Month, 2)
	case YearPrecision:
		return pad(d.Year, 4)
	case PartialDay:
		return "--" + pad(d.Month, 2) + "-" + pad(d.Day, 2)
	}
	return ""
}

func pad(n, width int) string {
	b := make([]byte, width)
	for i := width - 1; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b)
}

// DaysIn returns the length of month in year; year 0 means unknown, so February may have 29.
func DaysIn(year, month int) int {
	if month == 2 && year == 0 {
		return 29
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateScanner finds date expressions in the tokens of one string.
type dateScanner struct {
	toks []Token
	cal  *Calendar
	lang string // the document's main language, to read ambiguous names and numbers
}

// ScanDates returns the date expressions of s, left to right, without overlaps.
func ScanDates(s string, cal *Calendar, lang string) ([]Token, []Date) {
	return ScanDatesInto(nil, s, cal, lang)
}

// ScanDatesInto is ScanDates keeping the tokens in *buf (when buf is not nil): they are
// valid until the next call with the same buffer.
func ScanDatesInto(buf *[]Token, s string, cal *Calendar, lang string) ([]Token, []Date) {
	var toks []Token
	if buf != nil {
		toks = AppendTokens((*buf)[:0], s)
		*buf = toks
	} else {
		toks = Tokenize(s)
	}
	sc := dateScanner{toks: toks, cal: cal, lang: lang}
	return sc.toks, sc.scan()
}

func (sc *dateScanner) scan() []Date {
	var out []Date
	for i := 0; i < len(sc.toks); {
		if d, ok := sc.at(i); ok {
			out = append(out, d)
			i = d.LastToken + 1
			continue
		}
		i++
	}
	return out
}

// at tries every date form starting at Token i.
func (sc *dateScanner) at(i int) (Date, bool) {
	t := sc.toks[i]
	// A month reading wins over a weekday one: "Mar. 5" is March, not Spanish "martes".
	if d, ok := sc.plain(i); ok {
		return d, true
	}
	if t.Kind == WordToken {
		if wd, ok := sc.cal.Weekday(t.Text, sc.lang); ok {
			return sc.afterWeekday(i, wd)
		}
	}
	return Date{}, false
}

// afterWeekday reads "Sunday, 12 March 2005", "Sunday (June 4)" or a bare weekday.
func (sc *dateScanner) afterWeekday(i, wd int) (Date, bool) {
	j := i + 1
	for n := 0; n < 3 && j < len(sc.toks) && sc.isPunct(j, ".", ",", "(", "-", "–", "—"); n++ {
		j++
	}
	if j < len(sc.toks) && sc.isWord(j, "the", "le", "den", "el", "il", "o") {
		j++
	}
	if j < len(sc.toks) {
		if d, ok := sc.plain(j); ok && d.Precision != YearPrecision {
			d.Weekday = wd
			d.Start, d.FirstToken = sc.toks[i].Start, i
			if d.LastToken+1 < len(sc.toks) && sc.isPunct(d.LastToken+1, ")") && sc.isPunct(i+1, "(") {
				d.LastToken++
				d.End = sc.toks[d.LastToken].End
			}
			return d, true
		}
	}
	t := sc.toks[i]
	if utf8.RuneCountInString(t.Text) < minBareWeekdayRunes {
		return Date{}, false
	}
	return Date{Weekday: wd, Precision: WeekdayOnly, Start: t.Start, End: t.End, FirstToken: i, LastToken: i}, true
}

// minBareWeekdayRunes keeps abbreviations ("die", "mar", "sun") from reading as a weekday
// unless a date follows them: alone they are far more often ordinary words.
const minBareWeekdayRunes = 5

// plain tries the forms that do not start with a weekday.
func (sc *dateScanner) plain(i int) (Date, bool) {
	t := sc.toks[i]
	switch t.Kind {
	case NumberToken:
		if d, ok := sc.yearFirst(i); ok {
			return d, true
		}
		if d, ok := sc.numeric(i); ok {
			return d, true
		}
		if d, ok := sc.dayMonth(i); ok {
			return d, true
		}
		if t.Digits == 4 && !t.Ordinal && sc.standaloneNumber(i) && t.Value >= 1000 && t.Value <= 2999 {
			return sc.finish(Date{Year: t.Value, Precision: YearPrecision}, i, i), true
		}
	case WordToken:
		if m, ok := sc.cal.Month(t.Text, sc.lang); ok {
			return sc.monthFirst(i, m)
		}
	}
	return Date{}, false
}

// numeric reads 2017-10-06, 2017/10/06, 06.10.2017, 10/06/2017 and 06.10.17.
func (sc *dateScanner) numeric(i int) (Date, bool) {
	if i+4 >= len(sc.toks) {
		return Date{}, false
	}
	a, s1, b, s2, c := sc.toks[i], sc.toks[i+1], sc.toks[i+2], sc.toks[i+3], sc.toks[i+4]
	last := i + 4
	// "16-11-'04": an apostrophe marks a year cut to two digits, so it is a year for sure.
	apostropheYear := isApostrophe(c.Text) && !c.SpaceAfter && i+5 < len(sc.toks) && sc.toks[i+5].Kind == NumberToken && sc.toks[i+5].Digits == 2
	if apostropheYear {
		c, last = sc.toks[i+5], i+5
	}
	if a.Kind != NumberToken || b.Kind != NumberToken || c.Kind != NumberToken || a.Ordinal || b.Ordinal || c.Ordinal {
		return Date{}, false
	}
	if s1.Kind != PunctToken || s1.Text != s2.Text || (s1.Text != "-" && s1.Text != "/" && s1.Text != ".") {
		return Date{}, false
	}
	if a.SpaceAfter || s1.SpaceAfter || b.SpaceAfter || s2.SpaceAfter || !sc.standaloneNumber(last) && !sc.isoTimeAt(last+1) || sc.precededByNumberSep(i) {
		return Date{}, false
	}
	var d Date
	switch {
	case a.Digits == 4 && b.Digits <= 2 && c.Digits <= 2:
		d = Date{Year: a.Value, Month: b.Value, Day: c.Value}
	case a.Digits <= 2 && b.Digits <= 2 && (c.Digits == 4 || c.Digits == 2):
		d = Date{Year: c.Value, Day: a.Value, Month: b.Value}
		if c.Digits == 2 {
			d.TwoDigitYear = !apostropheYear
			d.Year += 2000
			if c.Value > 50 {
				d.Year -= 100
			}
		}
		monthFirst := a.Value <= 12 && (b.Value > 12 || (s1.Text == "/" && sc.lang == "en"))
		if monthFirst {
			d.Day, d.Month = b.Value, a.Value
		}
		d.DayFirst = !monthFirst
		d.Ambiguous = a.Value <= 12 && b.Value <= 12 && a.Value != b.Value
	default:
		return Date{}, false
	}
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 || d.Year < 1000 || d.Year > 2999 {
		return Date{}, false
	}
	d.Precision, d.Numeric = DayPrecision, true
	return sc.finish(d, i, last), true
}

func isApostrophe(s string) bool { return s == "'" || s == "’" || s == "‘" }

// isoTimeAt reports whether Token j opens the time of an ISO 8601 timestamp, "T09:14" right
// after the date ("2025-11-23T09:14:00Z").
func (sc *dateScanner) isoTimeAt(j int) bool {
	return j+1 < len(sc.toks) && sc.isWord(j, "t") && !sc.toks[j-1].SpaceAfter && !sc.toks[j].SpaceAfter &&
		sc.toks[j+1].Kind == NumberToken && sc.toks[j+1].Digits == 2
}

// yearFirst reads the forms that open with the year: East Asian "2025年11月23日" and
// "2025년 11월 23일", Hungarian and Baltic "2025. november 23.", and "2025-Nov-23".
func (sc *dateScanner) yearFirst(i int) (Date, bool) {
	t := sc.toks[i]
	if t.Digits != 4 || t.Ordinal || t.Value < 1000 || t.Value > 2999 {
		return Date{}, false
	}
	if sc.isWord(i+1, "年", "년") {
		return sc.eastAsian(i)
	}
	j := i + 1
	sep := ""
	switch {
	case sc.isPunct(j, ".") && !t.SpaceAfter && sc.toks[j].SpaceAfter && yearDotLanguages[sc.lang]:
		j++ // "2025. november 23.": elsewhere "in 2019. May 5 is" ends a sentence
	case sc.isPunct(j, "-", "/") && !t.SpaceAfter && !sc.toks[j].SpaceAfter:
		sep = sc.toks[j].Text // "2025-Nov-23"
		j++
	default:
		return Date{}, false
	}
	if sc.isWord(j, "gada") { // Latvian "2025. gada 23. novembris" is day first after it
		return Date{}, false
	}
	if j >= len(sc.toks) || sc.toks[j].Kind != WordToken {
		return Date{}, false
	}
	m, ok := sc.cal.Month(sc.toks[j].Text, sc.lang)
	if !ok {
		return Date{}, false
	}
	k := j + 1
	if sep != "" {
		if !sc.isPunct(k, sep) || sc.toks[j].SpaceAfter || sc.toks[k].SpaceAfter {
			return Date{}, false
		}
		k++
	} else if sc.isPunct(k, ".") {
		k++
	}
	if k >= len(sc.toks) || sc.toks[k].Kind != NumberToken || sc.toks[k].Digits > 2 || sc.toks[k].Value < 1 || sc.toks[k].Value > 31 || !sc.standaloneNumber(k) && !sc.isPunct(k+1, ".") {
		return sc.finish(Date{Year: t.Value, Month: m, Precision: MonthPrecision}, i, j), true
	}
	last := k
	if sc.isPunct(last+1, ".") && sep == "" {
		last++
	}
	return sc.finish(Date{Year: t.Value, Month: m, Day: sc.toks[k].Value, Precision: DayPrecision}, i, last), true
}

// yearDotLanguages write the year first with a dot: "2025. november 23." (Hungarian),
// "2025 m. lapkričio 23 d." and "2025. gada 23. novembris" (Lithuanian, Latvian).
var yearDotLanguages = map[string]bool{"hu": true, "lt": true, "lv": true}

// eastAsian reads a year, month and day each followed by its unit character: 年 月 日 in
// Chinese and Japanese (日 or 号), 년 월 일 in Korean.
func (sc *dateScanner) eastAsian(i int) (Date, bool) {
	units := [3][]string{{"年", "년"}, {"月", "월"}, {"日", "号", "號", "일"}}
	var v [3]int
	last := i - 1
	for k := 0; k < 3; k++ {
		n, u := last+1, last+2
		if u >= len(sc.toks) || sc.toks[n].Kind != NumberToken || !sc.isWord(u, units[k]...) {
			break
		}
		v[k] = sc.toks[n].Value
		last = u
	}
	switch {
	case v[1] < 1 || v[1] > 12:
		return Date{}, false
	case v[2] >= 1 && v[2] <= 31:
		return sc.finish(Date{Year: v[0], Month: v[1], Day: v[2], Precision: DayPrecision}, i, last), true
	case v[2] == 0 && last == i+3:
		return sc.finish(Date{Year: v[0], Month: v[1], Precision: MonthPrecision}, i, last), true
	}
	return Date{}, false
}

// dayMonth reads "12 March 2005", "5 de octubre de 2005", "3. März", "1er janvier", "5 oct",
// "23-Nov-2025" and Vietnamese "23 tháng 11 năm 2025".
func (sc *dateScanner) dayMonth(i int) (Date, bool) {
	t := sc.toks[i]
	if d, ok := sc.dayMonthJoined(i); ok {
		return d, true
	}
	if d, ok := sc.vietnamese(i); ok {
		return d, true
	}
	if t.Digits > 2 || t.Value < 1 || t.Value > 31 || !t.SpaceAfter && !t.Ordinal && !sc.isPunct(i+1, ".") {
		return Date{}, false
	}
	j := i + 1
	if sc.isPunct(j, ".") {
		j++
	}
	if sc.isWord(j, "de", "of", "di", "del") {
		j++
	}
	if j >= len(sc.toks) || sc.toks[j].Kind != WordToken {
		return Date{}, false
	}
	m, ok := sc.cal.Month(sc.toks[j].Text, sc.lang)
	if !ok {
		return Date{}, false
	}
	last := j
	if sc.isPunct(last+1, ".") {
		last++
	}
	d := Date{Month: m, Day: t.Value, Precision: PartialDay}
	if y, yl, ok := sc.yearAfter(last + 1); ok {
		d.Year, d.Precision, last = y, DayPrecision, yl
		if isThai(sc.toks[j].Text) && y >= thaiEraMin {
			d.Year -= buddhistEraOffset // "23 พฤศจิกายน 2567" is 2024
		}
	} else if sc.cal.ForeignMonth(sc.toks[j].Text, sc.lang) {
		return Date{}, false
	}
	return sc.finish(d, i, last), true
}

// Thai dates count years in the Buddhist era, 543 years ahead of the common era; a Thai
// month name with a year from 2400 on is read that way.
const (
	buddhistEraOffset = 543
	thaiEraMin        = 2400
)

func isThai(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r >= 0xE00 && r <= 0xE7F
}

// dayMonthJoined reads a day, a month name and a year joined by hyphens or slashes without
// spaces: "23-Nov-2025", "23/Nov/2025". The year is required: "23-Nov" alone is a score.
func (sc *dateScanner) dayMonthJoined(i int) (Date, bool) {
	year, ok := sc.joinedTriple(i)
	if !ok {
		return Date{}, false
	}
	day, mon := sc.toks[i], sc.toks[i+2]
	if day.Digits > 2 || day.Value < 1 || day.Value > 31 || mon.Kind != WordToken {
		return Date{}, false
	}
	m, ok := sc.cal.Month(mon.Text, sc.lang)
	if !ok {
		return Date{}, false
	}
	return sc.finish(Date{Year: year, Month: m, Day: day.Value, Precision: DayPrecision}, i, i+4), true
}

// joinedTriple reports whether tokens i to i+4 are three parts joined by the same "-" or
// "/" without spaces, the last a four-digit year ("23-Nov-2025", "Nov-23-2025"), and
// returns the year.
func (sc *dateScanner) joinedTriple(i int) (year int, ok bool) {
	if i+4 >= len(sc.toks) || !sc.isPunct(i+1, "-", "/") || sc.toks[i+3].Text != sc.toks[i+1].Text {
		return 0, false
	}
	for k := i; k < i+4; k++ {
		if sc.toks[k].SpaceAfter {
			return 0, false
		}
	}
	y := sc.toks[i+4]
	if y.Kind != NumberToken || y.Digits != 4 || y.Ordinal || y.Value < 1000 || y.Value > 2999 || !sc.standaloneNumber(i+4) {
		return 0, false
	}
	return y.Value, true
}

// vietnamese reads "23 tháng 11 năm 2025" and "23 tháng 11" (day, month word, month number).
func (sc *dateScanner) vietnamese(i int) (Date, bool) {
	t := sc.toks[i]
	if t.Digits > 2 || t.Value < 1 || t.Value > 31 || !sc.isWord(i+1, "tháng", "thang") || i+2 >= len(sc.toks) {
		return Date{}, false
	}
	m := sc.toks[i+2]
	if m.Kind != NumberToken || m.Value < 1 || m.Value > 12 {
		return Date{}, false
	}
	d := Date{Month: m.Value, Day: t.Value, Precision: PartialDay}
	last := i + 2
	if sc.isWord(i+3, "năm", "nam") && i+4 < len(sc.toks) {
		if y := sc.toks[i+4]; y.Kind == NumberToken && y.Digits == 4 && y.Value >= 1000 && y.Value <= 2999 {
			d.Year, d.Precision, last = y.Value, DayPrecision, i+4
		}
	}
	return sc.finish(d, i, last), true
}

// monthFirst reads "March 3, 2005", "Oct. 7", "Aug 11th 2018", "March 2005" and "Nov-23-2025".
func (sc *dateScanner) monthFirst(i, m int) (Date, bool) {
	if year, ok := sc.joinedTriple(i); ok {
		if day := sc.toks[i+2]; day.Kind == NumberToken && day.Digits <= 2 && day.Value >= 1 && day.Value <= 31 {
			return sc.finish(Date{Year: year, Month: m, Day: day.Value, Precision: DayPrecision}, i, i+4), true
		}
	}
	j := i + 1
	if sc.isPunct(j, ".") {
		j++
	}
	if j < len(sc.toks) && sc.toks[j].Kind == NumberToken {
		n := sc.toks[j]
		if n.Digits <= 2 && n.Value >= 1 && n.Value <= 31 && sc.standaloneNumber(j) {
			d := Date{Month: m, Day: n.Value, Precision: PartialDay}
			last := j
			if y, yl, ok := sc.yearAfter(j + 1); ok {
				d.Year, d.Precision, last = y, DayPrecision, yl
			} else if sc.cal.ForeignMonth(sc.toks[i].Text, sc.lang) {
				return Date{}, false
			}
			return sc.finish(d, i, last), true
		}
	}
	if y, yl, ok := sc.yearAfter(j); ok {
		return sc.finish(Date{Year: y, Month: m, Precision: MonthPrecision}, i, yl), true
	}
	return Date{}, false
}

// yearAfter reads an optional separator (",", "de", "del", "of") and a four-digit year.
func (sc *dateScanner) yearAfter(j int) (year, last int, ok bool) {
	if sc.isPunct(j, ",") {
		j++
	}
	if sc.isWord(j, "de", "del", "of") {
		j++
	}
	if j >= len(sc.toks) {
		return 0, 0, false
	}
	t := sc.toks[j]
	if t.Kind != NumberToken || t.Digits != 4 || t.Ordinal || t.Value < 1000 || t.Value > 2999 || !sc.standaloneNumber(j) {
		return 0, 0, false
	}
	return t.Value, j, true
}

// standaloneNumber rejects numbers that are part of a larger one ("1,500", "7:30", "3.5").
func (sc *dateScanner) standaloneNumber(j int) bool {
	t := sc.toks[j]
	if t.SpaceAfter || j+2 >= len(sc.toks) {
		return true
	}
	next, after := sc.toks[j+1], sc.toks[j+2]
	if next.Kind == PunctToken && !next.SpaceAfter && after.Kind == NumberToken {
		switch next.Text {
		case ",", ":", ".", "/", "-":
			return false
		}
	}
	return !(next.Kind == NumberToken || next.Kind == WordToken && !t.Ordinal)
}

// precededByNumberSep rejects the tail of a longer numeric run ("1.2017.10.06").
func (sc *dateScanner) precededByNumberSep(i int) bool {
	if i < 2 {
		return false
	}
	p, pp := sc.toks[i-1], sc.toks[i-2]
	return p.Kind == PunctToken && !pp.SpaceAfter && !p.SpaceAfter && pp.Kind == NumberToken
}

func (sc *dateScanner) finish(d Date, first, last int) Date {
	d.FirstToken, d.LastToken = first, last
	d.Start, d.End = sc.toks[first].Start, sc.toks[last].End
	if d.Weekday == 0 && d.Precision != WeekdayOnly {
		d.Weekday = -1
	}
	if d.Day > 0 && d.Month > 0 && d.Day > DaysIn(d.Year, d.Month) {
		d.Impossible = true
	}
	return d
}

func (sc *dateScanner) isPunct(j int, marks ...string) bool {
	if j < 0 || j >= len(sc.toks) || sc.toks[j].Kind != PunctToken {
		return false
	}
	for _, m := range marks {
		if sc.toks[j].Text == m {
			return true
		}
	}
	return false
}

func (sc *dateScanner) isWord(j int, words ...string) bool {
	if j < 0 || j >= len(sc.toks) || sc.toks[j].Kind != WordToken {
		return false
	}
	for _, w := range words {
		if sc.toks[j].Text == w {
			return true
		}
	}
	return false
}

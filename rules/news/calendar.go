package news

import (
	"bufio"
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/textaudit/textaudit/rules/stopwords"
)

// calendarTSV holds month and weekday names of 34 European languages, derived from Unicode
// CLDR by lexicon/gen_calendar.py (see lexicon/README.md).
//
//go:embed lexicon/calendar.tsv
var calendarTSV string

// calendarName is one meaning of a month or weekday name.
type calendarName struct {
	lang   string
	number int // month 1-12, or weekday 0 (Sunday) to 6
}

// Calendar maps lower-case names to their meanings; a few names mean different months in
// different languages (Croatian "listopad" is October, Czech and Polish November).
type Calendar struct {
	months   map[string][]calendarName
	weekdays map[string][]calendarName
	langs    map[string]bool // the languages whose names the table holds
	// shapes holds the shape of every name: the date scanner asks about every word of a
	// text, nearly all of them no name, and the filter answers most with one bit.
	shapes shapeFilter
}

// shapeFilter is a bit set over a hash of words' shapes (length, first and last byte).
type shapeFilter [1024]uint64 // 64K bits, 8 KB

func shapeBit(w string) (word int, bit uint64) {
	k := uint32(len(w))<<16 | uint32(w[0])<<8 | uint32(w[len(w)-1])
	h := (k * 0x9E3779B1) >> 16
	return int(h >> 6), 1 << (h & 63)
}

func (f *shapeFilter) add(w string) {
	if w != "" {
		i, b := shapeBit(w)
		f[i] |= b
	}
}

// mayHold is false only for words no name added has the shape of.
func (f *shapeFilter) mayHold(w string) bool {
	if w == "" {
		return false
	}
	i, b := shapeBit(w)
	return f[i]&b != 0
}

var (
	calendarOnce   sync.Once
	sharedCalendar *Calendar
)

// BuiltinCalendar parses the embedded table on first use: about 1,500 lines, well under a
// millisecond, and nothing at all for runs that select no date rule.
func BuiltinCalendar() *Calendar {
	calendarOnce.Do(func() { sharedCalendar = parseCalendar(calendarTSV) })
	return sharedCalendar
}

func parseCalendar(tsv string) *Calendar {
	c := &Calendar{months: map[string][]calendarName{}, weekdays: map[string][]calendarName{}, langs: map[string]bool{}}
	sc := bufio.NewScanner(strings.NewReader(tsv))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			continue
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			continue
		}
		entry := calendarName{lang: f[0], number: n}
		c.langs[f[0]] = true
		c.shapes.add(f[3])
		switch f[1] {
		case "month":
			c.months[f[3]] = append(c.months[f[3]], entry)
		case "weekday":
			c.weekdays[f[3]] = append(c.weekdays[f[3]], entry)
		}
	}
	return c
}

// Month returns the month a lower-case word names, preferring the document's language when
// the word is ambiguous, else the first language in the table's priority order.
func (c *Calendar) Month(word, lang string) (int, bool) {
	if !c.shapes.mayHold(word) {
		return 0, false
	}
	return pick(c.months[word], lang)
}

// Weekday returns the weekday (0 = Sunday) a lower-case word names.
func (c *Calendar) Weekday(word, lang string) (int, bool) {
	if !c.shapes.mayHold(word) {
		return 0, false
	}
	return pick(c.weekdays[word], lang)
}

// ForeignMonth reports whether word names a month only in languages other than lang while
// being one of lang's function words: Portuguese "out" (outubro) in English "2 out of 10".
// Such a word is read as a month only when a year follows it.
func (c *Calendar) ForeignMonth(word, lang string) bool {
	if !c.langs[lang] {
		return false // a language without names here (Malay) cannot tell its own from others'
	}
	for _, n := range c.months[word] {
		if n.lang == lang {
			return false
		}
	}
	return stopwords.Is(lang, word)
}

func pick(names []calendarName, lang string) (int, bool) {
	if len(names) == 0 {
		return 0, false
	}
	for _, n := range names {
		if n.lang == lang {
			return n.number, true
		}
	}
	return names[0].number, true
}

// IsName reports whether a lower-case word is a month or weekday name in any language of
// the table.
func (c *Calendar) IsName(word string) bool {
	return len(c.months[word]) > 0 || len(c.weekdays[word]) > 0
}

// timeZones are the abbreviations news sites print after a clock time.
var timeZones = map[string]bool{"gmt": true, "utc": true, "bst": true, "cet": true, "cest": true,
	"est": true, "edt": true, "cst": true, "cdt": true, "pst": true, "pdt": true, "et": true, "pt": true,
	"ct": true, "mez": true, "mesz": true, "msk": true, "ist": true, "jst": true, "aest": true}

// IsTimeZone reports whether a lower-case word is a time zone abbreviation ("gmt", "edt").
func IsTimeZone(word string) bool { return timeZones[word] }

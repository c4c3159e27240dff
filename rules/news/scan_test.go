package news

import "testing"

func TestScanDatesReadsEachWrittenForm(t *testing.T) {
	cases := []struct {
		name, lang, in string
		want           string // ISO of the first date, "" when none
		prec           Precision
	}{
		{"ISO dates are read as year-month-day", "en", "date 2017-10-06", "2017-10-06", DayPrecision},
		{"slashed ISO dates are read as year-month-day", "en", "2017/10/06 09:15", "2017-10-06", DayPrecision},
		{"German numeric dates are day first", "de", "Stand: 06.10.2017, 14:03 Uhr", "2017-10-06", DayPrecision},
		{"English slashed dates are month first", "en", "Posted 10/06/2017", "2017-10-06", DayPrecision},
		{"French slashed dates are day first", "fr", "Publié le 06/10/2017", "2017-10-06", DayPrecision},
		{"a day above twelve settles the order", "en", "25/12/2004", "2004-12-25", DayPrecision},
		{"English month first with a comma", "en", "LONDON, March 3, 2005 (Reuters) -", "2005-03-03", DayPrecision},
		{"English day first", "en", "Published: 12 March 2005", "2005-03-12", DayPrecision},
		{"abbreviated month with a period", "en", "Oct. 7", "--10-07", PartialDay},
		{"ordinal day", "en", "Aug 11th, 2018", "2018-08-11", DayPrecision},
		{"Spanish de-phrase", "es", "Madrid, 5 de octubre de 2005", "2005-10-05", DayPrecision},
		{"French premier", "fr", "le 1er janvier 2010", "2010-01-01", DayPrecision},
		{"German day with a period", "de", "BERLIN, 3. März 2005", "2005-03-03", DayPrecision},
		{"German without umlaut", "de", "3. Marz 2005", "2005-03-03", DayPrecision},
		{"Portuguese abbreviation", "pt", "SÃO PAULO, 6 out (Reuters) -", "--10-06", PartialDay},
		{"Italian month", "it", "Roma, 14 settembre 2011", "2011-09-14", DayPrecision},
		{"Dutch month", "nl", "Amsterdam, 2 februari 2016", "2016-02-02", DayPrecision},
		{"Polish genitive month", "pl", "Warszawa, 5 października 2015", "2015-10-05", DayPrecision},
		{"Russian genitive month", "ru", "Москва, 5 октября 2005 г.", "2005-10-05", DayPrecision},
		{"Greek month", "el", "Αθήνα, 12 Μαρτίου 2014", "2014-03-12", DayPrecision},
		{"month and year", "en", "Published: March 2005", "2005-03", MonthPrecision},
		{"year alone", "en", "date 2017", "2017", YearPrecision},
		{"weekday with a parenthesised day", "en", "on Sunday (June 4)", "--06-04", PartialDay},
		{"bare weekday", "en", "said on Sunday", "", WeekdayOnly},
		{"Mar. is March, not Spanish Tuesday", "en", "Mar. 5, 2007", "2007-03-05", DayPrecision},
		{"day, month name and year joined by hyphens", "en", "23-Nov-2014", "2014-11-23", DayPrecision},
		{"month name first joined by hyphens", "en", "Nov-23-2014", "2014-11-23", DayPrecision},
		{"a hyphenated day and month without a year is a score, not a date", "en", "won 23-Nov", "", NoDate},
		{"Chinese year, month and day units", "zh", "2014年11月23日 09:14", "2014-11-23", DayPrecision},
		{"Korean year, month and day units", "ko", "2014년 11월 23일", "2014-11-23", DayPrecision},
		{"Hungarian year first", "hu", "2014. november 23.", "2014-11-23", DayPrecision},
		{"Vietnamese day and month number", "vi", "Ngày 23 tháng 11 năm 2014", "2014-11-23", DayPrecision},
		{"Arabic month name", "ar", "23 نوفمبر 2014", "2014-11-23", DayPrecision},
		{"Arabic-Indic digits", "ar", "٢٣ نوفمبر ٢٠١٤", "2014-11-23", DayPrecision},
		{"Devanagari digits and Hindi month", "hi", "२३ नवंबर २०१४", "2014-11-23", DayPrecision},
		{"ISO timestamp with a time", "en", "2014-11-23T09:14:00Z", "2014-11-23", DayPrecision},
		{"a Thai year counts the Buddhist era", "th", "23 พฤศจิกายน 2557", "2014-11-23", DayPrecision},
		{"an English sentence ending in a year is not a year-first date", "en", "It rose in 2019. May 5 is next", "2019", YearPrecision},
		{"a thousands separator is not a day", "en", "March 1,500 troops", "", NoDate},
		{"a clock time is not a day", "en", "Oct 7:30", "", NoDate},
		{"a version number is not a date", "en", "release 1.2.10.2017", "", NoDate},
		{"plain prose has no date", "en", "The minister said nothing.", "", NoDate},
		{"a weekday abbreviation alone is a word", "de", "Die Bahn erhöht die Preise", "", NoDate},
	}
	cal := BuiltinCalendar()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, dates := ScanDates(c.in, cal, c.lang)
			if c.prec == NoDate {
				for _, d := range dates {
					if d.Precision != YearPrecision {
						t.Fatalf("ScanDates(%q) found %+v, want no date", c.in, d)
					}
				}
				return
			}
			if len(dates) == 0 {
				t.Fatalf("ScanDates(%q) found nothing, want %s", c.in, c.want)
			}
			d := dates[0]
			if d.ISO() != c.want || d.Precision != c.prec {
				t.Errorf("ScanDates(%q) = %s (%v), want %s (%v)", c.in, d.ISO(), d.Precision, c.want, c.prec)
			}
		})
	}
}

func TestScanDatesMarksImpossibleDaysAndWeekdays(t *testing.T) {
	cases := []struct {
		name, in   string
		impossible bool
		weekday    int
	}{
		{"31 June does not exist", "31 June 2005", true, -1},
		{"29 February exists in a leap year", "29 February 2004", false, -1},
		{"29 February does not exist in 2005", "29 Feb 2005", true, -1},
		{"a written weekday is kept", "Tuesday, 3 March 2005", false, 2},
	}
	cal := BuiltinCalendar()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, dates := ScanDates(c.in, cal, "en")
			if len(dates) != 1 {
				t.Fatalf("ScanDates(%q) = %d dates, want 1", c.in, len(dates))
			}
			if dates[0].Impossible != c.impossible || dates[0].Weekday != c.weekday {
				t.Errorf("ScanDates(%q) = impossible %v weekday %d, want %v %d", c.in, dates[0].Impossible, dates[0].Weekday, c.impossible, c.weekday)
			}
		})
	}
}

// BenchmarkScanDates is the parser alone on one dateline.
func BenchmarkScanDates(b *testing.B) {
	cal := BuiltinCalendar()
	for b.Loop() {
		_, _ = ScanDates("LONDON, March 3, 2005 (Reuters) - The council approved", cal, "en")
	}
}

// TestCalendarShapeFilterKeepsEveryName: the filter in front of Month and Weekday turns
// away no name of the table, and still answers for words that are no name.
func TestCalendarShapeFilterKeepsEveryName(t *testing.T) {
	c := BuiltinCalendar()
	for _, tt := range []struct {
		names map[string][]calendarName
		get   func(string, string) (int, bool)
	}{{c.months, c.Month}, {c.weekdays, c.Weekday}} {
		if len(tt.names) == 0 {
			t.Fatal("no names in the calendar")
		}
		for w, meanings := range tt.names {
			if n, ok := tt.get(w, ""); !ok || n != meanings[0].number {
				t.Errorf("%q = %d, %v; want %d", w, n, ok, meanings[0].number)
			}
		}
	}
	for _, w := range []string{"", "the", "minister", "said", "x"} {
		if _, ok := c.Month(w, "en"); ok {
			t.Errorf("Month(%q) found a month", w)
		}
	}
}

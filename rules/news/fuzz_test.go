package news

import "testing"

// FuzzScanDates checks the scanner alone on arbitrary strings and languages.
func FuzzScanDates(f *testing.F) {
	f.Add("12 March 2005", "en")
	f.Add("5 de octubre de 2005", "es")
	f.Add("06.10.17", "de")
	cal := BuiltinCalendar()
	f.Fuzz(func(t *testing.T, s, lang string) {
		toks, dates := ScanDates(s, cal, lang)
		for _, d := range dates {
			if d.Start < 0 || d.End > len(s) || d.Start > d.End || d.LastToken >= len(toks) {
				t.Fatalf("date %+v outside input of %d bytes", d, len(s))
			}
			if d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 {
				t.Fatalf("out-of-range date %+v from %q", d, s)
			}
		}
	})
}

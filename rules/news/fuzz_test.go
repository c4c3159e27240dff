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

// FuzzDatelineAndCredits feeds arbitrary text to the dateline parser and the credit forms:
// neither may panic, every span must lie inside the text, and the agency-slash prefilter
// must hold wherever its regexp matches.
func FuzzDatelineAndCredits(f *testing.F) {
	for _, s := range []string{"MOSCOW, Oct. 7 (Xinhua) - x", "REDMOND, Wash. -- Nov. 11, 2004 --", "(CNN) x",
		"NEW YORK, Nov. 23, 2025 /PRNewswire/ --", "(Photo: EPA-EFE)", "REUTERS/Jane Doe", "Jane Doe/FilmMagic", "--(((", "\xff-"} {
		f.Add(s)
	}
	ds := DatelineScanner{Cal: BuiltinCalendar()}
	f.Fuzz(func(t *testing.T, s string) {
		for _, find := range []func(string, string) (Dateline, bool){ds.Find, ds.AtStart} {
			if dl, ok := find(s, "en"); ok && (dl.Start < 0 || dl.End > len(s) || dl.Start > dl.End || dl.SourceStart > dl.End) {
				t.Fatalf("dateline %+v outside %d bytes", dl, len(s))
			}
		}
		if agencyNameRE().MatchString(s) && !mayHoldAgencySlash(s) {
			t.Fatalf("mayHoldAgencySlash(%q) = false, but agencyNameRE matches", s)
		}
		for _, c := range PhotoCredits(s) {
			if c.Start < 0 || c.End > len(s) || c.Start >= c.End || c.Name == "" {
				t.Fatalf("credit %+v outside %d bytes", c, len(s))
			}
		}
	})
}

package news

import "testing"

func TestDatelineAtStartOfALine(t *testing.T) {
	cases := []struct {
		name, lang, line string
		want             string // the dateline as written, "" when none
		source, iso      string
	}{
		{"a wire dateline with a date and an agency", "en", "MOSCOW, Oct. 7 (Xinhua) - Trains ran.", "MOSCOW, Oct. 7 (Xinhua) -", "Xinhua", "--10-07"},
		{"a place and an agency", "en", "BEIRUT (Reuters) - Talks resumed.", "BEIRUT (Reuters) -", "Reuters", ""},
		{"a Reuters dateline of 1987", "en", "SALVADOR, Feb 26 - Brazil's cocoa crop", "SALVADOR, Feb 26 -", "", "--02-26"},
		{"a double dash glued to the place", "en", "LOS ANGELES--The studio said", "LOS ANGELES--", "", ""},
		{"a press release with the date between dashes", "en", "REDMOND, Wash. -- Nov. 11, 2004 -- The company", "REDMOND, Wash. -- Nov. 11, 2004 --", "", "2004-11-11"},
		{"a press-release wire between slashes", "en", "NEW YORK, Nov. 23, 2025 /PRNewswire/ -- Acme", "NEW YORK, Nov. 23, 2025 /PRNewswire/ --", "PRNewswire", "2025-11-23"},
		{"a Spanish dateline with its date words", "es", "MADRID, 5 de octubre de 2005 (EFE) - El Gobierno", "MADRID, 5 de octubre de 2005 (EFE) -", "EFE", "2005-10-05"},
		{"a French dateline with le", "fr", "PARIS, le 5 octobre (AFP) - Le gouvernement", "PARIS, le 5 octobre (AFP) -", "AFP", "--10-05"},
		{"a hyphenated place", "en", "WINSTON-SALEM, N.C. - The company", "WINSTON-SALEM, N.C. -", "", ""},
		{"a kicker is no dateline", "en", "FILE - In this photo", "", "", ""},
		{"a correction notice is no dateline", "en", "CORRECTION - The story ran", "", "", ""},
		{"a shouted phrase is no dateline", "en", "IF YOU DON'T LIKE IT- leave", "", "", ""},
		{"prose with a hyphenated word is no dateline", "en", "The long-term plan - if it passes - will cost more", "", "", ""},
		{"prose opening with a capital and a dash later is no dateline", "en", "Officials said the plan would cost more than the city could afford - a lot more.", "", "", ""},
	}
	ds := DatelineScanner{Cal: BuiltinCalendar()}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dl, ok := ds.AtStart(c.line, c.lang)
			got := ""
			if ok {
				got = c.line[dl.Start:dl.End]
			}
			if got != c.want {
				t.Fatalf("AtStart(%q) = %q, want %q", c.line, got, c.want)
			}
			if ok && (dl.Source != c.source || dl.Date.ISO() != c.iso) {
				t.Errorf("source %q date %q, want %q %q", dl.Source, dl.Date.ISO(), c.source, c.iso)
			}
			if find, fok := ds.Find(c.line, c.lang); fok != ok || fok && find != dl {
				t.Errorf("Find = %+v %v, AtStart = %+v %v: a dateline at the start is found both ways", find, fok, dl, ok)
			}
		})
	}
}

package date

import (
	"testing"
	"time"

	"github.com/textaudit/textaudit/audit"
)

// TestRealSiteFormatsAndTheirTwins judges small invented documents written in the numeric and
// mixed formats real sites use, each beside its day-first or month-first twin, and the
// near-misses that must not be read as dates. want is the verdict: "full", "yearless" (day and month only), "partial" or
// "missing"; iso the chosen date; ambiguous whether the evidence must say that the day and
// month could be read the other way round.
func TestRealSiteFormatsAndTheirTwins(t *testing.T) {
	const body = "\n\nThe council voted to close the old bridge after a long debate about its cost.\n"
	cases := []struct {
		name, lang, text string
		want, iso        string
		ambiguous        bool
	}{
		// Numeric dates with a clock time, as French, Portuguese and German sites print them.
		{"French day-first date with a 17h32 time", "fr", "Le pont ferme\n21/04/2001 - 17h32" + body, "full", "2001-04-21", false},
		{"its month-first twin on an American site", "en", "Bridge closes\n04/21/2001 - 5:32 PM" + body, "full", "2001-04-21", false},
		{"German dotted date with a bracketed Uhr time", "de", "Brücke geschlossen\n29.11.2004 [17:30 Uhr]" + body, "full", "2004-11-29", false},
		{"a dotted date is day first even in English", "en", "Bridge closes\n11.04.2004 [17:30]" + body, "full", "2004-04-11", true},
		{"a dashed date with an apostrophe year", "nl", "Brug dicht\n16-11-'04" + body, "full", "2004-11-16", false},
		{"its month-first twin", "en", "Bridge closes\n11-16-'04" + body, "full", "2004-11-16", false},
		{"Portuguese updated label, day first", "pt", "Ponte fechada\nAtualizado: 5/8/2003" + body, "full", "2003-08-05", true},
		{"its English twin, month first", "en", "Bridge closes\nUpdated: 5/8/2003" + body, "full", "2003-05-08", true},
		{"an English slashed date whose month-first reading is in the future is read day first", "en", "Bridge closes\nUpdated: 02/01/2025" + body, "full", "2025-01-02", true},
		{"a weekday that contradicts the month-first reading turns it day first", "en", "Bridge closes\nUpdated: Thursday, 8/5/2003" + body, "full", "2003-05-08", true},
		{"a weekday that fits the month-first reading keeps it", "en", "Bridge closes\nUpdated: Tuesday, 8/5/2003" + body, "full", "2003-08-05", true},
		{"the same date a year earlier stays month first", "en", "Bridge closes\nUpdated: 02/01/2024" + body, "full", "2024-02-01", true},

		// Newspaper page lines, wiki templates, blog bylines, press-release datelines.
		{"a newspaper page line", "en", "Bridge closes\nBy Jane Doe\nTuesday, January 4, 2005; Page A01" + body, "full", "2005-01-04", false},
		{"its day-first twin", "en", "Bridge closes\nTuesday, 4 January 2005; Page A01" + body, "full", "2005-01-04", false},
		{"a print-edition footer", "en", "Bridge closes" + body + "\nA version of this article appeared November 16, 2012, on page A1 in the U.S. edition of The Daily Paper, with the headline: Bridge Closes.\n", "full", "2012-11-16", false},
		{"a wiki date template", "en", "{{date|November 16, 2004}}" + body, "full", "2004-11-16", false},
		{"a wiki date template glued to another template", "en", "{{Brazil}}{{date|November 16, 2004}}" + body, "full", "2004-11-16", false},
		{"its day-first twin", "en", "{{Brazil}}{{date|16 November 2004}}" + body, "full", "2004-11-16", false},
		{"a press-release dateline with the date between dashes", "en", "Bridge closes\n\nREDMOND, Wash. -- Nov. 11, 2004 -- The council voted to close the bridge.\n", "full", "2004-11-11", false},
		{"its day-first twin", "en", "Bridge closes\n\nREDMOND, Wash. -- 11 Nov. 2004 -- The council voted to close the bridge.\n", "full", "2004-11-11", false},
		{"a blog byline with the date after the name", "en", "Bridge closes\nPosted by Jane Doe on 25 Sep 2016" + body, "full", "2016-09-25", false},
		{"its month-first twin", "en", "Bridge closes\nPosted by Jane Doe on Sep 25, 2016" + body, "full", "2016-09-25", false},

		// Near-misses: no date, or no dateline, where one must not be read.
		{"a score out of ten is not a Portuguese October", "en", "Bridge closes\n\nReaders gave the bridge 2 out of 10 for comfort.\n", "missing", "", false},
		{"the same words in Portuguese are a date", "pt", "Ponte fechada\n\nSÃO PAULO, 2 out (Reuters) - A ponte foi fechada.\n", "yearless", "--10-02", false},
		{"a shouted sentence is not a dateline", "en", "Bridge closes\n\nIF YOU DON'T LIKE IT- leave, the mayor said.\n", "missing", "", false},
		{"a capitalised city before a spaced dash is a dateline", "en", "Bridge closes\n\nLAS VEGAS — The council voted to close the bridge.\n", "partial", "", false},
		{"a photo marker is not a dateline", "en", "Bridge closes\n\nFILE - In this photo the bridge is seen at night.\n", "missing", "", false},
	}
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := audit.NewDocument("x.txt", c.text)
			v := judge(NewLocator().Locate(doc, c.lang), now, 1900, 1)
			got := map[verdictKind]string{fullVerdict: "full", partialVerdict: "partial", yearlessVerdict: "yearless", missingVerdict: "missing", implausibleVerdict: "implausible"}[v.kind]
			iso := ""
			if v.Best != nil && v.kind != missingVerdict {
				iso = v.Best.Date.ISO()
			}
			if got != c.want || iso != c.iso {
				t.Fatalf("verdict %s %q, want %s %q (best %+v)", got, iso, c.want, c.iso, v.Best)
			}
			if v.Best != nil && v.Best.Date.Ambiguous != c.ambiguous {
				t.Errorf("ambiguous %v, want %v", v.Best.Date.Ambiguous, c.ambiguous)
			}
		})
	}
}

func TestAmbiguitySaysBothReadings(t *testing.T) {
	cases := []struct {
		name string
		d    Date
		want string
	}{
		{"a day-first reading names the month-first one", Date{Year: 2003, Month: 8, Day: 5, Precision: DayPrecision, Ambiguous: true, DayFirst: true}, "read day first as 2003-08-05; the other order gives 2003-05-08"},
		{"a month-first reading names the day-first one", Date{Year: 2003, Month: 5, Day: 8, Precision: DayPrecision, Ambiguous: true}, "read month first as 2003-05-08; the other order gives 2003-08-05"},
		{"a date that reads one way only says nothing", Date{Year: 2003, Month: 4, Day: 21, Precision: DayPrecision, DayFirst: true}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ambiguity(c.d); got != c.want {
				t.Errorf("ambiguity = %q, want %q", got, c.want)
			}
		})
	}
}

// Package date finds each article's publication date in plain text (header labels, wire
// datelines, bylines, date-only header lines, in 34 European languages) and flags missing,
// partial and implausible ones.
package date

import (
	"fmt"
	"strings"
	"time"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/language"
	"github.com/textaudit/textaudit/rules/news"
)

// Rules returns the date family. The four rules share one located verdict per document, and
// at most one of them reports on a file.
func Rules() []*audit.Rule { return []*audit.Rule{Missing, Partial, Yearless, Implausible} }

// Analyses returns the family's check: one analysis reports all four rules.
func Analyses() []*audit.Analysis { return []*audit.Analysis{Analysis} }

// Analysis locates and judges the publication date once per document and reports it as the
// rule of its verdict, with the locator parameters of date.missing and the plausibility
// parameters of date.implausible whichever rules are enabled, so the facts it publishes do
// not depend on which of the four the user keeps.
var Analysis = &audit.Analysis{
	Name:    "date",
	Reports: []*audit.Rule{Missing, Partial, Yearless, Implausible},
	Check:   check,
}

// Missing flags a file with no publication date at all.
var Missing = &audit.Rule{
	ID:          "date.missing",
	Category:    audit.Date,
	Severity:    audit.Warning,
	Description: "No publication date: no dated header, byline or dateline",
	Params:      locatorDecls,
}

// Partial flags a file whose only trace of a date is a weekday, a relative day, a dateline
// without a date or a day mentioned in the lead: the publication date is lost.
var Partial = &audit.Rule{
	ID:          "date.partial",
	Category:    audit.Date,
	Severity:    audit.Warning,
	Description: "Only a weekday or relative day, a dateline without a date (\"BEIRUT (Reuters) -\") or a day mentioned in the lead",
}

// Yearless notes a publication date with day and month but no year, the wire services' own
// form ("MOSCOW, Oct. 7 (Xinhua) -"): the collection usually knows the year, so it is
// information, not a defect (see CALIBRATION.md).
var Yearless = &audit.Rule{
	ID:          "date.yearless",
	Category:    audit.Date,
	Severity:    audit.Info,
	Description: "Publication date with day and month but no year (\"MOSCOW, Oct. 7 (Xinhua) -\")",
}

// Implausible flags a publication date that cannot be right: after --now, before the floor
// year, a weekday that contradicts it, or a day the month does not have.
var Implausible = &audit.Rule{
	ID:          "date.implausible",
	Category:    audit.Date,
	Severity:    audit.Warning,
	Description: "Publication date in the future, before the floor year, on a contradicting weekday, or on a day that does not exist",
	Params:      plausibilityDecls,
}

// locatorParams are date.missing's parameters; they serve the whole family, since the
// rules share one verdict.
type locatorParams struct{ headerLines, datelineParagraphs int }

var locatorDecls = []audit.Param{
	audit.IntParam("header_lines", 12, 0, audit.Unbounded, "non-blank lines at the top where date headers stand (for the whole family)",
		func(p *locatorParams) *int { return &p.headerLines }),
	audit.IntParam("dateline_paragraphs", 10, 0, audit.Unbounded, "paragraphs whose start may hold a dateline (for the whole family)",
		func(p *locatorParams) *int { return &p.datelineParagraphs }),
}

// plausibilityParams are date.implausible's parameters.
type plausibilityParams struct{ floorYear, futureDays int }

var plausibilityDecls = []audit.Param{
	audit.IntParam("floor_year", 1900, 0, 9999, "earlier years are typos or archive stamps, not publication dates",
		func(p *plausibilityParams) *int { return &p.floorYear }),
	audit.IntParam("future_days", 1, 0, audit.Unbounded, "days after --now a date may be (time zones: a story dated tomorrow somewhere is fine)",
		func(p *plausibilityParams) *int { return &p.futureDays }),
}

// verdictKind is the outcome for one document.
type verdictKind uint8

const (
	fullVerdict verdictKind = iota
	missingVerdict
	partialVerdict
	yearlessVerdict
	implausibleVerdict
)

// Verdict is the date family's judgement of one document.
type Verdict struct {
	kind verdictKind
	// Best is the chosen publication date (or dateline, or lead mention); nil when none.
	Best *Candidate
	// Why says what is implausible about Best.
	Why string
}

// check reports the document's verdict as the rule of its kind.
func check(p *audit.Pass) {
	v := verdictOf(p.Doc, p.Config, audit.DecodeParams[locatorParams](p.ParamsOf(Missing)),
		audit.DecodeParams[plausibilityParams](p.ParamsOf(Implausible)))
	publishFacts(p, v)
	switch v.kind {
	case missingVerdict:
		report(p.For(Missing), v)
	case partialVerdict:
		report(p.For(Partial), v)
	case yearlessVerdict:
		report(p.For(Yearless), v)
	case implausibleVerdict:
		report(p.For(Implausible), v)
	}
}

func verdictOf(doc *audit.Document, cfg *audit.Config, loc locatorParams, plaus plausibilityParams) Verdict {
	if cfg == nil {
		cfg = &audit.Config{}
	}
	lc := NewLocator()
	lc.HeaderLines = loc.headerLines
	lc.DatelineParagraphs = loc.datelineParagraphs
	cands := lc.Locate(doc, language.Main(doc, cfg).Code())
	now := time.Now()
	if !cfg.Now.IsZero() {
		now = cfg.Now
	}
	return judge(cands, now, plaus.floorYear, plaus.futureDays)
}

// judge picks the publication date among the candidates and decides the verdict.
func judge(cands []Candidate, now time.Time, floorYear, futureDays int) Verdict {
	best := choose(cands)
	if best == nil {
		return Verdict{kind: missingVerdict}
	}
	why := implausibility(best.Date, now, floorYear, futureDays)
	if why != "" && best.Date.Ambiguous {
		// "02/01/2025" read month first is in the future; read day first it is not.
		if sw := swapped(best.Date); implausibility(sw, now, floorYear, futureDays) == "" {
			c := *best
			c.Date, best, why = sw, &c, ""
		}
	}
	if why != "" {
		return Verdict{kind: implausibleVerdict, Best: best, Why: why}
	}
	switch {
	case best.Date.Precision.HasYear():
		return Verdict{kind: fullVerdict, Best: best}
	case best.Date.Precision == PartialDay && best.Kind != LeadMention:
		return Verdict{kind: yearlessVerdict, Best: best}
	case best.Kind == DatelessDateline || best.Kind == LeadMention || best.Date.Precision != NoDate:
		return Verdict{kind: partialVerdict, Best: best}
	}
	return Verdict{kind: missingVerdict}
}

// choose ranks candidates: a dated year beats a year-less day, which beats a dateless
// dateline, which beats a mention in the lead; then a first-publication label beats a
// revision label; then precision; then the earliest.
func choose(cands []Candidate) *Candidate {
	var best *Candidate
	for i := range cands {
		c := &cands[i]
		if best == nil || rank(c) < rank(best) || rank(c) == rank(best) && c.Start < best.Start {
			best = c
		}
	}
	return best
}

func rank(c *Candidate) int {
	tier := 0
	switch {
	case c.Kind == LeadMention:
		tier = 4
	case c.Kind == DatelessDateline:
		tier = 3
	case !c.Date.Precision.HasYear():
		tier = 2
	case c.Updated:
		tier = 1
	}
	return tier*100 + int(c.Date.Precision)*10 + int(c.Kind)
}

// swapped is an ambiguous numeric date read the other way round.
func swapped(d Date) Date {
	d.Day, d.Month, d.DayFirst = d.Month, d.Day, !d.DayFirst
	d.Impossible = d.Day > news.DaysIn(d.Year, d.Month)
	return d
}

// ambiguity says, for evidence, how an ambiguous numeric date was read and what it could
// also be; "" for a date that can be read only one way.
func ambiguity(d Date) string {
	if !d.Ambiguous || !d.Precision.HasYear() {
		return ""
	}
	order := "month first"
	if d.DayFirst {
		order = "day first"
	}
	return fmt.Sprintf("read %s as %s; the other order gives %s", order, d.ISO(), swapped(d).ISO())
}

// implausibility says why a located date cannot be the publication date, or "".
func implausibility(d Date, now time.Time, floorYear, futureDays int) string {
	if d.Impossible {
		return fmt.Sprintf("%s %d has no day %d", time.Month(d.Month), d.Year, d.Day)
	}
	if !d.Precision.HasYear() {
		return ""
	}
	if d.Year < floorYear {
		return fmt.Sprintf("the year %d is before the floor year %d", d.Year, floorYear)
	}
	month, day := max(d.Month, 1), max(d.Day, 1)
	t := time.Date(d.Year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	limit := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, futureDays)
	if t.After(limit) {
		return fmt.Sprintf("%s is after the reference date %s", d.ISO(), now.Format("2006-01-02"))
	}
	if d.Precision == DayPrecision && d.Weekday >= 0 && time.Weekday(d.Weekday) != t.Weekday() {
		return fmt.Sprintf("%s was a %s, not a %s", d.ISO(), t.Weekday(), time.Weekday(d.Weekday))
	}
	return ""
}

// publishFacts sets "date", "date_precision" and "date_line" when a publication date (even a
// year-less one) was found; a dateless dateline or a lead mention sets only "date_line".
func publishFacts(p *audit.Pass, v Verdict) {
	if v.Best == nil || v.Best.Kind == LeadMention {
		return
	}
	p.SetFact("date_line", v.Best.Line)
	// A day the month does not have ("2012-06-31") is no ISO date; the finding quotes it.
	if iso := v.Best.Date.ISO(); iso != "" && !v.Best.Date.Impossible {
		p.SetFact("date", iso)
		p.SetFact("date_precision", v.Best.Date.Precision.String())
		if a := ambiguity(v.Best.Date); a != "" {
			p.SetFact("date_ambiguity", a)
		}
	}
}

func report(p *audit.Pass, v Verdict) {
	if v.Best == nil {
		first := firstTextLine(p.Doc)
		p.ReportLines(first, first, "no publication date: no dated header line, byline or dateline in the first lines",
			audit.Evidence{"text": ""})
		return
	}
	b := v.Best
	text := strings.TrimSpace(p.Doc.Text[b.Start:b.End])
	ev := audit.Evidence{"text": text, "found_in": b.Kind.String()}
	if iso := b.Date.ISO(); iso != "" {
		ev["date"] = iso
	}
	if a := ambiguity(b.Date); a != "" {
		ev["ambiguity"] = a
	}
	var msg string
	switch {
	case v.kind == implausibleVerdict:
		msg = fmt.Sprintf("implausible publication date %q: %s", text, v.Why)
		ev["reason"] = v.Why
	case b.Kind == DatelessDateline:
		msg = fmt.Sprintf("the dateline %q names the place but no date", text)
	case b.Kind == LeadMention:
		msg = fmt.Sprintf("no publication date; the lead only gives %q, which has no year", text)
	case b.Date.Precision == PartialDay:
		msg = fmt.Sprintf("publication date %q has no year", text)
	default:
		msg = fmt.Sprintf("publication date %q gives only a weekday or relative day", text)
	}
	p.Report(b.Start, b.End, msg, ev)
}

// firstTextLine is where a missing date is reported: the first non-blank line, where a date
// header would go.
func firstTextLine(doc *audit.Document) int {
	for _, l := range doc.Lines {
		if !l.Blank() {
			return l.Number
		}
	}
	return 1
}

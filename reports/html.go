package reports

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
)

// The page's template, style and script live in reports/html so they can be read and edited
// as what they are; they are embedded and inlined, so the page needs no network.
//
//go:embed html/page.tmpl html/style.css html/script.js
var htmlAssets embed.FS

// htmlPage is parsed on first use, not at start-up: the pre-commit hook must start fast and
// rarely renders HTML.
var htmlPage = sync.OnceValues(parseHTMLPage)

func parseHTMLPage() (*template.Template, error) {
	read := func(name string) (string, error) {
		b, err := htmlAssets.ReadFile("html/" + name)
		return string(b), err
	}
	page, err := read("page.tmpl")
	if err != nil {
		return nil, err
	}
	css, err := read("style.css")
	if err != nil {
		return nil, err
	}
	js, err := read("script.js")
	if err != nil {
		return nil, err
	}
	// The Content-Security-Policy allows exactly this style and this script by hash, so even
	// a hypothetical escaping bug could not run injected script or load anything.
	csp := fmt.Sprintf("default-src 'none'; style-src '%s'; script-src '%s'; img-src data:", cspHash(css), cspHash(js))
	// Style and script are our own embedded files, trusted, and passed as typed values so
	// html/template inserts them verbatim (it strips comments from static text), and the
	// hashes above match what the browser sees.
	t := template.New("page").Funcs(template.FuncMap{
		"csp":    func() string { return csp },
		"style":  func() template.CSS { return template.CSS(css) },
		"script": func() template.JS { return template.JS(js) },
	})
	return t.Parse(page)
}

func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// HTML writes one self-contained review page: a summary, a sortable per-file score table,
// and every file's text with its findings highlighted in place, with filters by category
// and severity. Texts come from FileReport.Text (the engine's KeepText); files without text
// list their findings only. Offsets are clamped to the text, so a saved report whose files
// have changed since still renders.
func HTML(w io.Writer, r *audit.Report, opt Options) error {
	t, err := htmlPage()
	if err != nil {
		return fmt.Errorf("html template: %w", err)
	}
	r = Filter(r, opt.MinSeverity)
	cats := htmlCategories(r)
	// The summary is recomputed from the files shown, so a hand-edited report never shows
	// totals that disagree with its table.
	summary := audit.Summarize(r.Files)
	head := htmlHead{
		Version:    r.Version,
		Summary:    summary,
		Mean:       formatScore(summary.MeanScore),
		Min:        formatScore(summary.MinScore),
		Categories: cats,
		Severities: htmlSeverities(r),
		Skipped:    r.Skipped,
		Errors:     r.Errors,
	}
	if opt.MinSeverity > audit.Info {
		head.MinSeverity = opt.MinSeverity.String()
	}
	head.Rows = make([]htmlFileRow, len(r.Files))
	for i := range r.Files {
		head.Rows[i] = newHTMLFileRow(i, &r.Files[i], cats)
	}
	if err := t.ExecuteTemplate(w, "head", head); err != nil {
		return err
	}
	// Files are rendered one at a time so memory stays at one file's view, however many
	// files the report holds; the finding details for the script are gathered as we go.
	var details []htmlFindingData
	for i := range r.Files {
		f := &r.Files[i]
		view := htmlFile{htmlFileRow: head.Rows[i], HasText: f.Text != "", Facts: htmlFacts(f)}
		first := len(details)
		for j := range f.Findings {
			x := &f.Findings[j]
			id := first + j
			view.Findings = append(view.Findings, htmlFinding{
				ID: id, Rule: x.Rule, Category: string(x.Category), CatClass: categoryClass(x.Category),
				Severity: severityName(x.Severity), Location: htmlLocation(x), Message: x.Message,
			})
			details = append(details, htmlFindingData{
				File: i, Rule: x.Rule, Category: string(x.Category), Severity: severityName(x.Severity),
				Location: htmlLocation(x), Message: x.Message, Evidence: evidenceJSON(x.Evidence),
			})
		}
		if view.HasText {
			view.Lines = highlight(f.Text, f.Findings, first)
		}
		if err := t.ExecuteTemplate(w, "file", view); err != nil {
			return err
		}
	}
	if details == nil {
		details = []htmlFindingData{}
	}
	return t.ExecuteTemplate(w, "foot", htmlFoot{Data: htmlData{Findings: details}})
}

// htmlHead is the summary, legend, filters and score table.
type htmlHead struct {
	Version     string
	Summary     audit.Summary
	Mean, Min   string
	MinSeverity string // set when findings below it are hidden
	Categories  []htmlCategory
	Severities  []htmlSeverity
	Rows        []htmlFileRow
	Skipped     []audit.Notice
	Errors      []audit.Notice
}

// htmlCategory is one category column, legend entry and filter.
type htmlCategory struct {
	Name  string
	Class string
	Count int
}

// htmlSeverity is one severity filter.
type htmlSeverity struct {
	Name  string
	Count int
}

// htmlFileRow is one row of the score table and the heading of the file's section.
type htmlFileRow struct {
	Anchor       string
	Path         string
	Dir, Base    string // Path split after its last slash, so the table can mute the folder
	Score        string
	ScoreValue   float64
	Badge        string
	Counts       []htmlCount
	Total        int
	Deducted     float64
	DeductedText string
	Deductions   string
}

// htmlCount is a file's number of findings in one category.
type htmlCount struct {
	N     int
	Class string
}

// htmlFile is one file's section.
type htmlFile struct {
	htmlFileRow
	Facts    []htmlFact
	Findings []htmlFinding
	HasText  bool
	Lines    []htmlLine
}

// htmlFact is a file-level value published by a rule.
type htmlFact struct{ Key, Value string }

// htmlFinding is one row of a file's findings list.
type htmlFinding struct {
	ID                 int
	Rule               string
	Category, CatClass string
	Severity           string
	Location           string
	Message            string
}

// htmlLine is one line of text, cut into segments at finding boundaries.
type htmlLine struct{ Segments []htmlSegment }

// htmlSegment is a run of text covered by the same findings (none for plain text), or a
// zero-width marker for findings of an empty span.
type htmlSegment struct {
	Text   string
	IDs    string // covering finding IDs, most important first; empty for plain text
	Class  string // category and severity of the first ID
	Title  string // rule, severity and message of every covering finding
	Start  bool   // a finding starts here: this segment is a keyboard stop
	Marker bool
}

// htmlFoot carries the finding details the script shows in the detail panel.
type htmlFoot struct{ Data htmlData }

// htmlData is embedded as JSON; html/template escapes it for the script context.
type htmlData struct {
	Findings []htmlFindingData `json:"findings"`
}

// htmlFindingData is one finding's detail, indexed by its ID.
type htmlFindingData struct {
	File     int             `json:"file"`
	Rule     string          `json:"rule"`
	Category string          `json:"category"`
	Severity string          `json:"severity"`
	Location string          `json:"location"`
	Message  string          `json:"message"`
	Evidence json.RawMessage `json:"evidence"`
}

// htmlCategories lists the six categories, then any other category found in the report (a
// report read from JSON may come from a newer version), so every finding has a filter.
func htmlCategories(r *audit.Report) []htmlCategory {
	count := map[audit.Category]int{}
	for _, f := range r.Files {
		for _, x := range f.Findings {
			count[x.Category]++
		}
	}
	var out []htmlCategory
	for _, c := range audit.Categories {
		out = append(out, htmlCategory{Name: string(c), Class: categoryClass(c), Count: count[c]})
	}
	var extra []string
	for c := range count {
		if !c.Valid() {
			extra = append(extra, string(c))
		}
	}
	sort.Strings(extra)
	for _, c := range extra {
		out = append(out, htmlCategory{Name: c, Class: categoryClass(audit.Category(c)), Count: count[audit.Category(c)]})
	}
	return out
}

func htmlSeverities(r *audit.Report) []htmlSeverity {
	count := map[string]int{}
	for _, f := range r.Files {
		for _, x := range f.Findings {
			count[severityName(x.Severity)]++
		}
	}
	out := []htmlSeverity{}
	for _, s := range []audit.Severity{audit.Error, audit.Warning, audit.Info} {
		out = append(out, htmlSeverity{Name: s.String(), Count: count[s.String()]})
	}
	return out
}

// categoryClass names the CSS class of a category; unknown categories share a neutral one.
func categoryClass(c audit.Category) string {
	if c.Valid() {
		return "c-" + string(c)
	}
	return "c-other"
}

// severityName clamps out-of-range severities to the nearest known one.
func severityName(s audit.Severity) string {
	switch {
	case s < audit.Info:
		return audit.Info.String()
	case s > audit.Error:
		return audit.Error.String()
	}
	return s.String()
}

func newHTMLFileRow(i int, f *audit.FileReport, cats []htmlCategory) htmlFileRow {
	row := htmlFileRow{
		Anchor:     "f" + strconv.Itoa(i),
		Path:       f.Path,
		Dir:        f.Path[:strings.LastIndexAny(f.Path, `/\`)+1],
		Base:       f.Path[strings.LastIndexAny(f.Path, `/\`)+1:],
		Score:      formatScore(f.Score),
		ScoreValue: f.Score,
		Badge:      scoreBadge(f.Score),
		Counts:     make([]htmlCount, len(cats)),
		Total:      len(f.Findings),
		Deductions: Deductions(f.Deductions),
	}
	index := map[string]int{}
	for j, c := range cats {
		index[c.Name] = j
		row.Counts[j].Class = c.Class
	}
	for _, x := range f.Findings {
		row.Counts[index[string(x.Category)]].N++
	}
	for _, v := range f.Deductions {
		row.Deducted += v
	}
	row.DeductedText = strconv.FormatFloat(row.Deducted, 'f', -1, 64)
	return row
}

// scoreBadge buckets a score for its badge colour.
func scoreBadge(s float64) string {
	switch {
	case s >= 90:
		return "good"
	case s >= 75:
		return "fair"
	case s >= 50:
		return "poor"
	}
	return "bad"
}

// htmlLocation is line:column, or line:column–line:column for a longer span.
func htmlLocation(x *audit.Finding) string {
	if x.EndLine > x.Line || (x.EndLine == x.Line && x.EndColumn > x.Column) {
		if x.EndLine == x.Line {
			return fmt.Sprintf("%d:%d–%d", x.Line, x.Column, x.EndColumn)
		}
		return fmt.Sprintf("%d:%d–%d:%d", x.Line, x.Column, x.EndLine, x.EndColumn)
	}
	return fmt.Sprintf("%d:%d", x.Line, x.Column)
}

// evidenceJSON marshals a finding's evidence; evidence that cannot be marshalled (a NaN,
// a channel) is reported in its place rather than failing the whole page.
func evidenceJSON(e audit.Evidence) json.RawMessage {
	if e == nil {
		return json.RawMessage("{}")
	}
	b, err := json.Marshal(e)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"error": "evidence cannot be shown: " + err.Error()})
	}
	return b
}

func htmlFacts(f *audit.FileReport) []htmlFact {
	var out []htmlFact
	for _, k := range f.FactKeys() {
		v := f.Facts[k]
		s, ok := v.(string)
		if !ok {
			b, err := json.Marshal(v)
			if err != nil {
				s = fmt.Sprint(v)
			} else {
				s = string(b)
			}
		}
		out = append(out, htmlFact{Key: k, Value: s})
	}
	return out
}

// htmlSpan is a finding's byte range, clamped to the text and to UTF-8 boundaries.
type htmlSpan struct {
	id, start, end int
	f              *audit.Finding
}

// clampSpan keeps [start, end) inside text, widened to whole characters, so offsets from a
// stale or hand-edited report never slice past the text or through a character.
func clampSpan(text string, start, end int) (int, int) {
	n := len(text)
	start = min(max(start, 0), n)
	end = min(max(end, 0), n)
	if end < start {
		end = start
	}
	for start > 0 && start < n && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < n && !utf8.RuneStart(text[end]) {
		end++
	}
	return start, end
}

// highlight cuts text into lines of segments: a segment boundary at every finding start and
// end and at every line break, each segment carrying every finding that covers it, so
// overlapping and nested findings all stay visible. Findings with an empty span become
// zero-width markers. Cost is linear in the text plus findings × their overlap.
func highlight(text string, findings []audit.Finding, firstID int) []htmlLine {
	spans := make([]htmlSpan, len(findings))
	bounds := []int{0, len(text)}
	for i := range findings {
		x := &findings[i]
		s, e := clampSpan(text, x.StartOffset, x.EndOffset)
		if strings.Trim(text[s:e], "\n") == "" {
			e = s // only line breaks: nothing to colour, so show a marker
		}
		spans[i] = htmlSpan{id: firstID + i, start: s, end: e, f: x}
		bounds = append(bounds, s, e)
	}
	sort.Ints(bounds)
	bounds = compactInts(bounds)
	byStart := make([]*htmlSpan, len(spans))
	for i := range spans {
		byStart[i] = &spans[i]
	}
	sort.SliceStable(byStart, func(i, j int) bool { return byStart[i].start < byStart[j].start })

	var b lineBuilder
	var active []*htmlSpan
	pending := map[int]bool{} // findings not yet given their first visible segment
	next := 0
	for bi, at := range bounds {
		kept := active[:0]
		for _, s := range active {
			if s.end > at {
				kept = append(kept, s)
			}
		}
		active = kept
		var markers []*htmlSpan
		for next < len(byStart) && byStart[next].start == at {
			s := byStart[next]
			next++
			if s.end == s.start {
				markers = append(markers, s)
				continue
			}
			active = append(active, s)
			pending[s.id] = true
		}
		if len(markers) > 0 {
			seg := newSegment(markers)
			seg.Marker, seg.Start = true, true
			b.add(seg)
		}
		if bi+1 == len(bounds) {
			break
		}
		piece := text[at:bounds[bi+1]]
		for {
			nl := strings.IndexByte(piece, '\n')
			part := piece
			if nl >= 0 {
				part = piece[:nl]
			}
			if part != "" {
				if len(active) == 0 {
					b.add(htmlSegment{Text: strings.ToValidUTF8(part, "\uFFFD")})
				} else {
					seg := newSegment(active)
					seg.Text = strings.ToValidUTF8(part, "\uFFFD")
					for _, s := range active {
						if pending[s.id] {
							seg.Start = true
							delete(pending, s.id)
						}
					}
					b.add(seg)
				}
			}
			if nl < 0 {
				break
			}
			b.newline()
			piece = piece[nl+1:]
		}
	}
	return b.done()
}

// newSegment describes the findings covering a segment, most important first: higher
// severity, then the narrower span (the more specific finding), then report order.
func newSegment(cover []*htmlSpan) htmlSegment {
	order := append([]*htmlSpan(nil), cover...)
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.f.Severity != b.f.Severity {
			return a.f.Severity > b.f.Severity
		}
		if a.end-a.start != b.end-b.start {
			return a.end-a.start < b.end-b.start
		}
		return a.id < b.id
	})
	ids := make([]string, len(order))
	titles := make([]string, len(order))
	for i, s := range order {
		ids[i] = strconv.Itoa(s.id)
		titles[i] = fmt.Sprintf("%s (%s): %s", s.f.Rule, severityName(s.f.Severity), s.f.Message)
	}
	top := order[0].f
	class := categoryClass(top.Category) + " s-" + severityName(top.Severity)
	if len(order) > 1 {
		class += " multi"
	}
	return htmlSegment{IDs: strings.Join(ids, " "), Class: class, Title: strings.Join(titles, "\n")}
}

// lineBuilder collects segments into lines.
type lineBuilder struct {
	lines []htmlLine
	cur   htmlLine
}

func (b *lineBuilder) add(s htmlSegment) { b.cur.Segments = append(b.cur.Segments, s) }

func (b *lineBuilder) newline() {
	b.lines = append(b.lines, b.cur)
	b.cur = htmlLine{}
}

func (b *lineBuilder) done() []htmlLine {
	// A final line break ends the last line rather than starting an empty one, as editors
	// number lines.
	if len(b.cur.Segments) > 0 || len(b.lines) == 0 {
		b.lines = append(b.lines, b.cur)
	}
	return b.lines
}

func compactInts(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

package reports

import (
	"bytes"
	"compress/gzip"
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

// HTML writes one self-contained review page: a summary, a sortable per-file score table
// (worst files first) and every file's text with its findings highlighted in place, with
// filters by category and severity. The page opens fast however many files it holds: the
// table's rows are data the script renders a screenful at a time, and each file's section
// is rendered here but stored compressed (sectionPacker) for the script to insert when the
// file is opened or scrolled to, so the browser builds the DOM of a few files, not of all.
// Texts come from FileReport.Text (the engine's KeepText); files without text list their
// findings only. Offsets are clamped to the text, so a saved report whose files have
// changed since still renders.
func HTML(w io.Writer, r *audit.Report, opt Options) error {
	t, err := htmlPage()
	if err != nil {
		return fmt.Errorf("html template: %w", err)
	}
	r = Filter(r, opt.MinSeverity)
	files := WorstFirst(r.Files)
	cats := htmlCategories(r)
	// The summary is recomputed from the files shown, so a hand-edited report never shows
	// totals that disagree with its table.
	summary := audit.Summarize(files)
	head := htmlHead{
		Version:    r.Version,
		Summary:    summary,
		Mean:       formatScore(summary.MeanScore),
		Min:        formatScore(summary.MinScore),
		Categories: cats,
		Severities: htmlSeverities(r),
		Skipped:    r.Skipped,
		Errors:     r.Errors,
		HasFiles:   len(files) > 0,
	}
	if opt.MinSeverity > audit.Info {
		head.MinSeverity = opt.MinSeverity.String()
	}
	rows := make([]htmlFileRow, len(files))
	for i := range files {
		rows[i] = newHTMLFileRow(i, &files[i], cats)
	}
	if err := t.ExecuteTemplate(w, "head", head); err != nil {
		return err
	}
	// Files are rendered one at a time so memory stays at one file's view, however many
	// files the report holds. The page carries each finding's category and severity (for the
	// filters); its details travel with its file's section.
	catIndex := map[string]int{}
	for i, c := range cats {
		catIndex[c.Name] = i
	}
	kinds := []htmlKind{}
	var section bytes.Buffer
	packed := newSectionPacker()
	for i := range files {
		f := &files[i]
		view := htmlFile{htmlFileRow: rows[i], HasText: f.Text != "", Facts: htmlFacts(f)}
		first := len(kinds)
		var details []htmlFindingData
		for j := range f.Findings {
			x := &f.Findings[j]
			id := first + j
			view.Findings = append(view.Findings, htmlFinding{
				ID: id, Rule: x.Rule, Category: string(x.Category), CatClass: categoryClass(x.Category),
				Severity: severityName(x.Severity), Location: htmlLocation(x), Message: x.Message,
			})
			kinds = append(kinds, htmlKind{catIndex[string(x.Category)], int(clampSeverity(x.Severity))})
			details = append(details, htmlFindingData{
				ID: id, File: i, Rule: x.Rule, Category: string(x.Category), Severity: severityName(x.Severity),
				Location: htmlLocation(x), Message: x.Message, Evidence: evidenceWords(x.Evidence),
			})
		}
		if view.HasText {
			view.Lines = highlight(f.Text, f.Findings, first)
		}
		section.Reset()
		if err := t.ExecuteTemplate(&section, "file", view); err != nil {
			return err
		}
		if err := packed.write(w, rows[i].Anchor, htmlPacked{HTML: section.String(), Findings: details}); err != nil {
			return err
		}
	}
	return t.ExecuteTemplate(w, "foot", htmlFoot{Data: htmlData{Kinds: kinds, Files: rows}})
}

// sectionPacker stores each file's rendered section gzip-compressed and base64-encoded in a
// data block (<script type="application/octet-stream">, never executed; base64 holds no
// markup), which the script inflates with the browser's DecompressionStream when the file
// is shown. Markup compresses about tenfold, so a page of 24,372 files is read and parsed
// in a fraction of the time its plain sections would take, and stays one file.
type sectionPacker struct {
	zbuf bytes.Buffer
	zw   *gzip.Writer
	b64  []byte
}

func newSectionPacker() *sectionPacker {
	p := &sectionPacker{}
	p.zw, _ = gzip.NewWriterLevel(&p.zbuf, gzip.BestSpeed)
	return p
}

// htmlPacked is what one file's data block holds: its section and its findings' details.
type htmlPacked struct {
	HTML     string            `json:"h"`
	Findings []htmlFindingData `json:"f"`
}

func (p *sectionPacker) write(w io.Writer, anchor string, v htmlPacked) error {
	p.zbuf.Reset()
	p.zw.Reset(&p.zbuf)
	enc := json.NewEncoder(p.zw)
	enc.SetEscapeHTML(false) // base64 follows: nothing here meets the HTML parser
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := p.zw.Close(); err != nil {
		return err
	}
	n := base64.StdEncoding.EncodedLen(p.zbuf.Len())
	if cap(p.b64) < n {
		p.b64 = make([]byte, n)
	}
	p.b64 = p.b64[:n]
	base64.StdEncoding.Encode(p.b64, p.zbuf.Bytes())
	if _, err := fmt.Fprintf(w, "<script type=\"application/octet-stream\" class=\"file-data\" id=\"d-%s\">", anchor); err != nil {
		return err
	}
	if _, err := w.Write(p.b64); err != nil {
		return err
	}
	_, err := io.WriteString(w, "</script>\n")
	return err
}

// htmlHead is the summary, legend, filters and score table.
type htmlHead struct {
	Version     string
	Summary     audit.Summary
	Mean, Min   string
	MinSeverity string // set when findings below it are hidden
	Categories  []htmlCategory
	Severities  []htmlSeverity
	Skipped     []audit.Notice
	Errors      []audit.Notice
	HasFiles    bool
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

// htmlFileRow is one row of the score table (sent to the script as data) and the heading of
// the file's section.
type htmlFileRow struct {
	Anchor       string    `json:"a"`
	Path         string    `json:"p"`
	Dir          string    `json:"-"` // Path split after its last slash, so the table can mute the folder
	Base         string    `json:"-"`
	Score        string    `json:"s"`
	ScoreValue   float64   `json:"v"`
	Badge        string    `json:"b"`
	Counts       htmlCount `json:"c"` // findings per category, in the filters' order
	Total        int       `json:"n"`
	Deducted     float64   `json:"d"`
	DeductedText string    `json:"-"`
	Deductions   string    `json:"w"`
}

// htmlCount is a file's number of findings per category, in the order of the categories.
type htmlCount []int

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

// htmlFoot carries the table rows and each finding's category and severity for the script.
type htmlFoot struct{ Data htmlData }

// htmlData is embedded as JSON; html/template escapes it for the script context.
type htmlData struct {
	Kinds []htmlKind    `json:"kinds"` // per finding ID: category index, severity (0 info .. 2 error)
	Files []htmlFileRow `json:"files"`
}

// htmlKind is a finding's category (index into the page's categories) and severity.
type htmlKind [2]int

// clampSeverity keeps out-of-range severities in the known range, as severityName does.
func clampSeverity(s audit.Severity) audit.Severity { return min(max(s, audit.Info), audit.Error) }

// htmlFindingData is one finding's detail, indexed by its ID.
type htmlFindingData struct {
	ID       int            `json:"id"`
	File     int            `json:"file"`
	Rule     string         `json:"rule"`
	Category string         `json:"category"`
	Severity string         `json:"severity"`
	Location string         `json:"location"`
	Message  string         `json:"message"`
	Evidence []htmlEvidence `json:"evidence"`
}

// htmlEvidence is one piece of evidence in words: a label and its value as text.
type htmlEvidence struct {
	Label string `json:"k"`
	Value string `json:"v"`
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
		Counts:     make(htmlCount, len(cats)),
		Total:      len(f.Findings),
		Deductions: Deductions(f.Deductions),
	}
	index := map[string]int{}
	for j, c := range cats {
		index[c.Name] = j
	}
	for _, x := range f.Findings {
		row.Counts[index[string(x.Category)]]++
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

// evidenceWords renders a finding's evidence as labelled values in words ("other file:
// b.txt, line 7", "similarity: 93 %") rather than JSON. The matched text comes first;
// highlight spans are shown in the text, not listed. Evidence that cannot be read (a NaN,
// a channel) is reported in its place rather than failing the whole page.
func evidenceWords(e audit.Evidence) []htmlEvidence {
	out := []htmlEvidence{}
	m := asJSONObject(map[string]any(e))
	if m == nil && len(e) > 0 {
		_, err := json.Marshal(map[string]any(e))
		return append(out, htmlEvidence{"error", fmt.Sprintf("evidence cannot be shown: %v", err)})
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		if k != "spans" {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if (keys[i] == "text") != (keys[j] == "text") {
			return keys[i] == "text"
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		out = append(out, htmlEvidence{evidenceLabel(k), evidenceValue(k, m[k])})
	}
	return out
}

// evidenceLabel turns a JSON key into words: "counterpart_path" → "counterpart path".
func evidenceLabel(k string) string {
	if k == "text" {
		return "matched text"
	}
	return strings.ReplaceAll(k, "_", " ")
}

// evidenceValue writes a decoded JSON value as text: ratios named like shares as percents,
// lists joined by commas, objects as "key value" pairs.
func evidenceValue(key string, v any) string {
	switch v := v.(type) {
	case nil:
		return "–"
	case string:
		if v == "" {
			return "(empty)"
		}
		return v
	case bool:
		if v {
			return "yes"
		}
		return "no"
	case float64:
		if ratioKey(key) && v > 0 && v <= 1 {
			return strconv.FormatFloat(v*100, 'f', 0, 64) + " %"
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	case []any:
		parts := make([]string, 0, len(v))
		for _, x := range v {
			parts = append(parts, evidenceValue(key, x))
		}
		return strings.Join(parts, "; ")
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			parts = append(parts, evidenceLabel(k)+" "+evidenceValue(k, v[k]))
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}

// ratioKey reports whether a key names a ratio between 0 and 1 shown as a percent.
func ratioKey(k string) bool {
	for _, w := range []string{"similarity", "confidence", "share", "ratio", "cover", "kept", "score", "probability"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
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
	// Evidence spans mark the words a finding is about inside its span (the suspect words
	// of a spun paragraph): they cut segments too, and segments inside them are emphasised.
	var words []wordSpan
	for i := range findings {
		for _, ws := range evidenceSpans(findings[i].Evidence) {
			s, e := clampSpan(text, ws.Start, ws.End)
			if e > s {
				words = append(words, wordSpan{start: s, end: e, id: firstID + i})
				bounds = append(bounds, s, e)
			}
		}
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
					if inWords(words, active, at) {
						seg.Class += " word"
					}
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

// wordSpan is an evidence span of finding id, clamped to the text.
type wordSpan struct{ start, end, id int }

// evidenceSpans reads the "spans" evidence ([{"start": byte offset, "end": byte offset}],
// absolute offsets in the file's text) whether it was set in process or read from JSON.
func evidenceSpans(e audit.Evidence) []struct{ Start, End int } {
	v, ok := e["spans"]
	if !ok {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var out []struct {
		Start int `json:"start"`
		End   int `json:"end"`
	}
	if json.Unmarshal(b, &out) != nil {
		return nil
	}
	res := make([]struct{ Start, End int }, len(out))
	for i, x := range out {
		res[i] = struct{ Start, End int }{x.Start, x.End}
	}
	return res
}

// inWords reports whether the segment starting at offset at lies in an evidence span of
// one of the findings covering it.
func inWords(words []wordSpan, active []*htmlSpan, at int) bool {
	for _, w := range words {
		if w.start <= at && at < w.end {
			for _, s := range active {
				if s.id == w.id {
					return true
				}
			}
		}
	}
	return false
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

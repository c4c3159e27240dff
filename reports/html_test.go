package reports

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	cdplog "github.com/chromedp/cdproto/log"
	cdppage "github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/reports/golden"
)

// Fixture rules: invented for the report tests, one per category the fixture uses.
var (
	ruleResidue   = &audit.Rule{ID: "boilerplate.phrase", Category: audit.Boilerplate, Severity: audit.Warning}
	ruleSpin      = &audit.Rule{ID: "spin.synonym", Category: audit.Spin, Severity: audit.Error}
	ruleLanguage  = &audit.Rule{ID: "language.mixed", Category: audit.Language, Severity: audit.Info}
	ruleDuplicate = &audit.Rule{ID: "duplicate.paragraph", Category: audit.Duplicate, Severity: audit.Warning}
	ruleDate      = &audit.Rule{ID: "date.missing", Category: audit.Date, Severity: audit.Warning}
	ruleRelative  = &audit.Rule{ID: "date.relative", Category: audit.Date, Severity: audit.Info}
)

const (
	fixtureHarbour = "Harbour crane collapses during storm\n\nA crane at the north harbour fell into the water on Tuesday night, port officials said.\nThe crane operator was not hurt.\nShare this article\nLe port restera fermé jusqu'à jeudi.\n\nA crane at the north harbour fell into the water on Tuesday night, port officials said.\nThe crane operator was not hurt.\n"
	fixtureScript  = "Council notes\n<script>alert(1)</script> was pasted into the minutes by mistake.\nThe vote passed seven to two.\n"
)

// fixtureReport is a small report with every shape the page must handle: overlapping and
// nested findings, a finding over two lines, an empty span, markup in text, path and
// evidence, a file whose text was not kept, a skipped file and an unreadable input.
func fixtureReport() *audit.Report {
	var files []audit.FileReport

	harbour := audit.NewDocument("news/harbour.txt", fixtureHarbour)
	at := func(doc *audit.Document, s string, nth int) audit.Span {
		off := -1
		for i := 0; i <= nth; i++ {
			off += 1 + strings.Index(doc.Text[off+1:], s)
		}
		return doc.Span(off, off+len(s))
	}
	dupFirst := at(harbour, "A crane at", 1)
	dupLast := at(harbour, "not hurt.", 1)
	files = append(files, fileReport(harbour,
		audit.NewFinding(ruleDate, harbour, harbour.Span(0, 0), "no publication date found", audit.Evidence{"text": ""}),
		// These two overlap on "water"; the second copy of the paragraph nests a third.
		audit.NewFinding(ruleSpin, harbour, at(harbour, "fell into the water", 0), "odd synonym choice",
			audit.Evidence{"expected": "sank", "similarity": 0.5, "spans": []map[string]int{{"start": at(harbour, "fell", 0).StartOffset, "end": at(harbour, "fell", 0).EndOffset}}}),
		audit.NewFinding(ruleRelative, harbour, at(harbour, "water on Tuesday night", 0), "relative date without a publication date", nil),
		audit.NewFinding(ruleResidue, harbour, at(harbour, "Share this article", 0), "scraper residue: \"Share this article\" is page furniture", nil),
		audit.NewFinding(ruleLanguage, harbour, at(harbour, "Le port restera fermé jusqu'à jeudi.", 0), "French sentence in an English article", audit.Evidence{"language": "fr", "confidence": 0.93}),
		audit.NewFinding(ruleDuplicate, harbour, harbour.Span(dupFirst.StartOffset, dupLast.EndOffset), "paragraph repeats lines 3-4",
			audit.Evidence{"counterpart": map[string]any{"path": "news/harbour.txt", "line": 3}}),
		audit.NewFinding(ruleSpin, harbour, at(harbour, "fell into the water", 1), "odd synonym choice", audit.Evidence{"expected": "sank"}),
	))

	script := audit.NewDocument("news/<script>alert(3)</script>.txt", fixtureScript)
	files = append(files, fileReport(script,
		audit.NewFinding(ruleResidue, script, at(script, "<script>alert(1)</script>", 0), "markup left in the text",
			audit.Evidence{"text": "</script><script>alert(2)</script><!--"}),
	))

	gone := audit.NewDocument("news/untouched.txt", "Short clean note.\n")
	g := fileReport(gone, audit.NewFinding(ruleDate, gone, gone.Span(0, 5), "no publication date found", nil))
	g.Text = ""
	files = append(files, g)

	return audit.NewReport("test", &audit.Result{
		Files:   files,
		Skipped: []audit.Notice{{Path: "news/photo.jpg", Cause: "binary file"}},
		Errors:  []audit.Notice{{Path: "news/locked.txt", Cause: "permission denied"}},
	})
}

func fileReport(doc *audit.Document, findings ...audit.Finding) audit.FileReport {
	fr := audit.FileReport{Path: doc.Path, Text: doc.Text, Findings: findings}
	fr.Score, fr.Deductions = audit.DefaultScoreModel.Score(findings)
	if doc.Path == "news/harbour.txt" {
		fr.Facts = map[string]any{"language": "en", "words": 61}
	}
	return fr
}

func renderHTML(t testing.TB, r *audit.Report, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, r, opt); err != nil {
		t.Fatalf("HTML: %v", err)
	}
	return buf.String()
}

func TestHTMLMatchesGoldenFile(t *testing.T) {
	golden.Check(t, filepath.Join("testdata", "html", "fixture.golden.html"), renderHTML(t, fixtureReport(), Options{}))
}

// scriptElement matches a <script> element: its attributes and its body.
var scriptElement = regexp.MustCompile(`(?s)<script([^>]*)>(.*?)</script>`)

// expandPage replaces each file's data element with the section it holds, as the script
// inserts it, so tests can read the page as the browser shows it.
func expandPage(t testing.TB, page string) string {
	t.Helper()
	return fileData.ReplaceAllStringFunc(page, func(m string) string {
		z, err := base64.StdEncoding.DecodeString(fileData.FindStringSubmatch(m)[1])
		if err != nil {
			t.Fatalf("file data is not base64: %v", err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatalf("file data is not gzip: %v", err)
		}
		var packed struct {
			H string `json:"h"`
		}
		if err := json.NewDecoder(zr).Decode(&packed); err != nil {
			t.Fatalf("file data: %v", err)
		}
		return packed.H
	})
}

// pageFindings returns the finding details the page's file data blocks carry.
func pageFindings(t testing.TB, page string) []json.RawMessage {
	t.Helper()
	var out []json.RawMessage
	for _, m := range fileData.FindAllStringSubmatch(page, -1) {
		z, _ := base64.StdEncoding.DecodeString(m[1])
		zr, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatal(err)
		}
		var packed struct {
			F []json.RawMessage `json:"f"`
		}
		if err := json.NewDecoder(zr).Decode(&packed); err != nil {
			t.Fatal(err)
		}
		out = append(out, packed.F...)
	}
	return out
}

var fileData = regexp.MustCompile(`<script type="application/octet-stream" class="file-data" id="d-f\d+">(.*?)</script>`)

func TestHTMLEscapesUntrustedTextPathsAndEvidence(t *testing.T) {
	page := renderHTML(t, fixtureReport(), Options{})
	scripts := scriptElement.FindAllStringSubmatch(page, -1)
	code := 0
	for _, s := range scripts {
		if !strings.Contains(s[1], "application/json") && !strings.Contains(s[1], "application/octet-stream") {
			code++
			if strings.Contains(s[2], "alert(") {
				t.Errorf("executable script contains report text: %.80q", s[2])
			}
		} else if strings.ContainsAny(s[2], "<>") {
			t.Errorf("a data element holds raw markup: %.80q", s[2])
		}
	}
	if code != 1 || len(scripts) != 2+len(fixtureReport().Files) {
		t.Fatalf("page has %d script elements (%d executable), want the code, the data and one per file: markup from the report leaked", len(scripts), code)
	}
	for _, shown := range []string{page, expandPage(t, page)} {
		for _, bad := range []string{"<script>alert(", "</script><script>alert", "<!--"} {
			if strings.Contains(shown, bad) {
				t.Errorf("page contains raw %q", bad)
			}
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;", // the text
		"&lt;script&gt;alert(3)&lt;/script&gt;", // the path
	} {
		if !strings.Contains(expandPage(t, page), want) {
			t.Errorf("page lacks escaped %q", want)
		}
	}
}

func TestHTMLDataSurvivesScriptTerminatorsInEvidence(t *testing.T) {
	page := renderHTML(t, fixtureReport(), Options{})
	type finding struct {
		Rule     string `json:"rule"`
		Evidence []struct {
			K, V string
		} `json:"evidence"`
	}
	var data struct{ Findings []finding }
	for _, raw := range pageFindings(t, page) {
		var f finding
		if err := json.Unmarshal(raw, &f); err != nil {
			t.Fatalf("finding data is not JSON: %v", err)
		}
		data.Findings = append(data.Findings, f)
	}
	var kinds struct{ Kinds [][2]int }
	if err := json.Unmarshal([]byte(pageData(t, page)), &kinds); err != nil || len(kinds.Kinds) != len(data.Findings) {
		t.Fatalf("page data: %v, %d kinds for %d findings", err, len(kinds.Kinds), len(data.Findings))
	}
	found := false
	for _, f := range data.Findings {
		for _, e := range f.Evidence {
			if e.K == "matched text" && e.V == "</script><script>alert(2)</script><!--" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("evidence with </script> did not round-trip through the embedded data")
	}
	if len(data.Findings) != fixtureReport().Summary.Findings {
		t.Errorf("data holds %d findings, want %d", len(data.Findings), fixtureReport().Summary.Findings)
	}
}

func pageData(t *testing.T, page string) string {
	t.Helper()
	const open = `<script type="application/json" id="textaudit-data">`
	i := strings.Index(page, open)
	if i < 0 {
		t.Fatal("page has no data element")
	}
	rest := page[i+len(open):]
	return rest[:strings.Index(rest, "</script>")]
}

func TestHTMLContentSecurityPolicyAllowsExactlyTheInlineStyleAndScript(t *testing.T) {
	page := renderHTML(t, fixtureReport(), Options{})
	style := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(page)
	var code string
	for _, s := range scriptElement.FindAllStringSubmatch(page, -1) {
		if s[1] == "" {
			code = s[2]
		}
	}
	if style == nil || code == "" {
		t.Fatal("page lacks its style or script")
	}
	policy := regexp.MustCompile(`Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
	if policy == nil {
		t.Fatal("page has no Content-Security-Policy")
	}
	csp := html.UnescapeString(policy[1])
	for name, body := range map[string]string{"style": style[1], "script": code} {
		sum := sha256.Sum256([]byte(body))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, h) {
			t.Errorf("policy does not allow the page's %s (hash %s): %s", name, h, csp)
		}
	}
	if !strings.HasPrefix(csp, "default-src 'none';") {
		t.Errorf("policy does not deny other sources: %s", policy[1])
	}
}

func TestHTMLListsEveryFileFindingAndNotice(t *testing.T) {
	r := fixtureReport()
	page := expandPage(t, renderHTML(t, r, Options{}))
	for i, f := range WorstFirst(r.Files) {
		anchor := `id="f` + strconv.Itoa(i) + `"`
		if !strings.Contains(page, anchor) || !strings.Contains(page, `"a":"f`+strconv.Itoa(i)+`"`) {
			t.Errorf("file %s has no section or table row", f.Path)
		}
	}
	if n := strings.Count(page, "<tr data-id="); n != r.Summary.Findings {
		t.Errorf("findings list has %d rows, want %d", n, r.Summary.Findings)
	}
	for _, want := range []string{"news/photo.jpg", "binary file", "news/locked.txt", "permission denied",
		"The text of this file is not in the report", "language: <span class=\"fact\">en</span>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestHTMLEvidenceReadsAsWords(t *testing.T) {
	got := evidenceWords(audit.Evidence{
		"text": "Related Post", "similarity": 0.934, "counterpart_path": "b.txt", "swaps": []any{"U.S. → USA", "city → metropolis"},
		"counterpart": map[string]any{"path": "b.txt", "line": 7}, "spans": []any{map[string]any{"start": 1, "end": 3}},
	})
	want := []htmlEvidence{
		{"matched text", "Related Post"}, {"counterpart", "line 7, path b.txt"}, {"counterpart path", "b.txt"},
		{"similarity", "93 %"}, {"swaps", "U.S. → USA; city → metropolis"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("evidence\ngot  %v\nwant %v", got, want)
	}
}

func TestHTMLEmphasisesEvidenceSpans(t *testing.T) {
	page := expandPage(t, renderHTML(t, fixtureReport(), Options{}))
	if !regexp.MustCompile(`<mark class="hl c-spin s-error word"[^>]*>fell</mark>`).MatchString(page) {
		t.Errorf("the evidence span \"fell\" is not emphasised")
	}
}

func TestHTMLRendersAnEmptyReport(t *testing.T) {
	r := audit.NewReport("test", &audit.Result{})
	page := renderHTML(t, r, Options{})
	if !strings.Contains(page, "No files were audited.") {
		t.Error("empty report does not say that no files were audited")
	}
	if got := pageData(t, page); got != `{"kinds":[],"files":[]}` {
		t.Errorf("empty report data = %s", got)
	}
	if !strings.HasSuffix(strings.TrimSpace(page), "</html>") {
		t.Error("page is not complete")
	}
}

func TestHTMLMinSeverityHidesLowerFindingsButKeepsScores(t *testing.T) {
	r := fixtureReport()
	page := expandPage(t, renderHTML(t, r, Options{MinSeverity: audit.Warning}))
	if strings.Contains(page, `data-rule="language.mixed"`) {
		t.Error("an info finding is listed under --min-severity warning")
	}
	if !strings.Contains(page, "showing findings at or above <strong>warning</strong>") {
		t.Error("page does not say findings are filtered")
	}
	if !strings.Contains(page, ">"+formatScore(r.Files[0].Score)+"</span>") {
		t.Error("the score changed with the severity filter")
	}
}

func TestHTMLSurvivesStaleOffsetsFromASavedReport(t *testing.T) {
	// A saved JSON report whose file has since been shortened: the offsets point past the
	// text and into the middle of a two-byte character.
	saved := `{"tool":"textaudit","version":"old","files":[{"path":"a.txt","score":90,"deductions":{},"findings":[
		{"rule":"x.one","category":"spin","severity":"error","path":"a.txt","line":9,"end_line":9,"column":1,"end_column":4,"start_offset":500,"end_offset":540,"message":"past the end"},
		{"rule":"x.two","category":"spin","severity":"warning","path":"a.txt","line":1,"end_line":1,"column":1,"end_column":2,"start_offset":2,"end_offset":4,"message":"inside a character"},
		{"rule":"x.three","category":"future","severity":"info","path":"a.txt","line":1,"end_line":1,"column":1,"end_column":1,"start_offset":-7,"end_offset":-2,"message":"negative"}]}],"summary":{}}`
	var r audit.Report
	if err := json.Unmarshal([]byte(saved), &r); err != nil {
		t.Fatal(err)
	}
	r.Files[0].Text = "añb\nshort"
	page := expandPage(t, renderHTML(t, &r, Options{}))
	if !utf8.ValidString(page) {
		t.Error("page is not valid UTF-8")
	}
	if !strings.Contains(page, `data-f="1" title="x.two (warning): inside a character" tabindex="0">ñb</mark>`) {
		t.Error("an offset inside a character was not widened to the whole character")
	}
	if !strings.Contains(page, `class="hl c-other s-info marker"`) {
		t.Error("an unknown category or a negative span did not become a neutral marker")
	}
	if !strings.Contains(page, `value="future"`) {
		t.Error("an unknown category has no filter")
	}
}

func TestHTMLDoesNotFailOnUnmarshallableEvidence(t *testing.T) {
	doc := audit.NewDocument("a.txt", "some text")
	f := audit.NewFinding(ruleSpin, doc, doc.Span(0, 4), "odd", audit.Evidence{"bad": make(chan int)})
	r := audit.NewReport("test", &audit.Result{Files: []audit.FileReport{fileReport(doc, f)}})
	page := renderHTML(t, r, Options{})
	var details strings.Builder
	for _, f := range pageFindings(t, page) {
		details.Write(f)
	}
	if !strings.Contains(details.String(), "evidence cannot be shown") {
		t.Error("unmarshallable evidence is not reported in its place")
	}
}

// segmentsString writes lines of segments compactly: plain text as is, highlighted text as
// {ids:text} with * before the ids where a finding starts, markers as {ids:^}, lines
// separated by /.
func segmentsString(lines []htmlLine) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('/')
		}
		for _, s := range l.Segments {
			if s.IDs == "" {
				b.WriteString(s.Text)
				continue
			}
			b.WriteByte('{')
			if s.Start && !s.Marker {
				b.WriteByte('*')
			}
			b.WriteString(s.IDs + ":")
			if s.Marker {
				b.WriteByte('^')
			} else {
				b.WriteString(s.Text)
			}
			b.WriteByte('}')
		}
	}
	return b.String()
}

type spanCase struct {
	start, end int
	sev        audit.Severity
}

func TestHighlightCutsTextAtEveryFindingBoundary(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		spans []spanCase
		want  string
	}{
		{"text without findings is plain lines", "ab\ncd", nil, "ab/cd"},
		{"a final line break does not add an empty line", "ab\n", nil, "ab"},
		{"blank lines stay lines", "a\n\nb", nil, "a//b"},
		{"empty text is one empty line", "", nil, ""},
		{"one finding inside a line", "abcdef", []spanCase{{2, 4, audit.Warning}}, "ab{*0:cd}ef"},
		{"overlapping findings share the middle segment", "abcdefgh", []spanCase{{2, 6, audit.Warning}, {4, 8, audit.Warning}},
			"ab{*0:cd}{*0 1:ef}{1:gh}"},
		{"a nested finding comes first where both cover", "abcdefgh", []spanCase{{0, 8, audit.Warning}, {2, 4, audit.Warning}},
			"{*0:ab}{*1 0:cd}{0:efgh}"},
		{"the more severe finding comes first", "abcd", []spanCase{{0, 4, audit.Error}, {0, 4, audit.Info}}, "{*0 1:abcd}"},
		{"an error outranks a narrower warning", "abcd", []spanCase{{0, 4, audit.Error}, {1, 2, audit.Warning}}, "{*0:a}{*0 1:b}{0:cd}"},
		{"a finding over two lines is cut at the line break", "ab\ncd", []spanCase{{1, 4, audit.Warning}}, "a{*0:b}/{0:c}d"},
		{"a finding starting at a line break starts on the next line", "ab\ncd", []spanCase{{2, 5, audit.Warning}}, "ab/{*0:cd}"},
		{"an empty span is a marker", "abcd", []spanCase{{2, 2, audit.Warning}}, "ab{0:^}cd"},
		{"empty spans at one place share a marker", "ab", []spanCase{{1, 1, audit.Info}, {1, 1, audit.Error}}, "a{1 0:^}b"},
		{"an empty span at the end is a marker", "ab", []spanCase{{2, 2, audit.Warning}}, "ab{0:^}"},
		{"a span of only line breaks is a marker", "a\n\nb", []spanCase{{1, 3, audit.Warning}}, "a{0:^}//b"},
		{"a marker before a finding at the same place", "abcd", []spanCase{{1, 1, audit.Warning}, {1, 3, audit.Warning}}, "a{0:^}{*1:bc}d"},
		{"offsets past the end are clamped", "abc", []spanCase{{1, 99, audit.Warning}}, "a{*0:bc}"},
		{"a span wholly past the end is a marker at the end", "abc", []spanCase{{50, 60, audit.Warning}}, "abc{0:^}"},
		{"negative offsets are clamped", "abc", []spanCase{{-5, 1, audit.Warning}}, "{*0:a}bc"},
		{"an end before the start is an empty span", "abc", []spanCase{{2, 1, audit.Warning}}, "ab{0:^}c"},
		{"offsets inside a character widen to it", "aéb", []spanCase{{2, 3, audit.Warning}}, "a{*0:é}b"},
		{"invalid UTF-8 is replaced", "a\xffb", []spanCase{{1, 2, audit.Warning}}, "a{*0:\uFFFD}b"},
		{"the same span twice is one segment", "abc", []spanCase{{0, 3, audit.Warning}, {0, 3, audit.Warning}}, "{*0 1:abc}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var findings []audit.Finding
			for _, s := range tt.spans {
				findings = append(findings, audit.Finding{Rule: "r", Category: audit.Spin, Severity: s.sev, StartOffset: s.start, EndOffset: s.end})
			}
			if got := segmentsString(highlight(tt.text, findings, 0)); got != tt.want {
				t.Errorf("highlight(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestHighlightNumbersFindingsFromTheFirstID(t *testing.T) {
	findings := []audit.Finding{{Category: audit.Date, StartOffset: 0, EndOffset: 1}, {Category: audit.Date, StartOffset: 1, EndOffset: 2}}
	if got := segmentsString(highlight("ab", findings, 40)); got != "{*40:a}{*41:b}" {
		t.Errorf("got %q", got)
	}
}

func TestHighlightTitlesNameEveryCoveringFinding(t *testing.T) {
	findings := []audit.Finding{
		{Rule: "spin.a", Category: audit.Spin, Severity: audit.Warning, StartOffset: 0, EndOffset: 4, Message: "first"},
		{Rule: "date.b", Category: audit.Date, Severity: audit.Error, StartOffset: 2, EndOffset: 4, Message: "second"},
	}
	lines := highlight("abcd", findings, 0)
	seg := lines[0].Segments[1]
	if seg.Title != "date.b (error): second\nspin.a (warning): first" {
		t.Errorf("title = %q", seg.Title)
	}
	if seg.Class != "c-date s-error multi" {
		t.Errorf("class = %q", seg.Class)
	}
}

// FuzzHighlight checks that any text and any offsets render without panicking, keep every
// character of the text in order, and produce valid UTF-8.
func FuzzHighlight(f *testing.F) {
	f.Add("abc\ndef", 1, 5, 3, 3)
	f.Add("añb\n\n", 2, 3, -1, 90)
	f.Add("\xff\xfe\n", 0, 2, 1, 1)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		findings := []audit.Finding{
			{Category: audit.Spin, StartOffset: s1, EndOffset: e1},
			{Category: audit.Category("odd"), Severity: audit.Severity(s2 % 5), StartOffset: s2, EndOffset: e2},
		}
		lines := highlight(text, findings, 0)
		var got strings.Builder
		for _, l := range lines {
			for _, s := range l.Segments {
				if !utf8.ValidString(s.Text) {
					t.Fatalf("segment %q is not valid UTF-8", s.Text)
				}
				got.WriteString(s.Text)
			}
		}
		want := strings.ReplaceAll(strings.ToValidUTF8(text, "\uFFFD"), "\n", "")
		// ToValidUTF8 on the whole text may merge invalid bytes that segments replace one
		// run at a time, so compare with the replacement characters collapsed.
		collapse := regexp.MustCompile("\uFFFD+")
		if collapse.ReplaceAllString(got.String(), "\uFFFD") != collapse.ReplaceAllString(want, "\uFFFD") {
			t.Fatalf("segments %q do not spell the text %q", got.String(), want)
		}
		if len(lines) > strings.Count(text, "\n")+1 {
			t.Fatalf("%d lines for %d line breaks", len(lines), strings.Count(text, "\n"))
		}
	})
}

// chromiumPath finds a Chromium to drive, or says why there is none.
func chromiumPath() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no chromium on PATH (Debian: apt-get install -y chromium)")
}

// TestHTMLPageWorksInHeadlessChromium opens the fixture page in a real browser: it must load
// without console errors or exceptions, list every file, highlight a known finding in place,
// sort on a heading click, hide a category on a filter click, open the detail panel from the
// mouse and the keyboard, and never run the script found in the audited text. It leaves a
// screenshot in testdata/html/screenshot.png. Without Chromium it skips, except under CI.
func TestHTMLPageWorksInHeadlessChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browser, err := chromiumPath()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but the browser test cannot run: %v", err)
		}
		t.Skipf("skipping the browser test: %v", err)
	}
	r := fixtureReport()
	page := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(page, []byte(renderHTML(t, r, Options{})), 0o644); err != nil {
		t.Fatal(err)
	}

	// The machine may have no network: every background fetch is switched off, and the
	// profile is a fresh temporary folder. A loaded machine occasionally fails to start
	// Chromium at all (the launcher exits before the DevTools pipe opens), so starting is
	// tried up to three times; a failure after start is never retried.
	newBrowser := func() (context.Context, func()) {
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(browser),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.UserDataDir(t.TempDir()),
			chromedp.WindowSize(1200, 860),
		)
		ctx, cancelCtx := chromedp.NewContext(alloc)
		return ctx, func() { cancelCtx(); cancelAlloc() }
	}
	var browserCtx context.Context
	var cancelBrowser func()
	defer func() {
		if cancelBrowser != nil {
			cancelBrowser()
		}
	}()

	var mu sync.Mutex
	var problems []string
	problem := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	// Reported on the way out, also when a check below stops the test, since a script
	// error is usually why a check failed.
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Error(p)
		}
	}()
	start := time.Now()
	for attempt := 1; attempt <= 3; attempt++ {
		browserCtx, cancelBrowser = newBrowser()
		// Listen starts the browser; its events arrive in order on the tab's reader goroutine,
		// which must not be blocked, so the handler only records.
		err = chromedp.Listen(browserCtx, func(ev any) {
			switch ev := ev.(type) {
			case *cdpruntime.EventConsoleAPICalled:
				if ev.Type == cdpruntime.ConsoleAPICalledTypeError || ev.Type == cdpruntime.ConsoleAPICalledTypeAssert {
					problem("console.%s: %s", ev.Type, consoleArgs(ev.Args))
				}
			case *cdpruntime.EventExceptionThrown:
				d := ev.ExceptionDetails
				msg := d.Text
				if d.Exception != nil {
					msg += " " + d.Exception.Description
				}
				problem("exception at %d:%d: %s", d.LineNumber+1, d.ColumnNumber+1, msg)
			case *cdplog.EventEntryAdded:
				// Content-Security-Policy violations and failed loads arrive here.
				if ev.Entry.Level == cdplog.EntryLevelError {
					problem("log (%s): %s", ev.Entry.Source, ev.Entry.Text)
				}
			case *cdppage.EventJavascriptDialogOpening:
				problem("a dialog opened (%q): script from the report ran", ev.Message)
				go chromedp.Call(browserCtx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{})
			}
		})
		if err == nil {
			break
		}
		cancelBrowser()
		cancelBrowser = nil
		time.Sleep(time.Second)
	}
	if err != nil {
		t.Fatalf("start %s: %v", browser, err)
	}
	// The timeout goes on a context derived after the browser started: a timeout on the
	// first context would stop the browser itself.
	ctx, cancel := context.WithTimeout(browserCtx, 60*time.Second)
	defer cancel()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	click := func(what, selector string) {
		t.Helper()
		do("click "+what+" ("+selector+")", chromedp.Click(chromedp.CSS(selector), chromedp.NodeVisible))
	}
	do("open "+page, chromedp.Navigate("file://"+page), chromedp.WaitReady(chromedp.CSS("body[data-ready]")))

	rows := evalJS[[]string](t, ctx, "table rows", `[...document.querySelectorAll('#score-table tbody tr td.path')].map(td => td.textContent)`)
	if len(rows) != len(r.Files) {
		t.Fatalf("score table lists %d files, want %d: %q", len(rows), len(r.Files), rows)
	}
	for i, f := range WorstFirst(r.Files) {
		if rows[i] != f.Path {
			t.Errorf("table row %d = %q, want %q (worst first)", i, rows[i], f.Path)
		}
	}
	if n := evalJS[int](t, ctx, "sections", `document.querySelectorAll('#file-views section.file').length`); n != len(r.Files) {
		t.Errorf("%d file sections inserted, want %d", n, len(r.Files))
	}

	// The known finding: the residue line of the harbour file, found by its data-f ID.
	const known = `document.querySelector('mark[data-f~="' + document.querySelector('#f0 tr[data-rule="boilerplate.phrase"]').dataset.id + '"]')`
	if got := evalJS[string](t, ctx, "known highlight", known+`.textContent`); got != "Share this article" {
		t.Errorf("highlight of the known finding reads %q, want %q", got, "Share this article")
	}
	if got := evalJS[string](t, ctx, "script in text", `document.querySelector('#f1 .text').textContent`); !strings.Contains(got, "<script>alert(1)</script>") {
		t.Errorf("the script tag in the audited text is not shown as text: %q", got)
	}

	// Sorting: the table opens worst first (score ascending); a click reverses, a second
	// click restores it; sorting by path puts paths in order.
	const firstRow = `document.querySelector('#score-table tbody tr td.path').textContent`
	click("score heading", `#score-table thead th:nth-child(2) button`)
	sortState := evalJS[string](t, ctx, "sort state", `document.querySelector('#score-table thead th:nth-child(2)').getAttribute('aria-sort')`)
	if got := evalJS[string](t, ctx, "first row", firstRow); sortState != "descending" || got == lowestScoring(r) {
		t.Errorf("a click did not reverse the worst-first order (aria-sort %q, first row %q)", sortState, got)
	}
	click("score heading again", `#score-table thead th:nth-child(2) button`)
	if got, worst := evalJS[string](t, ctx, "first row", firstRow), lowestScoring(r); got != worst {
		t.Errorf("after sorting by score the first file is %q, want the lowest scoring %q", got, worst)
	}
	click("file heading", `#score-table thead th:nth-child(1) button`)
	paths := []string{}
	for _, f := range r.Files {
		paths = append(paths, f.Path)
	}
	sort.Strings(paths)
	if got := evalJS[string](t, ctx, "first row", firstRow); got != paths[0] {
		t.Errorf("sorted by path, the first file is %q, want %q", got, paths[0])
	}

	// The detail panel opens on a click and shows rule, message and evidence.
	const panelHidden = `document.getElementById('panel').hidden`
	const panelText = `document.getElementById('panel-body').textContent`
	click("known highlight", `#f0 mark.c-boilerplate`)
	if text := evalJS[string](t, ctx, "panel text", panelText); evalJS[bool](t, ctx, "panel", panelHidden) ||
		!strings.Contains(text, "boilerplate.phrase") || !strings.Contains(text, "Share this article") {
		t.Errorf("clicking the highlight did not show its details: %q", text)
	}
	// The open panel leaves the selected highlight and the text column uncovered.
	const overlap = `(() => { const p = document.getElementById('panel').getBoundingClientRect();
		return [...document.querySelectorAll('mark.sel, #f0 .text')].some(e => { const r = e.getBoundingClientRect();
			return r.right > p.left && r.left < p.right && r.bottom > p.top && r.top < p.bottom; }); })()`
	if evalJS[bool](t, ctx, "panel overlap", overlap) {
		t.Error("the detail panel covers the text or the selected highlight")
	}
	do("press Escape", chromedp.KeyEvent(kb.Escape))
	// Evidence reads in words, and the evidence span is emphasised in the text.
	click("spun words", `#f0 mark.word`)
	if text := evalJS[string](t, ctx, "panel text", panelText); !strings.Contains(text, "similarity50 %") || strings.Contains(text, "{") {
		t.Errorf("evidence is not in words: %q", text)
	}
	do("press Escape", chromedp.KeyEvent(kb.Escape))
	if !evalJS[bool](t, ctx, "panel", panelHidden) {
		t.Error("Escape did not close the detail panel")
	}

	// The keyboard reaches a highlight and Enter opens it; evidence with </script> reads back whole.
	do("focus and press Enter", chromedp.Focus(chromedp.CSS(`#f1 mark[data-f]`)), chromedp.KeyEvent(kb.Enter))
	if text := evalJS[string](t, ctx, "panel text", panelText); !strings.Contains(text, "</script><script>alert(2)</script><!--") {
		t.Errorf("Enter on a highlight did not show its evidence: %q", text)
	}
	do("press Escape", chromedp.KeyEvent(kb.Escape))

	// Filters: hiding boilerplate hides its rows and highlights and leaves the others.
	click("boilerplate filter", `.filters input[value="boilerplate"]`)
	type filterState struct {
		RowHidden, MarkOff, SpinOff bool
		Status                      string
	}
	state := evalJS[filterState](t, ctx, "filter state", `({
		RowHidden: document.querySelector('#f0 tr[data-rule="boilerplate.phrase"]').hidden,
		MarkOff: `+known+`.classList.contains('off'),
		SpinOff: document.querySelector('#f0 mark.c-spin').classList.contains('off'),
		Status: document.getElementById('filter-status').textContent,
	})`)
	if !state.RowHidden || !state.MarkOff || state.SpinOff || state.Status == "" {
		t.Errorf("the boilerplate filter did not hide just boilerplate: %+v", state)
	}
	click("boilerplate filter", `.filters input[value="boilerplate"]`)

	// The path filter narrows the table for long runs.
	do("type a path filter", chromedp.SendKeys(chromedp.CSS("#path-filter"), "harbour"))
	if shown := evalJS[int](t, ctx, "rows shown", `[...document.querySelectorAll('#score-table tbody tr')].filter(r => !r.hidden).length`); shown != 1 {
		t.Errorf("the path filter %q left %d rows, want 1", "harbour", shown)
	}
	do("clear the path filter", chromedp.Evaluate[chromedp.Void](
		`(f => { f.value = ''; f.dispatchEvent(new Event('input')); })(document.getElementById('path-filter'))`))

	// The screenshot shows the first file's findings and text, with the panel open on the
	// overlapping findings.
	click("overlapping highlight", `#f0 mark.multi`)
	do("scroll to the first file", chromedp.Evaluate[chromedp.Void](`document.getElementById('f0').scrollIntoView()`))
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	t.Logf("browser start and checks took %v", time.Since(start).Round(time.Millisecond))
	if err := os.WriteFile(filepath.Join("testdata", "html", "screenshot.png"), shot, 0o644); err != nil {
		t.Errorf("save screenshot: %v", err)
	}

}

// TestHTMLOpensALargeReportQuickly measures how long a saved page takes to open in headless
// Chromium (navigation until the table's first rows and the first file sections are in the
// page) and checks that it opened. It is a measurement, not a unit test: it runs only when
// TEXTAUDIT_HTML_PAGE names a page, e.g. the bench corpus's (`textaudit audit -o big.html
// bbc2225 reuters21578 multinews_longbench`), and logs the time instead of asserting it.
func TestHTMLOpensALargeReportQuickly(t *testing.T) {
	page := os.Getenv("TEXTAUDIT_HTML_PAGE")
	if page == "" {
		t.Skip("set TEXTAUDIT_HTML_PAGE to a report page to measure its opening time")
	}
	browser, err := chromiumPath()
	if err != nil {
		t.Skip(err)
	}
	abs, _ := filepath.Abs(page)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(browser), chromedp.Headless,
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 860))
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelTimeout()
	// Only the page's own clock is read: waiting through the DevTools DOM would fetch the whole
	// document, which takes longer than the page itself.
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+abs)); err != nil {
		t.Fatal(err)
	}
	var ready float64
	for ready == 0 {
		time.Sleep(200 * time.Millisecond)
		ready = evalJS[float64](t, ctx, "ready", `(() => { const m = performance.getEntriesByName('textaudit-ready')[0];
			return document.body.dataset.ready && m ? m.startTime : 0; })()`)
	}
	timing := evalJS[map[string]float64](t, ctx, "timing", `(() => { const n = performance.getEntriesByType('navigation')[0];
		return {responseEnd: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd,
			sections: performance.getEntriesByName('textaudit-sections')[0].startTime}; })()`)
	t.Logf("page timing (ms): file read %.0f, DOM ready %.0f, script done %.0f, first %d sections shown %.0f",
		timing["responseEnd"], timing["domContentLoaded"], ready, 20, timing["sections"])
	opened := time.Duration(timing["sections"]) * time.Millisecond
	rows := evalJS[int](t, ctx, "rows", `document.querySelectorAll('#score-table tbody tr').length`)
	files := evalJS[int](t, ctx, "files", `JSON.parse(document.getElementById('textaudit-data').textContent).files.length`)
	st, _ := os.Stat(page)
	t.Logf("%s: %.1f MB, %d files, opened in %v with %d table rows shown", page, float64(st.Size())/1e6, files, opened.Round(10*time.Millisecond), rows)
	if rows == 0 {
		t.Error("the table shows no rows")
	}
}

// evalJS evaluates a JavaScript expression in the page and returns its value.
func evalJS[T any](t *testing.T, ctx context.Context, what, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

func consoleArgs(args []*cdpruntime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if a.Value != nil {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

func lowestScoring(r *audit.Report) string {
	worst := r.Files[0]
	for _, f := range r.Files[1:] {
		if f.Score < worst.Score {
			worst = f
		}
	}
	return worst.Path
}

// benchReport is n files of invented news-like text, each with a handful of findings,
// some overlapping and some over two lines.
func benchReport(n int) *audit.Report {
	para := "The council met on Tuesday to discuss the harbour budget, and members asked for a new survey.\n"
	var files []audit.FileReport
	for i := 0; i < n; i++ {
		doc := audit.NewDocument("corpus/file"+strconv.Itoa(i)+".txt", "Headline number "+strconv.Itoa(i)+"\n\n"+strings.Repeat(para, 30))
		files = append(files, fileReport(doc,
			audit.NewFinding(ruleDate, doc, doc.Span(0, 0), "no publication date found", nil),
			audit.NewFinding(ruleSpin, doc, doc.Span(40, 80), "odd synonym choice", audit.Evidence{"expected": "met"}),
			audit.NewFinding(ruleLanguage, doc, doc.Span(60, 200), "mixed language", nil),
			audit.NewFinding(ruleDuplicate, doc, doc.Span(500, 700), "paragraph repeats", nil),
		))
	}
	return audit.NewReport("bench", &audit.Result{Files: files})
}

// BenchmarkRender500Files compares the HTML page with the JSON report of the same 500 files
// (JSON is the baseline: it holds the findings but not the text) and reports the page's
// size per byte of audited text.
func BenchmarkRender500Files(b *testing.B) {
	r := benchReport(500)
	textBytes := 0
	for _, f := range r.Files {
		textBytes += len(f.Text)
	}
	for _, format := range []struct {
		name   string
		render Renderer
	}{{"json", JSON}, {"html", HTML}} {
		b.Run(format.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := format.render(&buf, r, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len())/float64(textBytes), "out-bytes/text-byte")
		})
	}
}

package audit

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lineCount is a corpus check that flags a line found in at least two documents; it proves
// the second pass sees every document, reference ones included.
type lineCount struct {
	rule  *Rule
	seen  map[string]int
	where map[string][]Finding
}

func (c *lineCount) Add(doc *Document, audited bool) {
	for _, l := range doc.Lines {
		if l.Blank() {
			continue
		}
		c.seen[l.Text]++
		if audited {
			c.where[l.Text] = append(c.where[l.Text], NewFinding(c.rule, doc, doc.LineSpan(l.Number, l.Number), "repeated", nil))
		}
	}
}

func (c *lineCount) Finish(report func(Finding)) {
	for text, n := range c.seen {
		if n >= 2 {
			for _, f := range c.where[text] {
				report(f)
			}
		}
	}
}

// Facts publishes how many documents the check saw, to prove corpus facts reach files.
func (c *lineCount) Facts(set func(path, key string, value any)) {
	for _, fs := range c.where {
		for _, f := range fs {
			set(f.Path, "corpus_lines", len(c.seen))
		}
	}
}

func engineRegistry(t *testing.T) *Registry {
	t.Helper()
	shout := &Rule{ID: "boilerplate.shout", Category: Boilerplate, Severity: Warning, Description: "d",
		Check: func(p *Pass) {
			for _, l := range p.Doc.Lines {
				if l.Text != "" && strings.ToUpper(l.Text) == l.Text && strings.ToLower(l.Text) != l.Text {
					p.ReportLines(l.Number, l.Number, "shouting", nil)
				}
			}
			p.SetFact("lines", len(p.Doc.Lines))
		}}
	crash := &Rule{ID: "spin.crash", Category: Spin, Severity: Warning, Description: "d",
		Check: func(p *Pass) {
			if strings.Contains(p.Doc.Text, "CRASH") {
				panic("boom")
			}
		}}
	repeated := &Rule{ID: "duplicate.line", Category: Duplicate, Severity: Warning, Description: "d"}
	repeated.NewCorpusCheck = func(*CorpusPass) CorpusCheck {
		return &lineCount{rule: repeated, seen: map[string]int{}, where: map[string][]Finding{}}
	}
	reg, err := NewRegistry([]*Rule{shout, crash, repeated})
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRunAuditsInPathOrderWithBothPasses(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.txt":     "Title\n\nSHARED LINE\n",
		"a.txt":     "Title\n\nquiet text\n",
		"ref/r.txt": "quiet text\n",
		"bin.dat":   "\x00\x01\x02",
	})
	files, err := Collect([]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "bin.dat")}, Selection{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(files, Options{Registry: engineRegistry(t), Jobs: 3, Reference: []string{filepath.Join(dir, "ref/r.txt")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 2 || !strings.HasSuffix(res.Files[0].Path, "a.txt") || !strings.HasSuffix(res.Files[1].Path, "b.txt") {
		t.Fatalf("files = %+v, want a.txt then b.txt", res.Files)
	}
	if len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0].Cause, "binary") {
		t.Errorf("skipped = %+v, want the binary file", res.Skipped)
	}
	rules := func(fr FileReport) string {
		var ids []string
		for _, f := range fr.Findings {
			ids = append(ids, f.Rule)
		}
		return strings.Join(ids, ",")
	}
	// "Title" is in both audited files; "quiet text" is in a.txt and the reference file.
	if got := rules(res.Files[0]); got != "duplicate.line,duplicate.line" {
		t.Errorf("a.txt findings = %s", got)
	}
	if got := rules(res.Files[1]); got != "duplicate.line,boilerplate.shout" {
		t.Errorf("b.txt findings = %s", got)
	}
	if res.Files[0].Facts["corpus_lines"] == nil {
		t.Errorf("a.txt facts = %v, want the corpus check's fact", res.Files[0].Facts)
	}
	if res.Files[1].Facts["lines"] != 3 {
		t.Errorf("facts = %v, want lines=3", res.Files[1].Facts)
	}
	if res.Files[1].Score >= 100 || res.Files[1].Deductions[Boilerplate] == 0 {
		t.Errorf("b.txt score %v deductions %v, want a boilerplate deduction", res.Files[1].Score, res.Files[1].Deductions)
	}
}

func TestRunTurnsARulePanicIntoAFinding(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"x.txt": "CRASH here"})
	res, err := Run([]string{filepath.Join(dir, "x.txt")}, Options{Registry: engineRegistry(t)})
	if err != nil {
		t.Fatal(err)
	}
	var msg string
	for _, f := range res.Files[0].Findings {
		if f.Rule == "spin.crash" {
			msg = f.Message
		}
	}
	if !strings.Contains(msg, "internal error in rule spin.crash: boom") {
		t.Errorf("findings = %+v, want the panic reported", res.Files[0].Findings)
	}
}

func TestRunReportsUnreadableFilesAsErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.txt": "fine"})
	res, err := Run([]string{filepath.Join(dir, "gone.txt"), filepath.Join(dir, "ok.txt")}, Options{Registry: engineRegistry(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Path, "gone.txt") || len(res.Files) != 1 {
		t.Errorf("errors = %+v files = %d, want gone.txt as an error and ok.txt audited", res.Errors, len(res.Files))
	}
}

func TestRunAppliesConfigSelection(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"x.txt": "LOUD\n", "keep/y.txt": "LOUD\n"})
	reg := engineRegistry(t)
	cfg, err := ParseConfig([]byte("disable: [boilerplate]\noverrides:\n  - paths: ['keep/**']\n    enable: [boilerplate.shout]\n    severity: {boilerplate.shout: error}\n"), reg)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := Collect([]string{dir}, Selection{})
	res, err := Run(files, Options{Registry: reg, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range res.Files {
		n := 0
		for _, f := range fr.Findings {
			if f.Rule == "boilerplate.shout" {
				n++
				if f.Severity != Error {
					t.Errorf("%s: severity %v, want error from the override", fr.Path, f.Severity)
				}
			}
		}
		want := 0
		if strings.Contains(fr.Path, "keep/") {
			want = 1
		}
		if n != want {
			t.Errorf("%s: %d shout findings, want %d", fr.Path, n, want)
		}
	}
}

func TestScoreCapsEachCategory(t *testing.T) {
	var fs []Finding
	for i := 0; i < 50; i++ {
		fs = append(fs, Finding{Category: Boilerplate, Severity: Warning})
	}
	fs = append(fs, Finding{Category: Date, Severity: Warning}, Finding{Category: Provenance, Severity: Info})
	score, ded := DefaultScoreModel.Score(fs)
	if ded[Boilerplate] != DefaultScoreModel.Cap[Boilerplate] || ded[Date] != 4 || ded[Provenance] != 0 {
		t.Errorf("deductions = %v", ded)
	}
	if want := 100 - DefaultScoreModel.Cap[Boilerplate] - 4; score != want {
		t.Errorf("score = %v, want %v", score, want)
	}
	if s, _ := DefaultScoreModel.Score(nil); s != 100 {
		t.Errorf("clean file scores %v, want 100", s)
	}
}

func TestAnalysisReportingSeveralRulesRunsWhileOneIsEnabled(t *testing.T) {
	leader := &Rule{ID: "duplicate.line", Category: Duplicate, Severity: Warning, Description: "d", Params: []Param{
		IntParam("n", 1, 0, 9, "n", func(p *testParams) *int { return &p.min })}}
	sibling := &Rule{ID: "spin.sibling", Category: Spin, Severity: Warning, Description: "d", Params: []Param{
		IntParam("m", 2, 0, 9, "m", func(p *testParams) *int { return &p.min })}}
	var gotParams []float64
	lines := &Analysis{Name: "duplicate.line", Reports: []*Rule{leader, sibling},
		NewCorpusCheck: func(p *CorpusPass) CorpusCheck {
			gotParams = []float64{p.Params.Get("n"), p.ParamsOf(sibling).Get("m")}
			return &lineCount{rule: sibling, seen: map[string]int{}, where: map[string][]Finding{}}
		}}
	reg, err := NewRegistry([]*Rule{leader, sibling}, lines)
	if err != nil {
		t.Fatal(err)
	}
	if !reg.Corpus(sibling) {
		t.Errorf("a rule reported by a corpus analysis is not marked corpus")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "same\n", "b.txt": "same\n"})
	files, _ := Collect([]string{dir}, Selection{})
	cfg, err := ParseConfig([]byte("disable: [duplicate.line]\nparams: {spin.sibling: {m: 5}}\n"), reg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(files, Options{Registry: reg, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Files[0].Findings); n != 1 || res.Files[0].Findings[0].Rule != "spin.sibling" {
		t.Errorf("findings = %+v, want the sibling's finding although the primary rule is disabled", res.Files[0].Findings)
	}
	if len(gotParams) != 2 || gotParams[0] != 1 || gotParams[1] != 5 {
		t.Errorf("parameters seen by the analysis = %v, want [1 5]", gotParams)
	}
}

func TestRegistryRejectsMiswiredAnalyses(t *testing.T) {
	check := func(*Pass) {}
	a := &Rule{ID: "spin.a", Category: Spin, Description: "d"}
	b := &Rule{ID: "spin.b", Category: Spin, Description: "d", Check: check}
	stray := &Rule{ID: "spin.stray", Category: Spin, Description: "d"}
	tests := []struct {
		name     string
		rules    []*Rule
		analyses []*Analysis
	}{
		{"rule without a reporter", []*Rule{a}, nil},
		{"two reporters", []*Rule{b}, []*Analysis{{Name: "x", Reports: []*Rule{b}, Check: check}}},
		{"unregistered rule", []*Rule{a}, []*Analysis{{Name: "x", Reports: []*Rule{a, stray}, Check: check}}},
		{"no check", []*Rule{a}, []*Analysis{{Name: "x", Reports: []*Rule{a}}}},
		{"reports nothing", nil, []*Analysis{{Name: "x", Check: check}}},
	}
	for _, tt := range tests {
		if _, err := NewRegistry(tt.rules, tt.analyses...); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
	}
}

func TestPassForReportsAnotherDeclaredRule(t *testing.T) {
	a := &Rule{ID: "date.a", Category: Date, Severity: Warning, Description: "d"}
	b := &Rule{ID: "date.b", Category: Date, Severity: Info, Description: "d", Params: []Param{
		IntParam("k", 3, 0, 9, "k", func(p *testParams) *int { return &p.min })}}
	an := &Analysis{Name: "date.a", Reports: []*Rule{a, b}, Check: func(p *Pass) {
		p.Report(0, 1, "as a", nil)
		q := p.For(b)
		q.Report(0, 1, fmt.Sprintf("as b with k=%v", q.Params.Get("k")), nil)
		q.SetFact("seen", true)
	}}
	reg, err := NewRegistry([]*Rule{a, b}, an)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "x\n"})
	res, err := Run([]string{filepath.Join(dir, "a.txt")}, Options{Registry: reg})
	if err != nil {
		t.Fatal(err)
	}
	fr := res.Files[0]
	var got []string
	for _, f := range fr.Findings {
		got = append(got, f.Rule+" "+f.Severity.String()+" "+f.Message)
	}
	want := "date.a warning as a|date.b info as b with k=3"
	if strings.Join(got, "|") != want || fr.Facts["seen"] != true {
		t.Errorf("findings = %q, facts = %v; want %q and the fact", got, fr.Facts, want)
	}
}

// orderCheck records the order in which documents reach a corpus check.
type orderCheck struct{ paths []string }

func (o *orderCheck) Add(doc *Document, audited bool) { o.paths = append(o.paths, doc.Path) }
func (o *orderCheck) Finish(func(Finding))            {}

func TestCorpusChecksSeeDocumentsInRunOrder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := 0; i < 60; i++ {
		// Uneven sizes make workers finish out of order.
		files[filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i)+".txt")] = strings.Repeat("word ", (i*7919)%2000+1)
	}
	files["ref/zz.txt"] = "reference"
	writeFiles(t, dir, files)
	var check *orderCheck
	rule := &Rule{ID: "duplicate.order", Category: Duplicate, Description: "d",
		NewCorpusCheck: func(*CorpusPass) CorpusCheck { check = &orderCheck{}; return check }}
	reg, err := NewRegistry([]*Rule{rule})
	if err != nil {
		t.Fatal(err)
	}
	audited, _ := Collect([]string{filepath.Join(dir, "d")}, Selection{})
	if _, err := Run(audited, Options{Registry: reg, Jobs: 8, Reference: []string{filepath.Join(dir, "ref/zz.txt")}}); err != nil {
		t.Fatal(err)
	}
	want := append(append([]string{}, audited...), filepath.Join(dir, "ref/zz.txt"))
	if strings.Join(check.paths, "\n") != strings.Join(want, "\n") {
		t.Errorf("corpus check saw documents out of run order:\n%v", check.paths)
	}
}
func TestOneLineYieldsAtMostMaxFindingsPerLineOfOneRule(t *testing.T) {
	every := &Rule{ID: "language.every-x", Category: Language, Severity: Warning, Description: "d",
		Check: func(p *Pass) {
			for i := 0; i < len(p.Doc.Text); i++ {
				if p.Doc.Text[i] == 'x' {
					p.Report(i, i+1, "an x", nil)
				}
			}
		}}
	tests := []struct {
		name        string
		text        string
		findings    int
		groupedLast int // the grouped finding's count, 0 when nothing is grouped
	}{
		{"a line at the cap keeps every finding", strings.Repeat("x ", MaxFindingsPerLine), MaxFindingsPerLine, 0},
		{"one past the cap is grouped", strings.Repeat("x ", MaxFindingsPerLine+1), MaxFindingsPerLine + 1, 1},
		{"a hostile line of 100,000 groups the rest into one", strings.Repeat("x", 100_000), MaxFindingsPerLine + 1, 100_000 - MaxFindingsPerLine},
		{"the cap is per line", strings.Repeat(strings.Repeat("x", 30)+"\n", 3), 3 * (MaxFindingsPerLine + 1), 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := NewDocument("f.txt", tt.text)
			p := &Pass{Doc: doc, Rule: every}
			every.Check(p)
			if len(p.findings) != tt.findings {
				t.Fatalf("%d findings, want %d", len(p.findings), tt.findings)
			}
			last := p.findings[len(p.findings)-1]
			got, _ := last.Evidence["grouped"].(int)
			if got != tt.groupedLast {
				t.Errorf("last finding groups %d, want %d (%s)", got, tt.groupedLast, last.Message)
			}
			line := doc.Lines[last.Line-1]
			if want := line.Start + strings.LastIndexByte(line.Text, 'x') + 1; last.EndOffset != want {
				t.Errorf("last finding ends at %d, want %d (the last x of its line)", last.EndOffset, want)
			}
		})
	}
}

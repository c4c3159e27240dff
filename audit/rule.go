package audit

import (
	"fmt"
	"sort"
	"strings"
)

// Rule is one kind of finding: its ID, category, default severity, meaning and tunable
// parameters. A rule is a declaration; the check that finds it is an Analysis. The common
// case, a check that reports only its own rule, is written on the rule itself (Check or
// NewCorpusCheck); a check that reports several rules, from one family or several, is an
// Analysis that lists them, so each rule is declared with its family whoever finds it.
type Rule struct {
	ID          string   // dotted, family first: "boilerplate.phrase"
	Category    Category // exactly one of the six categories
	Severity    Severity // default severity; config may override it
	Description string   // one line, shown by `textaudit rules`
	// Params declare the rule's tunable thresholds, each once with its type, default, range
	// and meaning; config may override them by name, and unknown names, wrong types and
	// values out of range are config errors naming the key.
	Params []Param

	// Check judges one document and reports this rule only (shorthand for an Analysis
	// that reports this rule alone). It must not keep the document after returning.
	Check func(p *Pass)
	// NewCorpusCheck starts a corpus-wide check for one run that reports this rule only.
	NewCorpusCheck func(p *CorpusPass) CorpusCheck
	// CheckConfig, when set, validates the parts of the user's config the rule reads
	// (language codes, say); config loading reports its error with the key.
	CheckConfig func(cfg *Config) error
}

// Analysis is one check that reports one or more rules, in the spirit of go/analysis: it
// declares the rules it reports (Reports, its primary rule first) and reports each through
// its pass. The engine runs it when any of those rules is enabled, gives it the resolved
// parameters of each, and keeps only the findings of rules enabled for the file. Exactly one
// of Check and NewCorpusCheck is set.
type Analysis struct {
	// Name identifies the analysis in messages; by convention its primary rule's ID.
	Name    string
	Reports []*Rule
	// Check judges one document. Pass.Report reports the primary rule; Pass.For(rule)
	// reports another of Reports.
	Check func(p *Pass)
	// NewCorpusCheck starts a corpus-wide check for one run; its findings (built with
	// NewFinding or NewFindingAt) must be of rules in Reports.
	NewCorpusCheck func(p *CorpusPass) CorpusCheck
}

// Corpus reports whether the analysis needs the second, corpus-wide pass.
func (a *Analysis) Corpus() bool { return a.NewCorpusCheck != nil }

// reports tells whether the analysis declares rule id.
func (a *Analysis) reports(id string) bool {
	for _, r := range a.Reports {
		if r.ID == id {
			return true
		}
	}
	return false
}

// CorpusPass is a corpus analysis's view of one run: the user's config and the resolved
// parameters of each rule it reports.
type CorpusPass struct {
	// Rule is the analysis's primary rule and Params its parameters.
	Rule   *Rule
	Params Params
	Config *Config
	params map[*Rule]Params
}

// ParamsOf returns the resolved parameters of r, one of the rules the analysis reports.
func (p *CorpusPass) ParamsOf(r *Rule) Params {
	return paramsOf(p.Rule, p.Params, p.params, r)
}

func paramsOf(primary *Rule, own Params, all map[*Rule]Params, r *Rule) Params {
	if r == primary {
		return own
	}
	prm, ok := all[r]
	if !ok {
		panic(fmt.Sprintf("textaudit: rule %s is not reported by the analysis of %s", r.ID, primary.ID))
	}
	return prm
}

// CorpusCheck is a corpus-wide analysis's state for one run. Add is called once for every
// document, in run order (audited files sorted by path, then reference files) and from one
// goroutine at a time, so a check's findings never depend on thread timing; it should keep
// only the compact index it needs, not the document. Audited tells whether the document is
// one of the audited files or only a reference from --corpus. Finish runs once, after every
// Add, and reports findings through report; each must be of a rule the analysis declares.
type CorpusCheck interface {
	Add(doc *Document, audited bool)
	Finish(report func(Finding))
}

// SignatureCheck is implemented by corpus checks whose Add splits into a pure per-document
// step and an index step, so the cache can keep the first: Signature extracts from one
// document what Add would index, as bytes (it may run on several documents at once and must
// not touch the check's index); AddSignature indexes a signature in Add's place, with the
// same effect as Add on the document it came from, and is called like Add: once per
// document, in run order, one at a time. A signature may be made for an audited file and
// used for a reference one, or the reverse. An error from AddSignature (a signature it
// cannot read, returned before the index is touched) makes the engine rebuild the document
// and call Add. A corpus check that does
// not implement it gets Add with the document on every run, cached or not (correct, only
// slower).
type SignatureCheck interface {
	CorpusCheck
	Signature(doc *Document) ([]byte, error)
	AddSignature(path string, sig []byte, audited bool) error
}

// CorpusMemo is implemented by corpus checks that keep work between runs in the cache, as
// comparisons keyed by the content they compared, so that a run after a few files changed
// redoes only the comparisons touching them. LoadMemo gets what the last run with the same
// run key over the same folder saved (nil when none), before the first Add; SaveMemo, after
// Finish, returns what to keep (nil: nothing). A memo only spares work: findings must be
// the same with it as without, and one LoadMemo cannot read is ignored. Without a cache
// neither is called.
type CorpusMemo interface {
	LoadMemo(memo []byte)
	SaveMemo() []byte
}

// CorpusFacts is implemented by corpus checks that publish file-level facts (provenance
// inherited through copies, say); the engine calls Facts after Finish.
type CorpusFacts interface {
	Facts(set func(path, key string, value any))
}

// Pass is one analysis's view of one document.
type Pass struct {
	Doc *Document
	// Rule is the rule Report reports: the analysis's primary rule, or the one For chose.
	Rule *Rule
	// Params are Rule's resolved parameters.
	Params Params
	// Config gives rules the user's lists (extra phrases, candidate languages, --now).
	Config *Config
	// params holds the parameters of every rule the analysis reports; parent is the pass a
	// pass made by For records into.
	params map[*Rule]Params
	parent *Pass
	// Facts are file-level values a rule publishes into the report ("language", "date", ...).
	facts    map[string]any
	findings []Finding
	// perLine counts findings by rule and starting line, and grouped holds, by rule and line,
	// the index of the finding that stands for those past MaxFindingsPerLine. Both live on
	// the root pass, like the findings.
	perLine map[ruleLine]int
	grouped map[ruleLine]int
}

// For returns a view of the pass that reports r, another rule the analysis declares; its
// findings and facts are the pass's own.
func (p *Pass) For(r *Rule) *Pass {
	root := p.root()
	return &Pass{Doc: p.Doc, Rule: r, Params: paramsOf(root.Rule, root.Params, root.params, r),
		Config: p.Config, params: root.params, parent: root}
}

// ParamsOf returns the resolved parameters of r, one of the rules the analysis reports.
func (p *Pass) ParamsOf(r *Rule) Params {
	root := p.root()
	return paramsOf(root.Rule, root.Params, root.params, r)
}

func (p *Pass) root() *Pass {
	if p.parent != nil {
		return p.parent
	}
	return p
}

// MaxFindingsPerLine caps the findings one rule reports on one line: one line of hostile
// input (100,000 invalid bytes, a megabyte of mixed scripts) must not yield an unbounded
// report. The findings past the cap are folded into one more finding that counts them.
const MaxFindingsPerLine = 20

// Report records a finding over the byte range [start, end) of the document. The message
// must say specifically what is wrong; evidence["text"] defaults to the matched text.
func (p *Pass) Report(start, end int, message string, ev Evidence) {
	p.ReportSpan(p.Doc.Span(start, end), message, ev)
}

// ReportLines records a finding over whole lines first..last (1-based, inclusive).
func (p *Pass) ReportLines(first, last int, message string, ev Evidence) {
	p.ReportSpan(p.Doc.LineSpan(first, last), message, ev)
}

// ReportSpan records a finding at an already located span.
func (p *Pass) ReportSpan(s Span, message string, ev Evidence) {
	p.add(s, NewFinding(p.Rule, p.Doc, s, message, ev))
}

// add records f, found at s, on the root pass, within the per-line cap.
func (p *Pass) add(s Span, f Finding) {
	root := p.root()
	key := ruleLine{p.Rule.ID, s.Line}
	if root.perLine == nil {
		root.perLine = map[ruleLine]int{}
	}
	root.perLine[key]++
	if n := root.perLine[key]; n > MaxFindingsPerLine {
		p.group(s, n-MaxFindingsPerLine)
		return
	}
	root.findings = append(root.findings, f)
}

// ruleLine keys the per-line cap: one rule's findings on one line.
type ruleLine struct {
	rule string
	line int
}

// group folds a finding past the per-line cap into the line's grouped finding, which spans
// from the first folded finding to the last one and says how many it stands for.
func (p *Pass) group(s Span, folded int) {
	root := p.root()
	key := ruleLine{p.Rule.ID, s.Line}
	if root.grouped == nil {
		root.grouped = map[ruleLine]int{}
	}
	i, ok := root.grouped[key]
	if !ok {
		root.grouped[key] = len(root.findings)
		// The fingerprint names the line's first characters, not its number, so a baseline
		// keeps matching when lines move.
		head := p.Doc.Text[s.StartOffset:s.EndOffset]
		msg := fmt.Sprintf("more %s findings on this line than the %d listed, grouped into one (evidence.grouped counts them)",
			p.Rule.ID, MaxFindingsPerLine)
		root.findings = append(root.findings, NewFinding(p.Rule, p.Doc, s, msg, Evidence{"text": head}))
		i = len(root.findings) - 1
	}
	f := &root.findings[i]
	if s.EndOffset > f.EndOffset {
		f.EndOffset, f.EndLine, f.EndColumn = s.EndOffset, s.EndLine, s.EndColumn
	}
	f.Evidence["grouped"] = folded
}

// ReportWithSeverity is Report at severity sev instead of the rule's default, for a rule
// whose confidence varies from finding to finding; a severity set in the config still
// overrides it.
func (p *Pass) ReportWithSeverity(sev Severity, start, end int, message string, ev Evidence) {
	s := p.Doc.Span(start, end)
	f := NewFinding(p.Rule, p.Doc, s, message, ev)
	f.Severity = sev
	p.add(s, f)
}

// SetFact publishes a file-level value (it appears as a field of the file in JSON).
func (p *Pass) SetFact(key string, value any) {
	root := p.root()
	if root.facts == nil {
		root.facts = map[string]any{}
	}
	root.facts[key] = value
}

// Findings returns what the pass has reported so far (tests and benchmarks run checks
// directly).
func (p *Pass) Findings() []Finding { return p.root().findings }

// NewFinding builds a located, fingerprinted finding of rule r in doc. Corpus checks use it
// during Add, while they still hold the document, to keep located findings for Finish.
func NewFinding(r *Rule, doc *Document, s Span, message string, ev Evidence) Finding {
	if ev == nil {
		ev = Evidence{}
	}
	if matched, _ := ev["text"].(string); matched == "" {
		ev["text"] = doc.Text[s.StartOffset:s.EndOffset]
	}
	return NewFindingAt(r, doc.Path, s, message, ev)
}

// NewFindingAt builds a finding for a document no longer in memory: corpus checks that kept
// only a span and the matched text call it in Finish. The matched text must be in
// ev["text"]; it feeds the fingerprint.
func NewFindingAt(r *Rule, path string, s Span, message string, ev Evidence) Finding {
	matched, _ := ev["text"].(string)
	f := Finding{
		Rule:     r.ID,
		Category: r.Category,
		Severity: r.Severity,
		Path:     path,
		Message:  message,
		Evidence: ev,
	}
	f.locate(s)
	f.Fingerprint = Fingerprint(r.ID, path, matched)
	return f
}

// Registry is the ordered set of known rules and of the analyses that report them.
type Registry struct {
	rules    []*Rule
	byID     map[string]*Rule
	analyses []*Analysis // ordered by primary rule ID
	reporter map[*Rule]*Analysis
}

// NewRegistry validates and registers rules and the analyses that report several of them;
// a rule with a Check or NewCorpusCheck of its own is its own analysis. A malformed or
// duplicate rule, a rule no analysis reports or two report, or an analysis reporting an
// unregistered rule is an error.
func NewRegistry(rules []*Rule, analyses ...*Analysis) (*Registry, error) {
	reg := &Registry{byID: map[string]*Rule{}, reporter: map[*Rule]*Analysis{}}
	for _, r := range rules {
		if err := validateRule(r); err != nil {
			return nil, err
		}
		if _, dup := reg.byID[r.ID]; dup {
			return nil, fmt.Errorf("rule %s registered twice", r.ID)
		}
		reg.byID[r.ID] = r
		reg.rules = append(reg.rules, r)
	}
	sort.SliceStable(reg.rules, func(i, j int) bool { return reg.rules[i].ID < reg.rules[j].ID })
	all := append([]*Analysis(nil), analyses...)
	for _, r := range reg.rules {
		if r.Check != nil || r.NewCorpusCheck != nil {
			all = append(all, &Analysis{Name: r.ID, Reports: []*Rule{r}, Check: r.Check, NewCorpusCheck: r.NewCorpusCheck})
		}
	}
	for _, a := range all {
		if err := reg.addAnalysis(a); err != nil {
			return nil, err
		}
	}
	for _, r := range reg.rules {
		if reg.reporter[r] == nil {
			return nil, fmt.Errorf("rule %s: no check and no analysis reports it", r.ID)
		}
	}
	sort.SliceStable(reg.analyses, func(i, j int) bool { return reg.analyses[i].Reports[0].ID < reg.analyses[j].Reports[0].ID })
	return reg, nil
}

func (reg *Registry) addAnalysis(a *Analysis) error {
	switch {
	case a == nil:
		return fmt.Errorf("nil analysis")
	case len(a.Reports) == 0:
		return fmt.Errorf("analysis %s reports no rule", a.Name)
	case (a.Check == nil) == (a.NewCorpusCheck == nil):
		return fmt.Errorf("analysis %s: set exactly one of Check and NewCorpusCheck", a.Name)
	}
	for _, r := range a.Reports {
		if reg.byID[r.ID] != r {
			return fmt.Errorf("analysis %s reports %s, which is not registered", a.Name, r.ID)
		}
		if prev := reg.reporter[r]; prev != nil {
			return fmt.Errorf("rule %s reported by both %s and %s", r.ID, prev.Name, a.Name)
		}
		reg.reporter[r] = a
	}
	reg.analyses = append(reg.analyses, a)
	return nil
}

func validateRule(r *Rule) error {
	switch {
	case r == nil:
		return fmt.Errorf("nil rule")
	case !strings.Contains(r.ID, "."):
		return fmt.Errorf("rule %q: ID must be dotted (family.name)", r.ID)
	case !r.Category.Valid():
		return fmt.Errorf("rule %s: unknown category %q", r.ID, r.Category)
	case r.Description == "":
		return fmt.Errorf("rule %s: missing description", r.ID)
	case r.Check != nil && r.NewCorpusCheck != nil:
		return fmt.Errorf("rule %s: set at most one of Check and NewCorpusCheck", r.ID)
	}
	return validateParams(r)
}

// Analyses returns the registered analyses, ordered by their primary rule's ID.
func (reg *Registry) Analyses() []*Analysis { return reg.analyses }

// Reporter returns the analysis that reports rule r.
func (reg *Registry) Reporter(r *Rule) *Analysis { return reg.reporter[r] }

// Corpus reports whether rule r is found by a corpus-wide analysis.
func (reg *Registry) Corpus(r *Rule) bool {
	a := reg.reporter[r]
	return a != nil && a.Corpus()
}

// Rules returns the registered rules sorted by ID.
func (reg *Registry) Rules() []*Rule { return reg.rules }

// Lookup finds a rule by ID.
func (reg *Registry) Lookup(id string) (*Rule, bool) {
	r, ok := reg.byID[id]
	return r, ok
}

// Match returns the rules whose ID equals sel or starts with sel followed by a dot, so
// "boilerplate" selects the whole family.
func (reg *Registry) Match(sel string) []*Rule {
	var out []*Rule
	for _, r := range reg.rules {
		if matchesSelector(r.ID, sel) {
			out = append(out, r)
		}
	}
	return out
}

func matchesSelector(id, sel string) bool {
	return id == sel || strings.HasPrefix(id, sel+".") || sel == "*"
}

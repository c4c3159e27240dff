package audit

import (
	"fmt"
	"sort"
	"strings"
)

// Rule is one check, registered as a value. A rule is either per-document (Check is set) or
// corpus-wide (NewCorpusCheck is set): corpus rules see every document in a first pass and
// report in a second, which is what cross-file duplicates and line frequency need.
type Rule struct {
	ID          string   // dotted, family first: "boilerplate.phrase"
	Category    Category // exactly one of the six categories
	Severity    Severity // default severity; config may override it
	Description string   // one line, shown by `textaudit rules`
	// Params are the rule's tunable thresholds with their defaults; config may override them
	// by name, and unknown names are config errors.
	Params map[string]float64

	// Check judges one document. It must not keep the document after returning.
	Check func(p *Pass)
	// NewCorpusCheck starts a corpus-wide check for one run.
	NewCorpusCheck func(params Params, cfg *Config) CorpusCheck
	// CheckConfig, when set, validates the parts of the user's config the rule reads
	// (language codes, say); config loading reports its error with the key.
	CheckConfig func(cfg *Config) error
	// ReportedBy names the corpus rule whose pass reports this rule's findings, when one
	// index serves several rules (duplicate.cross also finds whole-document copies). The
	// engine runs that pass when either rule is enabled and keeps only enabled rules' findings.
	ReportedBy *Rule
	// SentencesOnDemand marks a rule that reads sentences only through Document.Sentences,
	// never the Paragraph.Sentences field. When every rule of a run is marked, documents
	// are built without splitting sentences up front (UAX #29 segmentation is a good part
	// of building a document), and only the paragraphs asked for are split.
	SentencesOnDemand bool
}

// Corpus reports whether the rule needs the second, corpus-wide pass.
func (r *Rule) Corpus() bool { return r.NewCorpusCheck != nil || r.ReportedBy != nil }

// Params are the resolved thresholds of one rule for one run.
type Params map[string]float64

// Get returns a parameter; asking for an undeclared one is a programming error and panics
// in tests rather than silently reading zero.
func (p Params) Get(name string) float64 {
	v, ok := p[name]
	if !ok {
		panic(fmt.Sprintf("textaudit: undeclared rule parameter %q", name))
	}
	return v
}

// CorpusCheck is a corpus-wide rule's state for one run. Add is called once for every
// document, in run order (audited files sorted by path, then reference files) and from one
// goroutine at a time, so a check's findings never depend on thread timing; it should keep
// only the compact index it needs, not the document. Audited tells whether the document is
// one of the audited files or only a reference from --corpus. Finish runs once, after every
// Add, and reports findings through report.
type CorpusCheck interface {
	Add(doc *Document, audited bool)
	Finish(report func(Finding))
}

// CorpusFacts is implemented by corpus checks that publish file-level facts (provenance
// inherited through copies, say); the engine calls Facts after Finish.
type CorpusFacts interface {
	Facts(set func(path, key string, value any))
}

// Pass is one rule's view of one document.
type Pass struct {
	Doc    *Document
	Rule   *Rule
	Params Params
	// Config gives rules the user's lists (extra phrases, candidate languages, --now).
	Config *Config
	// Facts are file-level values a rule publishes into the report ("language", "date", ...).
	facts    map[string]any
	findings []Finding
}

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
	p.findings = append(p.findings, NewFinding(p.Rule, p.Doc, s, message, ev))
}

// ReportWithSeverity is Report at severity sev instead of the rule's default, for a rule
// whose confidence varies from finding to finding; a severity set in the config still
// overrides it.
func (p *Pass) ReportWithSeverity(sev Severity, start, end int, message string, ev Evidence) {
	f := NewFinding(p.Rule, p.Doc, p.Doc.Span(start, end), message, ev)
	f.Severity = sev
	p.findings = append(p.findings, f)
}

// SetFact publishes a file-level value (it appears as a field of the file in JSON).
func (p *Pass) SetFact(key string, value any) {
	if p.facts == nil {
		p.facts = map[string]any{}
	}
	p.facts[key] = value
}

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

// Registry is the ordered set of known rules.
type Registry struct {
	rules []*Rule
	byID  map[string]*Rule
}

// NewRegistry validates and registers rules; a malformed or duplicate rule is an error.
func NewRegistry(rules ...*Rule) (*Registry, error) {
	reg := &Registry{byID: map[string]*Rule{}}
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
	return reg, nil
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
	case r.ReportedBy != nil && (r.Check != nil || r.NewCorpusCheck != nil):
		return fmt.Errorf("rule %s: a rule reported by %s has no check of its own", r.ID, r.ReportedBy.ID)
	case r.ReportedBy != nil && r.ReportedBy.NewCorpusCheck == nil:
		return fmt.Errorf("rule %s: reported by %s, which is not a corpus rule", r.ID, r.ReportedBy.ID)
	case r.ReportedBy == nil && (r.Check == nil) == (r.NewCorpusCheck == nil):
		return fmt.Errorf("rule %s: set exactly one of Check and NewCorpusCheck", r.ID)
	}
	return nil
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

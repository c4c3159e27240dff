package audit

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
)

// FileReport is the audit of one file.
type FileReport struct {
	Path       string               `json:"path"`
	Score      float64              `json:"score"`
	Deductions map[Category]float64 `json:"deductions"`
	Findings   []Finding            `json:"findings"`
	// Facts are file-level values published by rules ("language", "date", "provenance", ...);
	// they are written as fields of the file object.
	Facts map[string]any `json:"-"`
	// Text is the decoded text, kept only when Options.KeepText asks for it (HTML, explain).
	Text string `json:"-"`
}

// Notice is a file skipped or an input problem, named with its cause.
type Notice struct {
	Path  string `json:"path"`
	Cause string `json:"cause"`
}

// Result is one run's outcome, before rendering.
type Result struct {
	Files   []FileReport
	Skipped []Notice // binary or oversized files: not audited, not an error
	Errors  []Notice // unreadable inputs: the run exits 2
	Rules   []*Rule  // the rules enabled for this run (for some path at least)
}

// Options configure one run of the engine.
type Options struct {
	Registry    *Registry
	Config      *Config
	Jobs        int   // worker count; 0 means the number of CPUs
	MaxFileSize int64 // 0 means no limit
	// Reference lists files that corpus rules compare against but that are not audited
	// themselves (--corpus). Files that are also audited are audited once.
	Reference []string
	KeepText  bool
	Score     ScoreModel
	// Progress, when set, is called after each file is read and analysed.
	Progress func(done, total int)
}

type activeRule struct {
	rule   *Rule
	params Params
	corpus CorpusCheck
}

// Run audits files (already collected and sorted) and returns per-file reports in path order.
func Run(files []string, opt Options) (*Result, error) {
	if opt.Registry == nil {
		return nil, errors.New("no rule registry")
	}
	cfg := opt.Config
	if cfg == nil {
		cfg = &Config{}
	}
	if opt.Score.Weight == nil {
		opt.Score = DefaultScoreModel
	}
	enabled := func(r *Rule) bool { return cfg.RuleEnabled(r.ID) || enabledByOverride(cfg, r.ID) }
	// A corpus pass runs when its rule or any rule it reports for is enabled.
	needed := map[*Rule]bool{}
	for _, r := range opt.Registry.Rules() {
		if r.ReportedBy != nil && enabled(r) {
			needed[r.ReportedBy] = true
		}
	}
	var active []activeRule
	for _, r := range opt.Registry.Rules() {
		if r.ReportedBy != nil || (!enabled(r) && !needed[r]) {
			continue
		}
		a := activeRule{rule: r, params: cfg.ParamsFor(r)}
		if r.NewCorpusCheck != nil {
			a.corpus = r.NewCorpusCheck(a.params, cfg)
		}
		active = append(active, a)
	}

	audited := map[string]bool{}
	for _, f := range files {
		audited[f] = true
	}
	var refs []string
	for _, f := range opt.Reference {
		if !audited[f] {
			refs = append(refs, f)
		}
	}
	hasCorpus, withSentences := false, false
	for _, a := range active {
		hasCorpus = hasCorpus || a.corpus != nil
		withSentences = withSentences || !a.rule.SentencesOnDemand
	}
	if !hasCorpus {
		refs = nil
	}

	type job struct {
		seq     int // position in the run: audited files in path order, then references
		index   int
		path    string
		audited bool
	}
	type outcome struct {
		report  FileReport
		err     error
		skipped bool
	}
	total := len(files) + len(refs)
	results := make([]outcome, len(files))
	jobs := make(chan job)
	workers := opt.Jobs
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	// Corpus checks see documents in run order, one at a time, whichever worker finished
	// first: their findings then never depend on thread timing. Workers hand documents to
	// one indexing goroutine that restores the order with a small reorder buffer.
	type indexed struct {
		seq     int
		doc     *Document // nil when the file could not be read
		audited bool
	}
	toIndex := make(chan indexed, 4*workers)
	indexDone := make(chan struct{})
	go func() {
		defer close(indexDone)
		pending := map[int]indexed{}
		next := 0
		for it := range toIndex {
			pending[it.seq] = it
			for {
				cur, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if cur.doc == nil {
					continue
				}
				for _, a := range active {
					if a.corpus != nil {
						a.corpus.Add(cur.doc, cur.audited)
					}
				}
			}
		}
	}()
	var wg sync.WaitGroup
	var progressMu sync.Mutex
	done := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				doc, err := readDocument(j.path, opt.MaxFileSize, withSentences)
				if j.audited {
					o := &results[j.index]
					o.report.Path = j.path
					switch {
					case errors.Is(err, ErrBinary) || errors.Is(err, ErrTooLarge):
						o.skipped, o.err = true, err
					case err != nil:
						o.err = err
					default:
						o.report = analyse(doc, active, cfg, opt.KeepText)
					}
				}
				if hasCorpus {
					if err != nil {
						doc = nil
					}
					toIndex <- indexed{seq: j.seq, doc: doc, audited: j.audited}
				}
				if opt.Progress != nil {
					progressMu.Lock()
					done++
					opt.Progress(done, total)
					progressMu.Unlock()
				}
			}
		}()
	}
	for i, f := range files {
		jobs <- job{seq: i, index: i, path: f, audited: true}
	}
	for i, f := range refs {
		jobs <- job{seq: len(files) + i, path: f}
	}
	close(jobs)
	wg.Wait()
	close(toIndex)
	<-indexDone

	res := &Result{}
	for _, r := range opt.Registry.Rules() {
		if enabled(r) {
			res.Rules = append(res.Rules, r)
		}
	}
	byPath := map[string]*FileReport{}
	for i := range results {
		o := &results[i]
		switch {
		case o.skipped:
			res.Skipped = append(res.Skipped, Notice{Path: o.report.Path, Cause: o.err.Error()})
		case o.err != nil:
			res.Errors = append(res.Errors, Notice{Path: o.report.Path, Cause: o.err.Error()})
		default:
			res.Files = append(res.Files, o.report)
		}
	}
	for i := range res.Files {
		byPath[res.Files[i].Path] = &res.Files[i]
	}
	for _, a := range active {
		if a.corpus == nil {
			continue
		}
		a.corpus.Finish(func(f Finding) {
			if fr, ok := byPath[f.Path]; ok {
				fr.Findings = append(fr.Findings, f)
			}
		})
		if cf, ok := a.corpus.(CorpusFacts); ok {
			cf.Facts(func(path, key string, value any) {
				fr, ok := byPath[path]
				if !ok {
					return
				}
				if fr.Facts == nil {
					fr.Facts = map[string]any{}
				}
				fr.Facts[key] = value
			})
		}
	}
	for i := range res.Files {
		fr := &res.Files[i]
		fr.Findings = resolveFindings(cfg, fr.Findings)
		fr.Score, fr.Deductions = opt.Score.Score(fr.Findings)
	}
	return res, nil
}

// enabledByOverride keeps a globally disabled rule running when some path override enables
// it again; the per-finding resolution then drops it elsewhere.
func enabledByOverride(cfg *Config, id string) bool {
	for _, o := range cfg.Overrides {
		if selected(id, o.Disable, o.Enable, false) {
			return true
		}
	}
	return false
}

// analyse runs every per-document rule on one document.
func analyse(doc *Document, active []activeRule, cfg *Config, keepText bool) (fr FileReport) {
	fr.Path = doc.Path
	if keepText {
		fr.Text = doc.Text
	}
	for _, a := range active {
		if a.rule.Check == nil {
			continue
		}
		p := &Pass{Doc: doc, Rule: a.rule, Params: a.params, Config: cfg}
		runCheck(a.rule, p)
		fr.Findings = append(fr.Findings, p.findings...)
		for k, v := range p.facts {
			if fr.Facts == nil {
				fr.Facts = map[string]any{}
			}
			fr.Facts[k] = v
		}
	}
	return fr
}

// runCheck isolates a rule's panic so one faulty rule on one odd file cannot take the run
// down; the panic is turned into an error finding that names the rule.
func runCheck(r *Rule, p *Pass) {
	defer func() {
		if v := recover(); v != nil {
			p.findings = append(p.findings, Finding{
				Rule: r.ID, Category: r.Category, Severity: Error, Path: p.Doc.Path,
				Line: 1, EndLine: 1, Column: 1, EndColumn: 1,
				Message:     fmt.Sprintf("internal error in rule %s: %v (please report this)", r.ID, v),
				Fingerprint: Fingerprint(r.ID, p.Doc.Path, "internal error"),
			})
		}
	}()
	r.Check(p)
}

// resolveFindings applies config selection and severity, then orders findings by position.
func resolveFindings(cfg *Config, in []Finding) []Finding {
	out := in[:0]
	for _, f := range in {
		sev, on := cfg.Resolve(f)
		if !on {
			continue
		}
		f.Severity = sev
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
	if out == nil {
		out = []Finding{}
	}
	return out
}

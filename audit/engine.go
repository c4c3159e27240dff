package audit

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
	// Cache, when set, keeps per-file results between runs: a file whose bytes, path, role
	// and run key match an entry is not analysed again (see Cache).
	Cache *Cache
}

// activeAnalysis is an analysis that runs in this run, with its rules' parameters.
type activeAnalysis struct {
	analysis *Analysis
	params   map[*Rule]Params
	corpus   CorpusCheck // nil for per-document analyses
}

// runState is one run: its options, its active analyses and where documents go.
type runState struct {
	opt       Options
	cfg       *Config
	active    []activeAnalysis
	hasCorpus bool
	// corpus are the active corpus analyses, in run order; a file's signatures are
	// stored in this order.
	corpus []activeAnalysis
	cache  *Cache
	key    [32]byte   // the run's key, when cache is set
	pack   *packState // the run's pack, when cache is set
	// crun follows the corpus input, when the run has a pack and corpus analyses; replay is
	// the output kept for the same input, when the pack had it (replay.go).
	crun   *corpusRun
	replay []corpusEvent
}

// Run audits files (already collected and sorted) and returns per-file reports in path order.
func Run(files []string, opt Options) (*Result, error) {
	if opt.Registry == nil {
		return nil, errors.New("no rule registry")
	}
	if opt.Config == nil {
		opt.Config = &Config{}
	}
	if opt.Score.Weight == nil {
		opt.Score = DefaultScoreModel
	}
	st := &runState{opt: opt, cfg: opt.Config}
	if err := st.activate(); err != nil {
		return nil, err
	}
	refs := st.references(files)
	if opt.Cache != nil {
		if tool := opt.Cache.toolID(); tool != "" {
			// The start is taken before any file is looked at: the stats the run records are
			// trusted by the next run only if the files had not changed for a while by then.
			start := opt.Cache.clock()
			st.cache, st.key = opt.Cache, st.runKey(tool)
			st.pack = st.cache.openPack(packKey(st.key, files), len(files)+len(refs), start)
			if st.hasCorpus {
				st.crun = newCorpusRun(st.cfg, st.pack.old.corpus != nil)
			}
		}
	}
	st.loadMemos()
	outcomes := st.analyseAll(files, refs)
	if st.pack != nil {
		st.pack.settle()
	}
	res := collect(opt.Registry, st.cfg, outcomes)
	st.finishCorpus(res)
	st.saveMemos()
	score(st.cfg, opt.Score, res)
	if st.cache != nil {
		st.cache.writePack(st.pack)
		_ = st.cache.Trim() // a cache that cannot be trimmed is not the audit's failure
	}
	return res, nil
}

// enabled reports whether a rule runs for some path at least.
func (st *runState) enabled(r *Rule) bool {
	return st.cfg.RuleEnabled(r.ID) || enabledByOverride(st.cfg, r.ID)
}

// activate picks the analyses to run: those reporting at least one enabled rule. Their
// parameters are resolved for every rule they report, enabled or not, so an analysis
// behaves the same whichever of its rules the user keeps.
func (st *runState) activate() error {
	for _, a := range st.opt.Registry.Analyses() {
		on := false
		for _, r := range a.Reports {
			on = on || st.enabled(r)
		}
		if !on {
			continue
		}
		aa := activeAnalysis{analysis: a, params: map[*Rule]Params{}}
		for _, r := range a.Reports {
			prm, err := st.cfg.ParamsFor(r)
			if err != nil {
				return err
			}
			aa.params[r] = prm
		}
		if a.NewCorpusCheck != nil {
			primary := a.Reports[0]
			aa.corpus = a.NewCorpusCheck(&CorpusPass{Rule: primary, Params: aa.params[primary], Config: st.cfg, params: aa.params})
			st.hasCorpus = true
			st.corpus = append(st.corpus, aa)
		}
		st.active = append(st.active, aa)
	}
	return nil
}

// references are the --corpus files not audited themselves, read only when a corpus
// analysis runs.
func (st *runState) references(files []string) []string {
	if !st.hasCorpus {
		return nil
	}
	audited := map[string]bool{}
	for _, f := range files {
		audited[f] = true
	}
	var refs []string
	for _, f := range st.opt.Reference {
		if !audited[f] {
			refs = append(refs, f)
		}
	}
	return refs
}

// job is one file to read: its position in the run (audited files in path order, then
// references) and, for audited files, its slot in the outcomes.
type job struct {
	seq     int
	path    string
	audited bool
}

// outcome is what became of one audited file.
type outcome struct {
	report  FileReport
	err     error
	skipped bool
}

// indexed is a document on its way to the corpus analyses: its signatures (by corpus
// analysis) and, when some analysis has none for it, the document or its bytes. ok is
// false when the file could not be read.
type indexed struct {
	seq     int
	ok      bool
	path    string
	audited bool
	sigs    [][]byte
	doc     *Document
	raw     []byte
	hash    [32]byte // of raw, when the run has a cache
}

// analyseAll is the worker pool: workers read each file, run the per-document analyses on
// audited ones and hand every document to the corpus indexer.
func (st *runState) analyseAll(files, refs []string) []outcome {
	total := len(files) + len(refs)
	outcomes := make([]outcome, len(files))
	jobs := make(chan job)
	workers := st.opt.Jobs
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var toIndex chan indexed
	indexDone := make(chan struct{})
	if st.hasCorpus {
		toIndex = make(chan indexed, 4*workers)
		go st.index(toIndex, indexDone)
	} else {
		close(indexDone)
	}
	progress := st.progress(total)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				it, out := st.process(j)
				if j.audited {
					outcomes[j.seq] = out
				}
				if toIndex != nil {
					toIndex <- it
				}
				progress()
			}
		}()
	}
	for i, f := range files {
		jobs <- job{seq: i, path: f, audited: true}
	}
	for i, f := range refs {
		jobs <- job{seq: len(files) + i, path: f}
	}
	close(jobs)
	wg.Wait()
	if toIndex != nil {
		close(toIndex)
	}
	<-indexDone
	return outcomes
}

// process reads one file and produces its result, from the cache when an intact record has
// it, otherwise by building the document, running the per-document analyses (audited files
// only) and extracting corpus signatures, which it then caches.
func (st *runState) process(j job) (indexed, outcome) {
	it := indexed{seq: j.seq, audited: j.audited}
	path := filepath.ToSlash(j.path)
	var raw []byte
	var res *fileResult
	var rec *packRecord
	var err error
	if st.pack != nil {
		res, raw, rec, it.hash, err = st.cached(j, path)
	} else {
		raw, err = readRaw(j.path, st.opt.MaxFileSize)
	}
	if err != nil {
		return it, failed(j.path, err)
	}
	var doc *Document
	if res == nil || (j.audited && st.opt.KeepText) {
		if doc, err = Decode(path, raw); err != nil {
			return it, failed(j.path, err)
		}
	}
	if res == nil {
		res = &fileResult{sigs: make([][]byte, len(st.corpus))}
		if j.audited {
			fr := analyse(doc, st.active, st.cfg, false)
			res.findings, res.facts = fr.Findings, fr.Facts
		}
		for i, a := range st.corpus {
			if sc, ok := a.corpus.(SignatureCheck); ok {
				if sig, err := sc.Signature(doc); err == nil {
					if sig == nil {
						sig = []byte{} // nil stands for "no signature"
					}
					res.sigs[i] = sig
				}
			}
		}
		if rec != nil {
			if body, ok := encodeResult(res); ok {
				rec.body = body
				st.pack.add(j.seq, rec)
			}
		}
	}
	it.ok, it.path, it.sigs = true, path, res.sigs
	for _, sig := range res.sigs {
		if sig == nil {
			// Some corpus analysis needs the document itself: build it here, in parallel,
			// rather than in the indexer.
			if doc == nil {
				if raw == nil {
					if raw, err = readRaw(j.path, st.opt.MaxFileSize); err != nil {
						return indexed{seq: j.seq}, failed(j.path, err)
					}
				}
				if doc, err = Decode(path, raw); err != nil {
					return indexed{seq: j.seq}, failed(j.path, err)
				}
			}
			it.doc = doc
			break
		}
	}
	it.raw = raw
	out := outcome{report: FileReport{Path: path, Findings: res.findings, Facts: res.facts}}
	if j.audited && st.opt.KeepText {
		out.report.Text = doc.Text
	}
	return it, out
}

// cached looks one file up in the run's pack. A record whose stat still matches the file's
// (and was not racy when made) is trusted without reading the file: raw is then nil.
// Otherwise the file is read and its bytes' hash must match the record's. When neither
// holds, res is nil and rec is the record to fill with the file's new result.
func (st *runState) cached(j job, path string) (res *fileResult, raw []byte, rec *packRecord, hash [32]byte, err error) {
	ps, c := st.pack, st.cache
	old := ps.lookup(path, j.audited)
	var stat statKey
	if fi, err := os.Stat(j.path); err == nil && fi.Mode().IsRegular() {
		stat = statKeyOf(fi)
		tooLarge := st.opt.MaxFileSize > 0 && fi.Size() > st.opt.MaxFileSize
		if old != nil && old.stat.ok && old.stat == stat && !tooLarge && !(j.audited && st.opt.KeepText) {
			if res, err := decodeResult(old.body, len(st.corpus)); err == nil {
				c.hits.Add(1)
				ps.keep(j.seq, old)
				return res, nil, nil, old.hash, nil
			}
		}
	}
	if raw, err = readRaw(j.path, st.opt.MaxFileSize); err != nil {
		c.misses.Add(1)
		return nil, nil, nil, hash, err
	}
	c.hashed.Add(1)
	hash = sha256.Sum256(raw)
	if old != nil && old.hash == hash {
		if res, err := decodeResult(old.body, len(st.corpus)); err == nil {
			c.hits.Add(1)
			if ps.settled(stat) == old.stat {
				ps.keep(j.seq, old)
			} else {
				ps.add(j.seq, &packRecord{recordKey: old.recordKey, stat: stat, hash: hash, body: old.body})
			}
			return res, raw, nil, hash, nil
		}
	}
	c.misses.Add(1)
	return nil, raw, &packRecord{recordKey: recordKey{path, j.audited}, stat: stat, hash: hash}, hash, nil
}

// failed is the outcome of a file that could not be read or decoded.
func failed(path string, err error) outcome {
	if errors.Is(err, ErrBinary) || errors.Is(err, ErrTooLarge) {
		return outcome{report: FileReport{Path: path}, skipped: true, err: err}
	}
	return outcome{report: FileReport{Path: path}, err: err}
}

// progress returns the callback workers call after each file, serialised.
func (st *runState) progress(total int) func() {
	if st.opt.Progress == nil {
		return func() {}
	}
	var mu sync.Mutex
	done := 0
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		st.opt.Progress(done, total)
	}
}

// index is the reorder buffer in front of the corpus analyses: they see documents in run
// order, one at a time, whichever worker finished first, so their findings never depend on
// thread timing.
func (st *runState) index(in <-chan indexed, done chan<- struct{}) {
	defer close(done)
	pending := map[int]indexed{}
	next := 0
	for it := range in {
		pending[it.seq] = it
		for {
			cur, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if !cur.ok {
				continue
			}
			st.indexOrHold(&cur)
		}
	}
	st.endIndex()
}

// indexOrHold indexes one file, or holds it back while the run may yet replay the corpus
// output its pack keeps (replay.go).
func (st *runState) indexOrHold(it *indexed) {
	cr := st.crun
	if cr == nil {
		st.indexOne(it)
		return
	}
	cr.add(it)
	if cr.deferring {
		if !st.pack.dirty.Load() {
			if it.doc == nil {
				it.raw = nil // indexOne reads it again if it must
			}
			cr.deferred = append(cr.deferred, *it)
			return
		}
		st.flushHeld()
	}
	st.indexOne(it)
}

// flushHeld indexes the files held back: the corpus input changed.
func (st *runState) flushHeld() {
	cr := st.crun
	for i := range cr.deferred {
		st.indexOne(&cr.deferred[i])
	}
	cr.deferred, cr.deferring = nil, false
}

// endIndex replays the kept corpus output when the run's corpus input is the one it was
// made from, and indexes the files held back otherwise.
func (st *runState) endIndex() {
	cr := st.crun
	if cr == nil || !cr.deferring {
		return
	}
	if events, ok := decodeCorpusOutput(st.pack.old.corpus, cr.sum(), len(st.corpus)); ok {
		st.replay, cr.deferred = events, nil
		st.cache.replays.Add(1)
		return
	}
	st.flushHeld()
}

// indexOne hands one file to every corpus analysis: its signature when it has one the
// analysis can read, the document otherwise.
func (st *runState) indexOne(it *indexed) {
	for i, a := range st.corpus {
		if sig := it.sigs[i]; sig != nil {
			if a.corpus.(SignatureCheck).AddSignature(it.path, sig, it.audited) == nil {
				continue
			}
		}
		if it.doc == nil {
			if it.raw == nil {
				// A file the cache did not read (its stat was unchanged) whose signature
				// this analysis refused after all: read it now.
				raw, err := readRaw(filepath.FromSlash(it.path), st.opt.MaxFileSize)
				if err != nil {
					continue
				}
				it.raw = raw
			}
			doc, err := Decode(it.path, it.raw)
			if err != nil {
				continue
			}
			it.doc = doc
		}
		a.corpus.Add(it.doc, it.audited)
	}
}

// loadMemos hands each corpus analysis that keeps a memo the one the run's pack holds.
func (st *runState) loadMemos() {
	if st.pack == nil {
		return
	}
	for _, a := range st.corpus {
		if m, ok := a.corpus.(CorpusMemo); ok {
			m.LoadMemo(st.pack.old.memos[a.analysis.Name])
		}
	}
}

// saveMemos keeps in the run's pack what each corpus analysis keeps for the next run.
func (st *runState) saveMemos() {
	if st.pack == nil {
		return
	}
	for _, a := range st.corpus {
		if m, ok := a.corpus.(CorpusMemo); ok {
			if body := m.SaveMemo(); body != nil {
				st.pack.setMemo(a.analysis.Name, body)
			}
		}
	}
}

// collect sorts outcomes into audited files, skipped files and errors, in path order.
func collect(reg *Registry, cfg *Config, outcomes []outcome) *Result {
	res := &Result{}
	for _, r := range reg.Rules() {
		if cfg.RuleEnabled(r.ID) || enabledByOverride(cfg, r.ID) {
			res.Rules = append(res.Rules, r)
		}
	}
	for i := range outcomes {
		o := &outcomes[i]
		switch {
		case o.skipped:
			res.Skipped = append(res.Skipped, Notice{Path: o.report.Path, Cause: o.err.Error()})
		case o.err != nil:
			res.Errors = append(res.Errors, Notice{Path: o.report.Path, Cause: o.err.Error()})
		default:
			res.Files = append(res.Files, o.report)
		}
	}
	return res
}

// finishCorpus runs each corpus analysis's second pass and files its findings and facts
// under the audited files they concern.
func (st *runState) finishCorpus(res *Result) {
	byPath := map[string]*FileReport{}
	for i := range res.Files {
		byPath[res.Files[i].Path] = &res.Files[i]
	}
	addFinding := func(f Finding) {
		if fr, ok := byPath[f.Path]; ok {
			fr.Findings = append(fr.Findings, f)
		}
	}
	addFact := func(path, key string, value any) bool {
		fr, ok := byPath[path]
		if !ok {
			return false
		}
		if fr.Facts == nil {
			fr.Facts = map[string]any{}
		}
		fr.Facts[key] = value
		return true
	}
	if st.replay != nil {
		for _, e := range st.replay {
			if e.finding != nil {
				addFinding(*e.finding)
			} else {
				addFact(e.path, e.key, e.value)
			}
		}
		return
	}
	// With a pack, the output is kept for the next run with the same input (replay.go).
	var out corpusOutput
	keep := st.crun != nil
	for ai, a := range st.corpus {
		a.corpus.Finish(func(f Finding) {
			if !a.analysis.reports(f.Rule) {
				panic(fmt.Sprintf("textaudit: analysis %s reported %s, which it does not declare", a.analysis.Name, f.Rule))
			}
			if _, ok := byPath[f.Path]; ok && keep {
				out.addFinding(ai, &f)
			}
			addFinding(f)
		})
		if cf, ok := a.corpus.(CorpusFacts); ok {
			cf.Facts(func(path, key string, value any) {
				if addFact(path, key, value) && keep {
					out.addFact(ai, path, key, value)
				}
			})
		}
	}
	if keep {
		if b, ok := out.bytes(st.crun.sum()); ok {
			st.pack.corpus = b
		}
	}
}

// score applies config selection and severities to each file's findings and scores it.
func score(cfg *Config, model ScoreModel, res *Result) {
	for i := range res.Files {
		fr := &res.Files[i]
		fr.Findings = resolveFindings(cfg, fr.Findings)
		fr.Score, fr.Deductions = model.Score(fr.Findings)
	}
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

// analyse runs every per-document analysis on one document.
func analyse(doc *Document, active []activeAnalysis, cfg *Config, keepText bool) (fr FileReport) {
	fr.Path = doc.Path
	if keepText {
		fr.Text = doc.Text
	}
	for _, a := range active {
		if a.analysis.Check == nil {
			continue
		}
		primary := a.analysis.Reports[0]
		p := &Pass{Doc: doc, Rule: primary, Params: a.params[primary], Config: cfg, params: a.params}
		runCheck(a.analysis, p)
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

// runCheck isolates an analysis's panic so one faulty check on one odd file cannot take the
// run down; the panic is turned into an error finding that names the analysis's rule.
func runCheck(a *Analysis, p *Pass) {
	defer func() {
		if v := recover(); v != nil {
			r := a.Reports[0]
			p.findings = append(p.findings, Finding{
				Rule: r.ID, Category: r.Category, Severity: Error, Path: p.Doc.Path,
				Line: 1, EndLine: 1, Column: 1, EndColumn: 1,
				Message:     fmt.Sprintf("internal error in rule %s: %v (please report this)", r.ID, v),
				Fingerprint: Fingerprint(r.ID, p.Doc.Path, "internal error"),
			})
		}
	}()
	a.Check(p)
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

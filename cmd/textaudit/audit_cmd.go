package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/reports"
)

// auditFlags are the options of `textaudit audit`.
type auditFlags struct {
	format      string
	output      string
	details     bool
	config      string
	include     []string
	exclude     []string
	corpus      []string
	maxFileSize int64
	jobs        int
	failUnder   float64
	failOn      string
	minSeverity string
	now         string
	reports     []string
	baseline    string
	writeBase   string
	progress    bool
	cpuProfile  string
	color       string
	width       int
	provenance  bool
	pathPrefix  string
	cacheDir    string
	noCache     bool
}

func newAuditCommand(stdout, stderr io.Writer) *cobra.Command {
	var f auditFlags
	cmd := &cobra.Command{
		Use:   "audit PATH...",
		Short: "Audit files and folders; print or save the report",
		Example: `  textaudit audit testdata/seeds
  textaudit audit --format json -o audit.json corpus/
  textaudit audit --fail-under 80 --fail-on error corpus/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAudit(cmd, args, f, stdout, stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "table", "output format: "+strings.Join(reports.Formats(), ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the report to FILE (atomically) instead of standard output")
	fl.BoolVar(&f.details, "details", false, "table format: also list every finding (and the provenance table)")
	fl.BoolVar(&f.provenance, "provenance", false, "table format: show the provenance table even when it does not fit the width")
	addOutputFlags(fl, &f.color, &f.width)
	fl.StringVar(&f.pathPrefix, "path-prefix", "", "sarif and github formats: put `PREFIX` in front of paths (relative to the working folder), when the audit does not run at the repository root")
	fl.StringVar(&f.config, "config", "", "config file (default: "+audit.ConfigFileName+" found from the working folder upward)")
	fl.StringSliceVar(&f.include, "include", nil, "only audit files matching these globs (relative to each folder argument; ** allowed)")
	fl.StringSliceVar(&f.exclude, "exclude", nil, "skip files matching these globs")
	fl.StringSliceVar(&f.corpus, "corpus", nil, "also compare against every file of DIR for cross-file rules, without auditing it")
	fl.Int64Var(&f.maxFileSize, "max-file-size", audit.DefaultMaxFileSize, "skip files larger than this many bytes (0: no limit)")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "files read and analysed at once (default: number of CPUs)")
	fl.Float64Var(&f.failUnder, "fail-under", 0, "exit 1 when any file scores below `SCORE` (0-100; off unless given)")
	fl.StringVar(&f.failOn, "fail-on", "", "exit 1 when any finding is at or above SEVERITY (info, warning, error)")
	fl.StringVar(&f.minSeverity, "min-severity", "info", "only show findings at or above SEVERITY (gates still see all)")
	fl.StringVar(&f.now, "now", "", "reference date for date checks, YYYY-MM-DD (default: today)")
	fl.StringArrayVar(&f.reports, "report", nil, "also write FORMAT=FILE (repeatable), e.g. --report sarif=audit.sarif --report html=audit.html")
	fl.StringVar(&f.baseline, "baseline", "", "hide findings recorded in this baseline file; gates judge only new findings")
	fl.StringVar(&f.writeBase, "write-baseline", "", "record the fingerprints of this run's findings in FILE")
	fl.StringVar(&f.cacheDir, "cache-dir", "", "keep per-file results in `DIR` so re-runs analyse only changed files (default: textaudit in the user cache folder, e.g. $XDG_CACHE_HOME/textaudit)")
	fl.BoolVar(&f.noCache, "no-cache", false, "neither read nor write the result cache")
	fl.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile to FILE (for performance work)")
	_ = fl.MarkHidden("cpuprofile")
	fl.BoolVar(&f.progress, "progress", true, "show progress on stderr when it is a terminal (never in pipes or CI)")
	return cmd
}

func runAudit(cmd *cobra.Command, args []string, f auditFlags, stdout, stderr io.Writer) error {
	format, err := outputFormat(f.format, cmd.Flags().Changed("format"), f.output)
	if err != nil {
		return err
	}
	f.format = format
	render, err := reports.Lookup(f.format)
	if err != nil {
		return usageError("%v", err)
	}
	extra, err := parseReportFlags(f.reports)
	if err != nil {
		return err
	}
	if err := checkOutputPaths(f.output, extra); err != nil {
		return err
	}
	minSev, err := audit.ParseSeverity(f.minSeverity)
	if err != nil {
		return usageError("--min-severity: %v", err)
	}
	var failOn *audit.Severity
	if f.failOn != "" {
		s, err := audit.ParseSeverity(f.failOn)
		if err != nil {
			return usageError("--fail-on: %v", err)
		}
		failOn = &s
	}
	// NaN compares false with everything: unchecked, it would switch the gate off.
	if cmd.Flags().Changed("fail-under") && !(f.failUnder >= 0 && f.failUnder <= 100) {
		return usageError("--fail-under: want a score between 0 and 100, got %g", f.failUnder)
	}
	if f.maxFileSize < 0 {
		return usageError("--max-file-size: want a size in bytes (0: no limit), got %d", f.maxFileSize)
	}
	if f.jobs < 0 {
		return usageError("--jobs: want a positive number, got %d", f.jobs)
	}
	// Every worker holds a document and the corpus pass buffers a few per worker: a huge
	// count only exhausts memory, so it is capped well above what the CPUs can use.
	if maxJobs := 8 * runtime.NumCPU(); f.jobs > maxJobs {
		fmt.Fprintf(stderr, "textaudit: --jobs %d capped at %d (8 per CPU)\n", f.jobs, maxJobs)
		f.jobs = maxJobs
	}
	reg, err := registry()
	if err != nil {
		return err
	}
	cfg, err := loadConfig(f.config, reg)
	if err != nil {
		return err
	}
	cfg.Now = time.Now()
	if f.now != "" {
		t, err := time.Parse("2006-01-02", f.now)
		if err != nil {
			return usageError("--now: want YYYY-MM-DD, got %q", f.now)
		}
		cfg.Now = t
	}
	sel := audit.Selection{Include: f.include, Exclude: f.exclude}
	if err := sel.Validate(); err != nil {
		return usageError("--include/--exclude: %v", err)
	}
	// A bad path is reported with the readable files, not instead of them (exit 2 still).
	inputs := audit.CollectInputs(args, sel)
	files := inputs.Files
	var reference []string
	if len(f.corpus) > 0 {
		ref := audit.CollectInputs(f.corpus, sel)
		reference = ref.Files
		for _, n := range ref.Errors {
			inputs.Errors = append(inputs.Errors, audit.Notice{Path: n.Path, Cause: "--corpus: " + n.Cause})
		}
	}
	var base *audit.Baseline
	if f.baseline != "" {
		if base, err = audit.LoadBaseline(f.baseline); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
	}
	keepText := reports.NeedsText(f.format)
	for _, e := range extra {
		keepText = keepText || reports.NeedsText(e.format)
	}
	if f.cpuProfile != "" {
		stop, err := startCPUProfile(f.cpuProfile)
		if err != nil {
			return usageError("--cpuprofile: %v", err)
		}
		defer stop()
	}
	cache, err := openCache(f)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	progress := newProgress(stderr, f.progress)
	res, err := audit.Run(files, audit.Options{
		Cache:       cache,
		Registry:    reg,
		Config:      cfg,
		Jobs:        f.jobs,
		MaxFileSize: f.maxFileSize,
		Reference:   reference,
		KeepText:    keepText,
		Progress:    progress.update,
	})
	progress.done()
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	res.Skipped = append(inputs.Skipped, res.Skipped...)
	res.Errors = append(inputs.Errors, res.Errors...)
	report := audit.NewReport(version, res)
	if wd, err := os.Getwd(); err == nil {
		report.Root = wd
		report.Inputs = recordedInputs(wd, args)
	}
	report.Rules = audit.Describe(res.Rules)
	for _, n := range res.Skipped {
		fmt.Fprintf(stderr, "textaudit: skipped %s: %s\n", reports.Printable(n.Path), reports.Printable(n.Cause))
	}
	if len(report.Files) == 0 && len(res.Errors) == 0 {
		// Passing a gate on nothing would hide a typo in a path or an over-broad --exclude.
		why := "no file matched"
		if len(files) > 0 {
			why = fmt.Sprintf("%s found, none of them text", reports.Plural(len(files), "file", "files"))
		} else if len(f.include)+len(f.exclude) > 0 {
			why = "every file is left out by --include/--exclude, or the folders are empty"
		} else {
			why = "the folders hold no file (hidden files and folders are skipped)"
		}
		return usageError("nothing to audit in %s: %s", strings.Join(args, ", "), why)
	}
	if err := suppress(report, cfg, args); err != nil {
		return err
	}
	if f.writeBase != "" {
		// The baseline records every finding of this run, before any old baseline hides some.
		b := audit.NewBaseline(report.Files)
		if err := reports.WriteFile(f.writeBase, func(w io.Writer) error { return writeJSON(w, b) }); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		n := 0
		for _, e := range b.Entries {
			n += e.Count
		}
		fmt.Fprintf(stderr, "textaudit: baseline of %s written to %s\n", reports.Plural(n, "finding", "findings"), f.writeBase)
	}
	if base != nil {
		outcome := base.Apply(report.Files, audit.DefaultScoreModel)
		report.Baseline = &outcome
		report.Summary = audit.Summarize(report.Files)
		if len(outcome.Stale) > 0 {
			fmt.Fprintf(stderr, "textaudit: %s a finding (prune them with --write-baseline):\n", reports.Plural(len(outcome.Stale), "baseline entry no longer matches", "baseline entries no longer match"))
			for _, e := range outcome.Stale {
				times := ""
				if e.Count > 1 {
					times = fmt.Sprintf(" (%d occurrences)", e.Count)
				}
				fmt.Fprintf(stderr, "  %s %s %q%s\n", reports.Printable(e.Path), reports.Printable(e.Rule), e.Text, times)
			}
		}
	}

	color, err := useColor(stdout, f.color)
	if err != nil {
		return err
	}
	warn := func(s string) { fmt.Fprintf(stderr, "textaudit: %s\n", s) }
	opt := reports.Options{Details: f.details, Provenance: f.provenance, MinSeverity: minSev, Color: color,
		Width: outputWidth(f.width, stdout), PathPrefix: f.pathPrefix, Warn: warn}
	if err := emit(report, render, opt, f.output, stdout); err != nil {
		return err
	}
	github := f.format == "github"
	for _, e := range extra {
		github = github || e.format == "github"
		if err := emit(report, e.render, reports.Options{Details: true, MinSeverity: minSev, PathPrefix: f.pathPrefix, Warn: warn}, e.path, stdout); err != nil {
			return err
		}
	}
	if github {
		if err := writeStepSummary(report, opt); err != nil {
			return err
		}
	}

	if len(res.Errors) > 0 {
		var msgs []string
		for _, n := range res.Errors {
			msgs = append(msgs, fmt.Sprintf("%s: %s", n.Path, n.Cause))
		}
		return &exitError{code: exitUsage, err: errors.New(strings.Join(msgs, "\ntextaudit: "))}
	}
	if msg := gateFailure(report, f, failOn, cmd.Flags().Changed("fail-under")); msg != "" {
		return &exitError{code: exitGate, err: errors.New(msg)}
	}
	return nil
}

// writeStepSummary appends a Markdown summary to $GITHUB_STEP_SUMMARY when GitHub Actions
// sets it, so the job page shows totals and the worst files beside the annotations.
func writeStepSummary(r *audit.Report, opt reports.Options) error {
	path := os.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)}
	}
	err = reports.StepSummary(f, r, opt)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("GITHUB_STEP_SUMMARY %s: %w", path, err)}
	}
	return nil
}

// suppress applies the .textauditignore files found from the audited paths upward and the
// config's exclusions, before baselines and gates see the findings.
func suppress(report *audit.Report, cfg *audit.Config, paths []string) error {
	var ignore []audit.IgnoreEntry
	for _, p := range audit.FindIgnoreFiles(paths) {
		entries, err := audit.LoadIgnoreFile(p)
		if err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		ignore = append(ignore, entries...)
	}
	if len(ignore) == 0 && len(cfg.Exclusions) == 0 {
		return nil
	}
	out := audit.Suppress(report.Files, ignore, cfg.Exclusions, audit.DefaultScoreModel)
	report.Suppressed = &out
	report.Summary = audit.Summarize(report.Files)
	return nil
}

// gateFailure explains why a gate failed, or returns "" when every gate passed.
func gateFailure(r *audit.Report, f auditFlags, failOn *audit.Severity, failUnderSet bool) string {
	var why []string
	if failUnderSet {
		below := 0
		for _, fr := range r.Files {
			if fr.Score < f.failUnder {
				below++
			}
		}
		if below > 0 {
			why = append(why, fmt.Sprintf("%s below %g", reports.Plural(below, "file scores", "files score"), f.failUnder))
		}
	}
	if failOn != nil {
		n := 0
		for _, fr := range r.Files {
			for _, x := range fr.Findings {
				if x.Severity >= *failOn {
					n++
				}
			}
		}
		if n > 0 {
			why = append(why, fmt.Sprintf("%s at or above %s", reports.Plural(n, "finding", "findings"), failOn))
		}
	}
	if len(why) == 0 {
		return ""
	}
	return "gate failed: " + strings.Join(why, "; ")
}

// addOutputFlags adds --color and --width, shared by the commands that print for people.
func addOutputFlags(fl *pflag.FlagSet, color *string, width *int) {
	fl.StringVar(color, "color", "auto", "colour the output: auto (on a terminal, unless NO_COLOR is set), always, never")
	fl.IntVar(width, "width", 0, "fit tables into `N` columns (default: $COLUMNS, else the terminal's width; no limit in pipes)")
}

// outputWidth is --width when given, else the terminal's.
func outputWidth(flag int, stdout io.Writer) int {
	if flag > 0 {
		return flag
	}
	return terminalWidth(stdout)
}

// formatByExtension maps report file extensions to formats, for -o without --format.
var formatByExtension = map[string]string{
	".json": "json", ".sarif": "sarif", ".html": "html", ".htm": "html", ".csv": "csv",
	".md": "markdown", ".markdown": "markdown", ".txt": "table", ".text": "table",
}

// outputFormat is --format when given; otherwise -o's extension decides, so -o audit.html
// writes HTML rather than a text table into a file named .html.
func outputFormat(format string, given bool, output string) (string, error) {
	if given || output == "" {
		return format, nil
	}
	ext := strings.ToLower(filepath.Ext(output))
	if ext == "" {
		return format, nil
	}
	if f, ok := formatByExtension[ext]; ok {
		return f, nil
	}
	return "", usageError("-o %s: cannot tell the format from %q; pass --format (%s)", output, ext, strings.Join(reports.Formats(), ", "))
}

// checkOutputPaths refuses, before auditing, report paths that are folders and two reports
// written to one file (one would silently replace the other).
func checkOutputPaths(output string, extra []extraReport) error {
	type target struct{ flag, path string }
	var all []target
	if output != "" {
		all = append(all, target{"-o", output})
	}
	for _, e := range extra {
		all = append(all, target{"--report " + e.format + "=" + e.path, e.path})
	}
	seen := map[string]string{}
	for _, t := range all {
		if st, err := os.Stat(t.path); err == nil && st.IsDir() {
			return usageError("%s: %s is a folder; give a file name such as %s", t.flag, t.path, filepath.Join(t.path, "textaudit-report"))
		}
		abs, err := filepath.Abs(t.path)
		if err != nil {
			abs = filepath.Clean(t.path)
		}
		if prev, ok := seen[abs]; ok {
			return usageError("%s and %s write the same file %s; give each report its own file", prev, t.flag, t.path)
		}
		seen[abs] = t.flag
	}
	return nil
}

// extraReport is one --report FORMAT=FILE.
type extraReport struct {
	format string
	path   string
	render reports.Renderer
}

func parseReportFlags(values []string) ([]extraReport, error) {
	var out []extraReport
	for _, v := range values {
		format, path, ok := strings.Cut(v, "=")
		if !ok || format == "" || path == "" {
			return nil, usageError("--report: want FORMAT=FILE, got %q", v)
		}
		r, err := reports.Lookup(format)
		if err != nil {
			return nil, usageError("--report %s: %v", v, err)
		}
		out = append(out, extraReport{format: format, path: path, render: r})
	}
	return out, nil
}

// emit renders to a file (atomically) or to stdout when path is empty.
func emit(r *audit.Report, render reports.Renderer, opt reports.Options, path string, stdout io.Writer) error {
	write := func(w io.Writer) error { return render(w, r, opt) }
	var err error
	if path != "" {
		err = reports.WriteFile(path, write)
	} else {
		// Renderers that print line by line do not all check each write; the first failed
		// write (a full disk, a closed pipe, > /dev/full) is kept and fails the run.
		ew := &errWriter{w: stdout}
		if err = write(ew); err == nil {
			err = ew.err
		}
	}
	if err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("write report: %w", err)}
	}
	return nil
}

// errWriter remembers the first write error and refuses every write after it.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// openCache opens the result cache the flags ask for: none with --no-cache, DIR with
// --cache-dir (an unusable one is an error), else the user cache folder's, skipped quietly
// when there is none (a read-only home on a CI runner must not fail the audit).
func openCache(f auditFlags) (*audit.Cache, error) {
	switch {
	case f.noCache && f.cacheDir != "":
		return nil, errors.New("--cache-dir and --no-cache contradict each other")
	case f.noCache:
		return nil, nil
	case f.cacheDir != "":
		c, err := audit.OpenCache(f.cacheDir)
		if err != nil {
			return nil, fmt.Errorf("--cache-dir: %w", err)
		}
		return c, nil
	}
	dir, err := audit.DefaultCacheDir()
	if err != nil {
		return nil, nil
	}
	c, err := audit.OpenCache(dir)
	if err != nil {
		return nil, nil
	}
	return c, nil
}

// recordedInputs names the audited arguments for the report: relative to the working folder
// when under it (so a saved report moves with its folder), absolute otherwise.
func recordedInputs(wd string, args []string) []string {
	out := make([]string, 0, len(args))
	for _, a := range args {
		abs, err := filepath.Abs(a)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			abs = rel
		}
		out = append(out, filepath.ToSlash(abs))
	}
	return out
}

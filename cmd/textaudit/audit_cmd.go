package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

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
	fl.BoolVar(&f.details, "details", false, "table format: also list every finding")
	fl.StringVar(&f.config, "config", "", "config file (default: "+audit.ConfigFileName+" found from the working folder upward)")
	fl.StringSliceVar(&f.include, "include", nil, "only audit files matching these globs (relative to each folder argument; ** allowed)")
	fl.StringSliceVar(&f.exclude, "exclude", nil, "skip files matching these globs")
	fl.StringSliceVar(&f.corpus, "corpus", nil, "also compare against every file of DIR for cross-file rules, without auditing it")
	fl.Int64Var(&f.maxFileSize, "max-file-size", audit.DefaultMaxFileSize, "skip files larger than this many bytes (0: no limit)")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "files read and analysed at once (default: number of CPUs)")
	fl.Float64Var(&f.failUnder, "fail-under", 0, "exit 1 when any file scores below SCORE (0-100; off unless given)")
	fl.StringVar(&f.failOn, "fail-on", "", "exit 1 when any finding is at or above SEVERITY (info, warning, error)")
	fl.StringVar(&f.minSeverity, "min-severity", "info", "only show findings at or above SEVERITY (gates still see all)")
	fl.StringVar(&f.now, "now", "", "reference date for date checks, YYYY-MM-DD (default: today)")
	fl.StringArrayVar(&f.reports, "report", nil, "also write FORMAT=FILE (repeatable), e.g. --report sarif=audit.sarif --report html=audit.html")
	fl.StringVar(&f.baseline, "baseline", "", "hide findings recorded in this baseline file; gates judge only new findings")
	fl.StringVar(&f.writeBase, "write-baseline", "", "record the fingerprints of this run's findings in FILE")
	fl.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile to FILE (for performance work)")
	_ = fl.MarkHidden("cpuprofile")
	fl.BoolVar(&f.progress, "progress", true, "show progress on stderr when it is a terminal (never in pipes or CI)")
	return cmd
}

func runAudit(cmd *cobra.Command, args []string, f auditFlags, stdout, stderr io.Writer) error {
	render, err := reports.Lookup(f.format)
	if err != nil {
		return usageError("%v", err)
	}
	extra, err := parseReportFlags(f.reports)
	if err != nil {
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
	progress := newProgress(stderr, f.progress)
	res, err := audit.Run(files, audit.Options{
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
	report.Rules = audit.Describe(res.Rules)
	for _, n := range res.Skipped {
		fmt.Fprintf(stderr, "textaudit: skipped %s: %s\n", reports.Printable(n.Path), reports.Printable(n.Cause))
	}
	if f.writeBase != "" {
		// The baseline records every finding of this run, before any old baseline hides some.
		b := audit.NewBaseline(report.Files)
		if err := reports.WriteFile(f.writeBase, func(w io.Writer) error { return writeJSON(w, b) }); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		fmt.Fprintf(stderr, "textaudit: baseline of %d findings written to %s\n", len(b.Entries), f.writeBase)
	}
	if base != nil {
		outcome := base.Apply(report.Files, audit.DefaultScoreModel)
		report.Baseline = &outcome
		report.Summary = audit.Summarize(report.Files)
		if len(outcome.Stale) > 0 {
			fmt.Fprintf(stderr, "textaudit: %d baseline entries no longer match a finding (prune them with --write-baseline):\n", len(outcome.Stale))
			for _, e := range outcome.Stale {
				fmt.Fprintf(stderr, "  %s %s %q\n", reports.Printable(e.Path), reports.Printable(e.Rule), e.Text)
			}
		}
	}

	opt := reports.Options{Details: f.details, MinSeverity: minSev, Color: useColor(stdout)}
	if err := emit(report, render, opt, f.output, stdout); err != nil {
		return err
	}
	for _, e := range extra {
		if err := emit(report, e.render, reports.Options{Details: true, MinSeverity: minSev}, e.path, stdout); err != nil {
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
			why = append(why, fmt.Sprintf("%d file(s) score below %g", below, f.failUnder))
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
			why = append(why, fmt.Sprintf("%d finding(s) at or above %s", n, failOn))
		}
	}
	if len(why) == 0 {
		return ""
	}
	return "gate failed: " + strings.Join(why, "; ")
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

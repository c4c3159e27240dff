package main

import (
	"errors"
	"fmt"
	"io"
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
	fl.Float64Var(&f.failUnder, "fail-under", -1, "exit 1 when any file scores below SCORE (0-100)")
	fl.StringVar(&f.failOn, "fail-on", "", "exit 1 when any finding is at or above SEVERITY (info, warning, error)")
	fl.StringVar(&f.minSeverity, "min-severity", "info", "only show findings at or above SEVERITY (gates still see all)")
	fl.StringVar(&f.now, "now", "", "reference date for date checks, YYYY-MM-DD (default: today)")
	return cmd
}

func runAudit(cmd *cobra.Command, args []string, f auditFlags, stdout, stderr io.Writer) error {
	render, err := reports.Lookup(f.format)
	if err != nil {
		return usageError("%v", err)
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
	if cmd.Flags().Changed("fail-under") && (f.failUnder < 0 || f.failUnder > 101) {
		return usageError("--fail-under: want a score between 0 and 100, got %g", f.failUnder)
	}
	if f.jobs < 0 {
		return usageError("--jobs: want a positive number, got %d", f.jobs)
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
	files, err := audit.Collect(args, sel)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	var reference []string
	if len(f.corpus) > 0 {
		reference, err = audit.Collect(f.corpus, sel)
		if err != nil {
			return &exitError{code: exitUsage, err: fmt.Errorf("--corpus: %w", err)}
		}
	}
	res, err := audit.Run(files, audit.Options{
		Registry:    reg,
		Config:      cfg,
		Jobs:        f.jobs,
		MaxFileSize: f.maxFileSize,
		Reference:   reference,
	})
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	report := audit.NewReport(version, res)
	for _, n := range res.Skipped {
		fmt.Fprintf(stderr, "textaudit: skipped %s: %s\n", n.Path, n.Cause)
	}

	opt := reports.Options{Details: f.details, MinSeverity: minSev}
	write := func(w io.Writer) error { return render(w, report, opt) }
	if f.output != "" {
		err = reports.WriteFile(f.output, write)
	} else {
		err = write(stdout)
	}
	if err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("write report: %w", err)}
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

package reports

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/textaudit/textaudit/audit"
)

// GitHubAnnotationsPerLevel is how many annotations of each kind (error, warning, notice)
// GitHub Actions shows for a step; it drops the rest silently, so textaudit stops there and
// lists the remaining findings as plain lines in the log.
const GitHubAnnotationsPerLevel = 10

// GitHub writes workflow commands that GitHub Actions turns into annotations:
// ::warning file=a.txt,line=3,endLine=3,col=1,endColumn=14,title=boilerplate.phrase::message
// The most severe findings of the worst files are annotated first; beyond the per-level
// cap, findings are printed in the line format and a notice says how many.
func GitHub(w io.Writer, r *audit.Report, opt Options) error {
	r = Filter(r, opt.MinSeverity)
	bw := bufio.NewWriter(w)
	annotated := map[string]int{}
	var rest []*audit.Finding
	for _, sev := range []audit.Severity{audit.Error, audit.Warning, audit.Info} {
		for _, f := range WorstFirst(r.Files) {
			for j := range f.Findings {
				x := &f.Findings[j]
				if x.Severity != sev && !(sev == audit.Info && x.Severity < audit.Info) && !(sev == audit.Error && x.Severity > audit.Error) {
					continue
				}
				level := githubLevel(x.Severity)
				if annotated[level] >= GitHubAnnotationsPerLevel {
					rest = append(rest, x)
					continue
				}
				annotated[level]++
				path, _ := repoPath(r.Root, opt.PathPrefix, x.Path)
				fmt.Fprintf(bw, "::%s file=%s,line=%d,endLine=%d,col=%d,endColumn=%d,title=%s::%s\n",
					level, escapeProperty(path), x.Line, x.EndLine, x.Column, x.EndColumn,
					escapeProperty(x.Rule), escapeData(x.Message))
			}
		}
	}
	if len(rest) > 0 {
		fmt.Fprintf(bw, "::notice title=textaudit::%d more findings than GitHub shows as annotations (%d per kind); they are listed below and in the job summary\n",
			len(rest), GitHubAnnotationsPerLevel)
		for _, x := range rest {
			path, _ := repoPath(r.Root, opt.PathPrefix, x.Path)
			fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", path, max(x.Line, 1), max(x.Column, 1), x.Severity, x.Rule, oneLine(x.Message))
		}
	}
	return bw.Flush()
}

func githubLevel(s audit.Severity) string {
	switch {
	case s >= audit.Error:
		return "error"
	case s == audit.Warning:
		return "warning"
	}
	return "notice"
}

// StepSummaryFiles is how many of the worst files the job summary lists.
const StepSummaryFiles = 25

// StepSummary writes a short Markdown summary for $GITHUB_STEP_SUMMARY: totals, findings
// by rule, and the worst files. It stays small whatever the corpus (GitHub keeps 1 MiB).
func StepSummary(w io.Writer, r *audit.Report, opt Options) error {
	shown := Filter(r, opt.MinSeverity)
	fmt.Fprintf(w, "## textaudit\n\n%s\n\n", mdText(SummaryLine(r, opt.MinSeverity)))
	byRule := map[string]int{}
	sev := map[string]audit.Severity{}
	for _, f := range shown.Files {
		for _, x := range f.Findings {
			byRule[x.Rule]++
			sev[x.Rule] = x.Severity
		}
	}
	if len(byRule) > 0 {
		fmt.Fprint(w, "| rule | severity | findings |\n|---|---|---:|\n")
		for _, id := range sortedByCount(byRule) {
			fmt.Fprintf(w, "| %s | %s | %d |\n", mdCode(id), sev[id], byRule[id])
		}
		fmt.Fprintln(w)
	}
	worst := WorstFirst(shown.Files)
	n := 0
	for _, f := range worst {
		if f.Score >= 100 && len(f.Findings) == 0 {
			break
		}
		if n == 0 {
			fmt.Fprint(w, "| score | file | findings | deductions |\n|---:|---|---:|---|\n")
		}
		if n == StepSummaryFiles {
			fmt.Fprintf(w, "\n%d more files with findings are in the full report.\n", countWithFindings(worst)-n)
			break
		}
		path, _ := repoPath(r.Root, opt.PathPrefix, f.Path)
		fmt.Fprintf(w, "| %s | %s | %d | %s |\n", formatScore(f.Score), mdCode(path), len(f.Findings), Deductions(f.Deductions))
		n++
	}
	return nil
}

func countWithFindings(files []audit.FileReport) int {
	n := 0
	for _, f := range files {
		if len(f.Findings) > 0 || f.Score < 100 {
			n++
		}
	}
	return n
}

// sortedByCount orders keys by count, highest first, then by name.
func sortedByCount(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys, func(a, b string) bool {
		if m[a] != m[b] {
			return m[a] > m[b]
		}
		return a < b
	})
	return keys
}

// escapeData escapes a workflow command's message as the Actions toolkit does.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/textaudit/textaudit/audit"
)

// Markdown writes a per-file table and one findings table per file, readable on GitHub
// (pull-request comments, job summaries).
func Markdown(w io.Writer, r *audit.Report, opt Options) error {
	r = Filter(r, opt.MinSeverity)
	s := r.Summary
	fmt.Fprintf(w, "# textaudit report\n\n%d files, %d findings, mean score %s, lowest %s.\n\n", s.Files, s.Findings, formatScore(s.MeanScore), formatScore(s.MinScore))
	t := markdownTable(w)
	head := []any{"file", "score", "deductions"}
	for _, c := range audit.Categories {
		head = append(head, string(c))
	}
	t.Header(head...)
	for _, f := range r.Files {
		counts := map[audit.Category]int{}
		for _, x := range f.Findings {
			counts[x.Category]++
		}
		row := []string{mdCode(f.Path), formatScore(f.Score), Deductions(f.Deductions)}
		for _, c := range audit.Categories {
			row = append(row, countCell(counts[c]))
		}
		if err := t.Append(row); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	for _, n := range r.Skipped {
		fmt.Fprintf(w, "\n- skipped %s: %s", mdCode(n.Path), mdText(n.Cause))
	}
	for _, n := range r.Errors {
		fmt.Fprintf(w, "\n- **error** %s: %s", mdCode(n.Path), mdText(n.Cause))
	}
	if len(r.Skipped)+len(r.Errors) > 0 {
		fmt.Fprintln(w)
	}
	if rows := provenanceRows(r, false); len(rows) > 0 {
		fmt.Fprint(w, "\n## Provenance\n\n")
		pt := markdownTable(w)
		pt.Header("file", "credited to", "photos", "copied from", "copied to", "shared with")
		for _, p := range rows {
			if err := pt.Append([]string{mdCode(p.path), mdText(dash(p.credits)), mdText(dash(p.photos)), mdText(dash(p.copiedFrom)), mdText(dash(p.copiedTo)), mdText(dash(p.sharedWith))}); err != nil {
				return err
			}
		}
		if err := pt.Render(); err != nil {
			return err
		}
	}
	for _, f := range r.Files {
		if len(f.Findings) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n## %s — score %s\n\n", mdCode(f.Path), formatScore(f.Score))
		ft := markdownTable(w)
		ft.Header("line", "rule", "severity", "message", "text")
		for _, x := range f.Findings {
			text, _ := x.Evidence["text"].(string)
			lines := fmt.Sprint(x.Line)
			if x.EndLine > x.Line {
				lines = fmt.Sprintf("%d–%d", x.Line, x.EndLine)
			}
			if err := ft.Append([]string{lines, mdCode(x.Rule), x.Severity.String(), mdText(x.Message), mdText(truncate(text, 80))}); err != nil {
				return err
			}
		}
		if err := ft.Render(); err != nil {
			return err
		}
	}
	return nil
}

func markdownTable(w io.Writer) *tablewriter.Table {
	return tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewMarkdown()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
}

// mdText makes untrusted text safe inside a Markdown table cell: pipes, HTML and line breaks
// would break the table or inject markup.
func mdText(s string) string {
	s = strings.NewReplacer("\r", " ", "\n", " ", "|", "\\|", "<", "&lt;", ">", "&gt;", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]").Replace(s)
	return strings.TrimSpace(s)
}

func mdCode(s string) string {
	return "`" + strings.NewReplacer("`", "'", "|", "\\|", "\n", " ").Replace(s) + "`"
}

func truncate(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

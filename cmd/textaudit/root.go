package main

import (
	"io"

	"github.com/spf13/cobra"
)

func newRootCommand(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "textaudit",
		Short: "Audit folders of scraped text for quality and provenance",
		Long: `textaudit reads every file, flags boilerplate residue, machine-spun prose, mixed
languages, missing dates and duplicated paragraphs with their exact place and evidence,
scores each file 0-100 and prints or saves reports.

Exit codes: 0 passed, 1 a gate failed, 2 usage, config or input error.`,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newAuditCommand(stdout, stderr), newExplainCommand(stdout, stderr), newReportCommand(stdout, stderr),
		newRulesCommand(stdout), newConfigCommand(stdout), newVersionCommand(stdout))
	registerCompletions(root)
	return root
}

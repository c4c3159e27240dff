package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/textaudit/textaudit/audit"
)

func newExplainCommand(stdout, stderr io.Writer) *cobra.Command {
	var rule string
	f := auditFlags{format: "explain", maxFileSize: audit.DefaultMaxFileSize, failUnder: -1, minSeverity: "info", progress: false}
	cmd := &cobra.Command{
		Use:   "explain FILE... | explain --rule RULE",
		Short: "Print files with their findings inline (coloured on a terminal; NO_COLOR respected)",
		Example: `  textaudit explain testdata/seeds/004_3e4f2c6dea3b26a0.txt
  textaudit explain --corpus testdata/seeds testdata/seeds/000_e2f8802d434c10dd.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if rule != "" {
				reg, err := registry()
				if err != nil {
					return err
				}
				return writeRuleDoc(stdout, reg, rule)
			}
			if len(args) == 0 {
				return usageError("explain: give files to explain, or --rule RULE")
			}
			return runAudit(cmd, args, f, stdout, stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&rule, "rule", "", "print what `RULE` looks for, why it matters and an example, instead of explaining files")
	fl.StringVar(&f.config, "config", "", "config file (default: "+audit.ConfigFileName+" found from the working folder upward)")
	fl.StringSliceVar(&f.corpus, "corpus", nil, "compare against every file of DIR for cross-file rules")
	fl.StringVar(&f.minSeverity, "min-severity", "info", "only show findings at or above SEVERITY")
	addOutputFlags(fl, &f.color, &f.width)
	fl.StringVar(&f.now, "now", "", "reference date for date checks, YYYY-MM-DD (default: today)")
	return cmd
}

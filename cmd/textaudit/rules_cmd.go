package main

import (
	"encoding/json"
	"io"

	"github.com/spf13/cobra"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/reports"
	"github.com/textaudit/textaudit/rules"
)

func registry() (*audit.Registry, error) {
	reg, err := rules.Registry()
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	return reg, nil
}

func newRulesCommand(stdout io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules [RULE]",
		Short: "List the rules (ID, category, severity, description), or document one rule",
		Args:  cobra.MaximumNArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, typed string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return ruleIDs(cmd, args, typed)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := registry()
			if err != nil {
				return err
			}
			if len(args) == 1 {
				return writeRuleDoc(stdout, reg, args[0])
			}
			switch format {
			case "json":
				type ruleJSON struct {
					ID          string             `json:"id"`
					Category    audit.Category     `json:"category"`
					Severity    audit.Severity     `json:"severity"`
					Corpus      bool               `json:"corpus"`
					Description string             `json:"description"`
					Params      map[string]float64 `json:"params,omitempty"`
				}
				var out []ruleJSON
				for _, r := range reg.Rules() {
					out = append(out, ruleJSON{r.ID, r.Category, r.Severity, reg.Corpus(r), r.Description, r.Params})
				}
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			case "table":
				return reports.RulesTable(stdout, audit.Describe(reg.Rules()), terminalWidth(stdout))
			default:
				return usageError("rules: unknown format %q (want table or json)", format)
			}
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedValues("table", "json"))
	return cmd
}

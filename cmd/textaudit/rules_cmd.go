package main

import (
	"encoding/json"
	"io"
	"math"

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

// ruleJSON is one rule of `textaudit rules --format json`. Params (name → default) is the
// original field; param_info adds each parameter's type, range and meaning.
type ruleJSON struct {
	ID          string             `json:"id"`
	Category    audit.Category     `json:"category"`
	Severity    audit.Severity     `json:"severity"`
	Corpus      bool               `json:"corpus"`
	Description string             `json:"description"`
	Params      map[string]float64 `json:"params,omitempty"`
	ParamInfo   []paramJSON        `json:"param_info,omitempty"`
	ReportedBy  string             `json:"found_by,omitempty"`
}

type paramJSON struct {
	Name    string          `json:"name"`
	Type    audit.ParamKind `json:"type"`
	Default any             `json:"default"`
	Min     *float64        `json:"min,omitempty"`
	Max     *float64        `json:"max,omitempty"`
	Meaning string          `json:"meaning"`
}

func describeRule(reg *audit.Registry, r *audit.Rule) ruleJSON {
	out := ruleJSON{ID: r.ID, Category: r.Category, Severity: r.Severity, Corpus: reg.Corpus(r), Description: r.Description}
	if a := reg.Reporter(r); a != nil && a.Reports[0] != r {
		out.ReportedBy = a.Name
	}
	for _, d := range r.Params {
		if out.Params == nil {
			out.Params = map[string]float64{}
		}
		out.Params[d.Name] = d.Default
		pj := paramJSON{Name: d.Name, Type: d.Kind, Default: d.Default, Meaning: d.Meaning}
		if d.Kind == audit.BoolKind {
			pj.Default = d.Default != 0
		} else {
			lo, hi := d.Min, d.Max
			pj.Min = &lo
			if !math.IsInf(hi, 1) {
				pj.Max = &hi
			}
		}
		out.ParamInfo = append(out.ParamInfo, pj)
	}
	return out
}

func newRulesCommand(stdout io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:               "rules [RULE...]",
		Short:             "List the rules: ID, category, severity, description; with RULE (an ID or family), its parameters and their meaning",
		ValidArgsFunction: ruleIDs,
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := registry()
			if err != nil {
				return err
			}
			list := reg.Rules()
			if len(args) > 0 {
				list = nil
				for _, sel := range args {
					matched := reg.Match(sel)
					if len(matched) == 0 {
						return usageError("rules: unknown rule %q: no rule ID or family matches it (see `textaudit rules`)", sel)
					}
					list = append(list, matched...)
				}
			}
			switch format {
			case "json":
				out := []ruleJSON{}
				for _, r := range list {
					out = append(out, describeRule(reg, r))
				}
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			case "table":
				if len(args) > 0 {
					return writeRuleDocs(stdout, reg, list)
				}
				return reports.RulesTable(stdout, audit.Describe(list), terminalWidth(stdout))
			default:
				return usageError("rules: unknown format %q (want table or json)", format)
			}
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedValues("table", "json"))
	return cmd
}

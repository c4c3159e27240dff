package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/textaudit/textaudit/reports"
	"github.com/textaudit/textaudit/rules"
)

// Shell completion (`textaudit completion bash|zsh|fish|powershell`, from cobra) also
// completes flag values: formats, severities, colour modes and rule IDs.

func fixedValues(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

var severityNames = []string{"info", "warning", "error"}

// ruleIDs lists the registry's rule IDs and family prefixes.
func ruleIDs(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	reg, err := rules.Registry()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var ids []string
	for _, r := range reg.Rules() {
		ids = append(ids, r.ID)
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}

// reportValues completes --report FORMAT=FILE: the formats first, then files.
func reportValues(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
	if strings.Contains(typed, "=") {
		return nil, cobra.ShellCompDirectiveDefault
	}
	var out []string
	for _, f := range reports.Formats() {
		out = append(out, f+"=")
	}
	return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
}

// registerCompletions attaches value completions to the flags a command has.
func registerCompletions(cmd *cobra.Command) {
	complete := map[string]func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective){
		"format":       fixedValues(reports.Formats()...),
		"fail-on":      fixedValues(severityNames...),
		"min-severity": fixedValues(severityNames...),
		"color":        fixedValues(colorModes...),
		"rule":         ruleIDs,
		"report":       reportValues,
	}
	for name, fn := range complete {
		if cmd.Flags().Lookup(name) != nil {
			_ = cmd.RegisterFlagCompletionFunc(name, fn)
		}
	}
	for _, c := range cmd.Commands() {
		registerCompletions(c)
	}
}

package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/textaudit/textaudit/audit"
)

func newConfigCommand(stdout io.Writer) *cobra.Command {
	cfg := &cobra.Command{Use: "config", Short: "Work with .textaudit.yaml files"}
	cfg.AddCommand(&cobra.Command{
		Use:   "verify [FILE]",
		Short: "Check a config file (default: .textaudit.yaml found from here upward)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := registry()
			if err != nil {
				return err
			}
			path := ""
			if len(args) == 1 {
				path = args[0]
			} else if path = audit.FindConfig("."); path == "" {
				return usageError("config verify: no %s found in this folder or above", audit.ConfigFileName)
			}
			if _, err := audit.LoadConfig(path, reg); err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			fmt.Fprintf(stdout, "%s: ok\n", path)
			return nil
		},
	})
	return cfg
}

// loadConfig reads --config, or the nearest .textaudit.yaml, or returns defaults.
func loadConfig(flag string, reg *audit.Registry) (*audit.Config, error) {
	path := flag
	if path == "" {
		path = audit.FindConfig(".")
	}
	if path == "" {
		return &audit.Config{}, nil
	}
	cfg, err := audit.LoadConfig(path, reg)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	return cfg, nil
}

package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/textaudit/textaudit/audit"
)

// JSON writes the report as indented JSON (the contract in README.md).
func JSON(w io.Writer, r *audit.Report, opt Options) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(Filter(r, opt.MinSeverity))
}

// ReadJSON loads a saved JSON audit, naming the file in errors.
func ReadJSON(path string) (*audit.Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var r audit.Report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("read %s: not a textaudit JSON report: %w", path, err)
	}
	if r.Tool != "textaudit" {
		return nil, fmt.Errorf("read %s: not a textaudit JSON report (tool is %q)", path, r.Tool)
	}
	return &r, nil
}

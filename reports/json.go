package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/textaudit/textaudit/audit"
)

// JSON writes the report as indented JSON (the contract in README.md). Files are encoded
// one at a time, so a report of 100,000 files is streamed, never held whole in memory.
func JSON(w io.Writer, r *audit.Report, opt Options) error {
	r = Filter(r, opt.MinSeverity)
	bw := bufio.NewWriterSize(w, 1<<16)
	head, err := marshalIndent(struct {
		Tool    string `json:"tool"`
		Version string `json:"version"`
	}{r.Tool, r.Version}, "")
	if err != nil {
		return err
	}
	tail, err := marshalIndent(struct {
		Rules    []audit.RuleInfo       `json:"rules,omitempty"`
		Skipped  []audit.Notice         `json:"skipped,omitempty"`
		Errors   []audit.Notice         `json:"errors,omitempty"`
		Baseline *audit.BaselineOutcome `json:"baseline,omitempty"`
		Summary  audit.Summary          `json:"summary"`
	}{r.Rules, r.Skipped, r.Errors, r.Baseline, r.Summary}, "")
	if err != nil {
		return err
	}
	// head is "{...\n}", tail is "{\n...}": splice the files array between them.
	bw.Write(bytes.TrimSuffix(head, []byte("\n}")))
	bw.WriteString(",\n  \"files\": [")
	for i, f := range r.Files {
		b, err := marshalIndent(f, "    ")
		if err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(b)
	}
	if len(r.Files) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],")
	bw.Write(bytes.TrimPrefix(tail, []byte("{")))
	bw.WriteByte('\n')
	return bw.Flush()
}

// marshalIndent encodes like json.MarshalIndent with two-space indents, without escaping
// <, > and & (reports are not HTML; the HTML renderer escapes for itself).
func marshalIndent(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
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

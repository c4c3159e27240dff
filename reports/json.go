package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/textaudit/textaudit/audit"
)

// JSON writes the report as indented JSON (the contract in README.md). Files are encoded
// one at a time, so a report of 100,000 files is streamed, never held whole in memory.
func JSON(w io.Writer, r *audit.Report, opt Options) error {
	r = Filter(r, opt.MinSeverity)
	bw := bufio.NewWriterSize(w, 1<<16)
	head, err := marshalIndent(struct {
		Tool    string   `json:"tool"`
		Version string   `json:"version"`
		Root    string   `json:"root,omitempty"`
		Inputs  []string `json:"inputs,omitempty"`
	}{r.Tool, r.Version, r.Root, r.Inputs}, "")
	if err != nil {
		return err
	}
	tail, err := marshalIndent(struct {
		Rules      []audit.RuleInfo          `json:"rules,omitempty"`
		Skipped    []audit.Notice            `json:"skipped,omitempty"`
		Errors     []audit.Notice            `json:"errors,omitempty"`
		Baseline   *audit.BaselineOutcome    `json:"baseline,omitempty"`
		Suppressed *audit.SuppressionOutcome `json:"suppressed,omitempty"`
		Summary    audit.Summary             `json:"summary"`
	}{r.Rules, r.Skipped, r.Errors, r.Baseline, r.Suppressed, r.Summary}, "")
	if err != nil {
		return err
	}
	// head is "{...\n}", tail is "{\n...}": splice the files array between them.
	bw.Write(bytes.TrimSuffix(head, []byte("\n}")))
	bw.WriteString(",\n  \"files\": [")
	// Files are encoded a batch at a time on every core and written in order: encoding is
	// the whole cost of this report, and it would otherwise run on one core after the audit.
	encoded := make([][]byte, min(len(r.Files), jsonBatch))
	errs := make([]error, len(encoded))
	for from := 0; from < len(r.Files); from += jsonBatch {
		batch := r.Files[from:min(from+jsonBatch, len(r.Files))]
		encodeParallel(batch, encoded, errs)
		for k, f := range batch {
			if errs[k] != nil {
				return fmt.Errorf("%s: %w", f.Path, errs[k])
			}
			if from+k > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n    ")
			bw.Write(encoded[k])
		}
	}
	if len(r.Files) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],")
	bw.Write(bytes.TrimPrefix(tail, []byte("{")))
	bw.WriteByte('\n')
	return bw.Flush()
}

// jsonBatch is how many files are encoded before they are written: enough to keep every
// core busy, few enough that a report of 100,000 files is still streamed.
const jsonBatch = 512

// encodeParallel encodes files[k] into out[k] (errors into errs[k]) on every core.
func encodeParallel(files []audit.FileReport, out [][]byte, errs []error) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(files)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1)) - 1
				if k >= len(files) {
					return
				}
				out[k], errs[k] = marshalFile(files[k], out[k][:0])
			}
		}()
	}
	wg.Wait()
}

// marshalFile is marshalIndent(f, "    ") appended to dst. It skips the encoder's
// reflection and its compaction of MarshalJSON's output, which json.Marshal has already
// made compact; the bytes are the same (a test holds the two to that).
func marshalFile(f audit.FileReport, dst []byte) ([]byte, error) {
	b, err := f.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return appendIndent(dst, b, "    ", "  "), nil
}

// appendIndent is json.Indent for the compact, valid JSON json.Marshal makes, without its
// validating scanner (a third of this report's cost): a newline and indent after each
// opening bracket and comma and before each closing one, except in an empty object or
// array; ": " after each key; string bytes copied as they are.
func appendIndent(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	inString, needIndent := false, false
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			// Copy the string up to its closing quote, escapes whole.
			j := i
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i, inString = j, false
			continue
		}
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline()
		}
		switch c {
		case '"':
			inString = true
			dst = append(dst, c)
		case '{', '[':
			needIndent = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		case ' ', '\t', '\n', '\r':
		default:
			dst = append(dst, c)
		}
	}
	return dst
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
	data, err := audit.ReadInputFile(path, audit.MaxReportSize)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var probe struct {
		Tool            string          `json:"tool"`
		BaselineVersion *int            `json:"baseline_version"`
		Files           json.RawMessage `json:"files"`
		Schema          string          `json:"$schema"`
	}
	if err := json.Unmarshal(data, &probe); err == nil {
		switch {
		case probe.BaselineVersion != nil:
			return nil, fmt.Errorf("read %s: this is a baseline file (--write-baseline), not a JSON report; use it with --baseline, or save a report with --format json", path)
		case probe.Schema != "" && probe.Tool == "":
			return nil, fmt.Errorf("read %s: this is a SARIF log, not a textaudit JSON report; save one with --format json", path)
		case probe.Tool == "textaudit" && probe.Files == nil:
			return nil, fmt.Errorf("read %s: not a textaudit JSON report (no files)", path)
		}
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

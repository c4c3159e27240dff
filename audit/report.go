package audit

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Report is the serialisable outcome of a run: the JSON contract that other tools, the
// evaluation and `textaudit report` read. Extend it; never break it.
type Report struct {
	Tool    string `json:"tool"`
	Version string `json:"version"`
	// Root is the absolute folder the audit ran in: relative paths are relative to it, so
	// `textaudit report` finds the texts from any working folder.
	Root string `json:"root,omitempty"`
	// Inputs are the files and folders the audit was given (relative to Root when under it):
	// `textaudit report` reads texts only under them.
	Inputs []string     `json:"inputs,omitempty"`
	Files  []FileReport `json:"files"`
	// Rules describes every rule that ran, so a saved report renders (SARIF, HTML) without
	// the registry of the version that wrote it.
	Rules   []RuleInfo `json:"rules,omitempty"`
	Skipped []Notice   `json:"skipped,omitempty"`
	Errors  []Notice   `json:"errors,omitempty"`
	// Baseline says how many findings a --baseline file hid and which entries are stale.
	Baseline *BaselineOutcome `json:"baseline,omitempty"`
	// Suppressed says how many findings .textauditignore and config exclusions hid.
	Suppressed *SuppressionOutcome `json:"suppressed,omitempty"`
	Summary    Summary             `json:"summary"`
}

// RealRoots resolves paths to absolute ones with links resolved, for Within; paths that do
// not resolve are left out.
func RealRoots(paths []string) []string {
	var out []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			out = append(out, real)
		}
	}
	return out
}

// Within reports whether path, resolved like RealRoots does, lies under one of roots.
func Within(path string, roots []string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return false
	}
	sep := string(filepath.Separator)
	for _, r := range roots {
		if real == r || strings.HasPrefix(real, strings.TrimSuffix(r, sep)+sep) {
			return true
		}
	}
	return false
}

// RuleInfo is a rule's description as carried in a report.
type RuleInfo struct {
	ID          string   `json:"id"`
	Category    Category `json:"category"`
	Severity    Severity `json:"severity"`
	Description string   `json:"description"`
}

// Describe lists the rules for a report.
func Describe(rules []*Rule) []RuleInfo {
	out := make([]RuleInfo, 0, len(rules))
	for _, r := range rules {
		out = append(out, RuleInfo{ID: r.ID, Category: r.Category, Severity: r.Severity, Description: r.Description})
	}
	return out
}

// Summary totals a run.
type Summary struct {
	Files      int              `json:"files"`
	Findings   int              `json:"findings"`
	MeanScore  float64          `json:"mean_score"`
	MinScore   float64          `json:"min_score"`
	BySeverity map[Severity]int `json:"by_severity"`
	ByCategory map[Category]int `json:"by_category"`
	// BelowMinSeverity counts findings a --min-severity view left out; Findings, BySeverity
	// and ByCategory count only the findings listed, while scores count every finding.
	BelowMinSeverity int `json:"below_min_severity,omitempty"`
}

// NewReport assembles the report of a run.
func NewReport(version string, res *Result) *Report {
	r := &Report{Tool: "textaudit", Version: version, Files: res.Files, Skipped: res.Skipped, Errors: res.Errors}
	if r.Files == nil {
		r.Files = []FileReport{}
	}
	r.Summary = Summarize(r.Files)
	return r
}

// Summarize totals files: counts, mean and minimum score, findings by severity and category.
func Summarize(files []FileReport) Summary {
	s := Summary{Files: len(files), BySeverity: map[Severity]int{}, ByCategory: map[Category]int{}}
	if len(files) == 0 {
		return s
	}
	sum := 0.0
	s.MinScore = 100
	for _, f := range files {
		sum += f.Score
		if f.Score < s.MinScore {
			s.MinScore = f.Score
		}
		s.Findings += len(f.Findings)
		for _, x := range f.Findings {
			s.BySeverity[x.Severity]++
			s.ByCategory[x.Category]++
		}
	}
	s.MeanScore = float64(int(sum/float64(len(files))*10+0.5)) / 10
	return s
}

// fileFields are the fixed fields of a file object; facts may not shadow them.
var fileFields = map[string]bool{"path": true, "path_bytes": true, "score": true, "deductions": true, "findings": true}

// MarshalJSON writes the fixed fields and then the facts as further fields, in key order.
func (f FileReport) MarshalJSON() ([]byte, error) {
	m := map[string]any{}
	for k, v := range f.Facts {
		if !fileFields[k] {
			m[k] = v
		}
	}
	m["path"] = f.Path
	if !utf8.ValidString(f.Path) {
		// JSON strings hold UTF-8 only: "path" shows U+FFFD for the bad bytes, and
		// path_bytes (base64) keeps the name as the file system has it, to reload the file.
		m["path_bytes"] = []byte(f.Path)
	}
	m["score"] = f.Score
	ded := f.Deductions
	if ded == nil {
		ded = map[Category]float64{}
	}
	m["deductions"] = ded
	findings := f.Findings
	if findings == nil {
		findings = []Finding{}
	}
	m["findings"] = findings
	// encoding/json sorts map keys, which keeps the output stable for golden files.
	return json.Marshal(m)
}

// UnmarshalJSON reads a file object back, keeping unknown fields as facts.
func (f *FileReport) UnmarshalJSON(b []byte) error {
	var fixed struct {
		Path       string               `json:"path"`
		PathBytes  []byte               `json:"path_bytes"`
		Score      float64              `json:"score"`
		Deductions map[Category]float64 `json:"deductions"`
		Findings   []Finding            `json:"findings"`
	}
	if err := json.Unmarshal(b, &fixed); err != nil {
		return err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	*f = FileReport{Path: fixed.Path, Score: fixed.Score, Deductions: fixed.Deductions, Findings: fixed.Findings}
	if fixed.PathBytes != nil {
		f.Path = string(fixed.PathBytes)
		for i := range f.Findings {
			if f.Findings[i].Path == fixed.Path {
				f.Findings[i].Path = f.Path
			}
		}
	}
	for _, k := range sortedKeys(all) {
		if fileFields[k] {
			continue
		}
		var v any
		if err := json.Unmarshal(all[k], &v); err != nil {
			return fmt.Errorf("file %s: field %s: %w", fixed.Path, k, err)
		}
		if f.Facts == nil {
			f.Facts = map[string]any{}
		}
		f.Facts[k] = v
	}
	return nil
}

// FactKeys lists a file's fact names in order.
func (f FileReport) FactKeys() []string {
	keys := make([]string, 0, len(f.Facts))
	for k := range f.Facts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

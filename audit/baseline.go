package audit

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// Baseline records the fingerprints of accepted findings, so a gate judges only new ones.
type Baseline struct {
	Tool    string          `json:"tool"`
	Version int             `json:"baseline_version"`
	Entries []BaselineEntry `json:"findings"`
}

// BaselineEntry is one accepted finding; rule, path and text are there for people reading
// or pruning the file, the fingerprint is what matches.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Text        string `json:"text,omitempty"`
}

// BaselineOutcome says what applying a baseline did.
type BaselineOutcome struct {
	Suppressed int             `json:"suppressed"`
	Stale      []BaselineEntry `json:"stale,omitempty"` // entries that matched no finding: prune them
}

// NewBaseline records every finding of the report, one entry per fingerprint.
func NewBaseline(files []FileReport) *Baseline {
	b := &Baseline{Tool: "textaudit", Version: 1, Entries: []BaselineEntry{}}
	seen := map[string]bool{}
	for _, f := range files {
		for _, x := range f.Findings {
			if seen[x.Fingerprint] {
				continue
			}
			seen[x.Fingerprint] = true
			text, _ := x.Evidence["text"].(string)
			if len(text) > 200 {
				text = text[:200]
			}
			b.Entries = append(b.Entries, BaselineEntry{Fingerprint: x.Fingerprint, Rule: x.Rule, Path: x.Path, Text: text})
		}
	}
	sort.Slice(b.Entries, func(i, j int) bool {
		a, c := b.Entries[i], b.Entries[j]
		if a.Path != c.Path {
			return a.Path < c.Path
		}
		if a.Rule != c.Rule {
			return a.Rule < c.Rule
		}
		return a.Fingerprint < c.Fingerprint
	})
	return b
}

// LoadBaseline reads a baseline file, naming it in errors.
func LoadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, pathError(err))
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("baseline %s: not a textaudit baseline: %w", path, err)
	}
	if b.Tool != "textaudit" {
		return nil, fmt.Errorf("baseline %s: not a textaudit baseline (tool %q)", path, b.Tool)
	}
	return &b, nil
}

// Apply hides findings whose fingerprint the baseline holds and rescores the files, so
// scores and gates reflect only new findings. Entries that matched nothing are returned as
// stale, but only for files this run audited (a partial run must not call the rest stale).
func (b *Baseline) Apply(files []FileReport, model ScoreModel) BaselineOutcome {
	known := map[string]bool{}
	for _, e := range b.Entries {
		known[e.Fingerprint] = true
	}
	audited := map[string]bool{}
	used := map[string]bool{}
	var out BaselineOutcome
	for i := range files {
		f := &files[i]
		audited[f.Path] = true
		kept := f.Findings[:0]
		for _, x := range f.Findings {
			if known[x.Fingerprint] {
				used[x.Fingerprint] = true
				out.Suppressed++
				continue
			}
			kept = append(kept, x)
		}
		f.Findings = kept
		f.Score, f.Deductions = model.Score(f.Findings)
	}
	for _, e := range b.Entries {
		if !used[e.Fingerprint] && audited[e.Path] {
			out.Stale = append(out.Stale, e)
		}
	}
	return out
}

package audit

import (
	"encoding/json"
	"errors"
	"fmt"
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
	b := &Baseline{Tool: "textaudit", Version: BaselineVersion, Entries: []BaselineEntry{}}
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

// BaselineVersion is the baseline format this version writes and reads.
const BaselineVersion = 1

// LoadBaseline reads a baseline file, naming it in errors.
func LoadBaseline(path string) (*Baseline, error) {
	data, err := ReadInputFile(path, MaxBaselineSize)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	b, err := ParseBaseline(data)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	return b, nil
}

// ParseBaseline decodes and checks a baseline: a baseline of another format version, or
// an audit report given in its place, would otherwise hide nothing without a word.
func ParseBaseline(data []byte) (*Baseline, error) {
	var b struct {
		Baseline
		Files json.RawMessage `json:"files"`
	}
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("not a textaudit baseline: %w", err)
	}
	switch {
	case b.Tool != "textaudit":
		return nil, fmt.Errorf("not a textaudit baseline (tool %q)", b.Tool)
	case b.Files != nil && b.Version == 0:
		return nil, errors.New("this is an audit report, not a baseline (write one with --write-baseline)")
	case b.Version != BaselineVersion:
		return nil, fmt.Errorf("baseline_version %d is not supported (this version reads %d)", b.Version, BaselineVersion)
	}
	for i, e := range b.Entries {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("findings[%d]: no fingerprint", i)
		}
	}
	return &b.Baseline, nil
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

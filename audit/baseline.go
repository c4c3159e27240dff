package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
)

// Baseline records the fingerprints of accepted findings and how many times each occurs,
// so a gate judges only new ones: a second copy of an accepted line is new.
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
	// Count is how many findings share the fingerprint (the same text flagged twice in a
	// file). Baselines of version 1 had no count; their entries hide every occurrence.
	Count int `json:"count,omitempty"`
}

// BaselineVersion is the baseline format this version writes; it reads it and version 1.
// Version 2 added Count.
const BaselineVersion = 2

// BaselineOutcome says what applying a baseline did.
type BaselineOutcome struct {
	Suppressed int             `json:"suppressed"`
	Stale      []BaselineEntry `json:"stale,omitempty"` // entries that matched no finding: prune them
}

// NewBaseline records every finding of the report, one entry per fingerprint with the
// number of its occurrences.
func NewBaseline(files []FileReport) *Baseline {
	b := &Baseline{Tool: "textaudit", Version: BaselineVersion, Entries: []BaselineEntry{}}
	seen := map[string]int{} // fingerprint → index in Entries
	for _, f := range files {
		for _, x := range f.Findings {
			if i, ok := seen[x.Fingerprint]; ok {
				b.Entries[i].Count++
				continue
			}
			seen[x.Fingerprint] = len(b.Entries)
			text, _ := x.Evidence["text"].(string)
			if len(text) > 200 {
				text = text[:200]
			}
			b.Entries = append(b.Entries, BaselineEntry{Fingerprint: x.Fingerprint, Rule: x.Rule, Path: x.Path, Text: text, Count: 1})
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
	case b.Version < 1 || b.Version > BaselineVersion:
		return nil, fmt.Errorf("baseline_version %d is not supported (this version reads 1 to %d; write it anew with --write-baseline)", b.Version, BaselineVersion)
	}
	for i, e := range b.Entries {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("findings[%d]: no fingerprint", i)
		}
	}
	return &b.Baseline, nil
}

// Apply hides findings whose fingerprint the baseline holds, as many of them as the entry
// counts (in report order), and rescores the files, so scores and gates reflect only new
// findings. Entries, or parts of entries, that matched nothing are returned as stale, but
// only for files this run audited (a partial run must not call the rest stale).
func (b *Baseline) Apply(files []FileReport, model ScoreModel) BaselineOutcome {
	const unlimited = -1
	left := map[string]int{}
	for _, e := range b.Entries {
		n := e.Count
		if b.Version < 2 || n <= 0 {
			n = unlimited
		}
		if left[e.Fingerprint] == unlimited || n == unlimited {
			left[e.Fingerprint] = unlimited
		} else {
			left[e.Fingerprint] += n
		}
	}
	audited := map[string]bool{}
	used := map[string]int{}
	var out BaselineOutcome
	for i := range files {
		f := &files[i]
		audited[f.Path] = true
		kept := f.Findings[:0]
		for _, x := range f.Findings {
			if n, ok := left[x.Fingerprint]; ok && n != 0 {
				if n > 0 {
					left[x.Fingerprint]--
				}
				used[x.Fingerprint]++
				out.Suppressed++
				continue
			}
			kept = append(kept, x)
		}
		f.Findings = kept
		f.Score, f.Deductions = model.Score(f.Findings)
	}
	for _, e := range b.Entries {
		if !audited[e.Path] {
			continue
		}
		if used[e.Fingerprint] == 0 {
			out.Stale = append(out.Stale, e)
		} else if n := left[e.Fingerprint]; n > 0 {
			// Fewer occurrences than recorded: the rest of the entry is stale.
			e.Count = n
			out.Stale = append(out.Stale, e)
			left[e.Fingerprint] = 0
		}
	}
	return out
}

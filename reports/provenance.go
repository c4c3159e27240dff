package reports

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/textaudit/textaudit/audit"
)

// provenanceRow is one file's provenance as the tables show it.
type provenanceRow struct {
	path, credits, photos, copiedFrom, copiedTo, sharedWith string
}

// provenanceRows reads each file's "provenance" fact (published by the provenance and
// duplicate families: credits, photo_credits, inherited, copied_from, copied_to,
// shared_with; see rules/provenance.Fact) and
// returns one row per file that has any. Unknown shapes are skipped, never fatal: the fact
// may come from a saved report of another version.
// With short, a counterpart in the same folder as the file is named by its base name.
func provenanceRows(r *audit.Report, short bool) []provenanceRow {
	var rows []provenanceRow
	for _, f := range r.Files {
		p := asJSONObject(f.Facts["provenance"])
		if p == nil {
			continue
		}
		name := func(other string) string {
			if short && filepath.Dir(other) == filepath.Dir(f.Path) {
				return filepath.Base(other)
			}
			return other
		}
		row := provenanceRow{
			path:       f.Path,
			credits:    joinStrings(p["credits"]),
			photos:     joinStrings(p["photo_credits"]),
			copiedFrom: joinCopies(p["copied_from"], "←", name),
			copiedTo:   joinCopies(p["copied_to"], "→", name),
			sharedWith: joinCopies(p["shared_with"], "↔", name),
		}
		if inh := joinInherited(p["inherited"], name); inh != "" {
			if row.credits != "" {
				row.credits += "; "
			}
			row.credits += inh
		}
		if row.credits+row.photos+row.copiedFrom+row.copiedTo+row.sharedWith == "" {
			continue
		}
		rows = append(rows, row)
	}
	return rows
}

// asJSONObject views a fact as decoded JSON, whether it was set in process as a struct or
// read back from a saved report, so both render alike.
func asJSONObject(v any) map[string]any {
	if v == nil {
		return nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var m map[string]any
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	return m
}

func joinStrings(v any) string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

// joinCopies renders [{path, line, counterpart_line}] as "8 ← b.txt:19": this file's line,
// the direction of the copy, the other file and its line.
func joinCopies(v any, arrow string, name func(string) string) string {
	var out []string
	for _, m := range asMaps(v) {
		path, _ := m["path"].(string)
		if path == "" {
			continue
		}
		s := name(path)
		if l, ok := m["counterpart_line"].(float64); ok {
			s = fmt.Sprintf("%s:%d", name(path), int(l))
		}
		if l, ok := m["line"].(float64); ok {
			s = fmt.Sprintf("%d %s %s", int(l), arrow, s)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// joinInherited renders [{agency, via, line}] as "Reuters (via a.txt)".
func joinInherited(v any, name func(string) string) string {
	var out []string
	for _, m := range asMaps(v) {
		agency, _ := m["agency"].(string)
		via, _ := m["via"].(string)
		if agency == "" {
			continue
		}
		if via != "" {
			agency += " (via " + name(via) + ")"
		}
		out = append(out, agency)
	}
	return strings.Join(out, ", ")
}

// asMaps returns the objects of a decoded JSON list.
func asMaps(v any) []map[string]any {
	list, _ := v.([]any)
	var out []map[string]any
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

package reports

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/textaudit/textaudit/audit"
)

// SARIF 2.1.0 as GitHub code scanning reads it: rules with descriptions and default levels,
// results with regions and partialFingerprints. Only the fields used are modelled.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name,omitempty"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           map[string]any  `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]any    `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn"`
	EndLine     int        `json:"endLine"`
	EndColumn   int        `json:"endColumn"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

// sarifLevel maps severities to SARIF levels.
func sarifLevel(s audit.Severity) string {
	switch s {
	case audit.Error:
		return "error"
	case audit.Warning:
		return "warning"
	default:
		return "note"
	}
}

// SARIF writes a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.
func SARIF(w io.Writer, r *audit.Report, opt Options) error {
	r = Filter(r, opt.MinSeverity)
	rules := map[string]audit.RuleInfo{}
	for _, ri := range r.Rules {
		rules[ri.ID] = ri
	}
	// Findings of rules the report does not describe (an old report) still get an entry.
	for _, f := range r.Files {
		for _, x := range f.Findings {
			if _, ok := rules[x.Rule]; !ok {
				rules[x.Rule] = audit.RuleInfo{ID: x.Rule, Category: x.Category, Severity: x.Severity, Description: x.Rule}
			}
		}
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	index := map[string]int{}
	driver := sarifDriver{Name: "textaudit", Version: r.Version, Rules: []sarifRule{}}
	for i, id := range ids {
		ri := rules[id]
		index[id] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   id,
			Name:                 ruleName(id),
			ShortDescription:     sarifText{ri.Description},
			FullDescription:      sarifText{ri.Description + " (category " + string(ri.Category) + ")."},
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(ri.Severity)},
			Properties:           map[string]any{"category": string(ri.Category), "tags": []string{string(ri.Category)}},
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	for _, f := range r.Files {
		for _, x := range f.Findings {
			res := sarifResult{
				RuleID:    x.Rule,
				RuleIndex: index[x.Rule],
				Level:     sarifLevel(x.Severity),
				Message:   sarifText{x.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
					ArtifactLocation: sarifArtifact{URI: encodeURIPath(artifactURI(x.Path))},
					Region:           sarifRegionOf(x),
				}}},
				PartialFingerprints: map[string]string{"textaudit/v1": x.Fingerprint},
			}
			if len(x.Evidence) > 0 {
				res.Properties = map[string]any{"evidence": x.Evidence}
			}
			run.Results = append(run.Results, res)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

func sarifRegionOf(x audit.Finding) sarifRegion {
	reg := sarifRegion{StartLine: max(1, x.Line), StartColumn: max(1, x.Column), EndLine: max(1, x.EndLine, x.Line)}
	// SARIF end columns are exclusive; findings' are inclusive.
	reg.EndColumn = max(1, x.EndColumn) + 1
	if t, ok := x.Evidence["text"].(string); ok && t != "" {
		reg.Snippet = &sarifText{t}
	}
	return reg
}

// artifactURI turns a path into a relative URI with forward slashes, as code scanning
// expects; "./" prefixes are dropped.
func artifactURI(path string) string {
	p := filepath.ToSlash(filepath.Clean(path))
	return strings.TrimPrefix(p, "./")
}

// encodeURIPath percent-encodes a slash-separated path for a SARIF uri (RFC 3986): a space,
// "#", "%", "?" or a byte that is not UTF-8 in a file name would otherwise make the URI
// invalid or name another file. ":" is encoded too, so a first segment is never a scheme.
func encodeURIPath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}

// ruleName makes a SARIF rule name ("BoilerplatePhrase") from a dotted ID.
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if r == '.' || r == '-' || r == '_' {
			up = true
			continue
		}
		if up {
			b.WriteString(strings.ToUpper(string(r)))
			up = false
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

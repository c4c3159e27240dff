package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/docs"
)

// SARIF 2.1.0 as GitHub code scanning reads it: rules with descriptions and default levels,
// results with regions and partialFingerprints. Only the fields used are modelled.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	Results     []sarifResult     `json:"results"`
}

// sarifInvocation carries the notice that results were cut.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
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
	Help                 *sarifHelp      `json:"help,omitempty"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           map[string]any  `json:"properties,omitempty"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
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

// SARIFMaxResults is GitHub code scanning's limit of results per run; an upload above it
// is rejected whole, so the log is cut to it, lowest severities first.
const SARIFMaxResults = 25000

// SARIF writes a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers. URIs are
// relative to the report's root (the folder the audit ran in) with Options.PathPrefix in
// front, and percent-encoded; files outside the root get absolute file: URIs.
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
	driver := sarifDriver{Name: "textaudit", Version: r.Version, InformationURI: docs.RepositoryURL, Rules: []sarifRule{}}
	for i, id := range ids {
		ri := rules[id]
		index[id] = i
		rule := sarifRule{
			ID:                   id,
			Name:                 ruleName(id),
			ShortDescription:     sarifText{ri.Description},
			FullDescription:      sarifText{ri.Description + " (category " + string(ri.Category) + ")."},
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(ri.Severity)},
			Properties:           map[string]any{"category": string(ri.Category), "tags": []string{string(ri.Category)}},
		}
		if doc, ok := docs.Rule(id); ok {
			rule.Help = &sarifHelp{Text: docs.Summary(doc), Markdown: doc}
			rule.HelpURI = docs.RuleURL(id)
		}
		driver.Rules = append(driver.Rules, rule)
	}
	kept, cut := capFindings(r.Files, SARIFMaxResults)
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	if cut != "" {
		run.Invocations = []sarifInvocation{{ExecutionSuccessful: true, ToolExecutionNotifications: []sarifNotification{{Level: "warning", Message: sarifText{cut}}}}}
		if opt.Warn != nil {
			opt.Warn("SARIF: " + cut)
		}
	}
	// A fingerprint names a finding's rule, path and text; the same text flagged twice in a
	// file needs the occurrence number too, or code scanning merges the two alerts.
	seen := map[string]int{}
	for _, x := range kept {
		fp := x.Fingerprint
		n := seen[x.Fingerprint]
		seen[x.Fingerprint]++
		if n > 0 {
			fp += ":" + strconv.Itoa(n)
		}
		res := sarifResult{
			RuleID:    x.Rule,
			RuleIndex: index[x.Rule],
			Level:     sarifLevel(x.Severity),
			Message:   sarifText{x.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: sarifURI(r.Root, opt.PathPrefix, x.Path)},
				Region:           sarifRegionOf(*x),
			}}},
			PartialFingerprints: map[string]string{"textaudit/v1": fp},
		}
		if len(x.Evidence) > 0 {
			res.Properties = map[string]any{"evidence": x.Evidence}
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// capFindings returns at most limit findings in report order, keeping higher severities
// first, and says what was cut ("" when nothing was).
func capFindings(files []audit.FileReport, limit int) ([]*audit.Finding, string) {
	var all []*audit.Finding
	for i := range files {
		for j := range files[i].Findings {
			all = append(all, &files[i].Findings[j])
		}
	}
	if len(all) <= limit {
		return all, ""
	}
	bySev := append([]*audit.Finding(nil), all...)
	sort.SliceStable(bySev, func(i, j int) bool { return bySev[i].Severity > bySev[j].Severity })
	keep := map[*audit.Finding]bool{}
	cutBy := map[audit.Severity]int{}
	for i, x := range bySev {
		if i < limit {
			keep[x] = true
		} else {
			cutBy[x.Severity]++
		}
	}
	var kept []*audit.Finding
	for _, x := range all {
		if keep[x] {
			kept = append(kept, x)
		}
	}
	var parts []string
	for _, s := range []audit.Severity{audit.Error, audit.Warning, audit.Info} {
		if cutBy[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", cutBy[s], s))
		}
	}
	return kept, fmt.Sprintf("%d results exceed GitHub code scanning's limit of %d per run; left out %s findings (lowest severity first, then the last files in path order); raise --min-severity or audit fewer files per upload",
		len(all), limit, strings.Join(parts, " and "))
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

// repoPath is a finding's path relative to root (the folder the audit ran in) with prefix
// in front (the audited folder's place in the repository, --path-prefix), in forward
// slashes; ok is false for a file outside root, whose absolute path is returned.
func repoPath(root, prefix, path string) (string, bool) {
	abs := path
	if !filepath.IsAbs(abs) && root != "" {
		abs = filepath.Join(root, path)
	}
	rel := filepath.Clean(path)
	if root != "" && filepath.IsAbs(abs) {
		if r, err := filepath.Rel(root, abs); err == nil {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") || filepath.IsAbs(rel) {
		return filepath.ToSlash(abs), false
	}
	if prefix != "" {
		rel = strings.TrimSuffix(filepath.ToSlash(prefix), "/") + "/" + rel
	}
	return strings.TrimPrefix(rel, "./"), true
}

// sarifURI is repoPath percent-encoded (RFC 3986: every byte but unreserved characters and
// "/"), a file: URI for files outside the root.
func sarifURI(root, prefix, path string) string {
	p, inside := repoPath(root, prefix, path)
	if !inside {
		return "file://" + percentEncode(p)
	}
	return percentEncode(p)
}

func percentEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~/", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
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

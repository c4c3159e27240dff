package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeConfigExampleVerifies runs the YAML example of README.md's Configuration section
// through `config verify`, so the documentation cannot drift from the rules and parameters.
func TestReadmeConfigExampleVerifies(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Configuration\n.*?```yaml\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md has no ```yaml block under ## Configuration")
	}
	path := filepath.Join(t.TempDir(), ".textaudit.yaml")
	if err := os.WriteFile(path, m[1], 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := textaudit(t, "config", "verify", path); code != exitOK {
		t.Errorf("README's config example: exit %d %q %q", code, out, errs)
	}
}

func TestConfigRejectsBadParameterValuesNamingTheKey(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"params: {spin.paragraph: {min_gain: .nan}}\n", "params.spin.paragraph.min_gain: want a number from 0 to 20, got NaN"},
		{"params: {spin.paragraph: {min_words: 7.5}}\n", "params.spin.paragraph.min_words: want a whole number 1 or more, got 7.5"},
		{"params: {spin.paragraph: {context_common: yes please}}\n", "params.spin.paragraph.context_common: want true or false"},
		{"params: {duplicate.cross: {min_cover: 2}}\n", "params.duplicate.cross.min_cover: want a number from 0 to 1, got 2"},
		{"params: {duplicate.paragraph: {min_words: 6}}\n", "params.duplicate.paragraph: unknown rule"},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), "c.yaml")
		if err := os.WriteFile(path, []byte(tt.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, errs := textaudit(t, "config", "verify", path); code != exitUsage || !strings.Contains(errs, tt.want) {
			t.Errorf("%s: exit %d %q, want 2 and %q", tt.yaml, code, errs, tt.want)
		}
		// The audit refuses it too, before writing any report: a NaN never reaches a writer.
		if code, out, errs := textaudit(t, "audit", "--config", path, "--format", "json", "testdata/seeds"); code != exitUsage || out != "" || !strings.Contains(errs, tt.want) {
			t.Errorf("audit with %s: exit %d, %d bytes of output, %q", tt.yaml, code, len(out), errs)
		}
	}
}

func TestRulesCommandDescribesEveryParameter(t *testing.T) {
	code, out, errs := textaudit(t, "rules", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d %q", code, errs)
	}
	var list []struct {
		ID        string             `json:"id"`
		Params    map[string]float64 `json:"params"`
		ParamInfo []struct {
			Name, Type, Meaning string
			Default             any
		} `json:"param_info"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	for _, r := range list {
		if len(r.ParamInfo) != len(r.Params) {
			t.Errorf("%s: %d params but %d described", r.ID, len(r.Params), len(r.ParamInfo))
		}
		for _, p := range r.ParamInfo {
			if p.Meaning == "" || p.Type == "" || p.Default == nil {
				t.Errorf("%s.%s: incomplete description %+v", r.ID, p.Name, p)
			}
		}
	}
	code, out, _ = textaudit(t, "rules", "spin.paragraph", "provenance.shared-story")
	for _, want := range []string{"wider_gain = 3.5  (float, 0 to 20)", "context_common = true  (bool)",
		"min_words = 8  (int, 1 or more)", "found by duplicate.cross's corpus pass"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("rules spin.paragraph provenance.shared-story: exit %d, no %q in\n%s", code, want, out)
		}
	}
	if code, _, errs := textaudit(t, "rules", "nosuch"); code != exitUsage || !strings.Contains(errs, "nosuch") {
		t.Errorf("rules nosuch: exit %d %q", code, errs)
	}
}

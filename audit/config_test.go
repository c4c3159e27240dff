package audit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testRegistry(t *testing.T) *Registry {
	t.Helper()
	noop := func(*Pass) {}
	reg, err := NewRegistry([]*Rule{
		&Rule{ID: "boilerplate.phrase", Category: Boilerplate, Severity: Warning, Description: "d", Check: noop},
		&Rule{ID: "boilerplate.splice", Category: Boilerplate, Severity: Info, Description: "d", Check: noop, Params: map[string]float64{"min": 1}},
		&Rule{ID: "date.missing", Category: Date, Severity: Warning, Description: "d", Check: noop},
	})
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

func TestParseConfigRejectsMistakesNamingTheKey(t *testing.T) {
	reg := testRegistry(t)
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown top-level key", "disabel: [date]\n", "disabel"},
		{"unknown rule in disable", "disable: [nosuch]\n", "disable"},
		{"bad severity", "severity:\n  date.missing: fatal\n", "fatal"},
		{"unknown rule in params", "params:\n  nosuch.rule: {x: 1}\n", "params.nosuch.rule"},
		{"unknown parameter", "params:\n  boilerplate.splice: {max: 1}\n", "params.boilerplate.splice.max"},
		{"override without paths", "overrides:\n  - disable: [date]\n", "overrides[0].paths"},
		{"bad glob", "overrides:\n  - paths: ['[']\n", "bad glob"},
		{"phrase without letters", "phrases:\n  en: ['---']\n", "phrases.en[0]"},
		{"wrong type", "disable: 3\n", "disable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tt.yaml), reg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

func TestConfigResolvesSelectionAndSeverityBySpecificity(t *testing.T) {
	reg := testRegistry(t)
	cfg, err := ParseConfig([]byte(`
disable: [boilerplate]
enable: [boilerplate.splice]
severity:
  boilerplate: error
  boilerplate.splice: warning
overrides:
  - paths: ["archive/**"]
    disable: [date]
    severity: {boilerplate.splice: info}
params:
  boilerplate.splice: {min: 3}
`), reg)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rule, path string
		on         bool
		sev        Severity
	}{
		{"boilerplate.phrase", "a.txt", false, Error},
		{"boilerplate.splice", "a.txt", true, Warning},
		{"boilerplate.splice", "archive/2004/a.txt", true, Info},
		{"date.missing", "a.txt", true, Warning},
		{"date.missing", "archive/2004/a.txt", false, Warning},
	}
	for _, tt := range tests {
		sev, on := cfg.Resolve(Finding{Rule: tt.rule, Path: tt.path, Severity: Warning})
		if on != tt.on || (on && sev != tt.sev) {
			t.Errorf("%s on %s: on=%v sev=%v, want on=%v sev=%v", tt.rule, tt.path, on, sev, tt.on, tt.sev)
		}
	}
	r, _ := reg.Lookup("boilerplate.splice")
	if got := cfg.ParamsFor(r).Get("min"); got != 3 {
		t.Errorf("param min = %v, want 3", got)
	}
}

func TestFindConfigLooksUpward(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(root, ConfigFileName)
	if err := os.WriteFile(want, []byte("disable: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := FindConfig(deep); got != want {
		t.Errorf("FindConfig = %q, want %q", got, want)
	}
}

func TestEmptyConfigIsValid(t *testing.T) {
	if _, err := ParseConfig(nil, testRegistry(t)); err != nil {
		t.Errorf("empty config: %v", err)
	}
}

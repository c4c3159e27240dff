package audit

import (
	"math"
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
		&Rule{ID: "boilerplate.splice", Category: Boilerplate, Severity: Info, Description: "d", Check: noop, Params: testParamDecls},
		&Rule{ID: "date.missing", Category: Date, Severity: Warning, Description: "d", Check: noop},
	})
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// testParams is a rule's parameter struct with one parameter of each kind.
type testParams struct {
	min   int
	share float64
	on    bool
}

var testParamDecls = []Param{
	IntParam("min", 1, 0, 100, "a count", func(p *testParams) *int { return &p.min }),
	FloatParam("share", 0.5, 0, 1, "a share", func(p *testParams) *float64 { return &p.share }),
	BoolParam("on", true, "a switch", func(p *testParams) *bool { return &p.on }),
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
		{"string parameter", "params:\n  boilerplate.splice: {min: many}\n", `params.boilerplate.splice.min: want a whole number from 0 to 100, got "many"`},
		{"fractional count", "params:\n  boilerplate.splice: {min: 2.5}\n", "params.boilerplate.splice.min: want a whole number"},
		{"count out of range", "params:\n  boilerplate.splice: {min: 101}\n", "params.boilerplate.splice.min: want a whole number from 0 to 100, got 101"},
		{"negative share", "params:\n  boilerplate.splice: {share: -0.1}\n", "params.boilerplate.splice.share: want a number from 0 to 1"},
		{"NaN", "params:\n  boilerplate.splice: {share: .nan}\n", "params.boilerplate.splice.share: want a number from 0 to 1, got NaN"},
		{"infinity", "params:\n  boilerplate.splice: {share: .inf}\n", "params.boilerplate.splice.share: want a number from 0 to 1, got +Inf"},
		{"bool for a number", "params:\n  boilerplate.splice: {share: true}\n", "params.boilerplate.splice.share: want a number"},
		{"number for a switch", "params:\n  boilerplate.splice: {on: 2}\n", "params.boilerplate.splice.on: want true or false, got 2"},
		{"list for a number", "params:\n  boilerplate.splice: {min: [1]}\n", "params.boilerplate.splice.min: want a whole number from 0 to 100, got a list"},
		{"parameter of a rule without any", "params:\n  date.missing: {x: 1}\n", "params.date.missing.x: unknown parameter (date.missing has none)"},
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
  boilerplate.splice: {min: 3, on: false, share: 1}
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
	prm, err := cfg.ParamsFor(r)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := DecodeParams[testParams](prm), (testParams{min: 3, share: 1, on: false}); got != want {
		t.Errorf("decoded parameters = %+v, want %+v", got, want)
	}
	if got, want := DecodeParams[testParams](r.Defaults()), (testParams{min: 1, share: 0.5, on: true}); got != want {
		t.Errorf("defaults = %+v, want %+v", got, want)
	}
}

func TestParamsAcceptTheirKindsOnly(t *testing.T) {
	reg := testRegistry(t)
	r, _ := reg.Lookup("boilerplate.splice")
	tests := []struct {
		yaml string
		want testParams
	}{
		{"{min: 7.0}", testParams{min: 7, share: 0.5, on: true}}, // a whole float is a count
		{"{share: 1}", testParams{min: 1, share: 1, on: true}},   // an int is a number
		{"{on: 0}", testParams{min: 1, share: 0.5, on: false}},   // 0 and 1 are switches
		{"{on: true, min: 0}", testParams{min: 0, share: 0.5, on: true}},
	}
	for _, tt := range tests {
		cfg, err := ParseConfig([]byte("params: {boilerplate.splice: "+tt.yaml+"}\n"), reg)
		if err != nil {
			t.Errorf("%s: %v", tt.yaml, err)
			continue
		}
		prm, err := cfg.ParamsFor(r)
		if err != nil {
			t.Fatal(err)
		}
		if got := DecodeParams[testParams](prm); got != tt.want {
			t.Errorf("%s: decoded %+v, want %+v", tt.yaml, got, tt.want)
		}
	}
	// A config built in code is checked when the run resolves it, before any rule runs.
	cfg := &Config{Params: map[string]map[string]any{"boilerplate.splice": {"share": math.NaN()}}}
	if _, err := Run(nil, Options{Registry: reg, Config: cfg}); err == nil || !strings.Contains(err.Error(), "params.boilerplate.splice.share") {
		t.Errorf("Run with a NaN parameter: err = %v, want one naming the key", err)
	}
}

func TestRegistryRejectsBadParamDeclarations(t *testing.T) {
	bind := func(p *testParams) *int { return &p.min }
	tests := []struct {
		name string
		decl []Param
	}{
		{"twice", []Param{IntParam("n", 1, 0, 9, "m", bind), IntParam("n", 1, 0, 9, "m", bind)}},
		{"no meaning", []Param{IntParam("n", 1, 0, 9, "", bind)}},
		{"default out of range", []Param{IntParam("n", 10, 0, 9, "m", bind)}},
		{"not declared with a constructor", []Param{{Name: "n", Kind: IntKind, Meaning: "m"}}},
	}
	for _, tt := range tests {
		r := &Rule{ID: "spin.x", Category: Spin, Description: "d", Check: func(*Pass) {}, Params: tt.decl}
		if _, err := NewRegistry([]*Rule{r}); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
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

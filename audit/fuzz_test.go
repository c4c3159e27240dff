package audit_test

import (
	"testing"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules"
)

// FuzzParseConfig feeds arbitrary YAML to the config loader: it may refuse it, never panic,
// and a config it accepts must be usable by the engine.
func FuzzParseConfig(f *testing.F) {
	reg, err := rules.Registry()
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		"disable: [date]\nphrases:\n  en: ['Click to read the full story']\n",
		"severity:\n  boilerplate: error\noverrides:\n  - paths: ['**/wire/*']\n    disable: [duplicate]\n",
		"params:\n  boilerplate.structure:\n    max_teasers: .nan\n",
		"languages: [en, fr]\nspin_phrases: ['x']\nenable: [spin.paragraph]\n",
		"&a [*a]", "params: {x: {y: 1e400}}", "\xff\xfe", "",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := audit.ParseConfig(data, reg)
		if err != nil {
			return
		}
		for _, r := range reg.Rules() {
			cfg.RuleEnabled(r.ID)
			cfg.ParamsFor(r)
			cfg.Resolve(audit.Finding{Rule: r.ID, Path: "a/b.txt", Severity: r.Severity})
		}
	})
}

// FuzzParseBaseline feeds arbitrary JSON to the baseline reader: it may refuse it, never
// panic, and a baseline it accepts applies to a report.
func FuzzParseBaseline(f *testing.F) {
	for _, seed := range []string{
		`{"tool": "textaudit", "baseline_version": 1, "findings": [{"fingerprint": "ab", "rule": "r", "path": "p"}]}`,
		`{"tool": "textaudit", "baseline_version": 1, "findings": null}`,
		`{"tool": "textaudit", "version": "1", "files": []}`,
		`{"tool": "textaudit", "baseline_version": 2}`,
		`[]`, `{"findings": [1]}`, `null`, "",
	} {
		f.Add([]byte(seed))
	}
	files := []audit.FileReport{{Path: "p", Findings: []audit.Finding{{Rule: "r", Path: "p", Fingerprint: "ab", Severity: audit.Warning, Category: audit.Boilerplate}}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := audit.ParseBaseline(data)
		if err != nil {
			return
		}
		if b.Version < 1 || b.Version > audit.BaselineVersion {
			t.Fatalf("accepted baseline_version %d", b.Version)
		}
		own := append([]audit.FileReport(nil), files...)
		own[0].Findings = append([]audit.Finding(nil), files[0].Findings...)
		b.Apply(own, audit.DefaultScoreModel)
	})
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// residueCorpus writes a folder with one article ending in two residue lines and returns
// the folder and the fingerprints of its findings by matched text.
func residueCorpus(t *testing.T) (string, map[string]string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	os.MkdirAll(dir, 0o755)
	article := "A headline\n\nLONDON, March 3, 2005 (Reuters) - A body paragraph for the test.\n\nRelated Post\n\nRead more\n"
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(article), 0o644)
	_, out, errs := textaudit(t, "audit", "--format", "json", dir)
	var r struct {
		Files []struct {
			Findings []struct {
				Rule        string
				Fingerprint string
				Evidence    map[string]any
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, errs)
	}
	fps := map[string]string{}
	for _, x := range r.Files[0].Findings {
		if s, _ := x.Evidence["text"].(string); s != "" {
			fps[s] = x.Fingerprint
		}
	}
	if fps["Related Post"] == "" || fps["Read more"] == "" {
		t.Fatalf("the test article's residue is not flagged: %v", fps)
	}
	return dir, fps
}

func TestTextauditIgnoreHidesFingerprintsWithReasons(t *testing.T) {
	dir, fps := residueCorpus(t)
	// The ignore file sits above the audited folder and is found from it upward.
	ignore := filepath.Join(filepath.Dir(dir), ".textauditignore")
	os.WriteFile(ignore, []byte("# fingerprint  reason\n"+fps["Related Post"]+"  quoted on purpose in this story\n"), 0o644)
	code, out, errs := textaudit(t, "audit", "--fail-on", "warning", "--format", "line", dir)
	if code != exitGate || strings.Contains(out, "Related Post") || !strings.Contains(out, "Read more") {
		t.Errorf("exit %d, output:\n%s%s\nwant Related Post hidden and Read more still failing the gate", code, out, errs)
	}
	os.WriteFile(ignore, []byte(fps["Related Post"]+"\n"), 0o644)
	code, _, errs = textaudit(t, "audit", dir)
	if code != exitUsage || !strings.Contains(errs, ".textauditignore:1") || !strings.Contains(errs, "no reason") {
		t.Errorf("an entry without a reason: exit %d %q", code, errs)
	}
}

func TestConfigExclusionsHideByPathRuleAndText(t *testing.T) {
	dir, _ := residueCorpus(t)
	cfg := filepath.Join(t.TempDir(), "cfg.yaml")
	tests := []struct {
		name, yaml string
		hidden     []string
		shown      []string
	}{
		{"by text pattern", "exclusions:\n  - text: '^Related'\n    reason: test\n", []string{"Related Post"}, []string{"Read more"}},
		{"by rule and path", "exclusions:\n  - rules: [boilerplate]\n    paths: ['corpus/*.txt']\n    reason: test\n", []string{"Related Post", "Read more"}, nil},
		{"a path that does not match", "exclusions:\n  - rules: [boilerplate]\n    paths: ['other/**']\n    reason: test\n", nil, []string{"Related Post", "Read more"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.WriteFile(cfg, []byte(tt.yaml), 0o644)
			code, out, errs := textaudit(t, "audit", "--config", cfg, "--format", "line", "--min-severity", "warning", dir)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for _, h := range tt.hidden {
				if strings.Contains(out, h) {
					t.Errorf("%q not excluded:\n%s", h, out)
				}
			}
			for _, s := range tt.shown {
				if !strings.Contains(out, s) {
					t.Errorf("%q excluded wrongly:\n%s", s, out)
				}
			}
		})
	}
	os.WriteFile(cfg, []byte("exclusions:\n  - text: '('\n    reason: bad\n"), 0o644)
	if code, _, errs := textaudit(t, "config", "verify", cfg); code != exitUsage || !strings.Contains(errs, "exclusions[0].text") {
		t.Errorf("a bad pattern: exit %d %q", code, errs)
	}
	os.WriteFile(cfg, []byte("exclusions:\n  - text: 'x'\n"), 0o644)
	if code, _, errs := textaudit(t, "config", "verify", cfg); code != exitUsage || !strings.Contains(errs, "exclusions[0].reason") {
		t.Errorf("no reason: exit %d %q", code, errs)
	}
}

func TestConfigTypoNamesTheUnknownKey(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "cfg.yaml")
	os.WriteFile(cfg, []byte("disabel: [spin]\n"), 0o644)
	code, _, errs := textaudit(t, "config", "verify", cfg)
	if code != exitUsage || !strings.Contains(errs, "unknown key disabel (did you mean disable?)") || strings.Contains(errs, "audit.Config") {
		t.Errorf("exit %d %q", code, errs)
	}
}

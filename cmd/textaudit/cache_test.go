package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cacheCorpus copies the seeds and the duplicate family's corpus into a temporary folder,
// each with a shared closing line, so the corpus pass has cross-file copies, inherited
// credits, a spun copy and a template line to find.
func cacheCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, src := range []string{"testdata/seeds", "rules/duplicate/testdata/corpus"} {
		list, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range list {
			b, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, "\nLakeside Weekly Gazette, evening edition\n"...)
			if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// auditOut runs an audit and fails the test unless it exits 0.
func auditOut(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := textaudit(t, append([]string{"audit"}, args...)...)
	if code != 0 {
		t.Fatalf("audit %v: exit %d: %s", args, code, errs)
	}
	return out
}

func TestCacheGivesIdenticalReportsWarmAndCold(t *testing.T) {
	dir := cacheCorpus(t)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	cfgDir := t.TempDir()
	emptyCfg := filepath.Join(cfgDir, "empty.yaml")
	otherCfg := filepath.Join(cfgDir, "other.yaml")
	if err := os.WriteFile(emptyCfg, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(otherCfg, []byte("params:\n  duplicate.cross:\n    min_words: 30\n  boilerplate.template:\n    min_files: 9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	formats := []string{"json", "html", "sarif", "csv"}
	run := func(cfg string, cache ...string) map[string]string {
		out := map[string]string{}
		for _, f := range formats {
			args := append([]string{"--now", "2026-11-23", "--config", cfg, "-f", f}, cache...)
			out[f] = auditOut(t, append(args, dir)...)
		}
		return out
	}
	same := func(what string, got, want map[string]string) {
		t.Helper()
		for _, f := range formats {
			if got[f] != want[f] {
				t.Errorf("%s: -f %s report differs from an uncached run", what, f)
			}
		}
	}
	uncached := run(emptyCfg, "--no-cache")
	for _, rule := range []string{"duplicate.cross", "boilerplate.template", "provenance.inherited", "spin.aligned-copy"} {
		if !strings.Contains(uncached["json"], `"rule": "`+rule+`"`) {
			t.Fatalf("the corpus has no %s finding: the test would prove nothing for it", rule)
		}
	}
	same("cold", run(emptyCfg, "--cache-dir", cacheDir), uncached)
	packs, _ := filepath.Glob(filepath.Join(cacheDir, "*", "*-p"))
	if len(packs) != 1 {
		t.Errorf("%d cache packs after the cold run, want one holding every file and the corpus pass's memo", len(packs))
	}
	same("warm", run(emptyCfg, "--cache-dir", cacheDir), uncached)

	// One file edited: a paragraph of another copied into it.
	island, err := os.ReadFile(filepath.Join(dir, "islandnews.txt"))
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(string(island), "\n\n")
	seed := filepath.Join(dir, "000_e2f8802d434c10dd.txt")
	f, err := os.OpenFile(seed, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\n" + paras[len(paras)/2] + "\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	edited := run(emptyCfg, "--no-cache")
	if edited["json"] == uncached["json"] {
		t.Fatal("the edit changed no finding: the test would prove nothing")
	}
	same("after an edit", run(emptyCfg, "--cache-dir", cacheDir), edited)

	// Another config: parameters of corpus rules change.
	other := run(otherCfg, "--no-cache")
	if other["json"] == edited["json"] {
		t.Fatal("the config change changed no finding: the test would prove nothing")
	}
	same("other config, cold", run(otherCfg, "--cache-dir", cacheDir), other)
	same("other config, warm", run(otherCfg, "--cache-dir", cacheDir), other)
	same("first config again", run(emptyCfg, "--cache-dir", cacheDir), edited)
}

func TestNoCacheWritesNothing(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home)
	auditOut(t, "--no-cache", "--now", "2026-11-23", "-f", "json", "testdata/seeds")
	if list, _ := os.ReadDir(home); len(list) != 0 {
		t.Errorf("--no-cache wrote %v into the cache folder", list)
	}
	// Without the flag the default folder is textaudit under XDG_CACHE_HOME. Without
	// --now, the reference date is today: a second run finds the first one's pack rather
	// than writing another (the key holds the date, not the time of day).
	for i := 0; i < 2; i++ {
		auditOut(t, "-f", "json", "testdata/seeds")
		if packs, _ := filepath.Glob(filepath.Join(home, "textaudit", "*", "*-p")); len(packs) != 1 {
			t.Errorf("run %d: %d packs under $XDG_CACHE_HOME/textaudit, want 1", i+1, len(packs))
		}
	}
}

func TestCacheFlagErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--no-cache", "--cache-dir", t.TempDir()}, "contradict"},
		{[]string{"--cache-dir", file}, "--cache-dir"},
	} {
		code, _, errs := textaudit(t, append(append([]string{"audit"}, tc.args...), "testdata/seeds")...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("audit %v: exit %d, stderr %q; want exit 2 mentioning %q", tc.args, code, errs, tc.want)
		}
	}
}

package duplicate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/provenance"
	"github.com/textaudit/textaudit/rules/spin"
)

// TestMemoSparesAlignmentsAndKeepsFindings runs the corpus pass with a cache: a warm run
// aligns nothing, a run after one file changed aligns only pairs with that file's
// paragraphs, and every run's findings are those of a run without a cache.
func TestMemoSparesAlignmentsAndKeepsFindings(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, name := range []string{"harbour.txt", "islandnews.txt", "unrelated.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata/corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, filepath.Join(dir, name))
		writeFile(t, files[len(files)-1], string(b))
	}
	cache, err := audit.OpenCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	reg, err := audit.NewRegistry(append(append(Rules(), provenance.Rules()...), spin.AlignedCopy), Analyses()...)
	if err != nil {
		t.Fatal(err)
	}
	audit1 := func(c *audit.Cache) (findings []audit.Finding, made, judged int64) {
		t.Helper()
		v0, a0 := verified.Load(), aligned.Load()
		res, err := audit.Run(files, audit.Options{Registry: reg, Jobs: 2, Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Files {
			findings = append(findings, f.Findings...)
		}
		return findings, aligned.Load() - a0, verified.Load() - v0
	}
	same := func(what string) (made, judged int64) {
		t.Helper()
		want, _, _ := audit1(nil)
		got, made, judged := audit1(cache)
		// Compared as reports show them: evidence read back from the cache is raw JSON.
		if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
			t.Errorf("%s: findings differ from a run without a cache:\n%s\nwant\n%s", what, g, w)
		}
		return made, judged
	}
	if made, _ := same("cold"); made == 0 {
		t.Fatal("the cold run aligned nothing: the test would prove nothing")
	}
	// Nothing changed: the pass's output is replayed, no comparison is even judged.
	if made, judged := same("warm"); made != 0 || judged != 0 {
		t.Errorf("warm: %d of %d comparisons aligned again, want none judged", made, judged)
	}
	// The unrelated file gains a paragraph of the harbour story: the harbour and island
	// pairs are read from the memo, the new pairs are aligned.
	harbour, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(string(harbour), "\n\n")
	unrelated, err := os.ReadFile(files[2])
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, files[2], string(unrelated)+"\n\n"+paras[len(paras)/2]+"\n")
	if made, judged := same("after an edit"); made == 0 || made >= judged {
		t.Errorf("after an edit: %d of %d comparisons aligned, want some but not all", made, judged)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

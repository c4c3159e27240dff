package audit

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// sigLineCount is lineCount with signatures: the lines of a document, so a warm run indexes
// unchanged files without reading them.
type sigLineCount struct{ lineCount }

func (c *sigLineCount) Signature(doc *Document) ([]byte, error) {
	var w SigWriter
	w.Uint(uint64(len(doc.Lines)))
	for _, l := range doc.Lines {
		w.String(l.Text)
		w.Span(doc.LineSpan(l.Number, l.Number))
	}
	return w.Bytes(), nil
}

func (c *sigLineCount) AddSignature(path string, sig []byte, audited bool) error {
	r := NewSigReader(sig)
	type line struct {
		text string
		span Span
	}
	var lines []line
	n := r.Len()
	for i := 0; i < n && r.Err() == nil; i++ {
		lines = append(lines, line{r.String(), r.Span()})
	}
	if err := r.Done(); err != nil {
		return err
	}
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		c.seen[l.text]++
		if audited {
			c.where[l.text] = append(c.where[l.text], NewFindingAt(c.rule, path, l.span, "repeated", Evidence{"text": l.text}))
		}
	}
	return nil
}

// structFact is a fact of a struct type: its JSON keeps field order, which a cache that
// decoded it into a map would sort.
type structFact struct {
	Zebra string   `json:"zebra"`
	Alpha []string `json:"alpha,omitempty"`
	Empty []int    `json:"empty"`
}

// cacheRegistry has a per-document rule with awkward evidence and facts, one corpus check
// with signatures and one without (the engine's fallback: it re-reads the document).
func cacheRegistry(t *testing.T, withSigs bool) *Registry {
	t.Helper()
	odd := &Rule{ID: "boilerplate.odd", Category: Boilerplate, Severity: Warning, Description: "d",
		Params: []Param{IntParam("min", 1, 0, Unbounded, "a threshold the key must hold", func(p *struct{ min int }) *int { return &p.min })},
		Check: func(p *Pass) {
			for _, l := range p.Doc.Lines {
				if strings.Contains(l.Text, "<b>") {
					p.ReportLines(l.Number, l.Number, "markup & <b>", Evidence{
						"count": 3, "share": 0.1 + 0.2, "nested": map[string]any{"z": 1, "a": []string{"<", ">"}},
						"struct": structFact{Zebra: "z&z", Empty: []int{}}, "none": nil, "flag": true,
					})
				}
			}
			p.SetFact("shape", structFact{Zebra: "<z>", Alpha: []string{"b", "a"}, Empty: []int{}})
			p.SetFact("lines", len(p.Doc.Lines))
			p.SetFact("lang", "en")
		}}
	line := &Rule{ID: "duplicate.line", Category: Duplicate, Severity: Warning, Description: "d"}
	line.NewCorpusCheck = func(*CorpusPass) CorpusCheck {
		return &sigLineCount{lineCount{rule: line, seen: map[string]int{}, where: map[string][]Finding{}}}
	}
	plain := &Rule{ID: "duplicate.plain", Category: Duplicate, Severity: Info, Description: "d"}
	plain.NewCorpusCheck = func(*CorpusPass) CorpusCheck {
		return &lineCount{rule: plain, seen: map[string]int{}, where: map[string][]Finding{}}
	}
	rules := []*Rule{odd, line, plain}
	if !withSigs {
		line.NewCorpusCheck = func(*CorpusPass) CorpusCheck {
			return &lineCount{rule: line, seen: map[string]int{}, where: map[string][]Finding{}}
		}
	}
	reg, err := NewRegistry(rules)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

var cacheCorpus = map[string]string{
	"a.txt":     "Title\n\nShared line <b>\n\nown text of a\n",
	"b.txt":     "Title\n\nShared line <b>\n",
	"c/d.txt":   "Other\r\nown text of a\r\n",
	"ref/r.txt": "Title\n\nonly in the reference\n",
	"bin.dat":   "\x00\x01\x02",
}

// auditJSON runs the engine over dir's files (ref/ as reference) and returns the report's
// JSON, HTML-escaped as -f json writes it, and its unescaped summaries as tables show them.
func auditJSON(t *testing.T, reg *Registry, dir string, cfg *Config, cache *Cache) string {
	t.Helper()
	return auditReport(t, reg, dir, cfg, cache, true)
}

// auditReport is auditJSON with or without the files' text kept (a run that keeps it reads
// every file, whatever the cache holds).
func auditReport(t *testing.T, reg *Registry, dir string, cfg *Config, cache *Cache, keepText bool) string {
	t.Helper()
	files, err := Collect([]string{dir}, Selection{Exclude: []string{"ref/**"}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(files, Options{Registry: reg, Config: cfg, Jobs: 3, Cache: cache,
		Reference: []string{filepath.Join(dir, "ref", "r.txt")}, KeepText: keepText})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(NewReport("test", res), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	out.Write(b)
	for _, f := range res.Files {
		fmt.Fprintf(&out, "\n%s text %q", f.Path, f.Text)
		for _, x := range f.Findings {
			fmt.Fprintf(&out, "\n%s %s", x.Rule, x.Evidence.Summary())
		}
	}
	return out.String()
}

func openTestCache(t *testing.T, dir string) *Cache {
	t.Helper()
	c, err := OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCacheWarmRunsMatchColdOnes(t *testing.T) {
	for _, withSigs := range []bool{true, false} {
		t.Run(fmt.Sprintf("signatures=%v", withSigs), func(t *testing.T) {
			reg := cacheRegistry(t, withSigs)
			dir, cacheDir := t.TempDir(), t.TempDir()
			writeFiles(t, dir, cacheCorpus)
			cfg := &Config{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
			want := auditJSON(t, reg, dir, cfg, nil)

			cold := openTestCache(t, cacheDir)
			if got := auditJSON(t, reg, dir, cfg, cold); got != want {
				t.Fatalf("cold run with cache differs from an uncached run:\n%s\nwant\n%s", got, want)
			}
			// The binary file is looked up too (it is found binary after the lookup, and
			// never cached).
			if hits, misses := cold.Stats(); hits != 0 || misses != 5 {
				t.Errorf("cold run: %d hits, %d misses; want 0 and 5 (three audited files, one reference, one binary)", hits, misses)
			}
			warm := openTestCache(t, cacheDir)
			if got := auditJSON(t, reg, dir, cfg, warm); got != want {
				t.Fatalf("warm run differs from cold:\n%s\nwant\n%s", got, want)
			}
			if hits, misses := warm.Stats(); hits != 4 || misses != 1 {
				t.Errorf("warm run: %d hits, %d misses; want 4 and 1 (the binary file)", hits, misses)
			}

			// One file changed: only it is analysed again, and cross-file findings follow.
			writeFiles(t, dir, map[string]string{"c/d.txt": "Title\n\nShared line <b>\n"})
			want2 := auditJSON(t, reg, dir, cfg, nil)
			if want2 == want {
				t.Fatal("the edit changed nothing: the test proves nothing")
			}
			changed := openTestCache(t, cacheDir)
			if got := auditJSON(t, reg, dir, cfg, changed); got != want2 {
				t.Fatalf("run after an edit differs from an uncached one:\n%s\nwant\n%s", got, want2)
			}
			if hits, misses := changed.Stats(); hits != 3 || misses != 2 {
				t.Errorf("after one edit: %d hits, %d misses; want 3 and 2", hits, misses)
			}

			// A parameter or a config list rules read changes every key.
			for _, cfg2 := range []*Config{
				{Now: cfg.Now, Params: map[string]map[string]any{"boilerplate.odd": {"min": 2}}},
				{Now: cfg.Now, Languages: []string{"en", "fr"}},
				{Now: cfg.Now.AddDate(0, 0, 1)},
				{Now: cfg.Now, Phrases: map[string][]string{"en": {"read more"}}},
			} {
				c := openTestCache(t, cacheDir)
				auditJSON(t, reg, dir, cfg2, c)
				if hits, _ := c.Stats(); hits != 0 {
					t.Errorf("config %+v: %d hits, want none", cfg2, hits)
				}
			}
			// Severities and selection by path are applied after the cache: entries stay.
			c := openTestCache(t, cacheDir)
			auditJSON(t, reg, dir, &Config{Now: cfg.Now, Severity: map[string]string{"boilerplate.odd": "error"}}, c)
			if hits, misses := c.Stats(); hits != 4 || misses != 1 {
				t.Errorf("severity change: %d hits, %d misses; want 4 and 1", hits, misses)
			}
		})
	}
}

// packs lists the cache's packs.
func packs(t *testing.T, dir string) []string {
	t.Helper()
	list, err := filepath.Glob(filepath.Join(dir, "*", "*-p"))
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestCacheDoesNotTrustDamagedPacks(t *testing.T) {
	reg := cacheRegistry(t, true)
	cfg := &Config{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	// Each damage, and how many of the four records survive it.
	for _, tc := range []struct {
		name   string
		damage func([]byte) []byte
		hits   int64
	}{
		{"cut after its first record", func(b []byte) []byte { return b[:firstFrameEnd(t, b)+5] }, 1},
		{"a flipped bit in the first record", func(b []byte) []byte { c := bytes.Clone(b); c[len(packMagic)+3] ^= 0x40; return c }, 3},
		{"a flipped bit in every record's checksum", func(b []byte) []byte { return flipEveryChecksum(t, b) }, 0},
		{"empty", func([]byte) []byte { return nil }, 0},
		{"another layout", func(b []byte) []byte { return append([]byte("textaudit-pack-9\n"), b[len(packMagic):]...) }, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, cacheDir := t.TempDir(), t.TempDir()
			writeFiles(t, dir, cacheCorpus)
			want := auditJSON(t, reg, dir, cfg, openTestCache(t, cacheDir))
			list := packs(t, cacheDir)
			if len(list) != 1 {
				t.Fatalf("%d packs, want 1", len(list))
			}
			b, err := os.ReadFile(list[0])
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(list[0], tc.damage(b), 0o644); err != nil {
				t.Fatal(err)
			}
			c := openTestCache(t, cacheDir)
			if got := auditJSON(t, reg, dir, cfg, c); got != want {
				t.Fatalf("run over a damaged pack differs:\n%s\nwant\n%s", got, want)
			}
			if hits, misses := c.Stats(); hits != tc.hits || misses != 5-tc.hits {
				t.Errorf("%d hits, %d misses; want %d hits, every damaged record recomputed", hits, misses, tc.hits)
			}
			// The recomputed records replaced the damaged ones.
			c = openTestCache(t, cacheDir)
			auditJSON(t, reg, dir, cfg, c)
			if hits, _ := c.Stats(); hits != 4 {
				t.Errorf("%d hits after the repair, want 4", hits)
			}
		})
	}
}

// frames splits a pack into its frames' bounds.
func frames(t *testing.T, b []byte) [][2]int {
	t.Helper()
	var out [][2]int
	at := len(packMagic)
	for at < len(b) {
		n, m := binary.Uvarint(b[at+1:])
		if m <= 0 {
			t.Fatalf("malformed pack at %d", at)
		}
		end := at + 1 + m + int(n) + frameSumSize
		out = append(out, [2]int{at, end})
		at = end
	}
	return out
}

func firstFrameEnd(t *testing.T, b []byte) int { return frames(t, b)[0][1] }

func flipEveryChecksum(t *testing.T, b []byte) []byte {
	c := bytes.Clone(b)
	for _, f := range frames(t, b) {
		c[f[1]-1] ^= 1
	}
	return c
}

func TestCacheEntryWithBadBodyIsAMiss(t *testing.T) {
	// A body with a valid checksum but nonsense inside (a bug, a hand-made file) must not
	// be trusted either; decodeResult says so.
	for _, body := range [][]byte{nil, {0xff}, {1, 2, 3}, bytes.Repeat([]byte{0x80}, 20)} {
		if _, err := decodeResult(body, 2); err == nil {
			t.Errorf("decodeResult(%x) accepted", body)
		}
	}
}

func TestCacheIsSafeUnderConcurrentRuns(t *testing.T) {
	reg := cacheRegistry(t, true)
	dir, cacheDir := t.TempDir(), t.TempDir()
	files := map[string]string{}
	for i := 0; i < 40; i++ {
		files[fmt.Sprintf("f%02d.txt", i)] = fmt.Sprintf("Title\n\nline %d <b>\n\nShared line\n", i%7)
	}
	files["ref/r.txt"] = "Shared line\n"
	writeFiles(t, dir, files)
	cfg := &Config{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	want := auditJSON(t, reg, dir, cfg, nil)
	var wg sync.WaitGroup
	got := make([]string, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = auditJSON(t, reg, dir, cfg, openTestCache(t, cacheDir))
		}()
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("concurrent run %d differs from an uncached run", i)
		}
	}
	c := openTestCache(t, cacheDir)
	if auditJSON(t, reg, dir, cfg, c) != want {
		t.Error("run after the concurrent ones differs")
	}
	if hits, misses := c.Stats(); misses != 0 || hits != 41 {
		t.Errorf("%d hits, %d misses after concurrent runs; want 41 and 0", hits, misses)
	}
	if len(packs(t, cacheDir)) != 1 {
		t.Errorf("%d packs after concurrent runs of one folder, want 1", len(packs(t, cacheDir)))
	}
	if tmp, _ := filepath.Glob(filepath.Join(cacheDir, "*", ".tmp-*")); len(tmp) != 0 {
		t.Errorf("temporary files left behind: %v", tmp)
	}
}

func TestCacheTrimRemovesOldestPacksFirst(t *testing.T) {
	cacheDir := t.TempDir()
	c := openTestCache(t, cacheDir)
	body := bytes.Repeat([]byte("x"), 1000)
	base := time.Now().Add(-48 * time.Hour)
	put := func(i int) string {
		p := c.packPath([32]byte{byte(i), byte(i * 7)})
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := writeAtomic(p, body); err != nil {
			t.Fatal(err)
		}
		c.wrote.Store(true)
		return p
	}
	var paths []string
	for i := 0; i < 10; i++ {
		p := put(i)
		mod := base.Add(time.Duration(i) * time.Hour)
		if err := os.Chtimes(p, mod, mod); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	// An entry an older version wrote (one file per audited file) is trimmed like a pack.
	legacy := filepath.Join(cacheDir, "00", "old-e")
	if err := os.WriteFile(legacy, body, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(legacy, base.Add(-time.Hour), base.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	c.MaxBytes = 5 * int64(len(body))
	c.TrimEvery = time.Hour
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	// Trimmed to 90 % of the cap: four packs, the newest.
	for i, p := range paths {
		_, err := os.Stat(p)
		if kept := err == nil; kept != (i >= 6) {
			t.Errorf("pack %d kept=%v, want only the four newest kept", i, kept)
		}
	}
	if _, err := os.Stat(legacy); err == nil {
		t.Error("the oldest file, an old-style entry, was kept")
	}
	// Within TrimEvery of the last trim, no walk: the folder may exceed the cap a while.
	put(99)
	put(98)
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	if n := len(packs(t, cacheDir)); n != 6 {
		t.Errorf("%d packs: trimmed again within TrimEvery", n)
	}
	c.TrimEvery = 0
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	if n := len(packs(t, cacheDir)); n != 4 {
		t.Errorf("%d packs after trimming with TrimEvery 0, want 4", n)
	}
}

func TestCacheSkipsValuesJSONCannotKeep(t *testing.T) {
	r := &fileResult{findings: []Finding{{Rule: "x.y", Evidence: Evidence{"bad": math.NaN()}}}}
	if _, ok := encodeResult(r); ok {
		t.Error("evidence holding NaN was encoded; its entry would not render like the original")
	}
	r = &fileResult{facts: map[string]any{"s": "<&>", "n": 7}, sigs: [][]byte{nil, {}, {1}}}
	body, ok := encodeResult(r)
	if !ok {
		t.Fatal("plain values not encoded")
	}
	got, err := decodeResult(body, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got.facts["s"] != "<&>" || string(got.facts["n"].(json.RawMessage)) != "7" {
		t.Errorf("facts = %#v", got.facts)
	}
	if got.sigs[0] != nil || got.sigs[1] == nil || len(got.sigs[2]) != 1 {
		t.Errorf("signatures = %#v, want nil, empty and one byte kept apart", got.sigs)
	}
}

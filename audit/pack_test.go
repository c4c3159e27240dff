package audit

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// settledCache opens a cache whose runs start an hour from now, so the files a test has
// just written count as settled: their stats are trusted by the next run.
func settledCache(t *testing.T, dir string) *Cache {
	t.Helper()
	c := openTestCache(t, dir)
	c.now = func() time.Time { return time.Now().Add(time.Hour) }
	return c
}

func TestPackSkipsReadingUnchangedFiles(t *testing.T) {
	reg := cacheRegistry(t, true)
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeFiles(t, dir, cacheCorpus)
	cfg := &Config{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	want := auditReport(t, reg, dir, cfg, nil, false)
	if got := auditReport(t, reg, dir, cfg, settledCache(t, cacheDir), false); got != want {
		t.Fatalf("cold run differs from an uncached one:\n%s\nwant\n%s", got, want)
	}
	pack := packs(t, cacheDir)[0]
	before, err := os.Stat(pack)
	if err != nil {
		t.Fatal(err)
	}
	c := settledCache(t, cacheDir)
	if got := auditReport(t, reg, dir, cfg, c, false); got != want {
		t.Fatalf("warm run differs from cold:\n%s\nwant\n%s", got, want)
	}
	if c.replays.Load() != 1 {
		t.Error("nothing changed, yet the corpus output was not replayed")
	}
	// Only the binary file, which is never cached, is read.
	if hits, misses, hashed := stats(c); hits != 4 || misses != 1 || hashed != 1 {
		t.Errorf("warm run: %d hits, %d misses, %d files read; want 4, 1 and 1", hits, misses, hashed)
	}
	// Nothing changed: the pack is not written again.
	after, err := os.Stat(pack)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("a run that changed nothing rewrote the pack")
	}
	// A run that keeps the text reads every audited file, and still finds their results.
	c = settledCache(t, cacheDir)
	if got, want := auditReport(t, reg, dir, cfg, c, true), auditReport(t, reg, dir, cfg, nil, true); got != want {
		t.Fatalf("warm run keeping the text differs:\n%s\nwant\n%s", got, want)
	}
	if hits, _, hashed := stats(c); hits != 4 || hashed != 4 {
		t.Errorf("warm run keeping the text: %d hits, %d files read; want 4 and 4 (not the reference)", hits, hashed)
	}
}

func stats(c *Cache) (hits, misses, hashed int64) {
	hits, misses = c.Stats()
	return hits, misses, c.Hashed()
}

func TestPackHashesRacyFilesAgain(t *testing.T) {
	// Files written just before a run (within racyMargin of its start) may change again
	// without their stat changing: the next run reads and hashes them, whatever their stat.
	reg := cacheRegistry(t, true)
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeFiles(t, dir, cacheCorpus)
	cfg := &Config{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	want := auditReport(t, reg, dir, cfg, nil, false)
	auditReport(t, reg, dir, cfg, openTestCache(t, cacheDir), false)
	c := openTestCache(t, cacheDir)
	if got := auditReport(t, reg, dir, cfg, c, false); got != want {
		t.Fatalf("warm run differs from cold:\n%s\nwant\n%s", got, want)
	}
	if hits, _, hashed := stats(c); hits != 4 || hashed != 5 {
		t.Errorf("%d hits, %d files read; want 4 hits, every file read again", hits, hashed)
	}

	start := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	ns := func(t time.Time) uint64 { return uint64(t.UnixNano()) }
	for _, tc := range []struct {
		name         string
		mtime, ctime time.Time
		racy         bool
	}{
		{"changed an hour before", start.Add(-time.Hour), start.Add(-time.Hour), false},
		{"changed just past the margin", start.Add(-racyMargin - time.Nanosecond), start.Add(-racyMargin - time.Nanosecond), false},
		{"changed at the margin", start.Add(-racyMargin), start.Add(-time.Hour), true},
		{"changed during the run", start.Add(time.Second), start.Add(time.Second), true},
		{"modification time set back, change time recent", start.Add(-time.Hour), start.Add(-time.Second), true},
		{"modification time in the future", start.Add(time.Hour), start.Add(-time.Hour), true},
	} {
		if got := (statKey{ok: true, mtime: ns(tc.mtime), ctime: ns(tc.ctime)}).racy(start); got != tc.racy {
			t.Errorf("%s: racy=%v, want %v", tc.name, got, tc.racy)
		}
	}
}

func TestPackFollowsEditsDeletionsAdditionsAndRenames(t *testing.T) {
	reg := cacheRegistry(t, true)
	cfg := &Config{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	// Each step changes the folder; the run after it must match an uncached run, reading
	// only the files named.
	steps := []struct {
		name   string
		change func(dir string) error
		read   int64 // files read besides the binary one
	}{
		{"edit", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "c/d.txt"), []byte("Title\n\nShared line <b>\n\nand more\n"), 0o644)
		}, 1},
		{"deletion", func(dir string) error { return os.Remove(filepath.Join(dir, "b.txt")) }, 0},
		{"addition", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "e.txt"), []byte("Title\n\nown text of a\n"), 0o644)
		}, 1},
		{"rename", func(dir string) error { return os.Rename(filepath.Join(dir, "a.txt"), filepath.Join(dir, "z.txt")) }, 1},
		{"rename over another file", func(dir string) error {
			return os.Rename(filepath.Join(dir, "e.txt"), filepath.Join(dir, "c/d.txt"))
		}, 1},
		{"reference edited", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "ref/r.txt"), []byte("Title\n\nShared line <b>\n"), 0o644)
		}, 1},
	}
	for _, withSigs := range []bool{true, false} {
		reg := reg
		if !withSigs {
			reg = cacheRegistry(t, false)
		}
		dir, cacheDir := t.TempDir(), t.TempDir()
		writeFiles(t, dir, cacheCorpus)
		auditReport(t, reg, dir, cfg, settledCache(t, cacheDir), false)
		prev := auditReport(t, reg, dir, cfg, nil, false)
		for _, s := range steps {
			if err := s.change(dir); err != nil {
				t.Fatal(err)
			}
			want := auditReport(t, reg, dir, cfg, nil, false)
			if want == prev {
				t.Fatalf("%s: the change changed no report: the step proves nothing", s.name)
			}
			prev = want
			c := settledCache(t, cacheDir)
			if got := auditReport(t, reg, dir, cfg, c, false); got != want {
				t.Fatalf("signatures=%v, after the %s: cached run differs from an uncached one:\n%s\nwant\n%s", withSigs, s.name, got, want)
			}
			if c.replays.Load() != 0 {
				t.Errorf("after the %s: the corpus output was replayed", s.name)
			}
			// (Without signatures the corpus check reads every document, after the cache.)
			if got := c.Hashed(); got != s.read+1 {
				t.Errorf("signatures=%v, after the %s: %d files hashed, want %d", withSigs, s.name, got, s.read+1)
			}
		}
	}
}

func TestPackNoticesAnEditThatRestoresTheModificationTime(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("the change time is read on Linux and macOS only")
	}
	reg := cacheRegistry(t, true)
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeFiles(t, dir, cacheCorpus)
	cfg := &Config{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	auditReport(t, reg, dir, cfg, settledCache(t, cacheDir), false)
	// Same size, same modification time (as rsync -t or touch -r leave it): only the change
	// time moved.
	p := filepath.Join(dir, "b.txt")
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond) // past the change time's granularity
	if err := os.WriteFile(p, []byte("Title\n\nShared lime <b>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	want := auditReport(t, reg, dir, cfg, nil, false)
	c := settledCache(t, cacheDir)
	if got := auditReport(t, reg, dir, cfg, c, false); got != want {
		t.Fatalf("cached run after a same-size edit differs:\n%s\nwant\n%s", got, want)
	}
	if got := c.Hashed(); got != 2 {
		t.Errorf("%d files read, want the edited one and the binary one", got)
	}
}

func TestPackKeepsOtherFilesAfterARunOnAFew(t *testing.T) {
	reg := cacheRegistry(t, true)
	dir, cacheDir := t.TempDir(), t.TempDir()
	files := map[string]string{"ref/r.txt": "Shared line\n"}
	for _, sub := range []string{"x", "y"} {
		for i := 0; i < 5; i++ {
			files[filepath.Join(sub, string(rune('a'+i))+".txt")] = "Title\n\nShared line\n\nline " + sub + string(rune('a'+i)) + "\n"
		}
	}
	writeFiles(t, dir, files)
	cfg := &Config{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	all, err := Collect([]string{dir}, Selection{Exclude: []string{"ref/**"}})
	if err != nil {
		t.Fatal(err)
	}
	run := func(files []string) *Cache {
		c := settledCache(t, cacheDir)
		if _, err := Run(files, Options{Registry: reg, Config: cfg, Cache: c, Reference: []string{filepath.Join(dir, "ref", "r.txt")}}); err != nil {
			t.Fatal(err)
		}
		return c
	}
	run(all)
	// Two files from either subfolder share the folder the whole run had: one pack.
	few := []string{filepath.Join(dir, "x", "a.txt"), filepath.Join(dir, "y", "b.txt")}
	if hits, misses := run(few).Stats(); hits != 3 || misses != 0 {
		t.Errorf("run on a few files: %d hits, %d misses; want 3 and 0", hits, misses)
	}
	if n := len(packs(t, cacheDir)); n != 1 {
		t.Fatalf("%d packs, want 1", n)
	}
	if hits, misses := run(all).Stats(); hits != 11 || misses != 0 {
		t.Errorf("whole run after a run on a few files: %d hits, %d misses; want 11 and 0", hits, misses)
	}
}

func TestPackReplaysCorpusOutputOnlyForTheSameInput(t *testing.T) {
	reg := cacheRegistry(t, true)
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeFiles(t, dir, cacheCorpus)
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	// Config changes the run key does not hold (selection, severities) change the corpus
	// input's fingerprint: the output is computed again, and matches an uncached run.
	for i, cfg := range []*Config{
		{Now: now},
		{Now: now, Disable: []string{"duplicate.plain"}},
		{Now: now, Overrides: []PathOverride{{Paths: []string{"c/**"}, Disable: []string{"duplicate.line"}}}},
		{Now: now, Severity: map[string]string{"duplicate.line": "error"}},
		{Now: now},
	} {
		want := auditReport(t, reg, dir, cfg, nil, false)
		c := openTestCache(t, cacheDir)
		if got := auditReport(t, reg, dir, cfg, c, false); got != want {
			t.Fatalf("config %d: cached run differs from an uncached one:\n%s\nwant\n%s", i, got, want)
		}
		if c.replays.Load() != 0 {
			t.Errorf("config %d: replayed the output of another config", i)
		}
		c = openTestCache(t, cacheDir)
		if got := auditReport(t, reg, dir, cfg, c, false); got != want {
			t.Fatalf("config %d: replayed run differs from an uncached one:\n%s\nwant\n%s", i, got, want)
		}
		if c.replays.Load() != 1 {
			t.Errorf("config %d, run again: not replayed", i)
		}
	}
	// The reference time's time of day changes neither the key nor the input (a run
	// without --now takes the clock's).
	later := &Config{Now: now.Add(5 * time.Hour)}
	c := openTestCache(t, cacheDir)
	if got, want := auditReport(t, reg, dir, later, c, false), auditReport(t, reg, dir, later, nil, false); got != want {
		t.Fatalf("replayed run later that day differs:\n%s\nwant\n%s", got, want)
	}
	if c.replays.Load() != 1 {
		t.Error("a run later the same day was not replayed")
	}
	// A damaged output is not replayed: the analyses run again. (Disabling an analysis
	// changed the run key: there are two packs.)
	for _, pack := range packs(t, cacheDir) {
		b, err := os.ReadFile(pack)
		if err != nil {
			t.Fatal(err)
		}
		var damaged bool
		for _, f := range frames(t, b) {
			if b[f[0]] == frameCorpus {
				b[f[1]-frameSumSize-1] ^= 1 // the payload's last byte
				damaged = true
			}
		}
		if !damaged {
			t.Fatal("no corpus output in the pack")
		}
		if err := os.WriteFile(pack, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := &Config{Now: now}
	c = openTestCache(t, cacheDir)
	if got, want := auditReport(t, reg, dir, cfg, c, false), auditReport(t, reg, dir, cfg, nil, false); got != want {
		t.Fatalf("run over a damaged output differs:\n%s\nwant\n%s", got, want)
	}
	if c.replays.Load() != 0 {
		t.Error("a damaged output was replayed")
	}
}

func TestPackIsLeftAloneByARunOnAFewFilesOfABigOne(t *testing.T) {
	reg := cacheRegistry(t, true)
	dir, cacheDir := t.TempDir(), t.TempDir()
	files := map[string]string{}
	for _, sub := range []string{"x", "y"} {
		for i := 0; i < 20; i++ {
			files[fmt.Sprintf("%s/%02d.txt", sub, i)] = fmt.Sprintf("Title\n\nShared line\n\nline %s%d\n", sub, i)
		}
	}
	writeFiles(t, dir, files)
	cfg := &Config{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	all, err := Collect([]string{dir}, Selection{})
	if err != nil {
		t.Fatal(err)
	}
	run := func(files []string) *Cache {
		c := settledCache(t, cacheDir)
		if _, err := Run(files, Options{Registry: reg, Config: cfg, Cache: c}); err != nil {
			t.Fatal(err)
		}
		return c
	}
	run(all)
	pack := packs(t, cacheDir)[0]
	st, err := os.Stat(pack)
	if err != nil {
		t.Fatal(err)
	}
	// A pack of this size counts as big for a run of two files, not for one of all of them.
	defer func(floor, per int64) { packFloor, packPerFile = floor, per }(packFloor, packPerFile)
	packFloor, packPerFile = 0, st.Size()/int64(len(all)-1)
	few := []string{filepath.Join(dir, "x", "01.txt"), filepath.Join(dir, "y", "02.txt")}
	if hits, misses := run(few).Stats(); hits != 0 || misses != 2 {
		t.Errorf("run on a few files: %d hits, %d misses; want the big pack left unread", hits, misses)
	}
	after, err := os.Stat(pack)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(st, after) || after.Size() != st.Size() {
		t.Error("the run on a few files rewrote the big pack")
	}
	if hits, misses := run(all).Stats(); hits != int64(len(all)) || misses != 0 {
		t.Errorf("whole run after: %d hits, %d misses; want %d and 0", hits, misses, len(all))
	}
}

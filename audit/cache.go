package audit

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Cache is the persistent store of per-file results, in the manner of go build's GOCACHE:
// per file, its per-document findings and facts (before config selection and severities)
// and its corpus signatures, under the run's key, which hashes everything they depend on
// besides the file (see runKey), and the file's path, role and content hash. The results
// of one run over one folder are kept together in a pack (pack.go), with the corpus
// analyses' memos; a pack is written to a temporary file and renamed into place, so a
// reader sees a whole pack or none and two runs sharing the folder never corrupt it; every
// record carries a checksum, and one that fails it is recomputed, never trusted. The folder
// is trimmed to MaxBytes, oldest packs (by modification time, which a run using them
// refreshes) first.
type Cache struct {
	dir string
	// MaxBytes caps the entries' total size; 0 means DefaultCacheMaxBytes.
	MaxBytes int64
	// TrimEvery is how often at most a run walks the folder to trim it (0: every run that
	// wrote an entry). Walking costs a stat per entry, so a hook run trims rarely.
	TrimEvery time.Duration

	toolOnce sync.Once
	tool     string
	wrote    atomic.Bool
	hits     atomic.Int64
	misses   atomic.Int64
	hashed   atomic.Int64
	replays  atomic.Int64 // runs that replayed the corpus output (replay.go)
	// now, when set, stands for the clock a run starts by (tests move it past racyMargin).
	now func() time.Time
}

// DefaultCacheMaxBytes is the size cap of a cache folder (GOCACHE trims by age; a cap keeps
// a CI runner's disk bounded whatever the corpus).
const DefaultCacheMaxBytes = 1 << 30

// DefaultTrimEvery spaces the trimming walks of one cache folder.
const DefaultTrimEvery = time.Hour

// DefaultCacheDir is textaudit under the user's cache folder ($XDG_CACHE_HOME or ~/.cache on
// Linux, ~/Library/Caches on macOS, %LocalAppData% on Windows).
func DefaultCacheDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "textaudit"), nil
}

// OpenCache opens (creating it if need be) the cache folder dir.
func OpenCache(dir string) (*Cache, error) {
	if dir == "" {
		return nil, errors.New("cache folder: empty path")
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("cache folder %s: %w", dir, pathError(err))
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("cache folder %s: %w", dir, pathError(err))
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("cache folder %s: not a folder", dir)
	}
	// A README, as GOCACHE has, tells whoever finds the folder that deleting it is safe.
	readme := filepath.Join(dir, "README")
	if _, err := os.Stat(readme); errors.Is(err, fs.ErrNotExist) {
		_ = writeAtomic(readme, []byte("This folder holds cached textaudit results. Deleting it is safe: the next audit recomputes them.\n"))
	}
	return &Cache{dir: dir, MaxBytes: DefaultCacheMaxBytes, TrimEvery: DefaultTrimEvery}, nil
}

// Stats returns the lookups that found a valid record and those that did not since the
// cache was opened.
func (c *Cache) Stats() (hits, misses int64) { return c.hits.Load(), c.misses.Load() }

// clock is the time a run starts at.
func (c *Cache) clock() time.Time {
	if c.now != nil {
		return c.now()
	}
	return time.Now()
}

// Hashed returns how many files were read to hash their bytes since the cache was opened:
// the others' stat was enough.
func (c *Cache) Hashed() int64 { return c.hashed.Load() }

// writeAtomic writes data to a temporary file beside path and renames it over path, so a
// concurrent reader never sees a partial file.
func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}

// trimStamp records when the folder was last trimmed.
const trimStamp = "trim.txt"

// Trim removes the oldest entries while the folder holds more than MaxBytes, leaving it at
// 90 % of the cap so the next runs do not trim again at once. It walks the folder at most
// once every TrimEvery, and only after a run that wrote entries.
func (c *Cache) Trim() error {
	if !c.wrote.Load() {
		return nil
	}
	stamp := filepath.Join(c.dir, trimStamp)
	now := time.Now()
	if c.TrimEvery > 0 {
		if b, err := os.ReadFile(stamp); err == nil {
			if t, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && now.Sub(time.Unix(t, 0)) < c.TrimEvery {
				return nil
			}
		}
	}
	_ = writeAtomic(stamp, []byte(strconv.FormatInt(now.Unix(), 10)+"\n"))
	limit := c.MaxBytes
	if limit <= 0 {
		limit = DefaultCacheMaxBytes
	}
	type entry struct {
		path string
		size int64
		mod  time.Time
	}
	var all []entry
	var total int64
	err := filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder removed by a concurrent trim: skip it
		}
		name := d.Name()
		if d.IsDir() {
			return nil
		}
		stale := strings.HasPrefix(name, ".tmp-")
		// Packs ("-p"), and entries ("-e") an older version wrote one per file.
		if !strings.HasSuffix(name, "-p") && !strings.HasSuffix(name, "-e") && !stale {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		// A temporary file a killed run left behind is removed once it is a day old (a live
		// writer renames its file within moments).
		if stale {
			if now.Sub(info.ModTime()) > 24*time.Hour {
				_ = os.Remove(path)
			}
			return nil
		}
		all = append(all, entry{path, info.Size(), info.ModTime()})
		total += info.Size()
		return nil
	})
	if err != nil || total <= limit {
		return err
	}
	sort.Slice(all, func(i, j int) bool { return all[i].mod.Before(all[j].mod) })
	target := limit / 10 * 9
	for _, e := range all {
		if total <= target {
			break
		}
		if rerr := os.Remove(e.path); rerr == nil || errors.Is(rerr, fs.ErrNotExist) {
			total -= e.size
		}
	}
	return nil
}

// toolID names the build whose results the cache holds: the module version and VCS
// revision when the build recorded a clean one, otherwise a hash of the executable, which
// is remembered by its path, size and time so a hook run does not hash megabytes.
func (c *Cache) toolID() string {
	c.toolOnce.Do(func() { c.tool = c.computeToolID() })
	return c.tool
}

func (c *Cache) computeToolID() string {
	id := []string{runtime.Version()}
	if info, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		v := info.Main.Version
		id = append(id, info.Main.Path, v, rev, modified)
		release := rev == "" && v != "" && v != "(devel)" && !strings.HasSuffix(v, "+dirty")
		if (rev != "" && modified != "true") || release {
			return strings.Join(id, " ")
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return "" // no identity: the caller does not use the cache
	}
	// The go command stamps every binary with a build ID whose last part hashes the
	// binary's content; reading it costs a page where hashing the executable (160 MB with
	// its models) takes a second.
	if bid := goBuildID(exe); bid != "" {
		return strings.Join(append(append([]string(nil), id...), "buildid", bid), " ")
	}
	st, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	memoKey := sha256.Sum256([]byte(fmt.Sprintf("exe\x00%s\x00%d\x00%d", exe, st.Size(), st.ModTime().UnixNano())))
	memo := filepath.Join(c.dir, "exe-"+hex.EncodeToString(memoKey[:12]))
	if b, err := os.ReadFile(memo); err == nil && len(b) == 2*sha256.Size {
		return strings.Join(append(id, "exe", string(b)), " ")
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	sum := hex.EncodeToString(h.Sum(nil))
	_ = writeAtomic(memo, []byte(sum))
	return strings.Join(append(id, "exe", sum), " ")
}

// runKey hashes what every entry of one run depends on besides the file: the tool, the
// analyses that run with every parameter of every rule they report, and the parts of the
// config rules read (extra phrases, spin phrases, candidate languages, the reference time
// and the config file's name, which lexicon errors quote). Rule selection by path and
// severities are applied after the cache, so changing them keeps every entry valid.
func (st *runState) runKey(tool string) [32]byte {
	h := sha256.New()
	w := func(parts ...string) {
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
	}
	w("textaudit cache key 1", tool)
	for _, a := range st.active {
		w("analysis", a.analysis.Name)
		for _, r := range a.analysis.Reports {
			w("rule", r.ID)
			prm := a.params[r]
			for _, k := range sortedKeys(prm.values) {
				w(k, strconv.FormatFloat(prm.values[k], 'g', -1, 64))
			}
		}
	}
	cfg := st.cfg
	for _, lang := range sortedKeys(cfg.Phrases) {
		w("phrases", lang)
		w(cfg.Phrases[lang]...)
	}
	w("spin_phrases")
	w(cfg.SpinPhrases...)
	w("languages")
	w(cfg.Languages...)
	// Dates are judged against the reference date's calendar day (--now, or the clock's
	// today), never its time of day: entries made without --now hold for the day they were
	// made on.
	now := cfg.Now
	if now.IsZero() {
		now = time.Now()
	}
	w("reference date", now.Format("2006-01-02"))
	w("source", cfg.Source)
	var key [32]byte
	h.Sum(key[:0])
	return key
}

// commonFolder is the longest folder prefix ("a/b/") of every path in sorted (paths are
// sorted, so the first and the last bound it).
func commonFolder(sorted []string) string {
	if len(sorted) == 0 {
		return ""
	}
	a, b := filepath.ToSlash(sorted[0]), filepath.ToSlash(sorted[len(sorted)-1])
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:strings.LastIndexByte(a[:n], '/')+1]
}

// fileResult is what the cache keeps of one file: its per-document findings and facts (for
// audited files) and, per corpus analysis of the run, its signature (nil when the analysis
// has none, or none for this file).
type fileResult struct {
	findings []Finding
	facts    map[string]any
	sigs     [][]byte
}

// encodeResult writes a file's result; ok is false when a value cannot be kept faithfully
// (evidence that JSON cannot encode), and the file is then not cached.
func encodeResult(r *fileResult) (body []byte, ok bool) {
	var w SigWriter
	w.Uint(uint64(len(r.findings)))
	for i := range r.findings {
		if !encodeFinding(&w, &r.findings[i]) {
			return nil, false
		}
	}
	if !encodeValues(&w, r.facts) {
		return nil, false
	}
	w.Uint(uint64(len(r.sigs)))
	for _, s := range r.sigs {
		w.Bool(s != nil)
		if s != nil {
			w.Blob(s)
		}
	}
	return w.Bytes(), true
}

// encodeFinding writes one finding; false when its evidence cannot be kept faithfully.
func encodeFinding(w *SigWriter, f *Finding) bool {
	w.String(f.Rule)
	w.String(string(f.Category))
	w.Int(int64(f.Severity))
	w.String(f.Path)
	for _, v := range [...]int{f.Line, f.EndLine, f.Column, f.EndColumn, f.StartOffset, f.EndOffset} {
		w.Int(int64(v))
	}
	w.String(f.Message)
	w.String(f.Fingerprint)
	return encodeValues(w, f.Evidence)
}

func decodeFinding(r *SigReader) Finding {
	f := Finding{Rule: r.String(), Category: Category(r.String()), Severity: Severity(r.Int()), Path: r.String()}
	f.Line, f.EndLine, f.Column, f.EndColumn = int(r.Int()), int(r.Int()), int(r.Int()), int(r.Int())
	f.StartOffset, f.EndOffset = int(r.Int()), int(r.Int())
	f.Message = r.String()
	f.Fingerprint = r.String()
	if ev := decodeValues(r); ev != nil {
		f.Evidence = ev
	}
	return f
}

// Value kinds in an entry: a plain string is kept as a string (renderers and baselines read
// evidence["text"] as one); anything else as the JSON it marshals to, which renders the
// same bytes as the original value in every report (JSON keeps struct field order there,
// where decoding into a map would sort the keys).
const (
	kindString = 0
	kindJSON   = 1
)

func encodeValues[M ~map[string]any](w *SigWriter, m M) bool {
	if m == nil {
		w.Uint(0)
		return true
	}
	w.Uint(uint64(len(m)) + 1)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Unescaped: a report marshalled with HTML escaping escapes the raw value again when it
	// writes it, and one without (Evidence.Summary) does not.
	enc.SetEscapeHTML(false)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		w.String(k)
		if s, ok := m[k].(string); ok {
			w.Uint(kindString)
			w.String(s)
			continue
		}
		buf.Reset()
		if err := enc.Encode(m[k]); err != nil {
			return false
		}
		w.Uint(kindJSON)
		w.Blob(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	return true
}

func decodeValues(r *SigReader) map[string]any {
	n := r.Len()
	if n == 0 || r.Err() != nil {
		return nil
	}
	m := make(map[string]any, n-1)
	for i := 0; i < n-1 && r.Err() == nil; i++ {
		k := r.String()
		switch r.Uint() {
		case kindString:
			m[k] = r.String()
		case kindJSON:
			raw := r.Blob()
			if !json.Valid(raw) {
				r.fail()
				return nil
			}
			m[k] = json.RawMessage(bytes.Clone(raw))
		default:
			r.fail()
		}
	}
	return m
}

// decodeResult reads an entry's body; an error means the entry is not trusted.
func decodeResult(body []byte, wantSigs int) (*fileResult, error) {
	r := NewSigReader(body)
	res := &fileResult{}
	n := r.Len()
	if n > 0 {
		res.findings = make([]Finding, 0, n)
	}
	for i := 0; i < n && r.Err() == nil; i++ {
		res.findings = append(res.findings, decodeFinding(r))
	}
	res.facts = decodeValues(r)
	ns := r.Len()
	if r.Err() == nil && ns != wantSigs {
		return nil, ErrBadSignature
	}
	res.sigs = make([][]byte, ns)
	for i := 0; i < ns && r.Err() == nil; i++ {
		if r.Bool() {
			// Not copied: the pack the body is read from is kept whole for the run anyway.
			res.sigs[i] = r.Blob()
			if res.sigs[i] == nil {
				res.sigs[i] = []byte{}
			}
		}
	}
	if err := r.Done(); err != nil {
		return nil, err
	}
	return res, nil
}

// buildIDMarker precedes the build ID near the start of a non-ELF Go binary.
var buildIDMarker = []byte("\xff Go build ID: \"")

// goBuildID reads the build ID the go command stamps into a binary: the Go note of an ELF
// file, or the marked string in the first 32 KB of others (as cmd/internal/buildid reads
// it). It is "" when there is none.
func goBuildID(exe string) string {
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		sec := f.Section(".note.go.buildid")
		if sec == nil {
			return ""
		}
		data, err := sec.Data()
		// A note: name size, description size and type (4 bytes each), the name "Go\0\0",
		// then the description, which is the ID.
		if err != nil || len(data) < 16 || string(data[12:16]) != "Go\x00\x00" {
			return ""
		}
		n := int(f.ByteOrder.Uint32(data[4:8]))
		if 16+n > len(data) {
			return ""
		}
		return string(data[16 : 16+n])
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 32<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	i := bytes.Index(head, buildIDMarker)
	if i < 0 {
		return ""
	}
	rest := head[i+len(buildIDMarker):]
	j := bytes.IndexByte(rest, '"')
	if j <= 0 {
		return ""
	}
	return string(rest[:j])
}

package audit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// DefaultMaxFileSize is the size above which files are skipped with a notice.
const DefaultMaxFileSize = 10 << 20

// ErrBinary marks a file that is not text; it is skipped with a notice, not an error.
var ErrBinary = errors.New("binary file (not text)")

// ErrTooLarge marks a file above the size limit; it is skipped with a notice.
var ErrTooLarge = errors.New("file above the size limit")

// Selection says which files under the given paths are audited.
type Selection struct {
	Include []string // globs; empty means every file
	Exclude []string // globs
}

// Validate checks the globs.
func (s Selection) Validate() error {
	for _, g := range append(append([]string{}, s.Include...), s.Exclude...) {
		if !doublestar.ValidatePattern(g) {
			return fmt.Errorf("bad glob %q", g)
		}
	}
	return nil
}

// wants reports whether a file found by walking is selected. Globs match the path relative
// to the walked root, and globs without a slash also match the base name.
func (s Selection) wants(rel string) bool {
	rel = filepath.ToSlash(rel)
	match := func(globs []string) bool {
		for _, g := range globs {
			if ok, _ := doublestar.Match(g, rel); ok {
				return true
			}
			if !strings.Contains(g, "/") {
				if ok, _ := doublestar.Match(g, filepath.Base(rel)); ok {
					return true
				}
			}
		}
		return false
	}
	if len(s.Include) > 0 && !match(s.Include) {
		return false
	}
	return !match(s.Exclude)
}

// Collect expands files and folders into a sorted, de-duplicated list of file paths.
// Folders are walked recursively, skipping hidden folders such as .git. A path that does
// not exist or cannot be listed is an error naming it. Files named explicitly are always
// taken; files found by walking must pass the selection.
func Collect(paths []string, sel Selection) ([]string, error) {
	in := CollectInputs(paths, sel)
	if len(in.Errors) > 0 {
		n := in.Errors[0]
		return in.Files, fmt.Errorf("%s: %s", n.Path, n.Cause)
	}
	return in.Files, nil
}

// Inputs are the files found under the paths of a run, with what could not be taken.
type Inputs struct {
	Files   []string // sorted; one path per file, however many ways it was named
	Skipped []Notice // found by walking but not taken: link loops, dangling links, special files
	Errors  []Notice // missing paths, folders that cannot be listed: the run exits 2
}

// CollectInputs is Collect that goes on past a bad path: the readable files are still
// audited and reported, and every path that could not be taken is named with its cause.
// Symbolic links inside walked folders are followed (a link to a folder already being
// walked is a loop and is skipped); a file reached twice, by a link or by a relative and an
// absolute path, is taken once, under the first name met.
func CollectInputs(paths []string, sel Selection) Inputs {
	c := collector{sel: sel, seen: map[string]bool{}, walking: map[string]bool{}}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			c.fail(root, pathError(err))
			continue
		}
		if !st.IsDir() {
			c.add(root, c.realPath(root))
			continue
		}
		c.walk(root, root, c.realPath(root))
	}
	sort.Strings(c.in.Files)
	return c.in
}

type collector struct {
	sel     Selection
	in      Inputs
	seen    map[string]bool // real paths of files taken
	walking map[string]bool // real paths of folders being walked (a link back to one loops)
}

func (c *collector) fail(path string, err error) {
	c.in.Errors = append(c.in.Errors, Notice{Path: filepath.ToSlash(path), Cause: err.Error()})
}

func (c *collector) skip(path, cause string) {
	c.in.Skipped = append(c.in.Skipped, Notice{Path: filepath.ToSlash(path), Cause: cause})
}

// realPath is the key that identifies a file however it is named; it falls back to the
// absolute path when links cannot be resolved.
func (c *collector) realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

func (c *collector) add(p, real string) {
	if !c.seen[real] {
		c.seen[real] = true
		c.in.Files = append(c.in.Files, filepath.Clean(p))
	}
}

// walk lists dir recursively; its real path (links resolved) is real, which is what is
// walked, because WalkDir does not descend a link. Files keep names under dir; globs match
// paths relative to root.
func (c *collector) walk(root, dir, real string) {
	c.walking[real] = true
	defer delete(c.walking, real)
	err := filepath.WalkDir(real, func(realP string, d fs.DirEntry, err error) error {
		rest, _ := filepath.Rel(real, realP)
		p := filepath.Join(dir, rest)
		if err != nil {
			c.fail(p, pathError(err))
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if realP != real && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.Type().IsRegular():
			if c.sel.wants(rel) {
				c.add(p, realP)
			}
		case d.Type()&fs.ModeSymlink != 0:
			c.followLink(root, p, rel, realP)
		}
		return nil
	})
	if err != nil {
		c.fail(dir, pathError(err))
	}
}

// followLink takes the file a link names, or walks the folder it names, unless the folder
// is already being walked (a loop) or the link leads nowhere.
func (c *collector) followLink(root, p, rel, realP string) {
	st, err := os.Stat(p)
	if err != nil {
		c.skip(p, "symbolic link not followed: "+pathError(err).Error())
		return
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		c.skip(p, "symbolic link not followed: "+err.Error())
		return
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		c.skip(p, "symbolic link not followed: "+pathError(err).Error())
		return
	}
	switch {
	case st.IsDir():
		sep := string(filepath.Separator)
		if c.walking[real] || strings.HasPrefix(realP+sep, real+sep) {
			c.skip(p, "symbolic link loop (links back to a folder above it or being walked)")
			return
		}
		c.walk(root, p, real)
	case st.Mode().IsRegular():
		if c.sel.wants(rel) {
			c.add(p, real)
		}
	default:
		c.skip(p, fmt.Sprintf("not a regular file (%s)", st.Mode().Type()))
	}
}

// Size limits of the files a run reads besides the audited ones.
const (
	MaxConfigSize   = 4 << 20   // .textaudit.yaml, --config
	MaxBaselineSize = 512 << 20 // --baseline
	MaxReportSize   = 512 << 20 // a saved JSON report (textaudit report)
)

// ReadInputFile reads a config, baseline or saved report: only a regular file, and only up
// to limit bytes. /dev/zero would otherwise fill memory and a FIFO would block the run.
// Errors say what is wrong without the path, which callers name. Unlike audited files, it
// is checked by path before it is opened at all: a device named as a config is never opened.
func ReadInputFile(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, pathError(err)
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", st.Mode().Type())
	}
	data, err := readRaw(path, limit)
	if errors.Is(err, ErrTooLarge) {
		return nil, fmt.Errorf("larger than the limit of %d bytes", limit)
	}
	return data, err
}

// pathError strips the path that os errors repeat, so messages name the path once.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadDocument reads and decodes one file into a Document. Binary and oversized files
// return ErrBinary or ErrTooLarge; other errors name the cause.
func ReadDocument(path string, maxSize int64) (*Document, error) {
	raw, err := readRaw(path, maxSize)
	if err != nil {
		return nil, err
	}
	return Decode(filepath.ToSlash(path), raw)
}

// readRaw reads one regular file's bytes, up to maxSize (0: no limit).
func readRaw(path string, maxSize int64) ([]byte, error) {
	f, size, err := openRegular(path)
	if err != nil {
		return nil, pathError(err)
	}
	defer f.Close()
	if maxSize > 0 && size > maxSize {
		return nil, fmt.Errorf("%w (%d bytes > %d)", ErrTooLarge, size, maxSize)
	}
	raw, err := readAll(f, size, maxSize)
	if err != nil {
		return nil, pathError(err)
	}
	if maxSize > 0 && int64(len(raw)) > maxSize {
		return nil, fmt.Errorf("%w (more than %d bytes)", ErrTooLarge, maxSize)
	}
	return raw, nil
}

// readAll reads f to its end, or to one byte past limit (when limit > 0). The buffer is sized
// from the stat size up front, as os.ReadFile does, so a typical file takes one read instead
// of io.ReadAll's growing 512-byte reads and copies. The buffer has room for one byte more
// than size, so a read that stops at exactly size bytes (size > 0) has reached the end, and
// no second read is made to see it; a file that grew since fills the extra byte and is read
// on to its end, as is one that reports size 0 (files under /proc).
func readAll(f io.Reader, size, limit int64) ([]byte, error) {
	want := size + 1 // one more byte, so the read that sees the end needs no growth
	if limit > 0 && want > limit+1 {
		want = limit + 1
	}
	if want < 512 {
		want = 512
	}
	buf := make([]byte, 0, want)
	for {
		if limit > 0 && int64(len(buf)) > limit {
			return buf, nil
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // the file reports no size (or the buffer is full): let append pick the size
		}
		room := buf[len(buf):cap(buf)]
		if limit > 0 && int64(len(buf)+len(room)) > limit+1 {
			room = room[:limit+1-int64(len(buf))]
		}
		n, err := f.Read(room)
		buf = buf[:len(buf)+n]
		if err == io.EOF || err == nil && size > 0 && int64(len(buf)) == size {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Decode turns raw bytes into a Document: UTF-8 with or without BOM, UTF-16 or UTF-32 with BOM;
// CRLF and CR become "\n"; invalid UTF-8 bytes become U+FFFD and are recorded.
func Decode(path string, raw []byte) (*Document, error) {
	enc := "utf-8"
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		enc = "utf-8-bom"
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(raw, []byte{0, 0, 0xFE, 0xFF}):
		// Checked before UTF-16: a UTF-32LE BOM starts with the UTF-16LE one.
		enc = "utf-32le"
		dec := utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM).NewDecoder()
		if raw[0] == 0 {
			enc = "utf-32be"
			dec = utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM).NewDecoder()
		}
		out, err := dec.Bytes(raw)
		if err != nil {
			return nil, fmt.Errorf("decode %s: %w", enc, err)
		}
		raw = out
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		enc = "utf-16le"
		var dec = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if raw[0] == 0xFE {
			enc = "utf-16be"
			dec = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		}
		out, err := dec.Bytes(raw)
		if err != nil {
			return nil, fmt.Errorf("decode %s: %w", enc, err)
		}
		raw = out
	default:
		if looksBinary(raw) {
			return nil, ErrBinary
		}
	}
	text, ends := normalizeLineEnds(raw)
	var invalid []int
	if !utf8.Valid(text) {
		text, invalid = replaceInvalid(text)
	}
	d := NewDocument(path, string(text))
	d.Encoding = enc
	d.LineEnds = ends
	d.InvalidUTF8 = invalid
	return d, nil
}

// looksBinary applies the usual heuristic (as git and grep do): a NUL byte, or many
// control characters in the first 8 KB, means the file is not text.
func looksBinary(raw []byte) bool {
	// A NUL anywhere, not only in the first 8 KB: text never holds one, and a file of
	// text with a binary tail is not text (the scan costs next to nothing).
	if bytes.IndexByte(raw, 0) >= 0 {
		return true
	}
	head := raw
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v' && b != 0x1b {
			ctrl++
		}
	}
	return len(head) > 0 && ctrl*10 > len(head)
}

func normalizeLineEnds(raw []byte) ([]byte, string) {
	crlf := bytes.Count(raw, []byte("\r\n"))
	cr := bytes.Count(raw, []byte("\r")) - crlf
	lf := bytes.Count(raw, []byte("\n")) - crlf
	kind := "lf"
	switch {
	case crlf > 0 && cr == 0 && lf == 0:
		kind = "crlf"
	case cr > 0 && crlf == 0 && lf == 0:
		kind = "cr"
	case (crlf > 0) && (cr > 0 || lf > 0), cr > 0 && lf > 0:
		kind = "mixed"
	}
	if crlf == 0 && cr == 0 {
		return raw, kind
	}
	out := bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
	out = bytes.ReplaceAll(out, []byte("\r"), []byte("\n"))
	return out, kind
}

// replaceInvalid swaps each invalid byte sequence for U+FFFD, recording where it was.
func replaceInvalid(b []byte) ([]byte, []int) {
	var out bytes.Buffer
	out.Grow(len(b) + 16)
	var at []int
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			at = append(at, out.Len())
			out.WriteRune(utf8.RuneError)
			b = b[1:]
			// One replacement per run of bad bytes, as strings.ToValidUTF8 does.
			for len(b) > 0 {
				r, size = utf8.DecodeRune(b)
				if r != utf8.RuneError || size > 1 {
					break
				}
				b = b[1:]
			}
			continue
		}
		out.Write(b[:size])
		b = b[size:]
	}
	return out.Bytes(), at
}

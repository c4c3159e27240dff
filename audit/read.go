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
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", root, pathError(err))
		}
		if !st.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %w", p, pathError(err))
			}
			if d.IsDir() {
				if p != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			rel, _ := filepath.Rel(root, p)
			if sel.wants(rel) {
				add(p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
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
	return readDocument(path, maxSize, true)
}

// readDocument is ReadDocument; withSentences says whether Paragraph.Sentences is filled.
func readDocument(path string, maxSize int64, withSentences bool) (*Document, error) {
	raw, err := readRaw(path, maxSize)
	if err != nil {
		return nil, err
	}
	return decode(filepath.ToSlash(path), raw, withSentences)
}

// readRaw reads one regular file's bytes, up to maxSize (0: no limit).
func readRaw(path string, maxSize int64) ([]byte, error) {
	// Stat before opening: opening a FIFO or device named on the command line would block.
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
	f, err := openFile(path)
	if err != nil {
		return nil, pathError(err)
	}
	defer f.Close()
	if maxSize > 0 && st.Size() > maxSize {
		return nil, fmt.Errorf("%w (%d bytes > %d)", ErrTooLarge, st.Size(), maxSize)
	}
	raw, err := readAll(f, st.Size(), maxSize)
	if err != nil {
		return nil, pathError(err)
	}
	if maxSize > 0 && int64(len(raw)) > maxSize {
		return nil, fmt.Errorf("%w (more than %d bytes)", ErrTooLarge, maxSize)
	}
	return raw, nil
}

// readAll reads f to its end, or to one byte past limit (when limit > 0). The buffer is sized
// from the stat size up front, as os.ReadFile does, so a typical file takes one read plus
// the read that sees the end, instead of io.ReadAll's growing 512-byte reads and copies.
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
			buf = append(buf, 0)[:len(buf)] // the file grew since stat: let append pick the size
		}
		room := buf[len(buf):cap(buf)]
		if limit > 0 && int64(len(buf)+len(room)) > limit+1 {
			room = room[:limit+1-int64(len(buf))]
		}
		n, err := f.Read(room)
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Decode turns raw bytes into a Document: UTF-8 with or without BOM, UTF-16 with BOM;
// CRLF and CR become "\n"; invalid UTF-8 bytes become U+FFFD and are recorded.
func Decode(path string, raw []byte) (*Document, error) { return decode(path, raw, true) }

func decode(path string, raw []byte, withSentences bool) (*Document, error) {
	enc := "utf-8"
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		enc = "utf-8-bom"
		raw = raw[3:]
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
	d := newDocument(path, string(text), withSentences)
	d.Encoding = enc
	d.LineEnds = ends
	d.InvalidUTF8 = invalid
	return d, nil
}

// looksBinary applies the usual heuristic (as git and grep do): a NUL byte in the first
// 8 KB, or many control characters, means the file is not text.
func looksBinary(raw []byte) bool {
	head := raw
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
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

package audit

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	} else {
		out = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecodeHandlesEncodingsAndLineEnds(t *testing.T) {
	tests := []struct {
		name     string
		raw      []byte
		text     string
		encoding string
		ends     string
		invalid  int
	}{
		{"plain UTF-8", []byte("a\nb"), "a\nb", "utf-8", "lf", 0},
		{"UTF-8 with BOM", []byte("\xEF\xBB\xBFTítulo\n"), "Título\n", "utf-8-bom", "lf", 0},
		{"CRLF line ends", []byte("a\r\nb\r\n"), "a\nb\n", "utf-8", "crlf", 0},
		{"old Mac CR line ends", []byte("a\rb\r"), "a\nb\n", "utf-8", "cr", 0},
		{"mixed line ends", []byte("a\r\nb\nc"), "a\nb\nc", "utf-8", "mixed", 0},
		{"UTF-16 little endian with BOM", utf16Bytes("Año\r\nNuevo", false), "Año\nNuevo", "utf-16le", "crlf", 0},
		{"UTF-16 big endian with BOM", utf16Bytes("Ünïcode", true), "Ünïcode", "utf-16be", "lf", 0},
		{"UTF-32 little endian with BOM (not UTF-16)", []byte("\xFF\xFE\x00\x00A\x00\x00\x00\xF1\x00\x00\x00\n\x00\x00\x00"), "Añ\n", "utf-32le", "lf", 0},
		{"UTF-32 big endian with BOM", []byte("\x00\x00\xFE\xFF\x00\x00\x00A\x00\x01\xF6\x00"), "A😀", "utf-32be", "lf", 0},
		{"invalid UTF-8 is replaced", []byte("caf\xE9 and cr\xE8me\xE8\xE8"), "caf\uFFFD and cr\uFFFDme\uFFFD", "utf-8", "lf", 3},
		{"empty file", nil, "", "utf-8", "lf", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode("f.txt", tt.raw)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if d.Text != tt.text || d.Encoding != tt.encoding || d.LineEnds != tt.ends || len(d.InvalidUTF8) != tt.invalid {
				t.Errorf("got text %q encoding %s ends %s invalid %v; want %q %s %s %d",
					d.Text, d.Encoding, d.LineEnds, d.InvalidUTF8, tt.text, tt.encoding, tt.ends, tt.invalid)
			}
			for _, off := range d.InvalidUTF8 {
				if !strings.HasPrefix(d.Text[off:], "\uFFFD") {
					t.Errorf("invalid offset %d does not point at U+FFFD", off)
				}
			}
		})
	}
}

func TestDecodeRejectsBinary(t *testing.T) {
	for _, raw := range [][]byte{
		{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D},
		[]byte("text\x00with a NUL"),
		{1, 2, 3, 4, 5, 6, 7, 8, 'a'},
		append([]byte(strings.Repeat("prose ", 2000)), 0, 'x'), // a NUL after the first 8 KB
	} {
		if _, err := Decode("b.bin", raw); !errors.Is(err, ErrBinary) {
			t.Errorf("Decode(%.40q...) error = %v, want ErrBinary", raw, err)
		}
	}
}

func TestReadDocumentSkipsFilesAboveTheSizeLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(p, []byte(strings.Repeat("word ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadDocument(p, 100); !errors.Is(err, ErrTooLarge) {
		t.Errorf("error = %v, want ErrTooLarge", err)
	}
	if _, err := ReadDocument(p, 0); err != nil {
		t.Errorf("no limit: %v", err)
	}
}

func TestReadDocumentReadsWholeFilesOfAnySizeUpToTheLimit(t *testing.T) {
	tests := []struct {
		name  string
		size  int
		limit int64
		ok    bool
	}{
		{"empty file", 0, 100, true},
		{"small file, no limit", 10, 0, true},
		{"file exactly at the limit", 1000, 1000, true},
		{"one byte over the limit", 1001, 1000, false},
		{"large file, no limit", 300_000, 0, true},
		{"large file under a large limit", 300_000, DefaultMaxFileSize, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Repeat("abcdefghi\n", tt.size/10+1)[:tt.size]
			p := filepath.Join(t.TempDir(), "f.txt")
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := ReadDocument(p, tt.limit)
			if !tt.ok {
				if !errors.Is(err, ErrTooLarge) {
					t.Errorf("error = %v, want ErrTooLarge", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != text {
				t.Errorf("read %d bytes, want the %d of the file", len(d.Text), len(text))
			}
		})
	}
}

func TestCollectWalksFoldersSortedAndSkipsHidden(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a/c.txt", "a/d.md", ".git/x.txt", ".hidden.txt", "z/.cache/y.txt"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rel := func(paths []string) string {
		var out []string
		for _, p := range paths {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		name string
		sel  Selection
		want string
	}{
		{"everything not hidden", Selection{}, "a/c.txt a/d.md b.txt"},
		{"include by base-name glob", Selection{Include: []string{"*.txt"}}, "a/c.txt b.txt"},
		{"exclude by path glob", Selection{Exclude: []string{"a/**"}}, "b.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Collect([]string{dir}, tt.sel)
			if err != nil {
				t.Fatal(err)
			}
			if rel(got) != tt.want {
				t.Errorf("got %q, want %q", rel(got), tt.want)
			}
		})
	}
}

func TestCollectNamesAMissingPath(t *testing.T) {
	_, err := Collect([]string{"no/such/place"}, Selection{})
	if err == nil || !strings.Contains(err.Error(), "no/such/place") {
		t.Errorf("error = %v, want one naming the path", err)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("a\r\nb"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0})
	f.Add([]byte{0xEF, 0xBB, 0xBF, 0xC3})
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := Decode("f", raw)
		if err != nil {
			return
		}
		if strings.ContainsRune(d.Text, '\r') {
			t.Fatalf("text keeps a CR: %q", d.Text)
		}
	})
}

// chunkReader hands out data n bytes a call and counts the calls.
type chunkReader struct {
	data  []byte
	n     int
	calls int
}

func (r *chunkReader) Read(b []byte) (int, error) {
	r.calls++
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	k := min(r.n, len(b), len(r.data))
	copy(b, r.data[:k])
	r.data = r.data[k:]
	return k, nil
}

func TestReadAllStopsAtTheStatSizeAndReadsUnsizedFilesToTheEnd(t *testing.T) {
	data := []byte(strings.Repeat("word ", 300)) // 1,500 bytes
	tests := []struct {
		name      string
		size      int64 // as stat reports it
		chunk     int   // bytes a read returns at most
		wantLen   int
		wantCalls int // 0: not checked
	}{
		{"whole file in one read, no read to see the end", int64(len(data)), 1 << 20, len(data), 1},
		{"short reads go on to the stat size", int64(len(data)), 400, len(data), 4},
		{"size 0 (/proc) is read to the end", 0, 1 << 20, len(data), 0},
		{"a file that grew since stat fills the extra byte and is read to the end", 1000, 1 << 20, len(data), 0},
		{"a file that shrank ends at its end", 2000, 1 << 20, len(data), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &chunkReader{data: data, n: tt.chunk}
			got, err := readAll(r, tt.size, 0)
			if err != nil || len(got) != tt.wantLen || tt.wantCalls > 0 && r.calls != tt.wantCalls || string(got) != string(data[:tt.wantLen]) {
				t.Errorf("readAll = %d bytes, %v after %d reads; want %d bytes after %d reads", len(got), err, r.calls, tt.wantLen, tt.wantCalls)
			}
		})
	}
}

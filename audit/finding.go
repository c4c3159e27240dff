package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Severity orders findings: a gate fails on a severity at or above a threshold.
type Severity int

// The severities, from least to most serious.
const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{"info", "warning", "error"}

// String returns the lower-case name used in reports and config.
func (s Severity) String() string {
	if s < Info || s > Error {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name as written in config files and flags.
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(strings.TrimSpace(name), n) {
			return Severity(i), nil
		}
	}
	return Info, fmt.Errorf("unknown severity %q (want info, warning or error)", name)
}

// MarshalText writes the severity by name so JSON carries "warning", not 1.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Category is the defect family a rule belongs to; scores are deducted per category.
type Category string

// The six categories. Every rule belongs to exactly one.
const (
	Boilerplate Category = "boilerplate"
	Spin        Category = "spin"
	Language    Category = "language"
	Date        Category = "date"
	Duplicate   Category = "duplicate"
	Provenance  Category = "provenance"
)

// Categories lists every category in report order.
var Categories = []Category{Boilerplate, Spin, Language, Date, Duplicate, Provenance}

// Valid reports whether c is one of the six categories.
func (c Category) Valid() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// Evidence holds what a rule saw: the matched text under "text" and rule-specific fields
// (counterpart file and line, language and confidence, expected phrase, ...).
type Evidence map[string]any

// Finding is one flagged defect at an exact place, with the evidence behind it.
type Finding struct {
	Rule        string   `json:"rule"`
	Category    Category `json:"category"`
	Severity    Severity `json:"severity"`
	Path        string   `json:"path"`
	Line        int      `json:"line"`
	EndLine     int      `json:"end_line"`
	Column      int      `json:"column"`
	EndColumn   int      `json:"end_column"`
	StartOffset int      `json:"start_offset"`
	EndOffset   int      `json:"end_offset"`
	Message     string   `json:"message"`
	Evidence    Evidence `json:"evidence,omitempty"`
	Fingerprint string   `json:"fingerprint"`
}

// Span is a located stretch of a document: byte offsets and their 1-based line and column
// (columns count characters, not bytes). End positions are inclusive of the last character.
type Span struct {
	StartOffset int
	EndOffset   int
	Line        int
	Column      int
	EndLine     int
	EndColumn   int
}

// locate copies the span's coordinates into the finding.
func (f *Finding) locate(s Span) {
	f.StartOffset, f.EndOffset = s.StartOffset, s.EndOffset
	f.Line, f.Column, f.EndLine, f.EndColumn = s.Line, s.Column, s.EndLine, s.EndColumn
}

// Fingerprint identifies a finding across runs: it hashes the rule, the path and the
// normalised matched text, never line numbers, so a baseline survives lines moving.
func Fingerprint(rule, path, matched string) string {
	h := sha256.New()
	h.Write([]byte(rule))
	h.Write([]byte{0})
	h.Write([]byte(path))
	h.Write([]byte{0})
	bp := normBuf.Get().(*[]byte)
	*bp = appendNormalized((*bp)[:0], matched)
	h.Write(*bp)
	if cap(*bp) <= 64<<10 {
		normBuf.Put(bp)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// normBuf holds Fingerprint's buffers: a shared story's finding fingerprints pages of text.
var normBuf = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// NormalizeForMatch lower-cases, drops punctuation and symbols and collapses white space, so
// that "Related Post" and "related post:" compare equal. Digits are kept.
func NormalizeForMatch(s string) string {
	return string(appendNormalized(make([]byte, 0, len(s)), s))
}

// appendNormalized appends NormalizeForMatch(s) to dst. ASCII, most of any text, is handled
// a byte at a time with the same outcome as the rune path (ASCII has no Mn marks).
func appendNormalized(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			lower := c | 0x20
			if '0' <= c && c <= '9' || 'a' <= lower && lower <= 'z' {
				if space && len(dst) > start {
					dst = append(dst, ' ')
				}
				space = false
				if 'A' <= c && c <= 'Z' {
					c = lower
				}
				dst = append(dst, c)
			} else {
				space = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		} else {
			space = true
		}
	}
	return dst
}

// Summary returns a short one-line rendering of the evidence for tables and CSV.
func (e Evidence) Summary() string {
	if len(e) == 0 {
		return ""
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return ""
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

package reports

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Printable makes text safe to print on a terminal: audited text and file names come from
// anywhere, and an ESC or OSC sequence in them would erase lines or set the window title.
// Control characters are shown in caret notation (ESC as ^[, DEL as ^?), C1 controls and
// bidirectional overrides as <U+XXXX>, and bytes that are not UTF-8 as \xNN. Everything
// else, line breaks excepted, is left as it is; callers split lines before they call it.
func Printable(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02X`, s[i])
		case r < 0x20:
			b.WriteByte('^')
			b.WriteByte(byte(r) + 0x40)
		case r == 0x7f:
			b.WriteString("^?")
		case hidden(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsEscape is the fast path: most text has no control character at all.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			return true
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if (r == utf8.RuneError && size == 1) || hidden(r) {
				return true
			}
			i += size - 1
		}
	}
	return false
}

// hidden reports C1 controls (a terminal reads U+009B as CSI) and the bidirectional
// overrides and isolates that reorder what a reader sees.
func hidden(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

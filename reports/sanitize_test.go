package reports

import "testing"

func TestPrintableShowsControlCharactersVisibly(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text is unchanged", "Related Post — 相关新闻", "Related Post — 相关新闻"},
		{"an erase-line sequence is shown, not run", "a\x1b[2Kb", "a^[[2Kb"},
		{"a window-title OSC is shown", "\x1b]0;pwned\x07", "^[]0;pwned^G"},
		{"a line break is shown", "a\nb\r", "a^Jb^M"},
		{"NUL and DEL", "\x00\x7f", "^@^?"},
		{"a C1 CSI is shown by code point", "x\u009b31m", "x<U+009B>31m"},
		{"a bidirectional override is shown", "abc\u202edcba", "abc<U+202E>dcba"},
		{"bytes that are not UTF-8 are shown as hex", "caf\xe9.txt", `caf\xE9.txt`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Printable(tt.in); got != tt.want {
				t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestExplainCaretsFollowTheColumnsAsPrinted(t *testing.T) {
	tests := []struct {
		line      string
		col, want int
	}{
		{"plain", 3, 3},
		{"a\x1bbc", 3, 4},       // ESC before the column is printed as two characters
		{"\x1b]0;t\x07x", 7, 9}, // ESC and BEL
		{"ab", 4, 4},            // past the end: one column per character
		{"\tx", 2, 2},           // a tab is printed as one space
	}
	for _, tt := range tests {
		if got := shownColumn(tt.line, tt.col); got != tt.want {
			t.Errorf("shownColumn(%q, %d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
}

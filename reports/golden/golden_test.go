package golden

import "testing"

func TestFirstDiffNamesTheFirstDifferingLine(t *testing.T) {
	tests := []struct{ want, got, diff string }{
		{"a\nb", "a\nb", ""},
		{"a\nb", "a\nc", "line 2:\nwant: b\ngot:  c"},
		{"a", "a\nextra", "line 2:\nwant: \ngot:  extra"},
	}
	for _, tt := range tests {
		if d := FirstDiff(tt.want, tt.got); d != tt.diff {
			t.Errorf("FirstDiff(%q, %q) = %q, want %q", tt.want, tt.got, d, tt.diff)
		}
	}
}

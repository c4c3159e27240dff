package audit

import "testing"

func TestNormalizeForMatch(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Related Post:", "related post"},
		{"  --Read MORE >>  ", "read more"},
		{"Page 12,300 of [x]`@{z}", "page 12 300 of x z"},
		{"CAFÉ Ωmega", "café ωmega"},
		{"e\u0301 and n\u0303", "e\u0301 and n\u0303"}, // combining marks are kept
		{"bad\xffbyte", "bad byte"},                    // invalid UTF-8 separates words
		{"", ""},
	}
	for _, c := range cases {
		if got := NormalizeForMatch(c.in); got != c.want {
			t.Errorf("NormalizeForMatch(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

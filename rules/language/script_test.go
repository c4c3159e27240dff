package language

import "testing"

func TestCountScriptsCountsEveryRuneByItsScript(t *testing.T) {
	for _, text := range []string{
		"", "Plain ASCII, with digits 123 and [brackets] @ `ticks` {braces}.",
		"Ελληνικά и русский, עברית, 中文 and café", "bad \xff\xfe bytes \xc3", "Z@[`{a",
	} {
		var want scriptCounts
		for _, r := range text {
			want[scriptOf(r)]++
		}
		if got := countScripts(text); got != want {
			t.Errorf("countScripts(%q) = %v, want %v", text, got, want)
		}
	}
}

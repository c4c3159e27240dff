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

func TestIsASCIIFindsANonASCIIByteAnywhere(t *testing.T) {
	base := "0123456789abcdefghijklmnopqrstu" // 31 bytes: every position of a word and the tail
	if !isASCII(base) || !isASCII("") {
		t.Fatal("plain ASCII reported as non-ASCII")
	}
	for i := 0; i < len(base); i++ {
		s := base[:i] + "\x80" + base[i+1:]
		if isASCII(s) {
			t.Errorf("byte 0x80 at %d not found", i)
		}
	}
}

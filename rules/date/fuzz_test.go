package date

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
)

// FuzzLocate feeds arbitrary text through the tokenizer, the date scanner, the locator and
// the verdict: none may panic, and every located span must lie inside the document.
func FuzzLocate(f *testing.F) {
	for _, seed := range []string{
		"", "date 2017-10-06 BEIRUT (Reuters) - text",
		"Title\n\nMOSCOW, Oct. 7 (Xinhua) - Lead.\n",
		"Published: 31 June 2005\n", "PARIS, 5 oct (AFP) -", "Berlin (dpa) -",
		"Updated 14:32 GMT, 3 Feb 2005", "(CNN) Story", "1.2.3.4.5", "By Jane | 3/4/05",
		"Sunday (June 4)", "МОСКВА, 5 октября (РИА Новости) -", "\xff\xfe(", "99999999999999999999-1-1",
	} {
		f.Add(seed)
	}
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			// The engine hands rules decoded UTF-8; invalid bytes are replaced on reading.
			text = string([]rune(text))
		}
		doc := audit.NewDocument("fuzz.txt", text)
		cands := NewLocator().Locate(doc, "en")
		for _, c := range cands {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End {
				t.Fatalf("candidate span [%d,%d) outside text of %d bytes", c.Start, c.End, len(text))
			}
			if c.Date.ISO() == "" && c.Date.Precision.HasYear() {
				t.Fatalf("dated candidate without ISO form: %+v", c.Date)
			}
		}
		v := judge(cands, now, 1900, 1)
		_ = v
	})
}

package reports

import (
	"bytes"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

func TestMarshalFileEncodesAsTheEncoderDoes(t *testing.T) {
	files := []audit.FileReport{
		{Path: "empty.txt", Score: 100},
		{Path: "a <b> & c.txt", Score: 87.5, Deductions: map[audit.Category]float64{audit.Date: 4, audit.Spin: 8.5},
			Facts: map[string]any{"language": "en", "language_confidence": 0.97, "provenance": map[string]any{"credits": []string{"AFP"}},
				"nested": map[string]any{"none": []int{}, "empty": map[string]any{}, "deep": [][]any{{}, {1, "\\\"]"}}}},
			Findings: []audit.Finding{{Rule: "x.y", Category: audit.Spin, Severity: audit.Warning, Path: "a.txt", Line: 3, EndLine: 4,
				Column: 1, EndColumn: 9, Message: "quote \"<tag>\" & more\u2028line", Fingerprint: "f",
				Evidence: audit.Evidence{"text": "é\u2029 <x>", "n": 3, "list": []string{"a", "b"}, "score": 0.1 + 0.2}}}},
	}
	for _, f := range files {
		want, err := marshalIndent(f, "    ")
		if err != nil {
			t.Fatal(err)
		}
		got, err := marshalFile(f, make([]byte, 0, 8))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", f.Path, got, want)
		}
	}
}

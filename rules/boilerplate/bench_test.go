package boilerplate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// benchmarkText is the fixtures concatenated a few times: prose, teasers, footers.
func benchmarkText(b *testing.B) string {
	var sb strings.Builder
	files, _ := filepath.Glob("testdata/*.txt")
	for i := 0; i < 4; i++ {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

// BenchmarkRules measures the per-document rules together on a fresh document each time
// (the shared reading is memoised per document, as in a real run); BenchmarkWordCount is
// the `wc -w`-like baseline over the same text to report a ratio.
func BenchmarkRules(b *testing.B) {
	text := benchmarkText(b)
	cfg := &audit.Config{}
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		doc := audit.NewDocument("bench.txt", text)
		for _, r := range Rules() {
			if r.Check != nil {
				r.Check(&audit.Pass{Doc: doc, Rule: r, Params: r.Defaults(), Config: cfg})
			}
		}
	}
}

// BenchmarkWordCount is the baseline: counting words of the same text.
func BenchmarkWordCount(b *testing.B) {
	text := benchmarkText(b)
	b.SetBytes(int64(len(text)))
	n := 0
	for i := 0; i < b.N; i++ {
		n += len(strings.Fields(text))
	}
	_ = n
}

// BenchmarkStructureHeaders runs structure on a page of teaser headers ("Related Post" a
// line) at 1x and 4x the size: the time per byte should stay flat (it was quadratic).
func BenchmarkStructureHeaders(b *testing.B) {
	for _, n := range []int{1, 4} {
		text := "Title\n\n" + strings.Repeat("Related Post\n", 5000*n)
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			cfg := &audit.Config{}
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				doc := audit.NewDocument("bench.txt", text)
				Structure.Check(&audit.Pass{Doc: doc, Rule: Structure, Params: Structure.Defaults(), Config: cfg})
			}
		})
	}
}

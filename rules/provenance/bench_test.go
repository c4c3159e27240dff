package provenance

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// BenchmarkFindCredits measures the credit search over the seed articles, the work done
// for every document of a run (the memo is bypassed).
func BenchmarkFindCredits(b *testing.B) {
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("seeds: %v", err)
	}
	var docs []*audit.Document
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, audit.NewDocument(p, string(data)))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			findCredits(d, nil)
		}
	}
}

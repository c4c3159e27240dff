package audit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func seedTexts(b *testing.B) []string {
	b.Helper()
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("seeds: %v", err)
	}
	var out []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// BenchmarkNewDocument measures building the shared model (lines, paragraphs, sentences)
// for the seed articles; bytes/s is comparable with a plain scan below.
func BenchmarkNewDocument(b *testing.B) {
	texts := seedTexts(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			NewDocument("x", t)
		}
	}
}

// BenchmarkScanWords is the floor to compare against: counting words as wc -w does.
func BenchmarkScanWords(b *testing.B) {
	texts := seedTexts(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	n := 0
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			n += len(strings.Fields(t))
		}
	}
	_ = n
}

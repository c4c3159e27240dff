package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules"
)

// benchCorpus is a folder to benchmark on, from TEXTAUDIT_BENCH_CORPUS (for example the
// unpacked news-bench corpus); the seeds are used when it is unset.
func benchCorpus(b *testing.B) []string {
	b.Helper()
	dir := os.Getenv("TEXTAUDIT_BENCH_CORPUS")
	if dir == "" {
		dir = "testdata/seeds"
	}
	files, err := audit.Collect([]string{dir}, audit.Selection{})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

func corpusBytes(b *testing.B, files []string) int64 {
	var n int64
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		n += st.Size()
	}
	return n
}

// BenchmarkWordCount is the floor the audit is compared with: reading every file and
// counting its words, as wc -w does, on the same files and the same cores.
func BenchmarkWordCount(b *testing.B) {
	files := benchCorpus(b)
	b.SetBytes(corpusBytes(b, files))
	for i := 0; i < b.N; i++ {
		words := 0
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			words += len(strings.Fields(string(data)))
		}
	}
}

// BenchmarkAudit runs the whole engine with every rule (both passes, scoring) in process.
func BenchmarkAudit(b *testing.B) {
	files := benchCorpus(b)
	reg, err := rules.Registry()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(corpusBytes(b, files))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		res, err := audit.Run(files, audit.Options{Registry: reg, Config: &audit.Config{}})
		if err != nil {
			b.Fatal(err)
		}
		if err := writeJSON(io.Discard, audit.NewReport(version, res)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHostileInputs audits the inputs of issue 17 that cost quadratic time, each at 1x
// and 4x the size: ns/op must grow about four times, not sixteen. One line of invalid bytes
// and one line of mixed scripts (a column counted from the line start per finding); many
// "Related Post" teaser lines (the boilerplate structure check rescanned every header).
func BenchmarkHostileInputs(b *testing.B) {
	reg, err := rules.Registry()
	if err != nil {
		b.Fatal(err)
	}
	inputs := []struct {
		name string
		unit []byte // repeated 12,500 times at 1x
	}{
		{"invalid-bytes-line", []byte("a\xff")},
		{"mixed-script-line", []byte("word слово ")},
		{"teaser-lines", []byte("Related Post\nA teaser headline of some words\n")},
	}
	for _, in := range inputs {
		for _, scale := range []int{1, 4} {
			p := filepath.Join(b.TempDir(), in.name+".txt")
			data := bytes.Repeat(in.unit, 12_500*scale)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%dx", in.name, scale), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for i := 0; i < b.N; i++ {
					if _, err := audit.Run([]string{p}, audit.Options{Registry: reg, Config: &audit.Config{}}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

package spin

import (
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// BenchmarkJudgeParagraph measures scoring one ~50-word paragraph with the model loaded.
func BenchmarkJudgeParagraph(b *testing.B) {
	m, err := loadModel()
	if err != nil {
		b.Fatal(err)
	}
	th, err := loadThesaurus()
	if err != nil {
		b.Fatal(err)
	}
	doc := audit.NewDocument("b.txt", readFixture(b, "spun.txt"))
	par := doc.Paragraphs[1]
	prm := params{gains: thresholds{Synonym: 2, Wider: 0, Tie: 2.75}, gainCap: 3, minScore: 0.55, strongGain: 5, contextScore: 0.2, contextParagraphs: 2, minWords: 8, inflRare: -5, inflCommon: -4, inflRatio: 2, inflPar: 2}
	fps := loadFingerprints()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		judgeParagraph(m, th, fps, par, prm)
	}
}

// BenchmarkTokenize is the baseline for BenchmarkJudgeParagraph: splitting words only.
func BenchmarkTokenize(b *testing.B) {
	doc := audit.NewDocument("b.txt", readFixture(b, "spun.txt"))
	text := doc.Paragraphs[1].Text
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tokenize(text)
	}
}

// BenchmarkLoadModel measures decoding the embedded model and thesaurus (done once per process).
func BenchmarkLoadModel(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := parseModel(bigramModelData); err != nil {
			b.Fatal(err)
		}
		if _, err := parseThesaurus(synonymData); err != nil {
			b.Fatal(err)
		}
	}
}

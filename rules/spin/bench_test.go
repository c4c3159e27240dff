package spin

import (
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// BenchmarkJudgeParagraph measures scoring one ~50-word paragraph with the model loaded, at
// the rule's defaults; the NoPolysemy variant is the same paragraph without the polysemy
// discount and at the thresholds used before it (min_gain 2, tie_gain 2.75), the baseline
// for the discount's cost.
func BenchmarkJudgeParagraph(b *testing.B) {
	benchJudge(b, defaultParams())
}

func BenchmarkJudgeParagraphNoPolysemy(b *testing.B) {
	prm := defaultParams()
	prm.gains = thresholds{Synonym: 2, Tie: 2.75}
	benchJudge(b, prm)
}

func defaultParams() params {
	return audit.DecodeParams[params](Paragraph.Defaults())
}

func benchJudge(b *testing.B, prm params) {
	m, th := referenceData(b)
	doc := audit.NewDocument("b.txt", readFixture(b, "spun.txt"))
	par := doc.Paragraphs[1]
	fps := loadFingerprints()
	judgeParagraph(m, th, fps, par, prm) // memoise the synonym lists, as a long run does
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

package spin

import (
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// BenchmarkJudgeParagraph measures scoring one ~50-word paragraph with the model loaded and
// its flat tables built (as in a long run), at the rule's defaults; the NoPolysemy variant is the same paragraph without the polysemy
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
	if m.fastTables(fastAfter) == nil {
		b.Fatal("no flat tables")
	}
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

// benchQueries are the n-grams the fitter looks up for the fixture's words and their
// synonyms, in the order it looks them up.
func benchQueries(b *testing.B, m *Model, th *thesaurus) ([]bigQuery, []triQuery) {
	var bq []bigQuery
	var tq []triQuery
	for _, name := range []string{"spun.txt", "clean.txt"} {
		toks := tokenize(readFixture(b, name))
		c := newChain(m, th, toks)
		for i := 2; i+1 < len(toks); i++ {
			if c.ids[i] < 0 || !c.linked[i] || !c.linked[i-1] || !c.linked[i+1] {
				continue
			}
			for _, x := range th.Synonyms(m, c.ids[i]) {
				bq = append(bq, bigQuery{a: c.ids[i-1], b: x}, bigQuery{a: x, b: c.ids[i+1]})
				tq = append(tq, triQuery{a: c.ids[i-2], b: c.ids[i-1], c: x}, triQuery{a: c.ids[i-1], b: x, c: c.ids[i+1]})
			}
		}
	}
	return bq, tq
}

// BenchmarkLookups measures one bigram and one trigram lookup of the fitter, in batches of a
// word's candidates: in the model's own layout, and in the flat tables that a long run
// builds. The fixtures' n-grams are few, so they stay in cache: a long run's lookups cost
// more, mostly waiting on memory.
func BenchmarkLookups(b *testing.B) {
	m, th := referenceData(b)
	bq, tq := benchQueries(b, m, th)
	flat := builtTables(b, m)
	const batch = 16
	for _, c := range []struct {
		name string
		ft   *fastTables
	}{{"model", nil}, {"flat", flat}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i += batch {
				k := i % (len(bq) - batch)
				m.bigramEntriesIn(c.ft, bq[k:k+batch])
				m.trigramBytesIn(c.ft, tq[k:k+batch])
			}
		})
	}
}

// BenchmarkBuildFlatTables measures building the flat tables (once per long run); each
// round maps 48 MB more, so run it with -benchtime 3x or so.
func BenchmarkBuildFlatTables(b *testing.B) {
	m, _ := referenceData(b)
	for i := 0; i < b.N; i++ {
		builtTables(b, m)
	}
}

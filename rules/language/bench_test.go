package language

import (
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// benchmarkRule runs one rule over fresh documents (the main-language memo is per document).
func benchmarkRule(b *testing.B, r *audit.Rule, text string) {
	params := r.Defaults()
	cfg := &audit.Config{}
	// Warm the process-wide detector so the loop measures the per-document cost.
	r.Check(&audit.Pass{Doc: audit.NewDocument("warm.txt", text), Rule: r, Params: params, Config: cfg})
	docs := make([]*audit.Document, b.N)
	for i := range docs {
		docs[i] = audit.NewDocument("bench.txt", text)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Check(&audit.Pass{Doc: docs[i], Rule: r, Params: params, Config: cfg})
	}
}

// cleanArticle is English prose with a name-heavy headline: the common case, settled by
// stopwords without a model.
func cleanArticle(b *testing.B) string {
	text := fixture(b, "english_clean_names.txt")
	return strings.Repeat(text+"\n", 4)
}

func BenchmarkForeignPassageCleanEnglish(b *testing.B) {
	benchmarkRule(b, ForeignPassage, cleanArticle(b))
}

func BenchmarkForeignPassageWithForeignParagraphs(b *testing.B) {
	benchmarkRule(b, ForeignPassage, fixture(b, "english_with_foreign.txt"))
}

func BenchmarkScriptAnomalies(b *testing.B) {
	text := cleanArticle(b) + "Caf\u00C3\u00A9 P\u0430ris minis\u200Bter\n"
	for _, r := range []*audit.Rule{InvisibleChar, MixedScript, Mojibake} {
		b.Run(r.ID, func(b *testing.B) { benchmarkRule(b, r, text) })
	}
}

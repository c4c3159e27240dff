package date

import (
	"strings"
	"testing"
	"time"

	"github.com/textaudit/textaudit/audit"
)

// benchArticle is a 600-word article with residue, a dateline and a body.
func benchArticle() string {
	var b strings.Builder
	b.WriteString("Harbour plan wins council vote\n\nShare this article\n\nPHOTO: AFP\n\n")
	b.WriteString("LONDON, March 3, 2005 (Reuters) - The council approved the new harbour plan by nine votes to four on Tuesday.\n\n")
	for i := 0; i < 30; i++ {
		b.WriteString("Opponents said the plan, first drawn up in 2009, would cost more than the city could afford, and they would appeal.\n\n")
	}
	return b.String()
}

// BenchmarkDocument is the baseline: building the shared document model the rule reads.
func BenchmarkDocument(b *testing.B) {
	text := benchArticle()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_ = audit.NewDocument("a.txt", text)
	}
}

// BenchmarkLocateAndJudge is the date family's whole per-document work on the same article.
func BenchmarkLocateAndJudge(b *testing.B) {
	text := benchArticle()
	doc := audit.NewDocument("a.txt", text)
	lc := NewLocator()
	now := time.Now()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_ = judge(lc.Locate(doc, "en"), now, 1900, 1)
	}
}

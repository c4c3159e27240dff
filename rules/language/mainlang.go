package language

import (
	"unicode/utf8"

	lingua "github.com/pemistahl/lingua-go"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/stopwords"
)

// MainLanguage is a document's own language: passages in any other are flagged.
type MainLanguage struct {
	Lang   lingua.Language // lingua.Unknown when the text is too short or too mixed to tell
	Script Script          // the script most of the document's letters are written in
	// Confidence is lingua's confidence when lingua decided, 0 when the stopword profile did.
	Confidence float64
	Source     string // "stopwords" or "lingua"
}

// Code is the ISO 639-1 code of the main language ("" when unknown).
func (m MainLanguage) Code() string {
	if m.Lang == lingua.Unknown {
		return ""
	}
	return isoCode(m.Lang)
}

// Thresholds under which the stopword profile is trusted to name the main language: a clear
// lead over the runner-up on a text where stopwords are frequent, as they are in prose.
const (
	profileMinDensity = 0.2
	profileMinMargin  = 0.08
	profileMinLetters = 20
	// linguaSampleBytes bounds the text lingua reads to decide the main language; beyond a
	// few hundred words more text does not change the answer, only the cost.
	linguaSampleBytes = 3000
	linguaMinMain     = 0.5
)

type mainKey struct{}

// DocumentLanguage determines the document's main language once per document. The cheap
// stopword profile decides prose in the languages it knows; lingua (low accuracy, over the
// candidate set) is asked only when the profile is weak or the script does not match it.
func DocumentLanguage(doc *audit.Document, candidates []string) MainLanguage {
	return doc.Memo(mainKey{}, func() any { return detectMain(doc, candidates) }).(MainLanguage)
}

func detectMain(doc *audit.Document, candidates []string) MainLanguage {
	counts := countScripts(doc.Text)
	script, _ := counts.dominant()
	if counts.letters() < profileMinLetters {
		return MainLanguage{Script: script}
	}
	g := stopwords.MainLanguage(doc)
	if l := toLingua(g.Lang); l != lingua.Unknown && scriptOfLanguage(l) == script &&
		g.Density >= profileMinDensity && g.Margin >= profileMinMargin {
		return MainLanguage{Lang: l, Script: script, Source: "stopwords"}
	}
	sample := doc.Text
	if len(sample) > linguaSampleBytes {
		cut := linguaSampleBytes
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		sample = sample[:cut]
	}
	det := detectorFor(candidateLanguages(candidates, lingua.Unknown))
	values := det.Confidences(sample, script)
	if len(values) == 0 || values[0].Value() < linguaMinMain {
		return MainLanguage{Script: script}
	}
	return MainLanguage{Lang: values[0].Language(), Script: script, Confidence: values[0].Value(), Source: "lingua"}
}

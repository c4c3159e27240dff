package spin

import "github.com/textaudit/textaudit/rules/stopwords"

// inflated is a rare word and the common synonym it could stand for.
type inflated struct {
	Text   string `json:"text"`
	Common string `json:"common"`
}

// inflatedWords lists the tokens that read as "inflated synonyms": a rare word (unigram log10
// probability at most rare) with a WordNet synonym in the same form that is a common content
// word (at least common) and at least ratio log10 units more frequent ("metropolis" for
// "city", "citizenry" for "people"). A spinner picks thesaurus entries without regard to
// frequency, so it leaves many; plain news has some too (polysemy), so they only back up
// other evidence (see checkParagraphs). Cost: one pass over the tokens, memoised synonyms.
func inflatedWords(m *Model, th *thesaurus, toks []token, c chain, rare, common, ratio float64) []inflated {
	var out []inflated
	for i, t := range toks {
		w := c.ids[i]
		if w < 0 || t.Capitalised || m.UnigramLogProb(w) > rare || stopwords.Is("en", t.Lower) {
			continue
		}
		for _, s := range th.Synonyms(m, w) {
			ls := m.UnigramLogProb(s)
			if ls < common || ls-m.UnigramLogProb(w) < ratio {
				continue // decided on frequencies alone, before the spelling is copied
			}
			if word := m.Word(s); !stopwords.Is("en", word) && !spellingVariants(t.Lower, word) {
				out = append(out, inflated{Text: t.Text, Common: word})
				break
			}
		}
	}
	return out
}

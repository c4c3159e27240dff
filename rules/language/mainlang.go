package language

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
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
	// profileWords is how many words the stopword profile reads; a few hundred words of
	// prose name their language, and the cost stays flat on long documents.
	profileWords = 400
	// profileShortWords is the first sample: enough when the text is plainly one language.
	profileShortWords = 80
	// linguaSampleBytes bounds the text lingua reads to decide the main language; beyond a
	// few hundred words more text does not change the answer, only the cost.
	linguaSampleBytes = 3000
	linguaMinMain     = 0.5
	// profileMinKinds is how many different function words of its list the profile's leader
	// needs to name a language: a headline repeated, or one short word that happens to be on
	// another language's list ("air", "car", "one"), is one piece of evidence, however often
	// it occurs.
	profileMinKinds = 2
	// soleMinKinds and soleMinDensity: when every function word the profile found is on one
	// language's list only (no other list shares any of them), soleMinKinds of them making up this share
	// of the words name the language even in text too terse for the thresholds above. A text
	// in another language would put some of its own short words on other lists.
	soleMinKinds   = 3
	soleMinDensity = 0.05
	// linguaMinWordLetters and linguaMinWordShare: lingua reads only letter n-grams, so
	// figures, codes and abbreviations are noise it still attributes to some language. It is
	// trusted when the sample holds at least this many letters in real words (its low-accuracy
	// mode is documented as unreliable under about 120 characters) and words are at least
	// this share of the sample's tokens (not a table of figures).
	linguaMinWordLetters = 120
	linguaMinWordShare   = 0.5
)

type mainKey struct{}

// Main is the document's main language, the one every family reads (date locating, boilerplate
// stopword density, duplicate function words, spin's English gate, this family's foreign
// passages and "language" fact): guessed once per document, with the run's candidate
// languages (`languages:` in the config), so no two families can disagree about it.
func Main(doc *audit.Document, cfg *audit.Config) MainLanguage {
	var codes []string
	if cfg != nil {
		codes = cfg.Languages
	}
	return DocumentLanguage(doc, codes)
}

// DocumentLanguage determines the document's main language once per document (the first
// call's candidates decide; rules call Main, which passes the run's). The cheap
// stopword profile decides prose in the languages it knows; lingua (low accuracy, over the
// candidate set) is asked only when the profile is weak or the script does not match it.
func DocumentLanguage(doc *audit.Document, candidates []string) MainLanguage {
	return doc.Memo(mainKey{}, func() any { return detectMain(doc, candidates) }).(MainLanguage)
}

func detectMain(doc *audit.Document, candidates []string) MainLanguage {
	counts := countScripts(doc.Text)
	script, _ := counts.dominant()
	if counts.letters() < profileMinLetters {
		return MainLanguage{Lang: lingua.Unknown, Script: script}
	}
	langs := candidateLanguages(candidates, lingua.Unknown)
	// The document's stopword profile (memoised on the document) settles plainly
	// one-language prose; only unclear documents pay for the candidate-restricted profile
	// below.
	if g := stopwords.DocumentProfile(doc); g.Density >= 2*profileMinDensity && g.Margin >= 2*profileMinMargin {
		if l := toLingua(g.Lang); l != lingua.Unknown && scriptOfLanguage(l) == script && slices.Contains(langs, l) {
			return MainLanguage{Lang: l, Script: script, Source: "stopwords"}
		}
	}
	l, density, margin, front, kinds := profile(doc, langs)
	fits := l != lingua.Unknown && scriptOfLanguage(l) == script && kinds >= profileMinKinds
	if fits && density >= profileMinDensity && margin >= profileMinMargin {
		return MainLanguage{Lang: l, Script: script, Source: "stopwords"}
	}
	// Every function word found is on the leader's list only.
	if fits && margin == density && kinds >= soleMinKinds && density >= soleMinDensity {
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
	letters, share := wordEvidence(sample)
	terse := letters < linguaMinWordLetters || share < linguaMinWordShare
	det := detectorFor(narrowed(langs, front, script))
	values := det.Confidences(sample, script)
	if len(values) == 0 || values[0].Value() < linguaMinMain {
		return MainLanguage{Lang: lingua.Unknown, Script: script}
	}
	best := values[0].Language()
	if terse && len(front) > 0 && hasStopwords(stopwordCode(best)) && !slices.Contains(front, best) {
		// Too little prose for lingua's letter n-grams to outweigh the profile: a language
		// none of whose function words is among the text's, when the text has some, is a
		// guess from figures, codes and abbreviations.
		return MainLanguage{Lang: lingua.Unknown, Script: script}
	}
	return MainLanguage{Lang: best, Script: script, Confidence: values[0].Value(), Source: "lingua"}
}

// profile ranks the candidate languages that have a stopword list by the share of the
// document's first words on their list; it returns the best, its share and its lead. It
// reads a short sample first and the longer one only when the short one is not clear-cut.
// kinds is how many different words of the best language's list the sample holds.
func profile(doc *audit.Document, langs []lingua.Language) (best lingua.Language, density, margin float64, front []lingua.Language, kinds int) {
	// Each word's stopword languages, straight from the scan (no word strings are kept).
	var words []stopwords.Set
	var listed []string // each word's form on the lists ("" when on none), for counting kinds
	var buf []stopwords.Word
	for _, p := range doc.Paragraphs {
		text := p.Text
		if len(text) > 16*profileWords {
			text = text[:16*profileWords] // a word is well under 16 bytes; a cut word is harmless
		}
		buf = stopwords.AppendWords(buf[:0], text)
		for _, w := range buf {
			words = append(words, w.Langs)
			listed = append(listed, w.Listed)
		}
		if len(words) >= profileWords {
			words, listed = words[:profileWords], listed[:profileWords]
			break
		}
	}
	if len(words) < 3 {
		return lingua.Unknown, 0, 0, nil, 0
	}
	var codes []string
	for _, l := range langs {
		if hasStopwords(stopwordCode(l)) {
			codes = append(codes, stopwordCode(l))
		}
	}
	if len(words) > profileShortWords {
		ranked := rankByStopwords(words[:profileShortWords], codes)
		if r := ranked[0]; r.density >= 2*profileMinDensity && r.density-ranked[1].density >= 2*profileMinMargin {
			return toLingua(r.code), r.density, r.density - ranked[1].density, nil, countKinds(words[:profileShortWords], listed, r.code)
		}
		// Only the short sample's front runners can win on the long one.
		codes = codes[:0]
		for _, r := range ranked[:min(3, len(ranked))] {
			codes = append(codes, r.code)
		}
	}
	ranked := rankByStopwords(words, codes)
	if ranked[0].density == 0 {
		return lingua.Unknown, 0, 0, nil, 0
	}
	for _, r := range ranked[:min(profileFront, len(ranked))] {
		if l := toLingua(r.code); l != lingua.Unknown && r.density > 0 {
			front = append(front, l)
		}
	}
	return toLingua(ranked[0].code), ranked[0].density, ranked[0].density - ranked[1].density, front, countKinds(words, listed, ranked[0].code)
}

// countKinds is how many different listed words of sets (listed gives their forms) are on
// code's list.
func countKinds(sets []stopwords.Set, listed []string, code string) int {
	bit := stopwords.Of(code)
	var seen []string
	for i, s := range sets {
		if s&bit != 0 && !slices.Contains(seen, listed[i]) {
			seen = append(seen, listed[i])
		}
	}
	return len(seen)
}

// wordEvidence measures how much of text is words, the only evidence lingua's letter n-grams
// can use: the letters in tokens made of letters alone (apostrophes, hyphens and dots inside
// allowed), and the share of tokens that are such words. Figures, codes and tokens mixing
// letters and digits are not words; a line repeated (a headline echoed above the body) is
// read once.
func wordEvidence(text string) (letters int, share float64) {
	tokens, words := 0, 0
	seen := map[string]bool{}
	var fields []string
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "*#=-_ "))
		if seen[line] {
			continue
		}
		seen[line] = true
		fields = append(fields, strings.FieldsFunc(line, unicode.IsSpace)...)
	}
	for _, f := range fields {
		f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if f == "" {
			continue
		}
		tokens++
		n, word := 0, true
		for _, r := range f {
			switch {
			case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
				n++
			case r == '\'' || r == '’' || r == '-' || r == '.':
			default:
				word = false
			}
		}
		if word && n >= 2 {
			words++
			letters += n + 1 // and its separator: lingua counts characters
		}
	}
	if tokens == 0 {
		return 0, 0
	}
	return letters, float64(words) / float64(tokens)
}

// profileFront is how many of the stopword profile's front runners lingua weighs when the
// profile alone cannot settle a document's language: the answer is among them, and lingua
// then loads a handful of models instead of every candidate of the script.
const profileFront = 4

type ranking struct {
	code    string
	density float64
}

// rankByStopwords orders stopword lists by the share of words on them (each word given by
// its stopword set), best first; the result has at least two entries.
func rankByStopwords(sets []stopwords.Set, codes []string) []ranking {
	out := make([]ranking, 0, len(codes)+2)
	for _, code := range codes {
		n, bit := 0, stopwords.Of(code)
		for _, s := range sets {
			if s&bit != 0 {
				n++
			}
		}
		out = append(out, ranking{code, float64(n) / float64(len(sets))})
	}
	for len(out) < 2 {
		out = append(out, ranking{})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].density > out[j].density })
	return out
}

var (
	stopwordLangsOnce sync.Once
	stopwordLangs     map[string]bool
)

// hasStopwords reports whether the stopword package has a list for code.
func hasStopwords(code string) bool {
	stopwordLangsOnce.Do(func() {
		stopwordLangs = map[string]bool{}
		for _, l := range stopwords.Languages() {
			stopwordLangs[l] = true
		}
	})
	return stopwordLangs[code]
}

// narrowed keeps, of the candidates, the profile's front runners and the languages of script
// that have no stopword list (the profile cannot speak for them); it falls back to all the
// candidates when that leaves fewer than two.
func narrowed(langs, front []lingua.Language, script Script) []lingua.Language {
	if len(front) == 0 {
		return langs
	}
	var out []lingua.Language
	for _, l := range langs {
		if slices.Contains(front, l) || scriptOfLanguage(l) == script && !hasStopwords(stopwordCode(l)) {
			out = append(out, l)
		}
	}
	if len(out) < 2 {
		return langs
	}
	return out
}

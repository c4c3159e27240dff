package language

import (
	"sort"
	"strings"
	"sync"
	"unicode"

	lingua "github.com/pemistahl/lingua-go"

	"github.com/textaudit/textaudit/rules/stopwords"
)

// maxSuspects bounds the languages, besides the main one, that lingua weighs for a passage.
const maxSuspects = 3

// judgeParams are the foreign-passage thresholds (the rule's Params, resolved).
type judgeParams struct {
	minLetters        int     // passages in the main script (or Latin) with fewer letters are not judged
	mainDensity       float64 // share of main-language stopwords that settles a passage as main
	mainUniqueDensity float64 // same, for stopwords of the main language only
	shortWords        int     // passages with fewer words are "short"
	shortForeignShare float64 // short passage: share of its words that must be foreign function words
	longForeignShare  float64 // long passage: same, lower because prose has content words
	maxMainConfidence float64 // lingua's confidence in the main language must stay below this
	scriptShare       float64 // share of letters in another script that makes a passage foreign
	modelWords        int     // passages this long with few main function words go to lingua
	modelDensity      float64 // the main-language stopword share below which they go
	modelConfidence   float64 // lingua's confidence the foreign language then needs
}

// verdict is why a passage is foreign.
type verdict struct {
	lang       lingua.Language // lingua's best language (Unknown: a script no candidate writes)
	confidence float64         // lingua's confidence in lang
	mainConf   float64         // lingua's confidence in the document's language
	script     Script          // the passage's script
	method     string          // "script" or "function-words"
	foreignFW  int             // foreign function words seen (function-words method)
}

// judge decides, passage by passage, whether text is in another language than the main one.
// Layers, cheapest first: letters by script; the main language's stopwords (most passages
// stop here); function words of another candidate language, without which nothing is
// flagged, so names, loanwords and headlines full of names never reach the model; then lingua
// in low-accuracy mode, which must give the main language almost no chance.
type judge struct {
	*candidateSetup
	script  Script
	p       judgeParams
	lookups int // models consulted, for tests and benchmarks
	// paragraphs and vocabulary: the words the document uses in its own-language prose,
	// gathered only when a short passage needs them.
	paragraphs []string
	vocabulary map[string]bool
	words      []word // the passage being judged, reused from one passage to the next
	hits       []int  // foreign function words per other candidate, reused likewise
}

// candidateSetup is what a judge needs to know about its main language and the other
// candidates; it depends only on them, so it is built once per set and shared.
type candidateSetup struct {
	main       lingua.Language
	mainCode   string            // stopword list code of the main language
	mainBit    stopwords.Set     // the main language's stopword list
	others     []string          // stopword list codes of the other candidates
	otherLangs []lingua.Language // the candidates behind others
	otherBits  []stopwords.Set   // the lists of others
	mainAlpha  alphabet          // the main language's letters
	otherAlpha []alphabet        // the letters of others
	det        *Detector
}

func newJudge(main MainLanguage, candidates []lingua.Language, p judgeParams, paragraphs []string) *judge {
	return &judge{candidateSetup: setupFor(main.Lang, candidates), script: main.Script, p: p, paragraphs: paragraphs}
}

// setupKey names a main language and a candidate set (one bit per language).
type setupKey struct {
	main lingua.Language
	set  [2]uint64
}

var (
	setupsMu sync.Mutex
	setups   = map[setupKey]*candidateSetup{}
)

// setupFor returns the shared setup for main and candidates (sorted, duplicate-free).
func setupFor(main lingua.Language, candidates []lingua.Language) *candidateSetup {
	key, ok := setupKey{main: main}, true
	for _, l := range candidates {
		if l < 0 || l >= 128 {
			ok = false
			break
		}
		key.set[l/64] |= 1 << (l % 64)
	}
	if !ok {
		return newSetup(main, candidates)
	}
	setupsMu.Lock()
	defer setupsMu.Unlock()
	c, found := setups[key]
	if !found {
		c = newSetup(main, candidates)
		setups[key] = c
	}
	return c
}

func newSetup(main lingua.Language, candidates []lingua.Language) *candidateSetup {
	c := &candidateSetup{main: main, mainCode: stopwordCode(main), det: detectorFor(candidates)}
	c.mainBit = stopwords.Of(c.mainCode)
	c.mainAlpha = alphabetOf(isoCode(main))
	for _, l := range candidates {
		if code := stopwordCode(l); l != main && hasStopwords(code) && code != c.mainCode {
			c.others = append(c.others, code)
			c.otherLangs = append(c.otherLangs, l)
			c.otherBits = append(c.otherBits, stopwords.Of(code))
			c.otherAlpha = append(c.otherAlpha, alphabetOf(isoCode(l)))
		}
	}
	return c
}

// flat turns a passage's inner line breaks into spaces for lingua. The cheaper layers read
// the passage as it is: to them a line break and a space both just separate words.
func flat(text string) string { return strings.ReplaceAll(text, "\n", " ") }

// foreign judges one passage (a paragraph may still hold its line breaks).
func (j *judge) foreign(text string) (verdict, bool) {
	counts := countScripts(text)
	script, share := counts.dominant()
	if script != j.script && script != Latin && script != NoScript {
		// A line in another script is judged however short: "相关新闻" or "קרא עוד" is a
		// residue line whose four letters say enough (byScript still wants two real words,
		// so a formula such as "Δφ ≈ π/2" is not a passage).
		return j.byScript(text, script, share, counts[script])
	}
	if counts.letters() < j.p.minLetters || hasTableRow(text) {
		return verdict{}, false
	}
	if script != j.script && share < j.p.scriptShare {
		return verdict{}, false
	}
	v, ok := j.byFunctionWords(text, script)
	// Asked last, of the few passages found foreign: most passages never need it.
	if ok && looksTechnical(text) {
		return verdict{}, false
	}
	return v, ok
}

// byScript handles a passage written mostly in a script the main language does not use:
// foreign without doubt once it is more than a name or two; lingua only names the language.
func (j *judge) byScript(text string, script Script, share float64, n int) (verdict, bool) {
	if share < j.p.scriptShare {
		return verdict{}, false
	}
	if script.unspaced() {
		if n < 4 {
			return verdict{}, false
		}
	} else if countWordsIn(text, script) < 2 {
		return verdict{}, false
	}
	v := verdict{lang: lingua.Unknown, script: script, method: "script"}
	values := j.det.Confidences(flat(text), script)
	j.lookups++
	if len(values) > 0 && values[0].Value() > 0 && values[0].Language() != j.main {
		v.lang, v.confidence = values[0].Language(), values[0].Value()
		v.mainConf = confidenceOf(values, j.main)
	}
	return v, true
}

// countWordsIn counts words of two letters or more whose first letter is in script.
func countWordsIn(text string, script Script) int {
	n := 0
	for _, w := range wordsOf(text) {
		if scriptOf(firstLower(w)) == script && letterCount(w.Written) >= 2 {
			n++
		}
	}
	return n
}

// letterCount counts the letters of a word: a single letter ("π", "Σ." of initials) is a
// symbol or an initial, not a word of a language.
func letterCount(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func (j *judge) byFunctionWords(text string, script Script) (verdict, bool) {
	// Letters come first: a Czech passage can be half made of words the English list holds
	// too ("to je v pořádku, řekl a odešel"), which would settle it as English below.
	if script == Latin && j.script == Latin && j.mainAlpha.known && !isASCII(text) {
		if v, ok, decided := j.byLetters(text, script); decided {
			return v, ok
		}
	}
	// Prose in the main language is settled with one lookup a word: the broad lists share
	// many words ("de", "la", "a" are on the English list too), so only a high share counts.
	// Most passages end here. The words go into the judge's reused buffer in the same scan,
	// for the passages that go on (scanning them twice cost more than keeping them).
	j.words = stopwords.AppendWords(j.words[:0], text)
	words := j.words
	n := len(words)
	if mainHits := countIn(words, j.mainBit); n < 2 || j.plainlyMainCount(n, mainHits) {
		return verdict{}, false
	}
	// Otherwise look at which lists each word is on. Words of the main language found on no
	// other candidate's list ("the", "which") settle the passage as main too.
	j.hits = append(j.hits[:0], make([]int, len(j.others))...)
	hits := j.hits
	otherBits, mainBit := j.otherBits, j.mainBit
	mainUnique := 0
	for i, w := range words {
		set := w.Langs
		inMain := set&mainBit != 0
		// A capitalised word inside the passage is most likely a name ("Le Pen", "Real
		// Madrid"), so it is no evidence of a foreign language.
		name := i > 0 && capital(w)
		elsewhere := false
		for k := range j.others {
			if set&otherBits[k] != 0 {
				elsewhere = true
				if !inMain && !name {
					hits[k]++
				}
			}
		}
		if inMain && !elsewhere {
			mainUnique++
		}
	}
	if mainUnique >= 2 && float64(mainUnique) >= j.p.mainUniqueDensity*float64(n) {
		return verdict{}, false
	}
	best, bestHits := "", 0
	for k, h := range hits {
		if h > bestHits {
			best, bestHits = j.others[k], h
		}
	}
	if best == "" {
		return j.byModel(text, words, script, hits)
	}
	bestBit := stopwords.Of(best)
	mainOnly := 0
	for _, w := range words {
		if set := w.Langs; set&mainBit != 0 && set&bestBit == 0 {
			mainOnly++
		}
	}
	if n < j.p.shortWords {
		// A word the document itself uses in its own-language prose is no evidence: a
		// subhead quoting the text ("Total squalor") shares its words with the body.
		for i, w := range words {
			if set := w.Langs; (i == 0 || !capital(w)) && set&bestBit != 0 && set&mainBit == 0 && j.usedInMainProse(w.Listed) {
				bestHits--
			}
		}
	}
	share := float64(bestHits) / float64(n)
	if n < j.p.shortWords {
		// A short line of capitalised words is a name list or a title-case headline
		// ("Tim Henman (Britain)"): the residue lines this layer is for have lower-case words.
		if !hasLowerAfterFirst(words) || share < j.p.shortForeignShare || bestHits <= mainOnly {
			return verdict{}, false
		}
	} else if bestHits < 3 || share < j.p.longForeignShare || bestHits < 2*mainOnly {
		return j.byModel(text, words, script, hits)
	}
	// lingua arbitrates between the main language and the suspects the function words name,
	// not the whole candidate set: the answer is the same question, and it loads two or three
	// models instead of every Latin-script one (each costs tens of milliseconds to decode).
	suspects := j.suspects(hits, (bestHits+1)/2, maxSuspects)
	values := detectorFor(suspects).Confidences(flat(text), script)
	j.lookups++
	if len(values) == 0 || values[0].Value() == 0 || values[0].Language() == j.main {
		return verdict{}, false
	}
	mainConf := confidenceOf(values, j.main)
	if mainConf > j.p.maxMainConfidence {
		return verdict{}, false
	}
	return verdict{lang: values[0].Language(), confidence: values[0].Value(), mainConf: mainConf,
		script: script, method: "function-words", foreignFW: bestHits}, true
}

// byModel judges a long passage of lower-case prose that has almost none of the main
// language's function words and too few of any other candidate's: a language whose stopword
// list is short or shares its words with the main one's ("na", "i", "w" are on the English list
// too), or one without a list. Main-language prose seldom gets here: on 9,825 paragraphs of
// ten words or more from BBC News, 0.3 % have an English stopword share under 0.25, nearly
// all of them headline-style leads full of names, which the lower-case test keeps out. lingua
// then weighs every candidate of the script and must give the main language almost no chance.
func (j *judge) byModel(text string, words []word, script Script, hits []int) (verdict, bool) {
	n := len(words)
	if n < j.p.modelWords {
		return verdict{}, false
	}
	// Names carry no language ("Buenos Aires", "Yacimientos Petroliferos Fiscales" in an
	// English Reuters story), so the test and lingua see only the lower-case words.
	var plain strings.Builder
	lower, mainHits := 0, 0
	for _, w := range words {
		if capital(w) {
			continue
		}
		lower++
		if w.Langs&j.mainBit != 0 {
			mainHits++
		}
		plain.WriteString(strings.ToLower(w.Written))
		plain.WriteByte(' ')
	}
	if float64(lower) < modelLowerShare*float64(n) || float64(mainHits) >= j.p.modelDensity*float64(lower) {
		return verdict{}, false
	}
	// lingua weighs the main language and the candidates with at least one function word
	// of their own in the passage (the language named must show one, below): a handful of
	// models, not every candidate of the script.
	suspects := j.suspects(hits, 1, maxModelSuspects)
	if len(suspects) < 2 {
		return verdict{}, false
	}
	values := detectorFor(suspects).Confidences(plain.String(), script)
	j.lookups++
	if len(values) == 0 || values[0].Language() == j.main || values[0].Value() < j.p.modelConfidence {
		return verdict{}, false
	}
	mainConf := confidenceOf(values, j.main)
	if mainConf > j.p.maxMainConfidence {
		return verdict{}, false
	}
	// lingua is confidently wrong about telegraphic text ("Shr loss 45 cts vs loss 1.34
	// dlrs" is French to it): the language it names must show at least one function word
	// of its own, in lower case (not "Los Angeles"), one the main language's list lacks.
	code := stopwordCode(values[0].Language())
	if !hasStopwords(code) {
		return verdict{}, false // no list to check lingua's guess against
	}
	{
		own, bit := 0, stopwords.Of(code)
		for _, w := range words {
			if !capital(w) && w.Langs&bit != 0 && w.Langs&j.mainBit == 0 {
				own++
			}
		}
		if own == 0 {
			return verdict{}, false
		}
	}
	return verdict{lang: values[0].Language(), confidence: values[0].Value(), mainConf: mainConf,
		script: script, method: "model"}, true
}

// hasTableRow reports whether a passage holds a row of a plain-text table: a line with figures
// set in columns by a run of spaces or a tab after its first word ("Total sales        726,483").
// Its few words are labels, not prose in any language. Leading indentation (hard-wrapped wire
// paragraphs) is not a column.
func hasTableRow(text string) bool {
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if strings.ContainsAny(line, "0123456789") && (strings.Contains(line, "   ") || strings.Contains(line, "\t")) {
			return true
		}
	}
	return false
}

// suspects returns the main language and, most hits first, at most limit other candidates
// with at least minHits function words in the passage, sorted for detectorFor. Most hits
// first: with many candidates, more lists can share a passage's words than lingua is asked
// about ("qui", "en" are Catalan too), and the best must not be crowded out by those listed
// before it.
func (j *judge) suspects(hits []int, minHits, limit int) []lingua.Language {
	order := make([]int, 0, len(hits))
	for k, h := range hits {
		if h > 0 && h >= minHits {
			order = append(order, k)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return hits[order[a]] > hits[order[b]] })
	out := []lingua.Language{j.main}
	for _, k := range order[:min(len(order), limit)] {
		out = append(out, j.otherLangs[k])
	}
	return sortedLanguages(out)
}

// maxModelSuspects bounds the languages besides the main one that byModel asks lingua about.
const maxModelSuspects = 6

// modelLowerShare is the share of lower-case words a passage needs before byModel asks
// lingua: below it, the passage is a list of names or a title-case headline.
const modelLowerShare = 0.6

// hasLowerAfterFirst reports whether a word after the first starts with a lower-case letter.
func hasLowerAfterFirst(words []word) bool {
	for _, w := range words[1:] {
		if !capital(w) {
			return true
		}
	}
	return false
}

// usedInMainProse reports whether w occurs in a paragraph settled as the main language by its
// stopwords alone. It is asked only about words on another candidate's list and not on the
// main language's, so only such words are collected.
func (j *judge) usedInMainProse(w string) bool {
	if j.vocabulary == nil {
		j.vocabulary = map[string]bool{}
		for _, para := range j.paragraphs {
			if n, hits := stopwords.Count(para, j.mainBit); !j.plainlyMainCount(n, hits) {
				continue
			}
			stopwords.Each(para, func(w string, langs stopwords.Set) {
				if langs&^j.mainBit != 0 {
					j.vocabulary[w] = true
				}
			})
		}
	}
	return j.vocabulary[w]
}

// plainlyMainCount is the cheap test that settles most passages: many of its n words (hits)
// on the main language's stopword list.
// countIn is how many of words are on a list of langs.
func countIn(words []stopwords.Word, langs stopwords.Set) int {
	hits := 0
	for _, w := range words {
		if w.Langs&langs != 0 {
			hits++
		}
	}
	return hits
}

func (j *judge) plainlyMainCount(n, hits int) bool {
	return hits >= 3 && float64(hits) >= j.p.mainDensity*float64(n)
}

// Letter evidence thresholds: how many words, and what share of a passage's words, must hold
// letters the main language does not write before the letters are weighed.
const (
	minLetterWords     = 2
	minLetterWordShare = 0.15
)

// byLetters weighs letters the main language does not write ("ř", "ů", "ł") in the passage's
// words, sentence-initial or lower-case (a capitalised word inside the passage is a name:
// "Dvořák" in English prose is no Czech). With enough of them, the candidates whose alphabet
// writes those letters are ranked by the letters they explain, then by the passage's own
// function words on their lists, shared ones included ("se", "na", "je" are Czech as much as
// English); lingua weighs the main language against the best of them and must give the main
// language almost no chance. decided is false when the letters say nothing (too few) or the
// passage plainly carries the main language's own function words: the other layers judge it.
func (j *judge) byLetters(text string, script Script) (v verdict, ok, decided bool) {
	if hasMojibake(text) {
		return verdict{}, false, false // "Ã©", "Â°": letters of a decoding error, not of a language
	}
	j.words = stopwords.AppendWords(j.words[:0], text)
	words := j.words
	n := len(words)
	var letters []rune
	withLetters, mainUnique := 0, 0
	for i, w := range words {
		if w.Langs&j.mainBit != 0 {
			elsewhere := false
			for k := range j.others {
				elsewhere = elsewhere || w.Langs&j.otherBits[k] != 0
			}
			if !elsewhere {
				mainUnique++
			}
		}
		if i > 0 && capital(w) {
			continue
		}
		before := len(letters)
		letters = j.mainAlpha.foreignLetters(w.Written, letters)
		if len(letters) > before {
			withLetters++
		}
	}
	if withLetters < minLetterWords || float64(withLetters) < minLetterWordShare*float64(n) {
		return verdict{}, false, false
	}
	if mainUnique >= 2 && float64(mainUnique) >= j.p.mainUniqueDensity*float64(n) {
		return verdict{}, false, false
	}
	type suspect struct{ k, letters, words int }
	var ranked []suspect
	for k := range j.others {
		s := suspect{k: k}
		for _, r := range letters {
			if j.otherAlpha[k].has(r) {
				s.letters++
			}
		}
		if s.letters == 0 {
			continue
		}
		for i, w := range words {
			if (i == 0 || !capital(w)) && w.Langs&j.otherBits[k] != 0 {
				s.words++
			}
		}
		ranked = append(ranked, s)
	}
	if len(ranked) == 0 {
		return verdict{}, false, false
	}
	sort.SliceStable(ranked, func(a, b int) bool {
		if ranked[a].letters != ranked[b].letters {
			return ranked[a].letters > ranked[b].letters
		}
		return ranked[a].words > ranked[b].words
	})
	suspects := []lingua.Language{j.main}
	for _, s := range ranked[:min(len(ranked), maxSuspects)] {
		suspects = append(suspects, j.otherLangs[s.k])
	}
	values := detectorFor(sortedLanguages(suspects)).Confidences(flat(text), script)
	j.lookups++
	if len(values) == 0 || values[0].Value() == 0 || values[0].Language() == j.main {
		return verdict{}, false, true
	}
	mainConf := confidenceOf(values, j.main)
	if mainConf > j.p.maxMainConfidence {
		return verdict{}, false, true
	}
	fw := 0
	for _, s := range ranked {
		if j.otherLangs[s.k] == values[0].Language() {
			fw = s.words
		}
	}
	return verdict{lang: values[0].Language(), confidence: values[0].Value(), mainConf: mainConf,
		script: script, method: "letters", foreignFW: fw}, true, true
}

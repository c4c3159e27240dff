// Package stopwords ships per-language stopword lists and the cheap language profile built
// on them: the share of a text's words that are stopwords of each language. Several rule
// families use it to know a document's main language without loading a language model.
package stopwords

import (
	"embed"
	"math/bits"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/textaudit/textaudit/audit"
)

//go:embed lists/*.txt
var listFiles embed.FS

// Set is a set of languages, one bit per list, so a word's languages come from one lookup.
type Set uint64

// Has reports whether lang is in the set. In loops, compare with Of(lang) instead: it saves
// a map lookup per word.
func (s Set) Has(lang string) bool { return s&Of(lang) != 0 }

// Of returns the set holding only lang (empty when there is no list for it).
func Of(lang string) Set {
	i, ok := load().bit[lang]
	if !ok {
		return 0
	}
	return 1 << i
}

// index maps every stopword to the set of languages whose list holds it.
type index struct {
	langs []string       // bit i stands for langs[i]
	bit   map[string]int // language → bit
	words map[string]Set // word → languages
}

var (
	loadOnce sync.Once
	idx      *index
)

func load() *index {
	loadOnce.Do(func() {
		idx = &index{bit: map[string]int{}, words: map[string]Set{}}
		entries, _ := listFiles.ReadDir("lists")
		for _, e := range entries {
			data, err := listFiles.ReadFile("lists/" + e.Name())
			if err != nil || len(idx.langs) == 64 {
				continue
			}
			lang := strings.TrimSuffix(e.Name(), ".txt")
			b := len(idx.langs)
			idx.langs = append(idx.langs, lang)
			idx.bit[lang] = b
			for _, w := range strings.Split(string(data), "\n") {
				if w != "" {
					idx.words[w] |= 1 << b
				}
			}
		}
	})
	return idx
}

// Lookup returns the languages whose stopword list holds word (already lower-cased, as
// Words returns it).
func Lookup(word string) Set { return load().words[word] }

// LookupBytes is Lookup for a lower-case word held in bytes; it makes no string.
func LookupBytes(word []byte) Set { return load().words[string(word)] }

// Languages lists the ISO 639-1 codes that have a list.
func Languages() []string {
	out := append([]string(nil), load().langs...)
	sort.Strings(out)
	return out
}

// Is reports whether word (any case) is a stopword of lang.
func Is(lang, word string) bool {
	return lookupAnyCase(word).Has(lang)
}

// lookupAnyCase lower-cases only when needed: most words arrive lower-cased already.
func lookupAnyCase(word string) Set {
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			return Lookup(strings.ToLower(word))
		}
	}
	return Lookup(word)
}

// Words splits text into lower-cased words: runs of letters, marks and apostrophes inside
// words ("it's", "don’t"). Digits and punctuation separate words and are dropped.
func Words(text string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := strings.Trim(text[start:end], "'’")
			if w != "" {
				out = append(out, strings.ToLower(w))
			}
			start = -1
		}
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || ((r == '\'' || r == '’') && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// Density is the share of words that are stopwords of lang (0 when there are no words).
func Density(lang string, words []string) float64 {
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, w := range words {
		if lookupAnyCase(w).Has(lang) {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

// Guess is a language by stopword profile.
type Guess struct {
	Lang    string  // ISO 639-1 code, "" when there were too few words
	Density float64 // share of words that are stopwords of Lang
	Margin  float64 // Density minus the runner-up's density
}

// Profile ranks languages by stopword density over words and returns the best.
func Profile(words []string) Guess {
	if len(words) < 3 {
		return Guess{}
	}
	ix := load()
	counts := make([]int, len(ix.langs))
	for _, w := range words {
		for set := lookupAnyCase(w); set != 0; set &= set - 1 {
			counts[bits.TrailingZeros64(uint64(set))]++
		}
	}
	var best, second Guess
	for i, lang := range ix.langs {
		d := float64(counts[i]) / float64(len(words))
		switch {
		case d > best.Density || (d == best.Density && d > 0 && lang < best.Lang):
			second, best = best, Guess{Lang: lang, Density: d}
		case d > second.Density:
			second = Guess{Lang: lang, Density: d}
		}
	}
	best.Margin = best.Density - second.Density
	return best
}

type mainKey struct{}

// mainLanguageWords is how many words of a document the profile reads: a few hundred words
// of prose name their language, and the cost stays flat on long documents.
const mainLanguageWords = 500

// MainLanguage is the document's main language by stopword profile over its paragraphs,
// computed once per document ("" when the text is too short to tell). It is cheap; the
// language family refines it with lingua-go where it matters.
func MainLanguage(doc *audit.Document) Guess {
	return doc.Memo(mainKey{}, func() any {
		var words []string
		for _, p := range doc.Paragraphs {
			words = append(words, Words(p.Text)...)
			if len(words) > mainLanguageWords {
				break
			}
		}
		return Profile(words)
	}).(Guess)
}

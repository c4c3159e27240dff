// Package stopwords ships per-language stopword lists and the cheap language profile built
// on them: the share of a text's words that are stopwords of each language. Several rule
// families use it to know a document's main language without loading a language model.
package stopwords

import (
	"embed"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/textaudit/textaudit/audit"
)

//go:embed lists/*.txt
var listFiles embed.FS

var (
	loadOnce sync.Once
	sets     map[string]map[string]bool
)

func load() map[string]map[string]bool {
	loadOnce.Do(func() {
		sets = map[string]map[string]bool{}
		entries, _ := listFiles.ReadDir("lists")
		for _, e := range entries {
			data, err := listFiles.ReadFile("lists/" + e.Name())
			if err != nil {
				continue
			}
			set := map[string]bool{}
			for _, w := range strings.Split(string(data), "\n") {
				if w != "" {
					set[w] = true
				}
			}
			sets[strings.TrimSuffix(e.Name(), ".txt")] = set
		}
	})
	return sets
}

// Languages lists the ISO 639-1 codes that have a list.
func Languages() []string {
	var out []string
	for l := range load() {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Is reports whether word (any case) is a stopword of lang.
func Is(lang, word string) bool {
	return load()[lang][strings.ToLower(word)]
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
	set := load()[lang]
	n := 0
	for _, w := range words {
		if set[w] {
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
	var best, second Guess
	for lang, set := range load() {
		n := 0
		for _, w := range words {
			if set[w] {
				n++
			}
		}
		d := float64(n) / float64(len(words))
		switch {
		case d > best.Density || (d == best.Density && lang < best.Lang):
			second, best = best, Guess{Lang: lang, Density: d}
		case d > second.Density:
			second = Guess{Lang: lang, Density: d}
		}
	}
	best.Margin = best.Density - second.Density
	return best
}

type mainKey struct{}

// MainLanguage is the document's main language by stopword profile over its paragraphs,
// computed once per document ("" when the text is too short to tell). It is cheap; the
// language family refines it with lingua-go where it matters.
func MainLanguage(doc *audit.Document) Guess {
	return doc.Memo(mainKey{}, func() any {
		var words []string
		for _, p := range doc.Paragraphs {
			words = append(words, Words(p.Text)...)
			if len(words) > 2000 {
				break
			}
		}
		return Profile(words)
	}).(Guess)
}

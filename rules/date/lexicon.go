package date

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"

	"github.com/textaudit/textaudit/rules/news"
)

//go:embed lexicon/labels.tsv
var labelsTSV string

//go:embed lexicon/relative.txt
var relativeTxt string

// labelKind tells a first-publication label from a revision label.
type labelKind uint8

const (
	publishedLabel labelKind = iota
	updatedLabel
)

// label is one phrase that announces a date ("Published:", "mis à jour le"), as lower-case
// word tokens.
type label struct {
	words []string
	role  labelKind
}

// wordLists are the hand-written lexicons of the date family (see lexicon/README.md).
type wordLists struct {
	labels   []label
	relative map[string]bool
}

var (
	wordListsOnce sync.Once
	sharedLists   *wordLists
)

func builtinWordLists() *wordLists {
	wordListsOnce.Do(func() {
		sharedLists = &wordLists{relative: map[string]bool{}}
		eachLine(labelsTSV, func(line string) {
			kind, phrase, ok := strings.Cut(line, "\t")
			if !ok {
				return
			}
			var words []string
			for _, t := range tokenize(phrase) {
				if t.Kind == WordToken {
					words = append(words, t.Text)
				}
			}
			if len(words) == 0 {
				return
			}
			l := label{words: words}
			if kind == "updated" {
				l.role = updatedLabel
			}
			sharedLists.labels = append(sharedLists.labels, l)
		})
		eachLine(relativeTxt, func(line string) { sharedLists.relative[strings.ToLower(line)] = true })
	})
	return sharedLists
}

func eachLine(text string, fn func(string)) {
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			fn(line)
		}
	}
}

// labelEndingAt returns the longest label whose last word is token j, and the index of its
// first token.
func (w *wordLists) labelEndingAt(toks []token, j int) (label, int, bool) {
	var best label
	bestFirst, found := 0, false
	for _, l := range w.labels {
		first := j - len(l.words) + 1
		if first < 0 || (found && len(l.words) <= len(best.words)) {
			continue
		}
		match := true
		for k, word := range l.words {
			t := toks[first+k]
			if t.Kind != WordToken || t.Text != word {
				match = false
				break
			}
		}
		if match {
			best, bestFirst, found = l, first, true
		}
	}
	return best, bestFirst, found
}

// fillerWords may stand between a label and its date, or around a date in a header line:
// prepositions and articles and clock times' units; time zones are the news lexicon's (see
// isFillerWord).
var fillerWords = map[string]bool{
	"on": true, "at": true, "the": true, "le": true, "la": true, "el": true, "em": true, "il": true,
	"am": true, "pm": true, "op": true, "om": true, "den": true, "à": true, "a": true, "de": true,
	"du": true, "del": true, "um": true, "uhr": true, "h": true, "hs": true, "hrs": true, "alle": true,
	"z": true, "t": true,
	"m": true, // "a.m.", "p.m."
	// words for "year" written after it: Russian and Bulgarian "года", "г.", Ukrainian "року",
	// "р.", Polish "r.", "roku", Serbo-Croatian "godine", "god."; Lithuanian "m."
	"ngày": true, "ngay": true, // Vietnamese "day", before the day number
	"года": true, "г": true, "року": true, "р": true, "r": true, "roku": true, "godine": true, "god": true,
}

// isFillerWord reports whether a lower-case word is a filler word or a time zone.
func isFillerWord(w string) bool { return fillerWords[w] || news.IsTimeZone(w) }

// isFiller reports whether token j is punctuation, a clock time part or a filler word.
func isFiller(toks []token, j int) bool {
	t := toks[j]
	switch t.Kind {
	case PunctToken:
		return true
	case WordToken:
		return isFillerWord(t.Text)
	}
	// A time zone offset after a clock time: "09:14:00 +0000", "09:14 -0500" (not the
	// "2025" of "2024-2025").
	if t.Digits == 4 && j >= 2 && (toks[j-1].Text == "+" || toks[j-1].Text == "-") && !toks[j-1].SpaceAfter &&
		toks[j-2].Kind == NumberToken && toks[j-2].Digits == 2 {
		return true
	}
	// Hours and minutes ("14:32", "9.52am") have at most two digits.
	return t.Digits <= 2 && !t.Ordinal
}

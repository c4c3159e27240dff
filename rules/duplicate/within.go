package duplicate

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/provenance"
)

// Within flags a paragraph or sentence that repeats an earlier one of the same file, word
// for word or with small edits, once per pair, on the later copy.
var Within = &audit.Rule{
	ID:          "duplicate.within",
	Category:    audit.Duplicate,
	Severity:    audit.Warning,
	Description: "A paragraph or sentence repeats an earlier one of the same file, exactly or with small edits",
	Params: map[string]float64{
		"min_words":       8,   // shorter units are ignored: short lines repeat innocently
		"near_similarity": 0.8, // share of words two units have in common (Dice over the alignment)
	},
	Check: checkWithin,
}

// maxPostingWithin bounds how many units one word trigram may pair up inside a file, so a
// very long file full of "one of the" stays linear.
const maxPostingWithin = 32

// withinMatch is a verified pair: later repeats earlier with the given alignment.
type withinMatch struct {
	earlier, later unit
	al             Alignment
	similarity     float64
}

func checkWithin(p *audit.Pass) {
	minWords := int(p.Params.Get("min_words"))
	threshold := p.Params.Get("near_similarity")
	toks := docTokens(p.Doc)
	words := keys(toks)
	var units []unit
	for _, u := range withinUnits(p.Doc, toks) {
		if u.words() >= minWords {
			units = append(units, u)
		}
	}
	captions := make([]bool, len(units))
	for i, u := range units {
		captions[i] = provenance.HasPhotoCredit(p.Doc.Text[u.start:u.end])
	}
	matches := findWithin(units, words, captions, threshold)
	var reported []unit
	for _, m := range matches {
		clash := false
		for _, r := range reported {
			clash = clash || r.overlaps(m.later)
		}
		if clash {
			continue
		}
		reported = append(reported, m.later)
		reportWithin(p, toks, m)
	}
}

// findWithin pairs units sharing word trigrams, verifies each pair by alignment and returns
// the pairs at or above the similarity threshold, longest later copy first.
func findWithin(units []unit, words []uint32, captions []bool, threshold float64) []withinMatch {
	postings := map[uint64][]int{}
	grams := make([]int, len(units))
	for ui, u := range units {
		seen := map[uint64]bool{}
		for i := u.lo; i+3 <= u.hi; i++ {
			g := trigram(words[i:])
			if seen[g] {
				continue
			}
			seen[g] = true
			grams[ui]++
			if len(postings[g]) < maxPostingWithin {
				postings[g] = append(postings[g], ui)
			}
		}
	}
	shared := map[[2]int]int{}
	for _, list := range postings {
		for x := 0; x < len(list); x++ {
			for y := x + 1; y < len(list); y++ {
				if !units[list[x]].overlaps(units[list[y]]) {
					shared[[2]int{list[x], list[y]}]++
				}
			}
		}
	}
	var out []withinMatch
	for pair, n := range shared {
		u, v := units[pair[0]], units[pair[1]]
		// Two units similar enough share at least a fair part of the shorter one's trigrams.
		if float64(n) < 0.25*float64(min(grams[pair[0]], grams[pair[1]])) {
			continue
		}
		if v.start < u.start {
			u, v = v, u
		}
		a, b := words[u.lo:u.hi], words[v.lo:v.hi]
		al := Align(a, b).Extend(a, b, maxAlignTokens)
		sim := 2 * float64(al.Matches) / float64(u.words()+v.words())
		// A caption (a line with a photo credit) that quotes a paragraph of the article is
		// page residue, the boilerplate family's business; two copies of a caption in one
		// block, or two body paragraphs, are a repetition.
		if u.paragraph != v.paragraph && (captions[pair[0]] != captions[pair[1]]) {
			continue
		}
		if sim >= threshold {
			out = append(out, withinMatch{earlier: u, later: v, al: al, similarity: sim})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.later.words() != b.later.words() {
			return a.later.words() > b.later.words()
		}
		if a.later.start != b.later.start {
			return a.later.start < b.later.start
		}
		if a.later.end != b.later.end {
			return a.later.end < b.later.end
		}
		// A paragraph and its first sentence start together: end offsets break the tie, so
		// the order never depends on map iteration.
		if a.earlier.start != b.earlier.start {
			return a.earlier.start < b.earlier.start
		}
		return a.earlier.end < b.earlier.end
	})
	return out
}

func trigram(w []uint32) uint64 {
	h := fnv.New64a()
	var b [12]byte
	for i := 0; i < 3; i++ {
		x := w[i] &^ 3
		b[4*i], b[4*i+1], b[4*i+2], b[4*i+3] = byte(x), byte(x>>8), byte(x>>16), byte(x>>24)
	}
	h.Write(b[:])
	return h.Sum64()
}

func reportWithin(p *audit.Pass, toks []Token, m withinMatch) {
	text := p.Doc.Text
	ev := audit.Evidence{
		"counterpart_path": p.Doc.Path,
		"counterpart_line": m.earlier.firstLine,
		"similarity":       round2(m.similarity),
	}
	what := "paragraph"
	if m.later.start != p.Doc.Paragraphs[m.later.paragraph].Start || m.later.end != p.Doc.Paragraphs[m.later.paragraph].End {
		what = "sentence"
	}
	var msg string
	if m.al.Matches == m.earlier.words() && m.al.Matches == m.later.words() {
		ev["kind"] = "exact"
		msg = fmt.Sprintf("%s repeats line %d of this file word for word", what, m.earlier.firstLine)
	} else {
		ev["kind"] = "near"
		list, n := swaps(m.al, text, toks[m.earlier.lo:m.earlier.hi], text, toks[m.later.lo:m.later.hi], 8)
		ev["substitutions"] = list
		msg = fmt.Sprintf("%s nearly repeats line %d of this file (%.0f%% similar", what, m.earlier.firstLine, 100*m.similarity)
		if n > 0 {
			msg += "; changed: " + strings.Join(list[:min(3, len(list))], ", ")
		}
		msg += ")"
	}
	p.Report(m.later.start, m.later.end, msg, ev)
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

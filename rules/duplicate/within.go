package duplicate

import (
	"fmt"
	"slices"
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
	Params: []audit.Param{
		audit.IntParam("min_words", 8, 1, audit.Unbounded, "shorter units are ignored: short lines repeat innocently",
			func(p *withinParams) *int { return &p.minWords }),
		audit.FloatParam("near_similarity", 0.8, 0, 1, "share of words two units have in common (Dice over the alignment) that makes a near repeat",
			func(p *withinParams) *float64 { return &p.nearSimilarity }),
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

// withinParams are duplicate.within's thresholds.
type withinParams struct {
	minWords       int
	nearSimilarity float64
}

func checkWithin(p *audit.Pass) {
	prm := audit.DecodeParams[withinParams](p.Params)
	minWords, threshold := prm.minWords, prm.nearSimilarity
	toks := docTokens(p.Doc, p.Config)
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
	// The index is a sorted list of (trigram, unit) entries rather than maps: a document
	// has a few hundred trigrams, and building three maps for each of 100,000 files cost
	// more than the alignments.
	// An entry is the trigram hash's top 40 bits over the unit's index; units past 2^24 (a
	// file of tens of millions of words) are not indexed.
	const unitBits = 24
	units = units[:min(len(units), 1<<unitBits)]
	entries := make([]uint64, 0, len(words))
	grams := make([]int, len(units))
	for ui, u := range units {
		for i := u.lo; i+3 <= u.hi; i++ {
			entries = append(entries, trigram(words[i:])&^(1<<unitBits-1)|uint64(ui))
		}
	}
	slices.Sort(entries)
	entries = slices.Compact(entries) // a trigram counts once per unit
	var pairs []uint64                // x<<32 | y for units x < y sharing a trigram, once per trigram
	for lo := 0; lo < len(entries); {
		g := entries[lo] >> unitBits
		hi := lo
		for hi < len(entries) && entries[hi]>>unitBits == g {
			grams[entries[hi]&(1<<unitBits-1)]++
			hi++
		}
		list := entries[lo:min(hi, lo+maxPostingWithin)]
		for x := 0; x < len(list); x++ {
			ux := list[x] & (1<<unitBits - 1)
			for y := x + 1; y < len(list); y++ {
				uy := list[y] & (1<<unitBits - 1)
				if !units[ux].overlaps(units[uy]) {
					pairs = append(pairs, ux<<32|uy)
				}
			}
		}
		lo = hi
	}
	slices.Sort(pairs)
	var out []withinMatch
	var aln aligner
	for lo := 0; lo < len(pairs); {
		hi := lo
		for hi < len(pairs) && pairs[hi] == pairs[lo] {
			hi++
		}
		n, x, y := hi-lo, int(pairs[lo]>>32), int(pairs[lo]&(1<<32-1))
		lo = hi
		u, v := units[x], units[y]
		// Two units similar enough share at least a fair part of the shorter one's trigrams.
		if float64(n) < 0.25*float64(min(grams[x], grams[y])) {
			continue
		}
		if v.start < u.start {
			u, v = v, u
		}
		a, b := words[u.lo:u.hi], words[v.lo:v.hi]
		al := aln.align(a, b).Extend(a, b, maxAlignTokens)
		sim := 2 * float64(al.Matches) / float64(u.words()+v.words())
		// A caption (a line with a photo credit) that quotes a paragraph of the article is
		// page residue, the boilerplate family's business; two copies of a caption in one
		// block, or two body paragraphs, are a repetition.
		if u.paragraph != v.paragraph && (captions[x] != captions[y]) {
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

// trigram is FNV-1a (64 bits) over the three words' keys, kind bits cleared.
func trigram(w []uint32) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < 3; i++ {
		x := w[i] &^ 3
		for k := 0; k < 32; k += 8 {
			h ^= uint64(byte(x >> k))
			h *= 1099511628211
		}
	}
	return h
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

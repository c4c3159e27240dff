package duplicate

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/textaudit/textaudit/audit"
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
		audit.IntParam("max_repeats", 3, 0, audit.Unbounded, "a unit repeated more often than this in one file (a pattern, a template) is one grouped finding listing the repeats",
			func(p *withinParams) *int { return &p.maxRepeats }),
	},
	Check: checkWithin,
}

// maxPostingWithin bounds how many units one word trigram may pair up inside a file, so a
// very long file full of "one of the" stays linear.
const maxPostingWithin = 32

// withinMatch is a verified pair: later repeats earlier with the given alignment. The finding
// goes on here, the later copy; there is the counterpart.
type withinMatch struct {
	earlier, later unit
	here, there    unit
	al             Alignment
	similarity     float64
	// more counts further sentences of here's paragraph that repeat sentences of there's,
	// folded into this finding; spanEnd is then the end of the last of them.
	more    int
	spanEnd int
}

// withinUnitInfo is what findWithin knows of a unit besides its words.
type withinUnitInfo struct {
	caption  bool   // carries a photo credit
	notProse bool   // a table row or a list of links: repeats are layout
	text     string // its text, for list-entry labels
}

// withinParams are duplicate.within's thresholds.
type withinParams struct {
	minWords       int
	nearSimilarity float64
	maxRepeats     int
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
	// Units are described only when a pair needs them: most units of a file pair with none.
	info := make([]*withinUnitInfo, len(units))
	describe := func(i int) *withinUnitInfo {
		if info[i] == nil {
			u := units[i]
			text := p.Doc.Text[u.start:u.end]
			info[i] = &withinUnitInfo{caption: isCaption(text), notProse: notProse(p.Doc.Text, toks[u.lo:u.hi]), text: text}
		}
		return info[i]
	}
	matches := findWithin(units, words, describe, threshold)
	var kept []withinMatch
	for _, m := range matches {
		clash := false
		for _, r := range kept {
			clash = clash || r.here.overlaps(m.here)
		}
		if !clash {
			kept = append(kept, m)
		}
	}
	for _, g := range groupRepeats(foldSentences(kept), prm.maxRepeats) {
		reportWithin(p, toks, g)
	}
}

// foldSentences makes one finding of the sentences of one paragraph that repeat sentences of
// one other paragraph (or of itself): a paragraph written twice over, or a long line holding
// several repeated sentences, is one defect on one line, not one finding per sentence.
func foldSentences(matches []withinMatch) []withinMatch {
	sorted := slices.Clone(matches)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].here.start < sorted[j].here.start })
	type key struct{ here, there int }
	at := map[key]int{}
	var out []withinMatch
	for _, m := range sorted {
		k := key{m.here.paragraph, m.there.paragraph}
		if i, ok := at[k]; ok {
			out[i].more++
			out[i].spanEnd = max(out[i].spanEnd, m.here.end)
			continue
		}
		at[k] = len(out)
		m.spanEnd = m.here.end
		out = append(out, m)
	}
	return out
}

// repeatGroup is one finding of the within-file rule: a match, and when the unit it repeats
// is repeated more than max_repeats times, the other repeats folded into it.
type repeatGroup struct {
	withinMatch
	others []unit // further repeats of the same pattern, in text order
}

// groupRepeats folds matches that chain through shared units (a line repeated twenty times,
// or twenty lines filled in from one pattern) into one group when a chain holds more than
// maxRepeats matches; smaller chains stay one finding per match. Groups are in text order of
// their first finding.
func groupRepeats(matches []withinMatch, maxRepeats int) []repeatGroup {
	uf := unionFind{}
	id := map[[2]int]int32{}
	key := func(u unit) int32 {
		k := [2]int{u.start, u.end}
		if v, ok := id[k]; ok {
			return v
		}
		id[k] = int32(len(id))
		return id[k]
	}
	for _, m := range matches {
		uf.union(key(m.here), key(m.there))
	}
	members := map[int32][]int{}
	for i, m := range matches {
		r := uf.find(key(m.here))
		members[r] = append(members[r], i)
	}
	var out []repeatGroup
	for _, list := range members {
		sort.Slice(list, func(x, y int) bool { return matches[list[x]].here.start < matches[list[y]].here.start })
		if maxRepeats <= 0 || len(list) <= maxRepeats {
			for _, i := range list {
				out = append(out, repeatGroup{withinMatch: matches[i]})
			}
			continue
		}
		g := repeatGroup{withinMatch: matches[list[0]]}
		for _, i := range list[1:] {
			g.others = append(g.others, matches[i].here)
		}
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].here.start != out[j].here.start {
			return out[i].here.start < out[j].here.start
		}
		return out[i].here.end < out[j].here.end
	})
	return out
}

// findWithin pairs units sharing word trigrams, verifies each pair by alignment and returns
// the pairs at or above the similarity threshold, longest later copy first.
func findWithin(units []unit, words []uint32, describe func(int) *withinUnitInfo, threshold float64) []withinMatch {
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
		iu, iv := describe(x), describe(y)
		if iu.notProse || iv.notProse || parallelEntries(iu.text, iv.text) {
			continue
		}
		if v.start < u.start {
			u, v = v, u
			iu, iv = iv, iu
		}
		a, b := words[u.lo:u.hi], words[v.lo:v.hi]
		al := aln.align(a, b).Extend(a, b, maxAlignTokens)
		sim := 2 * float64(al.Matches) / float64(u.words()+v.words())
		if sim < threshold || templateChange(al, a, b) {
			continue
		}
		// A caption that restates a paragraph of the article is page residue, reported on
		// the caption by the boilerplate family; a duplicate finding on either side would be
		// a second finding for one defect. Two copies of a caption, or two body paragraphs,
		// are a repetition, reported on the later one.
		if u.paragraph != v.paragraph && iu.caption != iv.caption {
			continue
		}
		m := withinMatch{earlier: u, later: v, here: v, there: u, al: al, similarity: sim}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.here.words() != b.here.words() {
			return a.here.words() > b.here.words()
		}
		if a.here.start != b.here.start {
			return a.here.start < b.here.start
		}
		if a.here.end != b.here.end {
			return a.here.end < b.here.end
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

func reportWithin(p *audit.Pass, toks []Token, g repeatGroup) {
	m := g.withinMatch
	text := p.Doc.Text
	ev := audit.Evidence{
		"counterpart_path": p.Doc.Path,
		"counterpart_line": m.there.firstLine,
		"similarity":       round2(m.similarity),
	}
	what := "paragraph"
	if m.here.start != p.Doc.Paragraphs[m.here.paragraph].Start || m.here.end != p.Doc.Paragraphs[m.here.paragraph].End {
		what = "sentence"
	}
	verb := "repeats"
	var msg string
	if m.al.Matches == m.earlier.words() && m.al.Matches == m.later.words() {
		ev["kind"] = "exact"
		msg = fmt.Sprintf("%s %s line %d of this file word for word", what, verb, m.there.firstLine)
	} else {
		ev["kind"] = "near"
		list, n := swaps(m.al, text, toks[m.there.lo:m.there.hi], text, toks[m.here.lo:m.here.hi], 8)
		ev["substitutions"] = list
		msg = fmt.Sprintf("%s nearly %s line %d of this file (%.0f%% similar", what, verb, m.there.firstLine, 100*m.similarity)
		if n > 0 {
			msg += "; changed: " + strings.Join(list[:min(3, len(list))], ", ")
		}
		msg += ")"
	}
	if len(g.others) > 0 {
		lines := []int{}
		for _, o := range g.others {
			if len(lines) < maxListedRepeats {
				lines = append(lines, o.firstLine)
			}
		}
		ev["repeats"] = len(g.others) + 1
		ev["repeat_lines"] = lines
		msg += fmt.Sprintf("; %d more repeats of this pattern in the file (lines %s)", len(g.others), joinLines(lines, len(g.others)))
	}
	end := m.here.end
	if m.more > 0 {
		ev["sentences"] = m.more + 1
		msg += fmt.Sprintf("; %d more sentence(s) of this paragraph repeat that paragraph", m.more)
		end = max(end, m.spanEnd)
	}
	p.Report(m.here.start, end, msg, ev)
}

// maxListedRepeats bounds the lines a grouped finding lists.
const maxListedRepeats = 20

func joinLines(lines []int, total int) string {
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = fmt.Sprint(l)
	}
	s := strings.Join(parts, ", ")
	if total > len(lines) {
		s += ", ..."
	}
	return s
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

package boilerplate

import (
	"hash/maphash"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/rules/news"
)

// Shape features for the residue the first line model missed on real scrapes (see
// CALIBRATION.md): captions written as sentences carry a full date ("... Wednesday, May 15,
// 2013") or end in a name in brackets ("... July 31, 2014 (Reuters)") or in a bare name;
// galleries and video players repeat their headline inside the line ("Photos: X Photos: X
// ...", "JUST WATCHED X Replay More Videos ... MUST WATCH X") or copy words of another line;
// teasers and players open with a label ("WATCH:", "Image:", "Topics:") or a run of capitalised
// words ("Enlarge Image Close Name/Agency People ..."). All are shapes of the line, read in
// any language that writes capitals; no word of the training text is one.

// extraFeatureNames follow the neighbour features in the vector.
var extraFeatureNames = []string{
	"self_repeat", "shared_4grams", "lead_caps_share", "lead_caps", "lead_allcaps",
	"label_prefix", "paren_tail", "full_date", "ends_capword",
}

var (
	// A month name (capitalised or not) with a day and a four-digit year, either order.
	fullDateRE = news.LazyRegexp(`\b(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d\d|\d{1,2}\.?\s+\p{L}\p{Ll}{2,8}\s+(?:19|20)\d\d)\b`)
	// A short capitalised name in brackets closing the line.
	parenTailRE = news.LazyRegexp(`\(\s*\p{Lu}[\p{L}\p{N}.&' /-]{0,40}\)\s*\.?\s*$`)
)

var gramSeed = maphash.MakeSeed()

// extraFeatures computes extraFeatureNames for the non-blank lines of a file (trimmed) and
// their tokens.
func extraFeatures(lines []string, toks [][]token) [][]float64 {
	// Each token's hash once; n-grams are combinations of them.
	hashes := make([][]uint64, len(lines))
	for k, ts := range toks {
		hashes[k] = make([]uint64, len(ts))
		for i, t := range ts {
			hashes[k][i] = maphash.String(gramSeed, t.norm)
		}
	}
	// In how many lines of the file each word 4-gram occurs.
	total := 0
	for _, ts := range toks {
		total += len(ts)
	}
	gramLines := make(map[uint64]int, total)
	seen := map[uint64]bool{}
	for _, hs := range hashes {
		clear(seen)
		for i := 0; i+4 <= len(hs); i++ {
			if h := ngram(hs[i : i+4]); !seen[h] {
				seen[h] = true
				gramLines[h]++
			}
		}
	}
	counts := map[uint64]int{}
	out := make([][]float64, len(lines))
	for k, t := range lines {
		ts, hs := toks[k], hashes[k]
		lead, allCaps := leadingCaps(t, ts)
		out[k] = []float64{
			selfRepeat(hs, counts), sharedGrams(hs, gramLines, seen),
			share(lead, len(ts)), float64(min(lead, 10)), float64(allCaps),
			b2f(labelPrefix(t)),
			b2f(strings.HasSuffix(strings.TrimRight(t, ". "), ")") && parenTailRE().MatchString(t)),
			b2f(fullDate(t, ts)),
			b2f(endsCapWord(t, ts)),
		}
	}
	return out
}

// ngram combines token hashes in order.
func ngram(hs []uint64) uint64 {
	h := uint64(14695981039346656037)
	for _, x := range hs {
		h = (h ^ x) * 1099511628211
		h ^= h >> 29
	}
	return h
}

// selfRepeat is the share of the line's word trigrams that occur twice in it (counts is
// scratch space).
func selfRepeat(hs []uint64, counts map[uint64]int) float64 {
	if len(hs) < 6 {
		return 0
	}
	clear(counts)
	n := len(hs) - 2
	for i := 0; i < n; i++ {
		counts[ngram(hs[i:i+3])]++
	}
	rep := 0
	for i := 0; i < n; i++ {
		if counts[ngram(hs[i:i+3])] > 1 {
			rep++
		}
	}
	return float64(rep) / float64(n)
}

// sharedGrams is the share of the line's distinct word 4-grams found in another line too
// (seen is scratch space).
func sharedGrams(hs []uint64, gramLines map[uint64]int, seen map[uint64]bool) float64 {
	if len(hs) < 4 {
		return 0
	}
	clear(seen)
	shared := 0
	for i := 0; i+4 <= len(hs); i++ {
		h := ngram(hs[i : i+4])
		if seen[h] {
			continue
		}
		seen[h] = true
		if gramLines[h] > 1 {
			shared++
		}
	}
	return float64(shared) / float64(len(seen))
}

// leadingCaps counts the tokens opening the line that start with a capital or a digit, and
// the words of two letters or more in capitals only among them.
func leadingCaps(t string, ts []token) (lead, allCaps int) {
	countAll := true
	for _, tk := range ts {
		w := t[tk.start:tk.end]
		c, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(c) && !unicode.IsDigit(c) {
			break
		}
		lead++
		if countAll && utf8.RuneCountInString(w) >= 2 && strings.ToUpper(w) == w && !unicode.IsDigit(c) {
			allCaps++
		} else {
			countAll = false
		}
	}
	return lead, allCaps
}

// labelPrefix: the line opens with one to three words and a colon followed by a space or the
// line's end ("WATCH: ...", "Image: ...", "Related stories:"); a time ("10:30") or a link
// ("http://") is no label.
func labelPrefix(t string) bool {
	i := strings.IndexByte(t, ':')
	if i <= 0 || i > 40 {
		return false
	}
	if i+1 < len(t) && t[i+1] != ' ' && t[i+1] != '\t' {
		return false
	}
	head := strings.TrimSpace(t[:i])
	return head != "" && strings.Count(head, " ") <= 2
}

// endsCapWord: the line ends in a capitalised word with no closing punctuation ("... Dallas
// Swonger").
func endsCapWord(t string, ts []token) bool {
	if len(ts) == 0 {
		return false
	}
	last := ts[len(ts)-1]
	if strings.TrimSpace(t[last.end:]) != "" {
		return false
	}
	c, _ := utf8.DecodeRuneInString(t[last.start:])
	return unicode.IsUpper(c)
}

// fullDate reports a fullDateRE match. Every match ends in a run of four digits opening
// with 19 or 20, which the tokenizer reads as one token, and opens two tokens before it (month,
// day, year or day, month, year), so the expression runs on that span alone.
func fullDate(t string, ts []token) bool {
	for j, tk := range ts {
		if j < 2 || tk.norm != "#" || tk.end-tk.start != 4 || !(strings.HasPrefix(t[tk.start:], "19") || strings.HasPrefix(t[tk.start:], "20")) {
			continue
		}
		if tk.end < len(t) && isASCIIWord(t[tk.end]) {
			continue // the expression's closing \b fails there
		}
		if fullDateRE().MatchString(t[ts[j-2].start:tk.end]) {
			return true
		}
	}
	return false
}

func isASCIIWord(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

package boilerplate

import (
	"math"
	"slices"
)

// Page-context features, read as jusText and trafilatura read blocks but from plain text:
// where the line stands relative to the file's main content block (the run of prose lines
// holding the most words, single non-prose lines between them allowed: a subhead, a
// caption), how much prose surrounds it in wider windows than the immediate neighbours, how
// long it is compared with the other lines of the file, and the file's shape (its share of
// short lines, the block's share of its words). On whole pages, menus and teasers stand
// before the block and comment threads after it; in an article, a caption stands inside it.

// contextBlockFeatureNames follow extraFeatureNames in the vector.
var contextBlockFeatureNames = []string{
	"ctx_in_main", "ctx_side", "ctx_dist", "ctx_wdist", "ctx_prose3", "ctx_prose5", "ctx_prose10",
	"ctx_tok5", "ctx_dens5", "ctx_rank", "file_short_share", "file_block_share", "word_pos",
	"file_block_words", "block_start", "block_end_from_end",
}

// contextBlockFeatures computes contextBlockFeatureNames for the non-blank lines of a file.
func contextBlockFeatures(shapes []lineShape) [][]float64 {
	n := len(shapes)
	// Running sums over the lines: prose lines, tokens, function-word shares.
	cp, ct, cd := make([]float64, n+1), make([]float64, n+1), make([]float64, n+1)
	short := 0
	for k, sh := range shapes {
		cp[k+1] = cp[k] + b2f(sh.prose)
		ct[k+1] = ct[k] + float64(sh.tokens)
		cd[k+1] = cd[k] + sh.density
		if sh.tokens <= 3 {
			short++
		}
	}
	total := ct[n]
	// The main block.
	bs, be, best := -1, -1, 0.0
	for i := 0; i < n; {
		if !shapes[i].prose {
			i++
			continue
		}
		j, last, w := i, i, 0.0
		for j < n && (shapes[j].prose || (j+1 < n && shapes[j+1].prose)) {
			w += float64(shapes[j].tokens)
			if shapes[j].prose {
				last = j
			}
			j++
		}
		if w > best {
			best, bs, be = w, i, last
		}
		i = j
	}
	// Each line's rank by length in tokens (ties in file order), from 0 to 1.
	order := make([]int, n)
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return shapes[a].tokens - shapes[b].tokens })
	rank := make([]float64, n)
	for r, k := range order {
		rank[k] = float64(r) / float64(max(n-1, 1))
	}
	// window is the mean of a running sum's values within r lines of k, k itself left out;
	// -1 when the file has no other line.
	window := func(c []float64, k, r int) float64 {
		lo, hi := max(k-r, 0), min(k+r+1, n)
		cnt := hi - lo - 1
		if cnt <= 0 {
			return -1
		}
		return (c[hi] - c[lo] - (c[k+1] - c[k])) / float64(cnt)
	}
	logOrNone := func(x float64) float64 {
		if x < 0 {
			return -1
		}
		return math.Log1p(x)
	}
	blockStart, blockEnd := -1.0, -1.0
	if bs >= 0 {
		blockStart, blockEnd = float64(bs)/float64(n), float64(n-1-be)/float64(n)
	}
	out := make([][]float64, n)
	backing := make([]float64, n*len(contextBlockFeatureNames))
	for k := range shapes {
		inside, side, dist, wdist := 0.0, 0.0, -1.0, -1.0
		switch {
		case bs < 0:
		case k < bs:
			side, dist, wdist = -1, float64(bs-k), ct[bs]-ct[k+1]
		case k > be:
			side, dist, wdist = 1, float64(k-be), ct[k]-ct[be+1]
		default:
			inside, dist, wdist = 1, 0, 0
		}
		row := backing[k*len(contextBlockFeatureNames) : k*len(contextBlockFeatureNames) : (k+1)*len(contextBlockFeatureNames)]
		out[k] = append(row,
			inside, side, logOrNone(dist), logOrNone(wdist),
			window(cp, k, 3), window(cp, k, 5), window(cp, k, 10),
			math.Log1p(max(window(ct, k, 5), 0)), window(cd, k, 5),
			rank[k], share(short, n), best/math.Max(total, 1), ct[k]/math.Max(total, 1),
			math.Log1p(best), blockStart, blockEnd,
		)
	}
	return out
}

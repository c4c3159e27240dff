package duplicate

import "slices"

// sortFeatureEntries sorts feature<<32|unit entries as slices.Sort would. Add appends
// them unit by unit, so their low halves usually arrive in order already: then a stable
// least-significant-digit radix sort on the high half alone (four byte passes) finishes the
// job, where a comparison sort of millions of entries took ~23 partition levels. Entries
// that do not arrive so fall back to slices.Sort. Hand-written: the standard library has no
// radix sort and none of the kept libraries sorts integers this way.
func sortFeatureEntries(xs []uint64) {
	if len(xs) < 1<<12 || !lowHalvesOrdered(xs) {
		slices.Sort(xs)
		return
	}
	var counts [4][256]int
	for _, x := range xs {
		for p := range counts {
			counts[p][byte(x>>(32+8*p))]++
		}
	}
	buf := make([]uint64, len(xs))
	src, dst := xs, buf
	for p := range counts {
		c := &counts[p]
		if c[byte(src[0]>>(32+8*p))] == len(src) {
			continue // every entry has the same byte here
		}
		pos := 0
		for i, n := range c {
			c[i] = pos
			pos += n
		}
		shift := uint(32 + 8*p)
		for _, x := range src {
			b := byte(x >> shift)
			dst[c[b]] = x
			c[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &xs[0] {
		copy(xs, src)
	}
}

// lowHalvesOrdered reports whether the entries' low 32 bits never decrease.
func lowHalvesOrdered(xs []uint64) bool {
	for i := 1; i < len(xs); i++ {
		if uint32(xs[i]) < uint32(xs[i-1]) {
			return false
		}
	}
	return true
}

package duplicate

import "slices"

// skeletonGram is how many skeleton words make one retrieval feature.
const skeletonGram = 4

// skeletonFeatures returns the distinct retrieval features of a unit's words: hashes of runs
// of skeletonGram consecutive skeleton words, the skeleton being the words a spinner leaves
// alone (function words, names, numbers) with the content words between them dropped. A
// verbatim copy has the same skeleton; a spun copy keeps most of it, where plain word
// shingles would keep almost nothing (RESEARCH.md: 0.07 Jaccard on word 5-grams). A unit
// with too few skeleton words falls back to runs of all its words. The features are appended
// to out; skel is scratch space for the skeleton, handed back for the next call (the corpus
// pass computes features for every unit twice).
func appendSkeletonFeatures(words, out, skel []uint32) ([]uint32, []uint32) {
	skel = skel[:0]
	for _, w := range words {
		if Kind(w&3) != Content {
			skel = append(skel, w&^3)
		}
	}
	if len(skel) < skeletonGram+2 {
		skel = skel[:0]
		for _, w := range words {
			skel = append(skel, w&^3)
		}
	}
	start := len(out)
	for i := 0; i+skeletonGram <= len(skel); i++ {
		out = append(out, gramHash(skel[i:i+skeletonGram]))
	}
	tail := out[start:]
	slices.Sort(tail)
	tail = slices.Compact(tail)
	return out[:start+len(tail)], skel
}

// gramHash mixes a few word keys into one 32-bit feature (FNV-1a over their bytes).
func gramHash(ws []uint32) uint32 {
	h := uint32(2166136261)
	for _, w := range ws {
		for k := 0; k < 4; k++ {
			h ^= (w >> (8 * k)) & 0xff
			h *= 16777619
		}
	}
	return h
}

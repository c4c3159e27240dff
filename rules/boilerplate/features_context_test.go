package boilerplate

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// TestContextBlockFeatures reads a file as a list of line shapes: "P12" is a prose line of
// 12 tokens, "s2" a line of 2 tokens that is not prose.
func TestContextBlockFeatures(t *testing.T) {
	page := "s2 s1 P12 P20 s3 P15 s2 s2 P10 s1" // main block: lines 2-5 (50 of 68 words); line 8 is a shorter block
	tests := []struct {
		name    string
		file    string
		line    int
		feature string
		want    float64
	}{
		{"menu before the block", page, 0, "ctx_side", -1},
		{"menu before the block: lines to it", page, 0, "ctx_dist", math.Log1p(2)},
		{"menu before the block: words to it", page, 0, "ctx_wdist", math.Log1p(1)},
		{"a subhead between paragraphs is in the block", page, 4, "ctx_in_main", 1},
		{"the block allows single gaps only", page, 6, "ctx_in_main", 0},
		{"a comment after the block", page, 8, "ctx_side", 1},
		{"a comment after the block: lines from it", page, 8, "ctx_dist", math.Log1p(3)},
		{"a comment after the block: words from it", page, 8, "ctx_wdist", math.Log1p(4)},
		{"prose within three lines, the line left out", page, 4, "ctx_prose3", 3.0 / 6},
		{"window cut at the file start", page, 0, "ctx_prose3", 2.0 / 3},
		{"the longest line ranks last", page, 3, "ctx_rank", 1},
		{"ties rank in file order", page, 1, "ctx_rank", 0},
		{"share of short lines", page, 0, "file_short_share", 0.6},
		{"words before the line", page, 3, "word_pos", 15.0 / 68},
		{"the block's share of the words", page, 0, "file_block_share", 50.0 / 68},
		{"a file without prose has no block", "s2 s3", 0, "ctx_dist", -1},
		{"a single line has no window", "P12", 0, "ctx_prose5", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var shapes []lineShape
			for _, f := range strings.Fields(tc.file) {
				n, err := strconv.Atoi(f[1:])
				if err != nil {
					t.Fatal(err)
				}
				shapes = append(shapes, lineShape{prose: f[0] == 'P', tokens: n})
			}
			col := -1
			for i, n := range contextBlockFeatureNames {
				if n == tc.feature {
					col = i
				}
			}
			if col < 0 {
				t.Fatalf("no feature %q", tc.feature)
			}
			got := contextBlockFeatures(shapes)[tc.line][col]
			if d := got - tc.want; d > 1e-9 || d < -1e-9 {
				t.Errorf("%s of line %d of %q = %v, want %v", tc.feature, tc.line, tc.file, got, tc.want)
			}
		})
	}
}

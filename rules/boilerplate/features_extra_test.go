package boilerplate

import (
	"strings"
	"testing"
)

func TestExtraFeatures(t *testing.T) {
	tests := []struct {
		name    string
		lines   []string
		line    int // index of the line checked
		feature string
		want    float64
	}{
		{"gallery headline repeated in the line", []string{"Photos: Shooting at a school Photos: Shooting at a school Pupils wait"}, 0, "self_repeat", 0.6},
		{"prose repeats nothing", []string{"The council met on Monday and voted to close the old school next year."}, 0, "self_repeat", 0},
		{"caption copying another line", []string{"Police officer replaces stolen ring", "Police officer replaces stolen ring See Gallery"}, 0, "shared_4grams", 1},
		{"unrelated lines share nothing", []string{"The council met on Monday", "Rain is expected later this week"}, 1, "shared_4grams", 0},
		{"a run of capitals opens a gallery line", []string{"Enlarge Image Close Associated Press A rocket is launched"}, 0, "lead_caps", 6},
		{"words in capitals open a player line", []string{"JUST WATCHED Rocket fire escalates"}, 0, "lead_allcaps", 2},
		{"a sentence opens with one capital", []string{"The rocket was launched on Thursday."}, 0, "lead_caps", 1},
		{"label and colon", []string{"WATCH: Sheriff holds a news conference"}, 0, "label_prefix", 1},
		{"a time is no label", []string{"At 10:30 the sheriff spoke"}, 0, "label_prefix", 0},
		{"a link is no label", []string{"http://example.com/story"}, 0, "label_prefix", 0},
		{"a colon late in a sentence", []string{"The sheriff said on Friday afternoon: we will find them"}, 0, "label_prefix", 0},
		{"name in brackets closes a caption", []string{"Soldiers near the border, July 31, 2014 (Reuters)"}, 0, "paren_tail", 1},
		{"a number in brackets is no name", []string{"Food (31)"}, 0, "paren_tail", 0},
		{"a caption's full date", []string{"Civilians walk in Bamako, Mali Wednesday March 21, 2012."}, 0, "full_date", 1},
		{"day month year", []string{"Demonstranten am 3. Juli 2014 in Berlin"}, 0, "full_date", 1},
		{"a year glued to letters is no full date", []string{"Seen on March 21, 2012x here"}, 0, "full_date", 0},
		{"a year alone is no full date", []string{"In 2014 the council voted."}, 0, "full_date", 0},
		{"a bare name closes a caption", []string{"A patient waits in the clinic Dallas Swonger"}, 0, "ends_capword", 1},
		{"a sentence ends in a full stop", []string{"He thanked Dallas Swonger."}, 0, "ends_capword", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := make([][]token, len(tc.lines))
			for i, l := range tc.lines {
				toks[i] = tokenize(l)
			}
			col := -1
			for i, n := range extraFeatureNames {
				if n == tc.feature {
					col = i
				}
			}
			if col < 0 {
				t.Fatalf("no feature %q", tc.feature)
			}
			got := extraFeatures(tc.lines, toks)[tc.line][col]
			if d := got - tc.want; d > 1e-9 || d < -1e-9 {
				t.Errorf("%s of %q = %v, want %v", tc.feature, strings.Join(tc.lines, " / "), got, tc.want)
			}
		})
	}
}

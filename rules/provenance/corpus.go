package provenance

import "github.com/textaudit/textaudit/audit"

// SharedStory reports two files that share several aligned passages: the same story
// republished or rewritten. It is one fact about the pair, reported once on each file with
// every shared passage in the evidence, rather than one copy finding per passage and side.
// A newsroom reusing its own story is where a text comes from, not a defect of the file, so
// the rule is provenance information; copies that stand alone in an otherwise different file
// stay duplicate.cross warnings. The duplicate family's corpus pass finds it.
var SharedStory = &audit.Rule{
	ID:          "provenance.shared-story",
	Category:    audit.Provenance,
	Severity:    audit.Info,
	Description: "The file shares several passages with another file: the same story republished or rewritten (found by duplicate.cross's corpus pass)",
	Params: []audit.Param{
		audit.IntParam("min_passages", 3, 1, audit.Unbounded, "shared passages that make a shared story",
			func(p *SharedStoryParams) *int { return &p.MinPassages }),
		audit.FloatParam("min_share", 0.4, 0, 1, "or: share of the smaller file's words covered by two or more passages",
			func(p *SharedStoryParams) *float64 { return &p.MinShare }),
	},
}

// SharedStoryParams are provenance.shared-story's thresholds, for the corpus pass that
// finds it.
type SharedStoryParams struct {
	MinPassages int
	MinShare    float64
}

// Inherited reports a copy whose source credits a wire service the copy does not credit.
// The duplicate family's corpus pass finds it.
var Inherited = &audit.Rule{
	ID:          "provenance.inherited",
	Category:    audit.Provenance,
	Severity:    audit.Info,
	Description: "A passage is copied from a file credited to a wire service this file does not credit (found by duplicate.cross's corpus pass)",
}

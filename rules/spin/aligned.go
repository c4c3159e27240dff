package spin

import "github.com/textaudit/textaudit/audit"

// AlignedCopy flags a passage that aligns to a passage of another file word for word except
// for many swapped content words while function words, names and numbers stay: the mark of a
// synonym spinner, proven by its source. The duplicate family's corpus pass finds it (it
// holds the alignment); the rule is declared here, with the family it belongs to.
var AlignedCopy = &audit.Rule{
	ID:          "spin.aligned-copy",
	Category:    audit.Spin,
	Severity:    audit.Warning,
	Description: "A passage is another file's passage with content words swapped for synonyms (found by duplicate.cross's corpus pass)",
	Params: []audit.Param{
		audit.IntParam("min_swaps", 3, 1, audit.Unbounded, "content-word substitutions needed",
			func(p *AlignedCopyParams) *int { return &p.MinSwaps }),
		audit.FloatParam("min_share", 0.1, 0, 1, "share of the passage's content words swapped",
			func(p *AlignedCopyParams) *float64 { return &p.MinShare }),
	},
}

// AlignedCopyParams are spin.aligned-copy's thresholds, for the corpus pass that finds it.
type AlignedCopyParams struct {
	MinSwaps int
	MinShare float64
}

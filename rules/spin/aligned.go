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
	Params: map[string]float64{
		"min_swaps": 3,   // content-word substitutions needed
		"min_share": 0.1, // share of the passage's content words swapped
	},
}

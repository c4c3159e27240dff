package boilerplate

import (
	"regexp"
	"testing"
)

// TestLazyRegexpsCompile compiles every pattern compiled on first use, so a bad one fails here
// rather than in a run.
func TestLazyRegexpsCompile(t *testing.T) {
	for name, re := range map[string]func() *regexp.Regexp{
		"agencyPhraseRE": agencyPhraseRE,
		"bracketRE":      bracketRE,
		"bylineChainRE":  bylineChainRE,
		"bylineLineRE":   bylineLineRE,
		"copyrightRE":    copyrightRE,
		"counterRE":      counterRE,
		"creditLabel":    creditLabel,
		"creditLineRE":   creditLineRE,
		"creditTailRE":   creditTailRE,
		"fullDateRE":     fullDateRE,
		"galleryRE":      galleryRE,
		"parenCountRE":   parenCountRE,
		"parenTailRE":    parenTailRE,
		"provenanceRE":   provenanceRE,
		"slashCreditRE":  slashCreditRE,
		"spliceRE":       spliceRE,
		"timeAgoRE":      timeAgoRE,
		"urlRE":          urlRE,
	} {
		t.Run(name, func(t *testing.T) {
			if re() == nil {
				t.Fatal("nil regexp")
			}
		})
	}
}

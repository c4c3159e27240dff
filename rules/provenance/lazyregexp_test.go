package provenance

import (
	"regexp"
	"testing"
)

// TestLazyRegexpsCompile compiles every pattern compiled on first use, so a bad one fails here
// rather than in a run.
func TestLazyRegexpsCompile(t *testing.T) {
	for name, re := range map[string]func() *regexp.Regexp{
		"creditLineRE":       creditLineRE,
		"reutersSignatureRE": reutersSignatureRE,
	} {
		t.Run(name, func(t *testing.T) {
			if re() == nil {
				t.Fatal("nil regexp")
			}
		})
	}
}

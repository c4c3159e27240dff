package provenance

import (
	"strings"
	"testing"
)

// The prefilters only skip regexps that cannot match; these tests hold them to that.

func signatureReference(text string) bool { return reutersSignatureRE().MatchString(text) }

var prefilterTexts = []string{
	"", "PHOTO: AFP", "Picture: Reuters", "(Photo: Reuters)", "IMAGE credit: AP", "Foto: EFE",
	"Reuters/File", "AFP/Getty Images", "Xinhua Photo", "a photo of the town", "PHOTOGRAPHS: AP",
	"Reporting by Jane Doe; Editing by John Roe", "Writing by A B; additional reporting by C D; editing by E",
	"Reporting by Jane Doe; editing", "\u0130MAGE: AP", "pho\u200bto: AFP", "fields  one\ttwo\u00a0three\n",
}

func TestPrefiltersNeverHideAMatch(t *testing.T) {
	for _, text := range prefilterTexts {
		if signatureReference(text) && !mayHoldSignature(text) {
			t.Errorf("mayHoldSignature(%q) = false, but the signature matches", text)
		}
	}
}

func TestFieldsAtMostCountsAsStringsFields(t *testing.T) {
	for _, text := range prefilterTexts {
		for n := 0; n <= 10; n++ {
			if got, want := fieldsAtMost(text, n), len(strings.Fields(text)) <= n; got != want {
				t.Errorf("fieldsAtMost(%q, %d) = %v, want %v", text, n, got, want)
			}
		}
	}
}

func FuzzPrefiltersNeverHideAMatch(f *testing.F) {
	for _, text := range prefilterTexts {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if signatureReference(text) && !mayHoldSignature(text) {
			t.Errorf("mayHoldSignature(%q) = false, but the signature matches", text)
		}
		if got, want := fieldsAtMost(text, 8), len(strings.Fields(text)) <= 8; got != want {
			t.Errorf("fieldsAtMost(%q, 8) = %v, want %v", text, got, want)
		}
	})
}

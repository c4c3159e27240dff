package news

import (
	"reflect"
	"testing"
)

func TestPhotoCreditsAreFoundByTheirForm(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // name|agency of each credit
	}{
		{"a labelled credit of a picture agency", "The bridge at night. (Photo: Getty Images)", []string{"Getty Images|Getty Images"}},
		{"a labelled credit of two agencies", "Rescuers search the site. (Photo: EPA-EFE)", []string{"EPA-EFE|EPA"}},
		{"an upper-case label and wire", "PHOTO: AFP", []string{"AFP|AFP"}},
		{"a labelled wire before its caption", "PHOTO: AFP Firefighters at the scene", []string{"AFP|AFP"}},
		{"a label closing a caption", "Troops gather near the border. Photo: REUTERS.", []string{"REUTERS|Reuters"}},
		{"an agency and the photographer", "Protesters march. REUTERS/Jonathan Ernst", []string{"REUTERS|Reuters"}},
		{"an agency photo and the photographer", "The senator speaks. (AP Photo/Evan Vucci)", []string{"AP|AP"}},
		{"a photographer and a camel-case agency", "Singer on stage.\nKevin Mazur/WireImage\n", []string{"WireImage|WireImage"}},
		{"a photographer and an unknown camel-case agency", "Jane Doe/FilmMagic", []string{"FilmMagic|FilmMagic"}},
		{"a photographer and a wire", "Jonathan Ernst/Reuters", []string{"Reuters|Reuters"}},
		{"a file photo of a wire", "The plant in 2010. Reuters/File", []string{"Reuters|Reuters"}},
		{"a caption label before prose is no credit", "Image: The minister speaks to reporters in London on Monday", nil},
		{"a slash between two places is no credit", "Fighting on the Israel/Gaza border went on.", nil},
		{"two surnames with a slash are no credit", "The Lennon/McCartney songs were played.", nil},
		{"prose without a credit", "The council met on Tuesday and voted.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, pc := range PhotoCredits(c.text) {
				got = append(got, pc.Name+"|"+pc.Agency)
				if c.text[pc.Start:pc.End] == "" {
					t.Errorf("empty span for %+v", pc)
				}
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("PhotoCredits(%q) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}

// The prefilters of PhotoCredits only skip regexps that cannot match.
func TestPhotoCreditPrefiltersNeverHideACredit(t *testing.T) {
	for _, text := range []string{"", "PHOTO: AFP", "Picture: Reuters", "(Photo: Reuters)", "IMAGE credit: AP",
		"Foto: EFE", "Reuters/File", "AFP/Getty Images", "Xinhua Photo", "a photo of the town", "PHOTOGRAPHS: AP",
		"\u0130MAGE: AP", "pho\u200bto: AFP", "Kevin Mazur/WireImage", "REUTERS/Jonathan Ernst"} {
		label := labelCreditRE().MatchString(text) || labelAgencyRE().MatchString(text)
		if label && !hasPhotoWord(text) {
			t.Errorf("hasPhotoWord(%q) = false, but the labelled form matches", text)
		}
	}
	slashes := []struct {
		text string
		may  bool // whether mayHoldAgencySlash lets agencyNameRE run
	}{
		{"REUTERS/Jonathan Ernst", true},
		{"(AP Photo/Evan Vucci)", true},
		{"AFP / Getty Images", true},
		{"Xinhua/\u00c9mile Zola", true},
		{"prices rose 3/4 of a point on 12/03", false},
		{"and/or", false},
		{"AFP/ getty", false},
		{"", false},
	}
	for _, c := range slashes {
		if got := mayHoldAgencySlash(c.text); got != c.may {
			t.Errorf("mayHoldAgencySlash(%q) = %v, want %v", c.text, got, c.may)
		}
		if agencyNameRE().MatchString(c.text) && !mayHoldAgencySlash(c.text) {
			t.Errorf("mayHoldAgencySlash(%q) = false, but agencyNameRE matches", c.text)
		}
	}
}

func TestCarriesCreditTellsCaptionsFromProse(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Rescuers search the rubble. (Photo: Getty Images)", true},
		{"The minister at the summit (Photo by Jane Doe)", true},
		{"Smoke over the city on Tuesday. Credit: NASA Earth Observatory", true},
		{"The crater seen from orbit. Image: ESA", true},
		{"Firefighters at the scene. REUTERS/Jonathan Ernst", true},
		{"The photo was taken on Tuesday, officials said.", false},
		{"Credit card debt rose for a third month.", false},
		{"He showed an image of the plan to reporters.", false},
	}
	for _, tt := range tests {
		if got := CarriesCredit(tt.text); got != tt.want {
			t.Errorf("CarriesCredit(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

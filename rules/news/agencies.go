package news

import (
	"regexp"
	"sort"
	"strings"
)

// Agency is a news or picture agency as credits name it.
type Agency struct {
	// Name is the canonical name reports use ("Reuters", "AP", "Getty Images").
	Name string
	// Spellings are the case-sensitive forms that name it in a credit, the canonical name
	// first. Short upper-case forms (AP, PA) are believed only inside a credit form.
	Spellings []string
	// Wire agencies write stories: they are credited in datelines and credit lines. The
	// others are credited only for pictures.
	Wire bool
}

// Agencies lists every agency the rules recognise by name, wire services first. Credits of
// others are still recognised by their form (see PhotoCredits).
var Agencies = []Agency{
	{"Reuters", []string{"Reuters", "REUTERS"}, true},
	{"AP", []string{"AP", "Associated Press", "ASSOCIATED PRESS"}, true},
	{"AFP", []string{"AFP", "Agence France-Presse", "Agence France Presse"}, true},
	{"Xinhua", []string{"Xinhua", "XINHUA"}, true},
	{"EFE", []string{"EFE"}, true},
	{"dpa", []string{"dpa", "DPA"}, true},
	{"ANSA", []string{"ANSA"}, true},
	{"SANA", []string{"SANA"}, true},
	{"TASS", []string{"TASS", "ITAR-TASS", "Tass"}, true},
	{"BBC", []string{"BBC"}, true},
	{"VOA", []string{"VOA", "Voice of America"}, true},
	{"UPI", []string{"UPI"}, true},
	{"Kyodo", []string{"Kyodo", "KYODO"}, true},
	{"Yonhap", []string{"Yonhap", "YONHAP"}, true},
	{"Anadolu", []string{"Anadolu", "Anadolu Agency"}, true},
	{"PTI", []string{"PTI"}, true},
	{"IANS", []string{"IANS"}, true},
	{"Bernama", []string{"Bernama", "BERNAMA"}, true},
	{"Antara", []string{"Antara", "ANTARA"}, true},
	{"IRNA", []string{"IRNA"}, true},
	{"KCNA", []string{"KCNA"}, true},
	{"WAM", []string{"WAM"}, true},
	{"MENA", []string{"MENA"}, true},
	{"Bloomberg", []string{"Bloomberg"}, true},
	{"PA", []string{"PA", "Press Association"}, true},
	{"Interfax", []string{"Interfax"}, true},
	{"RIA Novosti", []string{"RIA Novosti", "RIA"}, true},
	{"Europa Press", []string{"Europa Press"}, true},
	{"Notimex", []string{"Notimex"}, true},
	{"Agência Brasil", []string{"Agência Brasil", "Agencia Brasil"}, true},
	{"CNN", []string{"CNN"}, true},
	{"APA", []string{"APA"}, true},
	{"ANP", []string{"ANP"}, true},
	{"Belga", []string{"Belga"}, true},
	{"Lusa", []string{"Lusa"}, true},
	{"PAP", []string{"PAP"}, true},
	{"AAP", []string{"AAP"}, true},
	{"ANI", []string{"ANI"}, true},

	{"EPA", []string{"EPA"}, false},
	{"Getty Images", []string{"Getty Images", "Getty"}, false},
	{"Shutterstock", []string{"Shutterstock"}, false},
	{"iStock", []string{"iStock", "iStockphoto"}, false},
	{"Alamy", []string{"Alamy"}, false},
	{"Corbis", []string{"Corbis"}, false},
	{"Rex", []string{"Rex", "REX"}, false},
	{"SIPA", []string{"SIPA", "Sipa"}, false},
	{"NurPhoto", []string{"NurPhoto"}, false},
	{"ZUMA", []string{"ZUMA", "Zuma"}, false},
	{"SOPA", []string{"SOPA"}, false},
	{"Imago", []string{"Imago", "IMAGO"}, false},
	{"Abaca", []string{"Abaca", "ABACA"}, false},
	{"picture alliance", []string{"picture-alliance", "picture alliance"}, false},
	{"FilmMagic", []string{"FilmMagic"}, false},
	{"WireImage", []string{"WireImage"}, false},
	// Not agencies, but credited in the same place ("Jane Doe/Pool", "Name/Handout").
	{"Pool", []string{"Pool", "POOL"}, false},
	{"Handout", []string{"Handout", "HANDOUT"}, false},
	{"Wikimedia", []string{"Wikimedia"}, false},
	{"Flickr", []string{"Flickr"}, false},
}

// agencyIndex is Agencies looked up the ways the rules need.
type agencyIndex struct {
	canonical       map[string]string // spelling -> canonical name
	wireWords       map[string]bool   // lower-case one-word spellings of wire agencies
	agencyWords     map[string]bool   // lower-case one-word spellings of every agency
	wireAlternation string
}

var agencies = indexAgencies()

func indexAgencies() agencyIndex {
	canonicalAgency, wireWords, agencyWords := map[string]string{}, map[string]bool{}, map[string]bool{}
	var wire []string
	for _, a := range Agencies {
		for _, s := range a.Spellings {
			canonicalAgency[s] = a.Name
			if !strings.ContainsAny(s, " ") {
				agencyWords[strings.ToLower(s)] = true
				if a.Wire {
					wireWords[strings.ToLower(s)] = true
				}
			}
			if a.Wire {
				wire = append(wire, s)
			}
		}
	}
	// Longest first, so "RIA Novosti" is preferred to "RIA" and "ITAR-TASS" to "TASS".
	sort.SliceStable(wire, func(i, j int) bool { return len(wire[i]) > len(wire[j]) })
	parts := make([]string, 0, len(wire))
	seen := map[string]bool{}
	for _, s := range wire {
		if !seen[s] {
			seen[s] = true
			parts = append(parts, regexp.QuoteMeta(s))
		}
	}
	return agencyIndex{canonicalAgency, wireWords, agencyWords, "(" + strings.Join(parts, "|") + ")"}
}

// CanonicalAgency returns the canonical name of an agency spelling ("Agence France-Presse" is
// "AFP") and whether the spelling is known.
func CanonicalAgency(spelling string) (string, bool) {
	n, ok := agencies.canonical[spelling]
	return n, ok
}

// IsWireWord reports whether a lower-case word is a one-word name of a wire agency
// ("reuters", "afp", "dpa"): such a name in brackets opens a story ("(CNN) Greg ...").
func IsWireWord(lower string) bool { return agencies.wireWords[lower] }

// IsAgencyWord reports whether a lower-case word is a one-word name of any agency, wire or
// picture ("getty", "epa", "reuters"), as it stands in a bare credit ("Jonathan Ernst/Reuters").
func IsAgencyWord(lower string) bool { return agencies.agencyWords[lower] }

// WireAlternation is a regular-expression group matching any spelling of a wire agency, for
// credit patterns built around it; the group captures the spelling.
func WireAlternation() string { return agencies.wireAlternation }

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
	Kind      AgencyKind
}

// AgencyKind says what an agency is credited for.
type AgencyKind uint8

// The agency kinds.
const (
	WireAgency    AgencyKind = iota // writes stories: credited in datelines, credit lines and photos
	PictureAgency                   // credited for pictures only
	CreditSource                    // no agency, but credited where one would be ("Pool", "Handout")
)

// Agencies lists every agency the rules recognise by name, wire services first. Credits of
// others are still recognised by their form (see PhotoCredits).
var Agencies = []Agency{
	{"Reuters", []string{"Reuters", "REUTERS"}, WireAgency},
	{"AP", []string{"AP", "Associated Press", "ASSOCIATED PRESS"}, WireAgency},
	{"AFP", []string{"AFP", "Agence France-Presse", "Agence France Presse"}, WireAgency},
	{"Xinhua", []string{"Xinhua", "XINHUA"}, WireAgency},
	{"EFE", []string{"EFE"}, WireAgency},
	{"dpa", []string{"dpa", "DPA"}, WireAgency},
	{"ANSA", []string{"ANSA"}, WireAgency},
	{"SANA", []string{"SANA"}, WireAgency},
	{"TASS", []string{"TASS", "ITAR-TASS", "Tass"}, WireAgency},
	{"BBC", []string{"BBC"}, WireAgency},
	{"VOA", []string{"VOA", "Voice of America"}, WireAgency},
	{"UPI", []string{"UPI"}, WireAgency},
	{"Kyodo", []string{"Kyodo", "KYODO"}, WireAgency},
	{"Yonhap", []string{"Yonhap", "YONHAP"}, WireAgency},
	{"Anadolu", []string{"Anadolu", "Anadolu Agency"}, WireAgency},
	{"PTI", []string{"PTI"}, WireAgency},
	{"IANS", []string{"IANS"}, WireAgency},
	{"Bernama", []string{"Bernama", "BERNAMA"}, WireAgency},
	{"Antara", []string{"Antara", "ANTARA"}, WireAgency},
	{"IRNA", []string{"IRNA"}, WireAgency},
	{"KCNA", []string{"KCNA"}, WireAgency},
	{"WAM", []string{"WAM"}, WireAgency},
	{"MENA", []string{"MENA"}, WireAgency},
	{"Bloomberg", []string{"Bloomberg"}, WireAgency},
	{"PA", []string{"PA", "Press Association"}, WireAgency},
	{"Interfax", []string{"Interfax"}, WireAgency},
	{"RIA Novosti", []string{"RIA Novosti", "RIA"}, WireAgency},
	{"Europa Press", []string{"Europa Press"}, WireAgency},
	{"Notimex", []string{"Notimex"}, WireAgency},
	{"Agência Brasil", []string{"Agência Brasil", "Agencia Brasil"}, WireAgency},
	{"CNN", []string{"CNN"}, WireAgency},
	{"APA", []string{"APA"}, WireAgency},
	{"ANP", []string{"ANP"}, WireAgency},
	{"Belga", []string{"Belga"}, WireAgency},
	{"Lusa", []string{"Lusa"}, WireAgency},
	{"PAP", []string{"PAP"}, WireAgency},
	{"AAP", []string{"AAP"}, WireAgency},
	{"ANI", []string{"ANI"}, WireAgency},

	{"EPA", []string{"EPA"}, PictureAgency},
	{"Getty Images", []string{"Getty Images", "Getty"}, PictureAgency},
	{"Shutterstock", []string{"Shutterstock"}, PictureAgency},
	{"iStock", []string{"iStock", "iStockphoto"}, PictureAgency},
	{"Alamy", []string{"Alamy"}, PictureAgency},
	{"Corbis", []string{"Corbis"}, PictureAgency},
	{"Rex", []string{"Rex", "REX"}, PictureAgency},
	{"SIPA", []string{"SIPA", "Sipa"}, PictureAgency},
	{"NurPhoto", []string{"NurPhoto"}, PictureAgency},
	{"ZUMA", []string{"ZUMA", "Zuma"}, PictureAgency},
	{"SOPA", []string{"SOPA"}, PictureAgency},
	{"Imago", []string{"Imago", "IMAGO"}, PictureAgency},
	{"Abaca", []string{"Abaca", "ABACA"}, PictureAgency},
	{"picture alliance", []string{"picture-alliance", "picture alliance"}, PictureAgency},
	{"FilmMagic", []string{"FilmMagic"}, PictureAgency},
	{"WireImage", []string{"WireImage"}, PictureAgency},
	// Not agencies, but credited in the same place ("Jane Doe/Pool", "Name/Handout").
	{"Pool", []string{"Pool", "POOL"}, CreditSource},
	{"Handout", []string{"Handout", "HANDOUT"}, CreditSource},
	{"Wikimedia", []string{"Wikimedia"}, CreditSource},
	{"Flickr", []string{"Flickr"}, CreditSource},
}

// agencyIndex is Agencies looked up the ways the rules need.
type agencyIndex struct {
	canonical       map[string]string // spelling -> canonical name
	wireWords       map[string]bool   // lower-case one-word spellings of wire agencies
	agencyWords     map[string]bool   // lower-case one-word spellings of every agency
	kind            map[string]AgencyKind
	wireAlternation string
}

var agencies = indexAgencies()

func indexAgencies() agencyIndex {
	canonicalAgency, wireWords, agencyWords := map[string]string{}, map[string]bool{}, map[string]bool{}
	kind := map[string]AgencyKind{}
	var wire []string
	for _, a := range Agencies {
		kind[a.Name] = a.Kind
		for _, s := range a.Spellings {
			canonicalAgency[s] = a.Name
			if !strings.ContainsAny(s, " ") {
				agencyWords[strings.ToLower(s)] = true
				if a.Kind == WireAgency {
					wireWords[strings.ToLower(s)] = true
				}
			}
			if a.Kind == WireAgency {
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
	return agencyIndex{canonicalAgency, wireWords, agencyWords, kind, "(" + strings.Join(parts, "|") + ")"}
}

// CanonicalAgency returns the canonical name of an agency spelling ("Agence France-Presse" is
// "AFP") and whether the spelling is known.
func CanonicalAgency(spelling string) (string, bool) {
	n, ok := agencies.canonical[spelling]
	return n, ok
}

// KindOf returns the kind of the agency with canonical name name.
func KindOf(name string) (AgencyKind, bool) {
	k, ok := agencies.kind[name]
	return k, ok
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

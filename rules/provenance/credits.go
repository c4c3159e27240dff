package provenance

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/textaudit/textaudit/audit"
)

// CreditKind says how a text names its source.
type CreditKind string

// The credit kinds. A dateline or a credit line attributes the text; a photo credit only
// the picture, so it is kept apart and never makes the text syndicated.
const (
	Dateline   CreditKind = "dateline"    // "BEIRUT (Reuters) -"
	CreditLine CreditKind = "credit-line" // "Source: AFP", "Reporting by ...; Editing by ..."
	Photo      CreditKind = "photo"       // "PHOTO: AFP", "(Photo: Reuters)"
)

// Credit is one attribution found in a document.
type Credit struct {
	Agency     string // canonical name: "Reuters", "AP", "AFP", ...
	Kind       CreditKind
	Start, End int // byte offsets of the attribution
	// Lead is set for a credit that attributes the whole story: a dateline in the first
	// paragraphs or a credit line among the last ones. A dateline in the middle of a file
	// credits only a stretch glued in from elsewhere.
	Lead bool
}

// agencies maps each wire service's canonical name to the spellings that name it in a credit.
// Short upper-case names (AP, PA) are only believed inside the credit patterns below.
var agencies = []struct{ name, pattern string }{
	{"Reuters", `Reuters|REUTERS`},
	{"AP", `AP|Associated Press|ASSOCIATED PRESS`},
	{"AFP", `AFP|Agence France[- ]Presse|AFP/Getty Images`},
	{"Xinhua", `Xinhua|XINHUA`},
	{"EFE", `EFE`},
	{"dpa", `dpa|DPA`},
	{"ANSA", `ANSA`},
	{"SANA", `SANA`},
	{"TASS", `TASS|ITAR-TASS|Tass`},
	{"BBC", `BBC`},
	{"VOA", `VOA|Voice of America`},
	{"UPI", `UPI`},
	{"Kyodo", `Kyodo|KYODO`},
	{"Yonhap", `Yonhap|YONHAP`},
	{"Anadolu", `Anadolu(?: Agency)?`},
	{"PTI", `PTI`},
	{"IANS", `IANS`},
	{"Bernama", `Bernama|BERNAMA`},
	{"Antara", `Antara|ANTARA`},
	{"IRNA", `IRNA`},
	{"KCNA", `KCNA`},
	{"WAM", `WAM`},
	{"MENA", `MENA`},
	{"Bloomberg", `Bloomberg`},
	{"PA", `PA|Press Association`},
	{"Interfax", `Interfax`},
	{"RIA Novosti", `RIA Novosti|RIA`},
	{"Europa Press", `Europa Press`},
	{"Notimex", `Notimex`},
	{"Agência Brasil", `Agência Brasil|Agencia Brasil`},
}

var (
	agencyAlt = func() string {
		parts := make([]string, len(agencies))
		for i, a := range agencies {
			parts[i] = a.pattern
		}
		return `(` + strings.Join(parts, "|") + `)`
	}()
	// A dateline names the agency in parentheses followed by a dash, near a paragraph's start:
	// "MOSCOW, Oct. 7 (Xinhua) -", "BEIRUT (REUTERS) —".
	datelineRE = regexp.MustCompile(`\(\s*` + agencyAlt + `\s*\)\s*(?:-{1,2}|–|—|:)`)
	// A credit line is a short paragraph that is only the source: "Source: AFP", "— Reuters",
	// "(AP)", "Copyright Reuters", "Additional reporting by AFP".
	creditLineRE = regexp.MustCompile(`^[\s(\[—–-]*(?:(?i:source|sources|credit|copyright|©|\(c\)|additional reporting by|with reporting by|reporting by|via)\s*:?\s*)?` + agencyAlt + `[\s)\].]*$`)
	// Reuters closes stories with "Reporting by NAME; Editing by NAME".
	reutersSignatureRE = regexp.MustCompile(`(?:Reporting|Writing) by [^;\n]{2,80}; (?:additional reporting by [^;\n]{2,80}; )?[Ee]diting by `)
	// A photo credit names the agency after "PHOTO:" or before "/File" or "Photo".
	photoRE = regexp.MustCompile(`(?i:\b(?:photo|picture|image|foto|file photo|photograph)s?\s*(?:credit)?\s*:\s*)` + agencyAlt + `|` + agencyAlt + `(?:/File|/Getty Images| [Pp]hoto\b)`)
)

// canonical maps a matched spelling to the agency's canonical name.
var canonical = func() map[string]string {
	m := map[string]string{}
	for _, a := range agencies {
		for _, s := range strings.Split(a.pattern, "|") {
			m[strings.TrimSuffix(s, "(?: Agency)?")] = a.name
		}
	}
	m["Anadolu Agency"] = "Anadolu"
	m["Agence France Presse"] = "AFP"
	m["Agence France-Presse"] = "AFP"
	return m
}()

func canonicalName(s string) string {
	if n, ok := canonical[s]; ok {
		return n
	}
	return s
}

type creditsKey struct{}

// Credits finds the wire-service attributions of a document, memoised per document so the
// provenance rule and the corpus duplicate pass share them.
func Credits(doc *audit.Document) []Credit {
	return doc.Memo(creditsKey{}, func() any { return findCredits(doc) }).([]Credit)
}

// datelineWindow is how far into a paragraph a dateline may start: scrapers leave a date or a
// byline in front of it.
const datelineWindow = 160

// maxCreditLineWords bounds a paragraph that is only a credit.
const maxCreditLineWords = 8

// leadParagraphs is how many paragraphs at the top (title, date, byline, lead) or bottom of
// a file may hold a credit that attributes the whole story.
const leadParagraphs = 3

func findCredits(doc *audit.Document) []Credit {
	var out []Credit
	for _, p := range doc.Paragraphs {
		first := len(out)
		head := p.Text[:min(len(p.Text), datelineWindow)]
		// Each regexp runs only where its required literal text occurs: scanning every
		// paragraph with them was most of this rule's cost.
		if strings.IndexByte(head, '(') >= 0 {
			for _, m := range datelineRE.FindAllStringSubmatchIndex(head, -1) {
				out = append(out, Credit{Agency: canonicalName(head[m[2]:m[3]]), Kind: Dateline, Start: p.Start + m[0], End: p.Start + m[1]})
			}
		}
		if fieldsAtMost(p.Text, maxCreditLineWords) {
			if m := creditLineRE.FindStringSubmatchIndex(p.Text); m != nil {
				out = append(out, Credit{Agency: canonicalName(p.Text[m[2]:m[3]]), Kind: CreditLine, Start: p.Start, End: p.End})
			}
		}
		if mayHoldSignature(p.Text) {
			if m := reutersSignatureRE.FindStringIndex(p.Text); m != nil {
				out = append(out, Credit{Agency: "Reuters", Kind: CreditLine, Start: p.Start + m[0], End: p.Start + m[1]})
			}
		}
		if mayHoldPhotoCredit(p.Text) {
			for _, m := range photoRE.FindAllStringSubmatchIndex(p.Text, -1) {
				g := 2
				if m[2] < 0 {
					g = 4
				}
				out = append(out, Credit{Agency: canonicalName(p.Text[m[g]:m[g+1]]), Kind: Photo, Start: p.Start + m[0], End: p.Start + m[1]})
			}
		}
		for i := first; i < len(out); i++ {
			c := &out[i]
			c.Lead = c.Kind == Dateline && p.Index < leadParagraphs ||
				c.Kind == CreditLine && (p.Index < leadParagraphs || p.Index >= len(doc.Paragraphs)-leadParagraphs)
		}
	}
	return out
}

// LeadSources lists the agencies credited for the whole story (see Credit.Lead).
func LeadSources(credits []Credit) []string {
	var lead []Credit
	for _, c := range credits {
		if c.Lead {
			lead = append(lead, c)
		}
	}
	return TextSources(lead)
}

// TextSources lists the agencies a document's text is credited to (datelines and credit
// lines, not photo credits), sorted and without repeats.
func TextSources(credits []Credit) []string {
	return sources(credits, func(k CreditKind) bool { return k != Photo })
}

// PhotoSources lists the agencies named in photo credits.
func PhotoSources(credits []Credit) []string {
	return sources(credits, func(k CreditKind) bool { return k == Photo })
}

func sources(credits []Credit, want func(CreditKind) bool) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range credits {
		if want(c.Kind) && !seen[c.Agency] {
			seen[c.Agency] = true
			out = append(out, c.Agency)
		}
	}
	sort.Strings(out)
	return out
}

// HasPhotoCredit reports whether text carries a photo credit ("PHOTO: AFP"); the duplicate
// family uses it to leave captions that quote the article to the boilerplate family.
func HasPhotoCredit(text string) bool { return mayHoldPhotoCredit(text) && photoRE.MatchString(text) }

// mayHoldPhotoCredit reports whether text holds, in any case, one of the words every
// photoRE match contains: "photo", "picture", "image", "foto", "/file" or "getty". The
// regexp's leading agency alternation makes it slow to scan prose (it was 40% of a corpus
// run); this check rules out almost every paragraph first and never rules out a match. ASCII
// case folding is the regexp's own here: none of these letters has a non-ASCII simple fold.
func mayHoldPhotoCredit(text string) bool {
	for i := 0; i < len(text); i++ {
		var hints []string
		switch text[i] | 0x20 {
		case 'p':
			hints = []string{"photo", "picture"}
		case 'i':
			hints = []string{"image"}
		case 'f':
			hints = []string{"foto"}
		case 'g':
			hints = []string{"getty"}
		case '/':
			hints = []string{"/file"}
		default:
			continue
		}
		for _, h := range hints {
			if hasPrefixFoldASCII(text[i:], h) {
				return true
			}
		}
	}
	return false
}

// hasPrefixFoldASCII reports whether s starts with lower, ignoring ASCII case (lower is
// lower-case ASCII).
func hasPrefixFoldASCII(s, lower string) bool {
	if len(s) < len(lower) {
		return false
	}
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// mayHoldSignature reports whether text holds the literal parts every reutersSignatureRE
// match has: "Reporting by " or "Writing by ", and "diting by ".
func mayHoldSignature(text string) bool {
	return strings.Contains(text, "diting by ") &&
		(strings.Contains(text, "Reporting by ") || strings.Contains(text, "Writing by "))
}

// fieldsAtMost is len(strings.Fields(s)) <= n, reading no further than n+1 fields.
func fieldsAtMost(s string, n int) bool {
	fields, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			fields++
			if fields > n {
				return false
			}
		}
		in = !space
	}
	return true
}

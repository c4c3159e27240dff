package provenance

import (
	"sort"
	"strings"
	"unicode"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/language"
	"github.com/textaudit/textaudit/rules/news"
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

var (
	// agencyAlt is every spelling of a wire agency (the news lexicon's table).
	agencyAlt = news.WireAlternation()
	// A credit line is a short paragraph that is only the source: "Source: AFP", "— Reuters",
	// "(AP)", "Copyright Reuters", "Additional reporting by AFP".
	creditLineRE = news.LazyRegexp(`^[\s(\[—–-]*(?:(?i:source|sources|credit|copyright|©|\(c\)|additional reporting by|with reporting by|reporting by|via)\s*:?\s*)?` + agencyAlt + `[\s)\].]*$`)
	// Reuters closes stories with "Reporting by NAME; Editing by NAME".
	reutersSignatureRE = news.LazyRegexp(`(?:Reporting|Writing) by [^;\n]{2,80}; (?:additional reporting by [^;\n]{2,80}; )?[Ee]diting by `)
)

func canonicalName(s string) string {
	if n, ok := news.CanonicalAgency(s); ok {
		return n
	}
	return s
}

type creditsKey struct{}

// Credits finds the wire-service attributions of a document, memoised per document so the
// provenance rule and the corpus duplicate pass share them.
func Credits(doc *audit.Document, cfg *audit.Config) []Credit {
	return doc.Memo(creditsKey{}, func() any { return findCredits(doc, cfg) }).([]Credit)
}

// maxCreditLineWords bounds a paragraph that is only a credit.
const maxCreditLineWords = 8

// leadParagraphs is how many paragraphs at the top (title, date, byline, lead) or bottom of
// a file may hold a credit that attributes the whole story.
const leadParagraphs = 3

func findCredits(doc *audit.Document, cfg *audit.Config) []Credit {
	var out []Credit
	var lang string
	datelines := news.DatelineScanner{Cal: news.BuiltinCalendar()}
	for _, p := range doc.Paragraphs {
		first := len(out)
		// Each parser runs only where its required literal text occurs: scanning every
		// paragraph with them was most of this rule's cost. A dateline credit names its
		// agency in brackets near the paragraph's start.
		if strings.IndexByte(p.Text[:news.RuneCut(p.Text, news.DatelineWindow)], '(') >= 0 {
			if lang == "" {
				lang = language.Main(doc, cfg).Code()
			}
			if dl, ok := datelines.Find(p.Text, lang); ok && dl.Source != "" {
				if agency, ok := news.CanonicalAgency(dl.Source); ok && isWire(agency) {
					out = append(out, Credit{Agency: agency, Kind: Dateline, Start: p.Start + dl.SourceStart, End: p.Start + dl.End})
				}
			}
		}
		if fieldsAtMost(p.Text, maxCreditLineWords) {
			if m := creditLineRE().FindStringSubmatchIndex(p.Text); m != nil {
				out = append(out, Credit{Agency: canonicalName(p.Text[m[2]:m[3]]), Kind: CreditLine, Start: p.Start, End: p.End})
			}
		}
		if mayHoldSignature(p.Text) {
			if m := reutersSignatureRE().FindStringIndex(p.Text); m != nil {
				out = append(out, Credit{Agency: "Reuters", Kind: CreditLine, Start: p.Start + m[0], End: p.Start + m[1]})
			}
		}
		for _, pc := range news.PhotoCredits(p.Text) {
			if kind, ok := news.KindOf(pc.Agency); ok && kind != news.CreditSource {
				out = append(out, Credit{Agency: pc.Agency, Kind: Photo, Start: p.Start + pc.Start, End: p.Start + pc.End})
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

// isWire reports whether an agency's canonical name is a wire service's.
func isWire(name string) bool {
	kind, ok := news.KindOf(name)
	return ok && kind == news.WireAgency
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

// Package provenance attributes articles to the wire services they come from: datelines,
// credit lines and photo credits. Credited syndication is information, not a defect, so its
// findings are info. Attribution inherited through a copy is found by the duplicate family's
// corpus pass, which knows the copies (rule provenance.inherited, registered there).
package provenance

import (
	"fmt"

	"github.com/textaudit/textaudit/audit"
)

// Rules returns the provenance family.
func Rules() []*audit.Rule { return []*audit.Rule{WireCredit} }

// WireCredit reports each wire-service credit of a document and publishes the file's
// "provenance" fact: the agencies its text and its photos are credited to.
var WireCredit = &audit.Rule{
	ID:          "provenance.credit",
	Category:    audit.Provenance,
	Severity:    audit.Info,
	Description: "The text or a photo is credited to a wire service (dateline, credit line, photo credit)",
	Check:       checkCredit,
}

// Fact is the per-file "provenance" object of the JSON report.
type Fact struct {
	Credits      []string `json:"credits,omitempty"`       // agencies the text is credited to
	PhotoCredits []string `json:"photo_credits,omitempty"` // agencies named in photo credits
}

func checkCredit(p *audit.Pass) {
	credits := Credits(p.Doc)
	if len(credits) == 0 {
		return
	}
	for _, c := range credits {
		var msg string
		switch c.Kind {
		case Dateline:
			msg = fmt.Sprintf("dateline credits the text to %s", c.Agency)
		case CreditLine:
			msg = fmt.Sprintf("credit line attributes the text to %s", c.Agency)
		default:
			msg = fmt.Sprintf("photo credited to %s", c.Agency)
		}
		p.Report(c.Start, c.End, msg, audit.Evidence{"agency": c.Agency, "credit_kind": string(c.Kind)})
	}
	p.SetFact("provenance", Fact{Credits: TextSources(credits), PhotoCredits: PhotoSources(credits)})
}

// Package provenance attributes articles to the wire services they come from: datelines,
// credit lines and photo credits. Credited syndication is information, not a defect, so its
// findings are info. Attribution inherited through a copy is found by the duplicate family's
// corpus pass, which knows the copies (rules provenance.inherited and provenance.shared-story,
// declared in corpus.go).
package provenance

import (
	"fmt"

	"github.com/textaudit/textaudit/audit"
)

// Rules returns the provenance family.
func Rules() []*audit.Rule { return []*audit.Rule{WireCredit, SharedStory, Inherited} }

// WireCredit reports each wire-service credit of a document and publishes the file's
// "provenance" fact: the agencies its text and its photos are credited to.
var WireCredit = &audit.Rule{
	ID:          "provenance.credit",
	Category:    audit.Provenance,
	Severity:    audit.Info,
	Description: "The text or a photo is credited to a wire service (dateline, credit line, photo credit)",
	Check:       checkCredit,
}

// Fact is the per-file "provenance" object of the JSON report:
//
//	{"credits": ["Reuters"], "photo_credits": ["AFP"],
//	 "copied_from": [{"path": "b.txt", "line": 8, "counterpart_line": 19, "kind": "spun"}],
//	 "copied_to":   [...], "shared_with": [...],
//	 "inherited":   [{"agency": "Reuters", "via": "b.txt", "line": 8}]}
//
// Credits come from this file's datelines and credit lines (provenance.credit). The copy
// lists come from duplicate.cross's corpus pass: line is where the shared text starts here,
// counterpart_line where it starts in path (1 for whole files). copied_from holds copies
// this file is judged to have taken (it is the spun side, or it inherits the other file's
// credit), copied_to the reverse, shared_with copies whose direction the text cannot tell
// (verbatim copies, same-story pairs, identical files). kind is one of exact, near, spun
// (one passage), shared-story (several passages of one story; line and counterpart_line are
// the first shared lines), identical or near-copy (whole files). Inherited lists the wire
// services credited by a file this one copies from without crediting them itself. Each list
// holds at most MaxFactEntries entries, the first found in reading order.
type Fact struct {
	Credits      []string       `json:"credits,omitempty"`       // agencies the text is credited to
	PhotoCredits []string       `json:"photo_credits,omitempty"` // agencies named in photo credits
	CopiedFrom   []CopyRef      `json:"copied_from,omitempty"`
	CopiedTo     []CopyRef      `json:"copied_to,omitempty"`
	SharedWith   []CopyRef      `json:"shared_with,omitempty"`
	Inherited    []InheritedRef `json:"inherited,omitempty"`
}

// MaxFactEntries bounds each list of a Fact, so a paragraph copied into thousands of files
// keeps the per-file JSON small.
const MaxFactEntries = 32

// CopyRef names a copy shared with another file.
type CopyRef struct {
	Path            string `json:"path"`
	Line            int    `json:"line"`
	CounterpartLine int    `json:"counterpart_line"`
	Kind            string `json:"kind"`
}

// InheritedRef names a wire service a file inherits through a copy.
type InheritedRef struct {
	Agency string `json:"agency"`
	Via    string `json:"via"`  // the credited file copied from
	Line   int    `json:"line"` // where the copied passage starts in this file
}

func checkCredit(p *audit.Pass) {
	credits := Credits(p.Doc, p.Config)
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

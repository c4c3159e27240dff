package language

import (
	"fmt"

	"github.com/textaudit/textaudit/audit"
)

// InvalidUTF8 reports bytes that were not valid UTF-8 and were replaced while reading.
var InvalidUTF8 = &audit.Rule{
	ID:          "language.invalid-utf8",
	Category:    audit.Language,
	Severity:    audit.Warning,
	Description: "Bytes that are not valid UTF-8 (replaced by U+FFFD when read)",
	Check: func(p *audit.Pass) {
		for _, off := range p.Doc.InvalidUTF8 {
			p.Report(off, off+len("\uFFFD"), fmt.Sprintf("invalid UTF-8 byte sequence replaced by U+FFFD (file encoding %s)", p.Doc.Encoding),
				audit.Evidence{"text": "\uFFFD", "encoding": p.Doc.Encoding})
		}
	},
}

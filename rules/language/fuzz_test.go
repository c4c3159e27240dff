package language

import (
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// FuzzLanguageRules runs every rule of the family over arbitrary text (odd Unicode, binary
// bytes, empty input): none may panic. Reporting itself checks offsets via Document.Span.
func FuzzLanguageRules(f *testing.F) {
	for _, seed := range []string{
		"", "\n\n\n", "Otras noticias", "Caf\u00C3\u00A9", "P\u0430ris \u200B x\u00ADy",
		"\u041D\u043E\u0432\u043E\u0441\u0442\u0438 \u043F\u043E \u0442\u0435\u043C\u0435",
		"The council voted.\n\nLe conseil a voté hier soir pour le budget de la ville.\n",
		"\xff\xfe\x00bad", "\u00C3", "\u00E2\u20AC", "\u202E\u2066", "日本語のテキストです。中文文本。",
		"Macedoni\u017D", "\u0420\u0457\u0421\u0402", "v\u00C4\u203Ac a \u00C4\u203A", "To je v po\u0159\u00E1dku, \u0159ekl a ode\u0161el.",
		"/usr/lib/x_y.so getElementById -rw-r--r--",
	} {
		f.Add(seed)
	}
	rules := Rules()
	params := make([]audit.Params, len(rules))
	for i, r := range rules {
		params[i] = r.Defaults()
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := audit.NewDocument("fuzz.txt", text)
		for i, r := range rules {
			p := &audit.Pass{Doc: doc, Rule: r, Params: params[i], Config: &audit.Config{}}
			r.Check(p)
		}
	})
}

// Package boilerplate flags residue that scrapers leave in article text: page furniture
// phrases, captions and credits, bylines of the site, templates repeated across files.
package boilerplate

import (
	"bufio"
	"embed"
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/textaudit/textaudit/audit"
)

//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// Rules returns the boilerplate family.
func Rules() []*audit.Rule { return []*audit.Rule{Phrase} }

// Phrase flags a line that is, as a whole, a known residue phrase in some language.
var Phrase = &audit.Rule{
	ID:          "boilerplate.phrase",
	Category:    audit.Boilerplate,
	Severity:    audit.Warning,
	Description: "A whole line is a known page-furniture phrase (\"Related Post\", \"Otras noticias\")",
	Check:       checkPhrase,
}

// phraseEntry says where a lexicon phrase comes from.
type phraseEntry struct {
	Lang   string
	Source string // "lexicon/en.txt" or the config file
}

var (
	lexiconOnce sync.Once
	lexicon     map[string]phraseEntry
	lexiconErr  error
)

// builtinLexicon loads the shipped phrase lists once per process.
func builtinLexicon() (map[string]phraseEntry, error) {
	lexiconOnce.Do(func() {
		lexicon = map[string]phraseEntry{}
		entries, err := lexiconFiles.ReadDir("lexicon")
		if err != nil {
			lexiconErr = err
			return
		}
		for _, e := range entries {
			name := "lexicon/" + e.Name()
			data, err := lexiconFiles.ReadFile(name)
			if err != nil {
				lexiconErr = err
				return
			}
			lang := strings.TrimSuffix(path.Base(name), ".txt")
			sc := bufio.NewScanner(strings.NewReader(string(data)))
			for sc.Scan() {
				line := strings.TrimSpace(sc.Text())
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				lexicon[audit.NormalizeForMatch(line)] = phraseEntry{Lang: lang, Source: name}
			}
		}
	})
	return lexicon, lexiconErr
}

func checkPhrase(p *audit.Pass) {
	lex, err := builtinLexicon()
	if err != nil {
		panic(fmt.Sprintf("boilerplate lexicon: %v", err))
	}
	extra := map[string]phraseEntry{}
	if p.Config != nil {
		for lang, list := range p.Config.Phrases {
			for _, ph := range list {
				extra[audit.NormalizeForMatch(ph)] = phraseEntry{Lang: lang, Source: p.Config.Source}
			}
		}
	}
	for _, l := range p.Doc.Lines {
		norm := audit.NormalizeForMatch(l.Text)
		if norm == "" {
			continue
		}
		e, ok := lex[norm]
		if !ok {
			e, ok = extra[norm]
		}
		if !ok {
			continue
		}
		text := strings.TrimSpace(l.Text)
		start := l.Start + strings.Index(l.Text, text)
		p.Report(start, start+len(text),
			fmt.Sprintf("scraper residue: %q is page furniture, not article text", text),
			audit.Evidence{"text": text, "phrase": norm, "language": e.Lang, "source": e.Source})
	}
}

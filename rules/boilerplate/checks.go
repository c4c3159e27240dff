package boilerplate

import (
	"fmt"
	"strings"

	"github.com/textaudit/textaudit/audit"
)

func checkPhrase(p *audit.Pass) {
	r := readDocument(p.Doc, p.Config)
	for i, s := range r.lines {
		if s.phrase == nil {
			continue
		}
		l := p.Doc.Lines[i]
		m := s.phrase
		text := l.Text[m.start:m.end]
		first := m.first()
		lang := first.language(r.lang)
		p.Report(l.Start+m.start, l.Start+m.end,
			fmt.Sprintf("page furniture %q (%s lexicon, %s) is not article text", text, lang, m.how),
			audit.Evidence{"text": text, "phrase": first.text, "language": lang,
				"source": first.source, "position": m.how, "teaser_header": m.announcesTeasers()})
	}
}

func checkCaption(p *audit.Pass) {
	r := readDocument(p.Doc, p.Config)
	for i, s := range r.lines {
		if s.caption == nil {
			continue
		}
		l := p.Doc.Lines[i]
		c := s.caption
		text := l.Text[c.start:c.end]
		msg := fmt.Sprintf("photo credit %q left in the text (%s)", text, c.signal)
		if c.whole {
			msg = fmt.Sprintf("the line is an image caption or credit, not article text (%s)", c.signal)
		} else if c.start > 0 && !strings.ContainsAny(l.Text[c.start-1:c.start], " \t(") {
			msg = fmt.Sprintf("photo credit %q glued to the sentence before it (%s)", text, c.signal)
		}
		p.Report(l.Start+c.start, l.Start+c.end, msg,
			audit.Evidence{"text": text, "signal": c.signal, "whole_line": c.whole})
	}
}

func checkByline(p *audit.Pass) {
	r := readDocument(p.Doc, p.Config)
	for i, s := range r.lines {
		if s.byline == nil {
			continue
		}
		l := p.Doc.Lines[i]
		text := l.Text[s.byline[0]:s.byline[1]]
		msg := fmt.Sprintf("site byline %q opens the paragraph; it is the scraping site's credit, not the story", text)
		if s.bylineW {
			msg = fmt.Sprintf("site byline line %q is page furniture, not article text", text)
		}
		p.Report(l.Start+s.byline[0], l.Start+s.byline[1], msg,
			audit.Evidence{"text": text, "whole_line": s.bylineW})
	}
}

func checkSplice(p *audit.Pass) {
	for _, l := range p.Doc.Lines {
		for _, s := range findSplices(l.Text) {
			text := l.Text[s.start:s.end]
			p.Report(l.Start+s.start, l.Start+s.end,
				fmt.Sprintf("sentences spliced without a space: %q", text),
				audit.Evidence{"text": text, "before": s.left, "after": s.right})
		}
	}
}

// Package boilerplate flags residue that scrapers leave in article text: page furniture
// phrases, captions and credits, bylines of the scraping site, lines that only make sense
// on a web page, templates repeated across files, and sentences spliced without a space.
//
// Each rule reports its own signal; they share one per-document reading of the lines
// (lines.go) so that a line is judged once and each finding names the signal that fired.
package boilerplate

import (
	"github.com/textaudit/textaudit/audit"
)

// Rules returns the boilerplate family.
func Rules() []*audit.Rule {
	return []*audit.Rule{Phrase, Caption, Byline, Structure, Line, Template, Splice}
}

// Phrase flags lines that are, wholly or at their start or end, known page-furniture
// phrases of some language ("Related Post", "Otras noticias", "Share this article").
var Phrase = &audit.Rule{
	ID:          "boilerplate.phrase",
	Category:    audit.Boilerplate,
	Severity:    audit.Warning,
	Description: "A line is (or starts or ends with) a known page-furniture phrase in some language; extend with `phrases:` in the config",
	Check:       checkPhrase,
}

// Caption flags photo credits, captions and gallery counters, also when a credit is glued
// to the end of a sentence ("...Maskaneh.PHOTO: AFP") or sits in mid-sentence.
var Caption = &audit.Rule{
	ID:          "boilerplate.caption",
	Category:    audit.Boilerplate,
	Severity:    audit.Warning,
	Description: "Photo credit, image caption or gallery counter left in the text (\"PHOTO: AFP\", \"(AP Photo/...)\", \"1 of 6\")",
	Check:       checkCaption,
}

// Byline flags the scraping site's own byline ("Staff Reporter, International Desk: ..."),
// which is not the story's wire dateline.
var Byline = &audit.Rule{
	ID:          "boilerplate.byline",
	Category:    audit.Boilerplate,
	Severity:    audit.Warning,
	Description: "Site byline or desk credit of the scraping site (\"Staff Reporter, International Desk: ...\")",
	Check:       checkByline,
}

// Structure judges lines the way jusText does for paragraphs: short lines without
// sentence punctuation and few stopwords are residue when they sit in runs at the top or
// bottom of the article, next to other residue, or after a "Related"/"Read more" header.
var Structure = &audit.Rule{
	ID:          "boilerplate.structure",
	Category:    audit.Boilerplate,
	Severity:    audit.Warning,
	Description: "Lines that read as page structure, not prose: teaser headlines after a \"Related\" header, runs of short unpunctuated lines at the edges, link, counter or symbol lines",
	Params:      structureParamDecls,
	Check:       checkStructure,
}

// Line flags lines that a model fitted on labeled real scrapes and web pages reads as
// residue from their shape, their place and their neighbours (see model/README.md), when no
// other boilerplate rule has reported them: captions that read as sentences, prompts,
// teasers and page chrome outside the lexicons.
var Line = &audit.Rule{
	ID:          "boilerplate.line",
	Category:    audit.Boilerplate,
	Severity:    audit.Warning,
	Description: "A line the line model reads as residue from its shape, place and neighbours (captions, prompts, teasers, page chrome); the finding names the traits",
	Params: []audit.Param{
		audit.FloatParam("article_threshold", 0.72, 0, 1, "probability above which a line of an article is residue",
			func(p *lineParams) *float64 { return &p.articleThreshold }),
		audit.FloatParam("page_threshold", 0.65, 0, 1, "the same for whole pages (mostly short non-prose lines)",
			func(p *lineParams) *float64 { return &p.pageThreshold }),
		audit.FloatParam("prose_threshold", 0.9, 0, 1, "the bar in an article for a line shaped like prose (10+ words, a full stop, no credit or link)",
			func(p *lineParams) *float64 { return &p.proseThreshold }),
		audit.FloatParam("short_sentence_threshold", 0.86, 0, 1, "the bar in an article for a short sentence (4-9 words, a capital, a full stop, function words, no credit, link or lexicon hit)",
			func(p *lineParams) *float64 { return &p.shortSentenceThreshold }),
	},
	Check: checkLine,
}

// Template flags short lines that recur across several files of the audited corpus (the
// cc_net signal): site templates, navigation and teasers that no single-file rule knows.
var Template = &audit.Rule{
	ID:             "boilerplate.template",
	Category:       audit.Boilerplate,
	Severity:       audit.Warning,
	Description:    "A short line recurs in several files of the corpus, or a sentence in a large share of them (normalised: lower case, digits as 0, no punctuation); quotes are never templates",
	Params:         templateParamDecls,
	NewCorpusCheck: newTemplateCheck,
}

// Splice flags two sentences joined without a space ("offensive.In June"), a sign of text
// pasted together from page blocks.
var Splice = &audit.Rule{
	ID:          "boilerplate.splice",
	Category:    audit.Boilerplate,
	Severity:    audit.Info,
	Description: "Two sentences spliced without a space (\"offensive.In June\")",
	Check:       checkSplice,
}

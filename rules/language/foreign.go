package language

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	lingua "github.com/pemistahl/lingua-go"

	"github.com/textaudit/textaudit/audit"
)

// ForeignPassage flags lines and paragraphs written in another language than the document's
// main one, residue lines of two or three words included. It also publishes the main
// language as the file's "language" fact.
var ForeignPassage = &audit.Rule{
	ID:          "language.foreign-passage",
	Category:    audit.Language,
	Severity:    audit.Warning,
	Description: "A line or paragraph in another language than the document's own (\"Otras noticias\" in an English article)",
	Params:      judgeParamDecls,
	Check:       checkForeign,
	CheckConfig: checkLanguages,
}

// checkLanguages rejects candidate language codes lingua-go does not know, instead of
// silently auditing with fewer languages than the user asked for.
func checkLanguages(cfg *audit.Config) error {
	for i, code := range cfg.Languages {
		if toLingua(code) == lingua.Unknown {
			return fmt.Errorf("languages[%d]: %q is not an ISO 639-1 code of a language lingua-go knows", i, code)
		}
	}
	return nil
}

// unit is a passage judged as a whole: a paragraph, or one line of a block of short lines.
type unit struct {
	para        int
	first, last int    // 1-based lines
	text        string // line breaks of a hard-wrapped paragraph kept (judge.foreign flattens for lingua)
}

// wrappedMinRunes is the length below which a non-final line of a block is not a wrapped
// line of prose but a line of its own (a teaser list, a caption under a headline).
const wrappedMinRunes = 40

// passageUnits cuts the document into the passages judged: whole paragraphs, except blocks
// of short lines, whose lines are judged one by one.
func passageUnits(doc *audit.Document) []unit {
	var out []unit
	for _, p := range doc.Paragraphs {
		if !p.Wrapped() || hardWrapped(doc, p) {
			out = append(out, unit{para: p.Index, first: p.FirstLine, last: p.LastLine, text: p.Text})
			continue
		}
		for n := p.FirstLine; n <= p.LastLine; n++ {
			l := doc.Lines[n-1]
			if !l.Blank() {
				out = append(out, unit{para: p.Index, first: n, last: n, text: strings.TrimSpace(l.Text)})
			}
		}
	}
	return out
}

func hardWrapped(doc *audit.Document, p audit.Paragraph) bool {
	for n := p.FirstLine; n < p.LastLine; n++ {
		if utf8.RuneCountInString(strings.TrimSpace(doc.Lines[n-1].Text)) < wrappedMinRunes {
			return false
		}
	}
	return true
}

var judgeParamDecls = []audit.Param{
	audit.IntParam("min_letters", 8, 0, audit.Unbounded, "passages in the main script (or Latin) with fewer letters are not judged",
		func(p *judgeParams) *int { return &p.minLetters }),
	audit.FloatParam("main_density", 0.5, 0, 1, "share of main-language stopwords that settles a passage as the main language",
		func(p *judgeParams) *float64 { return &p.mainDensity }),
	audit.FloatParam("main_unique_density", 0.15, 0, 1, "the same, for stopwords of the main language only",
		func(p *judgeParams) *float64 { return &p.mainUniqueDensity }),
	audit.IntParam("short_words", 8, 1, audit.Unbounded, "passages with fewer words are short",
		func(p *judgeParams) *int { return &p.shortWords }),
	audit.FloatParam("short_foreign_share", 0.3, 0, 1, "share of a short passage's words that must be another language's function words",
		func(p *judgeParams) *float64 { return &p.shortForeignShare }),
	audit.FloatParam("long_foreign_share", 0.15, 0, 1, "the same for a long passage, lower because prose has content words",
		func(p *judgeParams) *float64 { return &p.longForeignShare }),
	audit.FloatParam("max_main_confidence", 0.05, 0, 1, "lingua's confidence in the main language must stay below this",
		func(p *judgeParams) *float64 { return &p.maxMainConfidence }),
	audit.FloatParam("script_share", 0.6, 0, 1, "share of letters in another script that makes a passage foreign",
		func(p *judgeParams) *float64 { return &p.scriptShare }),
	audit.IntParam("model_words", 10, 1, audit.Unbounded, "passages this long with few main-language function words go to lingua",
		func(p *judgeParams) *int { return &p.modelWords }),
	audit.FloatParam("model_density", 0.25, 0, 1, "the main-language stopword share below which they go",
		func(p *judgeParams) *float64 { return &p.modelDensity }),
	audit.FloatParam("model_confidence", 0.5, 0, 1, "lingua's confidence the foreign language then needs",
		func(p *judgeParams) *float64 { return &p.modelConfidence }),
}

func checkForeign(p *audit.Pass) {
	var codes []string
	if p.Config != nil {
		codes = p.Config.Languages
	}
	main := Main(p.Doc, p.Config)
	if main.Lang == lingua.Unknown {
		return
	}
	p.SetFact("language", main.Code())
	if main.Source == "lingua" {
		p.SetFact("language_confidence", round2(main.Confidence))
	}
	paragraphs := make([]string, len(p.Doc.Paragraphs))
	for i, para := range p.Doc.Paragraphs {
		paragraphs[i] = para.Text
	}
	j := newJudge(main, candidateLanguages(codes, main.Lang), audit.DecodeParams[judgeParams](p.Params), paragraphs)
	var open *finding
	flush := func() {
		if open != nil {
			open.report(p, main)
			open = nil
		}
	}
	for _, u := range passageUnits(p.Doc) {
		v, ok := j.foreign(u.text)
		if !ok {
			flush()
			continue
		}
		// Consecutive lines of one block in the same language are one passage.
		if open != nil && open.para == u.para && open.last == u.first-1 && open.v.lang == v.lang {
			open.last = u.last
			continue
		}
		flush()
		open = &finding{unit: u, v: v}
	}
	flush()
}

type finding struct {
	unit
	v verdict
}

func (f *finding) report(p *audit.Pass, main MainLanguage) {
	name, code := f.v.script.String()+" script", "und"
	if f.v.lang != lingua.Unknown {
		name, code = f.v.lang.String(), isoCode(f.v.lang)
	}
	kind := "line"
	if f.first == f.last && len(p.Doc.Sentences(f.para)) > 1 || f.last > f.first {
		kind = "paragraph"
	}
	msg := fmt.Sprintf("%s in %s in %s %s document", kind, name, article(main.Lang.String()), main.Lang.String())
	if f.v.lang != lingua.Unknown {
		msg += fmt.Sprintf(" (confidence %.2f, %s %.2f)", f.v.confidence, main.Lang.String(), f.v.mainConf)
	}
	ev := audit.Evidence{
		"language":            code,
		"language_name":       name,
		"confidence":          round2(f.v.confidence),
		"document_language":   main.Code(),
		"document_confidence": round2(f.v.mainConf),
		"script":              f.v.script.String(),
		"method":              f.v.method,
	}
	if f.v.method == "function-words" || f.v.method == "letters" {
		ev["foreign_function_words"] = f.v.foreignFW
	}
	p.ReportLines(f.first, f.last, msg, ev)
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// article is the English indefinite article before a language name.
func article(name string) string {
	if name != "" && strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an"
	}
	return "a"
}

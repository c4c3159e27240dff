package boilerplate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
)

// unitClass is structure's judgement of one unit.
type unitClass int

const (
	classProse   unitClass = iota // article text
	classWeak                     // short, unpunctuated: residue or a subhead, context decides
	classNeutral                  // date lines, the title: neither residue nor prose
	classKnown                    // residue found by another boilerplate rule
	classOwn                      // residue by structure's own signal (link, counter)
)

// structureParams are boilerplate.structure's thresholds, declared in structureParamDecls.
type structureParams struct {
	proseDensity, edgeMaxDensity                         float64
	shortWords, maxTeasers, edgeWeakLines, headlineWords int
}

var structureParamDecls = []audit.Param{
	audit.IntParam("short_words", 15, 1, audit.Unbounded, "a line of more words is prose even without sentence punctuation",
		func(p *structureParams) *int { return &p.shortWords }),
	audit.FloatParam("prose_density", 0.4, 0, 1, "share of stopwords above which a line of 8 or more words is prose (prose is about 0.55, headlines 0.2)",
		func(p *structureParams) *float64 { return &p.proseDensity }),
	audit.IntParam("max_teasers", 12, 0, audit.Unbounded, "teaser lines taken after one \"Related\" header",
		func(p *structureParams) *int { return &p.maxTeasers }),
	audit.IntParam("edge_weak_lines", 3, 1, audit.Unbounded, "short lines alone that make a run at the top or bottom residue",
		func(p *structureParams) *int { return &p.edgeWeakLines }),
	audit.FloatParam("edge_max_density", 0.4, 0, 1, "mean stopword share such an edge run must stay below",
		func(p *structureParams) *float64 { return &p.edgeMaxDensity }),
	audit.IntParam("headline_max_word", 14, 1, audit.Unbounded, "words a teaser ending in ? or ! may have",
		func(p *structureParams) *int { return &p.headlineWords }),
}

// classify judges a unit from its own features and the line detectors.
func (r *reading) classify(u unit, sp structureParams) unitClass {
	if !u.multiLine {
		s := &r.lines[u.first-1]
		switch {
		case s.title:
			return classNeutral
		case s.residue():
			return classKnown
		case u.own != "":
			return classOwn
		case s.dateLike || (r.datelines[u.first-1] > 0 && len(r.afterDateline(u.first-1, u.text)) == 0):
			return classNeutral
		case isProvenanceLine(u.text):
			// Sign-offs ("-- Jane Roe") and contributor credits ("Contributing: ...") are the
			// story's provenance, kept as article text whatever their shape.
			return classNeutral
		}
	}
	w := u.words
	switch {
	case u.multiLine && (w > sp.shortWords || u.sentenceEnd):
		return classProse
	case u.multiLine:
		// A short wrapped block is a table or a list of a wire story ("Shr 10 cts vs 5 cts /
		// Net 1.2 mln vs ..."): article content in an odd shape, never navigation.
		return classNeutral
	case w > sp.shortWords:
		return classProse
	case u.sentenceEnd && u.words >= 4:
		return classProse
	case u.words >= 8 && r.lang != "" && u.density >= sp.proseDensity:
		return classProse
	case u.sentenceEnd:
		// "Byrne 33." or "Blanchard, McGuire.": a short line that ends like a sentence is a
		// list entry or fragment of the article; navigation and teasers carry no full stop.
		return classNeutral
	}
	return classWeak
}

// headlineLike reports whether a unit reads as a teaser headline: one short line that
// starts with a capital, a digit or a quote and does not end with a full stop (a question
// or an exclamation is allowed). Stopword density is not asked: in Spanish or French a
// headline has as many function words as prose.
func headlineLike(u unit, c unitClass, sp structureParams) bool {
	if u.multiLine || (c != classWeak && c != classProse) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(u.text)
	if unicode.IsLower(r) {
		return false
	}
	if c == classWeak {
		return u.words > 0 || u.symbols
	}
	if u.words > sp.headlineWords {
		return false
	}
	t := strings.TrimRight(u.text, `"'”’») `)
	return !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "…")
}

func checkStructure(p *audit.Pass) {
	r := readDocument(p.Doc, p.Config)
	class, reason := r.structure(audit.DecodeParams[structureParams](p.Params))
	reportRuns(p, r, class, reason)
}

// structure classifies every unit and gives the reason a unit is page structure ("" when
// it is not); the line model reads the same judgement as a feature.
func (r *reading) structure(sp structureParams) ([]unitClass, []string) {
	n := len(r.units)
	class := make([]unitClass, n)
	for i, u := range r.units {
		class[i] = r.classify(u, sp)
	}
	// The headline again between the title and the first paragraph (a site's second
	// headline slot) is a title, not navigation. Further down, under a "Related" header,
	// the same words are a teaser link to the story itself.
	for i, u := range r.units {
		if class[i] == classProse {
			break
		}
		if class[i] == classWeak && !u.multiLine && r.repeatsTitle(u.first-1) {
			class[i] = classNeutral
		}
	}
	introducedLists(r, class)
	reason := make([]string, n)
	for i, u := range r.units {
		if class[i] == classOwn {
			reason[i] = u.own + " line"
		}
	}
	// Teaser headlines after a "Related"/"Read more" header.
	headers := 0
	for i, u := range r.units {
		if class[i] != classKnown || u.multiLine {
			continue
		}
		ph := r.lines[u.first-1].phrase
		if ph == nil || !ph.announcesTeasers() {
			continue
		}
		header := strings.TrimSpace(u.text)
		headers++
		taken := 0
		for j := i + 1; j < n && taken < sp.maxTeasers; j++ {
			if class[j] == classKnown || class[j] == classOwn {
				// The next header takes its own teasers; scanning on past it would read a
				// page of headers once per header (quadratic).
				if ph := r.lines[r.units[j].first-1].phrase; !r.units[j].multiLine && ph != nil && ph.announcesTeasers() {
					break
				}
				continue
			}
			if !headlineLike(r.units[j], class[j], sp) {
				break
			}
			reason[j] = fmt.Sprintf("teaser headline after %q", header)
			taken++
		}
	}
	// Runs at the top (after the title) and at the bottom of the article.
	firstProse, lastProse := -1, -1
	for i := range r.units {
		if class[i] == classProse {
			if firstProse < 0 {
				firstProse = i
			}
			lastProse = i
		}
	}
	if firstProse < 0 {
		firstProse, lastProse = n, n // no prose at all: one run, judged as the top
	}
	markEdge(r, class, reason, 0, firstProse, sp, false, "short line without sentence punctuation in the run before the article starts")
	if lastProse < n {
		// Teasers injected after a header often resume below the next paragraph, so a
		// document with a teaser header lends that evidence to its bottom run.
		markEdge(r, class, reason, lastProse+1, n, sp, headers > 0, "short line without sentence punctuation in the run after the article ends")
	}
	// A stack of three or more headline-like lines inside the article is a teaser or link
	// list even when its header is in no lexicon: subheads come one at a time.
	for i := 0; i < n; {
		if class[i] != classWeak && class[i] != classKnown && class[i] != classOwn {
			i++
			continue
		}
		j := i
		for j < n && (class[j] == classWeak || class[j] == classKnown || class[j] == classOwn) {
			j++
		}
		heads, density := 0, 0.0
		var stack []string
		for k := i; k < j; k++ {
			if class[k] == classWeak && headlineLike(r.units[k], class[k], sp) && !startsDigit(r.units[k].text) {
				heads++
				density += r.units[k].density
				stack = append(stack, r.units[k].text)
			}
		}
		if heads >= sp.edgeWeakLines && density/float64(heads) < sp.edgeMaxDensity && !patternedList(stack) {
			for k := i; k < j; k++ {
				if class[k] == classWeak && reason[k] == "" {
					reason[k] = "stack of short headline-like lines (a teaser or link list)"
				}
			}
		}
		i = j
	}
	// A short line between two residue lines is residue (jusText's context rule).
	for i := range r.units {
		if class[i] != classWeak || reason[i] != "" {
			continue
		}
		if knownNeighbour(class, reason, i, -1) && knownNeighbour(class, reason, i, +1) {
			reason[i] = "short line between residue lines"
		}
	}
	return class, reason
}

// patternedList reports whether most lines of a stack share a separator ("Arsenal v Stoke",
// "Balamory - Pre-School Live Action", "Jane Roe (Show, Channel)"): fixtures, results and
// nominee lists are article content. Teaser headlines of other stories share no pattern.
func patternedList(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	seen := map[string]int{}
	for _, l := range lines {
		marks := map[string]bool{}
		for _, r := range l {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune(`'’‘"“”`, r) {
				continue
			}
			marks[string(r)] = true
		}
		for _, t := range tokenize(l) {
			if t.norm == "v" || t.norm == "vs" || t.norm == "#" {
				marks[t.norm] = true
			}
		}
		for m := range marks {
			seen[m]++
		}
	}
	for _, n := range seen {
		if float64(n) >= 0.6*float64(len(lines)) {
			return true
		}
	}
	return false
}

// markEdge flags the weak units of units[from:to] when the run holds other residue, or
// enough short low-stopword lines to be navigation rather than a subhead.
func markEdge(r *reading, class []unitClass, reason []string, from, to int, sp structureParams, teasers bool, why string) {
	known, weak, tables := 0, 0, 0
	var texts []string
	if teasers {
		known++
	}
	density := 0.0
	for i := from; i < to; i++ {
		if r.units[i].multiLine {
			tables++
		}
		switch class[i] {
		case classKnown, classOwn:
			known++
		case classWeak:
			// Numbered lines ("1 Roger Federer (Switzerland)") are rankings and results,
			// article content; they do not count towards a run of navigation.
			// Lines opening in lower case are broken-off sentence fragments, not menu items.
			if !startsDigit(r.units[i].text) && !startsLower(r.units[i].text) {
				weak++
				density += r.units[i].density
				texts = append(texts, r.units[i].text)
			}
		}
	}
	if weak == 0 {
		return
	}
	// Short lines around a table or list block are its headings: content, unless other
	// residue shows this run is page furniture.
	if known == 0 && (tables > 0 || weak < sp.edgeWeakLines || density/float64(weak) >= sp.edgeMaxDensity || patternedList(texts)) {
		return
	}
	for i := from; i < to; i++ {
		if class[i] == classWeak && reason[i] == "" {
			reason[i] = why
		}
	}
}

// knownNeighbour reports whether the nearest non-neutral unit in direction dir is residue.
func knownNeighbour(class []unitClass, reason []string, i, dir int) bool {
	for j := i + dir; j >= 0 && j < len(class); j += dir {
		switch class[j] {
		case classNeutral:
			continue
		case classKnown, classOwn:
			return true
		case classWeak:
			return reason[j] != ""
		default:
			return false
		}
	}
	return false
}

// reportRuns reports consecutive flagged units with the same reason as one finding.
func reportRuns(p *audit.Pass, r *reading, class []unitClass, reason []string) {
	for i := 0; i < len(r.units); {
		if reason[i] == "" {
			i++
			continue
		}
		j := i
		for j+1 < len(r.units) && reason[j+1] != "" && sameReason(reason[i], reason[j+1]) {
			j++
		}
		first, last := r.units[i], r.units[j]
		var texts []string
		for k := i; k <= j; k++ {
			texts = append(texts, strings.TrimSpace(r.units[k].text))
		}
		msg := reason[i]
		if j > i {
			msg = fmt.Sprintf("%d lines of page structure: %s", j-i+1, reason[i])
		}
		p.Report(first.start, last.end, msg, audit.Evidence{
			"lines": texts, "signal": reason[i], "stopword_density": round2(first.density), "language": r.lang,
		})
		i = j + 1
	}
}

// sameReason groups teaser lines of one header, or edge lines, into one finding.
func sameReason(a, b string) bool { return a == b }

func startsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// introducedLists reads the short lines right after a prose line ending in a colon ("Donations
// can be sent to:", "The winners were:") as the list or address that sentence introduces:
// article content in a list's shape, not navigation.
func introducedLists(r *reading, class []unitClass) {
	for i := 0; i < len(r.units); i++ {
		if class[i] != classProse || r.units[i].multiLine || !strings.HasSuffix(strings.TrimSpace(r.units[i].text), ":") {
			continue
		}
		for j := i + 1; j < len(r.units) && (class[j] == classWeak || class[j] == classNeutral); j++ {
			class[j] = classNeutral
		}
	}
}

// repeatsTitle reports whether line i (0-based) repeats the title: three or more words,
// nearly all of which the title holds, covering at least half of the title's words (a site
// name that the title also carries, "Headline « Site", covers too little of it).
func (r *reading) repeatsTitle(i int) bool {
	toks := r.toks[i]
	if len(toks) < 3 {
		return false
	}
	for t := 0; t < i; t++ {
		if !r.lines[t].title {
			continue
		}
		inTitle := map[string]bool{}
		for _, w := range r.toks[t] {
			inTitle[w.norm] = true
		}
		shared := 0
		for _, w := range toks {
			if inTitle[w.norm] {
				shared++
			}
		}
		return float64(shared) >= 0.8*float64(len(toks)) && 2*shared >= len(inTitle)
	}
	return false
}

// isProvenanceLine is provenanceRE().MatchString behind a literal guard: nearly every line
// has none of the words the pattern needs, and the guard turns those away without running
// the regexp (about 5 % of the family's time on the bench corpus).
func isProvenanceLine(s string) bool { return mayBeProvenance(s) && provenanceRE().MatchString(s) }

// provenanceWords are literals of which provenanceRE needs one, unless the line opens with
// a dash: "updated" and "last updated" hold "date", "reporting", "reported from" and "with
// reports from" hold "report", "contributing:" and "contributed" hold "contribut".
var provenanceWords = []string{"date", "report", "posted", "published", "writing", "editing", "compiled", "contribut", "by "}

// mayBeProvenance is false only for lines provenanceRE cannot match (TestLiteralGuardsNeverHideAMatch).
func mayBeProvenance(s string) bool {
	t := strings.TrimLeft(s, " \t\n\f\r") // the regexp's \s
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "—") {
		return true
	}
	// (?i) folds "ſ" with "s" (no word here has a "k" to fold with the Kelvin sign);
	// containsFold knows ASCII only.
	if !isASCII(t) && strings.Contains(t, "ſ") {
		return true
	}
	for _, w := range provenanceWords {
		if containsFold(t, w) {
			return true
		}
	}
	return false
}

package boilerplate

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/news"
)

// The line model reads every non-blank line as a vector of generic shape features: no word
// of any training text is a feature, only lengths, shares, punctuation, the lexicons and
// the other rules' judgements, the line's place in the file and its neighbours' shapes.
// featureNames lists them in vector order; the model file records the names it was fitted
// on and loading checks they match.

// ownFeatureNames are the features of one line by itself.
var ownFeatureNames = []string{
	"chars", "tokens", "letter_share", "digit_share", "upper_share", "symbol_share",
	"cap_word_share", "stopword_density", "ends_sentence", "ends_colon", "ends_other_punct",
	"ends_ellipsis", "has_quote", "has_question", "starts_lower", "starts_digit", "starts_bracket",
	"starts_bullet", "links", "handles", "pipes", "separators", "phrase_whole", "phrase_affix",
	"phrase_related", "caption_whole", "caption_part", "byline", "date_like", "wire_dateline",
	"own_link", "own_counter", "symbols", "class_weak", "class_prose", "class_neutral",
	"structure_reason", "credit_tail", "time_ago", "count_in_parens", "copyright",
	"repeats_in_file", "wrapped", "single_char_tokens", "sentences",
}

// neighbourFeatureNames are the features read from the two lines before and after.
var neighbourFeatureNames = []string{"chars", "tokens", "ends_sentence", "stopword_density", "residue", "links_pipes"}

// contextFeatureNames are the line's place in the file and the file's shape.
var contextFeatureNames = []string{
	"rel_position", "is_last", "from_start", "from_end", "file_lines", "file_mean_tokens",
	"file_prose_share", "before_first_prose", "after_last_prose", "chars_vs_median",
}

// featureNames is the full vector: own, context, then prev2, prev1, next1, next2, the extra
// shapes and the page-context features.
var featureNames = func() []string {
	out := append([]string{}, ownFeatureNames...)
	out = append(out, contextFeatureNames...)
	for _, at := range []string{"prev2", "prev1", "next1", "next2"} {
		for _, n := range neighbourFeatureNames {
			out = append(out, at+"_"+n)
		}
	}
	out = append(out, extraFeatureNames...)
	return append(out, contextBlockFeatureNames...)
}()

var (
	creditTailRE = news.LazyRegexp(`(?:[/|]\s*[\p{Lu}][\p{L}.&' -]{1,30}|\b(?:Getty(?: Images)?|Reuters|AFP|AP|EPA|Shutterstock|Courtesy(?: of)?[\p{L} .]{0,30}|(?:Photo|Photograph|Image|Picture)s?(?: by)?:?[\p{L} ./]{0,30})|\(\s*(?:Photo|Image|Credit)[^()]{0,40}\))\s*\)?\s*$`)
	timeAgoRE    = news.LazyRegexp(`(?i)\b\d+\s*(?:min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?)\s+ago\b`)
	parenCountRE = news.LazyRegexp(`\(\d[\d,.]*\)`)
	copyrightRE  = news.LazyRegexp(`(?i)©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b`)
)

// lineShape is what the model reads of one line by itself.
type lineShape struct {
	own     []float64
	residue bool // another rule judged the whole line residue
	date    bool // a date or time stamp line, a wire dateline alone, an agency sign-off
	// multiLine: the line is part of a hard-wrapped paragraph or a table, judged with it
	multiLine bool
	prose     bool // a sentence-ending line of 10+ tokens: article text by shape
	chars     int
	tokens    int
	ends      bool
	density   float64
	linkPipe  float64
	text      string  // the trimmed line
	toks      []token // its tokens
}

// lineModelInput is the per-document feature matrix, one row per line (nil rows for blank
// lines), memoised so that the model rule and the feature dump read the same vectors.
type lineModelInput struct {
	rows   [][]float64
	shapes []lineShape
}

// features computes the feature vectors of every non-blank line of the document.
func (r *reading) features(doc *audit.Document) *lineModelInput {
	class, reason := r.structure(audit.DecodeParams[structureParams](Structure.Defaults()))
	unitOf := make([]int, len(doc.Lines))
	for i := range unitOf {
		unitOf[i] = -1
	}
	for k, u := range r.units {
		for n := u.first; n <= u.last; n++ {
			unitOf[n-1] = k
		}
	}
	counts := map[string]int{}
	var idx []int // non-blank line indexes
	for i, l := range doc.Lines {
		if l.Blank() {
			continue
		}
		idx = append(idx, i)
		counts[strings.TrimSpace(l.Text)]++
	}
	in := &lineModelInput{rows: make([][]float64, len(doc.Lines)), shapes: make([]lineShape, len(idx))}
	if len(idx) == 0 {
		return in
	}
	sumTokens, proseLines := 0, 0
	lengths := make([]int, len(idx))
	for k, i := range idx {
		sh := r.shape(doc, i, unitOf[i], class, reason, counts)
		in.shapes[k] = sh
		sumTokens += sh.tokens
		lengths[k] = sh.chars
		if sh.prose {
			proseLines++
		}
	}
	firstProse, lastProse := -1, -1
	for k, sh := range in.shapes {
		if sh.prose {
			if firstProse < 0 {
				firstProse = k
			}
			lastProse = k
		}
	}
	median := medianInt(lengths)
	n := len(idx)
	width := len(featureNames)
	backing := make([]float64, n*width) // one allocation for every row
	texts, toks := make([]string, n), make([][]token, n)
	for k, sh := range in.shapes {
		texts[k], toks[k] = sh.text, sh.toks
	}
	extra := extraFeatures(texts, toks)
	blocks := contextBlockFeatures(in.shapes)
	for k, i := range idx {
		sh := in.shapes[k]
		row := backing[k*width : k*width : (k+1)*width]
		row = append(row, sh.own...)
		rel := 0.0
		if n > 1 {
			rel = float64(k) / float64(n-1)
		}
		row = append(row,
			rel, b2f(k == n-1), math.Log1p(float64(k)), math.Log1p(float64(n-1-k)), math.Log1p(float64(n)),
			float64(sumTokens)/float64(n), float64(proseLines)/float64(n),
			b2f(firstProse < 0 || k < firstProse), b2f(lastProse >= 0 && k > lastProse),
			math.Log1p(float64(sh.chars))-math.Log1p(float64(median)),
		)
		for _, d := range []int{-2, -1, 1, 2} {
			j := k + d
			if j < 0 || j >= n {
				// Missing neighbours read as "-1": trees split them off, and they are
				// never confused with an empty reading.
				for range neighbourFeatureNames {
					row = append(row, -1)
				}
				continue
			}
			o := in.shapes[j]
			row = append(row, math.Log1p(float64(o.chars)), math.Log1p(float64(o.tokens)), b2f(o.ends), o.density, b2f(o.residue), o.linkPipe)
		}
		row = append(row, extra[k]...)
		in.rows[i] = append(row, blocks[k]...)
	}
	return in
}

// shape computes the own features of line i.
func (r *reading) shape(doc *audit.Document, i, ui int, class []unitClass, reason []string, counts map[string]int) lineShape {
	l := doc.Lines[i]
	t := strings.TrimSpace(l.Text)
	s := &r.lines[i]
	toks := r.toks[i]
	letters, digits, upper, symbols, nonSpace := 0, 0, 0, 0, 0
	for _, c := range t {
		switch {
		case unicode.IsSpace(c):
			continue
		case unicode.IsLetter(c):
			letters++
			if unicode.IsUpper(c) {
				upper++
			}
		case unicode.IsDigit(c):
			digits++
		default:
			symbols++
		}
		nonSpace++
	}
	words, caps, single := 0, 0, 0
	for _, tk := range toks {
		if tk.norm == "#" {
			continue
		}
		words++
		c, _ := utf8.DecodeRuneInString(t[tk.start:])
		if unicode.IsUpper(c) {
			caps++
		}
		if utf8.RuneCountInString(tk.norm) == 1 {
			single++
		}
	}
	var u unit
	var cl unitClass = classNeutral
	why := ""
	if ui >= 0 {
		u = r.units[ui]
		cl, why = class[ui], reason[ui]
	}
	density := u.density
	// A wrapped line is read with its paragraph's stopword share and its own ending.
	ends := endsSentence(t)
	last := lastRune(strings.TrimRight(t, `"'”’»)] `))
	first, _ := utf8.DecodeRuneInString(t)
	links := 0
	if mayHoldLink(t) {
		links = len(urlRE().FindAllStringIndex(t, 4))
	}
	sentences := strings.Count(t, ". ") + strings.Count(t, "? ") + strings.Count(t, "! ") + b2i(ends)
	pipes := strings.Count(t, "|") + strings.Count(t, "¦")
	seps := strings.Count(t, "»") + strings.Count(t, "•") + strings.Count(t, "×") + strings.Count(t, "›") + strings.Count(t, "·") + strings.Count(t, " / ")
	phraseWhole := s.phrase != nil && (s.phrase.how == "whole line" || s.phrase.how == "after the dateline")
	phraseAffix := s.phrase != nil && !phraseWhole
	capWhole := s.caption != nil && s.caption.whole
	capPart := s.caption != nil && !s.caption.whole
	own := []float64{
		math.Log1p(float64(utf8.RuneCountInString(t))), math.Log1p(float64(len(toks))),
		share(letters, nonSpace), share(digits, nonSpace), share(upper, letters), share(symbols, nonSpace),
		share(caps, words), density, b2f(ends), b2f(last == ':' || last == '：'),
		b2f(last == ',' || last == ';' || last == '-' || last == '–' || last == '—' || last == '|'),
		b2f(strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")),
		b2f(containsAny(t, "\"“”«»„")), b2f(containsAny(t, "?？")),
		b2f(unicode.IsLower(first)), b2f(unicode.IsDigit(first)), b2f(first == '(' || first == '['),
		b2f(strings.ContainsRune("•*-·»›>–—▪►", first)),
		float64(links), float64(strings.Count(t, "@")), math.Min(float64(pipes), 10), math.Min(float64(seps), 10),
		b2f(phraseWhole), b2f(phraseAffix), b2f(s.phrase != nil && s.phrase.announcesTeasers()),
		b2f(capWhole), b2f(capPart), b2f(s.byline != nil), b2f(s.dateLike), b2f(r.datelines[i] > 0),
		b2f(u.own == "link"), b2f(u.own == "counter"), b2f(u.symbols),
		b2f(cl == classWeak), b2f(cl == classProse), b2f(cl == classNeutral), b2f(why != ""),
		b2f(len(t) < 400 && mayHoldCreditTail(t) && creditTailRE().MatchString(t)),
		b2f(containsFold(t, "ago") && timeAgoRE().MatchString(t)),
		float64(parenCounts(t)), b2f(mayHoldCopyright(t) && copyrightRE().MatchString(t)),
		math.Log(float64(counts[t])), b2f(u.multiLine), share(single, words), math.Log1p(float64(sentences)),
	}
	return lineShape{
		own:     own,
		residue: phraseWhole || capWhole || (s.byline != nil && s.bylineW) || why != "" || u.own != "",
		// A sentence of ten words, or in a script without spaces (one token a run) of 25
		// characters, reads as prose.
		prose: ends && (len(toks) >= 10 || (caseless(t) && utf8.RuneCountInString(t) >= 25)),
		// Date lines, wire datelines alone and agency sign-offs ("Reuter") are provenance.
		date:      s.dateLike || (r.datelines[i] > 0 && len(r.afterDateline(i, t)) == 0) || wireSignoff(toks),
		multiLine: u.multiLine,
		chars:     utf8.RuneCountInString(t),
		tokens:    len(toks),
		ends:      ends,
		density:   density,
		linkPipe:  float64(links + pipes + seps),
		text:      t,
		toks:      toks,
	}
}

func share(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func medianInt(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	c := slices.Clone(xs)
	slices.Sort(c)
	return c[len(c)/2]
}

type lineModelKey struct{}

// lineModelFor computes (once per document) the feature vectors of its lines.
func lineModelFor(doc *audit.Document, cfg *audit.Config) *lineModelInput {
	return doc.Memo(lineModelKey{}, func() any { return readDocument(doc, cfg).features(doc) }).(*lineModelInput)
}

// The guards below hold a literal that every match of the regexp they stand before must
// contain, so a line without it skips the regexp: the features' values are the regexps'
// own (TestLiteralGuardsNeverHideAMatch), at a fraction of the cost on plain prose.

// mayHoldLink: urlRE needs "://", "www.", "@" or a dot before one of its top-level domains.
func mayHoldLink(t string) bool {
	if strings.IndexByte(t, '@') >= 0 || strings.Contains(t, "://") || containsFold(t, "www.") {
		return true
	}
	for i := strings.IndexByte(t, '.'); i >= 0; {
		rest := t[i+1:]
		for _, tld := range []string{"com", "org", "net", "co.", "gov", "edu", "info", "io"} {
			if news.HasPrefixFoldASCII(rest, tld) {
				return true
			}
		}
		j := strings.IndexByte(rest, '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// creditTailRE matches at the line end, so each of its literals must stand near the end:
// after the match come only spaces and one ")", so the match ends at or after the end of
// tt, the line without its trailing spaces and brackets; an agency name ends at most 12
// bytes after it starts, a label (Photo, Courtesy, Credit...) at most 170 (its words and
// 30 or 40 runes of four bytes at most). A "/" or "|" credit is the line's last one, and
// the capital past the spaces after it starts at most 124 bytes (31 runes) before the match
// ends. TestLiteralGuardsNeverHideAMatch and FuzzLiteralGuards pin the guard to the regexp.
var (
	creditTailAgencies = []string{"Getty", "Reuters", "AFP", "AP", "EPA", "Shutterstock"}
	creditTailLabels   = []string{"Courtesy", "Photo", "Image", "Picture", "Credit"}
)

func mayHoldCreditTail(t string) bool {
	tt := strings.TrimRightFunc(t, func(r rune) bool { return r == ')' || unicode.IsSpace(r) })
	if q := strings.LastIndexAny(t, "/|"); q >= 0 && q < len(tt) {
		rest := strings.TrimLeftFunc(tt[q+1:], unicode.IsSpace)
		if r, _ := utf8.DecodeRuneInString(rest); len(rest) <= 124 && unicode.IsUpper(r) {
			return true
		}
	}
	for _, w := range creditTailAgencies {
		if strings.Contains(t[max(0, len(tt)-12):], w) {
			return true
		}
	}
	for _, w := range creditTailLabels {
		if strings.Contains(t[max(0, len(tt)-170):], w) {
			return true
		}
	}
	return false
}

// mayHoldCopyright: copyrightRE needs "©", "(c)", "copyright" or "all rights reserved" (the
// guard looks for "all right": (?i) folds the long s of "rights" too).
func mayHoldCopyright(t string) bool {
	return strings.Contains(t, "©") || containsFold(t, "(c)") || containsFold(t, "copyright") || containsFold(t, "all right")
}

// parenCounts counts parenCountRE's matches ("(31)"), at most four, where a "(" is followed
// by a digit.
func parenCounts(t string) int {
	for i := strings.IndexByte(t, '('); i >= 0 && i+1 < len(t); {
		if c := t[i+1]; c >= '0' && c <= '9' {
			return len(parenCountRE().FindAllStringIndex(t, 4))
		}
		j := strings.IndexByte(t[i+1:], '(')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return 0
}

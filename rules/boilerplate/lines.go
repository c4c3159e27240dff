package boilerplate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/language"
	"github.com/textaudit/textaudit/rules/news"
	"github.com/textaudit/textaudit/rules/stopwords"
)

// lineSignals is what the line-level detectors found on one line.
type lineSignals struct {
	title    bool // the first non-blank line: the headline, never residue
	phrase   *phraseMatch
	caption  *captionMatch
	byline   *[2]int // [start, end) relative to the line
	bylineW  bool    // the byline is the whole line
	dateLike bool
}

// residue reports whether a line-level detector judged the whole line (or its start or
// end, for phrases) to be residue, so structure can treat it as a known bad line.
func (s *lineSignals) residue() bool {
	return (s.phrase != nil && s.phrase.how != "segment") || (s.caption != nil && s.caption.whole) || (s.byline != nil && s.bylineW)
}

// unit is what structure judges: a one-line paragraph, a line of a block of short lines
// (a menu), or a whole multi-line paragraph (prose, possibly hard-wrapped).
type unit struct {
	first, last int // 1-based line numbers
	start, end  int // byte offsets of the trimmed text
	text        string
	words       int     // words of letters (stopwords.Words)
	density     float64 // stopword share for the document's main language
	sentenceEnd bool
	multiLine   bool
	own         string // structure's own definite signal: "link", "counter"; "" if none
	symbols     bool   // mostly symbols or digits ("___", "* * *", "12/04")
}

// reading is the shared per-document view of lines and units.
type reading struct {
	lang  string
	lines []lineSignals // by line number - 1
	units []unit
	// toks are the tokens of each line's trimmed text (offsets into it), by line number - 1:
	// every rule and feature reads a line's words from here, so each line is tokenised once.
	toks [][]token
	// datelines are wireDateline of each line's trimmed text (0 for blank lines).
	datelines []int
}

// afterDateline returns the tokens of line i after its wire dateline (all of them when it
// has none): the tokens of t[wireDateline(t):], where t is the line's trimmed text.
func (r *reading) afterDateline(i int, t string) []token {
	cut := r.datelines[i]
	if cut == 0 {
		return r.toks[i]
	}
	if toks, ok := tokensWithin(r.toks[i], cut, len(t)); ok {
		return toks
	}
	return tokenize(t[cut:])
}

type readingKey struct{}

// readDocument computes (once per document) the line signals and units.
func readDocument(doc *audit.Document, cfg *audit.Config) *reading {
	return doc.Memo(readingKey{}, func() any { return newReading(doc, lexiconFor(cfg), language.Main(doc, cfg).Code()) }).(*reading)
}

// newReading reads the document's lines; lang is its main language.
func newReading(doc *audit.Document, lx *lexicon, lang string) *reading {
	r := &reading{lines: make([]lineSignals, len(doc.Lines)), toks: make([][]token, len(doc.Lines)), datelines: make([]int, len(doc.Lines))}
	r.lang = lang
	// One token array for the document; each line's tokens are a window of it, taken once
	// the array has stopped growing.
	all := make([]token, 0, len(doc.Text)/4+8) // news prose has a word in 4.6 to 6.6 bytes
	bounds := make([]int, len(doc.Lines)+1)
	for i, l := range doc.Lines {
		bounds[i] = len(all)
		if t := strings.TrimSpace(l.Text); t != "" {
			all = appendTokens(all, t, -1)
			r.datelines[i] = wireDateline(t)
		}
	}
	bounds[len(doc.Lines)] = len(all)
	for i := range doc.Lines {
		r.toks[i] = all[bounds[i]:bounds[i+1]:bounds[i+1]]
	}
	// A line stands alone when it is its own paragraph or an item of a block of short
	// lines; a line of a wrapped paragraph is only part of a sentence ("per\nshare.").
	standalone := make([]bool, len(doc.Lines))
	opens := make([]bool, len(doc.Lines))
	blocks := make([]bool, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		blocks[i] = p.Wrapped() && r.shortLineBlock(doc, p)
		opens[p.FirstLine-1] = true
		for n := p.FirstLine; n <= p.LastLine; n++ {
			standalone[n-1] = !p.Wrapped() || blocks[i]
		}
	}
	titleSeen := false
	for i, l := range doc.Lines {
		if l.Blank() {
			continue
		}
		s := &r.lines[i]
		if !titleSeen {
			titleSeen = true
			s.title = true
			continue
		}
		toks := r.toks[i]
		if standalone[i] {
			t := strings.TrimSpace(l.Text)
			lead, dl := strings.Index(l.Text, t), -1
			if len(t) == len(l.Text) {
				dl = r.datelines[i] // wireDateline of the line itself
			}
			if m, ok := lx.matchTokens(l.Text, toks, lead, dl); ok {
				s.phrase = &m
			}
		}
		if m, ok := findCaptionWords(l.Text, standalone[i], len(toks)); ok {
			s.caption = &m
		}
		if standalone[i] || opens[i] {
			if st, en, whole, ok := findBylineWords(l.Text, len(toks)); ok && (standalone[i] || !whole) {
				s.byline, s.bylineW = &[2]int{st, en}, whole
			}
		}
		s.dateLike = dateLineTokens(l.Text, toks)
	}
	for i, p := range doc.Paragraphs {
		if p.Wrapped() && !blocks[i] {
			r.units = append(r.units, r.newUnit(doc, p.FirstLine, p.LastLine, p.Start, p.End, true))
			continue
		}
		for n := p.FirstLine; n <= p.LastLine; n++ {
			l := doc.Lines[n-1]
			t := strings.TrimSpace(l.Text)
			if t == "" {
				continue
			}
			start := l.Start + strings.Index(l.Text, t)
			r.units = append(r.units, r.newUnit(doc, n, n, start, start+len(t), false))
		}
	}
	return r
}

// shortLineBlock reports whether a multi-line paragraph is a stack of short items (a menu,
// a list of links) rather than wrapped prose: every line is short, flush left (indented
// lines mark paragraphs of hard-wrapped wire text) and none ends a sentence.
func (r *reading) shortLineBlock(doc *audit.Document, p audit.Paragraph) bool {
	for n := p.FirstLine; n <= p.LastLine; n++ {
		raw := doc.Lines[n-1].Text
		t := strings.TrimSpace(raw)
		if len(r.toks[n-1]) > 6 || endsSentence(t) || digitShare(t) > 0.3 || raw != strings.TrimLeft(raw, " \t") {
			return false
		}
	}
	return true
}

func (r *reading) newUnit(doc *audit.Document, first, last, start, end int, multi bool) unit {
	text := doc.Text[start:end]
	u := unit{first: first, last: last, start: start, end: end, text: text, multiLine: multi}
	// Count is Words plus Density without building the word list.
	words, hits := stopwords.Count(text, stopwords.Of(r.lang))
	u.words = words
	if r.lang != "" && words > 0 {
		u.density = float64(hits) / float64(words)
	}
	u.sentenceEnd = endsSentence(text)
	if !multi {
		u.own = ownSignal(text)
		u.symbols = symbolShare(text) >= 0.7
	}
	return u
}

var (
	urlRE     = news.LazyRegexp(`(?i)(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|(?:^|\s)@\w{2,}|\b[\w-]+\.(?:com|org|net|co\.uk|gov|edu|info|io)(?:/\S*)?\b`)
	counterRE = news.LazyRegexp(`(?i)^\s*(?:\(?\d[\d,.]*[km]?\)?\s+(?:comments?|shares?|views?|likes?|replies|responses|reactions|photos|images|videos|votes|followers|retweets|reviews)|(?:comments?|shares?|views?|likes?|replies|reactions|photos|images|videos)\s*[:(]?\s*\d[\d,.]*[km]?\)?)\s*$`)
)

// ownSignal names structure's own evidence that a line is web furniture: it is mostly
// links or addresses, or it is a counter ("12 comments", "Shares (3)").
func ownSignal(text string) string {
	// A line that is half links is short; longer lines are prose that may cite an address.
	if len(text) > 200 {
		return ""
	}
	nonSpace := nonSpaceBytes(text)
	if nonSpace == 0 {
		return ""
	}
	linked := 0
	if strings.ContainsAny(text, "@/") || strings.Contains(text, "www.") || strings.Contains(text, ".co") ||
		strings.Contains(text, ".org") || strings.Contains(text, ".net") || strings.Contains(text, ".gov") ||
		strings.Contains(text, ".edu") || strings.Contains(text, ".info") || strings.Contains(text, ".io") {
		for _, loc := range urlRE().FindAllStringIndex(text, -1) {
			linked += len(strings.TrimSpace(text[loc[0]:loc[1]]))
		}
	}
	if float64(linked) >= 0.5*float64(nonSpace) {
		return "link"
	}
	if len(text) < 40 && strings.ContainsAny(text, "0123456789") && counterRE().MatchString(text) {
		return "counter"
	}
	return ""
}

// nonSpaceBytes is len(strings.Join(strings.Fields(s), "")) without building the fields:
// the bytes of the runes that are not spaces (an invalid byte is a rune of its own).
func nonSpaceBytes(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			n += size
		}
		i += size
	}
	return n
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// symbolShare is the share of non-space characters that are neither letters nor digits.
func symbolShare(s string) float64 {
	n, sym := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		n++
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			sym++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(sym) / float64(n)
}

// digitShare is the share of non-space characters that are digits.
func digitShare(s string) float64 {
	n, d := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		n++
		if unicode.IsDigit(r) {
			d++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(d) / float64(n)
}

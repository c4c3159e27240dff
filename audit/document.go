package audit

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"
)

// Line is one line of a document, without its line end.
type Line struct {
	Number int    // 1-based
	Start  int    // byte offset of the first character
	End    int    // byte offset just past the last character (before "\n")
	Text   string // the line's text
}

// Blank reports whether the line holds only white space.
func (l Line) Blank() bool { return strings.TrimSpace(l.Text) == "" }

// Sentence is a sentence inside a paragraph, located by byte offsets into the document.
type Sentence struct {
	Start, End int
	Text       string
}

// Paragraph is a block of lines separated from its neighbours by blank lines, or, in
// hard-wrapped text, by an indented first line. A lone line is a paragraph.
type Paragraph struct {
	Index     int // 0-based position in the document
	FirstLine int // 1-based
	LastLine  int // 1-based, inclusive
	Start     int // byte offset of the first non-blank character
	End       int // byte offset just past the last non-blank character
	Text      string
	// A paragraph's sentences are Document.Sentences(Index), split on the first request:
	// UAX #29 segmentation is a good part of building a document, and most rules never
	// ask for it.
}

// Wrapped reports whether the paragraph spans several lines (hard-wrapped text or a block of
// short lines); rules that judge lines one by one need to know.
func (p Paragraph) Wrapped() bool { return p.LastLine > p.FirstLine }

// Flat returns the paragraph text with its inner line breaks turned into spaces.
func (p Paragraph) Flat() string { return strings.ReplaceAll(p.Text, "\n", " ") }

// Document is the shared model every rule sees: decoded text, lines, paragraphs and
// sentences, with offset-to-position mapping. Rules never re-split text their own way.
type Document struct {
	Path       string // as given on the command line or found by walking, slash-separated
	Text       string // decoded UTF-8; BOM removed, CRLF and CR turned into "\n"
	Encoding   string // "utf-8", "utf-8-bom", "utf-16le", "utf-16be"
	Lines      []Line
	Paragraphs []Paragraph
	// InvalidUTF8 lists the byte offsets (in Text) where invalid input bytes were replaced
	// by U+FFFD; the language family reports them.
	InvalidUTF8 []int
	// LineEnds records the line-end convention found in the raw file: "lf", "crlf", "cr" or "mixed".
	LineEnds string

	mu    sync.Mutex
	memos map[any]any
	// sentences holds each paragraph's sentences once split (split[i] says whether).
	sentences [][]Sentence
	split     []bool

	// runeMarks index character counts for position: built once, on the first request.
	marksOnce sync.Once
	runeMarks []runeMark
}

// NewDocument builds the model for already-decoded text (line ends must be "\n").
func NewDocument(path, text string) *Document {
	d := &Document{Path: path, Text: text, Encoding: "utf-8", LineEnds: "lf"}
	d.splitLines()
	d.splitParagraphs()
	d.sentences = make([][]Sentence, len(d.Paragraphs))
	d.split = make([]bool, len(d.Paragraphs))
	return d
}

// Sentences returns the sentences of paragraph i (0-based), splitting the paragraph on
// the first request. It is the only way to a paragraph's sentences. Safe for concurrent use.
func (d *Document) Sentences(i int) []Sentence {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.split[i] {
		p := d.Paragraphs[i]
		d.sentences[i] = splitSentences(p.Text, p.Start)
		d.split[i] = true
	}
	return d.sentences[i]
}

// FirstSentence returns the first sentence of paragraph i (0-based), as Sentences(i)[0]
// would, and false when the paragraph has none. Unless the paragraph is split already, it
// segments only as far as the start of the second sentence: rules that read a paragraph's
// opening (a lead's date mentions) need not pay for splitting all of it.
func (d *Document) FirstSentence(i int) (Sentence, bool) {
	d.mu.Lock()
	split, ss := d.split[i], d.sentences[i]
	d.mu.Unlock()
	if !split {
		p := d.Paragraphs[i]
		ss = splitSentencesUpTo(p.Text, p.Start, 1)
	}
	if len(ss) == 0 {
		return Sentence{}, false
	}
	return ss[0], true
}

// Memo returns the value cached under key, computing it once per document. Rule families use
// it to share derived facts (the main language, the dateline) without recomputing them.
func (d *Document) Memo(key any, compute func() any) any {
	d.mu.Lock()
	if v, ok := d.memos[key]; ok {
		d.mu.Unlock()
		return v
	}
	d.mu.Unlock()
	v := compute()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.memos == nil {
		d.memos = map[any]any{}
	}
	if old, ok := d.memos[key]; ok {
		return old
	}
	d.memos[key] = v
	return v
}

func (d *Document) splitLines() {
	d.Lines = make([]Line, 0, strings.Count(d.Text, "\n")+1)
	start := 0
	n := 1
	for {
		i := strings.IndexByte(d.Text[start:], '\n')
		if i < 0 {
			if start < len(d.Text) || len(d.Lines) == 0 {
				d.Lines = append(d.Lines, Line{Number: n, Start: start, End: len(d.Text), Text: d.Text[start:]})
			}
			return
		}
		d.Lines = append(d.Lines, Line{Number: n, Start: start, End: start + i, Text: d.Text[start : start+i]})
		start += i + 1
		n++
	}
}

// splitParagraphs groups non-blank lines into paragraphs. In hard-wrapped text (Reuters
// style, ~70 columns) a paragraph starts at an indented line, so each block is split there.
// A file without any blank line that is not hard-wrapped (scrapes that write a paragraph a
// line) reads each line as a paragraph: as one block it would be one paragraph of the whole
// file, and every rule that judges paragraphs would see one.
func (d *Document) splitParagraphs() {
	if lineParagraphs(d.Lines) {
		for i := range d.Lines {
			d.addParagraph(d.Lines[i : i+1])
		}
		return
	}
	// Lines are consecutive in d.Lines, so a block is a sub-slice of it: nothing is copied.
	first := -1
	for i, l := range d.Lines {
		if !blank(l.Text) {
			if first < 0 {
				first = i
			}
			continue
		}
		if first >= 0 {
			d.addBlock(d.Lines[first:i])
			first = -1
		}
	}
	if first >= 0 {
		d.addBlock(d.Lines[first:])
	}
}

// lineParagraphs reports whether a file of several lines has no blank line and does not
// read as hard-wrapped prose: no line is indented (wire text marks its paragraphs so) and
// the lines are not a column of similar widths that mostly break in mid-sentence.
func lineParagraphs(lines []Line) bool {
	if len(lines) < 2 {
		return false
	}
	widest, open := 0, 0
	for i, l := range lines {
		if blank(l.Text) || indentOf(l.Text) >= 2 {
			return false
		}
		widest = max(widest, utf8.RuneCountInString(l.Text))
		if i < len(lines)-1 && !endsClause(l.Text) {
			open++
		}
	}
	// Hard wrapping cuts at a fixed width, so the lines are short and most run on into the
	// next one; a paragraph a line has long lines or lines that end their sentences.
	return widest > 100 || 2*open < len(lines)-1
}

// endsClause reports whether a line ends with sentence or clause punctuation (closing
// quotes and brackets aside).
func endsClause(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]`, r) })
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;。！？؟", r)
}

// addBlock adds the paragraphs of one block of non-blank lines.
func (d *Document) addBlock(block []Line) {
	if !hasIndentedLine(block) {
		d.addParagraph(block)
		return
	}
	for _, part := range splitIndented(block) {
		d.addParagraph(part)
	}
}

// blank is Line.Blank without a trim: only white space.
func blank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			continue
		}
		if s[i] < utf8.RuneSelf {
			return false
		}
		return strings.TrimSpace(s[i:]) == ""
	}
	return true
}

// hasIndentedLine is the cheap test in front of splitIndented: a block of three lines or
// more with an indented line after the first.
func hasIndentedLine(block []Line) bool {
	if len(block) < 3 {
		return false
	}
	for _, l := range block[1:] {
		if indentOf(l.Text) >= 2 {
			return true
		}
	}
	return false
}

// splitIndented splits a block of lines at indented lines when the block is hard-wrapped
// prose; otherwise the block stays whole.
func splitIndented(block []Line) [][]Line {
	if len(block) < 3 {
		return [][]Line{block}
	}
	indented := 0
	for _, l := range block[1:] {
		if indentOf(l.Text) >= 2 {
			indented++
		}
	}
	if indented == 0 {
		return [][]Line{block}
	}
	// Parts are sub-slices of block, cut before each line indented deeper than the last.
	var parts [][]Line
	from := 0
	for i := 1; i < len(block); i++ {
		if in := indentOf(block[i].Text); in >= 2 && indentOf(block[i-1].Text) < in {
			parts = append(parts, block[from:i])
			from = i
		}
	}
	return append(parts, block[from:])
}

func indentOf(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

func (d *Document) addParagraph(lines []Line) {
	first, last := lines[0], lines[len(lines)-1]
	start := first.Start + (len(first.Text) - len(strings.TrimLeftFunc(first.Text, unicode.IsSpace)))
	end := last.Start + len(strings.TrimRightFunc(last.Text, unicode.IsSpace))
	p := Paragraph{
		Index:     len(d.Paragraphs),
		FirstLine: first.Number,
		LastLine:  last.Number,
		Start:     start,
		End:       end,
		Text:      d.Text[start:end],
	}
	d.Paragraphs = append(d.Paragraphs, p)
}

// abbreviations end with a period but do not end a sentence when followed by a capital.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true,
	"gov": true, "sen": true, "rep": true, "lt": true, "col": true, "maj": true, "sgt": true,
	"capt": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "jr": true, "sr": true, "vs": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "mt": true, "ft": true,
}

// splitSentences segments by Unicode sentence boundaries (UAX #29), then re-joins breaks that
// follow common abbreviations ("Oct. 7", "Mr. Smith") which UAX #29 cannot know about.
// UAX #29 ends a sentence at every line break; in a hard-wrapped paragraph a break after a
// line that runs on is a wrap, so it is read as a space (offsets are unchanged).
func splitSentences(text string, base int) []Sentence { return splitSentencesUpTo(text, base, -1) }

// splitSentencesUpTo is splitSentences stopping after the first limit sentences (all when
// limit < 0): a sentence is complete once the next one starts without re-joining it.
func splitSentencesUpTo(text string, base, limit int) []Sentence {
	var out []Sentence
	it := sentences.FromString(unwrap(text))
	for it.Next() {
		s, e := it.Start(), it.End()
		raw := text[s:e]
		trimmed := strings.TrimRightFunc(raw, unicode.IsSpace)
		lead := len(trimmed) - len(strings.TrimLeftFunc(trimmed, unicode.IsSpace))
		trimmed = trimmed[lead:]
		if trimmed == "" {
			continue
		}
		s += lead
		e = s + len(trimmed)
		if n := len(out); n > 0 && endsWithAbbreviation(out[n-1].Text) {
			prev := &out[n-1]
			prev.End = base + e
			prev.Text = text[prev.Start-base : e]
			continue
		}
		if len(out) == limit {
			break
		}
		out = append(out, Sentence{Start: base + s, End: base + e, Text: trimmed})
	}
	return out
}

// unwrap turns into spaces the line breaks of text that follow a line of four words or
// more not ending a clause: those of wrapped prose. Short lines (list items, a menu) keep
// their breaks as sentence ends. The result has the length of text.
func unwrap(text string) string {
	if strings.IndexByte(text, '\n') < 0 {
		return text
	}
	var b []byte // a copy of text, made at the first break that becomes a space
	from := 0
	for {
		i := strings.IndexByte(text[from:], '\n')
		if i < 0 {
			if b == nil {
				return text
			}
			return string(b)
		}
		line := text[from : from+i]
		if hasFields(line, 4) && !endsClause(line) {
			if b == nil {
				b = []byte(text)
			}
			b[from+i] = ' '
		}
		from += i + 1
	}
}

// hasFields reports whether s has at least n fields as strings.Fields splits it, without
// building them.
func hasFields(s string, n int) bool {
	fields, inField := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inField = false
			continue
		}
		if !inField {
			inField = true
			if fields++; fields >= n {
				return true
			}
		}
	}
	return false
}

func endsWithAbbreviation(s string) bool {
	if !strings.HasSuffix(s, ".") {
		return false
	}
	s = strings.TrimSuffix(s, ".")
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' })
	word := strings.ToLower(s[i+1:])
	if abbreviations[word] {
		return true
	}
	// A single capital letter is an initial ("George W. Bush").
	return utf8.RuneCountInString(word) == 1 && word != ""
}

// LineAt returns the 1-based number of the line holding byte offset off.
func (d *Document) LineAt(off int) int {
	i := sort.Search(len(d.Lines), func(i int) bool { return d.Lines[i].End >= off })
	if i >= len(d.Lines) {
		return len(d.Lines)
	}
	return d.Lines[i].Number
}

// Span locates the byte range [start, end) as 1-based lines and character columns. The end
// position names the last character of the range, so a one-character span has equal columns.
func (d *Document) Span(start, end int) Span {
	if start < 0 {
		start = 0
	}
	if end > len(d.Text) {
		end = len(d.Text)
	}
	if end < start {
		end = start
	}
	s := Span{StartOffset: start, EndOffset: end}
	s.Line, s.Column = d.position(start)
	last := end
	if end > start {
		_, size := utf8.DecodeLastRuneInString(d.Text[start:end])
		last = end - size
	}
	s.EndLine, s.EndColumn = d.position(last)
	return s
}

func (d *Document) position(off int) (line, col int) {
	n := d.LineAt(off)
	if n == 0 {
		return 1, 1
	}
	l := d.Lines[n-1]
	if off > l.End {
		off = l.End
	}
	if off-l.Start <= markStride {
		return n, utf8.RuneCountInString(d.Text[l.Start:off]) + 1
	}
	// A column counted from the line start costs the line's length; on a line of megabytes
	// with a finding every few bytes that was quadratic. The index makes it a short count.
	return n, d.runesBefore(off) - d.runesBefore(l.Start) + 1
}

// markStride is the distance in bytes between two entries of the character-count index.
const markStride = 256

// runeMark records how many characters precede byte offset Off (a character boundary).
type runeMark struct{ Off, Runes int }

// runesBefore counts the characters of Text before byte offset off, as
// utf8.RuneCountInString(Text[:off]) would, in time bounded by markStride.
func (d *Document) runesBefore(off int) int {
	d.marksOnce.Do(d.indexRunes)
	k := off / markStride
	if k >= len(d.runeMarks) {
		k = len(d.runeMarks) - 1
	}
	for k > 0 && d.runeMarks[k].Off > off {
		k--
	}
	m := d.runeMarks[k]
	return m.Runes + utf8.RuneCountInString(d.Text[m.Off:off])
}

// indexRunes records a mark at the first character boundary at or after every multiple of
// markStride. Ranging over the string decodes invalid bytes one at a time, exactly as
// utf8.RuneCountInString counts them.
func (d *Document) indexRunes() {
	marks := make([]runeMark, 0, len(d.Text)/markStride+1)
	marks = append(marks, runeMark{})
	runes := 0
	next := markStride
	for i := range d.Text {
		if i >= next {
			marks = append(marks, runeMark{Off: i, Runes: runes})
			next = (i/markStride + 1) * markStride
		}
		runes++
	}
	d.runeMarks = marks
}

// LineSpan locates whole lines first..last (1-based, inclusive), without their line ends.
func (d *Document) LineSpan(first, last int) Span {
	if first < 1 {
		first = 1
	}
	if last > len(d.Lines) {
		last = len(d.Lines)
	}
	if last < first {
		last = first
	}
	return d.Span(d.Lines[first-1].Start, d.Lines[last-1].End)
}

package duplicate

import (
	"fmt"
	"strings"

	"github.com/textaudit/textaudit/audit"
)

// unit is a stretch of a document compared as a whole: a paragraph, or a sentence of a
// paragraph that has several. Tokens are toks[lo:hi] of the document.
type unit struct {
	start, end int // byte offsets
	lo, hi     int // token indexes
	firstLine  int
	paragraph  int // index of the paragraph holding the unit
}

func (u unit) words() int { return u.hi - u.lo }

// overlaps reports whether two units share any byte.
func (u unit) overlaps(v unit) bool { return u.start < v.end && v.start < u.end }

// withinUnits lists a document's paragraphs and, for paragraphs of several sentences, their
// sentences, so a sentence repeated inside a longer paragraph is found too.
func withinUnits(doc *audit.Document, toks []Token) []unit {
	var out []unit
	for _, p := range doc.Paragraphs {
		lo, hi := tokenRange(toks, p.Start, p.End)
		out = append(out, unit{start: p.Start, end: p.End, lo: lo, hi: hi, firstLine: p.FirstLine, paragraph: p.Index})
		sentences := joinWrappedSentences(doc.Text, doc.Sentences(p.Index))
		if len(sentences) < 2 {
			continue
		}
		for _, s := range sentences {
			lo, hi := tokenRange(toks, s.Start, s.End)
			out = append(out, unit{start: s.Start, end: s.End, lo: lo, hi: hi, firstLine: doc.LineAt(s.Start), paragraph: p.Index})
		}
	}
	return out
}

// joinWrappedSentences joins the pieces of sentences cut at the line ends of hard-wrapped
// text: the sentence splitter takes a line break for a sentence boundary, so a wrapped
// paragraph comes as one "sentence" a line. A piece that does not end a sentence (a full
// stop, question or exclamation mark, maybe followed by a closing quote or bracket) and is
// followed by a line break runs on into the next piece.
func joinWrappedSentences(text string, ss []audit.Sentence) []audit.Sentence {
	out := make([]audit.Sentence, 0, len(ss))
	for i, s := range ss {
		if n := len(out); n > 0 {
			prev := ss[i-1]
			if !endsSentence(text[prev.Start:prev.End]) && strings.Contains(text[prev.Start:s.Start], "\n") {
				out[n-1].End = s.End
				out[n-1].Text = text[out[n-1].Start:s.End]
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// endsSentence reports whether a sentence piece ends with terminal punctuation.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\n\"'”’)]»")
	return s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:;")
}

// words returns the keys of toks.
func keys(toks []Token) []uint32 {
	out := make([]uint32, len(toks))
	for i, t := range toks {
		out[i] = t.Key
	}
	return out
}

// swaps renders the substitutions of an alignment as "old → new" with the words as written,
// a being the counterpart (the earlier or the source) and b the copy. At most limit are
// listed; the count of all substitutions is returned too.
func swaps(al Alignment, aText string, aToks []Token, bText string, bToks []Token, limit int) ([]string, int) {
	var out []string
	n := 0
	for _, c := range al.Changes {
		if !c.Substitution() {
			continue
		}
		n++
		if len(out) < limit {
			out = append(out, fmt.Sprintf("%s → %s", span(aText, aToks, c.AStart, c.AEnd), span(bText, bToks, c.BStart, c.BEnd)))
		}
	}
	return out, n
}

// span returns the text of tokens [lo, hi) as written, inner punctuation included.
func span(text string, toks []Token, lo, hi int) string {
	if lo >= hi || hi > len(toks) {
		return ""
	}
	s := text[toks[lo].Start:toks[hi-1].End]
	return strings.Join(strings.Fields(s), " ")
}

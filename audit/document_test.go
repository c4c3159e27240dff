package audit

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParagraphsAreBlankLineSeparatedBlocks(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		lines [][2]int // first, last line of each paragraph
	}{
		{"a lone line is a paragraph", "Title", [][2]int{{1, 1}}},
		{"blank lines separate paragraphs", "Title\n\nOne.\n\n\nTwo.\n", [][2]int{{1, 1}, {3, 3}, {6, 6}}},
		{"adjacent lines form one paragraph", "a b c\nd e f\n\ng", [][2]int{{1, 2}, {4, 4}}},
		{"white-space-only lines are blank", "a\n  \t\nb", [][2]int{{1, 1}, {3, 3}}},
		{"empty text has no paragraphs", "", nil},
		{"hard-wrapped text splits at indented lines",
			"HEADLINE\n\nNEW YORK, June 1 - Leisure Concepts said it has signed\na definitive agreement to be licensing agent for all\n    It said under the terms, Lorimar has received a five\nwarrant to buy up to 250,000 shares.\n",
			[][2]int{{1, 1}, {3, 4}, {5, 6}}},
		{"a file without blank lines reads a paragraph a line",
			"Title of the story\nThe first paragraph ends here.\nThe second one too.\nPhoto: AFP",
			[][2]int{{1, 1}, {2, 2}, {3, 3}, {4, 4}}},
		{"long lines without blank lines are paragraphs even when they run on",
			"Title\n" + strings.Repeat("word ", 30) + "\n" + strings.Repeat("more ", 30),
			[][2]int{{1, 1}, {2, 2}, {3, 3}}},
		{"a hard-wrapped file without blank lines stays one paragraph",
			"The company said on Tuesday that it had signed\nan agreement with the union that would\nend the strike at its plants.\n",
			[][2]int{{1, 3}}},
		{"hard-wrapped text without blank lines still splits at indented lines",
			"HEADLINE\n    It said it has signed\na definitive agreement with them.\n    It said under the terms\nLorimar has received a warrant.\n",
			[][2]int{{1, 1}, {2, 3}, {4, 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDocument("x.txt", tt.text)
			var got [][2]int
			for _, p := range d.Paragraphs {
				got = append(got, [2]int{p.FirstLine, p.LastLine})
			}
			if len(got) != len(tt.lines) {
				t.Fatalf("paragraphs = %v, want %v", got, tt.lines)
			}
			for i := range got {
				if got[i] != tt.lines[i] {
					t.Errorf("paragraph %d = %v, want %v", i, got[i], tt.lines[i])
				}
				if p := d.Paragraphs[i]; d.Text[p.Start:p.End] != p.Text {
					t.Errorf("paragraph %d text does not match its offsets", i)
				}
			}
		})
	}
}

func TestSentencesRespectAbbreviationsAndSplices(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two plain sentences", "It rained. We stayed in.", []string{"It rained.", "We stayed in."}},
		{"month abbreviation does not end a sentence", "MOSCOW, Oct. 7 (Xinhua) - Troops moved. They won.", []string{"MOSCOW, Oct. 7 (Xinhua) - Troops moved.", "They won."}},
		{"title abbreviation does not end a sentence", "Mr. Smith left. He was tired.", []string{"Mr. Smith left.", "He was tired."}},
		{"initials do not end a sentence", "George W. Bush spoke. Then he left.", []string{"George W. Bush spoke.", "Then he left."}},
		{"U.S. inside a sentence", "Two U.S. officials told Reuters. Others did not.", []string{"Two U.S. officials told Reuters.", "Others did not."}},
		{"a wrapped sentence is not cut at its line breaks", "Firefighters battle the blaze in the\ntown of Maskaneh on Tuesday. Photo: AFP", []string{"Firefighters battle the blaze in the\ntown of Maskaneh on Tuesday.", "Photo: AFP"}},
		{"a break after a finished sentence still ends it", "It rained on the whole town.\nWe stayed in there\nall day long", []string{"It rained on the whole town.", "We stayed in there\nall day long"}},
		{"short lines keep their breaks", "Home\nNews\nSport", []string{"Home", "News", "Sport"}},
		{"abbreviations re-join the opening", "Gov. Smith met Lt. Col. Jones on Oct. 17. They talked. Then left.", []string{"Gov. Smith met Lt. Col. Jones on Oct. 17.", "They talked.", "Then left."}},
		{"one sentence, then blank paragraphs", "Only one sentence here\n\n   \n\nAnd another paragraph", []string{"Only one sentence here", "And another paragraph"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDocument("x.txt", tt.text)
			var got []string
			for _, p := range d.Paragraphs {
				for _, s := range d.Sentences(p.Index) {
					got = append(got, s.Text)
					if d.Text[s.Start:s.End] != s.Text {
						t.Errorf("sentence %q does not match its offsets", s.Text)
					}
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("sentences = %q, want %q", got, tt.want)
			}
			// FirstSentence agrees with Sentences, on a fresh document (splitting only the
			// opening) and on this one (split already).
			for _, doc := range []*Document{NewDocument("x.txt", tt.text), d} {
				for _, p := range doc.Paragraphs {
					first, ok := doc.FirstSentence(p.Index)
					all := d.Sentences(p.Index)
					if ok != (len(all) > 0) || ok && first != all[0] {
						t.Errorf("FirstSentence(%d) = %+v, %v; want %+v", p.Index, first, ok, all)
					}
				}
			}
		})
	}
}

func TestSpanCountsColumnsInCharacters(t *testing.T) {
	d := NewDocument("x.txt", "Título\nSyria’s army\n")
	start := strings.Index(d.Text, "army")
	s := d.Span(start, start+len("army"))
	if s.Line != 2 || s.Column != 9 || s.EndLine != 2 || s.EndColumn != 12 {
		t.Errorf("span = %+v, want line 2 columns 9-12", s)
	}
	whole := d.LineSpan(1, 1)
	if whole.Column != 1 || whole.EndColumn != 6 {
		t.Errorf("line span = %+v, want columns 1-6 for a 6-character line", whole)
	}
}

func TestSpanClampsOutOfRangeOffsets(t *testing.T) {
	d := NewDocument("x.txt", "ab\ncd")
	s := d.Span(-5, 100)
	if s.StartOffset != 0 || s.EndOffset != 5 || s.EndLine != 2 {
		t.Errorf("span = %+v, want the whole text", s)
	}
	empty := NewDocument("e.txt", "")
	if s := empty.LineSpan(1, 3); s.Line != 1 || s.EndLine != 1 {
		t.Errorf("empty document line span = %+v, want line 1", s)
	}
}

func TestMemoComputesOncePerDocument(t *testing.T) {
	d := NewDocument("x.txt", "text")
	calls := 0
	for i := 0; i < 3; i++ {
		if v := d.Memo("k", func() any { calls++; return 42 }); v.(int) != 42 {
			t.Fatalf("memo = %v", v)
		}
	}
	if calls != 1 {
		t.Errorf("computed %d times, want once", calls)
	}
}

func FuzzNewDocument(f *testing.F) {
	for _, s := range []string{"", "\n", "a\n\n b\n    c\n", "Oct. 7.In June", "\uFFFD\u200b x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := NewDocument("f.txt", text)
		for i, p := range d.Paragraphs {
			if p.Start > p.End || p.End > len(text) {
				t.Fatalf("bad paragraph offsets %d-%d", p.Start, p.End)
			}
			for _, s := range d.Sentences(i) {
				if s.Start < p.Start || s.End > p.End {
					t.Fatalf("sentence %d-%d outside paragraph %d-%d", s.Start, s.End, p.Start, p.End)
				}
				sp := d.Span(s.Start, s.End)
				if sp.Line < 1 || sp.EndLine < sp.Line {
					t.Fatalf("bad span %+v", sp)
				}
			}
		}
	})
}

func TestSentencesAreSplitOnRequestOnce(t *testing.T) {
	text := "Title\n\nMr. Smith left. He was tired.\n\nIt rained! Did it? Yes.\n"
	d := NewDocument("x.txt", text)
	if d.split[1] {
		t.Fatal("paragraph split before anyone asked")
	}
	first := d.Sentences(1)
	if len(first) != 2 || !d.split[1] || d.split[2] {
		t.Fatalf("Sentences(1) = %+v; split = %v", first, d.split)
	}
	if again := d.Sentences(1); &again[0] != &first[0] {
		t.Errorf("paragraph 1 split twice")
	}
}

func TestSpanColumnsOnLongLinesMatchACountFromTheLineStart(t *testing.T) {
	// Lines longer than the index stride, with multi-byte and invalid bytes, so the indexed
	// count is checked against the plain count at every offset.
	tests := []struct {
		name, text string
	}{
		{"ascii", strings.Repeat("abcdefghij", 100)},
		{"multi-byte", "x\n" + strings.Repeat("é日本😀a", 120) + "\nend"},
		{"invalid bytes", strings.Repeat("a\xff\xe2\x82b", 200) + "\n" + strings.Repeat("ü", 300)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDocument("x", tt.text)
			for off := 0; off <= len(tt.text); off++ {
				line, col := d.position(off)
				l := d.Lines[line-1]
				want := utf8.RuneCountInString(tt.text[l.Start:min(off, l.End)]) + 1
				if col != want {
					t.Fatalf("offset %d: column %d, want %d", off, col, want)
				}
			}
		})
	}
}

// BenchmarkSpanOnOneLongLine locates a finding every few bytes of one long line; ns/op of
// the 4x case must stay near four times the 1x case (it was sixteen times: each column was
// counted from the line start).
func BenchmarkSpanOnOneLongLine(b *testing.B) {
	for _, scale := range []int{1, 4} {
		text := strings.Repeat("ab\u00e9 ", 25_000*scale)
		b.Run(fmt.Sprintf("%dx", scale), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				d := NewDocument("x", text)
				for off := 0; off < len(text); off += 5 {
					d.Span(off, off+2)
				}
			}
		})
	}
}

func TestHasFieldsAgreesWithStringsFields(t *testing.T) {
	lines := []string{"", " ", "one", "one two three", "one two three four", " a\tb\u00a0c\u0085d ", "a\vb\fc\rd",
		"\xff \xfe x y", "Firefighters battle the blaze", "   lead   spaces  and   trail   ", "a\u2003b\u3000c d"}
	for _, l := range lines {
		for n := 1; n <= 5; n++ {
			if got, want := hasFields(l, n), len(strings.Fields(l)) >= n; got != want {
				t.Errorf("hasFields(%q, %d) = %v, want %v", l, n, got, want)
			}
		}
	}
}

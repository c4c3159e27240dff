package language

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/textaudit/textaudit/audit"
)

// Mojibake flags UTF-8 text that was decoded as a single-byte code page somewhere upstream —
// Windows-1252 or Latin-1 ("Ã©" for "é", "â€™" for "’", "Ð¸" for "и"), Windows-1250
// ("Ä›" for "ě"), Windows-1251 ("РїСЂ" for "пр") — and words of one single-byte code page
// read as another ("MacedoniŽ" for "Macedonië"). A file with mojibake on more than max_lines
// lines was decoded wrongly as a whole: it gets one finding listing the lines.
var Mojibake = &audit.Rule{
	ID:          "language.mojibake",
	Category:    audit.Language,
	Severity:    audit.Warning,
	Description: "Mojibake: UTF-8 decoded as Windows-1252/1250/1251 or Latin-1 (\"Ã©\", \"â€™\", \"Ä›\", \"РїСЂ\"), or one code page read as another (\"MacedoniŽ\")",
	Params: []audit.Param{
		audit.IntParam("max_lines", 3, 0, audit.Unbounded, "lines with mojibake reported one by one; more make one finding for the file (0: no limit)",
			func(p *mojibakeParams) *int { return &p.maxLines }),
	},
	Check: checkMojibake,
}

// mojibakeParams are language.mojibake's thresholds.
type mojibakeParams struct{ maxLines int }

// codePage is a single-byte code page UTF-8 may have been decoded as: its characters mapped
// back to their bytes, and how many mis-decoded sequences a line needs before it counts
// (Windows-1250 and -1251 turn ordinary Czech or Russian pairs such as "Р»" in «ДНР» into
// one plausible sequence, but real mojibake in those code pages comes in runs).
type codePage struct {
	name    string
	byteOf  map[rune]byte
	minSeqs int
	// adjacent: the sequences must follow one another with nothing between ("РїСЂ"): every
	// Cyrillic letter becomes two characters, while «ДНР» and «СССР» hold "Р»" apart.
	adjacent bool
}

func codePageOf(name string, cm *charmap.Charmap, minSeqs int, adjacent bool) codePage {
	m := map[rune]byte{}
	for b := 0x80; b <= 0xFF; b++ {
		r := cm.DecodeByte(byte(b))
		if r == utf8.RuneError || r == rune(b) && b < 0xA0 {
			m[rune(b)] = byte(b)
			continue
		}
		m[r] = byte(b)
	}
	// The C1 controls stand for the bytes a code page leaves undefined (Latin-1 decoding).
	for b := 0x80; b < 0xA0; b++ {
		if _, ok := m[rune(b)]; !ok {
			m[rune(b)] = byte(b)
		}
	}
	return codePage{name: name, byteOf: m, minSeqs: minSeqs, adjacent: adjacent}
}

// codePages are tried in this order; Windows-1252 (which covers Latin-1) is by far the most
// common.
var codePages = []codePage{
	codePageOf("Windows-1252", charmap.Windows1252, 1, false),
	codePageOf("Windows-1250", charmap.Windows1250, 2, false),
	codePageOf("Windows-1251", charmap.Windows1251, 2, true),
}

// plausibleRepair limits repairs to characters that real text is full of; a pair such as
// "Ó»" (a closing guillemet after a capital) would otherwise "repair" to a rare letter.
func plausibleRepair(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0x24F, // Latin-1 supplement, Latin Extended-A and -B
		r >= 0x370 && r <= 0x3FF,   // Greek
		r >= 0x400 && r <= 0x45F,   // basic Cyrillic
		r >= 0x5D0 && r <= 0x5EA,   // Hebrew letters
		r >= 0x620 && r <= 0x64A,   // Arabic letters
		r >= 0x2010 && r <= 0x203A, // dashes, quotes, bullets, ellipsis
		r >= 0x20A0 && r <= 0x20BF, // currency
		r == 0x2122,
		r >= 0x3040 && r <= 0x30FF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3,
		r >= 0x1F300 && r <= 0x1FAFF:
		return true
	}
	return false
}

// mojibakeAt tries to read a UTF-8 sequence mis-decoded as cp at text[i:]; it returns its
// length in bytes of text and the character it stood for.
func mojibakeAt(text string, i int, cp *codePage) (int, rune, bool) {
	r, size := utf8.DecodeRuneInString(text[i:])
	lead, ok := cp.byteOf[r]
	if !ok || lead < 0xC2 || lead > 0xF4 {
		return 0, 0, false
	}
	need := 1
	switch {
	case lead >= 0xF0:
		need = 3
	case lead >= 0xE0:
		need = 2
	}
	buf := [4]byte{lead}
	j := i + size
	for k := 1; k <= need; k++ {
		c, csize := utf8.DecodeRuneInString(text[j:])
		b, ok := cp.byteOf[c]
		if !ok || b < 0x80 || b > 0xBF {
			return 0, 0, false
		}
		buf[k] = b
		j += csize
	}
	fixed, fsize := utf8.DecodeRune(buf[:need+1])
	if fixed == utf8.RuneError || fsize != need+1 || !plausibleRepair(fixed) {
		return 0, 0, false
	}
	return j - i, fixed, true
}

// lineMojibake is what one line holds: mis-decoded sequences of one code page, or words
// whose case betrays a single-byte code page read as another.
type lineMojibake struct {
	start, end int // byte offsets in the line of the span to report
	msg        string
	ev         audit.Evidence
}

// scanLine finds the mojibake of one line, trying each code page in turn.
func scanLine(text string) (lineMojibake, bool) {
	for k := range codePages {
		if m, ok := scanCodePage(text, &codePages[k]); ok {
			return m, true
		}
	}
	return caseAnomaly(text)
}

func scanCodePage(text string, cp *codePage) (lineMojibake, bool) {
	var seqs, points []string
	count, run, longest := 0, 0, 0
	var repaired strings.Builder
	first, last, prev := -1, 0, 0
	var fixedFirst rune
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			run = 0
			i++
			continue
		}
		n, fixed, ok := mojibakeAt(text, i, cp)
		if !ok {
			run = 0
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		if first < 0 {
			first, fixedFirst = i, fixed
		}
		repaired.WriteString(text[prev:i])
		repaired.WriteRune(fixed)
		seq := text[i : i+n]
		count++
		run++
		longest = max(longest, run)
		if len(seqs) < 5 {
			seqs = append(seqs, seq)
			points = append(points, fmt.Sprintf("%s = U+%04X", runeList(seq), fixed))
		}
		i += n
		prev, last = i, i
	}
	if first < 0 || count < cp.minSeqs || cp.adjacent && longest < cp.minSeqs {
		return lineMojibake{}, false
	}
	start, end := wordAround(text, first, last)
	fixedText := repaired.String() + text[prev:]
	fs, fe := wordAround(fixedText, first, len(repaired.String()))
	return lineMojibake{start: start, end: end,
		msg: fmt.Sprintf("mojibake: %d sequence(s) of UTF-8 read as %s, first %s for %q", count, cp.name, points[0], fixedFirst),
		ev:  audit.Evidence{"sequences": seqs, "code_points": points, "count": count, "repaired": fixedText[fs:fe], "code_page": cp.name}}, true
}

// caseAnomaly finds a word whose letters are lower case but for a non-ASCII capital after
// three or more of them ("MacedoniŽ", "GewŠhr"): the mark of a byte of one single-byte code
// page read in another (here Latin-1 "ë" read as Mac Central European "Ž"). Which pair of
// code pages it was cannot be told from one word, so nothing is repaired. Irish "hÉireann"
// (a capital after one or two letters) and names such as "McDonald" (ASCII) are not taken.
func caseAnomaly(text string) (lineMojibake, bool) {
	count, first, firstEnd := 0, -1, 0
	var words []string
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		lowerRun, odd := 0, false
		for j < len(text) {
			c, csize := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(c) {
				break
			}
			switch {
			case unicode.IsLower(c):
				lowerRun++
			case c >= utf8.RuneSelf && unicode.IsUpper(c) && lowerRun >= 3:
				odd = true
			default:
				if j > i && !odd {
					lowerRun = 0 // a capital inside an ASCII name restarts the run
				}
			}
			j += csize
		}
		if odd {
			count++
			if first < 0 {
				first, firstEnd = i, j
			}
			if len(words) < 5 {
				words = append(words, text[i:j])
			}
		}
		i = j
	}
	if count == 0 {
		return lineMojibake{}, false
	}
	return lineMojibake{start: first, end: firstEnd,
		msg: fmt.Sprintf("mojibake: %d word(s) with a capital letter after lower-case ones, first %q: a single-byte code page read as another", count, words[0]),
		ev:  audit.Evidence{"words": words, "count": count, "code_page": "single-byte"}}, true
}

func checkMojibake(p *audit.Pass) {
	if isASCII(p.Doc.Text) {
		return // mojibake is made of non-ASCII characters
	}
	type found struct {
		line int
		m    lineMojibake
		off  int
	}
	var all []found
	for _, l := range p.Doc.Lines {
		if isASCII(l.Text) {
			continue
		}
		if m, ok := scanLine(l.Text); ok {
			all = append(all, found{line: l.Number, m: m, off: l.Start})
		}
	}
	if maxLines := audit.DecodeParams[mojibakeParams](p.Params).maxLines; maxLines > 0 && len(all) > maxLines {
		f := all[0]
		lines := make([]int, 0, min(len(all), maxListedLines))
		for _, g := range all[:min(len(all), maxListedLines)] {
			lines = append(lines, g.line)
		}
		ev := f.m.ev
		ev["lines"] = lines
		ev["line_count"] = len(all)
		p.Report(f.off+f.m.start, f.off+f.m.end, fmt.Sprintf("%s; mojibake on %d lines of this file: it was decoded with the wrong code page as a whole", f.m.msg, len(all)), ev)
		return
	}
	for _, f := range all {
		p.Report(f.off+f.m.start, f.off+f.m.end, f.m.msg, f.m.ev)
	}
}

// maxListedLines bounds the lines a file-wide mojibake finding lists.
const maxListedLines = 20

// hasMojibake reports whether text holds at least one UTF-8 sequence mis-decoded as
// Windows-1252 (the code page whose single sequences count).
func hasMojibake(text string) bool {
	for i := 0; i < len(text); {
		if text[i] >= 0x80 {
			if _, _, ok := mojibakeAt(text, i, &codePages[0]); ok {
				return true
			}
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return false
}

func runeList(s string) string {
	var parts []string
	for _, r := range s {
		parts = append(parts, fmt.Sprintf("U+%04X", r))
	}
	return strings.Join(parts, " ")
}

func isASCII(s string) bool {
	i := 0
	// Eight bytes at a time: the compiler merges these loads into one.
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

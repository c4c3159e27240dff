package language

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/textaudit/textaudit/audit"
)

// Mojibake flags UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere upstream:
// "Ã©" for "é", "â€™" for "’", "Ð¸" for "и".
var Mojibake = &audit.Rule{
	ID:                "language.mojibake",
	Category:          audit.Language,
	Severity:          audit.Warning,
	Description:       "Mojibake: UTF-8 decoded as Windows-1252/Latin-1 (\"Ã©\", \"â€™\", \"Ð¸\")",
	Check:             checkMojibake,
	SentencesOnDemand: true,
}

// cp1252Byte maps the characters of Windows-1252's upper half (and the C1 controls Latin-1
// leaves for the bytes Windows-1252 does not define) back to their byte.
var cp1252Byte = func() map[rune]byte {
	m := map[rune]byte{}
	for b := 0x80; b <= 0xFF; b++ {
		r := charmap.Windows1252.DecodeByte(byte(b))
		if r == utf8.RuneError || r == rune(b) && b < 0xA0 {
			m[rune(b)] = byte(b)
			continue
		}
		m[r] = byte(b)
	}
	for b := 0x80; b < 0xA0; b++ {
		if _, ok := m[rune(b)]; !ok {
			m[rune(b)] = byte(b)
		}
	}
	return m
}()

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

// mojibakeAt tries to read a mis-decoded UTF-8 sequence at text[i:]; it returns its length
// in bytes of text and the character it stood for.
func mojibakeAt(text string, i int) (int, rune, bool) {
	r, size := utf8.DecodeRuneInString(text[i:])
	lead, ok := cp1252Byte[r]
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
		b, ok := cp1252Byte[c]
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

func checkMojibake(p *audit.Pass) {
	if isASCII(p.Doc.Text) {
		return // mojibake is made of non-ASCII characters
	}
	for _, l := range p.Doc.Lines {
		if isASCII(l.Text) {
			continue
		}
		var seqs, points []string
		count := 0
		var repaired strings.Builder
		first, last, prev := -1, 0, 0
		var fixedFirst rune
		for i := 0; i < len(l.Text); {
			n, fixed, ok := mojibakeAt(l.Text, i)
			if !ok {
				_, size := utf8.DecodeRuneInString(l.Text[i:])
				i += size
				continue
			}
			if first < 0 {
				first, fixedFirst = i, fixed
			}
			repaired.WriteString(l.Text[prev:i])
			repaired.WriteRune(fixed)
			seq := l.Text[i : i+n]
			count++
			if len(seqs) < 5 {
				seqs = append(seqs, seq)
				points = append(points, fmt.Sprintf("%s = U+%04X", runeList(seq), fixed))
			}
			i += n
			prev, last = i, i
		}
		if first < 0 {
			continue
		}
		start, end := wordAround(l.Text, first, last)
		fixedText := repaired.String() + l.Text[prev:]
		fs, fe := wordAround(fixedText, first, len(repaired.String()))
		p.Report(l.Start+start, l.Start+end,
			fmt.Sprintf("mojibake: %d sequence(s) of UTF-8 read as Windows-1252, first %s for %q", count, points[0], fixedFirst),
			audit.Evidence{"sequences": seqs, "code_points": points, "count": count, "repaired": fixedText[fs:fe]})
	}
}

// hasMojibake reports whether text holds at least one mis-decoded UTF-8 sequence.
func hasMojibake(text string) bool {
	for i := 0; i < len(text); {
		if text[i] >= 0x80 {
			if _, _, ok := mojibakeAt(text, i); ok {
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

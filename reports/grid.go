package reports

import (
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// A grid is a plain-text table that fits a width: its columns are separated by two spaces
// and its header is underlined. When the natural width is too wide, columns that may shrink
// give way: paths are cut from the left (the file name is the part people read), long
// cells wrap. Callers offer several layouts, widest first, and fitLayout picks the first
// that can fit.

// fit says how a column may shrink.
type fit int

const (
	fixed   fit = iota // never narrower than its widest cell
	cutLeft            // cut from the left with "…" (paths)
	wrap               // wrap at spaces, and inside words that are too long
)

// gridColumn describes one column.
type gridColumn struct {
	head  string
	right bool // right-aligned (numbers)
	fit   fit
	min   int // narrowest width a shrinking column may take
}

// gridCell is a cell's text and its colour (an ANSI code, or "" for none).
type gridCell struct {
	text  string
	color string
}

// grid is one layout: columns and rows of cells.
type grid struct {
	cols []gridColumn
	rows [][]gridCell
}

// add appends a row; cell texts come from audited files (paths, evidence), so control
// characters are shown visibly rather than sent to the terminal.
func (g *grid) add(cells ...gridCell) {
	for i := range cells {
		cells[i].text = Printable(cells[i].text)
	}
	g.rows = append(g.rows, cells)
}

const gridGap = 2

// nbsp joins the words of a unit that wrapping must not split.
const nbsp = "\u00a0"

// natural returns each column's widest cell (header included).
func (g *grid) natural() []int {
	w := make([]int, len(g.cols))
	for i, c := range g.cols {
		w[i] = runewidth.StringWidth(c.head)
	}
	for _, row := range g.rows {
		for i, c := range row {
			w[i] = max(w[i], runewidth.StringWidth(c.text))
		}
	}
	return w
}

// minimum returns the narrowest total width the layout can take.
func (g *grid) minimum() int {
	nat := g.natural()
	total := gridGap * (len(g.cols) - 1)
	for i, c := range g.cols {
		if c.fit == fixed {
			total += nat[i]
		} else {
			total += min(nat[i], max(c.min, runewidth.StringWidth(c.head)))
		}
	}
	return total
}

// widths fits the columns into width (0: no limit): the widest shrinkable column gives a
// character at a time, down to its minimum, so shrinking columns end up balanced rather
// than one of them crushed.
func (g *grid) widths(width int) []int {
	w := g.natural()
	if width <= 0 {
		return w
	}
	total := gridGap * (len(g.cols) - 1)
	for _, x := range w {
		total += x
	}
	for total > width {
		widest := -1
		for i, c := range g.cols {
			floor := max(c.min, runewidth.StringWidth(c.head))
			if c.fit != fixed && w[i] > floor && (widest < 0 || w[i] > w[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		w[widest]--
		total--
	}
	return w
}

// fitLayout picks the first layout whose minimum fits width, or the last one.
func fitLayout(width int, layouts ...*grid) *grid {
	if width <= 0 {
		return layouts[0]
	}
	for _, g := range layouts {
		if g.minimum() <= width {
			return g
		}
	}
	return layouts[len(layouts)-1]
}

// fitsNaturally reports whether the layout fits width without cutting or wrapping.
func (g *grid) fitsNaturally(width int) bool {
	if width <= 0 {
		return true
	}
	total := gridGap * (len(g.cols) - 1)
	for _, x := range g.natural() {
		total += x
	}
	return total <= width
}

// render writes the grid fitted into width, painting with colour codes when color is set.
func (g *grid) render(w io.Writer, width int, color bool) error {
	ws := g.widths(width)
	var b strings.Builder
	head := make([]gridCell, len(g.cols))
	for i, c := range g.cols {
		head[i] = gridCell{text: c.head, color: ansiBold}
	}
	g.line(&b, ws, head, color)
	under := make([]gridCell, len(g.cols))
	for i := range g.cols {
		under[i] = gridCell{text: strings.Repeat("─", ws[i])}
	}
	g.line(&b, ws, under, false)
	for _, row := range g.rows {
		g.line(&b, ws, row, color)
		if b.Len() > 1<<16 {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// line writes one row, which may take several lines when cells wrap.
func (g *grid) line(b *strings.Builder, ws []int, row []gridCell, color bool) {
	cells := make([][]string, len(row))
	height := 1
	for i, c := range row {
		switch {
		case runewidth.StringWidth(c.text) <= ws[i]:
			cells[i] = []string{strings.ReplaceAll(c.text, nbsp, " ")}
		case g.cols[i].fit == cutLeft:
			cells[i] = []string{cutFromLeft(c.text, ws[i])}
		case g.cols[i].fit == wrap:
			cells[i] = wrapText(c.text, ws[i])
		default:
			cells[i] = []string{c.text}
		}
		height = max(height, len(cells[i]))
	}
	for k := 0; k < height; k++ {
		var ln strings.Builder
		for i, c := range row {
			text := ""
			if k < len(cells[i]) {
				text = cells[i][k]
			}
			pad := strings.Repeat(" ", max(0, ws[i]-runewidth.StringWidth(text)))
			if color && c.color != "" && text != "" {
				text = c.color + text + ansiReset
			}
			if i > 0 {
				ln.WriteString(strings.Repeat(" ", gridGap))
			}
			if g.cols[i].right {
				ln.WriteString(pad + text)
			} else {
				ln.WriteString(text + pad)
			}
		}
		b.WriteString(strings.TrimRight(ln.String(), " "))
		b.WriteByte('\n')
	}
}

// cutFromLeft keeps the end of s within width, marking the cut with "…".
func cutFromLeft(s string, width int) string {
	if width <= 1 {
		return "…"
	}
	rs := []rune(s)
	w := 1
	i := len(rs)
	for i > 0 && w+runewidth.RuneWidth(rs[i-1]) <= width {
		w += runewidth.RuneWidth(rs[i-1])
		i--
	}
	return "…" + string(rs[i:])
}

// wrapText breaks s into lines of at most width columns, at spaces where it can and inside
// a word only when the word alone is too long.
func wrapText(s string, width int) []string {
	if width < 1 {
		width = 1
	}
	var lines []string
	var cur []rune
	curW := 0
	flush := func() {
		lines = append(lines, strings.ReplaceAll(strings.TrimRight(string(cur), " "), nbsp, " "))
		cur, curW = cur[:0], 0
	}
	// Words split at plain spaces only: a no-break space (U+00A0) holds a unit together,
	// "date −4", and prints as a space.
	for _, word := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }) {
		ww := runewidth.StringWidth(word)
		if curW > 0 && curW+1+ww > width {
			flush()
		}
		if curW > 0 {
			cur = append(cur, ' ')
			curW++
		}
		for _, r := range word {
			rw := runewidth.RuneWidth(r)
			if curW+rw > width && curW > 0 {
				flush()
			}
			cur = append(cur, r)
			curW += rw
		}
	}
	if curW > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

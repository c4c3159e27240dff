package duplicate

// The alignment is hand-written rather than taken from a diff library: diff libraries
// (sergi/go-diff, pmezard/go-difflib) align two texts end to end, but a copied sentence sits
// inside a longer paragraph on either side, so we need a local alignment (Smith-Waterman)
// that finds where the shared stretch starts and ends. It is forty lines over word keys.

// maxAlignTokens caps each side of an alignment; callers cut longer paragraphs into pieces
// of this size, which keeps one alignment at most maxAlignTokens² steps.
const maxAlignTokens = 600

// Change is a run of unmatched words inside an alignment: words a[AStart:AEnd] of one side
// stand where b[BStart:BEnd] stand in the other. Both sides non-empty make a substitution;
// one side empty is an insertion or a deletion.
type Change struct {
	AStart, AEnd, BStart, BEnd int
}

// Substitution reports whether both sides of the change hold words.
func (c Change) Substitution() bool { return c.AEnd > c.AStart && c.BEnd > c.BStart }

// Alignment is the best local word alignment of two sequences: the aligned stretches
// a[AStart:AEnd] and b[BStart:BEnd], how many words match, and the changes between them.
type Alignment struct {
	AStart, AEnd, BStart, BEnd int
	Matches                    int
	Changes                    []Change
}

// ALen and BLen are the lengths of the aligned stretches.
func (al Alignment) ALen() int { return al.AEnd - al.AStart }

// BLen is the length of the aligned stretch of b.
func (al Alignment) BLen() int { return al.BEnd - al.BStart }

// Kept is the share of words of the longer aligned stretch that are matched.
func (al Alignment) Kept() float64 {
	n := max(al.ALen(), al.BLen())
	if n == 0 {
		return 0
	}
	return float64(al.Matches) / float64(n)
}

const (
	stepStop byte = iota
	stepDiag
	stepUp   // a word of a only
	stepLeft // a word of b only
)

// Alignment scores: a one-for-one synonym swap must cost less than a gap (spinners swap word
// for word far more than they insert), and skipping a word to match the next one must gain
// nothing, so an alignment does not wander through unrelated text matching "the" and "of".
const (
	scoreMatch    = 3
	scoreMismatch = -2
	scoreGap      = -3
)

// Align finds the best local alignment of word sequences a and b (compared by equal words,
// kind bits ignored). Sequences longer than maxAlignTokens are cut to that length.
func Align(a, b []uint32) Alignment { return new(aligner).align(a, b) }

// aligner keeps the alignment's tables between calls: the verification loops align
// thousands of candidate pairs, and allocating (n+1)·(m+1) steps for each was a fifth of
// the duplicate family's time. Not safe for concurrent use; one per goroutine.
type aligner struct {
	dir       []byte
	prev, cur []int32
	keys      []uint32 // b's keys without their kind bits
}

func (x *aligner) align(a, b []uint32) Alignment {
	a, b = a[:min(len(a), maxAlignTokens)], b[:min(len(b), maxAlignTokens)]
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return Alignment{}
	}
	w := m + 1
	// Every step a traceback can read (rows and columns from 1) is written below, so the
	// reused table needs no clearing; row 0 of the scores does.
	x.dir = grow(x.dir, (n+1)*w)
	x.prev, x.cur = grow(x.prev, w), grow(x.cur, w)
	x.keys = grow(x.keys, m)
	dir, prev, cur, keys := x.dir, x.prev, x.cur, x.keys
	for j, k := range b {
		keys[j] = k &^ 3 // unmasked once, not once per row
	}
	clear(prev)
	var best int32
	bi, bj := 0, 0
	for i := 1; i <= n; i++ {
		cur[0] = 0
		ai := a[i-1] &^ 3
		// Row slices of exactly m cells, shifted by one column, let the compiler drop the
		// bounds checks; the recurrence and its tie order are the plain form's.
		up1, cur1, row1 := prev[1:w], cur[1:w], dir[i*w+1:i*w+w]
		_, _, _ = up1[len(keys)-1], cur1[len(keys)-1], row1[len(keys)-1]
		diagPrev, left := prev[0], cur[0]
		for j, k := range keys {
			s, d := int32(0), stepStop
			diag := diagPrev + scoreMismatch
			if ai == k {
				diag = diagPrev + scoreMatch
			}
			if diag > s {
				s, d = diag, stepDiag
			}
			up := up1[j]
			if g := up + scoreGap; g > s {
				s, d = g, stepUp
			}
			if g := left + scoreGap; g > s {
				s, d = g, stepLeft
			}
			cur1[j] = s
			row1[j] = d
			diagPrev, left = up, s
			if s > best {
				best, bi, bj = s, i, j+1
			}
		}
		prev, cur = cur, prev
	}
	if best == 0 {
		return Alignment{}
	}
	return traceback(a, b, dir, w, bi, bj)
}

// grow returns s resliced to n elements, reallocated only when its capacity is short.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// traceback walks back from the best cell, collecting matches and runs of changes.
func traceback(a, b []uint32, dir []byte, w, i, j int) Alignment {
	al := Alignment{AEnd: i, BEnd: j}
	var changes []Change
	open := false // a change run is being collected (walking backwards)
	for i > 0 && j > 0 {
		d := dir[i*w+j]
		if d == stepStop {
			break
		}
		if d == stepDiag && a[i-1]&^3 == b[j-1]&^3 {
			al.Matches++
			open = false
			i, j = i-1, j-1
			continue
		}
		if !open {
			changes = append(changes, Change{AStart: i, AEnd: i, BStart: j, BEnd: j})
			open = true
		}
		c := &changes[len(changes)-1]
		switch d {
		case stepDiag:
			i, j = i-1, j-1
		case stepUp:
			i--
		default:
			j--
		}
		c.AStart, c.BStart = i, j
	}
	al.AStart, al.BStart = i, j
	for l, r := 0, len(changes)-1; l < r; l, r = l+1, r-1 {
		changes[l], changes[r] = changes[r], changes[l]
	}
	al.Changes = changes
	return al
}

// Extend stretches a local alignment to the ends of both sequences when what is left
// outside it is at most slack words on each side, so "Russia launched video" against
// "Russia released video" keeps its first words as a match and a swap rather than dropping
// them. Words equal from the outer end count as matches; the rest becomes one change.
func (al Alignment) Extend(a, b []uint32, slack int) Alignment {
	n, m := min(len(a), maxAlignTokens), min(len(b), maxAlignTokens)
	if al.AStart <= slack && al.BStart <= slack && al.AStart+al.BStart > 0 {
		i, j := 0, 0
		for i < al.AStart && j < al.BStart && a[i]&^3 == b[j]&^3 {
			i, j = i+1, j+1
			al.Matches++
		}
		if i < al.AStart || j < al.BStart {
			al.Changes = append([]Change{{AStart: i, AEnd: al.AStart, BStart: j, BEnd: al.BStart}}, al.Changes...)
		}
		al.AStart, al.BStart = 0, 0
	}
	if n-al.AEnd <= slack && m-al.BEnd <= slack && n-al.AEnd+m-al.BEnd > 0 {
		i, j := n, m
		for i > al.AEnd && j > al.BEnd && a[i-1]&^3 == b[j-1]&^3 {
			i, j = i-1, j-1
			al.Matches++
		}
		if i > al.AEnd || j > al.BEnd {
			al.Changes = append(al.Changes, Change{AStart: al.AEnd, AEnd: i, BStart: al.BEnd, BEnd: j})
		}
		al.AEnd, al.BEnd = n, m
	}
	return al
}

package duplicate

import (
	"slices"
	"sync/atomic"

	"github.com/textaudit/textaudit/audit"
)

// The corpus pass keeps a memo in the cache (audit.CorpusMemo): every alignment findCopies
// verified, under the words of the two units it compared. An alignment and its verdict
// depend on those words and on the run's parameters alone (the cache keys the memo by the
// run), so a run after a few files changed aligns only the candidate pairs that involve
// their paragraphs and reads the others' results from the memo. Retrieval and reporting
// run whole every time: they depend on the whole corpus (how common a feature is, which
// copy of a paragraph is the closest), and they are what keeps warm findings identical to
// cold ones.

// unitHash is a 128-bit hash of a unit's words, kind bits included.
type unitHash [2]uint64

// pairKey names one verified comparison: unit a's words against unit b's, in that order.
type pairKey [2]unitHash

// memoResult is one comparison's outcome: whether it is a copy and, when it is, the
// alignment (the others need none).
type memoResult struct {
	copy bool
	al   Alignment
}

type memoEntry struct {
	key pairKey
	res memoResult
}

// alignMemo is the memo of one run: what the last run saved, and what this one used or
// made, per findCopies worker (saved in its place).
type alignMemo struct {
	old    map[pairKey]memoResult
	hashes []unitHash // by unit, set by findCopies
	kept   [][]memoEntry
	ran    bool // findCopies ran: kept is this run's memo
}

// verified and aligned count, over the process, the comparisons verify judged and those it
// had to align (the others came from a memo): tests read them to see the memo spare work.
var verified, aligned atomic.Int64

// memoMagic opens a saved memo; the digit changes with the layout.
const memoMagic = "duplicate.cross memo 1"

// hashWords hashes a unit's words in two independent lanes (a multiply-xorshift mix each),
// so that two different units sharing a key is a 2^-128 chance, not a concern.
func hashWords(words []uint32) unitHash {
	h0 := uint64(0x9E3779B97F4A7C15) ^ uint64(len(words))
	h1 := uint64(0xC2B2AE3D27D4EB4F) + uint64(len(words))
	for _, w := range words {
		h0 = (h0 ^ uint64(w)) * 0xFF51AFD7ED558CCD
		h0 ^= h0 >> 33
		h1 = (h1 + uint64(w)) * 0xC4CEB9FE1A85EC53
		h1 ^= h1 >> 29
	}
	return unitHash{h0, h1}
}

// LoadMemo implements audit.CorpusMemo. A memo that does not decode whole is dropped.
func (c *crossCheck) LoadMemo(b []byte) {
	c.memo = &alignMemo{old: decodeMemo(b)}
}

func decodeMemo(b []byte) map[pairKey]memoResult {
	if b == nil {
		return nil
	}
	r := audit.NewSigReader(b)
	if r.String() != memoMagic {
		return nil
	}
	n := r.Len()
	old := make(map[pairKey]memoResult, min(n, len(b)/33))
	for i := 0; i < n && r.Err() == nil; i++ {
		var k pairKey
		k[0][0], k[0][1], k[1][0], k[1][1] = r.Fixed64(), r.Fixed64(), r.Fixed64(), r.Fixed64()
		var res memoResult
		if res.copy = r.Bool(); res.copy {
			al := &res.al
			al.AStart, al.AEnd, al.BStart, al.BEnd, al.Matches = int(r.Int()), int(r.Int()), int(r.Int()), int(r.Int()), int(r.Int())
			nc := r.Len()
			for j := 0; j < nc && r.Err() == nil; j++ {
				al.Changes = append(al.Changes, Change{AStart: int(r.Int()), AEnd: int(r.Int()), BStart: int(r.Int()), BEnd: int(r.Int())})
			}
			if !al.valid() {
				return nil
			}
		}
		old[k] = res
	}
	if r.Done() != nil {
		return nil
	}
	return old
}

// valid tells whether an alignment read from a memo stays inside the units it was made
// for, so a damaged memo cannot make the report slice out of range.
func (al Alignment) valid() bool {
	ok := func(lo, hi int) bool { return 0 <= lo && lo <= hi && hi <= maxAlignTokens }
	if !ok(al.AStart, al.AEnd) || !ok(al.BStart, al.BEnd) || al.Matches < 0 {
		return false
	}
	for _, ch := range al.Changes {
		if !ok(ch.AStart, ch.AEnd) || !ok(ch.BStart, ch.BEnd) || ch.AStart < al.AStart || ch.AEnd > al.AEnd || ch.BStart < al.BStart || ch.BEnd > al.BEnd {
			return false
		}
	}
	return true
}

// SaveMemo implements audit.CorpusMemo: the comparisons this run used or made, sorted so
// that the same corpus saves the same bytes.
func (c *crossCheck) SaveMemo() []byte {
	if c.memo == nil || !c.memo.ran {
		return nil
	}
	var all []memoEntry
	for _, k := range c.memo.kept {
		all = append(all, k...)
	}
	slices.SortFunc(all, func(x, y memoEntry) int { return comparePairKeys(x.key, y.key) })
	all = slices.CompactFunc(all, func(x, y memoEntry) bool { return x.key == y.key })
	var w audit.SigWriter
	w.String(memoMagic)
	w.Uint(uint64(len(all)))
	for _, e := range all {
		for _, v := range [4]uint64{e.key[0][0], e.key[0][1], e.key[1][0], e.key[1][1]} {
			w.Fixed64(v)
		}
		w.Bool(e.res.copy)
		if e.res.copy {
			al := e.res.al
			for _, v := range [5]int{al.AStart, al.AEnd, al.BStart, al.BEnd, al.Matches} {
				w.Int(int64(v))
			}
			w.Uint(uint64(len(al.Changes)))
			for _, ch := range al.Changes {
				for _, v := range [4]int{ch.AStart, ch.AEnd, ch.BStart, ch.BEnd} {
					w.Int(int64(v))
				}
			}
		}
	}
	return w.Bytes()
}

func comparePairKeys(x, y pairKey) int {
	for i := range 2 {
		for j := range 2 {
			if x[i][j] != y[i][j] {
				if x[i][j] < y[i][j] {
					return -1
				}
				return 1
			}
		}
	}
	return 0
}

// verify aligns unit u's words a with unit v's words b and tells whether they make a copy,
// reading the outcome from the memo when the last run compared the same words. worker is
// the calling findCopies worker, whose list records what this run keeps.
func (c *crossCheck) verify(aln *aligner, worker int, u, v uint32, a, b []uint32) (Alignment, bool) {
	m := c.memo
	if m == nil {
		al := aln.align(a, b).Extend(a, b, extendSlack)
		return al, c.isCopy(al, a)
	}
	key := pairKey{m.hashes[u], m.hashes[v]}
	res, ok := m.old[key]
	if ok && res.copy && (res.al.AEnd > len(a) || res.al.BEnd > len(b)) {
		ok = false // not these words' alignment after all: recompute it
	}
	verified.Add(1)
	if !ok {
		aligned.Add(1)
		res.al = aln.align(a, b).Extend(a, b, extendSlack)
		res.copy = c.isCopy(res.al, a)
		if !res.copy {
			res.al = Alignment{}
		}
	}
	m.kept[worker] = append(m.kept[worker], memoEntry{key, res})
	// The memo's alignment may stand for several pairs: each gets its own changes, so
	// appending to one never writes into another's.
	al := res.al
	al.Changes = slices.Clip(al.Changes)
	return al, res.copy
}

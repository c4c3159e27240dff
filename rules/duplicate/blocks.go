package duplicate

import "fmt"

// blockSize is how many values one block of a blocks store holds; a run appended at once
// never straddles two blocks, so it must be at least maxAlignTokens.
const blockSize = 1 << 16

// blocks is an append-only store kept in fixed-size blocks: growing it never copies what is
// already stored. The corpus index appends every paragraph's words and features to one of
// these; as plain slices, their doublings (hundreds of megabytes at 100,000 files) cost a
// tenth of the duplicate family's time in copying on the single indexing goroutine.
type blocks[T any] struct {
	list [][]T
}

// appendRun stores xs contiguously and returns its position. len(xs) <= blockSize is the
// callers' invariant (a unit has at most maxAlignTokens words and features); a longer run
// would make positions ambiguous, so it is refused loudly rather than stored wrong.
func (b *blocks[T]) appendRun(xs []T) int64 {
	if len(xs) > blockSize {
		panic(fmt.Sprintf("duplicate: a run of %d values exceeds the index block size %d", len(xs), blockSize))
	}
	if len(b.list) == 0 || len(b.list[len(b.list)-1])+len(xs) > blockSize {
		b.list = append(b.list, make([]T, 0, blockSize))
	}
	last := &b.list[len(b.list)-1]
	pos := int64(len(b.list)-1)*blockSize + int64(len(*last))
	*last = append(*last, xs...)
	return pos
}

// run returns the n values stored at pos by appendRun.
func (b *blocks[T]) run(pos int64, n int) []T {
	blk := b.list[pos/blockSize]
	o := int(pos % blockSize)
	return blk[o : o+n]
}

// flatten returns every stored value in order in one slice of exactly their number, and
// empties the store.
func (b *blocks[T]) flatten() []T {
	total := 0
	for _, blk := range b.list {
		total += len(blk)
	}
	out := make([]T, 0, total)
	for i, blk := range b.list {
		out = append(out, blk...)
		b.list[i] = nil // let each block go as soon as it is copied
	}
	*b = blocks[T]{}
	return out
}

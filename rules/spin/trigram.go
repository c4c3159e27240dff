package spin

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"sync"
)

// trigramData holds every trigram of the Sphinx model as a 32-bit hash with its quantised
// log10 probability, built by internal/gen (see model/README.md).
//
//go:embed model/trigram.bin
var trigramData []byte

// trigrams is the hashed trigram table: entries bucketed by the hash's high 16 bits, each
// stored as its low 16 bits, sorted within the bucket.
type trigrams struct {
	offsets []byte // 65,537 little-endian uint32
	keys    []byte // low 16 bits of each hash, little-endian
	prob    []byte
}

var (
	trigramOnce sync.Once
	trigramTab  *trigrams
	trigramErr  error
)

func loadTrigrams() (*trigrams, error) {
	trigramOnce.Do(func() { trigramTab, trigramErr = parseTrigrams(trigramData) })
	return trigramTab, trigramErr
}

func parseTrigrams(data []byte) (*trigrams, error) {
	const magic = "TXTRI01\n"
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("spin trigrams: bad header")
	}
	o := len(magic)
	n := int(binary.LittleEndian.Uint32(data[o:]))
	o += 4
	need := o + 4*(1<<16+1) + 3*n
	if n < 0 || len(data) < need {
		return nil, fmt.Errorf("spin trigrams: truncated (%d bytes, want %d)", len(data), need)
	}
	t := &trigrams{offsets: data[o : o+4*(1<<16+1)]}
	o += len(t.offsets)
	t.keys = data[o : o+2*n]
	t.prob = data[o+2*n : o+3*n]
	last := binary.LittleEndian.Uint32(t.offsets[4<<16:])
	if int(last) != n {
		return nil, fmt.Errorf("spin trigrams: offsets end at %d, want %d", last, n)
	}
	return t, nil
}

// triHash must match internal/gen's.
func triHash(a, b, c uint32) uint32 {
	x := uint64(a)<<42 | uint64(b)<<21 | uint64(c)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb33fe1a85ec9
	x ^= x >> 33
	return uint32(x)
}

// lookup returns log10 P(c | a, b) when the trigram is in the reference model, and not found
// for a nil table (a bigram-only model).
func (t *trigrams) lookup(a, b, c int32) (float64, bool) { return triProb(t.find(a, b, c)) }

// find is the trigram's quantised probability byte, or -1 when the model lacks it. The
// binary search is written out (not sort.Search) so it inlines.
func (t *trigrams) find(a, b, c int32) int16 {
	if t == nil {
		return -1
	}
	h := triHash(uint32(a), uint32(b), uint32(c))
	bucket := h >> 16
	lo := int(binary.LittleEndian.Uint32(t.offsets[4*bucket:]))
	hi := int(binary.LittleEndian.Uint32(t.offsets[4*bucket+4:]))
	if lo > hi || hi > len(t.prob) {
		return -1
	}
	key := uint16(h)
	keys := t.keys[:2*hi]
	for end := hi; lo < end; {
		mid := int(uint(lo+end) >> 1)
		if binary.LittleEndian.Uint16(keys[2*mid:]) < key {
			lo = mid + 1
		} else {
			end = mid
		}
	}
	if lo < hi && binary.LittleEndian.Uint16(keys[2*lo:]) == key {
		return int16(t.prob[lo])
	}
	return -1
}

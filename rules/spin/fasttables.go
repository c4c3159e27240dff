package spin

import (
	"encoding/binary"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Flat lookup tables, built from the model once a run has made enough lookups to repay them.
// The model's own layout is read in place, so loading it is cheap (the seeds' hook run), but a
// bigram costs a binary search (a dozen reads at random in 6 MB) and a trigram three
// dependent reads (bucket bounds, keys, probability). In these tables each is one read of one
// slot, usually in one cache line: open addressing, the key kept in the slot with the values.
// They cost 48 MB and about 0.1 s of CPU to build, so a small run never builds them. Both give
// exactly what the model's own layout gives (batch_test.go).

// fastAfter is how many n-gram lookups a process makes before it builds the tables: a few
// hundred paragraphs, far beyond a hook run's (the seeds make 34,000), while the build costs
// about as much as a million lookups in the model's own layout.
const fastAfter = 1_000_000

type fastTables struct {
	big bigramTable
	tri triTable
}

// fastState is the lazily built tables of one Model.
type fastState struct {
	after   int64 // build after this many lookups; 0: fastAfter
	lookups atomic.Int64
	once    sync.Once
	tables  atomic.Pointer[fastTables]
}

// fastTables returns the flat tables, counting n more lookups and building them (once) when
// the count passes fastAfter; nil until then, or when the model does not fit their layout.
func (m *Model) fastTables(n int) *fastTables {
	if t := m.fast.tables.Load(); t != nil {
		return t
	}
	after := m.fast.after
	if after == 0 {
		after = fastAfter
	}
	if m.fast.lookups.Add(int64(n)) < after {
		return nil
	}
	m.fast.once.Do(func() {
		big, ok := buildBigramTable(m)
		if !ok {
			return
		}
		tri, ok := buildTriTable(m.tri)
		if !ok {
			return
		}
		m.fast.tables.Store(&fastTables{big: big, tri: tri})
	})
	return m.fast.tables.Load()
}

// slotsOf is n zeroed slots in table memory.
func slotsOf[T uint32 | uint64](n int) []T {
	var zero T
	b := tableMemory(n * int(unsafe.Sizeof(zero)))
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), n)
}

// bigramTable maps (a, b) to the bigram's probability and back-off bytes. A slot holds
// 1<<63 | a<<46 | b<<29 | bo<<8 | prob (0: empty); word ids fit in 17 bits.
type bigramTable struct {
	slots []uint64
	shift uint
	// filter is a Bloom filter of the pairs, as triTable's (see filterOf; bigramFilterHash):
	// 60 % of bigram lookups find nothing.
	filter []uint64
}

// bigramFilterHash is the pair's hash for the filter: the high half of the home's product,
// which the home (its top bits) shares only in part.
func bigramFilterHash(a, b int32) uint32 {
	return uint32((uint64(a)<<idBits | uint64(b)) * 0x9e3779b97f4a7c15 >> 20)
}

// mayHave reports whether (a, b) can be in the table: false only when it is not.
func (t *bigramTable) mayHave(a, b int32) bool {
	w, bits := filterOf(bigramFilterHash(a, b))
	return t.filter[w]&bits == bits
}

const (
	bigramTableBits = 22 // 4M slots for the model's 2M bigrams
	idBits          = 17
)

func bigramHome(a, b int32, shift uint) uint64 {
	return (uint64(a)<<idBits | uint64(b)) * 0x9e3779b97f4a7c15 >> shift
}

func bigramKey(a, b int32) uint64 { return 1<<63 | uint64(a)<<46 | uint64(b)<<29 }

// buildBigramTable inserts the bigrams in the model's order, keeping the first of a pair
// listed twice, as bigramIndex's lower bound does.
func buildBigramTable(m *Model) (bigramTable, bool) {
	nv := len(m.wordStart) - 1
	nb := len(m.bigProb)
	if nv >= 1<<idBits || nb >= 1<<(bigramTableBits-1) || len(m.bigBO) != nb {
		return bigramTable{}, false
	}
	t := bigramTable{slots: slotsOf[uint64](1 << bigramTableBits), shift: 64 - bigramTableBits, filter: slotsOf[uint64](1 << triFilterBits)}
	mask := uint64(len(t.slots) - 1)
	for b := int32(0); int(b) < nv; b++ {
		lo, hi := m.span(b)
		if lo > hi || hi > nb {
			return bigramTable{}, false
		}
		for i := lo; i < hi; i++ {
			a := m.histAt(i)
			if a >= 1<<idBits {
				return bigramTable{}, false
			}
			key := bigramKey(a, b)
			p := bigramHome(a, b, t.shift)
			for t.slots[p] != 0 && t.slots[p]&^0xffff != key {
				p = (p + 1) & mask
			}
			if t.slots[p] == 0 {
				t.slots[p] = key | uint64(m.bigBO[i])<<8 | uint64(m.bigProb[i])
				w, bits := filterOf(bigramFilterHash(a, b))
				t.filter[w] |= bits
			}
		}
	}
	return t, true
}

// entry is bigramEntry from the table.
func (t *bigramTable) entry(a, b int32) int32 {
	if a < 0 || b < 0 || a >= 1<<idBits || b >= 1<<idBits {
		return -1
	}
	key := bigramKey(a, b)
	mask := uint64(len(t.slots) - 1)
	for p := bigramHome(a, b, t.shift); ; p = (p + 1) & mask {
		s := t.slots[p]
		if s == 0 {
			return -1
		}
		if s&^0xffff == key {
			return int32(s & 0xffff)
		}
	}
}

// triTable holds the trigram hashes in order, each at or just after its home slot (the hash's
// high 22 bits): a slot is the hash's low 24 bits and the probability byte (0: empty). Two
// hashes with the same low 24 bits have homes at least 2^14 slots apart, and no run of full
// slots is that long (checked when built), so a match within the run from the home slot is
// the hash itself.
type triTable struct {
	slots []uint32
	// filter is a Bloom filter of the hashes (see filterOf): a hash it lacks is not in slots,
	// so the 94 % of lookups that find nothing (a candidate's trigrams are mostly unseen) read
	// 4 MB, which stays in the processor's cache far more than the 16 MB of slots.
	filter []uint64
}

// The filters: 2^19 words of 64 bits; a hash sets two bits of one word (so one read answers).
// The word is the hash's high bits, the bits come from the top of the hash times an odd
// constant, so that neighbouring hashes do not share them. With the model's 1.7M trigrams
// about 1 % of absent hashes pass it.
const triFilterBits = 19

func filterOf(h uint32) (word uint32, bits uint64) {
	p := h * 0x9e3779b1
	return h >> (32 - triFilterBits), 1<<(p>>26) | 1<<(p>>20&63)
}

// mayHave reports whether h can be in the table: false only when it is not.
func (tt *triTable) mayHave(h uint32) bool {
	w, bits := filterOf(h)
	return tt.filter[w]&bits == bits
}

const (
	triHomeShift = 10 // home = hash >> 10: 4M slots for 1.7M trigrams
	triMaxRun    = 1 << 14
)

// buildTriTable reads the buckets in order: the hashes come sorted, so each goes to the first
// free slot from its home, and the first of equal hashes, the one lookup finds, comes first.
func buildTriTable(t *trigrams) (triTable, bool) {
	if t == nil {
		return triTable{}, false
	}
	tt := triTable{slots: slotsOf[uint32](1<<(32-triHomeShift) + triMaxRun), filter: slotsOf[uint64](1 << triFilterBits)}
	next, run := 0, 0
	prev := uint32(0)
	n := len(t.prob)
	for bucket := 0; bucket < 1<<16; bucket++ {
		lo := int(binary.LittleEndian.Uint32(t.offsets[4*bucket:]))
		hi := int(binary.LittleEndian.Uint32(t.offsets[4*bucket+4:]))
		if lo > hi || hi > n {
			return triTable{}, false
		}
		for k := lo; k < hi; k++ {
			h := uint32(bucket)<<16 | uint32(binary.LittleEndian.Uint16(t.keys[2*k:]))
			if h < prev {
				return triTable{}, false // unsorted: lookup's binary search is not defined
			}
			prev = h
			home := int(h >> triHomeShift)
			if home > next {
				next, run = home, 0 // a gap: a new run of full slots
			}
			slot := (h&0xffffff)<<8 | uint32(t.prob[k])
			if slot == 0 || run+1 >= triMaxRun || next >= len(tt.slots)-1 {
				return triTable{}, false
			}
			tt.slots[next] = slot
			w, bits := filterOf(h)
			tt.filter[w] |= bits
			next++
			run++
		}
	}
	return tt, true
}

// probByte is trigrams.probByte from the table.
func (tt *triTable) probByte(h uint32) int16 {
	want := h & 0xffffff
	for p := int(h >> triHomeShift); ; p++ {
		s := tt.slots[p]
		if s == 0 {
			return -1
		}
		if s>>8 == want {
			return int16(s & 0xff)
		}
	}
}

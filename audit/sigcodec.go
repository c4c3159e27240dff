package audit

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
)

// SigWriter appends values to a compact binary record: the per-document signatures corpus
// checks hand the cache, and the cache's own entries. Integers are varints, so a record of
// small numbers stays small; a SigReader reads the values back in the same order.
type SigWriter struct{ buf []byte }

// Bytes returns the record written so far.
func (w *SigWriter) Bytes() []byte { return w.buf }

// Grow makes room for n more bytes, so a writer that knows its record's rough size
// allocates it once rather than doubling its way there.
func (w *SigWriter) Grow(n int) { w.buf = slices.Grow(w.buf, n) }

// Int appends a signed integer.
func (w *SigWriter) Int(v int64) { w.buf = binary.AppendVarint(w.buf, v) }

// Uint appends an unsigned integer.
func (w *SigWriter) Uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }

// Fixed64 appends a 64-bit value in 8 bytes (hashes: varints would only grow them).
func (w *SigWriter) Fixed64(v uint64) { w.buf = binary.LittleEndian.AppendUint64(w.buf, v) }

// Bool appends a boolean.
func (w *SigWriter) Bool(v bool) {
	if v {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

// Blob appends a length-prefixed byte string.
func (w *SigWriter) Blob(b []byte) {
	w.Uint(uint64(len(b)))
	w.buf = append(w.buf, b...)
}

// String appends a length-prefixed string.
func (w *SigWriter) String(s string) {
	w.Uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

// Strings appends a counted list of strings; nil and empty are told apart, since a nil list
// and an empty one marshal differently in JSON.
func (w *SigWriter) Strings(list []string) {
	if list == nil {
		w.Uint(0)
		return
	}
	w.Uint(uint64(len(list)) + 1)
	for _, s := range list {
		w.String(s)
	}
}

// Uint32s appends a counted list of 32-bit values.
func (w *SigWriter) Uint32s(list []uint32) {
	w.Uint(uint64(len(list)))
	for _, v := range list {
		w.Uint(uint64(v))
	}
}

// Span appends a located span.
func (w *SigWriter) Span(s Span) {
	w.Int(int64(s.StartOffset))
	w.Int(int64(s.EndOffset))
	w.Int(int64(s.Line))
	w.Int(int64(s.Column))
	w.Int(int64(s.EndLine))
	w.Int(int64(s.EndColumn))
}

// ErrBadSignature is returned for a record that ends early or holds an impossible value;
// the engine then rebuilds the document instead of trusting the record.
var ErrBadSignature = errors.New("malformed cache record")

// SigReader reads a record written by SigWriter. The first error sticks: every later read
// returns a zero value, and Err reports it, so a decoder checks once at the end.
type SigReader struct {
	buf []byte
	err error
}

// NewSigReader reads rec.
func NewSigReader(rec []byte) *SigReader { return &SigReader{buf: rec} }

// Err is the first error met, or ErrBadSignature when bytes are left over after done.
func (r *SigReader) Err() error { return r.err }

// Done reports an error unless the whole record was read without one.
func (r *SigReader) Done() error {
	if r.err == nil && len(r.buf) != 0 {
		r.err = ErrBadSignature
	}
	return r.err
}

func (r *SigReader) fail() { r.err, r.buf = ErrBadSignature, nil }

// Int reads a signed integer.
func (r *SigReader) Int() int64 {
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// Uint reads an unsigned integer.
func (r *SigReader) Uint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// Len reads a count that must not exceed the bytes left (each counted item takes a byte at
// least), so a corrupt count cannot make a decoder allocate gigabytes.
func (r *SigReader) Len() int {
	v := r.Uint()
	if v > uint64(len(r.buf)) {
		r.fail()
		return 0
	}
	return int(v)
}

// Fixed64 reads an 8-byte value.
func (r *SigReader) Fixed64() uint64 {
	if len(r.buf) < 8 {
		r.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(r.buf)
	r.buf = r.buf[8:]
	return v
}

// Bool reads a boolean.
func (r *SigReader) Bool() bool {
	if len(r.buf) < 1 || r.buf[0] > 1 {
		r.fail()
		return false
	}
	v := r.buf[0] == 1
	r.buf = r.buf[1:]
	return v
}

// Blob reads a length-prefixed byte string (a sub-slice of the record, not a copy).
func (r *SigReader) Blob() []byte {
	n := r.Len()
	if r.err != nil {
		return nil
	}
	b := r.buf[:n:n]
	r.buf = r.buf[n:]
	return b
}

// String reads a length-prefixed string.
func (r *SigReader) String() string { return string(r.Blob()) }

// Strings reads a list written by SigWriter.Strings, nil when nil was written.
func (r *SigReader) Strings() []string {
	n := r.Len()
	if n == 0 || r.err != nil {
		return nil
	}
	out := make([]string, 0, n-1)
	for i := 0; i < n-1 && r.err == nil; i++ {
		out = append(out, r.String())
	}
	return out
}

// Uint32s reads a counted list of 32-bit values.
func (r *SigReader) Uint32s() []uint32 {
	n := r.Len()
	if r.err != nil {
		return nil
	}
	out := make([]uint32, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		v := r.Uint()
		if v > math.MaxUint32 {
			r.fail()
			break
		}
		out = append(out, uint32(v))
	}
	return out
}

// Span reads a located span.
func (r *SigReader) Span() Span {
	return Span{StartOffset: int(r.Int()), EndOffset: int(r.Int()), Line: int(r.Int()),
		Column: int(r.Int()), EndLine: int(r.Int()), EndColumn: int(r.Int())}
}

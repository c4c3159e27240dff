//go:build !linux

package spin

import "unsafe"

// tableMemory returns n zeroed bytes for a flat lookup table, 8-byte aligned (see
// hugepages_linux.go).
func tableMemory(n int) []byte {
	w := make([]uint64, (n+7)/8)
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(w))), n)
}

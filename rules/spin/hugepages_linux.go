package spin

import (
	"syscall"
	"unsafe"
)

// tableMemory returns n zeroed bytes for a flat lookup table, 8-byte aligned, outside the Go
// heap where it can: an anonymous mapping aligned to 2 MB and advised to use huge pages, so
// that random reads over the table miss the address-translation cache much less often (a 32
// MB table spans 8,192 ordinary pages, 16 huge ones); outside the heap it also leaves the
// garbage collector's heap target alone. The tables live as long as the process.
func tableMemory(n int) []byte {
	const huge = 2 << 20
	b, err := syscall.Mmap(-1, 0, n+huge, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return make([]byte, n)
	}
	off := 0
	if r := uintptr(unsafe.Pointer(&b[0])) % huge; r != 0 {
		off = int(huge - r)
	}
	b = b[off : off+n : off+n]
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE) // advice only: ordinary pages work too
	return b
}

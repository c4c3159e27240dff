package audit

import (
	"os"
	"syscall"
)

// statKeyOf is what a file's stat says of its identity and last change (see the Linux
// version for why the change time is in it).
func statKeyOf(fi os.FileInfo) statKey {
	k := statKey{ok: true, size: uint64(fi.Size()), mtime: uint64(fi.ModTime().UnixNano()), mode: uint64(fi.Mode())}
	if s, ok := fi.Sys().(*syscall.Stat_t); ok {
		k.ctime = uint64(s.Ctimespec.Sec)*1e9 + uint64(s.Ctimespec.Nsec)
		k.ino, k.dev = s.Ino, uint64(s.Dev)
	}
	return k
}

package audit

import (
	"os"
	"syscall"
)

// statKeyOf is what a file's stat says of its identity and last change. The change time is
// in it, as git's index keeps it: a tool that writes a file and then restores its
// modification time (rsync -t, touch -r) still moves the change time, which no user call
// can set.
func statKeyOf(fi os.FileInfo) statKey {
	k := statKey{ok: true, size: uint64(fi.Size()), mtime: uint64(fi.ModTime().UnixNano()), mode: uint64(fi.Mode())}
	if s, ok := fi.Sys().(*syscall.Stat_t); ok {
		k.ctime = uint64(s.Ctim.Sec)*1e9 + uint64(s.Ctim.Nsec)
		k.ino, k.dev = s.Ino, uint64(s.Dev)
	}
	return k
}

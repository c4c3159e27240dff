//go:build !linux && !darwin

package audit

import "os"

// statKeyOf is what a file's stat says of its last change: size and modification time,
// where the platform's stat has no portable change time or inode.
func statKeyOf(fi os.FileInfo) statKey {
	return statKey{ok: true, size: uint64(fi.Size()), mtime: uint64(fi.ModTime().UnixNano()), mode: uint64(fi.Mode())}
}

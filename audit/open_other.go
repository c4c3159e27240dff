//go:build !unix

package audit

import (
	"io"
	"os"
)

// openFile opens a file for reading (see open_unix.go for why Unix systems differ).
func openFile(path string) (io.ReadCloser, error) { return os.Open(path) }

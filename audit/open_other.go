//go:build !unix

package audit

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// openRegular opens an audited file for reading and returns its size, refusing anything but
// a regular file (see open_unix.go). It stats before opening: opening a FIFO or device would
// block.
func openRegular(path string) (io.ReadCloser, int64, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, 0, err
	}
	if st.IsDir() {
		return nil, 0, errors.New("is a directory")
	}
	if !st.Mode().IsRegular() {
		return nil, 0, fmt.Errorf("not a regular file (%s)", st.Mode().Type())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	return f, st.Size(), nil
}

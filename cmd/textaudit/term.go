package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"

	"github.com/mattn/go-isatty"
)

// isTerminal reports whether w is an interactive terminal (not a pipe, file or CI log).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// useColor follows https://no-color.org: colour only on a terminal and without NO_COLOR.
func useColor(w io.Writer) bool {
	_, noColor := os.LookupEnv("NO_COLOR")
	return !noColor && os.Getenv("TERM") != "dumb" && isTerminal(w)
}

// progress prints "files done / total, rate" on one rewritten stderr line, only when stderr
// is a terminal and not in CI, and at most ten times a second.
type progress struct {
	w       io.Writer
	on      bool
	start   time.Time
	last    time.Time
	printed bool
}

func newProgress(stderr io.Writer, wanted bool) *progress {
	_, ci := os.LookupEnv("CI")
	return &progress{w: stderr, on: wanted && !ci && isTerminal(stderr), start: time.Now()}
}

func (p *progress) update(done, total int) {
	if !p.on || total < 50 {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond && done < total {
		return
	}
	p.last = now
	rate := float64(done) / now.Sub(p.start).Seconds()
	fmt.Fprintf(p.w, "\r\x1b[Ktextaudit: %d/%d files (%.0f files/s)", done, total, rate)
	p.printed = true
}

func (p *progress) done() {
	if p.printed {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// startCPUProfile profiles the run into path; the returned function stops and closes it.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// isTerminal reports whether w is an interactive terminal (not a pipe, file or CI log).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// colorModes are the values of --color.
var colorModes = []string{"auto", "always", "never"}

// useColor decides colour for --color: "always" and "never" are what they say; "auto"
// colours a terminal unless NO_COLOR is set to a non-empty value (https://no-color.org: an
// empty NO_COLOR does not count) or TERM is dumb.
func useColor(w io.Writer, mode string) (bool, error) {
	return colorWanted(mode, isTerminal(w), os.Getenv("NO_COLOR"), os.Getenv("TERM"))
}

func colorWanted(mode string, terminal bool, noColor, termName string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return terminal && noColor == "" && termName != "dumb", nil
	}
	return false, usageError("--color: want auto, always or never, got %q", mode)
}

// terminalWidth is the width tables fit into: COLUMNS when set to a number (the shell's
// word, and the way to ask for a width in a pipe), else the terminal's width, else no limit
// (a pipe or a file keeps whole paths for the tools that read them).
func terminalWidth(w io.Writer) int {
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	if f, ok := w.(*os.File); ok && isTerminal(w) {
		if n, _, err := term.GetSize(int(f.Fd())); err == nil && n > 0 {
			return n
		}
	}
	return 0
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

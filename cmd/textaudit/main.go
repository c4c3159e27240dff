// Command textaudit audits folders of scraped text for quality and provenance.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/textaudit/textaudit/reports"
)

// version is set at build time with -ldflags "-X main.version=..."; "dev" otherwise.
var version = "0.1.0-dev"

// Exit codes: a gate can trust them.
const (
	exitOK    = 0 // passed
	exitGate  = 1 // a gate (--fail-under, --fail-on) failed
	exitUsage = 2 // usage, config or unreadable-input error
)

// exitError carries an exit code up to main, where messages are printed in one place.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

func main() {
	removeTemporaryFilesOnSignal()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// removeTemporaryFilesOnSignal makes SIGINT and SIGTERM remove the temporary files of
// reports being written, then exit as the signal would (128 + its number).
func removeTemporaryFilesOnSignal() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sigs
		reports.RemoveTemporaryFiles()
		code := 130
		if s == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}

// run executes the CLI and returns the exit code; tests call it directly.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		// A bug must not surface as a stack trace to a hook or a gate.
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "textaudit: internal error: %v (please report this)\n", v)
			code = exitUsage
		}
	}()
	root := newRootCommand(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.code != exitGate || ee.err.Error() != "" {
			fmt.Fprintf(stderr, "textaudit: %s\n", printableLines(ee.err.Error()))
		}
		return ee.code
	}
	// Cobra's own errors: unknown flags, wrong argument counts.
	fmt.Fprintf(stderr, "textaudit: %s\n", printableLines(err.Error()))
	return exitUsage
}

// printableLines makes a message safe for a terminal line by line: messages name paths,
// and a file name can hold an escape sequence.
func printableLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = reports.Printable(l)
	}
	return strings.Join(lines, "\n")
}

// Package reports renders an audit.Report in one format per file: each renderer is a
// function from the report to a writer. Renderers never re-analyse text.
package reports

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/textaudit/textaudit/audit"
)

// Options tune rendering without changing the report.
type Options struct {
	Details     bool           // table: also list every finding
	MinSeverity audit.Severity // findings below are not shown (gates still see them)
	Color       bool           // terminal colours (explain, table)
	Width       int            // table: fit into this many columns (0: no limit)
	Provenance  bool           // table: show the provenance table even when it does not fit
	PathPrefix  string         // sarif, github: put in front of paths relative to the report's root
	Warn        func(string)   // notices for the user (a capped SARIF log); nil drops them
}

// Renderer writes a report in one format.
type Renderer func(w io.Writer, r *audit.Report, opt Options) error

var renderers = map[string]Renderer{
	"table":     Table,
	"json":      JSON,
	"sarif":     SARIF,
	"github":    GitHub,
	"csv":       CSV,
	"csv-files": CSVFiles,
	"markdown":  Markdown,
	"explain":   Explain,
	"html":      HTML,
	"line":      Line,
}

// Formats lists the known format names.
func Formats() []string {
	names := make([]string, 0, len(renderers))
	for n := range renderers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// NeedsText reports whether a format shows the audited text, so the engine must keep it.
func NeedsText(format string) bool { return format == "html" || format == "explain" }

// Lookup finds the renderer of a format.
func Lookup(format string) (Renderer, error) {
	r, ok := renderers[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(Formats(), ", "))
	}
	return r, nil
}

// Filter returns a copy of the report showing only findings at or above min; scores and
// deductions still count every finding, so a filtered view never changes a verdict.
func Filter(r *audit.Report, min audit.Severity) *audit.Report {
	if min <= audit.Info {
		return r
	}
	out := *r
	out.Files = make([]audit.FileReport, len(r.Files))
	for i, f := range r.Files {
		g := f
		g.Findings = nil
		for _, x := range f.Findings {
			if x.Severity >= min {
				g.Findings = append(g.Findings, x)
			}
		}
		out.Files[i] = g
	}
	// The summary counts what is shown, so its numbers agree with the listed findings.
	out.Summary = audit.Summarize(out.Files)
	out.Summary.BelowMinSeverity = r.Summary.Findings - out.Summary.Findings
	return &out
}

// WriteFile renders into path atomically: the report streams into a temporary file in the
// same folder, which is renamed over path only when rendering and syncing succeeded, so
// readers never see a half-written report and a large report is never held in memory.
// Only a regular file (or a missing one) is replaced: a symbolic link is followed to its
// target, and a device or FIFO (-o /dev/stdout, a named pipe) is written through, never
// replaced by a regular file.
func WriteFile(path string, render func(io.Writer) error) error {
	// Stat follows links, also the kernel's own (/dev/stdout is /proc/self/fd/1, which
	// names "pipe:[...]" when read as a link): a special file is written through by its name.
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		target, err := resolveLinks(path)
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return replaceFile(target, 0o644, render)
	case err != nil:
		return fmt.Errorf("write %s: %w", path, err)
	case st.IsDir():
		return fmt.Errorf("write %s: is a directory", path)
	case st.Mode().IsRegular():
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return replaceFile(target, st.Mode().Perm(), render)
	default:
		return writeThrough(path, render)
	}
}

// resolveLinks follows symbolic links from path to the missing file they finally name (a
// dangling link names the report to create).
func resolveLinks(path string) (string, error) {
	for hops := 0; ; hops++ {
		st, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		if hops == 40 { // as the kernel's limit (MAXSYMLINKS)
			return "", errors.New("too many levels of symbolic links")
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
}

// writeThrough writes to a device or FIFO in place: there is nothing to replace atomically.
func writeThrough(path string, render func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	buf := bufio.NewWriterSize(f, 1<<16)
	err = render(buf)
	if err == nil {
		err = buf.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// replaceFile renders into a temporary file beside path and renames it over path.
func replaceFile(path string, perm fs.FileMode, render func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	temporary.add(name)
	defer temporary.remove(name)
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	buf := bufio.NewWriterSize(tmp, 1<<16)
	if err = render(buf); err != nil {
		return err
	}
	if err = buf.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Chmod(name, perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(name, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func sortStrings(s []string, less func(a, b string) bool) {
	sort.SliceStable(s, func(i, j int) bool { return less(s[i], s[j]) })
}

// temporary lists the temporary files being written, so an interrupted run can remove them.
var temporary = tempFiles{names: map[string]bool{}}

type tempFiles struct {
	mu    sync.Mutex
	names map[string]bool
}

func (t *tempFiles) add(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.names[name] = true
}

func (t *tempFiles) remove(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.names, name)
}

// RemoveTemporaryFiles deletes the temporary files of reports still being written. The CLI
// calls it on SIGINT and SIGTERM before exiting, so an interrupted run leaves no hidden
// .NAME.tmp-* files; the reports themselves are untouched (never half-written).
func RemoveTemporaryFiles() {
	temporary.mu.Lock()
	defer temporary.mu.Unlock()
	for name := range temporary.names {
		os.Remove(name)
		delete(temporary.names, name)
	}
}

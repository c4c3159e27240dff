package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/textaudit/textaudit/reports"
)

// The hostile corpus: inputs an adversarial review used against the CLI (issue 17). Small
// inputs live in testdata/hostile; large ones are generated here at test time. Every case
// checks the exit code, that the report is complete, and that nothing outside the report
// paths changed.

// snapshot records every entry under dir (type, mode, size, content hash, link target), so a
// test can prove a run changed nothing but its report files.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an untraversable folder is part of some cases: record what is visible
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		desc := fmt.Sprintf("%v %d", info.Mode(), info.Size())
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			desc += " -> " + target
		case info.Mode().IsRegular() && info.Size() < 1<<20:
			data, _ := os.ReadFile(p)
			desc += fmt.Sprintf(" %x", data)
		}
		out[p] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// unchangedExcept fails when an entry under dir other than the allowed report paths was
// added, removed or changed between two snapshots.
func unchangedExcept(t *testing.T, before, after map[string]string, allowed ...string) {
	t.Helper()
	ok := map[string]bool{}
	for _, p := range allowed {
		ok[p] = true
	}
	var diffs []string
	for p, d := range before {
		if a, found := after[p]; !ok[p] && (!found || a != d) {
			diffs = append(diffs, p)
		}
	}
	for p := range after {
		if _, found := before[p]; !found && !ok[p] {
			diffs = append(diffs, p+" (new)")
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("the run changed paths outside its reports: %v", diffs)
	}
}

// jsonReport is the part of the JSON report the hostile cases read.
type jsonReport struct {
	Files []struct {
		Path     string
		Findings []struct {
			Rule     string
			Line     int
			Message  string
			Evidence map[string]any
		}
	}
	Skipped []struct{ Path, Cause string }
	Errors  []struct{ Path, Cause string }
}

func parseReport(t *testing.T, out string) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("report is not JSON (%v): %.300s", err, out)
	}
	return r
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// hostileLongLine is one line holding n invalid bytes, each after an ASCII letter: every
// one is its own language.invalid-utf8 finding.
func hostileLongLine(n int) []byte { return bytes.Repeat([]byte("a\xff"), n) }

func TestHostileOneLongLineIsAuditedWithABoundedReport(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, filepath.Join(dir, "long.txt"), hostileLongLine(20_000))
	before := snapshot(t, dir)
	code, out, errs := textaudit(t, "audit", "--format", "json", p)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	r := parseReport(t, out)
	if len(r.Files) != 1 {
		t.Fatalf("%d files reported, want 1", len(r.Files))
	}
	listed, standsFor := 0, 0
	for _, x := range r.Files[0].Findings {
		if x.Rule == "language.invalid-utf8" {
			listed++
			standsFor++
			if g, ok := x.Evidence["grouped"].(float64); ok {
				standsFor += int(g) - 1 // the grouped finding stands for g findings
			}
		}
	}
	if listed > 21 || standsFor != 20_000 {
		t.Errorf("%d invalid-utf8 findings standing for %d bytes; want at most 21 standing for all 20,000", listed, standsFor)
	}
	unchangedExcept(t, before, snapshot(t, dir))
}

func TestHostileReportPathsAreNeverReplacedUnlessRegular(t *testing.T) {
	seed := "testdata/seeds/002_85e05273389f8f37.txt"
	tests := []struct {
		name string
		// setup makes the output path and returns it, with the file the report must reach.
		setup func(t *testing.T, dir string) (out, reaches string)
		flag  string // -o or --report json=
	}{
		{"a character device is written through, not replaced", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "null")
			if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|3 /* 1,3: what /dev/null is on Linux */); err != nil {
				t.Skipf("cannot make a device node here: %v", err)
			}
			return p, ""
		}, "-o"},
		{"a FIFO is written through to its reader", func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "pipe")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
			return p, p
		}, "--report"},
		{"a symbolic link is followed to its target", func(t *testing.T, dir string) (string, string) {
			target := writeFile(t, filepath.Join(dir, "real", "audit.json"), []byte("old"))
			link := filepath.Join(dir, "audit.json")
			if err := os.Symlink("real/audit.json", link); err != nil {
				t.Fatal(err)
			}
			return link, target
		}, "-o"},
		{"a dangling symbolic link names the report to create", func(t *testing.T, dir string) (string, string) {
			link := filepath.Join(dir, "audit.json")
			if err := os.Symlink("new.json", link); err != nil {
				t.Fatal(err)
			}
			return link, filepath.Join(dir, "new.json")
		}, "--report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out, reaches := tt.setup(t, dir)
			var got []byte
			done := make(chan struct{})
			if st, err := os.Stat(out); err == nil && st.Mode()&fs.ModeNamedPipe != 0 {
				go func() { // the reader a FIFO needs before a writer can open it
					defer close(done)
					got, _ = os.ReadFile(out)
				}()
			} else {
				close(done)
			}
			before, _ := os.Lstat(out)
			args := []string{"audit", "--now", "2026-11-23", "--format", "json", "-o", out, seed}
			if tt.flag == "--report" {
				args = []string{"audit", "--now", "2026-11-23", "--format", "table", "--report", "json=" + out, seed}
			}
			code, _, errs := textaudit(t, args...)
			after, err := os.Lstat(out)
			if err != nil || (before != nil && after.Mode().Type() != before.Mode().Type()) {
				// A FIFO replaced by a file leaves its reader blocked: the test ends without it.
				t.Fatalf("%s was replaced: %v, was %v (%v)", out, after.Mode(), before.Mode(), err)
			}
			<-done
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if reaches != "" && got == nil {
				got, _ = os.ReadFile(reaches)
			}
			if reaches != "" && !json.Valid(got) {
				t.Errorf("the report did not reach %s: %.80q", reaches, got)
			}
			entries, _ := os.ReadDir(filepath.Dir(out))
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp-") {
					t.Errorf("temporary file left: %s", e.Name())
				}
			}
		})
	}
}

func TestHostileBadPathsStillReportTheReadableFiles(t *testing.T) {
	dir := t.TempDir()
	article := []byte("A headline\n\nLONDON, March 3, 2005 (Reuters) - A body paragraph.\n")
	a := writeFile(t, filepath.Join(dir, "corpus", "a.txt"), article)
	writeFile(t, filepath.Join(dir, "corpus", "sub", "b.txt"), []byte("Another text\n\nWith a paragraph.\n"))
	writeFile(t, filepath.Join(dir, "elsewhere", "c.txt"), []byte("A linked text\n\nWith its paragraph.\n"))
	for link, target := range map[string]string{
		"corpus/sub/up":    "..",                 // a loop back to the walked folder
		"corpus/self":      "self",               // a link to itself
		"corpus/dangling":  "nowhere",            // leads nowhere
		"corpus/linked":    "../elsewhere",       // a folder outside: followed
		"corpus/again.txt": "a.txt",              // the same file by a second name: once
		"corpus/twice":     "../corpus/sub/../.", // the walked folder again: a loop
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	wd, _ := os.Getwd()
	relA, err := filepath.Rel(wd, a)
	if err != nil {
		t.Fatal(err)
	}
	tooLong := filepath.Join(dir, strings.Repeat("n", 300))
	missing := filepath.Join(dir, "missing.txt")
	before := snapshot(t, dir)
	code, out, errs := textaudit(t, "audit", "--format", "json", filepath.Join(dir, "corpus"), missing, tooLong, relA, a)
	if code != exitUsage {
		t.Errorf("exit %d, want 2 (stderr %s)", code, errs)
	}
	r := parseReport(t, out)
	var got []string
	for _, f := range r.Files {
		got = append(got, strings.TrimPrefix(f.Path, filepath.ToSlash(dir)+"/"))
	}
	want := []string{"corpus/a.txt", "corpus/linked/c.txt", "corpus/sub/b.txt"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files reported %v, want %v (each once)", got, want)
	}
	for _, name := range []string{"missing.txt: no such file", "nnnn: file name too long"} {
		if !strings.Contains(errs, name) {
			t.Errorf("stderr lacks %q: %s", name, errs)
		}
	}
	if len(r.Errors) != 2 {
		t.Errorf("report lists errors %v, want the missing and the too long path", r.Errors)
	}
	skipped := map[string]bool{}
	for _, n := range r.Skipped {
		skipped[strings.TrimPrefix(n.Path, filepath.ToSlash(dir)+"/")] = true
	}
	for _, name := range []string{"corpus/sub/up", "corpus/self", "corpus/dangling", "corpus/twice"} {
		if !skipped[name] {
			t.Errorf("%s not listed as skipped: %v", name, r.Skipped)
		}
	}
	unchangedExcept(t, before, snapshot(t, dir))
}

func TestHostileUntraversableFolderStillReportsTheRest(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop listing a folder")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "ok.txt"), []byte("A text\n\nA paragraph.\n"))
	writeFile(t, filepath.Join(dir, "locked", "x.txt"), []byte("hidden"))
	if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(dir, "locked"), 0o755)
	code, out, errs := textaudit(t, "audit", "--format", "json", dir)
	r := parseReport(t, out)
	if code != exitUsage || len(r.Files) != 1 || !strings.Contains(errs, "locked") {
		t.Errorf("exit %d, %d files, stderr %q: want 2, ok.txt reported, the locked folder named", code, len(r.Files), errs)
	}
}

// fullWriter fails every write, as standard output redirected to /dev/full does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

func TestHostileWriteErrorsOnStandardOutputExit2InEveryFormat(t *testing.T) {
	for _, format := range reports.Formats() {
		t.Run(format, func(t *testing.T) {
			var errb bytes.Buffer
			code := run(append(seedArgs, "--format", format), fullWriter{}, &errb)
			if code != exitUsage || !strings.Contains(errb.String(), "no space left") {
				t.Errorf("exit %d stderr %q, want 2 naming the write error", code, errb.String())
			}
		})
	}
	// And `report`, which renders a saved audit.
	saved := filepath.Join(t.TempDir(), "a.json")
	if code, _, errs := textaudit(t, append(seedArgs, "--format", "json", "-o", saved)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var errb bytes.Buffer
	if code := run([]string{"report", saved, "--format", "markdown"}, fullWriter{}, &errb); code != exitUsage {
		t.Errorf("report: exit %d stderr %q, want 2", code, errb.String())
	}
}

func TestHostileFlagValuesAreRejectedWithAClearMessage(t *testing.T) {
	tests := []struct {
		flag, value, says string
	}{
		{"--fail-under", "NaN", "--fail-under: want a score between 0 and 100, got NaN"},
		{"--fail-under", "abc", `invalid argument "abc" for "--fail-under"`},
		{"--fail-under", "101", "--fail-under: want a score between 0 and 100, got 101"},
		{"--fail-under", "-0.5", "--fail-under: want a score between 0 and 100, got -0.5"},
		{"--fail-under", "+Inf", "--fail-under: want a score between 0 and 100, got +Inf"},
		{"--max-file-size", "-5", "--max-file-size: want a size in bytes (0: no limit), got -5"},
		{"--max-file-size", "-1", "--max-file-size: want a size in bytes (0: no limit), got -1"},
		{"--jobs", "-3", "--jobs: want a positive number, got -3"},
	}
	for _, tt := range tests {
		t.Run(tt.flag+" "+tt.value, func(t *testing.T) {
			code, out, errs := textaudit(t, append(seedArgs, tt.flag+"="+tt.value)...)
			if code != exitUsage || !strings.Contains(errs, tt.says) || out != "" {
				t.Errorf("exit %d stderr %q stdout %d bytes, want 2 saying %q and no report", code, errs, len(out), tt.says)
			}
		})
	}
	// A huge job count is capped (it ran out of memory), and the run goes on.
	code, _, errs := textaudit(t, append(seedArgs, "--jobs", "10000000")...)
	if code != exitOK || !strings.Contains(errs, "--jobs 10000000 capped at") {
		t.Errorf("--jobs 10000000: exit %d stderr %q, want 0 and a notice of the cap", code, errs)
	}
	_, help, _ := textaudit(t, "audit", "--help")
	if strings.Contains(help, "(default -1)") {
		t.Errorf("help shows an internal default of -1:\n%s", help)
	}
}

func TestHostileConfigBaselineAndReportInputsMustBeRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := writeFile(t, filepath.Join(dir, "big.yaml"), bytes.Repeat([]byte("# padding\n"), 500_000))
	saved := filepath.Join(dir, "audit.json")
	if code, _, errs := textaudit(t, append(seedArgs, "--format", "json", "-o", saved)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	futureBase := writeFile(t, filepath.Join(dir, "future.json"), []byte(`{"tool": "textaudit", "baseline_version": 7, "findings": []}`))
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"--config /dev/zero", append(seedArgs, "--config", "/dev/zero"), "config /dev/zero: not a regular file"},
		{"--config a FIFO", append(seedArgs, "--config", fifo), "not a regular file (p"},
		{"--config above the size limit", append(seedArgs, "--config", big), "larger than the limit"},
		{"config verify /dev/zero", []string{"config", "verify", "/dev/zero"}, "not a regular file"},
		{"--baseline /dev/zero", append(seedArgs, "--baseline", "/dev/zero"), "baseline /dev/zero: not a regular file"},
		{"--baseline a FIFO", append(seedArgs, "--baseline", fifo), "not a regular file"},
		{"--baseline an audit report", append(seedArgs, "--baseline", saved), "an audit report, not a baseline"},
		{"--baseline of an unknown version", append(seedArgs, "--baseline", futureBase), "baseline_version 7 is not supported"},
		{"report /dev/zero", []string{"report", "/dev/zero"}, "read /dev/zero: not a regular file"},
		{"report a FIFO", []string{"report", fifo}, "not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := textaudit(t, tt.args...)
			if code != exitUsage || !strings.Contains(errs, tt.says) {
				t.Errorf("exit %d stderr %q, want 2 saying %q", code, errs, tt.says)
			}
		})
	}
}

func TestHostileEscapeSequencesNeverReachTheTerminal(t *testing.T) {
	dir := t.TempDir()
	// An erase-line, a window-title OSC, a C1 CSI and a bidirectional override, in the text
	// and in the file name.
	text := "Headline\x1b[2K\x1b]0;pwned\x07\n\nA paragraph \u009b31m with Related Post\u202e inside.\n\nRelated Post\x1b[1A\n"
	p := writeFile(t, filepath.Join(dir, "evil\x1b]0;title\x07.txt"), []byte(text))
	for _, args := range [][]string{
		{"explain", "--now", "2026-11-23", p},
		{"audit", "--now", "2026-11-23", "--details", p},
		{"audit", "--now", "2026-11-23", "--details", p, filepath.Join(dir, "missing\x1b[31m.txt")},
	} {
		code, out, errs := textaudit(t, args...)
		if code == exitGate || out == "" {
			t.Errorf("%v: exit %d, empty output", args[0], code)
		}
		for _, stream := range []string{out, errs} {
			if strings.ContainsAny(stream, "\x1b\x07\u009b\u202e") {
				t.Errorf("%v: a control character reached the terminal:\n%q", args, stream)
			}
		}
		if !strings.Contains(out, "^[") {
			t.Errorf("%v: escape not shown visibly:\n%s", args, out)
		}
	}
}

func TestHostileCorpusInTestdata(t *testing.T) {
	code, out, errs := textaudit(t, "audit", "--format", "json", "testdata/hostile")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	r := parseReport(t, out)
	files := map[string]bool{}
	for _, f := range r.Files {
		files[filepath.Base(f.Path)] = true
	}
	skipped := map[string]string{}
	for _, n := range r.Skipped {
		skipped[filepath.Base(n.Path)] = n.Cause
	}
	for _, name := range []string{"utf32le.txt", "utf32be.txt"} {
		if !files[name] {
			t.Errorf("%s not audited (skipped: %q)", name, skipped[name])
		}
	}
	if !strings.Contains(skipped["nul-after-8k.txt"], "binary") {
		t.Errorf("a NUL after the first 8 KB should make the file binary: %v", r.Skipped)
	}
	code, out, _ = textaudit(t, "explain", "testdata/hostile/utf32le.txt")
	if code != exitOK || !strings.Contains(out, "1 │ Año Nuevo") {
		t.Errorf("UTF-32LE text not decoded:\n%s", out)
	}
}

func TestHostileFileNamesInCSVAndSARIF(t *testing.T) {
	dir := t.TempDir()
	article := []byte("=HYPERLINK(\"http://x\")\n\nRelated Post\n")
	writeFile(t, filepath.Join(dir, "=cmd|' /C calc'!A0.txt"), article)
	writeFile(t, filepath.Join(dir, "a b#c%d?.txt"), article)
	// Paths are relative in practice (audit corpus/): a saved report with the folder cut
	// off gives the renderer paths that start with "=".
	code, out, errs := textaudit(t, "audit", "--format", "json", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	saved := writeFile(t, filepath.Join(t.TempDir(), "a.json"), []byte(strings.ReplaceAll(out, filepath.ToSlash(dir)+"/", "")))
	for _, format := range []string{"csv", "csv-files"} {
		code, out, errs = textaudit(t, "report", saved, "--format", format)
		if code != exitOK || !strings.Contains(out, "'=cmd") {
			t.Fatalf("%s: exit %d, no neutralised path: %s\n%s", format, code, errs, out)
		}
		checkNoFormula(t, out)
	}
	code, out, errs = textaudit(t, "audit", "--format", "sarif", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, res := range log.Runs[0].Results {
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		u, err := url.Parse(uri)
		// Files outside the folder the audit ran in get file: URIs; either way the name must
		// come back whole, with no query or fragment split off.
		if err != nil || (u.Scheme != "" && u.Scheme != "file") || u.RawQuery != "" || u.Fragment != "" {
			t.Errorf("uri %q is not a path reference: %v %+v", uri, err, u)
			continue
		}
		if name := filepath.Base(u.Path); name == "a b#c%d?.txt" || name == "=cmd|' /C calc'!A0.txt" {
			seen++
		}
	}
	if seen == 0 {
		t.Errorf("no uri decodes back to its file name")
	}
}

// checkNoFormula fails when a CSV cell starts as a spreadsheet formula.
func checkNoFormula(t *testing.T, out string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		for _, c := range strings.Split(line, ",") {
			c = strings.TrimPrefix(c, `"`)
			if c != "" && strings.ContainsRune("=+@", rune(c[0])) {
				t.Errorf("a CSV cell starts a formula: %q in %q", c, line)
			}
		}
	}
}

// signalHelper is the child process of TestHostileSignalRemovesTemporaryFiles: it starts
// writing a report, says so, and blocks until the signal arrives.
func init() {
	dir := os.Getenv("TEXTAUDIT_SIGNAL_HELPER")
	if dir == "" {
		return
	}
	removeTemporaryFilesOnSignal()
	reports.WriteFile(filepath.Join(dir, "audit.json"), func(w io.Writer) error {
		w.Write(bytes.Repeat([]byte("x"), 1<<17)) // past the buffer: the temporary file has data
		os.Stdout.WriteString("writing\n")
		select {}
	})
	os.Exit(0)
}

func TestHostileSignalRemovesTemporaryFiles(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "TEXTAUDIT_SIGNAL_HELPER="+dir)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, _ := bufio.NewReader(out).ReadString('\n')
			if line != "writing\n" {
				cmd.Process.Kill()
				t.Fatalf("helper said %q", line)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Fatalf("want one temporary file while writing, got %v", entries)
			}
			cmd.Process.Signal(sig)
			err = cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 128+int(sig) {
				t.Errorf("exit %v, want %d", err, 128+int(sig))
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

// inDir runs the test body from dir, as a user who audits a folder in place.
func inDir(t *testing.T, dir string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
}

func TestHostileReportReadsTextsOnlyUnderTheRecordedRoot(t *testing.T) {
	dir := t.TempDir()
	outside := writeFile(t, filepath.Join(t.TempDir(), "secret.txt"), []byte("SECRET-CONTENT\n"))
	writeFile(t, filepath.Join(dir, "corpus", "caf\xe9.txt"), []byte("A name in Latin-1\n\nRelated Post\n"))
	inDir(t, dir)
	code, out, errs := textaudit(t, "audit", "--format", "json", "corpus")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// The file name is not UTF-8: the report keeps its bytes and reloads its text.
	saved := writeFile(t, filepath.Join(dir, "audit.json"), []byte(out))
	code, shown, errs := textaudit(t, "report", saved, "--format", "explain")
	if code != exitOK || !strings.Contains(shown, "Related Post") || strings.Contains(errs, "not available") {
		t.Errorf("the file with a Latin-1 name was not reloaded: exit %d stderr %q\n%s", code, errs, shown)
	}
	// A JSON that names a file outside its root (here: none recorded, so the working folder)
	// does not get its text read.
	forged := `{"tool": "textaudit", "version": "x", "files": [{"path": ` + strconv.Quote(filepath.ToSlash(outside)) +
		`, "score": 96, "deductions": {}, "findings": [{"rule": "boilerplate.phrase", "category": "boilerplate", "severity": "warning", "line": 1, "end_line": 1, "column": 1, "end_column": 3, "message": "m", "fingerprint": "f"}]}], "summary": {}}`
	forgedPath := writeFile(t, filepath.Join(dir, "forged.json"), []byte(forged))
	code, shown, errs = textaudit(t, "report", forgedPath, "--format", "html")
	if code != exitOK || strings.Contains(shown, "SECRET-CONTENT") || !strings.Contains(errs, "outside the audited folders") {
		t.Errorf("a forged path was read: exit %d stderr %q", code, errs)
	}
}

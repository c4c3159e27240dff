// Package audittest runs rule families on fixture files and checks the findings and facts
// against expectations kept beside the inputs, in the spirit of go/analysis's analysistest
// (whose "// want" comments cannot live inside plain text without changing it).
//
// A fixture folder holds the input files and expect.tsv. Each line of expect.tsv names a file,
// a tab, and whitespace-separated terms; a file may have several lines; # starts a comment.
//
//	RULE@LINE              a finding of RULE covers LINE ("*" for any line)
//	RULE@LINE{key=value}   ... whose evidence[key] prints as value
//	!SEL@LINE              no finding selected by SEL covers LINE: SEL is a rule ID or family
//	                       ("boilerplate"), "*", or a severity ("warning": warning or above)
//	exact                  the file's findings are exactly the RULE@LINE terms, one each
//	none                   the file has no finding
//	FACT=VALUE             the file fact FACT prints as VALUE ("-": the fact is absent)
//
// Every file named is audited in one run, in path order, so corpus rules see them all.
package audittest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// ExpectFile is the expectations' file name inside a fixture folder.
const ExpectFile = "expect.tsv"

type term struct {
	text     string
	negate   bool
	sel      string // rule ID, family, "*" or a severity
	line     int    // 0: any line
	evKey    string
	evValue  string
	fact     string
	factWant string
	exact    bool
	none     bool
}

var findingTerm = regexp.MustCompile(`^(!?)([^@{}=!]+)@(\*|\d+)(?:\{([^=}]+)=([^}]*)\})?$`)

func parseTerm(s string) (term, error) {
	t := term{text: s}
	switch {
	case s == "exact":
		t.exact = true
		return t, nil
	case s == "none":
		t.none = true
		return t, nil
	}
	if m := findingTerm.FindStringSubmatch(s); m != nil {
		t.negate, t.sel = m[1] == "!", m[2]
		if m[3] != "*" {
			t.line, _ = strconv.Atoi(m[3])
		}
		t.evKey, t.evValue = m[4], m[5]
		if t.negate && t.evKey != "" {
			return t, fmt.Errorf("term %q: a negated term takes no evidence", s)
		}
		return t, nil
	}
	if k, v, ok := strings.Cut(s, "="); ok && k != "" && !strings.ContainsAny(k, "@!{}") {
		t.fact, t.factWant = k, v
		return t, nil
	}
	return t, fmt.Errorf("term %q: want RULE@LINE, !SEL@LINE, FACT=VALUE, exact or none", s)
}

// expectations reads dir/expect.tsv: the files in order of first mention and their terms.
func expectations(dir string) ([]string, map[string][]term, error) {
	f, err := os.Open(filepath.Join(dir, ExpectFile))
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var files []string
	terms := map[string][]term{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		name, rest, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, nil, fmt.Errorf("%s:%d: want FILE<tab>TERMS", ExpectFile, n)
		}
		if _, seen := terms[name]; !seen {
			files = append(files, name)
			terms[name] = nil
		}
		for _, s := range strings.Fields(rest) {
			t, err := parseTerm(s)
			if err != nil {
				return nil, nil, fmt.Errorf("%s:%d: %w", ExpectFile, n, err)
			}
			terms[name] = append(terms[name], t)
		}
	}
	return files, terms, sc.Err()
}

// Run audits the files named in dir/expect.tsv with reg and cfg (nil for defaults) and
// reports, per file, every expectation that does not hold.
func Run(t *testing.T, dir string, reg *audit.Registry, cfg *audit.Config) {
	t.Helper()
	names, terms, err := expectations(dir)
	if err != nil {
		t.Fatal(err)
	}
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(dir, n)
	}
	res, err := audit.Run(paths, audit.Options{Registry: reg, Config: cfg, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != len(paths) {
		t.Fatalf("audited %d files, want %d (skipped %v, errors %v)", len(res.Files), len(paths), res.Skipped, res.Errors)
	}
	byName := map[string]audit.FileReport{}
	for _, fr := range res.Files {
		rel, _ := filepath.Rel(dir, fr.Path)
		byName[filepath.ToSlash(rel)] = fr
	}
	for _, name := range names {
		fr := byName[name]
		t.Run(name, func(t *testing.T) {
			for _, problem := range check(fr, terms[name]) {
				t.Error(problem)
			}
			if t.Failed() {
				for _, f := range fr.Findings {
					t.Logf("  found %s@%d-%d: %s", f.Rule, f.Line, f.EndLine, f.Message)
				}
			}
		})
	}
}

// check returns what does not hold of terms in one file's report.
func check(fr audit.FileReport, terms []term) []string {
	var problems []string
	exact := false
	var positive []term
	for _, t := range terms {
		switch {
		case t.exact:
			exact = true
		case t.none:
			if len(fr.Findings) > 0 {
				problems = append(problems, fmt.Sprintf("none: got %d findings", len(fr.Findings)))
			}
		case t.fact != "":
			got := "-"
			if v, ok := fr.Facts[t.fact]; ok {
				got = fmt.Sprint(v)
			}
			if got != t.factWant {
				problems = append(problems, fmt.Sprintf("%s: fact %s is %s", t.text, t.fact, got))
			}
		case t.negate:
			for _, f := range fr.Findings {
				if selects(t.sel, f) && covers(t.line, f) {
					problems = append(problems, fmt.Sprintf("%s: %s@%d: %s", t.text, f.Rule, f.Line, f.Message))
				}
			}
		default:
			positive = append(positive, t)
		}
	}
	used := make([]bool, len(fr.Findings))
	for _, t := range positive {
		found := false
		for i, f := range fr.Findings {
			if f.Rule == t.sel && covers(t.line, f) && (t.evKey == "" || fmt.Sprint(f.Evidence[t.evKey]) == t.evValue) && !(exact && used[i]) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			problems = append(problems, t.text+": no such finding")
		}
	}
	if exact {
		for i, f := range fr.Findings {
			if !used[i] {
				problems = append(problems, fmt.Sprintf("exact: unexpected %s@%d: %s", f.Rule, f.Line, f.Message))
			}
		}
	}
	return problems
}

func covers(line int, f audit.Finding) bool {
	return line == 0 || f.Line <= line && line <= f.EndLine
}

// selects matches a negated term's selector: a rule ID or family, "*", or a severity (that
// severity or above).
func selects(sel string, f audit.Finding) bool {
	if sev, err := audit.ParseSeverity(sel); err == nil {
		return f.Severity >= sev
	}
	return sel == "*" || f.Rule == sel || strings.HasPrefix(f.Rule, sel+".")
}

package audit

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// IgnoreFileName is the suppression file looked up from each audited folder upward, as
// gitleaks looks up .gitleaksignore: one fingerprint per line, each with the reason.
const IgnoreFileName = ".textauditignore"

// IgnoreEntry is one line of a .textauditignore file.
type IgnoreEntry struct {
	Fingerprint string `json:"fingerprint"`
	Reason      string `json:"reason"`
	Source      string `json:"source"` // file:line, for messages
}

// Exclusion hides findings matching every condition it sets (as golangci-lint's
// exclusions.rules): paths by glob, rules by ID or prefix, the matched text or the message
// by regular expression. A reason says why, for whoever reads the config next.
type Exclusion struct {
	Paths   []string `yaml:"paths"`
	Rules   []string `yaml:"rules"`
	Text    string   `yaml:"text"`
	Message string   `yaml:"message"`
	Reason  string   `yaml:"reason"`

	text, message *regexp.Regexp
}

// compile checks the exclusion and compiles its patterns; key names it in errors.
func (e *Exclusion) compile(key string, reg *Registry) error {
	if len(e.Paths)+len(e.Rules) == 0 && e.Text == "" && e.Message == "" {
		return fmt.Errorf("%s: set at least one of paths, rules, text, message", key)
	}
	if strings.TrimSpace(e.Reason) == "" {
		return fmt.Errorf("%s.reason: say why these findings are excluded", key)
	}
	for _, g := range e.Paths {
		if !doublestar.ValidatePattern(g) {
			return fmt.Errorf("%s.paths: bad glob %q", key, g)
		}
	}
	for _, r := range e.Rules {
		if len(reg.Match(r)) == 0 {
			return fmt.Errorf("%s.rules: no rule matches %q (see `textaudit rules`)", key, r)
		}
	}
	var err error
	if e.Text != "" {
		if e.text, err = regexp.Compile(e.Text); err != nil {
			return fmt.Errorf("%s.text: %v", key, err)
		}
	}
	if e.Message != "" {
		if e.message, err = regexp.Compile(e.Message); err != nil {
			return fmt.Errorf("%s.message: %v", key, err)
		}
	}
	return nil
}

// Matches reports whether the exclusion hides f.
func (e *Exclusion) Matches(f Finding) bool {
	if len(e.Paths) > 0 && !(PathOverride{Paths: e.Paths}).matches(f.Path) {
		return false
	}
	if len(e.Rules) > 0 {
		hit := false
		for _, r := range e.Rules {
			hit = hit || matchesSelector(f.Rule, r)
		}
		if !hit {
			return false
		}
	}
	if e.text != nil {
		t, _ := f.Evidence["text"].(string)
		if !e.text.MatchString(t) {
			return false
		}
	}
	if e.message != nil && !e.message.MatchString(f.Message) {
		return false
	}
	return true
}

// FindIgnoreFiles looks for .textauditignore in each audited path's folder and its
// parents, and returns each file found once, nearest first.
func FindIgnoreFiles(paths []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		dir := p
		if st, err := os.Stat(p); err != nil || !st.IsDir() {
			dir = filepath.Dir(p)
		}
		dir, err := filepath.Abs(dir)
		if err != nil {
			continue
		}
		for {
			f := filepath.Join(dir, IgnoreFileName)
			if st, err := os.Stat(f); err == nil && !st.IsDir() {
				if !seen[f] {
					seen[f] = true
					out = append(out, f)
				}
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return out
}

// LoadIgnoreFile reads a .textauditignore: blank lines and lines starting with # are
// skipped; every other line is a fingerprint, white space, and the reason (required).
func LoadIgnoreFile(path string) ([]IgnoreEntry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, pathError(err))
	}
	var out []IgnoreEntry
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fp, reason, _ := strings.Cut(line, " ")
		if i := strings.IndexAny(fp, "\t"); i >= 0 {
			fp, reason = fp[:i], fp[i+1:]+" "+reason
		}
		reason = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(reason), "#"))
		if !isFingerprint(fp) {
			return nil, fmt.Errorf("%s:%d: %q is not a finding fingerprint (16 hex digits, as in the JSON report's \"fingerprint\")", path, n, fp)
		}
		if reason == "" {
			return nil, fmt.Errorf("%s:%d: fingerprint %s has no reason; write why it is ignored after it", path, n, fp)
		}
		out = append(out, IgnoreEntry{Fingerprint: strings.ToLower(fp), Reason: reason, Source: fmt.Sprintf("%s:%d", path, n)})
	}
	return out, sc.Err()
}

func isFingerprint(s string) bool {
	if len(s) != 16 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// SuppressionOutcome says what the ignore file and the config's exclusions hid. Entries
// that matched nothing are not listed: a hook audits a few files, and the rest of the
// entries are for files it did not see.
type SuppressionOutcome struct {
	Ignored  int `json:"ignored"`  // by .textauditignore fingerprints
	Excluded int `json:"excluded"` // by config exclusions
}

// Suppress removes findings listed in the ignore entries or matched by an exclusion and
// rescores the files, so scores and gates see only what is left.
func Suppress(files []FileReport, ignore []IgnoreEntry, exclusions []Exclusion, model ScoreModel) SuppressionOutcome {
	byFP := map[string]bool{}
	for _, e := range ignore {
		byFP[e.Fingerprint] = true
	}
	var out SuppressionOutcome
	for i := range files {
		f := &files[i]
		kept := f.Findings[:0]
		changed := false
	next:
		for _, x := range f.Findings {
			if byFP[x.Fingerprint] {
				out.Ignored++
				changed = true
				continue
			}
			for k := range exclusions {
				if exclusions[k].Matches(x) {
					out.Excluded++
					changed = true
					continue next
				}
			}
			kept = append(kept, x)
		}
		f.Findings = kept
		if changed {
			f.Score, f.Deductions = model.Score(f.Findings)
		}
	}
	return out
}

package audit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"gopkg.in/yaml.v3"
)

// ConfigFileName is looked up from the working folder upward when --config is not given.
const ConfigFileName = ".textaudit.yaml"

// Config is the user's settings, read from .textaudit.yaml. The zero value means defaults.
type Config struct {
	// Disable and Enable select rules by ID or family prefix ("spin", "boilerplate.structure").
	// Enable wins over Disable, so a family can be switched off but one of its rules kept.
	Disable []string `yaml:"disable"`
	Enable  []string `yaml:"enable"`
	// Severity overrides a rule's default severity, by ID or prefix.
	Severity map[string]string `yaml:"severity"`
	// Params overrides rule thresholds: rule ID → parameter name → value (a number or a
	// switch, as YAML decodes it; checked against the rule's declaration).
	Params map[string]map[string]any `yaml:"params"`
	// Phrases extends the boilerplate lexicon: language code ("en", "es", ...) → phrases.
	Phrases map[string][]string `yaml:"phrases"`
	// SpinPhrases extends the list of broken idioms and tortured phrases of spin.paragraph.
	SpinPhrases []string `yaml:"spin_phrases"`
	// Languages is the candidate set for language identification (ISO 639-1 codes).
	Languages []string `yaml:"languages"`
	// Overrides apply to files whose path matches one of the globs.
	Overrides []PathOverride `yaml:"overrides"`
	// Exclusions hide findings by path, rule, matched text or message, each with a reason.
	Exclusions []Exclusion `yaml:"exclusions"`

	// Now is the reference time for date plausibility (the --now flag); not read from YAML.
	Now time.Time `yaml:"-"`
	// Source is the file the config came from, empty for defaults.
	Source string `yaml:"-"`
}

// PathOverride changes rule selection and severities for matching paths.
type PathOverride struct {
	Paths    []string          `yaml:"paths"`
	Disable  []string          `yaml:"disable"`
	Enable   []string          `yaml:"enable"`
	Severity map[string]string `yaml:"severity"`
}

// LoadConfig reads and checks a config file against the registry: unknown keys, unknown
// rules, unknown parameters and malformed globs are errors that name the key.
func LoadConfig(path string, reg *Registry) (*Config, error) {
	data, err := ReadInputFile(path, MaxConfigSize)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	cfg, err := ParseConfig(data, reg)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	cfg.Source = path
	return cfg, nil
}

// ParseConfig decodes YAML strictly and validates it against the registry.
func ParseConfig(data []byte, reg *Registry) (*Config, error) {
	cfg := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, explainYAMLError(data, err)
	}
	if err := cfg.Validate(reg); err != nil {
		return nil, err
	}
	return cfg, nil
}

// FindConfig looks for .textaudit.yaml in dir and its parents; "" when there is none.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, ConfigFileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Validate checks every selector, parameter and glob.
func (c *Config) Validate(reg *Registry) error {
	checkSelectors := func(key string, sels []string) error {
		for _, s := range sels {
			if len(reg.Match(s)) == 0 {
				return fmt.Errorf("%s: no rule matches %q (see `textaudit rules`)", key, s)
			}
		}
		return nil
	}
	checkSeverity := func(key string, m map[string]string) error {
		for _, s := range sortedKeys(m) {
			if len(reg.Match(s)) == 0 {
				return fmt.Errorf("%s.%s: no rule matches %q", key, s, s)
			}
			if _, err := ParseSeverity(m[s]); err != nil {
				return fmt.Errorf("%s.%s: %w", key, s, err)
			}
		}
		return nil
	}
	if err := checkSelectors("disable", c.Disable); err != nil {
		return err
	}
	if err := checkSelectors("enable", c.Enable); err != nil {
		return err
	}
	if err := checkSeverity("severity", c.Severity); err != nil {
		return err
	}
	for _, id := range sortedKeys(c.Params) {
		r, ok := reg.Lookup(id)
		if !ok {
			return fmt.Errorf("params.%s: unknown rule (parameters are set per rule ID, see `textaudit rules`)", id)
		}
		if _, err := paramsFor(r, c.Params[id]); err != nil {
			return err
		}
	}
	for lang, list := range c.Phrases {
		if len(lang) < 2 || len(lang) > 3 {
			return fmt.Errorf("phrases.%s: want an ISO 639-1 language code such as en or es", lang)
		}
		for i, p := range list {
			if NormalizeForMatch(p) == "" {
				return fmt.Errorf("phrases.%s[%d]: phrase has no letters or digits", lang, i)
			}
		}
	}
	for _, r := range reg.Rules() {
		if r.CheckConfig != nil {
			if err := r.CheckConfig(c); err != nil {
				return err
			}
		}
	}
	for i, p := range c.SpinPhrases {
		if len(strings.Fields(NormalizeForMatch(p))) < 2 {
			return fmt.Errorf("spin_phrases[%d]: want a phrase of two or more words, got %q", i, p)
		}
	}
	for i := range c.Exclusions {
		if err := c.Exclusions[i].compile(fmt.Sprintf("exclusions[%d]", i), reg); err != nil {
			return err
		}
	}
	for i, o := range c.Overrides {
		key := fmt.Sprintf("overrides[%d]", i)
		if len(o.Paths) == 0 {
			return fmt.Errorf("%s.paths: at least one glob is required", key)
		}
		for _, g := range o.Paths {
			if !doublestar.ValidatePattern(g) {
				return fmt.Errorf("%s.paths: bad glob %q", key, g)
			}
		}
		if err := checkSelectors(key+".disable", o.Disable); err != nil {
			return err
		}
		if err := checkSelectors(key+".enable", o.Enable); err != nil {
			return err
		}
		if err := checkSeverity(key+".severity", o.Severity); err != nil {
			return err
		}
	}
	return nil
}

// RuleEnabled reports whether rule id runs at all (global selection only).
func (c *Config) RuleEnabled(id string) bool {
	return selected(id, c.Disable, c.Enable, true)
}

// selected applies disable then enable lists; the most specific selector wins.
func selected(id string, disable, enable []string, def bool) bool {
	best, on := -1, def
	for _, s := range disable {
		if matchesSelector(id, s) && specificity(s) > best {
			best, on = specificity(s), false
		}
	}
	for _, s := range enable {
		if matchesSelector(id, s) && specificity(s) >= best {
			best, on = specificity(s), true
		}
	}
	return on
}

func specificity(sel string) int {
	if sel == "*" {
		return 0
	}
	return strings.Count(sel, ".") + 1
}

// severityFor finds the most specific severity override for id, if any.
func severityFor(id string, m map[string]string) (Severity, bool) {
	best, sev, ok := -1, Info, false
	for sel, name := range m {
		s, err := ParseSeverity(name)
		if err == nil && matchesSelector(id, sel) && specificity(sel) > best {
			best, sev, ok = specificity(sel), s, true
		}
	}
	return sev, ok
}

// Resolve applies global and per-path settings to a finding: it reports false when the
// rule is disabled for that path, and otherwise returns the finding's effective severity.
func (c *Config) Resolve(f Finding) (Severity, bool) {
	on := c.RuleEnabled(f.Rule)
	sev := f.Severity
	if s, ok := severityFor(f.Rule, c.Severity); ok {
		sev = s
	}
	for _, o := range c.Overrides {
		if !o.matches(f.Path) {
			continue
		}
		on = selected(f.Rule, o.Disable, o.Enable, on)
		if s, ok := severityFor(f.Rule, o.Severity); ok {
			sev = s
		}
	}
	return sev, on
}

func (o PathOverride) matches(path string) bool {
	for _, g := range o.Paths {
		if globMatchesTail(g, path) {
			return true
		}
	}
	return false
}

// globMatchesTail matches a glob against the path and each of its trailing sub-paths, as
// .gitignore does, so "archive/**" matches "corpus/archive/2004/a.txt" and "/abs/archive/x".
func globMatchesTail(glob, path string) bool {
	p := filepath.ToSlash(path)
	for {
		if ok, _ := doublestar.Match(glob, p); ok {
			return true
		}
		i := strings.IndexByte(p, '/')
		if i < 0 {
			return false
		}
		p = p[i+1:]
	}
}

// ParamsFor resolves a rule's parameters: defaults overlaid with the config's values, each
// checked against its declaration (type, finite, in range), so a config built in code
// cannot smuggle in what loading would reject.
func (c *Config) ParamsFor(r *Rule) (Params, error) {
	return paramsFor(r, c.Params[r.ID])
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var (
	yamlLine = regexp.MustCompile(`line (\d+): `)
	// yamlUnknownField is yaml.v3's message for a key the struct lacks; it names Go types.
	yamlUnknownField = regexp.MustCompile(`field (\S+) not found in type (\S+)`)
)

// explainYAMLError adds the dotted key to yaml.v3's messages, which name only a line
// ("line 1: cannot unmarshal !!int into []string" becomes "disable: line 1: ...").
func explainYAMLError(data []byte, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return errors.New(strings.TrimSpace(msg))
	}
	var out []string
	for _, part := range strings.Split(msg, "\n") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if m := yamlUnknownField.FindStringSubmatch(part); m != nil {
			part = yamlUnknownField.ReplaceAllString(part, "unknown key "+m[1]+suggestKey(m[1], m[2]))
		}
		if m := yamlLine.FindStringSubmatch(part); m != nil {
			n, _ := strconv.Atoi(m[1])
			if key := keyAtLine(&root, n, ""); key != "" {
				part = key + ": " + part
			}
		}
		out = append(out, part)
	}
	return errors.New(strings.Join(out, "; "))
}

// suggestKey names the closest known key of the YAML type ("audit.Config") to a mistyped
// one, as " (did you mean disable?)", or lists the known keys when none is close.
func suggestKey(key, typeName string) string {
	var t reflect.Type
	switch strings.TrimPrefix(typeName, "audit.") {
	case "Config":
		t = reflect.TypeOf(Config{})
	case "PathOverride":
		t = reflect.TypeOf(PathOverride{})
	case "Exclusion":
		t = reflect.TypeOf(Exclusion{})
	default:
		return ""
	}
	var known []string
	best, bestDist := "", 3
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		known = append(known, name)
		if d := editDistance(key, name); d < bestDist {
			best, bestDist = name, d
		}
	}
	if best != "" {
		return " (did you mean " + best + "?)"
	}
	return " (known: " + strings.Join(known, ", ") + ")"
}

// editDistance is the Levenshtein distance of two short keys.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// keyAtLine finds the dotted path of the deepest mapping key whose entry is on line.
func keyAtLine(n *yaml.Node, line int, prefix string) string {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for i, c := range n.Content {
			p := prefix
			if n.Kind == yaml.SequenceNode {
				p = fmt.Sprintf("%s[%d]", prefix, i)
			}
			if k := keyAtLine(c, line, p); k != "" {
				return k
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			path := k.Value
			if prefix != "" {
				path = prefix + "." + k.Value
			}
			if deeper := keyAtLine(v, line, path); deeper != "" {
				return deeper
			}
			if k.Line == line || v.Line == line {
				return path
			}
		}
	}
	return ""
}

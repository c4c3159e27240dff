package audit

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// ParamKind is the type of a rule parameter's value.
type ParamKind uint8

const (
	// IntKind is a count: a whole number.
	IntKind ParamKind = iota + 1
	// FloatKind is a threshold, share or gain: any finite number.
	FloatKind
	// BoolKind is a switch: true or false (0 and 1 are accepted too).
	BoolKind
)

func (k ParamKind) String() string {
	switch k {
	case IntKind:
		return "int"
	case FloatKind:
		return "float"
	case BoolKind:
		return "bool"
	}
	return "unknown"
}

// MarshalText writes the kind by name in JSON.
func (k ParamKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Param declares one tunable parameter of a rule, once: its name in the config, its type,
// default, valid range (inclusive; ±Inf for none), a one-line meaning shown by `textaudit
// rules`, and the field of the rule's parameter struct it is decoded into. Declare it with
// IntParam, FloatParam or BoolParam.
type Param struct {
	Name     string
	Kind     ParamKind
	Default  float64 // a bool's default is 0 or 1
	Min, Max float64
	Meaning  string
	set      func(dst any, v float64)
}

// Unbounded is the Max of a parameter with no upper limit.
var Unbounded = math.Inf(1)

// IntParam declares a whole-number parameter decoded into the int field returns.
func IntParam[T any](name string, def, lo int, hi float64, meaning string, field func(*T) *int) Param {
	return Param{Name: name, Kind: IntKind, Default: float64(def), Min: float64(lo), Max: hi, Meaning: meaning,
		set: func(dst any, v float64) { *field(castParams[T](dst, name)) = int(v) }}
}

// FloatParam declares a number parameter decoded into the float64 field returns.
func FloatParam[T any](name string, def, lo, hi float64, meaning string, field func(*T) *float64) Param {
	return Param{Name: name, Kind: FloatKind, Default: def, Min: lo, Max: hi, Meaning: meaning,
		set: func(dst any, v float64) { *field(castParams[T](dst, name)) = v }}
}

// BoolParam declares a switch decoded into the bool field returns.
func BoolParam[T any](name string, def bool, meaning string, field func(*T) *bool) Param {
	d := 0.0
	if def {
		d = 1
	}
	return Param{Name: name, Kind: BoolKind, Default: d, Min: 0, Max: 1, Meaning: meaning,
		set: func(dst any, v float64) { *field(castParams[T](dst, name)) = v != 0 }}
}

func castParams[T any](dst any, name string) *T {
	t, ok := dst.(*T)
	if !ok {
		panic(fmt.Sprintf("textaudit: parameter %s decodes into %T, not %T", name, new(T), dst))
	}
	return t
}

// DefaultText is the default as written in a config ("8", "0.5", "true").
func (d Param) DefaultText() string { return formatParam(d.Kind, d.Default) }

// RangeText is the valid range as text ("0 to 1", "1 or more"), empty for a switch.
func (d Param) RangeText() string {
	switch {
	case d.Kind == BoolKind:
		return ""
	case math.IsInf(d.Max, 1):
		return formatParam(d.Kind, d.Min) + " or more"
	}
	return formatParam(d.Kind, d.Min) + " to " + formatParam(d.Kind, d.Max)
}

func formatParam(k ParamKind, v float64) string {
	if k == BoolKind {
		return strconv.FormatBool(v != 0)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// check converts a config value (as YAML decodes it: int, float64, bool, string, ...) to the
// parameter's type, or says why it cannot be.
func (d Param) check(raw any) (float64, error) {
	var v float64
	switch x := raw.(type) {
	case bool:
		if d.Kind != BoolKind {
			return 0, fmt.Errorf("want %s, got %v", d.want(), x)
		}
		if x {
			v = 1
		}
		return v, nil
	case int:
		v = float64(x)
	case int64:
		v = float64(x)
	case uint64:
		v = float64(x)
	case float64:
		v = x
	default:
		return 0, fmt.Errorf("want %s, got %v", d.want(), describeValue(raw))
	}
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return 0, fmt.Errorf("want %s, got %v", d.want(), v)
	case d.Kind == IntKind && v != math.Trunc(v):
		return 0, fmt.Errorf("want %s, got %v", d.want(), v)
	case d.Kind == BoolKind && v != 0 && v != 1:
		return 0, fmt.Errorf("want %s, got %v", d.want(), v)
	case v < d.Min || v > d.Max:
		return 0, fmt.Errorf("want %s, got %v", d.want(), v)
	}
	return v, nil
}

// want describes the valid values: "a whole number from 1 to 64", "true or false".
func (d Param) want() string {
	switch d.Kind {
	case BoolKind:
		return "true or false"
	case IntKind:
		return "a whole number " + rangePhrase(d)
	}
	return "a number " + rangePhrase(d)
}

func rangePhrase(d Param) string {
	if math.IsInf(d.Max, 1) {
		return formatParam(d.Kind, d.Min) + " or more"
	}
	return "from " + formatParam(d.Kind, d.Min) + " to " + formatParam(d.Kind, d.Max)
}

func describeValue(raw any) string {
	switch x := raw.(type) {
	case nil:
		return "nothing"
	case string:
		return strconv.Quote(x)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%v", raw)
}

// Params are the resolved parameters of one rule for one run: its declarations' defaults
// overlaid with the config's values.
type Params struct {
	decls  []Param
	values map[string]float64
}

// Defaults returns the rule's parameters at their declared defaults.
func (r *Rule) Defaults() Params {
	p := Params{decls: r.Params, values: make(map[string]float64, len(r.Params))}
	for _, d := range r.Params {
		p.values[d.Name] = d.Default
	}
	return p
}

// Get returns a parameter as a number; asking for an undeclared one is a programming error
// and panics in tests rather than silently reading zero.
func (p Params) Get(name string) float64 {
	v, ok := p.values[name]
	if !ok {
		panic(fmt.Sprintf("textaudit: undeclared rule parameter %q", name))
	}
	return v
}

// DecodeParams fills a T, the struct the rule's declarations bind, with the resolved values.
func DecodeParams[T any](p Params) T {
	var t T
	for _, d := range p.decls {
		d.set(&t, p.values[d.Name])
	}
	return t
}

// paramsFor resolves rule r's parameters against the config's overrides, checking each.
func paramsFor(r *Rule, overrides map[string]any) (Params, error) {
	p := r.Defaults()
	for _, name := range sortedKeys(overrides) {
		d, ok := r.param(name)
		if !ok {
			known := make([]string, len(r.Params))
			for i, d := range r.Params {
				known[i] = d.Name
			}
			sort.Strings(known)
			if len(known) == 0 {
				return Params{}, fmt.Errorf("params.%s.%s: unknown parameter (%s has none)", r.ID, name, r.ID)
			}
			return Params{}, fmt.Errorf("params.%s.%s: unknown parameter (known: %s)", r.ID, name, strings.Join(known, ", "))
		}
		v, err := d.check(overrides[name])
		if err != nil {
			return Params{}, fmt.Errorf("params.%s.%s: %w", r.ID, name, err)
		}
		p.values[name] = v
	}
	return p, nil
}

func (r *Rule) param(name string) (Param, bool) {
	for _, d := range r.Params {
		if d.Name == name {
			return d, true
		}
	}
	return Param{}, false
}

// validateParams checks a rule's declarations: unique names, a binding, a meaning, a sane
// range holding the default.
func validateParams(r *Rule) error {
	seen := map[string]bool{}
	for _, d := range r.Params {
		switch {
		case d.Name == "" || seen[d.Name]:
			return fmt.Errorf("rule %s: parameter %q declared twice or unnamed", r.ID, d.Name)
		case d.set == nil || d.Kind == 0:
			return fmt.Errorf("rule %s: parameter %s not declared with IntParam, FloatParam or BoolParam", r.ID, d.Name)
		case d.Meaning == "":
			return fmt.Errorf("rule %s: parameter %s has no meaning", r.ID, d.Name)
		case !(d.Min <= d.Default && d.Default <= d.Max):
			return fmt.Errorf("rule %s: parameter %s: default %v outside %s", r.ID, d.Name, d.Default, d.RangeText())
		}
		seen[d.Name] = true
	}
	return nil
}

package boilerplate

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestShippedLineModelLoads(t *testing.T) {
	m, err := loadLineModel()
	if err != nil {
		t.Fatal(err)
	}
	for kind, param := range map[string]string{"article": "article_threshold", "page": "page_threshold"} {
		if got, want := m.Kinds[kind].Threshold, Line.Defaults().Get(param); got != want {
			t.Errorf("%s: model file threshold %v, rule parameter %s %v: refit or update the parameter", kind, got, param, want)
		}
		if len(m.Kinds[kind].Trees) == 0 {
			t.Errorf("%s model has no trees", kind)
		}
	}
}

func TestParseLineModelRejectsBadFiles(t *testing.T) {
	good := func() map[string]any {
		tree := map[string]any{"f": []int{0, -1, -1}, "t": []float64{0.5, 0, 0}, "l": []int{1, 0, 0}, "r": []int{2, 0, 0}, "v": []float64{0, -1, 1}}
		kind := map[string]any{"threshold": 0.5, "base_margin": 0, "trees": []any{tree}}
		return map[string]any{
			"features": featureNames,
			"gate":     map[string]any{"feature_prose_share": "file_prose_share", "max_prose_share": 0.3, "feature_mean_tokens": "file_mean_tokens", "max_mean_tokens": 18},
			"kinds":    map[string]any{"article": kind, "page": kind},
		}
	}
	tests := []struct {
		name   string
		change func(m map[string]any)
		want   string // part of the error, "" for none
	}{
		{"a well-formed model loads", func(map[string]any) {}, ""},
		{"other features", func(m map[string]any) { m["features"] = []string{"chars"} }, "other features"},
		{"a missing kind", func(m map[string]any) { delete(m["kinds"].(map[string]any), "page") }, "no page model"},
		{"a child pointing backwards", func(m map[string]any) {
			m["kinds"].(map[string]any)["article"] = map[string]any{"trees": []any{map[string]any{"f": []int{0}, "t": []float64{1}, "l": []int{0}, "r": []int{0}, "v": []float64{0}}}}
		}, "malformed tree"},
		{"a gate on an unknown feature", func(m map[string]any) { m["gate"].(map[string]any)["feature_prose_share"] = "nope" }, "unknown features"},
		{"not JSON", nil, "invalid character"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte("{nope")
			if tc.change != nil {
				m := good()
				tc.change(m)
				data, _ = json.Marshal(m)
			}
			_, err := parseLineModel(data)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("error %v, want none", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

func TestTreesSumLeavesThroughTheLogistic(t *testing.T) {
	var e trees
	if err := json.Unmarshal([]byte(`{"base_margin":0.5,"trees":[
		{"f":[0,-1,-1],"t":[0.5,0,0],"l":[1,0,0],"r":[2,0,0],"v":[0,-1,2]},
		{"f":[1,-1,-1],"t":[3,0,0],"l":[1,0,0],"r":[2,0,0],"v":[0,0.25,-0.25]}]}`), &e); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		x      []float64
		margin float64
	}{
		{[]float64{0, 0}, 0.5 - 1 + 0.25},
		{[]float64{0.5, 3}, 0.5 + 2 - 0.25}, // a value equal to the threshold goes right, as in XGBoost
		{[]float64{1, 2.9}, 0.5 + 2 + 0.25},
	}
	for _, tc := range tests {
		want := 1 / (1 + math.Exp(-tc.margin))
		if got := e.prob(tc.x); math.Abs(got-want) > 1e-12 {
			t.Errorf("prob(%v) = %v, want %v", tc.x, got, want)
		}
	}
}

// TestLineRuleLeavesArticleTextAlone runs the family on an invented article: the title,
// the byline, the time stamp, the wire credit and the prose are never line-model findings.
func TestLineRuleLeavesArticleTextAlone(t *testing.T) {
	text := strings.Join([]string{
		"Harbour bridge reopens after storm repairs",
		"By Jane Roe, Westport Gazette",
		"Posted on 2019-03-14 09:52",
		"The harbour bridge reopened on Monday after three weeks of repairs to the storm damage, the council said.",
		"Engineers had worked through the night to replace the damaged cables, and the first buses crossed at dawn.",
		"\"We are relieved that the town is connected again,\" the mayor told reporters at the ceremony.",
		"Traders on the east bank said they had lost about a third of their usual business during the closure.",
		"The council will publish a report on the cost of the repairs next month, a spokeswoman added.",
		"WESTPORT (Reuters) - The harbour authority said it would review its storm plans.",
		"(Reporting by Jane Roe; Editing by John Doe)",
		"-- Jane Roe",
	}, "\n\n") + "\n"
	p := filepath.Join(t.TempDir(), "article.txt")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range runRules(t, nil, p)["article.txt"] {
		if strings.HasPrefix(f, "boilerplate.line:") {
			t.Errorf("line-model finding %s on article text", f)
		}
	}
}

func TestDescribeLineNamesKindAndTraits(t *testing.T) {
	row := func(set map[string]float64) []float64 {
		r := make([]float64, len(featureNames))
		r[featureIndex("tokens")] = math.Log1p(6)
		r[featureIndex("chars")] = math.Log1p(40)
		r[featureIndex("ends_sentence")] = 1
		for k, v := range set {
			r[featureIndex(k)] = v
		}
		return r
	}
	tests := []struct {
		name   string
		set    map[string]float64
		kind   string
		reason string
	}{
		{"a credit at the end is a caption", map[string]float64{"credit_tail": 1}, "a caption or credit", "ends in a photo or source credit"},
		{"pipes are navigation", map[string]float64{"pipes": 3, "ends_sentence": 0}, "navigation", "items set off by pipes, bullets or arrows"},
		{"a short unpunctuated line is a teaser or prompt", map[string]float64{"ends_sentence": 0}, "a teaser headline or prompt", "short line (6 words) without sentence punctuation"},
		{"a copyright notice is a footer", map[string]float64{"copyright": 1, "after_last_prose": 1}, "a footer", "after the last paragraph of prose"},
		{"a name in brackets at the end is a caption", map[string]float64{"paren_tail": 1, "full_date": 1}, "a caption or credit", "carries a full date, as captions do"},
		{"a headline said twice is a player", map[string]float64{"self_repeat": 0.6, "lead_allcaps": 2}, "a gallery or video player", "opens with words in capitals"},
		{"a label opens a teaser", map[string]float64{"label_prefix": 1, "ends_sentence": 0}, "a teaser headline or prompt", "opens with a label and a colon"},
		{"residue on both sides is said", map[string]float64{"prev1_residue": 1, "next1_residue": 1}, "page residue", "between two residue lines"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			kind, why := describeLine(row(tc.set))
			if kind != tc.kind || !strings.Contains(strings.Join(why, "; "), tc.reason) {
				t.Errorf("describeLine = %q %q, want %q with %q", kind, why, tc.kind, tc.reason)
			}
		})
	}
}

var updateGenerated = flag.Bool("update", false, "rewrite the generated files (model_gen.go, lexicon_gen.go) from their sources")

// checkGenerated fails when the file generated as name differs from src (gofmt'ed); with
// -update (go generate) it rewrites the file first.
func checkGenerated(t *testing.T, name string, src []byte) {
	t.Helper()
	src, err := format.Source(src)
	if err != nil {
		t.Fatal(err)
	}
	if *updateGenerated {
		if err := os.WriteFile(name, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, src) {
		t.Fatalf("%s is stale: run go generate ./rules/boilerplate", name)
	}
}

// TestGeneratedLineModelMatchesJSON checks that model_gen.go, the Go form the shipped model
// is loaded from, holds what model/line_model.json (the fitted artefact) says; with -update
// (go generate) it rewrites model_gen.go.
func TestGeneratedLineModelMatchesJSON(t *testing.T) {
	data, err := os.ReadFile("model/line_model.json")
	if err != nil {
		t.Fatal(err)
	}
	m, err := parseLineModel(data)
	if err != nil {
		t.Fatal(err)
	}
	checkGenerated(t, "model_gen.go", lineModelGoSource(m))
	g := generatedLineModel()
	if err := checkLineModel(g); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, m) {
		t.Fatal("the generated model differs from model/line_model.json")
	}
	for _, k := range []string{"article", "page"} {
		for i, tr := range m.Kinds[k].Trees {
			for j := range tr.V {
				gt, gv := g.Kinds[k].Trees[i].T[j], g.Kinds[k].Trees[i].V[j]
				if math.Float64bits(gt) != math.Float64bits(tr.T[j]) || math.Float64bits(gv) != math.Float64bits(tr.V[j]) {
					t.Fatalf("%s tree %d node %d: generated %v/%v, JSON %v/%v", k, i, j, gt, gv, tr.T[j], tr.V[j])
				}
			}
		}
	}
}

// lineModelGoSource writes m as Go: package-level composite literals of constants, which
// the compiler lays out as static data, so loading costs nothing at run time.
func lineModelGoSource(m *lineModel) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by TestGeneratedLineModelMatchesJSON from model/line_model.json (go generate ./rules/boilerplate). DO NOT EDIT.\n\npackage boilerplate\n\n")
	b.WriteString("func generatedLineModel() *lineModel {\n\treturn &lineModel{\n\t\tFeatures: generatedFeatures,\n")
	fmt.Fprintf(&b, "\t\tGate: gate{ProseShare: %q, MaxProseShare: %s, MeanTokens: %q, MaxMeanTokens: %s},\n",
		m.Gate.ProseShare, goFloat(m.Gate.MaxProseShare), m.Gate.MeanTokens, goFloat(m.Gate.MaxMeanTokens))
	b.WriteString("\t\tKinds: map[string]*trees{\"article\": &generatedArticle, \"page\": &generatedPage},\n\t}\n}\n\n")
	b.WriteString("var generatedFeatures = []string{")
	for i, f := range m.Features {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", f)
	}
	b.WriteString("}\n")
	for _, k := range []string{"article", "page"} {
		e := m.Kinds[k]
		fmt.Fprintf(&b, "\nvar generated%s%s = trees{\n\tThreshold: %s,\n\tBaseMargin: %s,\n\tTrees: []tree{\n",
			strings.ToUpper(k[:1]), k[1:], goFloat(e.Threshold), goFloat(e.BaseMargin))
		for _, tr := range e.Trees {
			fmt.Fprintf(&b, "\t\t{F: %s, T: %s, L: %s, R: %s, V: %s},\n", goInts(tr.F), goFloats(tr.T), goInts(tr.L), goInts(tr.R), goFloats(tr.V))
		}
		b.WriteString("\t},\n}\n")
	}
	return b.Bytes()
}

func goFloat(v float64) string {
	if v == 0 && math.Signbit(v) {
		return "math.Copysign(0, -1)" // never written by fit.py; fails to compile, so it is noticed
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func goFloats(vs []float64) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = goFloat(v)
	}
	return "[]float64{" + strings.Join(parts, ", ") + "}"
}

func goInts(vs []int) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = strconv.Itoa(v)
	}
	return "[]int{" + strings.Join(parts, ", ") + "}"
}

func TestShortSentence(t *testing.T) {
	row := func(stop, copy float64) []float64 {
		r := make([]float64, len(featureNames))
		r[stopwordDensity], r[copyright] = stop, copy
		return r
	}
	for _, c := range []struct {
		text       string
		tokens     int
		stop, copy float64
		want       bool
	}{
		{"Terms were not disclosed.", 4, 0.5, 0, true},
		{"No successor was named.", 4, 0.25, 0, true},
		{"Closing expected.", 2, 0.5, 0, false},                             // too short
		{"Terms were not disclosed", 4, 0.5, 0, false},                      // no full stop
		{"Read more of this story...", 5, 0.4, 0, false},                    // an ellipsis
		{"terms were not disclosed.", 4, 0.5, 0, false},                     // no capital
		{"Gold Silver Copper Zinc.", 4, 0, 0, false},                        // no function word
		{"Copyright 2017 by KSAT - All rights reserved.", 8, 0.2, 1, false}, // a copyright line
	} {
		if got := shortSentence(lineShape{text: c.text, tokens: c.tokens}, row(c.stop, c.copy)); got != c.want {
			t.Errorf("shortSentence(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestTableRow(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"Memphis         5400      5450      3317", true},
		{"DEC7\t9418A", true},
		{"Prime rate     7.75", true},
		{"OPEN      HIGH   LOW     CLOSE", false},             // no digit: a header
		{"Its 1986 revenues totaled 12 mln dlrs.", false},     // single spaces
		{"Food (31)  Travel (12)", true},                      // columns laid out with spaces
		{"Posted 3 hours ago ", false},                        // trailing spaces only
		{"1 of 22 Full Screen Autoplay Close Skip Ad", false}, // flattened page chrome
	} {
		if got := tableRow(c.line); got != c.want {
			t.Errorf("tableRow(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

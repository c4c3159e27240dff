package boilerplate

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/news"
)

// The line model: gradient-boosted trees fitted offline by model/fit.py on the generic line
// features of features.go (see model/README.md for the data, the method and the
// cross-validated figures). The trees are evaluated here; no library is needed for that.

//go:generate go test -run TestGeneratedLineModelMatchesJSON -update

// modelEnv names a model file that replaces the embedded one. It exists for model/cv.sh,
// which scores each cross-validation fold with the model fitted without it.
const modelEnv = "TEXTAUDIT_BOILERPLATE_MODEL"

// trees is one fitted ensemble: node arrays per tree (feature index, threshold, left and
// right child, leaf value; a leaf has feature -1).
type trees struct {
	Threshold  float64 `json:"threshold"`
	BaseMargin float64 `json:"base_margin"`
	Trees      []tree  `json:"trees"`
}

// tree is one fitted tree's node arrays.
type tree struct {
	F []int     `json:"f"`
	T []float64 `json:"t"`
	L []int     `json:"l"`
	R []int     `json:"r"`
	V []float64 `json:"v"`
}

// prob is the ensemble's probability that a feature vector is residue. XGBoost sends a
// value below the threshold left ("x < t").
func (e *trees) prob(x []float64) float64 {
	m := e.BaseMargin
	for _, t := range e.Trees {
		i := 0
		for t.F[i] >= 0 {
			if float32(x[t.F[i]]) < float32(t.T[i]) {
				i = t.L[i]
			} else {
				i = t.R[i]
			}
		}
		m += t.V[i]
	}
	return 1 / (1 + math.Exp(-m))
}

// lineModel is the shipped model: one ensemble for articles and one for whole pages, and
// the gate that tells them apart from two file features.
type lineModel struct {
	Features []string          `json:"features"`
	Gate     gate              `json:"gate"`
	Kinds    map[string]*trees `json:"kinds"`

	proseShare, meanTokens int // feature indexes of the gate
}

// gate names the two file features that tell a page from an article, and their limits.
type gate struct {
	ProseShare    string  `json:"feature_prose_share"`
	MaxProseShare float64 `json:"max_prose_share"`
	MeanTokens    string  `json:"feature_mean_tokens"`
	MaxMeanTokens float64 `json:"max_mean_tokens"`
}

var (
	modelOnce   sync.Once
	loadedModel *lineModel
	modelErr    error
)

// loadLineModel parses the embedded model (or the file modelEnv names) once per process
// and checks that it was fitted on the features this build computes.
func loadLineModel() (*lineModel, error) {
	modelOnce.Do(func() {
		// The shipped model is read from its Go form (model_gen.go, generated from the JSON
		// and checked against it by TestGeneratedLineModelMatchesJSON): decoding the JSON
		// cost a small run about 10 ms.
		source := "embedded model/line_model.json"
		if path := os.Getenv(modelEnv); path != "" {
			var data []byte
			data, modelErr = os.ReadFile(path)
			if modelErr != nil {
				return
			}
			source = path
			loadedModel, modelErr = parseLineModel(data)
		} else {
			loadedModel = generatedLineModel()
			modelErr = checkLineModel(loadedModel)
		}
		if modelErr != nil {
			loadedModel = nil
			modelErr = fmt.Errorf("boilerplate line model %s: %v", source, modelErr)
		}
	})
	return loadedModel, modelErr
}

func parseLineModel(data []byte) (*lineModel, error) {
	m := &lineModel{}
	if err := json.Unmarshal(data, m); err != nil {
		return nil, err
	}
	if err := checkLineModel(m); err != nil {
		return nil, err
	}
	return m, nil
}

// checkLineModel checks that m was fitted on the features this build computes and that its
// trees are well formed, and sets the gate's feature indexes.
func checkLineModel(m *lineModel) error {
	if strings.Join(m.Features, ",") != strings.Join(featureNames, ",") {
		return fmt.Errorf("fitted on other features than this build computes: refit with model/fit.py")
	}
	for _, k := range []string{"article", "page"} {
		e := m.Kinds[k]
		if e == nil {
			return fmt.Errorf("no %s model", k)
		}
		for _, t := range e.Trees {
			n := len(t.F)
			if n == 0 || len(t.T) != n || len(t.L) != n || len(t.R) != n || len(t.V) != n {
				return fmt.Errorf("%s model: malformed tree", k)
			}
			for i, f := range t.F {
				if f >= len(featureNames) || (f >= 0 && (t.L[i] <= i || t.R[i] <= i || t.L[i] >= n || t.R[i] >= n)) {
					return fmt.Errorf("%s model: malformed tree", k)
				}
			}
		}
	}
	m.proseShare, m.meanTokens = featureIndex(m.Gate.ProseShare), featureIndex(m.Gate.MeanTokens)
	if m.proseShare < 0 || m.meanTokens < 0 {
		return fmt.Errorf("gate reads unknown features")
	}
	return nil
}

var (
	creditTail      = featureIndex("credit_tail")
	stopwordDensity = featureIndex("stopword_density")
	copyright       = featureIndex("copyright")
	phraseAffix     = featureIndex("phrase_affix")
	captionPart     = featureIndex("caption_part")
	links           = featureIndex("links")
)

func featureIndex(name string) int {
	for i, n := range featureNames {
		if n == name {
			return i
		}
	}
	return -1
}

// kind tells a whole page (mostly short non-prose lines) from an article.
func (m *lineModel) kind(row []float64) string {
	if row[m.proseShare] < m.Gate.MaxProseShare && row[m.meanTokens] < m.Gate.MaxMeanTokens {
		return "page"
	}
	return "article"
}

// documentKind applies the model's gate, and reads as articles two kinds of file the page
// data hardly holds: short files (few web pages of the training data have under 12 lines;
// in a short file of Chinese prose, lines of few tokens look like a page's)
// and hard-wrapped files (their lines rarely end a sentence, so few read as prose).
func documentKind(m *lineModel, in *lineModelInput) string {
	wrapped, tableRows, first := 0, 0, -1
	for i, row := range in.rows {
		if row == nil {
			continue
		}
		if first < 0 {
			first = i
		}
	}
	for _, sh := range in.shapes {
		// Wrapped prose runs on in lines of several words; a page's flattened blocks
		// ("at / 8:57 AM") are short.
		if sh.multiLine && sh.tokens >= 6 {
			wrapped++
		}
		if tableRow(sh.text) {
			tableRows++
		}
	}
	if first < 0 || len(in.shapes) < pageMinLines || 2*wrapped >= len(in.shapes) || tableRows >= tableMinRows {
		return "article"
	}
	return m.kind(in.rows[first])
}

// tableMinRows is the fewest rows of a table aligned with spaces that make a file an
// article: plain page text is never laid out in columns of spaces (none of the 924 web pages
// the gate reads as pages holds one such row), while a wire story with a market table is
// mostly short figure lines and passes the gate as a page.
const tableMinRows = 3

// tableRow tells a row of a table laid out with spaces: a digit, and two columns
// separated by a run of two or more spaces or a tab.
func tableRow(s string) bool {
	if strings.IndexFunc(s, unicode.IsDigit) < 0 {
		return false
	}
	for i := 1; i+1 < len(s); i++ {
		if (s[i] == ' ' && s[i+1] == ' ' || s[i] == '\t') && s[i-1] != ' ' && s[i-1] != '\t' {
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j < len(s) {
				return true
			}
		}
	}
	return false
}

// pageMinLines is the fewest non-blank lines of a file read as a whole page.
const pageMinLines = 12

// provenanceRE are lines the rubric keeps as article text whatever their shape: wire
// sign-offs, reporting credits, bylines and "-- Name" sign-offs (the provenance family
// reads them); lines opening with a wire dateline are kept too.
var provenanceRE = news.LazyRegexp(`(?i)^\s*(?:[-–—]{1,2}\s*[\p{L}.' -]{3,40}$|[(\[]?\s*(?:(?:posted|published|updated|last updated|date)\b[^.]{0,40}\d|(?:additional |editing |writing |reporting |compiled )?(?:reporting|writing|editing|compiled)(?: by)?\b|contributing:|by [\p{Lu}]|[^.]{0,80}\bcontributed (?:to )?(?:this|the) (?:report|story)|with reports? from\b|[^.]{0,60}\breported from\b))`)

// lineParams are boilerplate.line's thresholds.
type lineParams struct {
	articleThreshold, pageThreshold, proseThreshold, shortSentenceThreshold float64
}

func checkLine(p *audit.Pass) {
	m, err := loadLineModel()
	if err != nil {
		panic(err.Error())
	}
	in := lineModelFor(p.Doc, p.Config)
	datelines := readDocument(p.Doc, p.Config).datelines
	kind := documentKind(m, in)
	prm := audit.DecodeParams[lineParams](p.Params)
	thresholds := map[string]float64{"article": prm.articleThreshold, "page": prm.pageThreshold}
	type hit struct {
		line int
		prob float64
	}
	var hits []hit
	k := -1 // index among non-blank lines
	for i, row := range in.rows {
		if row == nil {
			continue
		}
		k++
		// The first line is the title; other rules' residue is theirs to report.
		// In an article a line of a wrapped paragraph or table is not a unit of its own,
		// and date lines and credits are its provenance; on a whole page blocks of lines
		// are flattened page furniture, and dates are as often the time stamps of comments
		// and of other stories, so the page model judges them all.
		// A wire dateline opening a line and an agency sign-off closing the file are
		// provenance on a page too: a wire story whose table makes it read as a page keeps them.
		sh := in.shapes[k]
		if k == 0 || sh.residue || (kind == "article" && (sh.multiLine || sh.date || isProvenanceLine(p.Doc.Lines[i].Text))) ||
			datelines[i] > 0 || (k == len(in.shapes)-1 && wireSignoff(sh.toks)) {
			continue
		}
		// In an article a line shaped like prose (a sentence of ten words or more, no
		// credit, no link) needs a surer reading: in clean news such lines are ledes and
		// promos of the article itself. On whole pages reader comments have that shape.
		bar := thresholds[kind]
		if kind == "article" && row[creditTail] == 0 && row[captionPart] == 0 && row[links] == 0 {
			if sh.prose {
				bar = max(bar, prm.proseThreshold)
			} else if shortSentence(sh, row) {
				bar = max(bar, prm.shortSentenceThreshold)
			}
		}
		if pr := m.Kinds[kind].prob(row); pr >= bar {
			hits = append(hits, hit{i, pr})
		}
	}
	// Consecutive residue lines (blank lines aside) are one finding.
	for a := 0; a < len(hits); {
		b := a
		for b+1 < len(hits) && onlyBlankBetween(p.Doc, hits[b].line, hits[b+1].line) {
			b++
		}
		first, last := hits[a].line, hits[b].line
		row := in.rows[first]
		what, reasons := describeLine(row)
		var texts []string
		top := 0.0
		for _, h := range hits[a : b+1] {
			texts = append(texts, strings.TrimSpace(p.Doc.Lines[h.line].Text))
			top = math.Max(top, h.prob)
		}
		msg := fmt.Sprintf("the line reads as %s, not article text: %s", what, strings.Join(reasons, ", "))
		if b > a {
			msg = fmt.Sprintf("%d lines read as %s, not article text: %s", b-a+1, what, strings.Join(reasons, ", "))
		}
		l0, l1 := p.Doc.Lines[first], p.Doc.Lines[last]
		start := l0.Start + len(l0.Text) - len(strings.TrimLeft(l0.Text, " \t"))
		end := l1.Start + len(strings.TrimRight(l1.Text, " \t"))
		p.Report(start, end, msg, audit.Evidence{
			"lines": texts, "kind": what, "reasons": reasons, "probability": round2(top), "document_kind": kind,
		})
		a = b + 1
	}
}

// shortSentence is a line shorter than prose shaped as a sentence: four words or more, it
// opens with a capital, ends in a full stop and holds function words of the document's
// language ("Terms were not disclosed."). Clean news is full of them; residue of that shape
// (a prompt, a caption) carries a credit, a link or a lexicon hit the model weighs. Its bar,
// short_sentence_threshold, sits below the prose bar because the prompts of real scrapes
// ("Click here to go to the home page.") read as sentences too (CALIBRATION.md).
func shortSentence(sh lineShape, row []float64) bool {
	if sh.tokens < 4 || !strings.HasSuffix(sh.text, ".") || strings.HasSuffix(sh.text, "..") || row[stopwordDensity] == 0 || row[copyright] > 0 || row[phraseAffix] > 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(sh.text)
	return unicode.IsUpper(r)
}

func onlyBlankBetween(doc *audit.Document, a, b int) bool {
	for i := a + 1; i < b; i++ {
		if !doc.Lines[i].Blank() {
			return false
		}
	}
	return true
}

// describeLine names, from its features, what a flagged line looks like and why: the
// model's trees do not explain themselves, so the finding states the line's salient traits.
func describeLine(row []float64) (string, []string) {
	f := func(name string) float64 { return row[featureIndex(name)] }
	var why []string
	add := func(ok bool, s string) {
		if ok && len(why) < 4 {
			why = append(why, s)
		}
	}
	tokens := math.Expm1(f("tokens"))
	add(f("credit_tail") > 0, "ends in a photo or source credit")
	add(f("caption_part") > 0, "holds a photo credit")
	add(f("paren_tail") > 0, "ends in a name in brackets")
	add(f("full_date") > 0, "carries a full date, as captions do")
	add(f("self_repeat") >= 0.3, "repeats its own headline")
	add(f("label_prefix") > 0, "opens with a label and a colon")
	add(f("lead_allcaps") >= 2, "opens with words in capitals")
	add(f("links")+f("handles") > 0, "holds a link, address or handle")
	add(f("pipes")+f("separators") > 0, "items set off by pipes, bullets or arrows")
	add(f("time_ago") > 0, `a "... ago" time stamp`)
	add(f("count_in_parens") > 0, "a count in brackets")
	add(f("copyright") > 0, "a copyright notice")
	add(f("phrase_affix") > 0, "opens or ends with a page-furniture phrase")
	add(f("symbol_share") >= 0.5, "mostly symbols")
	add(f("ends_sentence") == 0 && tokens <= 15, fmt.Sprintf("short line (%d words) without sentence punctuation", int(math.Round(tokens))))
	add(tokens >= 4 && f("stopword_density") < 0.2, "few function words")
	add(f("repeats_in_file") > 0, "repeated in the file")
	add(f("prev1_residue") > 0 && f("next1_residue") > 0, "between two residue lines")
	add((f("prev1_residue") > 0) != (f("next1_residue") > 0), "next to a residue line")
	add(f("after_last_prose") > 0, "after the last paragraph of prose")
	add(f("before_first_prose") > 0, "before the first paragraph of prose")
	if len(why) == 0 {
		why = append(why, "its shape and place resemble residue lines of real scrapes")
	}
	switch {
	case f("credit_tail") > 0 || f("caption_part") > 0 || f("paren_tail") > 0:
		return "a caption or credit", why
	case f("self_repeat") >= 0.3:
		return "a gallery or video player", why
	case f("time_ago") > 0:
		return "a comment or teaser time stamp", why
	case f("copyright") > 0:
		return "a footer", why
	case f("links")+f("handles") > 0:
		return "a link line", why
	case f("pipes")+f("separators") > 0 || f("count_in_parens") > 0:
		return "navigation", why
	case f("symbol_share") >= 0.5 || f("chars") <= math.Log1p(2):
		return "junk", why
	case f("ends_sentence") == 0 && tokens >= 4:
		return "a teaser headline or prompt", why
	case f("ends_sentence") == 0:
		return "page chrome", why
	}
	return "page residue", why
}

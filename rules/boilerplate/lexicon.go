package boilerplate

import (
	"bufio"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
)

// phraseKind tells a teaser-list header ("Related articles") from other furniture.
type phraseKind int

const (
	furniture phraseKind = iota // residue on its own: "Share this article", "Advertisement"
	related                     // announces teaser headlines of other stories
)

// phrase is one lexicon entry.
type phrase struct {
	key    string   // token key, "#" for numbers: "comments #"
	text   string   // as written in the source
	lang   string   // the language of the entry that is reported by default
	langs  []string // every language whose lexicon lists the phrase, lang first
	kind   phraseKind
	source string // "lexicon/en.txt" or the config file
	tail   bool   // written with a trailing "*": one to four more words may follow
	tokens int
	weight int  // phraseWeight: letters, Han/kana/Hangul counting two
	runOn  bool // one word of a script without spaces ("相关新闻", "อ่านเพิ่มเติม")
}

// language is the phrase's language as reported for a document whose main language is
// main: that language when its lexicon lists the phrase, else the first listing it.
func (p *phrase) language(main string) string {
	if main != "" && slices.Contains(p.langs, main) {
		return main
	}
	return p.lang
}

// affixable reports whether the phrase is distinctive enough to be matched at the start or
// end of a longer line: one-word entries ("Video", "Twitter") are only residue alone, but
// in scripts without spaces a whole phrase is one word ("相关新闻：...").
func (p *phrase) affixable() bool { return (p.tokens >= 2 || p.runOn) && p.weight >= 6 }

// lexicon is the set of residue phrases of all languages, keyed by token key.
type lexicon struct {
	phrases   map[string]*phrase
	maxTokens int
}

func newLexicon() *lexicon { return &lexicon{phrases: map[string]*phrase{}} }

// add puts a phrase in the lexicon; an earlier entry with the same key wins.
func (lx *lexicon) add(text, lang, source string, kind phraseKind) {
	raw := strings.TrimSpace(text)
	tail := strings.HasSuffix(raw, "*")
	raw = strings.TrimSpace(strings.TrimSuffix(raw, "*"))
	key := normPhrase(strings.ReplaceAll(raw, "<n>", "0"))
	if key == "" {
		return
	}
	if p, dup := lx.phrases[key]; dup {
		// "Video" is furniture in a dozen languages: remember them all so that the finding
		// can name the document's own language.
		if !slices.Contains(p.langs, lang) {
			p.langs = append(p.langs, lang)
		}
		return
	}
	n := strings.Count(key, " ") + 1
	lx.phrases[key] = &phrase{key: key, text: raw, lang: lang, kind: kind, source: source,
		langs: []string{lang}, tail: tail, tokens: n, weight: phraseWeight(raw), runOn: n == 1 && isRunOn(raw)}
	if n > lx.maxTokens {
		lx.maxTokens = n
	}
}

// parse reads one data file: "#" comments, [related] and [furniture] sections, "<n>" for
// any number.
func (lx *lexicon) parse(data, lang, source string) error {
	kind := furniture
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case line == "[related]":
			kind = related
		case line == "[furniture]":
			kind = furniture
		case strings.HasPrefix(line, "["):
			return fmt.Errorf("%s:%d: unknown section %s", source, n, line)
		default:
			lx.add(line, lang, source, kind)
		}
	}
	return sc.Err()
}

var (
	builtinOnce sync.Once
	builtin     *lexicon
	builtinErr  error
)

// builtinLexicon loads the shipped phrase lists once per process, from their parsed Go form
// (lexicon_gen.go, generated from lexicon/*.txt and checked against them by
// TestGeneratedLexiconMatchesFiles): tokenizing the 2,700 entries cost a small run ~5 ms.
func builtinLexicon() (*lexicon, error) {
	builtinOnce.Do(func() {
		builtin = &lexicon{phrases: make(map[string]*phrase, len(generatedPhrases)), maxTokens: generatedMaxTokens}
		for i := range generatedPhrases {
			p := &generatedPhrases[i]
			builtin.phrases[p.key] = p
		}
	})
	return builtin, builtinErr
}

//go:generate go test -run TestGeneratedLexiconMatchesFiles -update

var configLexicons sync.Map // *audit.Config → *lexicon

// lexiconFor returns the built-in lexicon extended by the config's phrases, built once per
// config (one run has one config, so this is once per run).
func lexiconFor(cfg *audit.Config) *lexicon {
	base, err := builtinLexicon()
	if err != nil {
		panic(fmt.Sprintf("boilerplate lexicon: %v", err))
	}
	if cfg == nil || len(cfg.Phrases) == 0 {
		return base
	}
	if lx, ok := configLexicons.Load(cfg); ok {
		return lx.(*lexicon)
	}
	lx := &lexicon{phrases: make(map[string]*phrase, len(base.phrases)), maxTokens: base.maxTokens}
	source := cfg.Source
	if source == "" {
		source = "config"
	}
	langs := make([]string, 0, len(cfg.Phrases))
	for lang := range cfg.Phrases {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	// User phrases come first so that their source is the one reported.
	for _, lang := range langs {
		for _, ph := range cfg.Phrases[lang] {
			lx.add(ph, lang, source, furniture)
		}
	}
	for k, p := range base.phrases {
		if _, ok := lx.phrases[k]; !ok {
			lx.phrases[k] = p
		}
	}
	actual, _ := configLexicons.LoadOrStore(cfg, lx)
	return actual.(*lexicon)
}

// lookup finds the phrase whose key is toks[i:j].
func (lx *lexicon) lookup(toks []token, i, j int) *phrase {
	if j-i < 1 || j-i > lx.maxTokens {
		return nil
	}
	// The key is built in a stack buffer: string(key) as a map index does not allocate,
	// and cover asks for every span of a line.
	var small [128]byte
	key := small[:0]
	for k := i; k < j; k++ {
		if k > i {
			key = append(key, ' ')
		}
		key = append(key, toks[k].norm...)
	}
	return lx.phrases[string(key)]
}

// phraseMatch is a lexicon hit on one line; offsets are relative to the line.
type phraseMatch struct {
	phrases    []*phrase // the phrases that cover the match, in order
	start, end int
	how        string // "whole line", "line start", "line end", "after the dateline"
}

// first is the phrase reported as evidence.
func (m phraseMatch) first() *phrase { return m.phrases[0] }

// announcesTeasers reports whether the match is a header of teaser headlines.
func (m phraseMatch) announcesTeasers() bool {
	for _, p := range m.phrases {
		if p.kind == related {
			return true
		}
	}
	return false
}

// maxWholeTokens bounds the lines tried as a chain of phrases; longer lines are prose.
const maxWholeTokens = 24

// cover reports whether toks can be split entirely into lexicon phrases ("Advertisement
// Continue reading the main story" is two), returning them in order.
func (lx *lexicon) cover(toks []token) []*phrase {
	n := len(toks)
	if n == 0 || n > maxWholeTokens {
		return nil
	}
	type step struct {
		ok   bool // position reached
		from int
		p    *phrase
	}
	var reach [maxWholeTokens + 1]step // on the stack: cover runs on every standalone line
	reach[0] = step{ok: true, from: -1}
	for i := 0; i < n; i++ {
		if !reach[i].ok {
			continue
		}
		for j := i + 1; j <= n && j-i <= lx.maxTokens; j++ {
			p := lx.lookup(toks, i, j)
			if p == nil {
				continue
			}
			if !reach[j].ok {
				reach[j] = step{ok: true, from: i, p: p}
			}
			// A "more from *" phrase may run to the end of the line with a few more words.
			if p.tail && n-j >= 1 && n-j <= 4 && !reach[n].ok {
				reach[n] = step{ok: true, from: i, p: p}
			}
		}
	}
	if !reach[n].ok {
		return nil
	}
	var out []*phrase
	for k := n; k > 0; k = reach[k].from {
		out = append(out, reach[k].p)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// affixSeparators end a phrase at the start of a line ("Read more: ...") or open one at
// its end ("... | Share this article").
const affixSeparators = ":|»›>-–—•·/：｜》】"

// match finds residue phrases on one line: the whole line, the line after a wire dateline,
// or a phrase at the start or end of the line set off by a separator.
func (lx *lexicon) match(line string) (phraseMatch, bool) {
	t := strings.TrimSpace(line)
	return lx.matchTokens(line, tokenize(t), strings.Index(line, t), -1)
}

// matchTokens is match given the line's tokens, whose offsets are off bytes into the line
// (the shared reading tokenises each line's trimmed text once), and wireDateline(line) when
// the caller knows it (dateline < 0 when not).
func (lx *lexicon) matchTokens(line string, toks []token, off, dateline int) (phraseMatch, bool) {
	m, ok := lx.matchLineTokens(line, toks, off, dateline)
	if m.how == "whole line" || m.how == "after the dateline" {
		return m, ok
	}
	// Segments of a flattened block may hold more residue than an affix does ("... •
	// drucken • Share this article"): the longer match is reported.
	if s, sok := lx.matchSegments(line, toks, off); sok && (!ok || s.end-s.start > m.end-m.start) {
		return s, true
	}
	return m, ok
}

// matchLine matches whole lines, the line after a dateline, and line starts and ends.
func (lx *lexicon) matchLine(line string) (phraseMatch, bool) {
	return lx.matchLineTokens(line, tokenize(line), 0, -1)
}

// matchLineTokens is matchLine given the line's tokens, off bytes into the line, and its
// wireDateline when known (see matchTokens).
func (lx *lexicon) matchLineTokens(line string, toks []token, off, dateline int) (phraseMatch, bool) {
	if len(toks) == 0 {
		return phraseMatch{}, false
	}
	if ps := lx.cover(toks); ps != nil {
		t := strings.TrimSpace(line)
		start := strings.Index(line, t)
		return phraseMatch{phrases: ps, start: start, end: start + len(t), how: "whole line"}, true
	}
	if dateline < 0 {
		dateline = wireDateline(line)
	}
	if n := dateline; n > 0 {
		if m, ok := lx.matchLine(line[n:]); ok {
			m.start += n
			m.end += n
			if m.how == "whole line" {
				m.how = "after the dateline"
			}
			return m, true
		}
	}
	// Phrase at the start, followed by a separator and more text.
	for k := min(lx.maxTokens, len(toks)-1); k >= 1; k-- {
		p := lx.lookup(toks, 0, k)
		if p == nil || !p.affixable() {
			continue
		}
		gap := line[off+toks[k-1].end : off+toks[k].start]
		if strings.ContainsAny(gap, affixSeparators) || strings.Contains(gap, ",") {
			return phraseMatch{phrases: []*phrase{p}, start: off + toks[0].start, end: off + toks[k-1].end, how: "line start"}, true
		}
	}
	// Phrase at the end, set off from the text before it.
	n := len(toks)
	for k := min(lx.maxTokens, n-1); k >= 1; k-- {
		p := lx.lookup(toks, n-k, n)
		if p == nil || !p.affixable() {
			continue
		}
		gap := line[off+toks[n-k-1].end : off+toks[n-k].start]
		// After a full stop the phrase must open a new sentence: a capital, or a letter of
		// a script without case (Chinese, Arabic, Thai...).
		capital := startsUpper(line[off+toks[n-k].start:]) || caseless(line[off+toks[n-k].start:])
		if strings.ContainsAny(gap, affixSeparators) || (capital && strings.ContainsAny(gap, ".!?。！？")) {
			return phraseMatch{phrases: []*phrase{p}, start: off + toks[n-k].start, end: off + toks[n-1].end, how: "line end"}, true
		}
	}
	return phraseMatch{}, false
}

// segmentSeparators join page blocks flattened into one line ("Comunicar erros | Enviar por
// e-mail | Imprimir", "zurück • drucken • top"); a run of two or more spaces does too.
const segmentSeparators = "|•»«›‹·¦►▪"

// matchSegments finds residue inside a long line: the line is cut at separators and runs
// of spaces, and the first run of consecutive segments that are wholly lexicon phrases is
// the match. A one-word phrase ("Video") counts only beside another matched segment or
// when it is distinctive (affixable), so "Syria | Video" alone is not residue.
func (lx *lexicon) matchSegments(line string, toks []token, off int) (phraseMatch, bool) {
	if !containsAny(line, segmentSeparators) && !strings.Contains(line, "  ") && !strings.Contains(line, "\t") {
		return phraseMatch{}, false
	}
	type seg struct {
		start, end int
		ps         []*phrase
	}
	var segs []seg
	cut := func(from, to int) {
		t := strings.TrimSpace(line[from:to])
		if t == "" {
			return
		}
		at := from + strings.Index(line[from:to], t)
		within, ok := tokensWithin(toks, at-off, at-off+len(t))
		if !ok {
			within = tokenize(t)
		}
		segs = append(segs, seg{start: at, end: at + len(t), ps: lx.cover(within)})
	}
	from := 0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if strings.ContainsRune(segmentSeparators, r) || r == '\t' || (r == ' ' && i+1 < len(line) && line[i+1] == ' ') {
			cut(from, i)
			j := i + size
			for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
				j++
			}
			from, i = j, j
			continue
		}
		i += size
	}
	cut(from, len(line))
	if len(segs) < 2 {
		return phraseMatch{}, false
	}
	for a := 0; a < len(segs); a++ {
		if segs[a].ps == nil {
			continue
		}
		b := a
		for b+1 < len(segs) && segs[b+1].ps != nil {
			b++
		}
		if b > a || segs[a].ps[0].affixable() || len(segs[a].ps) > 1 {
			var ps []*phrase
			for _, s := range segs[a : b+1] {
				ps = append(ps, s.ps...)
			}
			how := "segment"
			if a == 0 && b == len(segs)-1 {
				how = "whole line"
			}
			return phraseMatch{phrases: ps, start: segs[a].start, end: segs[b].end, how: how}, true
		}
		a = b
	}
	return phraseMatch{}, false
}

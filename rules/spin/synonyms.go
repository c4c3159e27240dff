package spin

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// synonymData is WordNet 3.0's synsets restricted to the model's vocabulary, with WordNet's
// irregular inflections; built by internal/gen (see model/README.md).
//
//go:embed model/synonyms.bin
var synonymData []byte

// thesaurus answers "which words share a sense with this one" over model word ids. Its
// tables are read straight from the embedded bytes; only the small table of irregular forms
// is decoded at load.
type thesaurus struct {
	senses   table             // word → synsets
	related  table             // word → synsets one WordNet link away (hypernyms, hyponyms, similar-to)
	members  table             // synset → words
	baseOf   map[int32][]int32 // irregular inflected form → base forms ("went" → "go")
	formsOf  map[int32][]int32 // base form → irregular inflected forms
	posKnown bool              // synset numbers follow WordNet 3.0's data files (see suffixFits)
	synonyms wordMemo          // memo of Synonyms by word id
	wider    wordMemo          // memo of Wider by word id
	// Multi-word lemmas of vocabulary words ("english hawthorn"): their words, synsets and
	// synsets one link away, and for each word the phrases that start with it.
	phraseWords, phraseSenses, phraseRelated, phrasesFrom table
	phraseSyn, phraseWider                                wordMemo // memos of phraseCandidates by phrase
	pairOnce                                              sync.Once
	pairIndex                                             *pairIndex // see pairs
}

// wordMemo caches a word list per word id in a slot of its own: word ids are dense, so a
// slice of atomic pointers answers in one load, where a sync.Map hashed every lookup (the
// polysemy discount asks for a candidate's synonyms for every candidate of every word).
type wordMemo struct {
	slots []atomic.Pointer[[]int32]
}

func newWordMemo(n int) wordMemo { return wordMemo{slots: make([]atomic.Pointer[[]int32], n)} }

func (wm *wordMemo) load(w int32) ([]int32, bool) {
	if w < 0 || int(w) >= len(wm.slots) {
		return nil, false
	}
	if p := wm.slots[w].Load(); p != nil {
		return *p, true
	}
	return nil, false
}

func (wm *wordMemo) store(w int32, v []int32) {
	if w >= 0 && int(w) < len(wm.slots) {
		wm.slots[w].Store(&v)
	}
}

// table is a list of uint32 lists in the embedded bytes: n+1 offsets, then the values.
type table struct {
	offsets, values []byte
}

// readTable reads a table at data[o:], returning it and the offset after it.
func readTable(data []byte, o int) (table, int, error) {
	if o+4 > len(data) {
		return table{}, 0, fmt.Errorf("spin thesaurus: truncated")
	}
	n := int(binary.LittleEndian.Uint32(data[o:]))
	o += 4
	if n < 0 || o+4*(n+1) > len(data) {
		return table{}, 0, fmt.Errorf("spin thesaurus: truncated offsets")
	}
	t := table{offsets: data[o : o+4*(n+1)]}
	o += 4 * (n + 1)
	total := int(binary.LittleEndian.Uint32(t.offsets[4*n:]))
	if o+4*total > len(data) {
		return table{}, 0, fmt.Errorf("spin thesaurus: truncated values")
	}
	t.values = data[o : o+4*total]
	prev := uint32(0)
	for i := 0; i <= n; i++ {
		v := binary.LittleEndian.Uint32(t.offsets[4*i:])
		if v < prev || int(v) > total {
			return table{}, 0, fmt.Errorf("spin thesaurus: bad offsets")
		}
		prev = v
	}
	return t, o + 4*total, nil
}

// len is the number of lists.
func (t table) len() int { return len(t.offsets)/4 - 1 }

// list returns list i as a view; out of range gives an empty list.
func (t table) list(i int32) u32s {
	if i < 0 || int(i) >= t.len() {
		return nil
	}
	lo := binary.LittleEndian.Uint32(t.offsets[4*i:])
	hi := binary.LittleEndian.Uint32(t.offsets[4*i+4:])
	return u32s(t.values[4*lo : 4*hi])
}

// u32s is a little-endian uint32 list in place.
type u32s []byte

func (u u32s) n() int          { return len(u) / 4 }
func (u u32s) at(i int) uint32 { return binary.LittleEndian.Uint32(u[4*i:]) }

var (
	thesaurusOnce sync.Once
	thes          *thesaurus
	thesaurusErr  error
)

func loadThesaurus() (*thesaurus, error) {
	thesaurusOnce.Do(func() { thes, thesaurusErr = parseThesaurus(synonymData) })
	return thes, thesaurusErr
}

// parseThesaurus checks the layout written by internal/gen: senses, irregular forms, related
// synsets, synset members.
func parseThesaurus(data []byte) (*thesaurus, error) {
	const magic = "TXSYN01\n"
	if len(data) < len(magic)+8 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("spin thesaurus: bad header")
	}
	t := &thesaurus{baseOf: map[int32][]int32{}, formsOf: map[int32][]int32{}}
	var err error
	o := len(magic)
	if t.senses, o, err = readTable(data, o); err != nil {
		return nil, err
	}
	if o+4 > len(data) {
		return nil, fmt.Errorf("spin thesaurus: truncated exceptions")
	}
	ne := int(binary.LittleEndian.Uint32(data[o:]))
	o += 4
	if ne < 0 || o+8*ne > len(data) {
		return nil, fmt.Errorf("spin thesaurus: truncated exceptions")
	}
	for i := 0; i < ne; i++ {
		a := int32(binary.LittleEndian.Uint32(data[o:]))
		b := int32(binary.LittleEndian.Uint32(data[o+4:]))
		o += 8
		t.baseOf[a] = append(t.baseOf[a], b)
		t.formsOf[b] = append(t.formsOf[b], a)
	}
	if t.related, o, err = readTable(data, o); err != nil {
		return nil, err
	}
	if t.members, o, err = readTable(data, o); err != nil {
		return nil, err
	}
	if o < len(data) { // multi-word lemmas, appended to the layout
		for _, tb := range []*table{&t.phraseWords, &t.phraseSenses, &t.phraseRelated, &t.phrasesFrom} {
			if *tb, o, err = readTable(data, o); err != nil {
				return nil, err
			}
		}
		n := t.phraseWords.len()
		if t.phraseSenses.len() != n || t.phraseRelated.len() != n || t.phrasesFrom.len() != t.senses.len() {
			return nil, fmt.Errorf("spin thesaurus: phrase tables disagree")
		}
		t.phraseSyn, t.phraseWider = newWordMemo(n), newWordMemo(n)
	}
	t.posKnown = t.members.len() == wordnetSynsets
	if t.related.len() != t.senses.len() {
		return nil, fmt.Errorf("spin thesaurus: %d related lists for %d words", t.related.len(), t.senses.len())
	}
	t.synonyms, t.wider = newWordMemo(t.senses.len()), newWordMemo(t.senses.len())
	return t, nil
}

// WordNet 3.0's data files hold 82,115 noun, 13,767 verb, 18,156 adjective and 3,621 adverb
// synsets; internal/gen numbers synsets in reading order (noun, verb, adj, adv), so a synset's
// part of speech follows from its number. parseThesaurus checks the total before relying on it.
const (
	firstVerbSynset = 82115
	firstAdjSynset  = firstVerbSynset + 13767
	firstAdvSynset  = firstAdjSynset + 18156
	wordnetSynsets  = firstAdvSynset + 3621
)

// suffixFits reports whether a regular suffix can inflect a lemma in the sense of synset s:
// "-ed" and "-ing" make verbs, "-er" and "-est" compare adjectives and adverbs, "-s" and
// "-es" make noun plurals or verbs' third person. Without this, "consumer" read as
// consume + "-er" took the comparative of consume's synonym "have" ("had"), and "leading"
// read as the gerund of lead's noun senses.
func (t *thesaurus) suffixFits(suffix string, s uint32) bool {
	if !t.posKnown {
		return true
	}
	switch suffix {
	case "ed", "ing":
		return s >= firstVerbSynset && s < firstAdjSynset
	case "er", "est":
		return s >= firstAdjSynset
	case "s", "es":
		return s < firstAdjSynset
	}
	return true
}

// hasSenses reports whether w is a WordNet lemma.
func (t *thesaurus) hasSenses(w int32) bool { return t.senses.list(w).n() > 0 }

// inflection says how a surface form was made from its lemma, so a synonym of the lemma can
// be given the same form: "gained" = gain + "ed", so earn → "earned".
type inflection struct {
	lemma  int32
	suffix string // "", "s", "es", "ed", "ing", "er", "est"; "irregular" for exception forms
}

// regularSuffixes are WordNet morphy's detachment rules, as (ending, replacement, suffix).
var regularSuffixes = []struct{ end, repl, suffix string }{
	{"ies", "y", "s"}, {"ses", "s", "es"}, {"xes", "x", "es"}, {"zes", "z", "es"},
	{"ches", "ch", "es"}, {"shes", "sh", "es"}, {"s", "", "s"},
	{"ied", "y", "ed"}, {"ed", "e", "ed"}, {"ed", "", "ed"},
	{"ing", "e", "ing"}, {"ing", "", "ing"},
	{"er", "", "er"}, {"er", "e", "er"}, {"est", "", "est"}, {"est", "e", "est"},
}

// lemmas lists the ways the word w (id) can be read as an inflected WordNet lemma.
func (t *thesaurus) lemmas(m *Model, w int32) []inflection {
	var out []inflection
	if t.hasSenses(w) {
		out = append(out, inflection{lemma: w})
	}
	for _, b := range t.baseOf[w] {
		out = append(out, inflection{lemma: b, suffix: "irregular"})
	}
	word := m.Word(w)
	for _, r := range regularSuffixes {
		if len(word) > len(r.end)+2 && strings.HasSuffix(word, r.end) {
			base := word[:len(word)-len(r.end)] + r.repl
			if id := m.ID(base); id >= 0 && id != w {
				if t.hasSenses(id) {
					out = append(out, inflection{lemma: id, suffix: r.suffix})
				}
			}
		}
	}
	return out
}

// appendForms gives lemma the suffix, appending to dst the model ids of the forms that
// exist. It spells the forms in buf (returned for reuse), so trying a form allocates nothing:
// the candidates of a small run's words are computed once each, and were most of its cost.
func (t *thesaurus) appendForms(dst []int32, buf []byte, m *Model, lemma int32, suffix string) ([]int32, []byte) {
	if suffix == "" {
		return append(dst, lemma), buf
	}
	// WordNet's exception lists hold past forms, plurals and comparatives (went, gone; mice;
	// better): an irregular lemma takes them for those suffixes, never for "-ing" or a
	// verb's "-s", which stay regular ("going", "goes").
	switch suffix {
	case "irregular":
		return append(dst, t.formsOf[lemma]...), buf
	case "ed", "er", "est":
		// the lists also hold doubled-consonant gerunds ("getting"), never a past form
		n := len(dst)
		for _, f := range t.formsOf[lemma] {
			if !bytes.HasSuffix(m.wordAt(f), []byte("ing")) {
				dst = append(dst, f)
			}
		}
		if len(dst) > n {
			return dst, buf
		}
	}
	base := m.wordAt(lemma)
	try := func(stem []byte, parts ...string) {
		buf = append(buf[:0], stem...)
		for _, p := range parts {
			buf = append(buf, p...)
		}
		if id := m.idBytes(buf); id >= 0 {
			dst = append(dst, id)
		}
	}
	last := ""
	if len(base) > 0 {
		last = string(base[len(base)-1:]) // one byte: no allocation
	}
	consonantY := bytes.HasSuffix(base, []byte("y")) && len(base) > 2 && strings.IndexByte("aeiou", base[len(base)-2]) < 0
	switch suffix {
	case "s":
		if consonantY {
			try(base[:len(base)-1], "ies")
		} else {
			try(base, "s")
		}
	case "es":
		try(base, "es")
		try(base, "s")
	case "ed", "er", "est":
		switch {
		case bytes.HasSuffix(base, []byte("e")):
			try(base, suffix[1:])
		case consonantY:
			try(base[:len(base)-1], "i", suffix)
		default:
			try(base, suffix)
			try(base, last, suffix)
		}
	case "ing":
		if bytes.HasSuffix(base, []byte("e")) && !bytes.HasSuffix(base, []byte("ee")) {
			try(base[:len(base)-1], "ing")
		}
		try(base, "ing")
		try(base, last, "ing")
	}
	return dst, buf
}

// idSet is the set of word ids candidates has met: a list while it is short (most words
// have a few dozen candidates, and a map cost more to make than the list to scan), a map
// once it grows.
type idSet struct {
	list []int32
	m    map[int32]bool
}

// add adds id, reporting whether it was new.
func (s *idSet) add(id int32) bool {
	if s.m != nil {
		if s.m[id] {
			return false
		}
		s.m[id] = true
		return true
	}
	if slices.Contains(s.list, id) {
		return false
	}
	s.list = append(s.list, id)
	if len(s.list) > 64 {
		s.m = make(map[int32]bool, 2*len(s.list))
		for _, x := range s.list {
			s.m[x] = true
		}
	}
	return true
}

// Synonyms lists the vocabulary words that can replace w in the same grammatical form: the
// members of every synset of every lemma of w, inflected like w.
func (t *thesaurus) Synonyms(m *Model, w int32) []int32 {
	return t.candidates(m, w, false)
}

// Wider lists the words of the synsets one link away from w's (hypernyms, hyponyms,
// similar-to) that are not already synonyms, inflected like w: the maxWider most frequent.
func (t *thesaurus) Wider(m *Model, w int32) []int32 {
	return t.candidates(m, w, true)
}

func (t *thesaurus) candidates(m *Model, w int32, wider bool) []int32 {
	memo := &t.synonyms
	if wider {
		memo = &t.wider
	}
	if v, ok := memo.load(w); ok {
		return v
	}
	var seen idSet
	seen.add(w)
	if wider {
		for _, s := range t.Synonyms(m, w) {
			seen.add(s)
		}
	}
	var out, forms []int32
	var buf []byte
	for _, inf := range t.lemmas(m, w) {
		seen.add(inf.lemma)
		sets := t.senses.list(inf.lemma)
		if wider {
			sets = t.related.list(inf.lemma)
		}
		for k := 0; k < sets.n(); k++ {
			if !t.suffixFits(inf.suffix, sets.at(k)) {
				continue
			}
			members := t.members.list(int32(sets.at(k)))
			for j := 0; j < members.n(); j++ {
				syn := int32(members.at(j))
				if syn == inf.lemma {
					continue
				}
				forms, buf = t.appendForms(forms[:0], buf, m, syn, inf.suffix)
				for _, form := range forms {
					if seen.add(form) {
						out = append(out, form)
					}
				}
			}
		}
	}
	if wider && len(out) > maxWider {
		// A common noun has dozens of hyponyms; the original word a spinner replaced is
		// a common one, so the most frequent neighbours are the ones worth fitting.
		slices.SortStableFunc(out, func(a, b int32) int { return cmp.Compare(m.UnigramLogProb(b), m.UnigramLogProb(a)) })
		out = slices.Clip(out[:maxWider]) // the memo is shared: no spare capacity to append into
	}
	memo.store(w, out)
	return out
}

// maxWider caps the WordNet neighbours tried for one word (see candidates).
const maxWider = 20

// phrasesAt lists the multi-word lemmas that the words from token i on spell, in running
// text, as (phrase, number of words) pairs; the words must be lower case and linked.
func (t *thesaurus) phrasesAt(toks []token, c chain, i int, dst [][2]int32) [][2]int32 {
	dst = dst[:0]
	if i+1 >= len(toks) || !c.linked[i+1] || toks[i+1].Capitalised {
		return dst
	}
	first := c.ids[i]
	lo, n := t.pairs().find(first, c.ids[i+1])
	if n == 0 {
		return dst
	}
	starts := t.phrasesFrom.list(first)
	for k := lo; k < lo+n; k++ {
		p := int32(starts.at(k))
		words := t.phraseWords.list(p)
		n := words.n()
		if i+n > len(toks) {
			continue
		}
		match := true
		for j := 2; j < n; j++ {
			if !c.linked[i+j] || toks[i+j].Capitalised || c.ids[i+j] != int32(words.at(j)) {
				match = false
				break
			}
		}
		if match {
			dst = append(dst, [2]int32{p, int32(n)})
		}
	}
	return dst
}

// pairIndex finds the multi-word lemmas that begin with a word pair: an open-addressing table
// from the pair to the run of phrasesFrom's list for the first word that has the second (the
// list is sorted by second word, see internal/gen). Most word pairs of running text begin no
// lemma, and one probe says so. Built on first use (36,473 pairs in 65,536 slots, 800 KB, a millisecond).
type pairIndex struct {
	keys []uint64 // first<<32 | second, plus one; 0 is an empty slot
	runs []uint32 // start<<8 | length
	// bits has a bit per hash of the pairs present: 32 KB that stay in cache, where a probe
	// of keys is a cache miss for nearly every pair of running text.
	bits []uint64
}

const pairBits = 1 << 18

func pairBit(key uint64) uint64 { return (key * 0xC2B2AE3D27D4EB4F) >> 46 } // top 18 bits

func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) + 1 }

func (x *pairIndex) slot(key uint64) int {
	mask := uint64(len(x.keys) - 1)
	h := (key * 0x9E3779B97F4A7C15) >> 32
	for {
		if k := x.keys[h&mask]; k == key || k == 0 {
			return int(h & mask)
		}
		h++
	}
}

// find returns the run of phrasesFrom(a) whose phrases continue with b.
func (x *pairIndex) find(a, b int32) (start, n int) {
	key := pairKey(a, b)
	if h := pairBit(key); len(x.keys) == 0 || x.bits[h/64]&(1<<(h%64)) == 0 {
		return 0, 0
	}
	s := x.slot(key)
	if x.keys[s] == 0 {
		return 0, 0
	}
	return int(x.runs[s] >> 8), int(x.runs[s] & 0xff)
}

func (t *thesaurus) pairs() *pairIndex {
	t.pairOnce.Do(func() {
		x := &pairIndex{keys: make([]uint64, 1<<16), runs: make([]uint32, 1<<16), bits: make([]uint64, pairBits/64)}
		for w := 0; w < t.phrasesFrom.len(); w++ {
			starts := t.phrasesFrom.list(int32(w))
			for k := 0; k < starts.n(); k++ {
				second := int32(t.phraseWords.list(int32(starts.at(k))).at(1))
				s := x.slot(pairKey(int32(w), second))
				if x.keys[s] == 0 {
					key := pairKey(int32(w), second)
					x.keys[s], x.runs[s] = key, uint32(k)<<8
					h := pairBit(key)
					x.bits[h/64] |= 1 << (h % 64)
				}
				if x.runs[s]&0xff < 0xff {
					x.runs[s]++
				}
			}
		}
		t.pairIndex = x
	})
	return t.pairIndex
}

// phraseCandidates lists the single vocabulary words that can stand for phrase p: the
// members of its synsets (wider: of the synsets one link away, the maxWider most frequent),
// in every form (plain, -s, -ed, -ing, irregular) their synset's part of speech allows. A
// spinner puts the lemma ("military unit") where the text had an inflected word ("reserves").
func (t *thesaurus) phraseCandidates(m *Model, p int32, wider bool) []int32 {
	memo := &t.phraseSyn
	sets := t.phraseSenses.list(p)
	if wider {
		memo, sets = &t.phraseWider, t.phraseRelated.list(p)
	}
	if v, ok := memo.load(p); ok {
		return v
	}
	var seen idSet
	if wider {
		for _, s := range t.phraseCandidates(m, p, false) {
			seen.add(s)
		}
	}
	var out, forms []int32
	var buf []byte
	for k := 0; k < sets.n(); k++ {
		s := sets.at(k)
		members := t.members.list(int32(s))
		for j := 0; j < members.n(); j++ {
			lemma := int32(members.at(j))
			for _, suffix := range []string{"", "s", "ed", "ing", "irregular"} {
				if !t.suffixFits(suffix, s) {
					continue
				}
				forms, buf = t.appendForms(forms[:0], buf, m, lemma, suffix)
				for _, form := range forms {
					if seen.add(form) {
						out = append(out, form)
					}
				}
			}
		}
	}
	if wider && len(out) > maxWider {
		slices.SortStableFunc(out, func(a, b int32) int { return cmp.Compare(m.UnigramLogProb(b), m.UnigramLogProb(a)) })
		out = slices.Clip(out[:maxWider])
	}
	memo.store(p, out)
	return out
}

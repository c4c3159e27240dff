package spin

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"strings"
	"sync"
)

// synonymData is WordNet 3.0's synsets restricted to the model's vocabulary, with WordNet's
// irregular inflections; built by internal/gen (see model/README.md).
//
//go:embed model/synonyms.bin
var synonymData []byte

// thesaurus answers "which words share a sense with this one" over model word ids.
type thesaurus struct {
	senses  map[int32][]uint32 // word → synsets
	members map[uint32][]int32 // synset → words
	baseOf  map[int32][]int32  // irregular inflected form → base forms ("went" → "go")
	formsOf map[int32][]int32  // base form → irregular inflected forms
	// related lists the synsets one WordNet link away from a word's own (hypernyms,
	// hyponyms, similar-to): the wider relation spinners' thesauri draw on.
	related  map[int32][]uint32
	synonyms sync.Map // memo: int32 → []int32
	wider    sync.Map // memo: int32 → []int32
}

var (
	thesaurusOnce sync.Once
	thes          *thesaurus
	thesaurusErr  error
)

func loadThesaurus() (*thesaurus, error) {
	thesaurusOnce.Do(func() { thes, thesaurusErr = parseThesaurus(synonymData) })
	return thes, thesaurusErr
}

func parseThesaurus(data []byte) (*thesaurus, error) {
	const magic = "TXSYN01\n"
	if len(data) < len(magic)+8 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("spin thesaurus: bad header")
	}
	o := len(magic)
	u32 := func() (uint32, error) {
		if o+4 > len(data) {
			return 0, fmt.Errorf("spin thesaurus: truncated")
		}
		v := binary.LittleEndian.Uint32(data[o:])
		o += 4
		return v, nil
	}
	nv, err := u32()
	if err != nil {
		return nil, err
	}
	offsets := make([]uint32, nv+1)
	for i := range offsets {
		if offsets[i], err = u32(); err != nil {
			return nil, err
		}
	}
	t := &thesaurus{senses: map[int32][]uint32{}, members: map[uint32][]int32{}, baseOf: map[int32][]int32{}, formsOf: map[int32][]int32{}}
	all := make([]uint32, offsets[nv])
	for i := range all {
		if all[i], err = u32(); err != nil {
			return nil, err
		}
	}
	for w := uint32(0); w < nv; w++ {
		if offsets[w] > offsets[w+1] || offsets[w+1] > uint32(len(all)) {
			return nil, fmt.Errorf("spin thesaurus: bad offsets")
		}
		s := all[offsets[w]:offsets[w+1]]
		if len(s) == 0 {
			continue
		}
		t.senses[int32(w)] = s
		for _, id := range s {
			t.members[id] = append(t.members[id], int32(w))
		}
	}
	ne, err := u32()
	if err != nil {
		return nil, err
	}
	for i := uint32(0); i < ne; i++ {
		a, err1 := u32()
		b, err2 := u32()
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("spin thesaurus: truncated exceptions")
		}
		t.baseOf[int32(a)] = append(t.baseOf[int32(a)], int32(b))
		t.formsOf[int32(b)] = append(t.formsOf[int32(b)], int32(a))
	}
	t.related = map[int32][]uint32{}
	if o == len(data) {
		return t, nil // older layout without related synsets
	}
	nr, err := u32()
	if err != nil || nr != nv {
		return nil, fmt.Errorf("spin thesaurus: bad related section")
	}
	roff := make([]uint32, nr+1)
	for i := range roff {
		if roff[i], err = u32(); err != nil {
			return nil, err
		}
	}
	rel := make([]uint32, roff[nr])
	for i := range rel {
		if rel[i], err = u32(); err != nil {
			return nil, err
		}
	}
	for w := uint32(0); w < nr; w++ {
		if roff[w] > roff[w+1] || roff[w+1] > uint32(len(rel)) {
			return nil, fmt.Errorf("spin thesaurus: bad related offsets")
		}
		if r := rel[roff[w]:roff[w+1]]; len(r) > 0 {
			t.related[int32(w)] = r
		}
	}
	return t, nil
}

// Related reports whether two words share a WordNet sense.
func (t *thesaurus) Related(a, b int32) bool {
	for _, x := range t.senses[a] {
		for _, y := range t.senses[b] {
			if x == y {
				return true
			}
		}
	}
	return false
}

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
	if _, ok := t.senses[w]; ok {
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
				if _, ok := t.senses[id]; ok {
					out = append(out, inflection{lemma: id, suffix: r.suffix})
				}
			}
		}
	}
	return out
}

// inflect gives lemma the suffix, returning the model ids of the forms that exist.
func (t *thesaurus) inflect(m *Model, lemma int32, suffix string) []int32 {
	if suffix == "" {
		return []int32{lemma}
	}
	if forms := t.formsOf[lemma]; len(forms) > 0 {
		return forms // irregular lemma: its listed forms (went, gone) are the candidates
	}
	if suffix == "irregular" {
		return nil
	}
	base := m.Word(lemma)
	var cands []string
	switch suffix {
	case "s":
		if strings.HasSuffix(base, "y") && len(base) > 2 && !strings.ContainsRune("aeiou", rune(base[len(base)-2])) {
			cands = append(cands, base[:len(base)-1]+"ies")
		} else {
			cands = append(cands, base+"s")
		}
	case "es":
		cands = append(cands, base+"es", base+"s")
	case "ed", "er", "est":
		sfx := suffix
		switch {
		case strings.HasSuffix(base, "e"):
			cands = append(cands, base+sfx[1:])
		case strings.HasSuffix(base, "y") && len(base) > 2 && !strings.ContainsRune("aeiou", rune(base[len(base)-2])):
			cands = append(cands, base[:len(base)-1]+"i"+sfx)
		default:
			cands = append(cands, base+sfx, base+base[len(base)-1:]+sfx)
		}
	case "ing":
		if strings.HasSuffix(base, "e") && !strings.HasSuffix(base, "ee") {
			cands = append(cands, base[:len(base)-1]+"ing")
		}
		cands = append(cands, base+"ing", base+base[len(base)-1:]+"ing")
	}
	var out []int32
	for _, c := range cands {
		if id := m.ID(c); id >= 0 {
			out = append(out, id)
		}
	}
	return out
}

// Synonyms lists the vocabulary words that can replace w in the same grammatical form: the
// members of every synset of every lemma of w, inflected like w.
func (t *thesaurus) Synonyms(m *Model, w int32) []int32 {
	return t.candidates(m, w, false)
}

// Wider lists the words of the synsets one link away from w's (hypernyms, hyponyms,
// similar-to) that are not already synonyms, inflected like w.
func (t *thesaurus) Wider(m *Model, w int32) []int32 {
	return t.candidates(m, w, true)
}

func (t *thesaurus) candidates(m *Model, w int32, wider bool) []int32 {
	memo := &t.synonyms
	if wider {
		memo = &t.wider
	}
	if v, ok := memo.Load(w); ok {
		return v.([]int32)
	}
	seen := map[int32]bool{w: true}
	if wider {
		for _, s := range t.Synonyms(m, w) {
			seen[s] = true
		}
	}
	var out []int32
	for _, inf := range t.lemmas(m, w) {
		seen[inf.lemma] = true
		sets := t.senses[inf.lemma]
		if wider {
			sets = t.related[inf.lemma]
		}
		for _, s := range sets {
			for _, syn := range t.members[s] {
				if syn == inf.lemma {
					continue
				}
				for _, form := range t.inflect(m, syn, inf.suffix) {
					if !seen[form] {
						seen[form] = true
						out = append(out, form)
					}
				}
			}
		}
	}
	memo.Store(w, out)
	return out
}

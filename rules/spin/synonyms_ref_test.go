package spin

import (
	"cmp"
	"slices"
	"strings"
	"testing"
)

// TestCandidatesMatchTheStringReference checks candidates (which spells inflected forms in
// a reused buffer and tracks the words met in an idSet) against the plain version it
// replaced, which built each form as a string and kept a map, over a sample of the vocabulary.
func TestCandidatesMatchTheStringReference(t *testing.T) {
	m, th := referenceData(t)
	n := len(m.uniProb)
	checked := 0
	for w := int32(0); int(w) < n; w += 3 {
		for _, wider := range []bool{false, true} {
			got, want := th.candidates(m, w, wider), th.candidatesReference(m, w, wider)
			if !slices.Equal(got, want) {
				t.Fatalf("%q (wider %v): candidates %v, reference %v", m.Word(w), wider, got, want)
			}
			if len(want) > 0 {
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d words with candidates checked", checked)
	}
}

func (t *thesaurus) candidatesReference(m *Model, w int32, wider bool) []int32 {
	seen := map[int32]bool{w: true}
	if wider {
		for _, s := range t.candidatesReference(m, w, false) {
			seen[s] = true
		}
	}
	var out []int32
	for _, inf := range t.lemmas(m, w) {
		seen[inf.lemma] = true
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
				for _, form := range t.inflectReference(m, syn, inf.suffix) {
					if !seen[form] {
						seen[form] = true
						out = append(out, form)
					}
				}
			}
		}
	}
	if wider && len(out) > maxWider {
		slices.SortStableFunc(out, func(a, b int32) int { return cmp.Compare(m.UnigramLogProb(b), m.UnigramLogProb(a)) })
		out = out[:maxWider]
	}
	return out
}

// inflect gives lemma the suffix, returning the model ids of the forms that exist.
func (t *thesaurus) inflectReference(m *Model, lemma int32, suffix string) []int32 {
	if suffix == "" {
		return []int32{lemma}
	}
	// WordNet's exception lists hold past forms, plurals and comparatives (went, gone; mice;
	// better): an irregular lemma takes them for those suffixes, never for "-ing" or a
	// verb's "-s", which stay regular ("going", "goes").
	switch suffix {
	case "irregular":
		return t.formsOf[lemma]
	case "ed", "er", "est":
		// the lists also hold doubled-consonant gerunds ("getting"), never a past form
		var forms []int32
		for _, f := range t.formsOf[lemma] {
			if !strings.HasSuffix(m.Word(f), "ing") {
				forms = append(forms, f)
			}
		}
		if len(forms) > 0 {
			return forms
		}
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

package spin

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// ngramQueries are bigrams and trigrams to look up: every one of the fixtures' running text,
// the same with a word's synonyms in its place, and random word triples (mostly unseen).
func ngramQueries(t *testing.T, m *Model, th *thesaurus) (big [][2]int32, tri [][3]int32) {
	t.Helper()
	for _, name := range []string{"spun.txt", "clean.txt"} {
		for _, par := range audit.NewDocument("f.txt", readFixture(t, name)).Paragraphs {
			c := newChain(m, th, tokenize(par.Text))
			for i := 2; i < len(c.ids); i++ {
				if !c.linked[i] || !c.linked[i-1] {
					continue
				}
				for _, x := range append([]int32{c.ids[i-1]}, th.Synonyms(m, c.ids[i-1])...) {
					big = append(big, [2]int32{c.ids[i-2], x}, [2]int32{x, c.ids[i]})
					tri = append(tri, [3]int32{c.ids[i-2], x, c.ids[i]})
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	n := int32(len(m.wordStart) - 1)
	for k := 0; k < 2000; k++ {
		a, b, c := r.Int32N(n), r.Int32N(n), r.Int32N(n)
		big = append(big, [2]int32{a, b})
		tri = append(tri, [3]int32{a, b, c})
	}
	return big, tri
}

func TestBatchedLookupsFindWhatSingleLookupsFind(t *testing.T) {
	m, th := referenceData(t)
	big, tri := ngramQueries(t, m, th)
	flat := builtTables(t, m)
	for _, ft := range []*fastTables{nil, flat} {
		bq := make([]bigQuery, len(big))
		for k, g := range big {
			bq[k] = bigQuery{a: g[0], b: g[1], at: int32(k)}
		}
		m.bigramEntriesIn(ft, bq)
		found := 0
		for k, q := range bq {
			if want := m.entryAt(m.bigramIndex(big[k][0], big[k][1])); q.res != want || q.at != int32(k) {
				t.Fatalf("flat %v, bigram %q %q: batched %d (at %d), single %d", ft != nil, m.Word(q.a), m.Word(q.b), q.res, q.at, want)
			}
			if q.res >= 0 {
				found++
			}
		}
		tq := make([]triQuery, len(tri))
		for k, g := range tri {
			tq[k] = triQuery{a: g[0], b: g[1], c: g[2], at: int32(k)}
		}
		m.trigramBytesIn(ft, tq)
		seen := 0
		for k, q := range tq {
			want := hashLookup(m.tri, triHash(uint32(tri[k][0]), uint32(tri[k][1]), uint32(tri[k][2])))
			if q.res != want || q.at != int32(k) {
				t.Fatalf("flat %v, trigram %v: batched %d, single %d", ft != nil, tri[k], q.res, want)
			}
			if q.res >= 0 {
				seen++
			}
		}
		if found < 100 || found == len(bq) || seen < 50 || seen == len(tq) {
			t.Fatalf("the queries should mix seen and unseen n-grams: %d of %d bigrams, %d of %d trigrams", found, len(bq), seen, len(tq))
		}
	}
}

func builtTables(t testing.TB, m *Model) *fastTables {
	t.Helper()
	ft := &fastTables{}
	var ok bool
	if ft.big, ok = buildBigramTable(m); !ok {
		t.Fatal("the shipped model does not fit the flat bigram table")
	}
	if ft.tri, ok = buildTriTable(m.tri); !ok {
		t.Fatal("the shipped trigrams do not fit the flat trigram table")
	}
	return ft
}

func TestPreparedFitsEqualFitsMadeOneByOne(t *testing.T) {
	m, th := referenceData(t)
	toks := tokenize(readFixture(t, "spun.txt"))
	for _, flat := range []bool{false, true} {
		if flat {
			// as a long run does; the tables change no result, so other tests may share them
			if m.fastTables(fastAfter) == nil {
				t.Fatal("the flat tables were not built")
			}
		}
		c := newChain(m, th, toks)
		compared := 0
		for i := range toks {
			if c.ids[i] < 0 {
				continue
			}
			cands := append(th.Synonyms(m, c.ids[i]), th.Wider(m, c.ids[i])...)
			plain := newFitter(m, c, i)
			fw, uw, _ := plain.fit(c.ids[i], len(toks), nil)
			for _, b := range []*bar{nil, {word: fw, need: 1.25}, {word: fw, need: 3, found: true, excess: 0.5}} {
				for _, limit := range []int{uw, len(toks)} {
					f := newFitter(m, c, i)
					f.fit(c.ids[i], len(toks), nil)
					f.prepare(cands, limit, b)
					for _, x := range cands {
						fresh := newFitter(m, chain{ids: c.ids, linked: c.linked}, i)
						ws, wu, wj := fresh.fit(x, limit, b)
						if b == nil && limit == len(toks) {
							ws, wu, wj = referenceFit(m, c, i, x)
						}
						gs, gu, gj := f.fit(x, limit, b)
						if math.Float64bits(gs) != math.Float64bits(ws) || gu != wu || gj != wj {
							t.Fatalf("flat %v, token %d as %q: prepared (%v, %d, %d), one by one (%v, %d, %d)", flat, i, m.Word(x), gs, gu, gj, ws, wu, wj)
						}
						if b != nil && (f.leftSeen != fresh.leftSeen || f.rightSeen != fresh.rightSeen) {
							t.Fatalf("flat %v, token %d as %q: seen bigrams differ", flat, i, m.Word(x))
						}
						compared++
					}
					if f.next != len(cands) {
						t.Fatalf("token %d: %d of %d prepared candidates used", i, f.next, len(cands))
					}
				}
			}
		}
		if compared < 500 {
			t.Fatalf("only %d fits compared", compared)
		}
	}
}

func TestFlatTablesFindWhatTheModelsLayoutFinds(t *testing.T) {
	m, th := referenceData(t)
	flat := builtTables(t, m)
	big, tri := flat.big, flat.tri
	bigs, tris := ngramQueries(t, m, th)
	// every 97th bigram of the model, and its pair reversed (mostly unseen)
	for b := int32(0); int(b) < len(m.wordStart)-1; b++ {
		lo, hi := m.span(b)
		for i := lo; i < hi; i += 97 {
			bigs = append(bigs, [2]int32{m.histAt(i), b}, [2]int32{b, m.histAt(i)})
		}
	}
	seen, bigPassed := 0, 0
	bq := make([]bigQuery, 0, len(bigs))
	for _, g := range bigs {
		want := m.entryAt(m.bigramIndex(g[0], g[1]))
		if got := big.entry(g[0], g[1]); got != want {
			t.Fatalf("bigram %q %q: table %d, model %d", m.Word(g[0]), m.Word(g[1]), got, want)
		}
		if want >= 0 {
			seen++
			if !big.mayHave(g[0], g[1]) {
				t.Fatalf("bigram %q %q: in the model, not in the filter", m.Word(g[0]), m.Word(g[1]))
			}
		} else if big.mayHave(g[0], g[1]) {
			bigPassed++
		}
		bq = append(bq, bigQuery{a: g[0], b: g[1]})
	}
	// the same through the filter, in one batch
	m.bigramEntriesIn(flat, bq)
	for _, q := range bq {
		if want := m.entryAt(m.bigramIndex(q.a, q.b)); q.res != want {
			t.Fatalf("bigram %d %d in a batch: %d, model %d", q.a, q.b, q.res, want)
		}
	}
	if share := float64(bigPassed) / float64(len(bigs)-seen); share > 0.03 {
		t.Errorf("the bigram filter passes %.3f of absent pairs", share)
	}
	qs := make([]triQuery, 0, len(tris))
	for _, g := range tris {
		p, ok := m.tri.lookup(g[0], g[1], g[2])
		gp, gok := triProb(tri.probByte(triHash(uint32(g[0]), uint32(g[1]), uint32(g[2]))))
		if gok != ok || math.Float64bits(gp) != math.Float64bits(p) {
			t.Fatalf("trigram %v: table (%v, %v), model (%v, %v)", g, gp, gok, p, ok)
		}
		qs = append(qs, triQuery{a: g[0], b: g[1], c: g[2]})
	}
	// the same through the filter, in one batch
	m.trigramBytesIn(flat, qs)
	for _, q := range qs {
		if want := m.tri.find(q.a, q.b, q.c); q.res != want {
			t.Fatalf("trigram %d %d %d in a batch: %d, model %d", q.a, q.b, q.c, q.res, want)
		}
	}
	// every trigram hash of the model, and the hash one above (mostly absent)
	n, passed := 0, 0
	for bucket := uint32(0); bucket < 1<<16; bucket++ {
		lo := int(le32(m.tri.offsets[4*bucket:]))
		hi := int(le32(m.tri.offsets[4*bucket+4:]))
		for k := lo; k < hi; k++ {
			h := bucket<<16 | uint32(le16(m.tri.keys[2*k:]))
			for _, q := range []uint32{h, h + 1} {
				want := hashLookup(m.tri, q)
				if got := tri.probByte(q); got != want {
					t.Fatalf("trigram hash %#x: table %d, model %d", q, got, want)
				}
				if want >= 0 && !tri.mayHave(q) {
					t.Fatalf("trigram hash %#x: in the model, not in the filter", q)
				}
				if want < 0 && tri.mayHave(q) {
					passed++
				}
			}
			n++
		}
	}
	if seen < 1000 || n != len(m.tri.prob) {
		t.Fatalf("%d bigrams seen, %d of %d trigrams checked", seen, n, len(m.tri.prob))
	}
	// the filter must rule out most absent hashes to be worth its read (1.4 % pass)
	if share := float64(passed) / float64(n); share > 0.03 {
		t.Errorf("the trigram filter passes %.3f of absent hashes", share)
	}
}

// hashLookup is trigrams.lookup for a hash rather than a word triple.
func hashLookup(t *trigrams, h uint32) int16 {
	bucket := h >> 16
	lo := int(le32(t.offsets[4*bucket:]))
	hi := int(le32(t.offsets[4*bucket+4:]))
	for end := hi; lo < end; {
		mid := (lo + end) / 2
		if le16(t.keys[2*mid:]) < uint16(h) {
			lo = mid + 1
		} else {
			end = mid
		}
	}
	if lo < hi && le16(t.keys[2*lo:]) == uint16(h) {
		return int16(t.prob[lo])
	}
	return -1
}

func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }
func le16(b []byte) uint16 { return binary.LittleEndian.Uint16(b) }

func TestVerdictsDoNotChangeWhenTheFlatTablesAreBuiltDuringARun(t *testing.T) {
	_, th := referenceData(t)
	m, err := parseModel(bigramModelData) // a model of its own, its tables not built yet
	if err != nil {
		t.Fatal(err)
	}
	if m.tri, err = loadTrigrams(); err != nil {
		t.Fatal(err)
	}
	m.fast.after = math.MaxInt64
	fps := loadFingerprints()
	prm := defaultParams()
	pars := audit.NewDocument("f.txt", readFixture(t, "spun.txt")+"\n\n"+readFixture(t, "clean.txt")).Paragraphs
	judge := func() []verdict {
		var out []verdict
		for _, par := range pars {
			out = append(out, judgeParagraph(m, th, fps, par, prm))
		}
		return out
	}
	before := judge()
	if m.fast.tables.Load() != nil {
		t.Fatal("the tables were built before the threshold")
	}
	// build them halfway through the first concurrent pass
	m.fast.after = m.fast.lookups.Load() + m.fast.lookups.Load()/2
	var wg sync.WaitGroup
	results := make([][]verdict, 4)
	for g := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 3; r++ {
				results[g] = judge()
			}
		}()
	}
	wg.Wait()
	if m.fast.tables.Load() == nil {
		t.Fatal("the tables were not built")
	}
	for g, got := range append(results, judge()) {
		if !reflect.DeepEqual(got, before) {
			t.Fatalf("run %d: verdicts differ once the flat tables exist", g)
		}
	}
}

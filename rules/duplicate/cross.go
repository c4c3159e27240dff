package duplicate

import (
	"math/bits"
	"runtime"
	"slices"
	"sync"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/rules/provenance"
	"github.com/textaudit/textaudit/rules/spin"
)

// Cross flags paragraphs and sentences that stand in another file of the corpus, verbatim,
// lightly edited or spun, on both files.
var Cross = &audit.Rule{
	ID:          "duplicate.cross",
	Category:    audit.Duplicate,
	Severity:    audit.Warning,
	Description: "A paragraph or sentence stands in another file, verbatim, edited or reworded by synonyms",
	Params:      crossParamDecls,
}

// crossParams are duplicate.cross's thresholds, declared in crossParamDecls.
type crossParams struct {
	minWords, minShared, maxPosting int
	minKept, minCover               float64
}

var crossParamDecls = []audit.Param{
	audit.IntParam("min_words", 10, 1, audit.Unbounded, "matched words an aligned passage needs",
		func(p *crossParams) *int { return &p.minWords }),
	audit.FloatParam("min_kept", 0.5, 0, 1, "share of the passage's words the copy keeps",
		func(p *crossParams) *float64 { return &p.minKept }),
	audit.IntParam("min_shared", 2, 1, audit.Unbounded, "retrieval features two paragraphs share before they are aligned",
		func(p *crossParams) *int { return &p.minShared }),
	audit.IntParam("max_posting", 64, 1, audit.Unbounded, "a feature found in more paragraphs is too common to retrieve by",
		func(p *crossParams) *int { return &p.maxPosting }),
	audit.FloatParam("min_cover", 0.8, 0, 1, "share of a paragraph, on one side at least, a copy must cover (a quote two stories share inside different paragraphs is no copy)",
		func(p *crossParams) *float64 { return &p.minCover }),
}

// Document flags a file that is, as a whole, a near-copy of another file.
var Document = &audit.Rule{
	ID:          "duplicate.document",
	Category:    audit.Duplicate,
	Severity:    audit.Warning,
	Description: "The whole file nearly duplicates another file (found by duplicate.cross's corpus pass)",
	Params: []audit.Param{
		audit.FloatParam("min_share", 0.8, 0, 1, "share of each file's words covered by aligned passages",
			func(p *documentParams) *float64 { return &p.minShare }),
	},
}

// documentParams are duplicate.document's thresholds.
type documentParams struct{ minShare float64 }

// CorpusAnalysis is the corpus pass behind duplicate.cross: one index of every paragraph
// finds copies across files, and from them whole-document copies, spun copies proven by
// alignment (spin.aligned-copy), stories shared by two files (provenance.shared-story) and
// attribution inherited through a copy (provenance.inherited). Those rules are declared
// with their families.
var CorpusAnalysis = &audit.Analysis{
	Name:           "duplicate.cross",
	Reports:        []*audit.Rule{Cross, Document, spin.AlignedCopy, provenance.SharedStory, provenance.Inherited},
	NewCorpusCheck: newCrossCheck,
}

// indexedDoc is what the index keeps of one document: no text, only where to find it again.
type indexedDoc struct {
	path        string
	audited     bool
	words       int32    // words in indexed units
	sources     []string // agencies its text is credited to
	leadSources []string // agencies credited for the whole story (lead dateline, closing credit)
	photo       []string // agencies named in photo credits
	// rep is the document whose units stand for this one: itself, or the first indexed
	// document with the same words (identical copies are indexed once).
	rep int32
	// groupAudited is set on a representative when any of its identical copies is audited.
	groupAudited bool
	whole        audit.Span // the whole file, to report on it without re-reading it
	title        string     // its first line, cut short: the matched text of a whole-file finding
	lang         string     // the language of its stopwords (stopLanguage), to tokenise it again
}

// indexedUnit is one paragraph (or a maxAlignTokens piece of a long one): its words' keys
// are arena.run(off, n), its first token is token tok of the document.
type indexedUnit struct {
	doc  int32
	tok  int32
	n    int32
	line int32
	off  int64
}

// crossCheck is the corpus index: compact per-paragraph word keys and retrieval features.
type crossCheck struct {
	cfg *audit.Config
	crossParams
	docMinShare  float64
	spinMinSwaps int
	spinMinShare float64
	docs         []indexedDoc
	units        []indexedUnit
	arena        blocks[uint32]
	indexed      blocks[uint64] // feature<<32 | unit, as Add appends them
	features     []uint64       // the same, sorted, from Finish on
	entries      []uint64       // index's scratch for one unit's entries (index holds the lock)
	// featureDir[k] is the first position in features whose feature's top featureDirBits
	// bits are k or more: a lookup reads one directory slot and searches a few entries,
	// where a binary search of the whole list took a cache miss at each of ~23 steps.
	featureDir       []uint32
	featureDirBits   int
	docFreq          map[uint32]int32
	hasAudited       bool
	storyMinPassages int
	storyMinShare    float64
	identical        map[uint64]int32 // hash of a document's words → its representative
	links            map[int32]*docLinks
	memo             *alignMemo // set when the run has a cache (memo.go)
}

func newCrossCheck(p *audit.CorpusPass) audit.CorpusCheck {
	cfg := p.Config
	if cfg == nil {
		cfg = &audit.Config{}
	}
	doc := audit.DecodeParams[documentParams](p.ParamsOf(Document))
	aligned := audit.DecodeParams[spin.AlignedCopyParams](p.ParamsOf(spin.AlignedCopy))
	story := audit.DecodeParams[provenance.SharedStoryParams](p.ParamsOf(provenance.SharedStory))
	return &crossCheck{
		crossParams:      audit.DecodeParams[crossParams](p.Params),
		storyMinPassages: story.MinPassages,
		storyMinShare:    story.MinShare,
		identical:        map[uint64]int32{},
		cfg:              cfg,
		docMinShare:      doc.minShare,
		spinMinSwaps:     aligned.MinSwaps,
		spinMinShare:     aligned.MinShare,
		docFreq:          map[uint32]int32{},
	}
}

// Add indexes one document's paragraphs: extract (cross_sig.go) does the work without the
// lock, index takes it.
func (c *crossCheck) Add(doc *audit.Document, audited bool) {
	c.index(c.extract(doc), doc.Path, audited)
}

func (c *crossCheck) unitWords(u uint32) []uint32 {
	x := c.units[u]
	return c.arena.run(x.off, int(x.n))
}

// copyMatch is a verified copy: unit a's passage stands in unit b.
type copyMatch struct {
	a, b uint32
	al   Alignment
}

// Finish retrieves candidate pairs, verifies them by alignment and reports.
func (c *crossCheck) Finish(report func(audit.Finding)) {
	if !c.hasAudited {
		return
	}
	c.identical = nil
	c.pickGroupFaces()
	c.features = c.indexed.flatten()
	sortFeatureEntries(c.features)
	c.featureDir, c.featureDirBits = featureDirectory(c.features)
	matches := c.findCopies()
	c.features, c.featureDir = nil, nil
	if c.memo != nil {
		c.memo.old, c.memo.hashes = nil, nil
	}
	c.report(matches, report)
}

// findCopies retrieves, for each unit, the later units sharing at least minShared retrieval
// features (from other documents, at least one of the two audited) and keeps those an
// alignment verifies. The sorted feature list is the inverted index: a feature's units are
// adjacent, found by binary search, so no pair list is ever built (with many copies of
// every paragraph, pairs outnumber features tenfold). A unit's features are recomputed
// from its words rather than stored twice. Features in more than maxPosting units are
// common phrasing, not evidence of a copy, and are skipped. Work is spread over all cores.
func (c *crossCheck) findCopies() []copyMatch {
	workers := runtime.NumCPU()
	results := make([][]copyMatch, workers)
	if c.memo != nil {
		c.memo.hashes = make([]unitHash, len(c.units))
		for u := range c.units {
			c.memo.hashes[u] = hashWords(c.unitWords(uint32(u)))
		}
		c.memo.kept, c.memo.ran = make([][]memoEntry, workers), true
	}
	// unitDoc[u] is unit u's document<<1 | whether its group is audited: the candidate
	// filter reads 4 bytes per posting rather than a unit and a document at random.
	unitDoc := make([]uint32, len(c.units))
	for u, x := range c.units {
		unitDoc[u] = uint32(x.doc) << 1
		if c.docs[x.doc].groupAudited {
			unitDoc[u] |= 1
		}
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			shared := map[uint32]int{}
			var feats, skel []uint32
			var aln aligner
			var filter wordFilter
			for u := uint32(w); int(u) < len(c.units); u += uint32(workers) {
				clear(shared)
				du := unitDoc[u]
				words := c.unitWords(u)
				feats, skel = appendSkeletonFeatures(words, feats[:0], skel)
				filter.reset(words)
				for _, f := range feats {
					lo := c.firstWithFeature(f)
					hi := lo
					for hi < len(c.features) && uint32(c.features[hi]>>32) == f && hi-lo <= c.maxPosting {
						hi++
					}
					if hi-lo < 2 || hi-lo > c.maxPosting {
						continue
					}
					for _, e := range c.features[lo:hi] {
						v := uint32(e)
						if v <= u {
							continue
						}
						dv := unitDoc[v]
						if dv>>1 == du>>1 || (du|dv)&1 == 0 {
							continue // same document, or neither side audited
						}
						shared[v]++
					}
				}
				for v, n := range shared {
					if n < c.minShared {
						continue
					}
					b := c.unitWords(v)
					if !filter.mayMatch(b, c.minWords, minMatchedNonStop) {
						continue // cannot pass isCopy
					}
					if al, ok := c.verify(&aln, w, u, v, words, b); ok {
						results[w] = append(results[w], copyMatch{a: u, b: v, al: al})
					}
				}
			}
		}(w)
	}
	wg.Wait()
	var out []copyMatch
	for _, r := range results {
		out = append(out, r...)
	}
	slices.SortFunc(out, func(x, y copyMatch) int {
		if x.a != y.a {
			return int(x.a) - int(y.a)
		}
		return int(x.b) - int(y.b)
	})
	return out
}

// featureDirectory indexes a sorted feature list by the features' top bits: about one slot
// per entry (at least 2^8, at most 2^20 slots, 4 MB), so a five-file run pays nothing for
// it. Positions are uint32: the list would need 32 GB to overflow them.
func featureDirectory(sorted []uint64) ([]uint32, int) {
	nbits := min(max(bits.Len(uint(len(sorted))), 8), 20)
	dir := make([]uint32, 1<<nbits+1)
	k := 0
	for i, e := range sorted {
		for top := int(e >> (64 - nbits)); k <= top; k++ {
			dir[k] = uint32(i)
		}
	}
	for ; k < len(dir); k++ {
		dir[k] = uint32(len(sorted))
	}
	return dir, nbits
}

// firstWithFeature is the position of the first entry of feature f in c.features (or where
// it would be).
func (c *crossCheck) firstWithFeature(f uint32) int {
	top := f >> (32 - c.featureDirBits)
	lo, hi := int(c.featureDir[top]), int(c.featureDir[top+1])
	key := uint64(f) << 32
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if c.features[h] < key {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// extendSlack is how many unaligned words at a passage's ends are absorbed as a change.
const extendSlack = 3

// minMatchedNonStop is how many matched words of a copy must be names, numbers or content
// words: a chain of "he said on Monday that the" proves nothing.
const minMatchedNonStop = 5

// isCopy applies the verification thresholds to an alignment.
func (c *crossCheck) isCopy(al Alignment, a []uint32) bool {
	if al.Matches < c.minWords || al.Kept() < c.minKept {
		return false
	}
	return matchedNonStop(al, a) >= minMatchedNonStop
}

// matchedNonStop counts the matched words of a's side that are not stopwords.
func matchedNonStop(al Alignment, a []uint32) int {
	n := 0
	for i := al.AStart; i < al.AEnd; i++ {
		if Kind(a[i]&3) != Stop {
			n++
		}
	}
	// Unmatched words are in changes; what is left in the stretch is matched.
	for _, ch := range al.Changes {
		for i := ch.AStart; i < ch.AEnd; i++ {
			if Kind(a[i]&3) != Stop {
				n--
			}
		}
	}
	return n
}

// Package stopwords ships per-language stopword lists and the cheap language profile built
// on them: the share of a text's words that are stopwords of each language. Several rule
// families use it to know a document's main language without loading a language model.
package stopwords

import (
	"embed"
	"iter"
	"math/bits"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/textaudit/textaudit/audit"
)

//go:embed lists/*.txt
var listFiles embed.FS

// Set is a set of languages, one bit per list, so a word's languages come from one lookup.
type Set uint64

// Has reports whether lang is in the set. In loops, compare with Of(lang) instead: it saves
// a map lookup per word.
func (s Set) Has(lang string) bool { return s&Of(lang) != 0 }

// Of returns the set holding only lang (empty when there is no list for it).
func Of(lang string) Set {
	ix := load()
	// Two lower-case letters, as every list's code is: a table instead of a map lookup,
	// since Is asks for every word.
	if len(lang) == 2 {
		if a, b := lang[0]-'a', lang[1]-'a'; a < 26 && b < 26 {
			return ix.byCode[int(a)*26+int(b)]
		}
	}
	i, ok := ix.bit[lang]
	if !ok {
		return 0
	}
	return 1 << i
}

// index maps every stopword to the set of languages whose list holds it.
type index struct {
	langs []string       // bit i stands for langs[i]
	bit   map[string]int // language → bit
	// byCode is bit as a table over two-letter codes ("aa".."zz"): the set of one language.
	byCode [26 * 26]Set
	// short and entries are words again, with the word itself kept for Scan to hand out:
	// words of up to 8 bytes (most of them) packed into an integer key, the longer ones by
	// string.
	short   *shortTable
	entries map[string]entry
}

// shortTable is an open-addressing hash table from packed words to entries. Every word of
// every text is looked up here, most of them on no list; a Go map answered such misses with
// cache misses, which dominated the document's stopword profile in whole runs (where the
// language models and the other families' data crowd the cache). A bit filter small enough
// to stay in the first-level cache turns most misses away before the table is touched; the
// table itself is a flat array of keys probed linearly. Keys are never 0 (words are not empty).
type shortTable struct {
	filter  [filterWords]uint64 // two bits a key, from its hash
	keys    []uint64            // 0: empty slot
	entries []entry             // entries[i] belongs to keys[i]
	shift   uint                // 64 - log2(len(keys))
}

// filterWords sizes the filter: 64K bits for some 12,000 short words keeps false positives
// near 3 % with two bits a key.
const filterWords = 1024

func hashKey(k uint64) uint64 { return k * 0x9E3779B97F4A7C15 }

// filterBits are a hash's two filter bits (word index and bit of each), from the high bits
// of a second round of mixing: a product's low bits depend on the word's first bytes only.
func filterBits(h uint64) (w1, w2 uint, b1, b2 uint64) {
	h = (h ^ h>>32) * 0xBF58476D1CE4E5B9
	return uint(h>>54) % filterWords, uint(h>>38) % filterWords, 1 << ((h >> 48) & 63), 1 << ((h >> 32) & 63)
}

func newShortTable(n int) *shortTable {
	size := 16
	for size < 3*n { // at most a third full: short probe runs for the misses that pass the filter
		size *= 2
	}
	return &shortTable{keys: make([]uint64, size), entries: make([]entry, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
}

// slot is where k (hashed to h) is, or the empty slot where it would go.
func (t *shortTable) slot(k, h uint64) int {
	mask := len(t.keys) - 1
	i := int(h >> t.shift)
	for {
		if c := t.keys[i]; c == k || c == 0 {
			return i
		}
		i = (i + 1) & mask
	}
}

func (t *shortTable) get(k uint64) entry {
	h := hashKey(k)
	w1, w2, b1, b2 := filterBits(h)
	if t.filter[w1]&b1 == 0 || t.filter[w2]&b2 == 0 {
		return entry{}
	}
	if i := t.slot(k, h); t.keys[i] != 0 {
		return t.entries[i]
	}
	return entry{}
}

// add adds langs to word's entry (k is word packed).
func (t *shortTable) add(k uint64, word string, langs Set) {
	h := hashKey(k)
	w1, w2, b1, b2 := filterBits(h)
	t.filter[w1] |= b1
	t.filter[w2] |= b2
	i := t.slot(k, h)
	t.keys[i] = k
	t.entries[i] = entry{word, t.entries[i].langs | langs}
}

// pack turns a word of up to 8 bytes into a key: its bytes, little-endian. Listed words
// hold no NUL byte, so the zero padding keeps lengths apart; a word with one is on no list
// (ok is false).
func pack[T string | []byte](w T) (k uint64, ok bool) {
	for i := 0; i < len(w); i++ {
		if w[i] == 0 {
			return 0, false
		}
		k |= uint64(w[i]) << (8 * i)
	}
	return k, true
}

// get finds a lower-case word.
func (ix *index) get(w string) entry {
	if len(w) <= 8 {
		if k, ok := pack(w); ok && k != 0 {
			return ix.short.get(k)
		}
		return entry{}
	}
	return ix.entries[w]
}

// getBytes is get for a word in a buffer; string(w) as a map index does not allocate.
func (ix *index) getBytes(w []byte) entry {
	if len(w) <= 8 {
		if k, ok := pack(w); ok && k != 0 {
			return ix.short.get(k)
		}
		return entry{}
	}
	return ix.entries[string(w)]
}

type entry struct {
	word  string
	langs Set
}

var (
	loadOnce sync.Once
	idx      *index
)

func load() *index {
	loadOnce.Do(func() {
		idx = &index{bit: map[string]int{}}
		type list struct {
			lang string
			text string
		}
		var lists []list
		short, long := 0, 0 // list lines of up to 8 bytes and longer: the maps' size hints
		entries, _ := listFiles.ReadDir("lists")
		for _, e := range entries {
			data, err := listFiles.ReadFile("lists/" + e.Name())
			if err != nil || len(lists) == 64 {
				continue
			}
			text := string(data)
			lists = append(lists, list{strings.TrimSuffix(e.Name(), ".txt"), text})
			for w := range strings.SplitSeq(text, "\n") {
				if len(w) > 8 {
					long++
				} else if w != "" {
					short++
				}
			}
		}
		// Every word goes straight into its final map, sized beforehand: the run pays for
		// this on every start, seeds' five files included, so no map grows or is copied.
		idx.short = newShortTable(short)
		idx.entries = make(map[string]entry, long)
		for b, l := range lists {
			idx.langs = append(idx.langs, l.lang)
			idx.bit[l.lang] = b
			bit := Set(1) << b
			for w := range strings.SplitSeq(l.text, "\n") {
				if w == "" {
					continue
				}
				if k, ok := pack(w); ok && len(w) <= 8 {
					idx.short.add(k, w, bit)
				} else {
					e := idx.entries[w]
					idx.entries[w] = entry{w, e.langs | bit}
				}
			}
		}
		for lang, b := range idx.bit {
			if len(lang) == 2 && lang[0]-'a' < 26 && lang[1]-'a' < 26 {
				idx.byCode[int(lang[0]-'a')*26+int(lang[1]-'a')] = 1 << b
			}
		}
	})
	return idx
}

// Lookup returns the languages whose stopword list holds word (already lower-cased, as
// Words returns it).
func Lookup(word string) Set { return load().get(word).langs }

// LookupBytes is Lookup for a lower-case word held in bytes; it makes no string.
func LookupBytes(word []byte) Set { return load().getBytes(word).langs }

// Languages lists the ISO 639-1 codes that have a list.
func Languages() []string {
	out := append([]string(nil), load().langs...)
	sort.Strings(out)
	return out
}

// Is reports whether word (any case) is a stopword of lang.
func Is(lang, word string) bool {
	return lookupAnyCase(word).Has(lang)
}

// lookupAnyCase lower-cases only when needed (most words arrive lower-cased already), into
// a stack buffer, so no call allocates.
func lookupAnyCase(word string) Set {
	ix := load()
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			var small [64]byte
			return ix.getBytes(appendLower(small[:0], word)).langs
		}
	}
	return ix.get(word).langs
}

// appendLower appends strings.ToLower(s) to dst: ASCII byte by byte, anything else rune by
// rune with unicode.ToLower, as strings.ToLower does.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// Words splits text into lower-cased words: runs of letters, marks and apostrophes inside
// words ("it's", "don’t"). Digits and punctuation separate words and are dropped.
func Words(text string) []string {
	var out []string
	for word, lower := range scan(text) {
		if lower == nil {
			out = append(out, word) // already lower-case: share the text
		} else {
			out = append(out, string(lower))
		}
	}
	return out
}

// Count returns how many words text has (as Words splits it) and how many of them are on the
// list of a language in langs, without building the word list.
func Count(text string, langs Set) (words, hits int) {
	ix := load()
	for word, lower := range scan(text) {
		words++
		if ix.lookup(word, lower)&langs != 0 {
			hits++
		}
	}
	return words, hits
}

// Each calls fn for every word of text (as Words splits it) that is on some list, with the
// word lower-cased and its languages. The word is the list's own copy, so nothing is
// allocated per word.
func Each(text string, fn func(word string, langs Set)) {
	ix := load()
	for word, lower := range scan(text) {
		if e := ix.find(word, lower); e.langs != 0 {
			fn(e.word, e.langs)
		}
	}
}

// Word is one word of a text as AppendWords reports it.
type Word struct {
	Written string // as written in the text
	Listed  string // lower-cased, when it is on some list ("" otherwise): the list's own copy
	Langs   Set    // the lists it is on
}

// AppendWords appends the words of text (as Words splits them) to dst, a slice the caller
// can reuse.
func AppendWords(dst []Word, text string) []Word {
	ix := load()
	for word, lower := range scan(text) {
		e := ix.find(word, lower)
		dst = append(dst, Word{Written: word, Listed: e.word, Langs: e.langs})
	}
	return dst
}

// scan yields the words of text as Words splits them: each as written and, when it is not
// lower-case already, lower-cased into a buffer that the next word reuses (nil otherwise).
// The one loop behind Words, Count, Each and AppendWords.
func scan(text string) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		var small [64]byte
		sc := scanner{text: text}
		buf := small[:0]
		for {
			word, lower, ok := sc.next(buf)
			if !ok || !yield(word, lower) {
				return
			}
		}
	}
}

// lookup finds a word given as scanner.next returns it; indexing with string(lower)
// does not allocate.
func (ix *index) lookup(word string, lower []byte) Set {
	return ix.find(word, lower).langs
}

// find looks up a word given as scanner.next returns it.
func (ix *index) find(word string, lower []byte) entry {
	if lower == nil {
		return ix.get(word)
	}
	return ix.getBytes(lower)
}

// scanner walks the words of a text the way Words splits them, lower-casing into a buffer
// the caller passes (and may keep on its stack), so counting and profiling allocate nothing
// per word.
type scanner struct {
	text string
	pos  int
}

// reset starts the scanner on another text.
func (s *scanner) reset(text string) { s.text, s.pos = text, 0 }

// next returns the next word as written and, when lower-casing changes it, its lower-case
// form written into buf (nil otherwise). ok is false at the end of the text.
func (s *scanner) next(buf []byte) (word string, lower []byte, ok bool) {
	text := s.text
	i := s.pos
	// Skip to the first letter or mark: an apostrophe cannot start a word.
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isLetterOrMark(r) {
			break
		}
		i += size
	}
	if i >= len(text) {
		s.pos = i
		return "", nil, false
	}
	start := i
	needLower := false
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) {
				needLower = needLower || c <= 'Z'
				i++
				continue
			}
			if c == '\'' {
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != '’' && !isLetterOrMark(r) {
			break
		}
		needLower = true
		i += size
	}
	s.pos = i
	// Apostrophes end a word only inside it: "quote'" is "quote".
	word = text[start:i]
	for {
		if strings.HasSuffix(word, "'") {
			word = word[:len(word)-1]
		} else if strings.HasSuffix(word, "’") {
			word = word[:len(word)-len("’")]
		} else {
			break
		}
	}
	if !needLower {
		return word, nil, true
	}
	buf = appendLower(buf[:0], word)
	if string(buf) == word {
		return word, nil, true
	}
	return word, buf, true
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isLetterOrMark(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// Density is the share of words that are stopwords of lang (0 when there are no words).
func Density(lang string, words []string) float64 {
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, w := range words {
		if lookupAnyCase(w).Has(lang) {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

// Guess is a language by stopword profile.
type Guess struct {
	Lang    string  // ISO 639-1 code, "" when there were too few words
	Density float64 // share of words that are stopwords of Lang
	Margin  float64 // Density minus the runner-up's density
}

// Profile ranks languages by stopword density over words and returns the best.
func Profile(words []string) Guess {
	if len(words) < 3 {
		return Guess{}
	}
	ix := load()
	counts := make([]int, len(ix.langs))
	for _, w := range words {
		for set := lookupAnyCase(w); set != 0; set &= set - 1 {
			counts[bits.TrailingZeros64(uint64(set))]++
		}
	}
	return rank(ix, counts, len(words))
}

// rank turns per-language stopword counts over n words into the best guess.
func rank(ix *index, counts []int, n int) Guess {
	if n < 3 {
		return Guess{}
	}
	var best, second Guess
	for i, lang := range ix.langs {
		d := float64(counts[i]) / float64(n)
		switch {
		case d > best.Density || (d == best.Density && d > 0 && lang < best.Lang):
			second, best = best, Guess{Lang: lang, Density: d}
		case d > second.Density:
			second = Guess{Lang: lang, Density: d}
		}
	}
	best.Margin = best.Density - second.Density
	return best
}

type mainKey struct{}

// mainLanguageWords is how many words of a document the profile reads: a few hundred words
// of prose name their language, and the cost stays flat on long documents.
const mainLanguageWords = 500

// DocumentProfile is the stopword profile of a document's first paragraphs, computed once per
// document (Lang "" when the text is too short to tell). It is the first, cheap reading of
// the document's main language; rules read the main language from language.Main, which
// trusts this profile when it is clear and otherwise refines it with lingua-go.
func DocumentProfile(doc *audit.Document) Guess {
	return doc.Memo(mainKey{}, func() any {
		// Profile(words of whole paragraphs until more than mainLanguageWords), counted
		// as the words stream by instead of gathered first.
		ix := load()
		var counts [64]int
		n := 0
		var sc scanner
		var small [64]byte
		buf := small[:0]
		for _, p := range doc.Paragraphs {
			sc.reset(p.Text)
			for {
				word, lower, ok := sc.next(buf)
				if !ok {
					break
				}
				n++
				for set := ix.lookup(word, lower); set != 0; set &= set - 1 {
					counts[bits.TrailingZeros64(uint64(set))]++
				}
			}
			if n > mainLanguageWords {
				break
			}
		}
		return rank(ix, counts[:len(ix.langs)], n)
	}).(Guess)
}

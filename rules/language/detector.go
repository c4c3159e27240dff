package language

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	lingua "github.com/pemistahl/lingua-go"
)

// DefaultCandidates is the candidate set for language identification when the config names
// none: the languages of news most often met in scraped corpora, in every script. A model
// loads only when a passage of its script needs lingua (most documents need none): one
// suspicious Latin-script passage judged by byModel warms all 26 Latin-script models at
// once, the 17 in other scripts load only for passages in those.
var DefaultCandidates = []string{
	"en", "es", "fr", "de", "it", "pt", "nl", "sv", "da", "nb", "pl", "cs", "ro", "tr",
	"fi", "hu", "ca", "hr", "sk", "sl", "lt", "lv", "et", "id", "ms", "vi",
	"ru", "uk", "bg", "el", "ar", "fa", "ur", "he", "hi", "bn", "ta", "th", "ka", "hy", "zh", "ja", "ko",
}

// linguaCode maps the few ISO 639-1 codes whose spelling differs between the stopword lists
// (and users) and lingua.
var linguaCode = map[string]string{"no": "nb"}

// toLingua turns an ISO 639-1 code into a lingua language (Unknown when lingua lacks it).
func toLingua(code string) lingua.Language {
	code = strings.ToLower(strings.TrimSpace(code))
	if c, ok := linguaCode[code]; ok {
		code = c
	}
	if l, ok := languageCodes().byCode[code]; ok {
		return l
	}
	return lingua.Unknown
}

// isoCode is the lower-case ISO 639-1 code of a lingua language.
func isoCode(l lingua.Language) string {
	if c, ok := languageCodes().byLang[l]; ok {
		return c
	}
	return strings.ToLower(l.IsoCode639_1().String())
}

// codeTables map codes to languages and back once per process: lingua's own lookups walk
// every language and allocate, and every document asks several times.
type codeTables struct {
	byCode map[string]lingua.Language
	byLang map[lingua.Language]string
}

var languageCodes = sync.OnceValue(func() codeTables {
	t := codeTables{byCode: map[string]lingua.Language{}, byLang: map[lingua.Language]string{}}
	for _, l := range lingua.AllLanguages() {
		iso := l.IsoCode639_1()
		code := strings.ToLower(iso.String())
		t.byLang[l] = code
		// As lingua.GetLanguageFromIsoCode639_1: the first language with the code.
		if _, seen := t.byCode[code]; !seen && iso != lingua.UnknownIsoCode639_1 {
			t.byCode[code] = l
		}
	}
	return t
})

// stopwordCode is the code of the stopword list for a lingua language.
func stopwordCode(l lingua.Language) string {
	if l == lingua.Bokmal || l == lingua.Nynorsk {
		return "no"
	}
	return isoCode(l)
}

// scriptOfLanguage is the script a language is written in, for warming only the models a
// passage can need: lingua itself keeps only the candidates of the passage's alphabet.
func scriptOfLanguage(l lingua.Language) Script {
	switch l {
	case lingua.Belarusian, lingua.Bulgarian, lingua.Kazakh, lingua.Macedonian, lingua.Mongolian,
		lingua.Russian, lingua.Serbian, lingua.Ukrainian:
		return Cyrillic
	case lingua.Greek:
		return Greek
	case lingua.Arabic, lingua.Persian, lingua.Urdu:
		return Arabic
	case lingua.Hebrew:
		return Hebrew
	case lingua.Chinese, lingua.Japanese:
		return CJK
	case lingua.Korean:
		return Hangul
	case lingua.Hindi, lingua.Marathi:
		return Devanagari
	case lingua.Thai:
		return Thai
	case lingua.Georgian:
		return Georgian
	case lingua.Armenian:
		return Armenian
	case lingua.Bengali, lingua.Gujarati, lingua.Punjabi, lingua.Tamil, lingua.Telugu:
		return OtherScript
	}
	return Latin
}

// candidateLanguages resolves configured codes (or the default) plus the document's main
// language into a sorted, duplicate-free set. Codes lingua does not know are skipped. The
// result is shared between callers asking for the same set: it must not be modified.
func candidateLanguages(codes []string, main lingua.Language) []lingua.Language {
	candidatesMu.Lock()
	defer candidatesMu.Unlock()
	for _, c := range candidatesCache[main] {
		if slices.Equal(c.codes, codes) {
			return c.langs
		}
	}
	langs := resolveCandidates(codes, main)
	candidatesCache[main] = append(candidatesCache[main], resolvedCandidates{slices.Clone(codes), langs})
	return langs
}

// The configured codes are the same for every document of a run, so the resolved set is
// kept per main language.
var (
	candidatesMu    sync.Mutex
	candidatesCache = map[lingua.Language][]resolvedCandidates{}
)

type resolvedCandidates struct {
	codes []string
	langs []lingua.Language
}

func resolveCandidates(codes []string, main lingua.Language) []lingua.Language {
	if len(codes) == 0 {
		codes = DefaultCandidates
	}
	seen := map[lingua.Language]bool{}
	var out []lingua.Language
	add := func(l lingua.Language) {
		if l != lingua.Unknown && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	for _, c := range codes {
		add(toLingua(c))
	}
	add(main)
	if len(out) < 2 {
		for _, c := range DefaultCandidates {
			add(toLingua(c))
		}
	}
	return sortedLanguages(out)
}

// sortedLanguages sorts a language set in place, so equal sets share one detector.
func sortedLanguages(langs []lingua.Language) []lingua.Language {
	sort.Slice(langs, func(i, j int) bool { return langs[i] < langs[j] })
	return langs
}

// Detector is a low-accuracy lingua detector over one candidate set. It is built on first
// use and shared by every worker; models are warmed per language before a call needs them,
// because two goroutines reaching a cold model would both decode it.
type Detector struct {
	langs []lingua.Language
	once  sync.Once
	det   lingua.LanguageDetector
	// warmed records the scripts whose candidates' models are decoded, so later calls skip
	// starting a goroutine per language just to find them warm.
	warmed [numScripts]atomic.Bool
}

var (
	detectorsMu sync.Mutex
	detectors   = map[string]*Detector{}
)

// detectorFor returns the shared detector for a candidate set; building it loads nothing.
func detectorFor(langs []lingua.Language) *Detector {
	var key strings.Builder
	for _, l := range langs {
		key.WriteString(l.String())
		key.WriteByte(',')
	}
	detectorsMu.Lock()
	defer detectorsMu.Unlock()
	d, ok := detectors[key.String()]
	if !ok {
		d = &Detector{langs: langs}
		detectors[key.String()] = d
	}
	return d
}

func (d *Detector) get() lingua.LanguageDetector {
	d.once.Do(func() {
		d.det = lingua.NewLanguageDetectorBuilder().FromLanguages(d.langs...).WithLowAccuracyMode().Build()
	})
	return d.det
}

// languageWarmers holds one sync.Once per language so a trigram model is decoded once per
// process, whichever detector asks first.
var (
	warmMu          sync.Mutex
	languageWarmers = map[lingua.Language]*sync.Once{}
)

func warmLanguage(l lingua.Language) {
	warmMu.Lock()
	once, ok := languageWarmers[l]
	if !ok {
		once = &sync.Once{}
		languageWarmers[l] = once
	}
	warmMu.Unlock()
	once.Do(func() {
		// lingua offers no per-language loader; a preloaded one-language detector is one.
		// FromLanguages wants two entries and removes the duplicate.
		lingua.NewLanguageDetectorBuilder().FromLanguages(l, l).WithLowAccuracyMode().WithPreloadedLanguageModels().Build()
	})
}

// Confidences returns lingua's confidence values for text (sorted, highest first), after
// warming the models of the candidates written in script.
func (d *Detector) Confidences(text string, script Script) []lingua.ConfidenceValue {
	if script < numScripts && !d.warmed[script].Load() {
		d.warm(script)
		d.warmed[script].Store(true)
	}
	return d.get().ComputeLanguageConfidenceValues(text)
}

// warm decodes the models of the candidates written in script, in parallel.
func (d *Detector) warm(script Script) {
	var wg sync.WaitGroup
	for _, l := range d.langs {
		if scriptOfLanguage(l) == script {
			wg.Add(1)
			go func() {
				defer wg.Done()
				warmLanguage(l)
			}()
		}
	}
	wg.Wait()
}

// confidenceOf finds one language's value in a confidence list.
func confidenceOf(values []lingua.ConfidenceValue, l lingua.Language) float64 {
	for _, v := range values {
		if v.Language() == l {
			return v.Value()
		}
	}
	return 0
}

package spin

import (
	"embed"
	"strings"
	"sync"

	"github.com/textaudit/textaudit/audit"
)

//go:embed fingerprints/*.txt
var fingerprintFiles embed.FS

var (
	fingerprintOnce sync.Once
	fingerprints    [][]string // each phrase as lower-cased words
)

// loadFingerprints reads the shipped phrase lists once per process.
func loadFingerprints() [][]string {
	fingerprintOnce.Do(func() {
		entries, _ := fingerprintFiles.ReadDir("fingerprints")
		for _, e := range entries {
			data, err := fingerprintFiles.ReadFile("fingerprints/" + e.Name())
			if err != nil {
				continue
			}
			for _, line := range strings.Split(string(data), "\n") {
				line = strings.TrimSpace(line)
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if words := phraseWords(line); len(words) > 0 {
					fingerprints = append(fingerprints, words)
				}
			}
		}
	})
	return fingerprints
}

// phraseWords tokenizes a listed phrase the way text is tokenized, lower-cased.
func phraseWords(phrase string) []string {
	var words []string
	for _, t := range tokenize(phrase) {
		words = append(words, t.Lower)
	}
	return words
}

// withUserPhrases adds the config's spin_phrases to the shipped list.
func withUserPhrases(shipped [][]string, cfg *audit.Config) [][]string {
	if cfg == nil || len(cfg.SpinPhrases) == 0 {
		return shipped
	}
	out := append([][]string(nil), shipped...)
	for _, ph := range cfg.SpinPhrases {
		if words := phraseWords(ph); len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

// fingerprintMatch is a listed phrase found at tokens [Start, End).
type fingerprintMatch struct {
	Start, End int
}

// findFingerprints matches phrases word by word, so line breaks and punctuation-free
// spacing differences do not matter; cost is linear in tokens times list size.
func findFingerprints(toks []token, list [][]string) []fingerprintMatch {
	var out []fingerprintMatch
	// Few tokens can start a phrase: those whose first byte and length (up to 63) some
	// phrase's first word has. Checking that first skips the phrase loop for the rest.
	var firsts [256]bool
	var lens uint64
	all := false
	for _, ph := range list {
		if len(ph) == 0 || len(ph[0]) == 0 || len(ph[0]) > 63 {
			all = true // no cheap test for it: try every phrase at every token
			continue
		}
		firsts[ph[0][0]] = true
		lens |= 1 << len(ph[0])
	}
	for i := range toks {
		if w := toks[i].Lower; !all && (len(w) == 0 || len(w) > 63 || !firsts[w[0]] || lens&(1<<len(w)) == 0) {
			continue
		}
		for _, ph := range list {
			if i+len(ph) > len(toks) {
				continue
			}
			ok := true
			for k, w := range ph {
				if toks[i+k].Lower != w || (k > 0 && toks[i+k].Break && w != "") {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, fingerprintMatch{i, i + len(ph)})
			}
		}
	}
	return out
}

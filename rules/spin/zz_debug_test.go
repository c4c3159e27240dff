package spin

import (
	"fmt"
	"os"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

func TestZZDebug(t *testing.T) {
	path := os.Getenv("SPIN_DEBUG")
	if path == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(path)
	doc := audit.NewDocument(path, string(data))
	m, _ := loadModel()
	th, _ := loadThesaurus()
	prm := paramsOf(func(k string) float64 { return Paragraph.Params[k] })
	loose := prm.gains
	loose.Synonym, loose.Tie = 0.3, 0.3
	loose.Preposition, loose.Wider = 1.5, 1.5
	for _, par := range doc.Paragraphs {
		v := judgeParagraph(m, th, loadFingerprints(), par, prm)
		if !v.judged {
			continue
		}
		fmt.Printf("== line %d score %.2f pairs %d strong %v phrases %d infl %d\n", par.FirstLine, v.score, v.pairs, v.strong(prm), len(v.phrases), len(v.inflated))
		toks := tokenize(par.Text)
		c := newChain(m, th, toks)
		for i := range toks {
			nm, _, ok := findNearMiss(m, th, toks, c, i, loose)
			if ok {
				fmt.Printf("   %-14s -> %-12s gain %.2f unseen %d\n", toks[i].Text, nm.Expected, nm.Gain, nm.Unseen)
			}
		}
	}
}

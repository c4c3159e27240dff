// Command gen builds the spin rule's reference model (model/bigram.bin) from freely licensed
// data fetched through Debian's packages by gen.sh: the CMU Sphinx generic US English 3-gram
// language model (package pocketsphinx-en-us, BSD-2-Clause) and WordNet 3.0 (package
// wordnet-base, WordNet 3.0 licence). It runs at generation time only, never at build or run time.
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"
)

func main() {
	lmPath := flag.String("lm", "", "path to Sphinx en-us.lm.bin (pocketsphinx-en-us)")
	wnDir := flag.String("wordnet", "", "path to WordNet 3.0 dict folder (wordnet-base: /usr/share/wordnet)")
	out := flag.String("out", "", "output folder (rules/spin/model)")
	flag.Parse()
	if *lmPath == "" || *wnDir == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	lm, err := readSphinxLM(*lmPath)
	if err != nil {
		log.Fatal(err)
	}
	model := buildModel(lm)
	if err := os.WriteFile(filepath.Join(*out, "bigram.bin"), model, 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*out, "trigram.bin"), buildTrigrams(lm), 0o644); err != nil {
		log.Fatal(err)
	}
	syn, err := buildSynonyms(*wnDir, lm.words)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*out, "synonyms.bin"), syn, 0o644); err != nil {
		log.Fatal(err)
	}
}

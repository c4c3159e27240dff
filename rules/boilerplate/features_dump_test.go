package boilerplate

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
)

// TestDumpFeatures is the line model's data step, not a test: with BOILERPLATE_DUMP=OUT.csv
// and BOILERPLATE_SETS="name=FILES_DIR:LABELS.jsonl;..." it writes every non-blank line's
// feature vector and label (1 required boilerplate, 0 content, -1 optional) to OUT.csv,
// which model/fit.py reads. The CSV holds numbers and file names only, never line text;
// write it outside the repository. Without the variables it is skipped.
func TestDumpFeatures(t *testing.T) {
	out, sets := os.Getenv("BOILERPLATE_DUMP"), os.Getenv("BOILERPLATE_SETS")
	if out == "" || sets == "" {
		t.Skip("feature dump: set BOILERPLATE_DUMP and BOILERPLATE_SETS (see model/README.md)")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	fmt.Fprintf(w, "set,file,line,label,%s\n", strings.Join(featureNames, ","))
	cfg := &audit.Config{}
	for _, set := range strings.Split(sets, ";") {
		name, spec, _ := strings.Cut(set, "=")
		dir, labelsPath, _ := strings.Cut(spec, ":")
		labels, err := readLineLabels(labelsPath)
		if err != nil {
			t.Fatal(err)
		}
		files := make([]string, 0, len(labels))
		for file := range labels {
			files = append(files, file)
		}
		sort.Strings(files)
		for _, file := range files {
			doc, err := audit.ReadDocument(filepath.Join(dir, file), 20<<20)
			if err != nil {
				t.Fatal(err)
			}
			in := lineModelFor(doc, cfg)
			for i, row := range in.rows {
				if row == nil {
					continue
				}
				fmt.Fprintf(w, "%s,%s,%d,%d", name, file, i+1, labels[file][i+1])
				for _, v := range row {
					w.WriteByte(',')
					w.WriteString(strconv.FormatFloat(v, 'g', 6, 64))
				}
				w.WriteByte('\n')
			}
		}
	}
}

// readLineLabels reads a labels.jsonl into file → line → 1 (required boilerplate) or -1
// (optional boilerplate); unlisted lines are content (0).
func readLineLabels(path string) (map[string]map[int]int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]map[int]int{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var rec struct {
			File   string `json:"file"`
			Labels []struct {
				Category string `json:"category"`
				Lines    [2]int `json:"lines"`
				Optional bool   `json:"optional"`
			} `json:"labels"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		m := map[int]int{}
		for _, l := range rec.Labels {
			if l.Category != "boilerplate" {
				continue
			}
			for n := l.Lines[0]; n <= l.Lines[1]; n++ {
				switch {
				case l.Optional && m[n] == 0:
					m[n] = -1
				case !l.Optional:
					m[n] = 1
				}
			}
		}
		out[rec.File] = m
	}
	return out, nil
}

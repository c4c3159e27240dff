package audit

import (
	"testing"
)

// files builds one file with findings of the given fingerprints.
func baselineFiles(fps ...string) []FileReport {
	f := FileReport{Path: "a.txt"}
	for _, fp := range fps {
		f.Findings = append(f.Findings, Finding{Rule: "boilerplate.phrase", Category: Boilerplate, Severity: Warning, Path: "a.txt", Fingerprint: fp})
	}
	return []FileReport{f}
}

func TestBaselineCountsOccurrences(t *testing.T) {
	tests := []struct {
		name      string
		recorded  []string // findings when the baseline was written
		now       []string // findings of this run
		version   int
		wantKept  int
		wantStale int
	}{
		{"the same findings pass", []string{"x", "x", "y"}, []string{"x", "y", "x"}, 2, 0, 0},
		{"a second copy of a recorded line is new", []string{"x"}, []string{"x", "x"}, 2, 1, 0},
		{"a copy fewer leaves part of the entry stale", []string{"x", "x"}, []string{"x"}, 2, 0, 1},
		{"a new finding is kept", []string{"x"}, []string{"x", "z"}, 2, 1, 0},
		{"version 1 entries hide every occurrence", []string{"x"}, []string{"x", "x", "x"}, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBaseline(baselineFiles(tt.recorded...))
			if tt.version == 1 {
				b.Version = 1
				for i := range b.Entries {
					b.Entries[i].Count = 0
				}
			}
			files := baselineFiles(tt.now...)
			out := b.Apply(files, DefaultScoreModel)
			if len(files[0].Findings) != tt.wantKept || len(out.Stale) != tt.wantStale {
				t.Errorf("kept %d, stale %v; want %d kept, %d stale", len(files[0].Findings), out.Stale, tt.wantKept, tt.wantStale)
			}
			if out.Suppressed+len(files[0].Findings) != len(tt.now) {
				t.Errorf("suppressed %d + kept %d != %d findings", out.Suppressed, len(files[0].Findings), len(tt.now))
			}
		})
	}
}

func TestNewBaselineRecordsCounts(t *testing.T) {
	b := NewBaseline(baselineFiles("x", "y", "x"))
	if len(b.Entries) != 2 || b.Version != 2 {
		t.Fatalf("entries %+v version %d", b.Entries, b.Version)
	}
	for _, e := range b.Entries {
		if want := map[string]int{"x": 2, "y": 1}[e.Fingerprint]; e.Count != want {
			t.Errorf("%s count %d, want %d", e.Fingerprint, e.Count, want)
		}
	}
}

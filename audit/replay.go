package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"hash"
	"time"
)

// The corpus analyses' output (their findings and facts) is kept in the pack beside the
// fingerprint of what they read: the config, and every indexed file's path, role and
// content hash in run order. A run whose fingerprint is the same (nothing was edited,
// added, removed or renamed, and the config is the same) replays that output instead of
// indexing every file's signature and comparing them again: the analyses are deterministic
// functions of exactly that input, so the replay is the output they would give. Until the
// run knows (its last file), it holds the files back from the analyses; the first file
// whose record changed ends the wait and they are indexed as usual.

// corpusRun follows one run's corpus input.
type corpusRun struct {
	fp        hash.Hash
	deferring bool      // holding files back: the old pack has an output to replay
	deferred  []indexed // the files held back, in run order
}

func newCorpusRun(cfg *Config, oldOutput bool) *corpusRun {
	// The reference time is left out: the run key, which names the pack, holds its day,
	// and a run without --now takes the clock's time.
	c := *cfg
	c.Now = time.Time{}
	b, err := json.Marshal(&c)
	if err != nil {
		return nil // a config that does not marshal: no fingerprint, no replay
	}
	cr := &corpusRun{fp: sha256.New(), deferring: oldOutput}
	cr.fp.Write([]byte("textaudit corpus input 1\x00"))
	cr.fp.Write(b)
	cr.fp.Write([]byte{0})
	return cr
}

// add adds one indexed file to the fingerprint.
func (cr *corpusRun) add(it *indexed) {
	var role byte
	if it.audited {
		role = 1
	}
	cr.fp.Write([]byte(it.path))
	cr.fp.Write([]byte{0, role})
	cr.fp.Write(it.hash[:])
}

func (cr *corpusRun) sum() (s [sha256.Size]byte) {
	cr.fp.Sum(s[:0])
	return s
}

// corpusEvent is one finding or fact a corpus analysis (by its place in runState.corpus)
// reported, in the order it reported them.
type corpusEvent struct {
	analysis int
	finding  *Finding
	path     string
	key      string
	value    any
}

// corpusOutput encodes the corpus analyses' output as they report it, so a run holds the
// encoded form only, not a second copy of every finding (a corpus of many copies has a
// large output). broken is set when a value cannot be kept faithfully.
type corpusOutput struct {
	body   SigWriter
	n      uint64
	broken bool
}

func (o *corpusOutput) addFinding(analysis int, f *Finding) {
	if o.broken {
		return
	}
	o.n++
	o.body.Uint(uint64(analysis))
	o.body.Bool(true)
	o.broken = !encodeFinding(&o.body, f)
}

func (o *corpusOutput) addFact(analysis int, path, key string, value any) {
	if o.broken {
		return
	}
	o.n++
	o.body.Uint(uint64(analysis))
	o.body.Bool(false)
	o.body.String(path)
	o.broken = !encodeValues(&o.body, map[string]any{key: value})
}

// bytes is the kept record: the fingerprint of the input, the number of events, then the
// events in the order they were reported; ok is false when some value could not be kept.
func (o *corpusOutput) bytes(fp [sha256.Size]byte) (b []byte, ok bool) {
	if o.broken {
		return nil, false
	}
	var w SigWriter
	w.Grow(len(fp) + 2*binary.MaxVarintLen64 + len(o.body.Bytes()))
	w.Blob(fp[:])
	w.Uint(o.n)
	return append(w.Bytes(), o.body.Bytes()...), true
}

// decodeCorpusOutput reads the output kept for fingerprint fp; ok is false when the
// output is for another input, or does not decode whole.
func decodeCorpusOutput(b []byte, fp [sha256.Size]byte, analyses int) (events []corpusEvent, ok bool) {
	r := NewSigReader(b)
	if !bytes.Equal(r.Blob(), fp[:]) {
		return nil, false
	}
	n := r.Len()
	events = make([]corpusEvent, 0, n)
	for i := 0; i < n && r.Err() == nil; i++ {
		e := corpusEvent{analysis: int(r.Uint())}
		if e.analysis >= analyses {
			return nil, false
		}
		if r.Bool() {
			f := decodeFinding(r)
			e.finding = &f
		} else {
			e.path = r.String()
			m := decodeValues(r)
			if len(m) != 1 {
				return nil, false
			}
			for k, v := range m {
				e.key, e.value = k, v
			}
		}
		events = append(events, e)
	}
	if r.Done() != nil {
		return nil, false
	}
	return events, true
}

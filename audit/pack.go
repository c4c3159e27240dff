package audit

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// A pack is the cache of one run key over one folder: every file's result and the corpus
// analyses' memos in one file, read with one read at the start of a run and written once
// at its end (to a temporary file renamed into place, so a reader sees a whole pack or the
// previous one, and two runs at once each leave a whole pack). A file per audited file, as
// the cache had before, cost an open, a read and a close per file on a warm run and a
// create, a write and a rename on a cold one: several times the audit's own reading.
//
// Each record also keeps the file's stat (size, times, inode) beside the hash of its
// bytes, as git's index does: a file whose stat is unchanged is not read at all. A stat
// is only trusted when the file had not changed for racyMargin before the run that made
// the record started (git's "racy clean" problem: a write within the timestamp's
// granularity of the run would leave the stat unchanged); other records are written
// without a stat, and the next run hashes the file.
//
// Layout: packMagic, then frames, each a kind byte, a varint length, the payload and a
// CRC-32C of the kind and payload. A frame that fails its checksum is skipped and one cut
// short ends the pack: what it held is recomputed, never trusted.

// packMagic opens every pack; the digit changes when the layout does.
var packMagic = []byte("textaudit-pack-1\n")

// Frame kinds.
const (
	frameRecord = 'r' // one file's result
	frameMemo   = 'm' // one corpus analysis's memo
	frameCorpus = 'c' // the corpus analyses' output and the fingerprint of their input (replay.go)
)

// racyMargin is how long before a run's start a file must have last changed for its stat
// to be trusted by the next run: the coarsest common timestamp granularity (2 s on FAT) and
// the lag of the kernel's coarse clock behind the wall clock, with room to spare.
const racyMargin = 3 * time.Second

// statKey is the part of a file's stat that changes when the file does (statKeyOf); ok is
// false for a record that must not be trusted by stat.
type statKey struct {
	ok                                 bool
	size, mtime, ctime, ino, dev, mode uint64
}

// racy tells whether a file with this stat may still change without its stat changing,
// seen from a run that started at start.
func (k statKey) racy(start time.Time) bool {
	limit := uint64(start.Add(-racyMargin).UnixNano())
	return k.mtime >= limit || k.ctime >= limit
}

// recordKey names a record: a file is cached apart as an audited file and as a reference.
type recordKey struct {
	path    string
	audited bool
}

// packRecord is one file's cached result.
type packRecord struct {
	recordKey
	stat statKey
	hash [sha256.Size]byte // of the file's bytes
	body []byte            // encodeResult's output
	// frame is the record's whole frame as read from the old pack: a record kept unchanged
	// is copied back without encoding or hashing it again.
	frame []byte
}

// pack is a pack read into memory; its records' bodies are slices of data.
type pack struct {
	records map[recordKey]*packRecord
	order   []*packRecord // the records in the pack's order
	n       int
	memos   map[string][]byte
	corpus  []byte // the corpus output frame's payload, nil when none
}

// packPath is where the pack with key lives.
func (c *Cache) packPath(key [32]byte) string {
	h := hex.EncodeToString(key[:])
	return filepath.Join(c.dir, h[:2], h[2:]+"-p")
}

// packKey is the key of the pack of one run over files: the run's key and the folder the
// files share, so an audit of another folder (a hook run on a few files, say) keeps its
// own pack rather than replacing this one.
func packKey(run [32]byte, files []string) [32]byte {
	h := sha256.New()
	h.Write(run[:])
	h.Write([]byte("pack\x00" + commonFolder(files)))
	var key [32]byte
	h.Sum(key[:0])
	return key
}

// readPack reads the pack at path; a missing or unreadable pack is an empty one.
func readPack(path string) *pack {
	p := &pack{records: map[recordKey]*packRecord{}, memos: map[string][]byte{}}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, packMagic) {
		return p
	}
	rest := data[len(packMagic):]
	for len(rest) > 0 {
		if len(rest) < 1 {
			break
		}
		n, m := binary.Uvarint(rest[1:])
		if m <= 0 || n > uint64(len(rest)) || 1+m+int(n)+frameSumSize > len(rest) {
			break // cut short: the rest is lost
		}
		end := 1 + m + int(n)
		frame := rest[: end+frameSumSize : end+frameSumSize]
		rest = rest[end+frameSumSize:]
		if frameSum(frame[0], frame[1+m:end]) != binary.LittleEndian.Uint32(frame[end:]) {
			continue
		}
		payload := frame[1+m : end]
		switch frame[0] {
		case frameRecord:
			if rec := decodeRecord(payload); rec != nil {
				rec.frame = frame
				if p.records[rec.recordKey] == nil { // a pack never repeats one; keep the first
					p.records[rec.recordKey] = rec
					p.order = append(p.order, rec)
					p.n++
				}
			}
		case frameCorpus:
			p.corpus = payload
		case frameMemo:
			r := NewSigReader(payload)
			name, body := r.String(), r.Blob()
			if r.Done() == nil {
				p.memos[name] = body
			}
		}
	}
	return p
}

// frameSumSize is the size of a frame's checksum.
const frameSumSize = 4

// castagnoli is the CRC-32C table (the polynomial CPUs compute in hardware).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// frameSum is a frame's checksum: a CRC-32C of its kind and payload. It guards against
// damage (a torn write, a flipped bit, a hand-edited file), not against forgery, and
// checking a warm run's whole pack with it costs a tenth of what SHA-256 did.
func frameSum(kind byte, payload []byte) uint32 {
	return crc32.Update(crc32.Update(0, castagnoli, []byte{kind}), castagnoli, payload)
}

func appendFrame(dst []byte, kind byte, payload []byte) []byte {
	dst = append(dst, kind)
	dst = binary.AppendUvarint(dst, uint64(len(payload)))
	dst = append(dst, payload...)
	return binary.LittleEndian.AppendUint32(dst, frameSum(kind, payload))
}

func encodeRecord(rec *packRecord) []byte {
	var w SigWriter
	w.String(rec.path)
	w.Bool(rec.audited)
	w.Bool(rec.stat.ok)
	if rec.stat.ok {
		for _, v := range [...]uint64{rec.stat.size, rec.stat.mtime, rec.stat.ctime, rec.stat.ino, rec.stat.dev, rec.stat.mode} {
			w.Uint(v)
		}
	}
	w.Blob(rec.hash[:])
	w.Blob(rec.body)
	return w.Bytes()
}

func decodeRecord(payload []byte) *packRecord {
	r := NewSigReader(payload)
	rec := &packRecord{recordKey: recordKey{path: r.String(), audited: r.Bool()}}
	if rec.stat.ok = r.Bool(); rec.stat.ok {
		s := &rec.stat
		s.size, s.mtime, s.ctime, s.ino, s.dev, s.mode = r.Uint(), r.Uint(), r.Uint(), r.Uint(), r.Uint(), r.Uint()
	}
	if h := r.Blob(); len(h) == sha256.Size {
		copy(rec.hash[:], h)
	} else {
		r.fail()
	}
	rec.body = r.Blob()
	if r.Done() != nil {
		return nil
	}
	return rec
}

// packState is one run's pack: the one read at its start and the one it writes. New
// records are written as workers make them, to a temporary file beside the pack, so a cold
// run does not hold every file's result until its end; the old records it keeps, the
// memos and the rename follow at the end (write).
type packState struct {
	path  string
	start time.Time // when the run started, before any file was looked at
	old   *pack
	// records are this run's, by job sequence (nil for a file not cached); a new one is
	// written at once and keeps only its key.
	records []*packRecord
	memos   map[string][]byte
	corpus  []byte       // this run's corpus output, nil when it has none to keep
	used    atomic.Int64 // old records this run found by path
	dirty   atomic.Bool  // some record was added: the corpus input changed

	mu          sync.Mutex // guards what follows and memos
	changed     bool       // some record differs from the old pack's
	tmp         *os.File   // the pack being written, once a record changed
	w           *bufio.Writer
	failed      bool // the pack cannot be written (a read-only or full disk): keep none
	recordsDone bool // the records are written: what follows are memos and the corpus output
}

// A run on a few files of a folder a big run filled a pack for (a hook run on the files a
// commit touches, whose common folder is the corpus's) would read the whole pack for a few
// records, and hold it in memory: such a run, whose files could not need more than
// packFloor plus packPerFile a file, leaves the pack alone, neither read nor written, and
// analyses its few files afresh.
var (
	packFloor   int64 = 16 << 20
	packPerFile int64 = 64 << 10
)

// openPack reads the pack with key for a run of n files that started at start.
func (c *Cache) openPack(key [32]byte, n int, start time.Time) *packState {
	ps := &packState{path: c.packPath(key), start: start, records: make([]*packRecord, n), memos: map[string][]byte{}}
	if st, err := os.Stat(ps.path); err == nil && st.Size() > packFloor+int64(n)*packPerFile {
		ps.old, ps.failed = readPack(""), true
		return ps
	}
	ps.old = readPack(ps.path)
	return ps
}

// lookup is the old pack's record of a file, or nil.
func (ps *packState) lookup(path string, audited bool) *packRecord {
	rec := ps.old.records[recordKey{path, audited}]
	if rec != nil {
		ps.used.Add(1)
	}
	return rec
}

// keep records the old record rec, unchanged, as job seq's.
func (ps *packState) keep(seq int, rec *packRecord) { ps.records[seq] = rec }

// settled is the stat a record of this run keeps: none when it is racy.
func (ps *packState) settled(k statKey) statKey {
	if k.ok && k.racy(ps.start) {
		return statKey{}
	}
	return k
}

// add writes a new or changed record as job seq's.
func (ps *packState) add(seq int, rec *packRecord) {
	rec.stat = ps.settled(rec.stat)
	frame := appendFrame(nil, frameRecord, encodeRecord(rec))
	ps.records[seq] = &packRecord{recordKey: rec.recordKey}
	ps.dirty.Store(true)
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.changed = true
	ps.writeLocked(frame)
}

// writeLocked appends to the new pack, creating it on first use.
func (ps *packState) writeLocked(b []byte) {
	if ps.failed {
		return
	}
	if ps.tmp == nil {
		f, err := os.CreateTemp(filepath.Dir(ps.path), ".tmp-*")
		if err != nil {
			if os.MkdirAll(filepath.Dir(ps.path), 0o777) == nil {
				f, err = os.CreateTemp(filepath.Dir(ps.path), ".tmp-*")
			}
			if err != nil {
				ps.failed = true
				return
			}
		}
		ps.tmp, ps.w = f, bufio.NewWriterSize(f, 1<<20)
		_, _ = ps.w.Write(packMagic)
	}
	_, _ = ps.w.Write(b) // an error sticks in the writer and is seen at Flush
}

// setMemo keeps a corpus analysis's memo for the pack.
func (ps *packState) setMemo(name string, body []byte) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.memos[name] = body
}

// abandon removes the pack being written.
func (ps *packState) abandon() {
	if ps.tmp != nil {
		name := ps.tmp.Name()
		_ = ps.tmp.Close()
		_ = os.Remove(name)
		ps.tmp = nil
	}
	ps.failed = true
}

// kept counts this run's records.
func (ps *packState) kept() int {
	n := 0
	for _, rec := range ps.records {
		if rec != nil {
			n++
		}
	}
	return n
}

// writeRecordsLocked writes the old records this run kept (new ones are written already)
// and, after a run on a few files, those of the other files.
func (ps *packState) writeRecordsLocked() {
	if ps.recordsDone {
		return
	}
	ps.recordsDone = true
	seen := make(map[recordKey]bool, len(ps.records))
	for _, rec := range ps.records {
		if rec == nil {
			continue
		}
		seen[rec.recordKey] = true
		if rec.frame != nil {
			ps.writeLocked(rec.frame)
		}
	}
	if ps.used.Load()*2 < int64(ps.old.n) {
		for _, rec := range ps.old.order {
			if !seen[rec.recordKey] {
				ps.writeLocked(rec.frame)
			}
		}
	}
}

// settle is called once every file was looked up. When the pack is to be written anyway
// (a record changed, or files came or went), the old records it keeps are written at once
// and the old pack is let go, so the corpus analyses that follow do not run beside it in
// memory.
func (ps *packState) settle() {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.failed || (!ps.changed && ps.kept() == ps.old.n) {
		return
	}
	ps.writeRecordsLocked()
	memos := make(map[string][]byte, len(ps.old.memos))
	for name, m := range ps.old.memos {
		memos[name] = bytes.Clone(m)
	}
	n := ps.old.n
	ps.old = &pack{memos: memos, corpus: bytes.Clone(ps.old.corpus), n: n}
	for i, rec := range ps.records {
		if rec != nil && rec.frame != nil {
			ps.records[i] = &packRecord{recordKey: rec.recordKey}
		}
	}
}

// writePack completes the run's pack and renames it into place, unless it would hold what
// the old one holds. A run that found fewer than half the old pack's files (a hook run on
// a few files of an audited folder) keeps the records and memos of the others: they are
// still valid, and the next full run would otherwise recompute them all. A full run drops
// the records of files it did not see (deleted or renamed).
func (c *Cache) writePack(ps *packState) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	partial := ps.used.Load()*2 < int64(ps.old.n)
	for name, old := range ps.old.memos {
		if m, ok := ps.memos[name]; !ok || (partial && !bytes.Equal(m, old)) {
			ps.memos[name] = old
		}
	}
	if ps.corpus == nil || partial {
		ps.corpus = ps.old.corpus
	}
	same := !ps.recordsDone && !ps.changed && ps.kept() == ps.old.n && len(ps.memos) == len(ps.old.memos) && bytes.Equal(ps.corpus, ps.old.corpus)
	for name, m := range ps.memos {
		same = same && bytes.Equal(m, ps.old.memos[name])
	}
	if same || ps.failed {
		ps.abandon()
		// Nothing to write: refresh the pack's time so trimming keeps it, only when it is an
		// hour stale, as GOCACHE does, so a warm run rewrites no inode.
		if st, err := os.Stat(ps.path); same && err == nil && time.Since(st.ModTime()) > time.Hour {
			now := time.Now()
			_ = os.Chtimes(ps.path, now, now)
		}
		return
	}
	ps.writeRecordsLocked()
	for _, name := range sortedKeys(ps.memos) {
		var w SigWriter
		w.String(name)
		w.Blob(ps.memos[name])
		ps.writeLocked(appendFrame(nil, frameMemo, w.Bytes()))
	}
	if ps.corpus != nil {
		ps.writeLocked(appendFrame(nil, frameCorpus, ps.corpus))
	}
	if ps.failed {
		return
	}
	err := ps.w.Flush()
	if cerr := ps.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(ps.tmp.Name(), ps.path)
	}
	if err != nil {
		_ = os.Remove(ps.tmp.Name())
		return // not the audit's failure: the next run recomputes
	}
	ps.tmp = nil
	c.wrote.Store(true)
}

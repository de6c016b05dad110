package extract

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
)

// DefaultMaxLines bounds how many distinct lines a LineStats keeps counts
// for: about 9 MB of memory and 2 MB persisted when full.
const DefaultMaxLines = 1 << 18

// LineStats counts, for normalized lines, in how many documents they occur.
// Lines recurring across many documents of a batch or store are page
// furniture; a Cleaner with Stats drops the short ones among them.
//
// Only lines a Cleaner may drop for recurring are counted — short lines
// (at most 100 characters and 12 words) that read neither as a sentence nor
// as a quotation — by a 64-bit hash of their normalized form. When more than
// MaxLines distinct lines are held, the rarest are forgotten: memory stays
// bounded (see DefaultMaxLines) however many documents are added.
// A LineStats is safe for concurrent use.
type LineStats struct {
	mu     sync.RWMutex
	docs   int
	counts map[uint64]uint32
	// MaxLines bounds the number of distinct lines kept; 0 means
	// DefaultMaxLines. It is not persisted.
	MaxLines int
}

// NewLineStats returns empty statistics.
func NewLineStats() *LineStats {
	return &LineStats{counts: make(map[uint64]uint32)}
}

// Add counts each distinct normalized line of one document once.
func (s *LineStats) Add(text string) { s.AddHashes(LineHashes(text)) }

// LineHashes returns the distinct hashes, sorted, of the lines of one
// document that Add counts. Adding them with AddHashes is Add: a caller
// can keep them to learn the same document again, exactly, later.
func LineHashes(text string) []uint64 {
	return lineHashes(splitLines(text))
}

// lineHashes is LineHashes of the text split into lines.
func lineHashes(lines []string) []uint64 {
	var hs []uint64
	for _, l := range lines {
		if h, ok := learnableHash(l); ok {
			hs = append(hs, h)
		}
	}
	slices.Sort(hs)
	return slices.Compact(hs)
}

// AddHashes counts one document given by its LineHashes.
func (s *LineStats) AddHashes(hs []uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.counts == nil {
		s.counts = make(map[uint64]uint32)
	}
	s.docs++
	for _, h := range hs {
		if c := s.counts[h]; c < ^uint32(0) {
			s.counts[h] = c + 1
		}
	}
	if max := s.maxLines(); len(s.counts) > max {
		s.prune(max)
	}
}

// maxLines returns the bound on distinct lines kept.
func (s *LineStats) maxLines() int {
	if s.MaxLines > 0 {
		return s.MaxLines
	}
	return DefaultMaxLines
}

// prune forgets the rarest lines until at most three quarters of max remain.
// It must be called with s.mu held.
func (s *LineStats) prune(max int) {
	target := max / 4 * 3
	for floor := uint32(1); len(s.counts) > target; floor++ {
		for h, c := range s.counts {
			if c <= floor {
				delete(s.counts, h)
			}
		}
	}
}

// Docs returns the number of documents added.
func (s *LineStats) Docs() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.docs
}

// count returns in how many documents a normalized line occurred.
func (s *LineStats) count(line string) int {
	h, ok := learnableHash(line)
	if !ok {
		return 0
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return int(s.counts[h])
}

// countAll keeps marks[i] only where hashes[i] occurred in at least need
// documents, taking the lock once for the whole document.
func (s *LineStats) countAll(hashes []uint64, marks []bool, need int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for i, h := range hashes {
		if marks[i] && int(s.counts[h]) < need {
			marks[i] = false
		}
	}
}

// learnableHash returns the hash of a line's key when the line may be
// dropped for recurring (see learnable), and so is counted.
func learnableHash(line string) (uint64, bool) {
	if !learnable(line) {
		return 0, false
	}
	return keyHash(line, lineKey(line))
}

// keyHash is learnableHash for a line whose key is known.
func keyHash(line, key string) (uint64, bool) {
	if key == "" || !learnable(line) {
		return 0, false
	}
	return fnv64(key), true
}

// fnv64 is the 64-bit FNV-1a hash: stable across runs, so counts persist.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Persisted form: magic, version, document count, number of entries, then
// (hash, count) pairs in hash order, all as unsigned varints after the magic.
var lineStatsMagic = [4]byte{'P', 'X', 'L', 'S'}

const lineStatsVersion = 1

// MarshalBinary encodes the statistics (implements encoding.BinaryMarshaler).
func (s *LineStats) MarshalBinary() ([]byte, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	keys := make([]uint64, 0, len(s.counts))
	for h := range s.counts {
		keys = append(keys, h)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	buf := make([]byte, 0, 16+len(keys)*12)
	buf = append(buf, lineStatsMagic[:]...)
	buf = binary.AppendUvarint(buf, lineStatsVersion)
	buf = binary.AppendUvarint(buf, uint64(s.docs))
	buf = binary.AppendUvarint(buf, uint64(len(keys)))
	prev := uint64(0)
	for _, h := range keys {
		buf = binary.AppendUvarint(buf, h-prev) // delta: keys are sorted
		buf = binary.AppendUvarint(buf, uint64(s.counts[h]))
		prev = h
	}
	return buf, nil
}

// UnmarshalBinary replaces the statistics with decoded ones (implements
// encoding.BinaryUnmarshaler).
func (s *LineStats) UnmarshalBinary(data []byte) error {
	if len(data) < len(lineStatsMagic) || [4]byte(data[:4]) != lineStatsMagic {
		return errors.New("extract: line stats: bad magic")
	}
	r := data[4:]
	next := func(what string) (uint64, error) {
		v, n := binary.Uvarint(r)
		if n <= 0 {
			return 0, fmt.Errorf("extract: line stats: truncated or corrupt %s", what)
		}
		r = r[n:]
		return v, nil
	}
	ver, err := next("version")
	if err != nil {
		return err
	}
	if ver != lineStatsVersion {
		return fmt.Errorf("extract: line stats: unsupported version %d", ver)
	}
	docs, err := next("document count")
	if err != nil {
		return err
	}
	n, err := next("entry count")
	if err != nil {
		return err
	}
	if n > uint64(len(r)/2) { // each entry takes at least two bytes
		return fmt.Errorf("extract: line stats: %d entries cannot fit in %d bytes", n, len(r))
	}
	counts := make(map[uint64]uint32, n)
	h := uint64(0)
	for i := uint64(0); i < n; i++ {
		d, err := next("entry hash")
		if err != nil {
			return err
		}
		c, err := next("entry count")
		if err != nil {
			return err
		}
		h += d
		if c > uint64(^uint32(0)) || c > docs {
			return fmt.Errorf("extract: line stats: entry count %d exceeds document count %d", c, docs)
		}
		counts[h] = uint32(c)
	}
	if len(r) != 0 {
		return fmt.Errorf("extract: line stats: %d trailing bytes", len(r))
	}
	if docs > uint64(int(^uint(0)>>1)) {
		return fmt.Errorf("extract: line stats: document count %d too large", docs)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs = int(docs)
	s.counts = counts
	if max := s.maxLines(); len(s.counts) > max {
		s.prune(max)
	}
	return nil
}

package dedupe

import (
	"encoding/binary"
	"slices"
	"sort"
)

// A segment of the current layout carries, after its documents' LSH keys
// (Bands a document, in document order), an order of those keys sorted:
// a loaded segment is searched where it lies in memory, by binary search,
// instead of having each of its keys inserted into the index's hash
// table. Opening a store then reads its window rather than rebuilding it:
// a window of 35,000 articles holds 840,000 keys, whose insertion, and
// the tables and copied sketches it builds, were most of an open's work.
//
// The documents of a loaded segment stay where they are read: their
// sketches are decoded when a verification needs them. Documents added
// after the load go to the hash table (the mutable part), which is
// searched first: they are newer than every loaded one, and a bucket
// lists its newest entries first.

// frozen is a segment searched in place.
type frozen struct {
	n        int    // number of keys
	keys     []byte // the documents' keys, Bands a document, 8 bytes each
	order    []byte // key indexes (4 bytes each) by key, then newest document first
	sketches []byte // the documents' sketches and names, 4 bytes a value
	// docs maps each document of the segment to its index in
	// Index.docs; -1 when it is not in memory (out of the window, or
	// held already).
	docs []int32
}

// key returns key i (in document order).
func (f *frozen) key(i int) uint64 { return binary.LittleEndian.Uint64(f.keys[8*i:]) }

// ranked returns the index of the key of rank r in key order.
func (f *frozen) ranked(r int) int { return int(binary.LittleEndian.Uint32(f.order[4*r:])) }

// lookup appends to cands the documents in memory holding key k, newest
// first, up to limit in all, and returns cands and how many it added.
func (f *frozen) lookup(k uint64, cands []int32, limit, bands int) ([]int32, int) {
	r := sort.Search(f.n, func(r int) bool { return f.key(f.ranked(r)) >= k })
	added := 0
	for ; r < f.n && added < limit; r++ {
		i := f.ranked(r)
		if f.key(i) != k {
			break
		}
		if di := f.docs[i/bands]; di >= 0 {
			cands = append(cands, di)
			added++
		}
	}
	return cands, added
}

// sortedKeys returns the indexes of keys sorted by key and, for equal
// keys, by decreasing index (the newest document first), as a segment
// stores them. It is a least-significant-digit radix sort, a byte a
// pass, fed the keys from the last: each pass is stable, so equal keys
// keep that order. (A comparison sort of a save's 480,000 keys takes
// four times as long: BenchmarkSortedKeys.)
func sortedKeys(keys []uint64) []uint32 {
	type kv struct {
		k uint64
		i uint32
	}
	n := len(keys)
	if n == 0 {
		return nil
	}
	a, b := make([]kv, n), make([]kv, n)
	for j := range keys {
		i := n - 1 - j
		a[j] = kv{keys[i], uint32(i)}
	}
	var count [256]int
	for shift := 0; shift < 64; shift += 8 {
		clear(count[:])
		for _, p := range a {
			count[byte(p.k>>shift)]++
		}
		if count[byte(a[0].k>>shift)] == n {
			continue // every key has this byte
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, p := range a {
			d := byte(p.k >> shift)
			b[count[d]] = p
			count[d]++
		}
		a, b = b, a
	}
	out := make([]uint32, n)
	for r, p := range a {
		out[r] = p.i
	}
	return out
}

// run returns the sketch of document d followed by its name hashes. A
// document of a frozen segment is decoded into buf, which is returned
// (grown as needed) for reuse.
func (x *Index) run(d *doc, buf *[]uint32) []uint32 {
	n := int(d.sketch + d.names)
	if d.seg == 0 {
		return x.sketches.run(int(d.off), n)
	}
	b := x.frozen[d.seg-1].sketches[4*int(d.off):]
	*buf = slices.Grow((*buf)[:0], n)[:n]
	for j := range *buf {
		(*buf)[j] = binary.LittleEndian.Uint32(b[4*j:])
	}
	return *buf
}

// keysOf appends the LSH keys of document d to dst.
func (x *Index) keysOf(d *doc, dst []uint64) []uint64 {
	if d.seg == 0 {
		for e := range x.cfg.Bands {
			dst = append(dst, x.entries.at(int(d.ent)+e).key)
		}
		return dst
	}
	f := x.frozen[d.seg-1]
	for e := range x.cfg.Bands {
		dst = append(dst, f.key(int(d.ent)+e))
	}
	return dst
}

// Package codec writes and reads the compact little-endian binary layout in
// which the pipeline's stages persist their state (the near-copy index, the
// clusterer). It is a thin layer over encoding/binary: a Writer appends to
// one growing byte slice, and a Reader keeps the first error, so that a
// decoder can read a whole record and check for truncation once.
package codec

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
)

// ErrTruncated is reported by a Reader that ran out of data.
var ErrTruncated = errors.New("codec: data truncated")

// Writer appends values to a byte slice.
type Writer struct {
	buf []byte
}

// NewWriter returns a Writer with room for size bytes.
func NewWriter(size int) *Writer { return &Writer{buf: make([]byte, 0, size)} }

// Bytes returns what was written.
func (w *Writer) Bytes() []byte { return w.buf }

// Raw appends b as it is.
func (w *Writer) Raw(b []byte) { w.buf = append(w.buf, b...) }

// Uint32 appends v.
func (w *Writer) Uint32(v uint32) { w.buf = binary.LittleEndian.AppendUint32(w.buf, v) }

// Uint64 appends v.
func (w *Writer) Uint64(v uint64) { w.buf = binary.LittleEndian.AppendUint64(w.buf, v) }

// Int32 appends v.
func (w *Writer) Int32(v int32) { w.Uint32(uint32(v)) }

// Int64 appends v.
func (w *Writer) Int64(v int64) { w.Uint64(uint64(v)) }

// Float32 appends v.
func (w *Writer) Float32(v float32) { w.Uint32(math.Float32bits(v)) }

// Float64 appends v.
func (w *Writer) Float64(v float64) { w.Uint64(math.Float64bits(v)) }

// Len appends a length or count.
func (w *Writer) Len(n int) { w.Uint64(uint64(n)) }

// Uint32s appends a length and the values of s.
func (w *Writer) Uint32s(s []uint32) {
	w.Len(len(s))
	w.buf = slices.Grow(w.buf, 4*len(s))
	for _, v := range s {
		w.buf = binary.LittleEndian.AppendUint32(w.buf, v)
	}
}

// Int64s appends a length and the values of s.
func (w *Writer) Int64s(s []int64) {
	w.Len(len(s))
	w.buf = slices.Grow(w.buf, 8*len(s))
	for _, v := range s {
		w.buf = binary.LittleEndian.AppendUint64(w.buf, uint64(v))
	}
}

// Uint64s appends a length and the values of s.
func (w *Writer) Uint64s(s []uint64) {
	w.Len(len(s))
	w.buf = slices.Grow(w.buf, 8*len(s))
	for _, v := range s {
		w.buf = binary.LittleEndian.AppendUint64(w.buf, v)
	}
}

// String appends a length and the bytes of s.
func (w *Writer) String(s string) {
	w.Len(len(s))
	w.buf = append(w.buf, s...)
}

// Reader reads values written by a Writer. After the first error every
// read returns zero values; Err reports that error.
type Reader struct {
	buf []byte
	err error
}

// NewReader returns a Reader of b.
func NewReader(b []byte) *Reader { return &Reader{buf: b} }

// Err returns the first error met, or nil.
func (r *Reader) Err() error { return r.err }

// Remaining returns the number of unread bytes.
func (r *Reader) Remaining() int { return len(r.buf) }

// take returns the next n bytes, or nil after recording ErrTruncated.
func (r *Reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.buf) {
		r.err = ErrTruncated
		return nil
	}
	b := r.buf[:n:n]
	r.buf = r.buf[n:]
	return b
}

// Raw returns the next n bytes (not copied).
func (r *Reader) Raw(n int) []byte { return r.take(n) }

// Uint32 reads a uint32.
func (r *Reader) Uint32() uint32 {
	if b := r.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

// Uint64 reads a uint64.
func (r *Reader) Uint64() uint64 {
	if b := r.take(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

// Int32 reads an int32.
func (r *Reader) Int32() int32 { return int32(r.Uint32()) }

// Int64 reads an int64.
func (r *Reader) Int64() int64 { return int64(r.Uint64()) }

// Float32 reads a float32.
func (r *Reader) Float32() float32 { return math.Float32frombits(r.Uint32()) }

// Float64 reads a float64.
func (r *Reader) Float64() float64 { return math.Float64frombits(r.Uint64()) }

// Len reads a length or count of items of at least minSize bytes each,
// and records ErrTruncated when fewer bytes remain than it promises, so
// that a corrupt count cannot make the caller allocate without bound.
func (r *Reader) Len(minSize int) int {
	n := r.Uint64()
	if r.err != nil {
		return 0
	}
	if minSize < 1 {
		minSize = 1
	}
	if n > uint64(len(r.buf)/minSize) {
		r.err = ErrTruncated
		return 0
	}
	return int(n)
}

// Uint32s reads a slice written by Writer.Uint32s.
func (r *Reader) Uint32s() []uint32 {
	n := r.Len(4)
	b := r.take(4 * n)
	if b == nil {
		return nil
	}
	s := make([]uint32, n)
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s
}

// Int64s reads a slice written by Writer.Int64s.
func (r *Reader) Int64s() []int64 {
	n := r.Len(8)
	b := r.take(8 * n)
	if b == nil {
		return nil
	}
	s := make([]int64, n)
	for i := range s {
		s[i] = int64(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return s
}

// Uint64s reads a slice written by Writer.Uint64s.
func (r *Reader) Uint64s() []uint64 {
	n := r.Len(8)
	b := r.take(8 * n)
	if b == nil {
		return nil
	}
	s := make([]uint64, n)
	for i := range s {
		s[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return s
}

// String reads a string written by Writer.String.
func (r *Reader) String() string {
	return string(r.take(r.Len(1)))
}

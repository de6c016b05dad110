package codec

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	w := NewWriter(0)
	w.Raw([]byte("PX"))
	w.Uint32(7)
	w.Uint64(math.MaxUint64)
	w.Int32(-3)
	w.Int64(-1 << 40)
	w.Float32(0.25)
	w.Float64(-1.5)
	w.Uint32s([]uint32{1, 2, 3})
	w.Int64s(nil)
	w.Int64s([]int64{-9, 9})
	w.Uint64s([]uint64{math.MaxUint64, 0})
	w.String("")
	w.String("Northgate News")

	r := NewReader(w.Bytes())
	if got := string(r.Raw(2)); got != "PX" {
		t.Errorf("Raw = %q", got)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"Uint32", r.Uint32(), uint32(7)},
		{"Uint64", r.Uint64(), uint64(math.MaxUint64)},
		{"Int32", r.Int32(), int32(-3)},
		{"Int64", r.Int64(), int64(-1 << 40)},
		{"Float32", r.Float32(), float32(0.25)},
		{"Float64", r.Float64(), -1.5},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if got := r.Uint32s(); !slices.Equal(got, []uint32{1, 2, 3}) {
		t.Errorf("Uint32s = %v", got)
	}
	if got := r.Int64s(); len(got) != 0 {
		t.Errorf("empty Int64s = %v", got)
	}
	if got := r.Int64s(); !slices.Equal(got, []int64{-9, 9}) {
		t.Errorf("Int64s = %v", got)
	}
	if got := r.Uint64s(); !slices.Equal(got, []uint64{math.MaxUint64, 0}) {
		t.Errorf("Uint64s = %v", got)
	}
	if got := r.String(); got != "" {
		t.Errorf("empty String = %q", got)
	}
	if got := r.String(); got != "Northgate News" {
		t.Errorf("String = %q", got)
	}
	if r.Err() != nil || r.Remaining() != 0 {
		t.Errorf("Err = %v, Remaining = %d", r.Err(), r.Remaining())
	}
}

func TestTruncated(t *testing.T) {
	w := NewWriter(0)
	w.Uint32s([]uint32{1, 2, 3})
	full := w.Bytes()
	for n := range len(full) {
		r := NewReader(full[:n])
		s := r.Uint32s()
		if !errors.Is(r.Err(), ErrTruncated) {
			t.Errorf("%d of %d bytes: Err = %v, values %v", n, len(full), r.Err(), s)
		}
		if r.Uint64() != 0 {
			t.Errorf("%d bytes: read after an error returned data", n)
		}
	}
	// A huge count must not allocate: it is refused before.
	w = NewWriter(0)
	w.Len(1 << 60)
	r := NewReader(w.Bytes())
	if s := r.Int64s(); s != nil || !errors.Is(r.Err(), ErrTruncated) {
		t.Errorf("huge count: %d values, Err = %v", len(s), r.Err())
	}
}

func FuzzReader(f *testing.F) {
	w := NewWriter(0)
	w.Uint32s([]uint32{5, 6})
	w.Int64s([]int64{1})
	w.Float64(2)
	f.Add(w.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		r := NewReader(b)
		a := r.Uint32s()
		c := r.Int64s()
		r.Float64()
		if r.Err() == nil && 8+4*len(a)+8+8*len(c)+8 != len(b)-r.Remaining() {
			t.Fatalf("consumed %d bytes for %d+%d values", len(b)-r.Remaining(), len(a), len(c))
		}
	})
}

package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/storage"
)

var stateTests = []test{
	{"blobs", testStateBlobs},
	{"prefix reads", testStatePrefix},
	{"named reads", testStateNamed},
	{"prefixed reads", testStatePrefixed},
	{"clear prefixes", testStateClear},
	{"large and binary blobs", testStateBinary},
	{"callback errors", testStateCallbackError},
	{"streamed blobs", testStateStream},
	{"blobs marked new", testStateNew},
}

// states reads every blob under prefix as "name=data" strings.
func states(t *testing.T, s storage.Store, prefix string) []string {
	t.Helper()
	out := []string{}
	noErr(t, "ReadStates", s.ReadStates(context.Background(), prefix, func(name string, data []byte) error {
		out = append(out, name+"="+string(data))
		return nil
	}))
	return out
}

func testStateBlobs(t *testing.T, s storage.Store) {
	ctx := context.Background()
	called := false
	found, err := s.ReadState(ctx, "missing", func([]byte) error { called = true; return nil })
	noErr(t, "ReadState", err)
	if found || called {
		t.Errorf("ReadState(missing) = %v, called %v", found, called)
	}
	commit(t, s, &storage.Batch{State: map[string][]byte{"x": []byte("one"), "y": []byte("two"), "empty": {}}})
	steps := []struct {
		batch map[string][]byte
		want  map[string]string // name → data; "-" means absent
	}{
		{nil, map[string]string{"x": "one", "y": "two", "empty": ""}},
		{map[string][]byte{"x": []byte("three")}, map[string]string{"x": "three", "y": "two"}},
		{map[string][]byte{"y": nil, "never": nil}, map[string]string{"x": "three", "y": "-", "never": "-"}},
	}
	for i, st := range steps {
		if st.batch != nil {
			commit(t, s, &storage.Batch{State: st.batch})
		}
		for name, want := range st.want {
			var got []byte
			found, err := s.ReadState(ctx, name, func(d []byte) error { got = bytes.Clone(d); return nil })
			noErr(t, "ReadState", err)
			switch {
			case want == "-" && found:
				t.Errorf("step %d: %s = %q, want none", i, name, got)
			case want != "-" && (!found || string(got) != want):
				t.Errorf("step %d: %s = %q (found %v), want %q", i, name, got, found, want)
			}
		}
	}
}

func testStatePrefix(t *testing.T, s storage.Store) {
	commit(t, s, &storage.Batch{State: map[string][]byte{
		"p/2": []byte("b"), "p/1": []byte("a"), "p/10": []byte("c"), "p0": []byte("d"), "p": []byte("e"), "q/1": []byte("f"), "o": []byte("g"),
	}})
	tests := []struct {
		prefix string
		want   []string
	}{
		{"p/", []string{"p/1=a", "p/10=c", "p/2=b"}},
		{"p", []string{"p=e", "p/1=a", "p/10=c", "p/2=b", "p0=d"}},
		{"q/", []string{"q/1=f"}},
		{"z", []string{}},
		{"", []string{"o=g", "p=e", "p/1=a", "p/10=c", "p/2=b", "p0=d", "q/1=f"}},
	}
	for _, tc := range tests {
		eq(t, "ReadStates("+tc.prefix+")", states(t, s, tc.prefix), tc.want)
	}
}

func testStateClear(t *testing.T, s storage.Store) {
	commit(t, s, &storage.Batch{State: map[string][]byte{"p/1": []byte("a"), "p/2": []byte("b"), "p0": []byte("c"), "q": []byte("d")}})
	// Clearing deletes a prefix's blobs before the batch writes its own.
	commit(t, s, &storage.Batch{ClearState: []string{"p/"}, State: map[string][]byte{"p/9": []byte("z"), "p/1": []byte("new")}})
	eq(t, "after clearing p/", states(t, s, ""), []string{"p/1=new", "p/9=z", "p0=c", "q=d"})
	commit(t, s, &storage.Batch{ClearState: []string{"p", "nothing/"}})
	eq(t, "after clearing p", states(t, s, ""), []string{"q=d"})
}

func testStateBinary(t *testing.T, s storage.Store) {
	ctx := context.Background()
	small := make([]byte, 256)
	for i := range small {
		small[i] = byte(i)
	}
	big := bytes.Repeat([]byte("0123456789abcdef\x00\xff"), 3<<20/18)
	name := "bin/\u00e9t\u00e9"
	commit(t, s, &storage.Batch{State: map[string][]byte{"bin/small": small, "bin/big": big, name: []byte("accented")}})
	for n, want := range map[string][]byte{"bin/small": small, "bin/big": big, name: []byte("accented")} {
		got, err := storage.LoadState(ctx, s, n)
		noErr(t, "LoadState", err)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes back, want %d equal bytes", n, len(got), len(want))
		}
	}
	var names []string
	noErr(t, "ReadStates", s.ReadStates(ctx, "bin/", func(n string, d []byte) error {
		names = append(names, n)
		return nil
	}))
	eq(t, "names in byte order", names, []string{"bin/big", "bin/small", name})
}

func testStateCallbackError(t *testing.T, s storage.Store) {
	ctx := context.Background()
	commit(t, s, &storage.Batch{State: map[string][]byte{"a/1": []byte("1"), "a/2": []byte("2")}})
	stop := errors.New("stop")
	if _, err := s.ReadState(ctx, "a/1", func([]byte) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("ReadState passes on its callback's error: got %v", err)
	}
	var seen []string
	err := s.ReadStates(ctx, "a/", func(n string, _ []byte) error {
		seen = append(seen, n)
		return stop
	})
	if !errors.Is(err, stop) || strings.Join(seen, ",") != "a/1" {
		t.Errorf("ReadStates stops at its callback's error: got %v after %v", err, seen)
	}
}

func testStateNamed(t *testing.T, s storage.Store) {
	state := map[string][]byte{}
	var names []string
	for i := range 700 {
		n := fmt.Sprintf("n/%04d", i)
		names = append(names, n)
		if i%3 != 0 {
			state[n] = []byte{byte(i), 1}
		}
	}
	commit(t, s, &storage.Batch{State: state})
	got := map[string][]byte{}
	var order []string
	noErr(t, "ReadStatesNamed", s.ReadStatesNamed(context.Background(), append(names, "other"), func(name string, data []byte) error {
		got[name] = slices.Clone(data)
		order = append(order, name)
		return nil
	}))
	eq(t, "named states", got, state)
	eq(t, "in name order", slices.IsSorted(order), true)
	none := 0
	noErr(t, "ReadStatesNamed", s.ReadStatesNamed(context.Background(), nil, func(string, []byte) error { none++; return nil }))
	eq(t, "no names", none, 0)
}

func testStatePrefixed(t *testing.T, s storage.Store) {
	names := []string{"g/a\x1f1", "g/a\x1f2", "g/ab\x1f1", "g/b\x1f1", "g/b_\x1f1", "g/b%\x1f1", "g/c\x1f1", "h/a\x1f1", "\U0010FFFF\x1f1"}
	state := map[string][]byte{}
	for i, n := range names {
		state[n] = []byte{byte(i), 2}
	}
	commit(t, s, &storage.Batch{State: state})
	tests := []struct {
		prefixes []string
		want     []string
	}{
		{[]string{"g/b\x1f", "g/a\x1f"}, []string{"g/a\x1f1", "g/a\x1f2", "g/b\x1f1"}},
		{[]string{"g/a", "g/a\x1f", "g/a"}, []string{"g/a\x1f1", "g/a\x1f2", "g/ab\x1f1"}},
		{[]string{"g/b_", "g/b%"}, []string{"g/b%\x1f1", "g/b_\x1f1"}},
		{[]string{"g/z", "x"}, nil},
		{[]string{"h/", "g/c"}, []string{"g/c\x1f1", "h/a\x1f1"}},
		{nil, nil},
		// Prefixes no name range ends: the empty one, the last character.
		{[]string{"h/", "\U0010FFFF"}, []string{"h/a\x1f1", "\U0010FFFF\x1f1"}},
		{[]string{"\U0010FFFF\x1f", "g/c"}, []string{"g/c\x1f1", "\U0010FFFF\x1f1"}},
		{[]string{"g/c", ""}, slices.Sorted(slices.Values(names))},
	}
	for _, tt := range tests {
		var got []string
		noErr(t, "ReadStatesPrefixed", s.ReadStatesPrefixed(context.Background(), tt.prefixes, func(name string, data []byte) error {
			if !bytes.Equal(data, state[name]) {
				t.Errorf("ReadStatesPrefixed(%q): %q holds %v, want %v", tt.prefixes, name, data, state[name])
			}
			got = append(got, name)
			return nil
		}))
		eq(t, fmt.Sprintf("ReadStatesPrefixed(%q)", tt.prefixes), got, tt.want)
	}
	// Many prefixes (stores may read them a few dozen to a statement),
	// given out of order, half of them holding nothing.
	many := map[string][]byte{}
	var prefixes, want []string
	for i := 150; i > 0; i-- {
		p := fmt.Sprintf("m/%03d\x1f", i)
		prefixes = append(prefixes, p)
		if i%2 == 0 {
			many[p+"k"] = []byte{byte(i)}
			many[p+"l"] = []byte{byte(i), 1}
		}
	}
	commit(t, s, &storage.Batch{State: many})
	want = slices.Sorted(maps.Keys(many))
	var got []string
	noErr(t, "ReadStatesPrefixed", s.ReadStatesPrefixed(context.Background(), prefixes, func(name string, data []byte) error {
		if !bytes.Equal(data, many[name]) {
			t.Errorf("ReadStatesPrefixed(many): %q holds %v, want %v", name, data, many[name])
		}
		got = append(got, name)
		return nil
	}))
	eq(t, "ReadStatesPrefixed(150 prefixes)", got, want)
}

func testStateStream(t *testing.T, s storage.Store) {
	ctx := context.Background()
	commit(t, s, &storage.Batch{State: map[string][]byte{"s/old": []byte("gone"), "s/0": []byte("x"), "t": []byte("kept")}})
	// Many blobs, more than one statement's worth, some deleting, after a
	// clear and alongside the batch's own blobs.
	big := bytes.Repeat([]byte{7, 0, 255}, 1<<20)
	const n = 5000
	commit(t, s, &storage.Batch{
		ClearState: []string{"s/"},
		State:      map[string][]byte{"u": []byte("own")},
		StateStream: func(put func(string, []byte) error) error {
			for i := range n {
				if err := put(fmt.Sprintf("s/%06d", i), fmt.Appendf(nil, "%d", i*i)); err != nil {
					return err
				}
			}
			for i := range 4 {
				if err := put(fmt.Sprintf("s/big%d", i), big); err != nil {
					return err
				}
			}
			return errors.Join(put("t", nil), put("never", nil))
		},
	})
	got := states(t, s, "s/")
	if len(got) != n+4 {
		t.Fatalf("%d streamed blobs read back, want %d", len(got), n+4)
	}
	for i, line := range got[:n] {
		if want := fmt.Sprintf("s/%06d=%d", i, i*i); line != want {
			t.Fatalf("blob %d: %q, want %q", i, line, want)
		}
	}
	back, err := storage.LoadState(ctx, s, "s/big3")
	noErr(t, "LoadState", err)
	if !bytes.Equal(back, big) {
		t.Errorf("streamed big blob: %d bytes back, want %d equal", len(back), len(big))
	}
	eq(t, "other names", states(t, s, "t"), []string{})
	eq(t, "the batch's own blobs", states(t, s, "u"), []string{"u=own"})

	// An error from the stream aborts the whole batch.
	stop := errors.New("stop")
	err = s.Commit(ctx, &storage.Batch{
		State: map[string][]byte{"u": []byte("changed")},
		StateStream: func(put func(string, []byte) error) error {
			if err := put("s/000001", []byte("changed")); err != nil {
				return err
			}
			return stop
		},
	})
	if !errors.Is(err, stop) {
		t.Errorf("Commit with a failing stream: %v, want %v", err, stop)
	}
	eq(t, "after a failed stream", states(t, s, "u"), []string{"u=own"})
	eq(t, "a streamed blob after a failed stream", states(t, s, "s/000001"), []string{"s/000001=1"})
}

// testStateNew commits blobs marked new (Batch.NewState), first truly
// new ones, then with the mark wrong: a stored blob marked new is
// replaced as if unmarked.
func testStateNew(t *testing.T, s storage.Store) {
	commit(t, s, &storage.Batch{State: map[string][]byte{"n/a": []byte("one"), "n/b": []byte("two")}, NewState: map[string]bool{"n/a": true, "n/b": true}})
	eq(t, "new blobs", states(t, s, "n/"), []string{"n/a=one", "n/b=two"})
	for _, tt := range []struct {
		name  string
		batch storage.Batch
		want  []string
	}{
		{"a stored blob marked new", storage.Batch{State: map[string][]byte{"n/a": []byte("three"), "n/c": []byte("four")}, NewState: map[string]bool{"n/a": true, "n/c": true}},
			[]string{"n/a=three", "n/b=two", "n/c=four"}},
		{"marked and unmarked, stored and new", storage.Batch{State: map[string][]byte{"n/b": []byte("five"), "n/c": []byte("six"), "n/d": []byte("seven"), "n/e": []byte("eight")}, NewState: map[string]bool{"n/b": true, "n/e": true, "n/x": true}},
			[]string{"n/a=three", "n/b=five", "n/c=six", "n/d=seven", "n/e=eight"}},
		{"a deleted blob marked new", storage.Batch{State: map[string][]byte{"n/a": nil}, NewState: map[string]bool{"n/a": true}},
			[]string{"n/b=five", "n/c=six", "n/d=seven", "n/e=eight"}},
	} {
		commit(t, s, &tt.batch)
		eq(t, tt.name, states(t, s, "n/"), tt.want)
	}
}

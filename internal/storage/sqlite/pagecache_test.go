package sqlite

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// pageCacheStatus returns SQLite's process-wide counter op (current and
// highest value).
func pageCacheStatus(t *testing.T, op int32) (cur, high int32) {
	t.Helper()
	tls := libc.NewTLS()
	defer tls.Close()
	v := new([2]int32)
	p := uintptr(unsafe.Pointer(v))
	rc := sqlite3.Xsqlite3_status(tls, op, p, p+4, 0)
	runtime.KeepAlive(v)
	if rc != sqlite3.SQLITE_OK {
		t.Fatalf("sqlite3_status(%d) = %d", op, rc)
	}
	return v[0], v[1]
}

// A store's pages are cached in the slots set up at init: a page and its
// header fit in a slot, and slots are used.
func TestPagesCachedInSlots(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	commitRepeated(t, s, 40, "x", "Harbour report", "The ferry from Ostrel sailed at %d. ", 400, 5)
	n := 0
	if err := s.Articles(ctx, storage.ArticleFilter{}, func(*model.Article) error { n++; return nil }); err != nil || n != 40 {
		t.Fatalf("read back %d articles, %v", n, err)
	}
	for _, c := range []struct {
		name string
		op   int32
		ok   func(high int32) bool
	}{
		{"slots used", sqlite3.SQLITE_STATUS_PAGECACHE_USED, func(high int32) bool { return high > 0 }},
		{"largest page request fits a slot", sqlite3.SQLITE_STATUS_PAGECACHE_SIZE, func(high int32) bool { return high > newPageSize && high <= pageSlotBytes }},
	} {
		if _, high := pageCacheStatus(t, c.op); !c.ok(high) {
			t.Errorf("%s: highest %d", c.name, high)
		}
	}
}

// commitRepeated commits n articles to s, external ids prefixed by prefix,
// each text a line (a format with the article's index) repeated rep times,
// in stories 1 to stories.
func commitRepeated(t *testing.T, s *Store, n int, prefix, title, line string, rep int, stories int64) {
	t.Helper()
	ctx := context.Background()
	first, err := s.ReserveArticleIDs(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*model.Article
	for i := range n {
		id := first + int64(i)
		arts = append(arts, &model.Article{ID: id, ExternalID: fmt.Sprint(prefix, id), Hash: fmt.Sprint("h", id), Title: title,
			Text: strings.Repeat(fmt.Sprintf(line, i), rep), Published: day(1 + i%20), StoryID: 1 + id%stories})
	}
	if err := s.Commit(ctx, &storage.Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
}

package open

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// BenchmarkReads times the reads behind a story list and a story page on
// the existing store named by PARALLAX_BENCH_STORE (a file or a URL, e.g.
// a `parallax bench --keep` store), and reports their median and 95th
// percentile.
func BenchmarkReads(b *testing.B) {
	db := os.Getenv("PARALLAX_BENCH_STORE")
	if db == "" {
		b.Skip("set PARALLAX_BENCH_STORE to a store to read")
	}
	ctx := context.Background()
	st, err := Open(ctx, db, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var list, page []time.Duration
	var ids []int64
	after := ""
	for i := range b.N {
		t := time.Now()
		sts, next, err := st.Stories(ctx, storage.StoryFilter{Page: storage.Page{Limit: 50, After: after}})
		if err != nil {
			b.Fatal(err)
		}
		list = append(list, time.Since(t))
		for _, s := range sts {
			ids = append(ids, s.ID)
		}
		// Twenty pages deep at most, as a reader pages.
		if after = next; i%20 == 19 {
			after = ""
		}
		if len(ids) == 0 {
			b.Fatal("no stories")
		}
		id := ids[(i*37)%len(ids)]
		t = time.Now()
		if _, err := st.Story(ctx, id); err != nil {
			b.Fatal(err)
		}
		if err := st.Articles(ctx, storage.ArticleFilter{StoryID: id}, func(*model.Article) error { return nil }); err != nil {
			b.Fatal(err)
		}
		page = append(page, time.Since(t))
	}
	report := func(name string, d []time.Duration) {
		slices.Sort(d)
		b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, name+"-p50-ms")
		b.ReportMetric(float64(d[len(d)*95/100].Microseconds())/1000, name+"-p95-ms")
	}
	report("list", list)
	report("page", page)
}

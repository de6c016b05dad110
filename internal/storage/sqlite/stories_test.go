package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// TestRefreshManyStories stores batches touching more stories than one
// statement of the summaries' writer holds, moves articles so that some
// stories empty and others grow, and checks every summary row, also after
// Rebuild recomputes them.
func TestRefreshManyStories(t *testing.T) {
	for _, n := range []int{1, 7, 1400, 3000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			ctx := context.Background()
			s, _ := open(t)
			// two articles a story, the second of another outlet
			var arts []*model.Article
			for i := range 2 * n {
				id := int64(i + 1)
				arts = append(arts, &model.Article{ID: id, ExternalID: fmt.Sprint("x", id), Hash: fmt.Sprint("h", id),
					Title: fmt.Sprintf("Harbour report %d", id), Text: "The ferry left at dawn.", Outlet: fmt.Sprint("Outlet ", i%2),
					StoryID: int64(i/2 + 1)})
			}
			if err := s.Commit(ctx, &storage.Batch{Articles: arts}); err != nil {
				t.Fatal(err)
			}
			want := map[int64]int{}
			for i := 1; i <= n; i++ {
				want[int64(i)] = 2
			}
			check := func(stage string) {
				t.Helper()
				rows, err := s.db.QueryContext(ctx, `SELECT id, articles, outlets FROM stories ORDER BY id`)
				if err != nil {
					t.Fatal(err)
				}
				defer rows.Close()
				got := map[int64]int{}
				for rows.Next() {
					var id int64
					var c int
					var outlets string
					if err := rows.Scan(&id, &c, &outlets); err != nil {
						t.Fatal(err)
					}
					got[id] = c
					if outlets != `["Outlet 0","Outlet 1"]` {
						t.Errorf("%s: story %d outlets %s", stage, id, outlets)
					}
				}
				if len(got) != len(want) {
					t.Fatalf("%s: %d stories, want %d", stage, len(got), len(want))
				}
				for id, c := range want {
					if got[id] != c {
						t.Errorf("%s: story %d has %d articles, want %d", stage, id, got[id], c)
					}
				}
			}
			check("stored")
			// the articles of every third story but the first join story 1
			moves := map[int64]int64{}
			for sid := int64(4); sid <= int64(n); sid += 3 {
				moves[2*sid-1], moves[2*sid] = 1, 1
				delete(want, sid)
				want[1] += 2
			}
			if err := s.Commit(ctx, &storage.Batch{Moves: moves}); err != nil {
				t.Fatal(err)
			}
			check("moved")
			if err := s.Rebuild(ctx); err != nil {
				t.Fatal(err)
			}
			check("rebuilt")
		})
	}
}

package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// TestWireOriginalComesFirst checks that a wire story is the original of a
// trimmed re-post published the same day, whichever of the two is
// ingested first, in one run or in two.
func TestWireOriginalComesFirst(t *testing.T) {
	paras := []string{
		"ALDER BAY, March 3 (NPA) - The harbour board of Alder Bay approved a new ferry terminal on Monday after a two-year planning dispute with fishing cooperatives over berth space.",
		"Board chair Tomasz Velde said the terminal would open in the spring of next year and double the number of daily crossings to the outer islands.",
		"\"We listened to the fishing families and moved the ramp north,\" Velde told reporters after the vote, which passed seven to two.",
		"The cooperatives said they would not appeal, though their spokeswoman Ines Haarland said the berth fees still had to be settled.",
		"Construction is due to start in June and will cost about 41 million crowns, most of it paid by the regional transport fund.",
		"The board will publish the tender documents later this month, it said in a statement.",
		"(Reporting by Lene Oster; Editing by Paul Marsh)",
	}
	wire := "Alder Bay approves ferry terminal after berth dispute\n" + strings.Join(paras, "\n") + "\n"
	repost := "Ferry terminal gets go-ahead in Alder Bay\n" + strings.Join(paras[:5], "\n") + "\n"
	for _, tc := range []struct {
		name   string
		inputs [][2]string // file name, text; each slice element is one run
		runs   bool
	}{
		{"one run, re-post first", [][2]string{{"a-repost.txt", repost}, {"b-wire.txt", wire}}, false},
		{"two runs, re-post first", [][2]string{{"a-repost.txt", repost}, {"b-wire.txt", wire}}, true},
		{"one run, wire first", [][2]string{{"a-wire.txt", wire}, {"b-repost.txt", repost}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			st := openStore(t)
			var paths []string
			for _, in := range tc.inputs {
				p := filepath.Join(dir, in[0])
				os.WriteFile(p, []byte(in[1]), 0o644)
				paths = append(paths, p)
			}
			if tc.runs {
				for _, p := range paths {
					ingest(t, st, p)
				}
			} else {
				ingest(t, st, paths...)
			}
			ext := map[int64]string{}
			dup := map[string]int64{}
			st.Articles(context.Background(), storage.ArticleFilter{}, func(a *model.Article) error {
				ext[a.ID] = a.ExternalID
				dup[a.ExternalID] = a.DuplicateOf
				return nil
			})
			var wireID, repostID string
			for _, id := range ext {
				if strings.HasSuffix(id, "wire") {
					wireID = id
				} else {
					repostID = id
				}
			}
			if dup[wireID] != 0 || ext[dup[repostID]] != wireID {
				t.Errorf("%s is a copy of %q, %s of %q; want the re-post a copy of the wire", wireID, ext[dup[wireID]], repostID, ext[dup[repostID]])
			}
		})
	}
}

package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/storetest"
)

// overlapBatch returns a batch of articles with quotes and mentions whose
// texts test the early quote index (plain, JSON escapes, invalid UTF-8,
// NUL), its analyses as the read model completes them, and a batch of
// the same articles' quotes re-analysed.
func overlapBatch() (*storage.Batch, []storage.Analysis) {
	texts := []struct{ text, speaker string }{
		{"we will build the bridge", "Ada Brook"},
		{`he said "no" \ twice` + "\n\tthen left \u2028 \ue000marked\ue001", "Zoë Ørsted 🙂"},
		{"broken \xff bytes", "Cal \xfe Dunn"},
		{"a nul \x00 inside", "Eve Fisk"},
	}
	b := &storage.Batch{}
	var full []storage.Analysis
	for i, tx := range texts {
		id := int64(i + 1)
		b.Articles = append(b.Articles, &model.Article{ID: id, ExternalID: fmt.Sprint("a", id), Hash: fmt.Sprint("h", id), Text: "text", StoryID: 1})
		a := model.Analysis{ArticleID: id,
			Mentions: []model.Mention{{Span: model.Span{Start: 0, End: 3}, Text: tx.speaker, Type: model.Person, Key: tx.speaker}},
			Quotes: []model.Quote{
				{Span: model.Span{Start: 1, End: 5}, Text: tx.text, Kind: model.Direct, Speaker: tx.speaker},
				{Span: model.Span{Start: 6, End: 9}, Text: "second " + tx.text, Kind: model.Direct},
			},
		}
		full = append(full, storage.Analysis{Analysis: a,
			QuoteChars:  []model.Span{{Start: 1, End: 5}, {Start: 6, End: 9}},
			SpeakerKeys: []string{tx.speaker, ""},
		})
	}
	return b, full
}

// quoteIndex returns the rows of the quote search index.
func quoteIndex(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT rowid, text, speaker FROM quotes_fts ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id int64
		var text, speaker string
		if err := rows.Scan(&id, &text, &speaker); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%d %q %q", id, text, speaker))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func storedQuotes(t *testing.T, s *Store) []storage.QuoteRow {
	t.Helper()
	qs, _, err := s.Quotes(context.Background(), storage.QuoteFilter{Page: storage.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// TestCommitWhileMatchesCommit stores a batch whose analyses are
// completed while its articles are stored, and the same batch completed
// first: the stored quotes, mentions and quote index are the same.
func TestCommitWhileMatchesCommit(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		// preset: the analyses are in the batch before CommitWhile
		// (stored early); otherwise complete sets them.
		preset bool
	}{
		{"analyses handed over first", true},
		{"analyses set by complete", false},
	}
	want, _ := open(t)
	b, full := overlapBatch()
	b.Analysis = full
	if err := want.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := open(t)
			b, full := overlapBatch()
			if tc.preset {
				for _, a := range full {
					b.Analysis = append(b.Analysis, storage.Analysis{Analysis: a.Analysis})
				}
			}
			err := s.CommitWhile(ctx, b, func() error {
				if !tc.preset {
					b.Analysis = full
					return nil
				}
				for i := range b.Analysis {
					b.Analysis[i].QuoteChars = full[i].QuoteChars
					b.Analysis[i].SpeakerKeys = full[i].SpeakerKeys
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if got, w := quoteIndex(t, s), quoteIndex(t, want); !slices.Equal(got, w) {
				t.Errorf("quote index:\n got %q\nwant %q", got, w)
			}
			if got, w := len(quoteIndex(t, s)), 2*len(full); got != w {
				t.Errorf("quote index holds %d rows, want %d", got, w)
			}
			gotQ, wantQ := storedQuotes(t, s), storedQuotes(t, want)
			if fmt.Sprint(gotQ) != fmt.Sprint(wantQ) {
				t.Errorf("quotes:\n got %+v\nwant %+v", gotQ, wantQ)
			}
			if got, w := storetest.StoredMentions(t, s), storetest.StoredMentions(t, want); fmt.Sprint(got) != fmt.Sprint(w) {
				t.Errorf("mentions:\n got %+v\nwant %+v", got, w)
			}
			if got, w := storetest.KeyArticles(t, s, "Ada Brook", "Eve Fisk"), []int64{1, 4}; !slices.Equal(got, w) {
				t.Errorf("articles of keys = %v, want %v", got, w)
			}
		})
	}
}

// TestCommitWhileAbandoned: an error from complete stores nothing of the
// batch.
func TestCommitWhileAbandoned(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	b, full := overlapBatch()
	for _, a := range full {
		b.Analysis = append(b.Analysis, storage.Analysis{Analysis: a.Analysis})
	}
	failed := errors.New("read model failed")
	if err := s.CommitWhile(ctx, b, func() error { return failed }); !errors.Is(err, failed) {
		t.Fatalf("CommitWhile = %v, want %v", err, failed)
	}
	known, _, err := s.Known(ctx, []string{"a1", "a2"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(known) != 0 {
		t.Errorf("articles stored by an abandoned commit: %v", known)
	}
	if got := quoteIndex(t, s); len(got) != 0 {
		t.Errorf("quote index after an abandoned commit: %q", got)
	}
	if got := storetest.StoredMentions(t, s); len(got) != 0 {
		t.Errorf("mentions after an abandoned commit: %v", got)
	}
}

// TestReservedIDsKept: ids handed out are not handed out again after the
// store is reopened, whether a commit or the close stored the counters.
func TestReservedIDsKept(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "test.db")
	tests := []struct {
		name   string
		commit bool // commit a batch before closing
		n      int
		want   int64 // first id of the reservation after reopening
	}{
		{"closed", false, 5, 6},
		{"committed", true, 3, 9},
		{"closed again", false, 10, 19},
	}
	for _, tc := range tests {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		first, err := s.ReserveArticleIDs(ctx, tc.n)
		if err != nil {
			t.Fatal(err)
		}
		if tc.commit {
			a := &model.Article{ID: first, ExternalID: tc.name, Hash: tc.name, Text: "t", StoryID: 1}
			if err := s.Commit(ctx, &storage.Batch{Articles: []*model.Article{a}}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s, err = Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.ReserveArticleIDs(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if got != tc.want {
			t.Errorf("%s: next id after reopening %d, want %d", tc.name, got, tc.want)
		}
	}
}

package storage

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/parallax-news/parallax/internal/model"
)

// AnalysisWindow is how many articles AnalysesInWindows reads at a time.
const AnalysisWindow = 2000

// AnalysesInWindows implements Reader.Analyses for a store: it reads the
// articles f selects through articles, a window at a time, fills in each
// window's analysis with read (given the window's id range and an empty
// analysis per article), and calls fn in article order, for at most
// f.Limit articles when it is > 0.
func AnalysesInWindows(ctx context.Context, f ArticleFilter,
	articles func(context.Context, ArticleFilter, func(*model.Article) error) error,
	read func(ctx context.Context, lo, hi int64, byID map[int64]*model.Analysis) error,
	fn func(*model.Article, *model.Analysis) error) error {
	after := f.AfterID
	errFull := errors.New("window full")
	left := f.Limit
	for {
		window := AnalysisWindow
		if f.Limit > 0 {
			window = min(window, left)
		}
		var arts []*model.Article
		err := articles(ctx, ArticleFilter{StoryID: f.StoryID, ThreadID: f.ThreadID, Outlet: f.Outlet, Dates: f.Dates, AfterID: after, Limit: window}, func(a *model.Article) error {
			arts = append(arts, a)
			if len(arts) == window {
				return errFull
			}
			return nil
		})
		if err != nil && !errors.Is(err, errFull) {
			return err
		}
		if len(arts) == 0 {
			return nil
		}
		hi := arts[len(arts)-1].ID
		byID := make(map[int64]*model.Analysis, len(arts))
		for _, a := range arts {
			byID[a.ID] = &model.Analysis{ArticleID: a.ID}
		}
		// One range when the ids are close together; else one read of
		// the whole span, which ReadAnalysisRows makes name the ids when
		// they are sparse in it (three queries for a story instead of
		// three a run).
		lo := arts[0].ID
		if runs := idRuns(arts); len(runs) == 1 {
			lo, hi = runs[0][0], runs[0][1]
		}
		if err := read(ctx, lo, hi, byID); err != nil {
			return err
		}
		for _, a := range arts {
			if err := fn(a, byID[a.ID]); err != nil {
				return err
			}
		}
		left -= len(arts)
		if len(arts) < window || f.Limit > 0 && left <= 0 {
			return nil
		}
		after = hi
	}
}

// RunGap is the widest gap between the ids of two articles whose analysis
// AnalysesInWindows reads in one range: the articles of one story are
// often far apart in a large store, and a range across the gap would read
// the analysis of every article between them.
const RunGap = 64

// idRuns splits articles in id order into ranges of ids with no gap wider
// than RunGap.
func idRuns(arts []*model.Article) [][2]int64 {
	var runs [][2]int64
	for _, a := range arts {
		if n := len(runs); n > 0 && a.ID-runs[n-1][1] <= RunGap {
			runs[n-1][1] = a.ID
			continue
		}
		runs = append(runs, [2]int64{a.ID, a.ID})
	}
	return runs
}

// Rows is the part of a SQL result set (database/sql's or pgx's) that
// ReadAnalysisRows reads.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// AnalysisQuery runs one of ReadAnalysisRows' queries with the window's id
// range as $1 and $2, and returns its rows and the function that closes
// them.
type AnalysisQuery func(ctx context.Context, q string, lo, hi int64) (Rows, func(), error)

// ReadAnalysisRows fills byID with the mentions, quotes and stances stored
// for the articles with ids lo to hi, one query each, through query; the
// SQL is the same for every SQL store. Articles not in byID are skipped.
//
// When the articles are sparse in their id range (a story's articles are
// spread over the whole store), the queries name the ids, so the rows read
// are those of the articles asked for, not of every article in between.
func ReadAnalysisRows(ctx context.Context, query AnalysisQuery, lo, hi int64, byID map[int64]*model.Analysis) error {
	where := "article_id BETWEEN $1 AND $2"
	if hi-lo+1 > 2*int64(len(byID))+64 {
		where = idList(byID) + " AND " + where
	}
	queries := [...]string{
		`SELECT article_id, start_at, end_at, text, type, role, key, '' FROM mentions WHERE ` + where + ` ORDER BY article_id, seq`,
		`SELECT article_id, start_at, end_at, text, kind, speaker, speaker_mention, cue FROM quotes WHERE ` + where + ` ORDER BY article_id, seq`,
		`SELECT article_id, start_at, end_at, holder, stance, qualifier, text, proposition FROM stances WHERE ` + where + ` ORDER BY article_id, seq`,
	}
	for i, q := range queries {
		rows, done, err := query(ctx, q, lo, hi)
		if err != nil {
			return fmt.Errorf("read analysis: %w", err)
		}
		err = scanAnalysis(rows, i, byID)
		done()
		if err == nil {
			err = rows.Err()
		}
		if err != nil {
			return fmt.Errorf("read analysis: %w", err)
		}
	}
	return nil
}

// idList returns the SQL condition "article_id IN (…)" naming the ids of
// byID in increasing order (integers, so written into the statement).
func idList(byID map[int64]*model.Analysis) string {
	ids := slices.Sorted(maps.Keys(byID))
	b := make([]byte, 0, 20+12*len(ids))
	b = append(b, "article_id IN ("...)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ')'))
}

// scanAnalysis reads the rows of ReadAnalysisRows' query number kind
// (mentions, quotes, stances) into byID.
func scanAnalysis(rows Rows, kind int, byID map[int64]*model.Analysis) error {
	for rows.Next() {
		var aid int64
		var sp model.Span
		var a, b, c, d, e string
		if err := rows.Scan(&aid, &sp.Start, &sp.End, &a, &b, &c, &d, &e); err != nil {
			return err
		}
		an := byID[aid]
		if an == nil {
			continue // an article outside the filtered story
		}
		switch kind {
		case 0:
			an.Mentions = append(an.Mentions, model.Mention{Span: sp, Text: a, Type: model.EntityType(b), Role: c, Key: d})
		case 1:
			an.Quotes = append(an.Quotes, model.Quote{ArticleID: aid, Span: sp, Text: a, Kind: model.QuoteKind(b), Speaker: c, SpeakerMention: d, Cue: e})
		case 2:
			an.Stances = append(an.Stances, model.StanceMention{ArticleID: aid, Span: sp, Holder: a, Stance: model.Stance(b), Qualifier: c, Text: d, Proposition: e})
		}
	}
	return nil
}

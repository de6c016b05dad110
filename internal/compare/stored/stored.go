// Package stored serves story comparisons from the store: a comparison is
// made once, kept with the version of the comparison code and the
// fingerprint of the story it was made from, and read back while both
// still hold. A story whose articles change (one added, moved, re-marked
// or re-analysed), a new outlet registry or new comparison code makes the
// kept comparison stale, and the next read makes it again.
//
// Comparisons are made lazily, at the first read after a change, not at
// ingest: while news arrives a story changes with almost every batch, and
// most stories are never compared, so making them at ingest would cost the
// hot path work that is mostly thrown away.
package stored

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// Source makes and reads story comparisons.
type Source struct {
	r     storage.Reader
	keep  storage.Comparisons // nil: r keeps none
	basis string
	opts  compare.Options
	// Put stores new comparisons; nil stores them through the reader
	// (which refuses when it is read-only). Errors from Put are not
	// fatal: the comparison is still returned, only not kept.
	Put func(ctx context.Context, cs []storage.StoredComparison) error
	// OnPutError is called when storing fails (nil: ignored).
	OnPutError func(error)
	// Workers is how many stories are compared at once (0: GOMAXPROCS).
	Workers int
}

// New returns a source reading r, whose analysis was made by
// analysisVersion, that compares with opts.
func New(r storage.Reader, analysisVersion string, opts compare.Options) *Source {
	keep, _ := r.(storage.Comparisons)
	return &Source{r: r, keep: keep, basis: compare.Basis(analysisVersion, opts.Outlets), opts: opts}
}

// Stats counts what a run read and made.
type Stats struct {
	// Read is how many comparisons were read as stored.
	Read int
	// Made is how many were made (none stored, or stale).
	Made int
	// Stored is how many of those made were stored.
	Stored int
}

// Story returns the comparison of story s. A story of fewer than two
// articles is an error wrapping compare.ErrTooFew that says how many it
// has.
func (src *Source) Story(ctx context.Context, s model.Story) (*model.Comparison, error) {
	var arts []*model.Article
	err := src.r.Articles(ctx, storage.ArticleFilter{StoryID: s.ID}, func(a *model.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("story %d: %w", s.ID, err)
	}
	if len(arts) < 2 {
		return nil, fmt.Errorf("story %d has %d article(s): %w", s.ID, len(arts), compare.ErrTooFew)
	}
	fp := compare.Fingerprint(src.basis, s, arts)
	if data, ok, err := src.readOne(ctx, s.ID, fp); err != nil {
		return nil, err
	} else if ok {
		var c model.Comparison
		if err := decode(data, func(line []byte) error { return json.Unmarshal(line, &c) }); err != nil {
			return nil, fmt.Errorf("stored comparison of story %d: %w", s.ID, err)
		}
		return &c, nil
	}
	docs, err := src.docs(ctx, s)
	if err != nil {
		return nil, err
	}
	c, err := compare.Compare(ctx, s, docs, src.opts)
	if err != nil {
		return nil, err
	}
	sc, err := encode(c)
	if err != nil {
		return nil, err
	}
	sc.Story, sc.Version, sc.Fingerprint = s.ID, compare.Version(), fp
	src.store(ctx, []storage.StoredComparison{sc.StoredComparison})
	return c, nil
}

// readOne returns the stored comparison of a story if it is current.
func (src *Source) readOne(ctx context.Context, story int64, fp string) ([]byte, bool, error) {
	if src.keep == nil {
		return nil, false, nil
	}
	var data []byte
	err := src.keep.ReadComparisons(ctx, []int64{story}, func(sc storage.StoredComparison) error {
		if sc.Version == compare.Version() && sc.Fingerprint == fp {
			data = bytes.Clone(sc.Data)
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("story %d: %w", story, err)
	}
	return data, data != nil, nil
}

// docs loads a story's articles with their analysis.
func (src *Source) docs(ctx context.Context, s model.Story) ([]compare.Doc, error) {
	var docs []compare.Doc
	err := src.r.Analyses(ctx, storage.ArticleFilter{StoryID: s.ID}, func(a *model.Article, an *model.Analysis) error {
		docs = append(docs, compare.Doc{Article: a, Analysis: an})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("story %d: %w", s.ID, err)
	}
	return docs, nil
}

func articlesOf(docs []compare.Doc) []*model.Article {
	arts := make([]*model.Article, len(docs))
	for i, d := range docs {
		arts[i] = d.Article
	}
	return arts
}

// store keeps comparisons, reporting failure to OnPutError.
func (src *Source) store(ctx context.Context, cs []storage.StoredComparison) bool {
	if len(cs) == 0 {
		return true
	}
	put := src.Put
	if put == nil {
		if src.keep == nil {
			return false
		}
		put = src.keep.PutComparisons
	}
	if err := put(ctx, cs); err != nil {
		if src.OnPutError != nil && ctx.Err() == nil {
			src.OnPutError(err)
		}
		return false
	}
	return true
}

// job is one story of an Each run on its way through the workers.
type job struct {
	story   model.Story
	fp      string
	data    []byte        // the stored comparison, when current
	docs    []compare.Doc // else the articles to compare
	line    []byte        // the comparison's JSON line
	outlets int
	made    *storage.StoredComparison // the comparison made, to store
	err     error
	done    chan struct{}
}

// eachBatch is how many stories Each looks up, and stores, at a time.
const eachBatch = 128

// Each calls fn, in the order of stories, with each story's comparison as
// one JSON line (as report.JSON writes it) and the number of outlets it
// names. Stored comparisons that are current are read; the others are
// made on every core while the next stories are read, and stored.
func (src *Source) Each(ctx context.Context, stories []model.Story, fn func(s model.Story, outlets int, line []byte) error) (Stats, error) {
	var st Stats
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	workers := src.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	work := make(chan *job)
	order := make(chan *job, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				src.run(ctx, j)
				close(j.done)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(work)
		for lo := 0; lo < len(stories) && ctx.Err() == nil; lo += eachBatch {
			part := stories[lo:min(lo+eachBatch, len(stories))]
			err := src.read(ctx, part, func(j *job) {
				order <- j
				work <- j
			})
			if err != nil {
				cancel(err)
				return
			}
		}
	}()
	var made []storage.StoredComparison
	var err error
	for j := range order {
		<-j.done
		switch {
		case err != nil: // draining after an error
			continue
		case j.err != nil:
			err = j.err
		case j.made != nil:
			st.Made++
			if made = append(made, *j.made); len(made) == eachBatch {
				if src.store(ctx, made) {
					st.Stored += len(made)
				}
				made = nil
			}
			err = fn(j.story, j.outlets, j.line)
		default:
			st.Read++
			err = fn(j.story, j.outlets, j.line)
		}
		if err != nil {
			cancel(err)
		}
	}
	wg.Wait()
	if err == nil && ctx.Err() != nil {
		err = context.Cause(ctx)
	}
	if err != nil {
		return st, err
	}
	if src.store(ctx, made) {
		st.Stored += len(made)
	}
	return st, nil
}

// read looks up the stored comparisons of a batch of stories and emits a
// job for each: with its stored comparison when that is current, else with
// the articles and analysis to compare.
func (src *Source) read(ctx context.Context, part []model.Story, emit func(*job)) error {
	stored := map[int64]storage.StoredComparison{}
	if src.keep != nil {
		ids := make([]int64, len(part))
		for i, s := range part {
			ids[i] = s.ID
		}
		err := src.keep.ReadComparisons(ctx, ids, func(sc storage.StoredComparison) error {
			if sc.Version == compare.Version() {
				sc.Data = bytes.Clone(sc.Data)
				stored[sc.Story] = sc
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	for _, s := range part {
		if err := ctx.Err(); err != nil {
			return err
		}
		j := &job{story: s, done: make(chan struct{})}
		if sc, ok := stored[s.ID]; ok {
			var arts []*model.Article
			err := src.r.Articles(ctx, storage.ArticleFilter{StoryID: s.ID}, func(a *model.Article) error {
				arts = append(arts, a)
				return nil
			})
			if err != nil {
				return fmt.Errorf("story %d: %w", s.ID, err)
			}
			if j.fp = compare.Fingerprint(src.basis, s, arts); j.fp == sc.Fingerprint {
				j.data, j.outlets = sc.Data, sc.Outlets
				emit(j)
				continue
			}
		}
		docs, err := src.docs(ctx, s)
		if err != nil {
			return err
		}
		j.docs, j.fp = docs, compare.Fingerprint(src.basis, s, articlesOf(docs))
		emit(j)
	}
	return nil
}

// run makes or decodes a job's comparison.
func (src *Source) run(ctx context.Context, j *job) {
	if j.data != nil {
		j.err = decode(j.data, func(line []byte) error {
			j.line = bytes.Clone(line)
			return nil
		})
		if j.err != nil {
			j.err = fmt.Errorf("stored comparison of story %d: %w", j.story.ID, j.err)
		}
		return
	}
	c, err := compare.Compare(ctx, j.story, j.docs, src.opts)
	j.docs = nil
	if err != nil {
		j.err = fmt.Errorf("compare story %d: %w", j.story.ID, err)
		return
	}
	sc, err := encode(c)
	if err != nil {
		j.err = err
		return
	}
	sc.Story, sc.Version, sc.Fingerprint = j.story.ID, compare.Version(), j.fp
	j.line, j.outlets, j.made = sc.line, sc.Outlets, &sc.StoredComparison
}

// encoded is a comparison ready to store, with its JSON line.
type encoded struct {
	storage.StoredComparison
	line []byte
}

// encode writes c as one JSON line (as report.JSON does) and compresses
// it for the store.
func encode(c *model.Comparison) (encoded, error) {
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return encoded{}, fmt.Errorf("encode comparison of story %d: %w", c.Story, err)
	}
	var z bytes.Buffer
	zw := writers.Get().(*flate.Writer)
	zw.Reset(&z)
	_, err := zw.Write(line.Bytes())
	if err == nil {
		err = zw.Close()
	}
	writers.Put(zw)
	if err != nil {
		return encoded{}, fmt.Errorf("compress comparison of story %d: %w", c.Story, err)
	}
	return encoded{StoredComparison: storage.StoredComparison{Outlets: len(c.Coverage.Outlets), Data: z.Bytes()}, line: line.Bytes()}, nil
}

// writers reuse compressors, which are large to allocate.
var writers = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// decode decompresses a stored comparison and calls fn with its JSON line.
func decode(data []byte, fn func(line []byte) error) error {
	zr := flate.NewReader(bytes.NewReader(data))
	defer zr.Close()
	line, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	return fn(line)
}

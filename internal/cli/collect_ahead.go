package cli

import (
	"context"
	"runtime"
	"sync"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
)

// aheadBatchBytes is the BatchBytes of runs whose pages are extracted as
// they arrive (see pageExtractor): what a batch holds is then the pages
// compressed and their texts, about a fifth of the pages (real web pages:
// 30 KB against 150 KB), so that a batch still takes some hundred pages
// and each commit's fixed cost stays spread over as many as before.
const aheadBatchBytes = 16 << 20

// pageExtractor extracts fetched pages as they arrive, in the fetching
// goroutines, instead of in the pipeline once a whole batch is read: a
// batch then holds each page compressed, as it is stored, and its
// extracted article, not the page itself, and extraction overlaps the
// fetching. It is the pipeline.Ahead of the run that ingests the pages;
// pipeline.PrepareAhead extracts a page as the run would, so the run
// stores the same as without it.
type pageExtractor struct {
	st    storage.Store
	slots chan struct{} // bounds the extractions at once
	mu    sync.Mutex
	held  map[[2]string]pipeline.Prepared
}

// newPageExtractor returns a pageExtractor that leaves the pages of
// articles st holds already to the run (which skips them unread), and
// extracts at most GOMAXPROCS pages at once.
func newPageExtractor(st storage.Store) *pageExtractor {
	return &pageExtractor{
		st:    st,
		slots: make(chan struct{}, runtime.GOMAXPROCS(0)),
		held:  map[[2]string]pipeline.Prepared{},
	}
}

// options returns opts with the extractor as its Ahead and its batches
// bounded by what the extractor holds.
func (e *pageExtractor) options(opts pipeline.Options) pipeline.Options {
	opts.Ahead = e
	if opts.BatchBytes == 0 {
		opts.BatchBytes = aheadBatchBytes
	}
	return opts
}

// prepare extracts an HTML item's page, keeps the extraction and the page
// compressed for the run, and drops the item's body (its hash kept in
// Article.Hash, as pipeline.Ahead asks). An item of an article already
// stored, or one the store cannot be asked about, is left as it is.
func (e *pageExtractor) prepare(ctx context.Context, it *source.Item) {
	if !it.HTML || it.Body == "" {
		return
	}
	known, _, err := e.st.Known(ctx, []string{it.Article.ExternalID}, nil)
	if err != nil || known[it.Article.ExternalID] {
		return
	}
	select {
	case e.slots <- struct{}{}:
	case <-ctx.Done():
		return
	}
	pr := pipeline.PrepareAhead(ctx, *it, nil)
	<-e.slots
	e.mu.Lock()
	e.held[[2]string{pr.ExternalID, pr.Hash}] = pr
	e.mu.Unlock()
	it.Article.Hash = pr.Hash
	it.Body = ""
}

// Extracted implements pipeline.Ahead.
func (e *pageExtractor) Extracted(id, hash string) (pipeline.Prepared, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	pr, ok := e.held[[2]string{id, hash}]
	return pr, ok
}

// Analysis implements pipeline.Ahead: pages are analysed by the run.
func (e *pageExtractor) Analysis(string) (model.Analysis, bool) {
	return model.Analysis{}, false
}

// Release implements pipeline.AheadReleaser.
func (e *pageExtractor) Release(id, hash string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.held, [2]string{id, hash})
}

// heldPages returns how many extractions the extractor holds.
func (e *pageExtractor) heldPages() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.held)
}

package pipeline

import (
	"context"
	"errors"
	"slices"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/source"
	"github.com/parallax-news/parallax/internal/storage"
)

// Ahead holds the extraction and analysis of input items done ahead of a
// run, in parallel, by other processes (the workers sharing a PostgreSQL
// store). A run takes its results instead of recomputing them; what it
// lacks, or what no longer fits, is computed as usual, so a run with Ahead
// stores the same as one without. An HTML item whose extraction (or its
// failure) and compressed page Ahead holds may be given to the run without
// its Body, with Article.Hash set to the hash of that body: the run reads
// nothing else of the body.
type Ahead interface {
	// Extracted returns the extraction of the HTML input with this
	// external id and content hash (see Hash), if it was done ahead.
	Extracted(externalID, hash string) (Prepared, bool)
	// Analysis returns the analysis of an article text, if it was done
	// ahead.
	Analysis(text string) (model.Analysis, bool)
}

// AheadReleaser is an Ahead that is told when a run is done with an
// item's extraction: once the batch holding the item with this external id
// and content hash is prepared, whether the extraction was taken, or the
// item left out (stored already, met earlier in the run). It can then let
// go of what it holds for the item.
type AheadReleaser interface {
	Ahead
	Release(externalID, hash string)
}

// Prepared is one input item extracted and analysed ahead of a run.
type Prepared struct {
	// ExternalID and Hash identify the input (Hash of its title and raw
	// body).
	ExternalID string
	Hash       string
	// HTML tells whether the input was HTML: only then is Article the
	// extraction a run keeps. Text input is cleaned with statistics of
	// recurring lines learned across the corpus, in input order, which
	// only the run has; Text is the text as cleaned without them.
	HTML bool
	// Article is the extracted article (nil when extraction failed).
	Article *model.Article
	// Warning is what extraction warned about the input.
	Warning string
	// Err is why extraction failed ("" when it did not).
	Err string
	// Raw is the HTML page compressed as it is stored (see
	// storage.CompressPage).
	Raw []byte
	// Text is the text that Analysis was made of.
	Text     string
	Analysis model.Analysis
	// Analysed tells whether Analysis was made.
	Analysed bool
}

// PrepareAhead extracts and analyses one input item as a run would, with
// what needs no corpus state: HTML extraction is the run's own, text input
// is cleaned without line statistics. an may be nil (no analysis). It is
// safe for concurrent use.
func PrepareAhead(ctx context.Context, it source.Item, an Analyzer) Prepared {
	return PrepareAheadPage(ctx, it, nil, an)
}

// PrepareAheadPage is PrepareAhead given the HTML page of it already
// compressed as storage.CompressPage compresses it.Body (nil: compressed
// here): a page queued compressed is kept as it came.
func PrepareAheadPage(ctx context.Context, it source.Item, raw []byte, an Analyzer) Prepared {
	a := it.Article
	a.Hash = Hash(a.Title, it.Body)
	pr := Prepared{ExternalID: a.ExternalID, Hash: a.Hash, HTML: it.HTML}
	art, warning, err := extract.Article(ctx, &extract.Cleaner{}, a, it.Body, it.HTML)
	pr.Warning = warning
	if err != nil {
		pr.Err = err.Error()
		return pr
	}
	if it.HTML {
		pr.Article = art
		pr.Raw = raw
		if pr.Raw == nil {
			pr.Raw = storage.CompressPageString(it.Body)
		}
	}
	pr.Text = art.Text
	if an != nil {
		pr.Analysis = an.Analyze(art)
		pr.Analysed = true
	}
	return pr
}

// itemHash returns the content hash of an input item (see Hash). An item
// whose Body was dropped once it was prepared ahead carries the hash of
// that body in Article.Hash (see Ahead).
func itemHash(it source.Item) string {
	if it.Body == "" && it.Article.Hash != "" {
		return it.Article.Hash
	}
	return Hash(it.Article.Title, it.Body)
}

// itemBytes returns the bytes an input item holds while its batch is read
// (see Options.BatchBytes): its body or, for an HTML item given without
// it, the compressed page and the text that Ahead holds for it.
func (p *Pipeline) itemBytes(it source.Item) int {
	if it.Body != "" || !it.HTML || p.opts.Ahead == nil {
		return len(it.Body)
	}
	pr, ok := p.opts.Ahead.Extracted(it.Article.ExternalID, it.Article.Hash)
	if !ok {
		return 0
	}
	n := len(pr.Raw)
	if pr.Article != nil {
		n += len(pr.Article.Text)
	}
	return n
}

// extractItem extracts one input item: a plain text from text, its body
// as SplitText split it (nil: split here); a page from Ahead when it holds
// the extraction.
func (p *Pipeline) extractItem(ctx context.Context, c *extract.Cleaner, a model.Article, it source.Item, text *extract.Text) (*model.Article, string, error) {
	if text != nil {
		return extract.TextArticle(c, a, text)
	}
	if it.HTML && p.opts.Ahead != nil {
		if pr, ok := p.opts.Ahead.Extracted(a.ExternalID, a.Hash); ok {
			if pr.Err != "" {
				return nil, pr.Warning, errors.New(pr.Err)
			}
			if pr.Article != nil {
				art := *pr.Article
				return &art, pr.Warning, nil
			}
		}
	}
	return extract.Article(ctx, c, a, it.Body, it.HTML)
}

// rawPageOf returns what is kept of an HTML item's page, with the page
// compressed ahead when Ahead holds it.
func (p *Pipeline) rawPageOf(it source.Item, hash string) storage.RawPage {
	if p.opts.Ahead != nil {
		if pr, ok := p.opts.Ahead.Extracted(it.Article.ExternalID, hash); ok && pr.Raw != nil {
			body := it.Body
			it.Body = ""
			r := rawPage(it)
			it.Body = body
			r.Data = pr.Raw
			return r
		}
	}
	return rawPage(it)
}

// analyze analyses one article, taking the analysis from Ahead when it
// was made of the same text.
func (p *Pipeline) analyze(a *model.Article) model.Analysis {
	if p.opts.Ahead != nil {
		if an, ok := p.opts.Ahead.Analysis(a.Text); ok {
			return withArticle(an, a.ID)
		}
	}
	return p.opts.Analyzer.Analyze(a)
}

// withArticle returns an analysis made ahead (for an article without an id
// yet) as made for the article id: the quotes and stances are copied with
// it.
func withArticle(an model.Analysis, id int64) model.Analysis {
	an.ArticleID = id
	an.Quotes = slices.Clone(an.Quotes)
	for i := range an.Quotes {
		an.Quotes[i].ArticleID = id
	}
	an.Stances = slices.Clone(an.Stances)
	for i := range an.Stances {
		an.Stances[i].ArticleID = id
	}
	return an
}

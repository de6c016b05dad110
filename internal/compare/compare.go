// Package compare puts one story's articles side by side: which outlets
// covered it and when, the facts they share and the details only one of
// them has, how each rendered the same statement, where their sources
// contradict each other, which figures differ, and the story's timeline.
//
// It works on stored articles and their analysis (mentions, quotes,
// stances); statements are aligned on stemmed content words, folded entity
// names and numbers, with a small synonym table for the words translations
// and rewrites swap. The result is data (model.Comparison) that the report
// package renders.
package compare

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/outlet"
)

// Options tunes a comparison.
type Options struct {
	// Outlets is the outlet registry articles are mapped to (nil: none;
	// articles are then named by their outlet field).
	Outlets *outlet.Registry
}

// Doc is one article of a story with what analysis found in it.
type Doc struct {
	Article  *model.Article
	Analysis *model.Analysis
}

// ErrTooFew is returned for a story with fewer than two articles: there is
// nothing to compare.
var ErrTooFew = errors.New("fewer than two articles: nothing to compare")

// Alignment thresholds (similarity in [0, 1], see similarity).
const (
	factThreshold  = 0.4
	quoteThreshold = 0.42
)

// doc is a Doc prepared for comparison.
type doc struct {
	Doc
	outlet string // outlet name, or a stand-in unique to the article
	named  bool   // outlet is a name, not a stand-in
	sents  []model.Span
	chars  *Chars
	anchor time.Time // date relative expressions count from
}

// comparer holds one comparison's state.
type comparer struct {
	docs    []*doc
	corpus  *analyze.Corpus
	feats   *featureTable
	outlets []string       // distinct outlets, in order of first article
	info    []model.Outlet // the registry's entries for them
	byExt   map[int64]string
	// factOf lists the facts of each sentence (document, sentence index).
	factOf map[[2]int][]string
	// clauses are the fact units, clauseW their feature weights and
	// entity which features are entity keys.
	clauses []unit
	clauseW []float64
	entity  []bool
	// factIndex is the fact (index into Facts) of each clause.
	factIndex []int
}

// Compare compares the articles of one story. Articles come in
// publication order (undated last); near-copies are marked but compared
// like any other article.
func Compare(ctx context.Context, story model.Story, docs []Doc, opts Options) (*model.Comparison, error) {
	return compareWithout(ctx, story, docs, opts, 0)
}

// compareWithout compares without some kinds of alignment features.
func compareWithout(ctx context.Context, story model.Story, docs []Doc, opts Options, without featureKinds) (*model.Comparison, error) {
	c, err := newComparer(story, docs, opts)
	if err != nil {
		return nil, err
	}
	c.feats.without = without
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := &model.Comparison{Story: story.ID, Headline: story.Headline}
	c.coverage(out)
	c.facts(out)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.quotes(out)
	c.conflicts(out)
	c.framing(out)
	c.scareQuotes(out)
	c.numbers(out)
	c.timeline(out)
	return out, nil
}

// newComparer prepares the documents of a story: sorted, outlets named,
// sentences split, analysis folded.
func newComparer(story model.Story, docs []Doc, opts Options) (*comparer, error) {
	if len(docs) < 2 {
		return nil, fmt.Errorf("story %d: %w", story.ID, ErrTooFew)
	}
	c := &comparer{corpus: analyze.NewCorpus(), feats: newFeatureTable(), byExt: map[int64]string{}}
	for _, d := range docs {
		if d.Article == nil {
			return nil, fmt.Errorf("story %d: a document without its article", story.ID)
		}
		an := d.Analysis
		if an == nil {
			an = &model.Analysis{ArticleID: d.Article.ID}
		}
		c.docs = append(c.docs, &doc{Doc: Doc{Article: d.Article, Analysis: an}})
		c.byExt[d.Article.ID] = d.Article.ExternalID
	}
	slices.SortStableFunc(c.docs, func(a, b *doc) int {
		pa, pb := a.Article.Published, b.Article.Published
		switch {
		case pa.IsZero() != pb.IsZero():
			if pa.IsZero() {
				return 1
			}
			return -1
		case !pa.Equal(pb):
			return pa.Compare(pb)
		}
		return cmp.Compare(a.Article.ExternalID, b.Article.ExternalID)
	})
	seen := map[string]bool{}
	for _, d := range c.docs {
		d.outlet = d.Article.Outlet
		if o, ok := opts.Outlets.Of(d.Article); ok {
			d.outlet = o.Name
			if !slices.ContainsFunc(c.info, func(x model.Outlet) bool { return x.Name == o.Name }) {
				c.info = append(c.info, o)
			}
		}
		d.named = d.outlet != ""
		if d.outlet == "" {
			d.outlet = "(" + d.Article.ExternalID + ")"
		}
		if !seen[d.outlet] {
			seen[d.outlet] = true
			c.outlets = append(c.outlets, d.outlet)
		}
		d.sents = sentence.Split(d.Article.Text)
		d.chars = NewChars(d.Article.Text)
		d.anchor = d.Article.Published
		if d.anchor.IsZero() {
			d.anchor = story.First
		}
		c.corpus.Add(d.Article, d.Analysis)
		for _, m := range d.Analysis.Mentions {
			if m.Role != "" && m.Type == model.Person {
				c.feats.addRoles(m.Role)
			}
		}
	}
	return c, nil
}

// coverage fills in the articles and who covered the story when.
func (c *comparer) coverage(out *model.Comparison) {
	accounts := 0
	var first, last time.Time
	for _, d := range c.docs {
		a := d.Article
		ca := model.CompareArticle{ID: a.ExternalID, Title: a.Title, Chars: d.chars.At(len(a.Text))}
		if d.named {
			ca.Outlet = d.outlet
		}
		if !a.Published.IsZero() {
			p := a.Published.UTC().Format(time.RFC3339)
			ca.Published = &p
			if first.IsZero() || a.Published.Before(first) {
				first = a.Published
			}
			if a.Published.After(last) {
				last = a.Published
			}
		}
		if a.DuplicateOf != 0 {
			dup := c.byExt[a.DuplicateOf]
			if dup == "" {
				dup = fmt.Sprint(a.DuplicateOf)
			}
			ca.DuplicateOf = &dup
		} else {
			accounts++
		}
		out.Articles = append(out.Articles, ca)
	}
	out.Coverage = model.Coverage{Outlets: c.outlets, Accounts: accounts, Registry: c.info}
	if out.Coverage.Registry == nil {
		out.Coverage.Registry = []model.Outlet{}
	}
	if !first.IsZero() {
		f, l := first.UTC().Format(time.RFC3339), last.UTC().Format(time.RFC3339)
		out.Coverage.First, out.Coverage.Last = &f, &l
	}
	if out.Headline == "" && len(c.docs) > 0 {
		out.Headline = c.docs[0].Article.Title
	}
}

// rendering returns the rendering of span s of document d.
func (c *comparer) rendering(d *doc, s model.Span) model.Rendering {
	return model.Rendering{ID: d.Article.ExternalID, Start: d.chars.At(s.Start), End: d.chars.At(s.End), Text: d.Article.Text[s.Start:s.End]}
}

// mentionsIn returns the spans and folded entity keys of the mentions of
// d inside s.
func (c *comparer) mentionsIn(d *doc, s model.Span) ([]model.Span, []string) {
	var spans []model.Span
	var keys []string
	for _, m := range d.Analysis.Mentions {
		if m.Start >= s.Start && m.End <= s.End {
			k := m.Key
			if k == "" {
				k = m.Text
			}
			spans = append(spans, m.Span)
			keys = append(keys, strings.ToLower(c.corpus.Canonical(k)))
		}
	}
	return spans, keys
}

// people returns the folded keys of the people named in span s of d.
func (c *comparer) people(d *doc, s model.Span) []string {
	var out []string
	for _, m := range d.Analysis.Mentions {
		if m.Type == model.Person && m.Start >= s.Start && m.End <= s.End {
			k := m.Key
			if k == "" {
				k = m.Text
			}
			if k = strings.ToLower(c.corpus.Canonical(k)); !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// features returns the alignment features of span s of d.
func (c *comparer) features(d *doc, s model.Span) []int32 {
	spans, keys := c.mentionsIn(d, s)
	return c.feats.features(d.Article.Text, s, spans, keys)
}

// sentenceOf returns the index of the sentence of d holding byte offset b.
func (d *doc) sentenceOf(b int) int {
	i, _ := slices.BinarySearchFunc(d.sents, b, func(s model.Span, b int) int {
		switch {
		case s.End <= b:
			return -1
		case s.Start > b:
			return 1
		}
		return 0
	})
	return min(i, len(d.sents)-1)
}

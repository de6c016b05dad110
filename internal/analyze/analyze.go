// Package analyze finds who said what in articles: it runs the sentence
// splitter, the entity recognizer, the quote finder and the claim finder on
// one article (Analyzer), and folds their results across a corpus (Corpus):
// entities across spellings and articles, quotes with canonical speakers, and
// claims with every holder's stance across outlets.
package analyze

import (
	"github.com/parallax-news/parallax/internal/analyze/claim"
	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/analyze/quote"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// version names the analysis output, so stored results are recomputed when
// it changes. TestVersionTracksOutput hashes the output on the texts in
// testdata/version and fails when it changes without a bump here.
const version = "analyze-3"

// Analyzer analyses single articles. It is safe for concurrent use.
type Analyzer struct {
	rec *entity.Recognizer
}

// New returns an Analyzer.
func New() *Analyzer {
	return &Analyzer{rec: entity.NewRecognizer()}
}

// Version names the analysis output.
func (a *Analyzer) Version() string { return version }

// Analyze finds the sentences, entity mentions, quotes and stances of one
// article's text. Offsets are byte offsets into art.Text.
func (a *Analyzer) Analyze(art *model.Article) model.Analysis {
	sents := sentence.Split(art.Text)
	ms := a.rec.Find(art.Text, sents)
	qs := quote.Find(art.Text, sents, ms)
	ss := claim.Find(art.Text, sents, ms)
	for i := range qs {
		qs[i].ArticleID = art.ID
	}
	for i := range ss {
		ss[i].ArticleID = art.ID
	}
	return model.Analysis{ArticleID: art.ID, Mentions: ms, Quotes: qs, Stances: ss}
}

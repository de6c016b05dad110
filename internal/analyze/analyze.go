// Package analyze finds who said what in articles: it runs the sentence
// splitter, the entity recognizer, the quote finder and the claim finder on
// one article (Analyzer), and folds their results across a corpus (Corpus):
// entities across spellings and articles, quotes with canonical speakers, and
// claims with every holder's stance across outlets.
package analyze

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze/claim"
	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/analyze/quote"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/tokenize"
)

// version names the analysis output, so stored results are recomputed when
// it changes. TestVersionTracksOutput hashes the output on the texts in
// testdata/version and fails when it changes without a bump here.
const version = "analyze-82"

// Analyzer analyses single articles. It is safe for concurrent use.
type Analyzer struct {
	rec *entity.Recognizer
	// scratch holds *scratch: the working memory of Analyze calls, each
	// taking one while it runs, so that analysing many articles does
	// not allocate (and collect) their token tables once an article.
	scratch sync.Pool
}

// scratch is the working memory of one Analyze call.
type scratch struct {
	tokens []tokenize.Token
	quote  quote.Buffers
	claim  claim.Buffers
}

// New returns an Analyzer.
func New() *Analyzer {
	return &Analyzer{rec: entity.NewRecognizer()}
}

// Version names the analysis output.
func (a *Analyzer) Version() string { return version }

// Document is one article analysed once: its text read into tokens and
// split into sentences, the entity mentions, the quotation marks paired, the quotes and the
// stances. Each stage reads what the stages before it found (the claim
// finder uses the quote finder's pairing of quotation marks, all stages the
// one sentence split), and stages after analysis, such as comparing how
// outlets tell a story, read the Document instead of computing any of it
// again. Offsets are byte offsets into Text.
type Document struct {
	ArticleID int64
	// Text is the article's text as analysed: all of it, or its first
	// MaxTextBytes.
	Text string
	// Tokens are the text's words, punctuation and quotation marks, as
	// tokenize.ScanLines reads them: the one tokenization the entity
	// recognizer, the quote finder and the claim finder share.
	Tokens     []tokenize.Token
	Sentences  []model.Span
	Mentions   []model.Mention
	QuoteMarks []quote.MarkPair
	Quotes     []model.Quote
	Stances    []model.StanceMention
}

// MaxTextBytes bounds the text analysis reads of one article: a longer
// text (no news article is; a book, a log or a generated file can be) is
// analysed up to the last white space before this many bytes, so that
// what a document costs the stages after analysis (mentions to fold,
// quotes and claims to store) stays bounded too. Offsets stay offsets
// into the whole text.
const MaxTextBytes = 2 << 20

// analysedText returns the part of text that analysis reads (see
// MaxTextBytes).
func analysedText(text string) string {
	if len(text) <= MaxTextBytes {
		return text
	}
	cut := MaxTextBytes
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	if ws := strings.LastIndexAny(text[:cut], " \t\n"); ws > MaxTextBytes/2 {
		cut = ws
	}
	return text[:cut]
}

// Document analyses one article (the first MaxTextBytes of a longer
// text).
func (a *Analyzer) Document(art *model.Article) *Document {
	return a.document(art, nil)
}

// document is Document working in s's memory (nil: its own); the
// document's Tokens are then s's, until s is used again.
func (a *Analyzer) document(art *model.Article, s *scratch) *Document {
	d := &Document{ArticleID: art.ID, Text: analysedText(art.Text)}
	d.Sentences = sentence.Split(d.Text)
	var qb *quote.Buffers
	var cb *claim.Buffers
	if s != nil {
		d.Tokens = slices.Grow(s.tokens[:0], len(d.Text)/5+4)
		qb, cb = &s.quote, &s.claim
	} else {
		d.Tokens = make([]tokenize.Token, 0, len(d.Text)/5+4)
	}
	d.Tokens = tokenize.ScanLines(d.Text, d.Tokens)
	if s != nil {
		s.tokens = d.Tokens[:0]
	}
	d.Mentions = a.rec.FindTokens(d.Text, d.Sentences, d.Tokens)
	entity.MarkOutlet(d.Mentions, art.Outlet)
	d.Quotes, d.QuoteMarks = quote.FindBuffered(d.Text, d.Sentences, d.Mentions, d.Tokens, qb)
	d.Stances = claim.FindBuffered(d.Text, d.Sentences, d.Mentions, d.QuoteMarks, d.Tokens, cb)
	for i := range d.Quotes {
		d.Quotes[i].ArticleID = art.ID
	}
	for i := range d.Stances {
		d.Stances[i].ArticleID = art.ID
	}
	return d
}

// Analysis returns what is stored of the document: its mentions, quotes
// and stances.
func (d *Document) Analysis() model.Analysis {
	return model.Analysis{ArticleID: d.ArticleID, Mentions: d.Mentions, Quotes: d.Quotes, Stances: d.Stances}
}

// Analyze finds the entity mentions, quotes and stances of one article's
// text (see Document). Offsets are byte offsets into art.Text.
func (a *Analyzer) Analyze(art *model.Article) model.Analysis {
	s, _ := a.scratch.Get().(*scratch)
	if s == nil {
		s = new(scratch)
	}
	out := a.document(art, s).Analysis()
	a.scratch.Put(s)
	return out
}

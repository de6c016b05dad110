package analyze

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze/claim"
	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/model"
)

// Corpus folds the analysis of many articles.
type Corpus struct {
	reg     *entity.Registry
	quotes  []quoteAt
	stances []model.StanceMention
	arts    map[int64]ArticleRef
	byExt   map[string]ArticleRef
	// runeOffsets maps (article id, byte offset) to a character offset.
	runeOffsets map[int64]map[int]int
}

// ArticleRef names an article in corpus results.
type ArticleRef struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet,omitempty"`
	Story     int64  `json:"story,omitempty"`
	Published string `json:"published,omitempty"`
}

type quoteAt struct {
	model.Quote
	start, end int // character offsets
}

// NewCorpus returns an empty Corpus.
func NewCorpus() *Corpus {
	return &Corpus{reg: entity.NewRegistry(), arts: map[int64]ArticleRef{}, byExt: map[string]ArticleRef{}, runeOffsets: map[int64]map[int]int{}}
}

// Add adds one article and its analysis.
func (c *Corpus) Add(a *model.Article, an *model.Analysis) {
	ref := ArticleRef{ID: a.ExternalID, Outlet: a.Outlet, Story: a.StoryID}
	if !a.Published.IsZero() {
		ref.Published = a.Published.Format("2006-01-02")
	}
	c.arts[a.ID] = ref
	c.byExt[a.ExternalID] = ref
	c.reg.Add(a.ExternalID, an.Mentions)
	conv := runeIndex(a.Text)
	for _, q := range an.Quotes {
		q.ArticleID = a.ID
		c.quotes = append(c.quotes, quoteAt{Quote: q, start: conv(q.Start), end: conv(q.End)})
	}
	for _, s := range an.Stances {
		s.ArticleID = a.ID
		s.Start, s.End = conv(s.Start), conv(s.End)
		c.stances = append(c.stances, s)
	}
}

// Article returns what the corpus knows of an article by its external id.
func (c *Corpus) Article(externalID string) (ArticleRef, bool) {
	r, ok := c.byExt[externalID]
	return r, ok
}

// runeIndex returns a function converting byte offsets of text into
// character offsets.
func runeIndex(text string) func(int) int {
	return func(b int) int {
		if b <= 0 {
			return 0
		}
		if b > len(text) {
			b = len(text)
		}
		return utf8.RuneCountInString(text[:b])
	}
}

// Canonical returns the corpus-level name of an entity key, or key itself
// when the key names no known entity.
func (c *Corpus) Canonical(key string) string {
	if key == "" {
		return ""
	}
	if n := c.reg.Canonical(key); n != "" {
		return n
	}
	return key
}

// EntityRecord is one exported entity.
type EntityRecord struct {
	Entity   string           `json:"entity"`
	Type     model.EntityType `json:"type"`
	Aliases  []string         `json:"aliases"`
	Roles    []string         `json:"roles"`
	Mentions int              `json:"mentions"`
	Articles []string         `json:"articles"`
}

// Entities lists the folded entities, most mentioned first.
func (c *Corpus) Entities() []EntityRecord {
	es := c.reg.Entities()
	out := make([]EntityRecord, 0, len(es))
	for _, e := range es {
		out = append(out, EntityRecord{Entity: e.Canonical, Type: e.Type, Aliases: nonNil(e.Aliases), Roles: nonNil(e.Roles), Mentions: e.Mentions, Articles: nonNil(e.Articles)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Entity < out[j].Entity
	})
	return out
}

// QuoteRecord is one exported quote; Start and End are character offsets
// into the stored article text.
type QuoteRecord struct {
	ID             string          `json:"id"`
	Speaker        string          `json:"speaker"`
	SpeakerMention string          `json:"speaker_mention"`
	Cue            string          `json:"cue"`
	Quote          string          `json:"quote"`
	Kind           model.QuoteKind `json:"kind"`
	Start          int             `json:"start"`
	End            int             `json:"end"`
	Outlet         string          `json:"outlet,omitempty"`
	Story          int64           `json:"story,omitempty"`
}

// Quotes lists the quotes in article order with canonical speakers.
func (c *Corpus) Quotes() []QuoteRecord {
	out := make([]QuoteRecord, 0, len(c.quotes))
	for _, q := range c.quotes {
		ref := c.arts[q.ArticleID]
		out = append(out, QuoteRecord{ID: ref.ID, Speaker: c.Canonical(q.Speaker), SpeakerMention: q.SpeakerMention, Cue: q.Cue,
			Quote: q.Text, Kind: q.Kind, Start: q.start, End: q.end, Outlet: ref.Outlet, Story: ref.Story})
	}
	return out
}

// StanceRecord is one holder's stance in an exported claim; Start and End
// are character offsets into the stored article text.
type StanceRecord struct {
	ID        string       `json:"id"`
	Holder    string       `json:"holder"`
	Stance    model.Stance `json:"stance"`
	Qualifier string       `json:"qualifier"`
	Text      string       `json:"text"`
	Start     int          `json:"start"`
	End       int          `json:"end"`
	Outlet    string       `json:"outlet,omitempty"`
}

// ClaimRecord is one exported claim with every holder's stance.
type ClaimRecord struct {
	Claim   string         `json:"claim"`
	Stances []StanceRecord `json:"stances"`
}

// Claims groups the stances into claims, largest first.
func (c *Corpus) Claims() []ClaimRecord {
	groups := claim.Group(c.stances)
	out := make([]ClaimRecord, 0, len(groups))
	for _, g := range groups {
		rec := ClaimRecord{Claim: g.Claim, Stances: []StanceRecord{}}
		for _, s := range g.Stances {
			ref := c.arts[s.ArticleID]
			rec.Stances = append(rec.Stances, StanceRecord{ID: ref.ID, Holder: c.Canonical(s.Holder), Stance: s.Stance, Qualifier: s.Qualifier,
				Text: s.Text, Start: s.Start, End: s.End, Outlet: ref.Outlet})
		}
		out = append(out, rec)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Stances) > len(out[j].Stances) })
	return out
}

// Match reports whether name names the entity record (its canonical name or
// an alias, case-insensitively).
func (e EntityRecord) Match(name string) bool {
	if strings.EqualFold(e.Entity, name) {
		return true
	}
	for _, a := range e.Aliases {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

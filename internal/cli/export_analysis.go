package cli

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// exportPage is how many records an export reads at a time.
const exportPage = 2000

// entityRecord is one exported entity.
type entityRecord struct {
	ID       int64            `json:"entity_id"`
	Entity   string           `json:"entity"`
	Type     model.EntityType `json:"type"`
	Aliases  []string         `json:"aliases"`
	Roles    []string         `json:"roles"`
	Mentions int              `json:"mentions"`
	Articles []string         `json:"articles"`
}

// quoteRecord is one exported quote; Start and End are character offsets
// into the exported article text.
type quoteRecord struct {
	ID             string          `json:"id"`
	Speaker        string          `json:"speaker"`
	SpeakerID      int64           `json:"speaker_id,omitempty"`
	SpeakerMention string          `json:"speaker_mention"`
	Cue            string          `json:"cue"`
	Quote          string          `json:"quote"`
	Kind           model.QuoteKind `json:"kind"`
	Start          int             `json:"start"`
	End            int             `json:"end"`
	Outlet         string          `json:"outlet,omitempty"`
	Story          int64           `json:"story,omitempty"`
}

// stanceRecord is one holder's stance in an exported claim.
type stanceRecord struct {
	ID        string       `json:"id"`
	Holder    string       `json:"holder"`
	HolderID  int64        `json:"holder_id,omitempty"`
	Stance    model.Stance `json:"stance"`
	Qualifier string       `json:"qualifier"`
	Text      string       `json:"text"`
	Start     int          `json:"start"`
	End       int          `json:"end"`
	Outlet    string       `json:"outlet,omitempty"`
}

// claimRecord is one exported claim with every holder's stance.
type claimRecord struct {
	ID      int64          `json:"claim_id"`
	Story   int64          `json:"story"`
	Claim   string         `json:"claim"`
	Stances []stanceRecord `json:"stances"`
}

// analysisExports lists the exports of the stored read model by kind.
func (a *app) analysisExports() map[string]func(st storage.Store, w io.Writer, format string) error {
	return map[string]func(storage.Store, io.Writer, string) error{
		"entities": a.exportEntities,
		"quotes":   a.exportQuotes,
		"claims":   a.exportClaims,
	}
}

// recordWriter writes records as JSON lines or CSV rows.
type recordWriter struct {
	enc *json.Encoder
	cw  *csv.Writer
}

func newRecordWriter(w io.Writer, format string, header []string) (*recordWriter, error) {
	if format == "csv" {
		cw := csv.NewWriter(w)
		return &recordWriter{cw: cw}, cw.Write(header)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &recordWriter{enc: enc}, nil
}

func (r *recordWriter) write(rec any, row []string) error {
	if r.cw != nil {
		return r.cw.Write(row)
	}
	return r.enc.Encode(rec)
}

func (r *recordWriter) close() error {
	if r.cw != nil {
		r.cw.Flush()
		return r.cw.Error()
	}
	return nil
}

func (a *app) exportEntities(st storage.Store, w io.Writer, format string) error {
	rw, err := newRecordWriter(w, format, []string{"entity", "type", "aliases", "roles", "mentions", "articles"})
	if err != nil {
		return err
	}
	page := storage.Page{Limit: exportPage}
	for {
		es, next, err := st.Entities(a.ctx, storage.EntityFilter{Page: page})
		if err != nil {
			return err
		}
		for _, e := range es {
			refs, _, err := st.EntityArticles(a.ctx, e.ID, storage.Page{})
			if err != nil {
				return err
			}
			rec := entityRecord{ID: e.ID, Entity: e.Canonical, Type: e.Type, Aliases: nonNil(e.Aliases), Roles: nonNil(e.Roles), Mentions: e.Mentions, Articles: []string{}}
			for _, r := range refs {
				rec.Articles = append(rec.Articles, r.ExternalID)
			}
			slices.Sort(rec.Articles)
			if err := rw.write(rec, []string{rec.Entity, string(rec.Type), strings.Join(rec.Aliases, "|"), strings.Join(rec.Roles, "|"), strconv.Itoa(rec.Mentions), strings.Join(rec.Articles, "|")}); err != nil {
				return err
			}
		}
		if next == "" {
			return rw.close()
		}
		page.After = next
	}
}

func (a *app) exportQuotes(st storage.Store, w io.Writer, format string) error {
	rw, err := newRecordWriter(w, format, []string{"id", "speaker", "speaker_mention", "cue", "quote", "kind", "start", "end"})
	if err != nil {
		return err
	}
	page := storage.Page{Limit: exportPage}
	for {
		qs, next, err := st.Quotes(a.ctx, storage.QuoteFilter{Page: page})
		if err != nil {
			return err
		}
		for _, q := range qs {
			rec := quoteRecord{ID: q.Article.ExternalID, Speaker: q.SpeakerName, SpeakerID: q.SpeakerID, SpeakerMention: q.SpeakerMention, Cue: q.Cue,
				Quote: q.Text, Kind: q.Kind, Start: q.Chars.Start, End: q.Chars.End, Outlet: q.Article.Outlet, Story: q.Article.StoryID}
			if err := rw.write(rec, []string{rec.ID, rec.Speaker, rec.SpeakerMention, rec.Cue, rec.Quote, string(rec.Kind), strconv.Itoa(rec.Start), strconv.Itoa(rec.End)}); err != nil {
				return err
			}
		}
		if next == "" {
			return rw.close()
		}
		page.After = next
	}
}

func (a *app) exportClaims(st storage.Store, w io.Writer, format string) error {
	// CSV: one row per stance, the claim repeated.
	rw, err := newRecordWriter(w, format, []string{"claim", "id", "holder", "stance", "qualifier", "text", "start", "end"})
	if err != nil {
		return err
	}
	page := storage.Page{Limit: exportPage}
	for {
		cs, next, err := st.Claims(a.ctx, storage.ClaimFilter{Page: page})
		if err != nil {
			return err
		}
		for _, c := range cs {
			rec := claimRecord{ID: c.ID, Story: c.StoryID, Claim: c.Text, Stances: []stanceRecord{}}
			for _, s := range c.Stances {
				sr := stanceRecord{ID: s.Article.ExternalID, Holder: s.HolderName, HolderID: s.HolderID, Stance: s.Stance, Qualifier: s.Qualifier,
					Text: s.Text, Start: s.Chars.Start, End: s.Chars.End, Outlet: s.Article.Outlet}
				rec.Stances = append(rec.Stances, sr)
				if rw.cw != nil {
					if err := rw.write(nil, []string{rec.Claim, sr.ID, sr.Holder, string(sr.Stance), sr.Qualifier, sr.Text, strconv.Itoa(sr.Start), strconv.Itoa(sr.End)}); err != nil {
						return err
					}
				}
			}
			if rw.cw == nil {
				if err := rw.write(rec, nil); err != nil {
					return err
				}
			}
		}
		if next == "" {
			return rw.close()
		}
		page.After = next
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

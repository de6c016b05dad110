// Package synth generates a deterministic synthetic news corpus for
// benchmarking and evaluating the story engine.
//
// The corpus consists of invented events (earthquakes, elections, floods,
// strikes, trials, mergers, wildfires, resignations), each reported by
// several invented outlets within a few days. Outlets paraphrase one another
// (different headlines, sentence order, synonyms and sentences of their
// own), spell names differently (transliteration, surname only, role
// titles), quote people directly with “ ” marks or in indirect speech, run
// syndicated near-copies of wire stories and leave scraping boilerplate
// (share buttons, "Related Articles", "Back to top", dateline rows) in the
// text. Events of the same kind recur across the months and differ only in
// places, people, numbers and dates, so clustering has to rely on entities
// and time rather than topic words alone.
//
// The same Config always produces byte-identical output, independent of
// GOMAXPROCS and the Go release, and generation streams: memory stays
// bounded by the events alive within a few days of corpus time, not by the
// number of articles.
package synth

import (
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/parallax-news/parallax/internal/codec"
)

// Config controls the generated corpus.
type Config struct {
	// Articles is the exact number of articles generated.
	Articles int
	// Seed selects the corpus; equal configs give byte-identical output.
	Seed int64
	// Start is the earliest publication time; events are spread evenly
	// over the following SpanMonths months.
	Start      time.Time
	SpanMonths int
	// MinPerEvent and MaxPerEvent bound the number of articles telling one
	// event (the last event may be smaller if Articles < MinPerEvent);
	// MeanPerEvent is their approximate mean.
	MinPerEvent, MaxPerEvent int
	MeanPerEvent             float64
	// MaxSpreadDays caps how long after an event's first report the other
	// articles of the event appear.
	MaxSpreadDays float64
	// Outlets is the number of distinct outlets (a few of them wire
	// services).
	Outlets int
	// SyndicationRate is the fraction of articles that are near-copies of
	// a wire story (same text, changed headline or trimmed ending).
	SyndicationRate float64
	// BoilerplateRate is the fraction of articles whose text still carries
	// scraping boilerplate (share buttons, related links, footers).
	BoilerplateRate float64
	// TemplatedRate is the fraction of events reported from one fixed
	// template (quarterly results, match results, weather warnings,
	// shootings): events of one template share nearly all their words and
	// differ in names, places, numbers and dates. Their gold story labels
	// start with "tp-" (see Templated).
	TemplatedRate float64
}

// DefaultConfig returns the configuration used by `parallax bench`:
// 10,000 articles over 12 months from 2025-01-01, 3–10 articles per event
// (mean 6), 48 outlets, 10% syndicated copies, 60% with boilerplate, 20%
// of events templated.
func DefaultConfig() Config {
	return Config{
		Articles:        10000,
		Seed:            1,
		Start:           time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		SpanMonths:      12,
		MinPerEvent:     3,
		MaxPerEvent:     10,
		MeanPerEvent:    6,
		MaxSpreadDays:   4,
		Outlets:         48,
		SyndicationRate: 0.10,
		BoilerplateRate: 0.6,
		TemplatedRate:   0.2,
	}
}

// Validate reports whether cfg can be generated.
func (cfg Config) Validate() error {
	switch {
	case cfg.Articles < 0:
		return errors.New("synth: Articles must not be negative")
	case cfg.MinPerEvent < 1 || cfg.MaxPerEvent < cfg.MinPerEvent:
		return errors.New("synth: need 1 <= MinPerEvent <= MaxPerEvent")
	case cfg.MeanPerEvent < float64(cfg.MinPerEvent) || cfg.MeanPerEvent > float64(cfg.MaxPerEvent):
		return errors.New("synth: MeanPerEvent must lie between MinPerEvent and MaxPerEvent")
	case cfg.SpanMonths < 1:
		return errors.New("synth: SpanMonths must be at least 1")
	case cfg.MaxSpreadDays < 0:
		return errors.New("synth: MaxSpreadDays must not be negative")
	case cfg.Outlets < 1:
		return errors.New("synth: Outlets must be at least 1")
	case cfg.SyndicationRate < 0 || cfg.SyndicationRate > 0.5:
		return errors.New("synth: SyndicationRate must lie in [0, 0.5]")
	case cfg.BoilerplateRate < 0 || cfg.BoilerplateRate > 1:
		return errors.New("synth: BoilerplateRate must lie in [0, 1]")
	case cfg.TemplatedRate < 0 || cfg.TemplatedRate > 1:
		return errors.New("synth: TemplatedRate must lie in [0, 1]")
	}
	return nil
}

// Article is one generated article.
type Article struct {
	ID        string    // unique, "syn-0000001" in publication order
	Title     string    // headline
	Text      string    // plain-text body as scraped, boilerplate included
	URL       string    // unique-looking URL on the outlet's domain
	Outlet    string    // outlet name
	Published time.Time // in the outlet's time zone
	Story     string    // gold event id, "ev-000001"
	// CopyOf is the ID of the wire article this one is a syndicated
	// near-copy of, or "". It is not written by WriteJSONL.
	CopyOf string
}

// Generate calls fn for each article of the corpus in publication order
// (ties broken by event and position) and stops at the first error fn
// returns. The Article's strings are fresh for every call.
func Generate(cfg Config, fn func(Article) error) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	g := newGen(cfg)
	return g.run(fn)
}

// WriteJSONL writes the corpus to w as JSON Lines: one object per article
// with the fields id, title, text, url, outlet, published (RFC 3339) and
// story (the gold event id). Output is byte-identical for equal configs.
func WriteJSONL(w io.Writer, cfg Config) error {
	var buf []byte
	return Generate(cfg, func(a Article) error {
		buf = AppendJSONL(buf[:0], &a)
		_, err := w.Write(buf)
		return err
	})
}

// AppendJSONL appends a's JSON line, as WriteJSONL writes it (with a
// trailing newline), to dst.
func AppendJSONL(dst []byte, a *Article) []byte {
	dst = append(dst, `{"id":`...)
	dst = codec.AppendJSONString(dst, a.ID)
	dst = append(dst, `,"title":`...)
	dst = codec.AppendJSONString(dst, a.Title)
	dst = append(dst, `,"text":`...)
	dst = codec.AppendJSONString(dst, a.Text)
	dst = append(dst, `,"url":`...)
	dst = codec.AppendJSONString(dst, a.URL)
	dst = append(dst, `,"outlet":`...)
	dst = codec.AppendJSONString(dst, a.Outlet)
	dst = append(dst, `,"published":"`...)
	dst = a.Published.AppendFormat(dst, time.RFC3339)
	dst = append(dst, `","story":`...)
	dst = codec.AppendJSONString(dst, a.Story)
	return append(dst, "}\n"...)
}

// appendPadded appends n in decimal, left-padded with zeros to width.
func appendPadded(dst []byte, n, width int) []byte {
	var tmp [20]byte
	b := strconv.AppendInt(tmp[:0], int64(n), 10)
	for i := len(b); i < width; i++ {
		dst = append(dst, '0')
	}
	return append(dst, b...)
}

package storage

import (
	"context"
	"fmt"
	"sync"
	"time"
	"unsafe"

	"github.com/klauspost/compress/zstd"
)

// RawPage is the page an HTML article was extracted from, kept compressed
// so that a later extractor can read it again without fetching it (see
// `parallax reprocess`). It is written with its article, in the same
// transaction.
type RawPage struct {
	// ArticleID is the article extracted from the page.
	ArticleID int64
	// URL is the address the page was fetched from ("" for a page read
	// from a file).
	URL string
	// ContentType is the Content-Type the server sent ("" when unknown).
	ContentType string
	// Fetched is when the page was fetched (zero when unknown).
	Fetched time.Time
	// Given is what the input stated about the article before extraction,
	// which extraction fills in but never overrides.
	Given RawGiven
	// Data is the page as extraction read it (decoded to UTF-8),
	// compressed with CompressPage.
	Data []byte
}

// RawGiven is what an input stated about an article besides its page.
type RawGiven struct {
	Title     string    `json:"title,omitempty"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Author    string    `json:"author,omitempty"`
	Language  string    `json:"language,omitempty"`
	Published time.Time `json:"published,omitzero"`
}

// RawReader reads stored raw pages.
type RawReader interface {
	// RawPages calls fn with the stored raw page of each of the given
	// articles that has one, in article id order.
	RawPages(ctx context.Context, ids []int64, fn func(*RawPage) error) error
}

// MaxRawPage is the largest page Page decompresses.
const MaxRawPage = 256 << 20

// rawWindow is the encoder's window: how far back a match may reach. Each
// of the encoder's states keeps a history buffer of about this size for
// as long as the process runs, and zstd's default of 8 MiB made two
// states alone hold 16.5 MB of a fetch's heap. Pages are 150 KB on
// average, so a page under this size compresses exactly as before.
const rawWindow = 1 << 20

// zstd encoders and decoders are safe for concurrent use of EncodeAll and
// DecodeAll and costly to make: one of each serves the process.
var (
	rawEncoder = sync.OnceValue(func() *zstd.Encoder {
		e, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(4), zstd.WithLowerEncoderMem(true), zstd.WithWindowSize(rawWindow))
		if err != nil {
			panic(err) // only for invalid options
		}
		return e
	})
	rawDecoder = sync.OnceValue(func() *zstd.Decoder {
		d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(4), zstd.WithDecoderMaxMemory(MaxRawPage), zstd.WithDecoderLowmem(true))
		if err != nil {
			panic(err)
		}
		return d
	})
)

// CompressPage compresses a page for RawPage.Data (zstd).
func CompressPage(page []byte) []byte {
	return rawEncoder().EncodeAll(page, make([]byte, 0, len(page)/4+64))
}

// CompressPageString is CompressPage of a page held in a string, which it
// compresses where it lies instead of copying it first (the encoder only
// reads its input).
func CompressPageString(page string) []byte {
	return CompressPage(unsafe.Slice(unsafe.StringData(page), len(page)))
}

// Page returns the stored page, decompressed.
func (r *RawPage) Page() ([]byte, error) {
	b, err := rawDecoder().DecodeAll(r.Data, nil)
	if err != nil {
		return nil, fmt.Errorf("raw page of article %d: %w", r.ArticleID, err)
	}
	return b, nil
}

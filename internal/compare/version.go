package compare

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/outlet"
)

// version names the comparison output, so stored comparisons are made
// again when it changes. TestVersionTracksOutput compares the stories in
// testdata/version and fails when the output changes without a bump here.
const version = "compare-3"

// Version names the comparison output of this code.
func Version() string { return version }

// Basis digests what every comparison of a store is made from besides the
// story's own articles: the version of the analysis they were compared on
// and the outlet registry that names their outlets. Compute it once per
// run and give it to Fingerprint.
func Basis(analysisVersion string, reg *outlet.Registry) string {
	h := sha256.New()
	writeString(h, version)
	writeString(h, analysisVersion)
	if reg != nil && reg.Len() > 0 {
		// Encode fails only on a registry that cannot be written as
		// JSON; its outlets' names then stand for it.
		b, err := reg.Encode()
		if err != nil {
			b = nil
			for _, o := range reg.Outlets() {
				b = append(append(b, o.Name...), 0)
			}
		}
		writeString(h, string(b))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Fingerprint digests what the comparison of story is made from: basis
// (see Basis), the story's id, headline and first date (which undated
// articles count from) and every field of its articles that the comparison
// reads. A stored comparison holds as long as its fingerprint is that of
// the story's current articles: an article added, moved out, retitled,
// redated, re-marked as a near-copy or with a new text changes it.
// Articles may come in any order.
func Fingerprint(basis string, story model.Story, arts []*model.Article) string {
	sorted := slices.Clone(arts)
	slices.SortFunc(sorted, func(a, b *model.Article) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	h := sha256.New()
	writeString(h, basis)
	writeInt(h, story.ID)
	writeString(h, story.Headline)
	writeTime(h, story)
	for _, a := range sorted {
		writeInt(h, a.ID)
		writeString(h, a.ExternalID)
		writeString(h, a.Title)
		writeString(h, a.URL)
		writeString(h, a.Outlet)
		writeInt(h, a.DuplicateOf)
		if a.Published.IsZero() {
			writeInt(h, 0)
		} else {
			writeInt(h, 1)
			writeInt(h, a.Published.UnixNano())
		}
		writeString(h, a.Text)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writer is what the fingerprint hash is.
type writer interface{ Write([]byte) (int, error) }

// writeString writes s with its length, so fields cannot run together.
func writeString(h writer, s string) {
	writeInt(h, int64(len(s)))
	h.Write([]byte(s))
}

func writeInt(h writer, v int64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(v))
	h.Write(b[:])
}

func writeTime(h writer, s model.Story) {
	if s.First.IsZero() {
		writeInt(h, 0)
		return
	}
	writeInt(h, 1)
	writeInt(h, s.First.UnixNano())
}

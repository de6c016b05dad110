package storage

import (
	"math"
	"time"

	"github.com/parallax-news/parallax/internal/model"
)

// noDate stands for an undated story in a latest-first cursor.
const noDate = math.MinInt64

// StoryOrder returns the condition that starts a page of stories after the
// cursor vals (StoryCursor's numbers; nil for the first page) and the
// ORDER BY clause, for the stories table's columns articles, last and id.
// add appends a query argument and returns its placeholder.
func StoryOrder(latest bool, vals []int64, add func(any) string) (cond, order string) {
	if !latest {
		if vals != nil {
			n, id := add(vals[0]), add(vals[1])
			cond = ` AND (articles < ` + n + ` OR (articles = ` + n + ` AND id > ` + id + `))`
		}
		return cond, ` ORDER BY articles DESC, id`
	}
	if vals != nil {
		id := add(vals[1])
		if vals[0] == noDate {
			cond = ` AND last = '' AND id < ` + id
		} else {
			t := add(FormatTime(time.Unix(vals[0], 0)))
			cond = ` AND (last < ` + t + ` OR (last = ` + t + ` AND id < ` + id + `))`
		}
	}
	return cond, ` ORDER BY last DESC, id DESC`
}

// StoryCursor returns the cursor of a page of stories ending with s.
func StoryCursor(s model.Story, latest bool) string {
	if !latest {
		return Cursor(int64(s.Articles), s.ID)
	}
	t := int64(noDate)
	if !s.Last.IsZero() {
		t = s.Last.Unix()
	}
	return Cursor(t, s.ID)
}

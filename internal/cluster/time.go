package cluster

import "math"

// when is what the time model knows of an article, a story or a cluster:
// the first and last days of its dated members, how many of its members
// are dated and how many it has.
type when struct {
	min, max    int32
	dated, size int32
}

// union returns the dates of two groups taken together.
func (a when) union(b when) when {
	u := when{min: a.min, max: a.max, dated: a.dated + b.dated, size: a.size + b.size}
	switch {
	case a.min == noDay:
		u.min, u.max = b.min, b.max
	case b.min != noDay:
		u.min, u.max = min(a.min, b.min), max(a.max, b.max)
	}
	return u
}

// timed reports whether the time model applies to a group: it has dates,
// and most of its members are dated (a few dates read from the texts of
// a mostly undated group say little about when its event happened).
func (a when) timed() bool { return a.min != noDay && 2*a.dated >= a.size }

// when returns an article's dates.
func (it *item) when() when {
	if it.day == noDay {
		return when{min: noDay, max: noDay, size: 1}
	}
	return when{min: it.day, max: it.day, dated: 1, size: 1}
}

// timeFactor scales the similarity of two groups (articles, stories,
// clusters) by the time model (see Config.WindowDays): 1 unless both are
// timed; 0 when they lie more than WindowDays apart or together would span
// more than MaxSpanDays; otherwise an exponential decay with the days
// between them, the first day free.
func (c *Clusterer) timeFactor(a, b when) float64 {
	if !a.timed() || !b.timed() {
		return 1
	}
	gap, ok := c.reach(a, b)
	if !ok {
		return 0
	}
	if c.cfg.DecayDays <= 0 || gap <= 1 {
		return 1
	}
	return math.Exp(-float64(gap-1) / c.cfg.DecayDays)
}

// inReach reports whether timeFactor(a, b) > 0, without computing the
// decay: the lookup of candidate stories asks it of thousands of stories
// an article.
func (c *Clusterer) inReach(a, b when) bool {
	if !a.timed() || !b.timed() {
		return true
	}
	_, ok := c.reach(a, b)
	return ok
}

// reach returns the days between two timed groups and whether the time
// model lets them meet (within WindowDays, and spanning no more than
// MaxSpanDays together).
func (c *Clusterer) reach(a, b when) (gap int32, ok bool) {
	gap = gapDays(a.min, a.max, b.min, b.max)
	if w := c.cfg.WindowDays; w > 0 && gap > w {
		return gap, false
	}
	if s := c.cfg.MaxSpanDays; s > 0 && max(a.max, b.max)-min(a.min, b.min) > s {
		return gap, false
	}
	return gap, true
}

// gapDays returns the days between two date ranges, or -1 when either is
// unknown.
func gapDays(aMin, aMax, bMin, bMax int32) int32 {
	if aMin == noDay || bMin == noDay {
		return -1
	}
	switch {
	case aMax < bMin:
		return bMin - aMax
	case bMax < aMin:
		return aMin - bMax
	}
	return 0
}

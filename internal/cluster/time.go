package cluster

import "math"

// timeFactor scales the similarity of two things dated [aMin, aMax] and
// [bMin, bMax] (articles, stories, clusters) by the time model (see
// Config.WindowDays): 1 when either is undated; 0 when they lie more than
// WindowDays apart or together would span more than MaxSpanDays; otherwise
// an exponential decay with the days between them, the first day free.
func (c *Clusterer) timeFactor(aMin, aMax, bMin, bMax int32) float64 {
	gap := gapDays(aMin, aMax, bMin, bMax)
	if gap < 0 {
		return 1
	}
	if w := c.cfg.WindowDays; w > 0 && gap > w {
		return 0
	}
	if s := c.cfg.MaxSpanDays; s > 0 && max(aMax, bMax)-min(aMin, bMin) > s {
		return 0
	}
	if c.cfg.DecayDays <= 0 || gap <= 1 {
		return 1
	}
	return math.Exp(-float64(gap-1) / c.cfg.DecayDays)
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

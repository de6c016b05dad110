package cluster

import "slices"

// Threads links stories of the same saga: stories that share their key
// names (people, places, organisations in headlines and leads), weighed by
// how few stories carry each name, transitively. It returns the thread of
// every story that shares one with another story; a thread is named by its
// smallest story id. Stories alone are not in the map.
//
// Story frequencies are smoothed as if ThreadPrior more stories without
// the name existed, so that in a small corpus where every story names
// the same protagonists they still count.
//
// Threads sees the stories in memory only; ThreadsFrom sees them all.
func (c *Clusterer) Threads() map[int64]int64 {
	t, err := c.ThreadsFull(nil)
	if err != nil {
		panic(err) // over 2³¹ names in memory: memory could not hold them
	}
	return t.Map()
}

// nameList lists a story's names in hash order.
func nameList(m map[uint64]float32) []feat {
	out := make([]feat, 0, len(m))
	for h, n := range m {
		out = append(out, feat{h, n})
	}
	slices.SortFunc(out, byHash)
	return out
}

// ThreadsFrom is Threads over every story: those in memory, and the
// others through the names saved with their buckets (State.Names), which
// read streams in any order.
func (c *Clusterer) ThreadsFrom(read func(fn func(bucket int64, names []byte) error) error) (map[int64]int64, error) {
	t, err := c.ThreadsFull(read)
	if err != nil {
		return nil, err
	}
	return t.Map(), nil
}

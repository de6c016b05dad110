package eval

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"slices"
	"strings"
	"time"
)

// Record is one article of a gold file: the input fields the engine reads,
// plus Story, the gold event, which only the builders below and the
// scorers may look at.
type Record struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Outlet    string    `json:"outlet"`
	Published time.Time `json:"-"`
	Story     string    `json:"story"`
}

// ReadRecords reads a gold JSON Lines file.
func ReadRecords(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// Topic returns the topic of a gold story label: what comes before its
// first '-' ("t1-ecbplus" → "t1"), or the whole label.
func Topic(story string) string {
	if i := strings.IndexByte(story, '-'); i > 0 {
		return story[:i]
	}
	return story
}

// Gold returns the gold story of every record, by id.
func Gold(recs []Record) map[string]string {
	g := make(map[string]string, len(recs))
	for _, r := range recs {
		g[r.ID] = r.Story
	}
	return g
}

// draw is a deterministic pseudo-random number in [0, n) for a key.
func draw(seed uint64, n int, key ...string) int {
	h := fnv.New64a()
	fmt.Fprint(h, seed)
	for _, k := range key {
		h.Write([]byte{0})
		h.Write([]byte(k))
	}
	x := h.Sum64()
	x ^= x >> 31
	x *= 0x9e3779b97f4a7c15
	x ^= x >> 29
	return int(x % uint64(n))
}

// stories lists each topic's gold stories, topics and stories sorted.
func stories(recs []Record) (topics []string, byTopic map[string][]string) {
	byTopic = map[string][]string{}
	for _, r := range recs {
		t := Topic(r.Story)
		if !slices.Contains(byTopic[t], r.Story) {
			byTopic[t] = append(byTopic[t], r.Story)
		}
	}
	for t, ss := range byTopic {
		slices.Sort(ss)
		topics = append(topics, t)
	}
	slices.Sort(topics)
	return topics, byTopic
}

// dateStories gives each record the first day of its story plus up to
// spreadHours, and returns the records sorted by that time, as a feed
// would deliver them.
func dateStories(recs []Record, first map[string]time.Time, spreadHours int, seed uint64) []Record {
	out := slices.Clone(recs)
	for i := range out {
		r := &out[i]
		h := draw(seed, max(1, spreadHours), "article", r.ID)
		r.Published = first[r.Story].Add(time.Duration(h) * time.Hour)
	}
	slices.SortStableFunc(out, func(a, b Record) int {
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// DenseMonth dates gold records as a dense feed: each gold story gets a
// first day inside the days from start, the stories of one topic (two
// events of one kind) on different days, and each article appears within
// two days of its story's first day. The records come back sorted by date.
func DenseMonth(recs []Record, start time.Time, days int, seed uint64) []Record {
	topics, byTopic := stories(recs)
	first := map[string]time.Time{}
	for _, t := range topics {
		used := map[int]bool{}
		for _, s := range byTopic[t] {
			d := draw(seed, days, "story", s)
			for try := 1; used[d] && try < days; try++ {
				d = (d + 1 + draw(seed, days, "retry", s)) % days
			}
			used[d] = true
			first[s] = start.AddDate(0, 0, d).Add(time.Duration(draw(seed, 12, "hour", s)) * time.Hour)
		}
	}
	return dateStories(recs, first, 48, seed)
}

// YearsApart dates gold records so that the stories of one topic (events
// of one kind on one subject) lie years apart: the k-th story of a topic
// falls k·gapYears after the topic's first, which is somewhere in the
// first year from start. Articles appear within two days of their story's
// first day. The records come back sorted by date.
func YearsApart(recs []Record, start time.Time, gapYears int, seed uint64) []Record {
	topics, byTopic := stories(recs)
	first := map[string]time.Time{}
	for _, t := range topics {
		base := start.AddDate(0, 0, draw(seed, 365, "topic", t))
		for k, s := range byTopic[t] {
			first[s] = base.AddDate(k*gapYears, 0, draw(seed, 60, "story", s))
		}
	}
	return dateStories(recs, first, 48, seed)
}

// Package cluster groups articles into stories (one real-world event each)
// and stories into threads (a saga over months), online: each batch of new
// articles joins the stories built so far without recomputing the corpus.
//
// An article is a TF-IDF vector over its stemmed words (rare words weighed
// up, the headline and lead counted more); a story is the sum of its
// articles' vectors. Each article of a batch is linked to its nearest
// articles of the batch and nearest earlier stories, found through
// inverted indexes with capped posting lists so that the cost of an
// article stays flat as the corpus grows. Names and numbers weigh in, so
// that reports written from one template about different teams or
// companies stay apart. Dated articles follow a time model (see
// Config.WindowDays): a story is one event, its articles within days of
// each other; a story far in time from a new article cannot take it. The
// batch is then agglomerated by average
// linkage over that sparse graph, with a cohesion check that keeps two
// tight clusters apart when they are much closer inside than to each
// other (two earthquakes, two rehab stays), and each final cluster becomes
// or joins a story. Within a batch the result does not depend on input
// order.
//
// Words that an outlet's recent articles repeat whatever they report (its
// house template) weigh little in its articles (see Config.TemplateShare).
//
// Capitalised names of headlines and leads are counted per story and link
// stories into threads (see Threads).
//
// Memory stays flat as the archive grows: the time model puts a dated
// story more than WindowDays before an article out of its reach, so only
// the active stories (and a capped number of the latest undated ones)
// are kept in memory, by buckets of consecutive story ids. A save writes
// the changed buckets and drops from memory those gone dormant; an
// article dated inside a dormant period reads the buckets of its days
// back through the Loader (see SetLoader).
package cluster

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/codec"
)

// Doc is one article as the clusterer sees it.
type Doc struct {
	ID        int64
	Title     string
	Text      string
	Published time.Time
	// DuplicateOf is the article this one is a near-copy of (0: none); a
	// near-copy joins its original's story.
	DuplicateOf int64
	// OriginalDay is the publication day of DuplicateOf (zero: unknown or
	// undated). When the clusterer does not hold the original's story (it
	// went dormant), it reads back the stories of that day, the
	// original's among them, so that the near-copy joins it as it would
	// have had the story stayed in memory.
	OriginalDay time.Time
	// OriginalStory is the stored story of DuplicateOf when the clusterer
	// does not hold it in memory (0: unknown), so that a near-copy of an
	// article whose story went dormant can read it back; for an undated
	// original, whose day does not find its story.
	OriginalStory int64
	// Outlet is the publisher (empty: unknown). A dated article's
	// outlet's house template weighs little in it (see
	// Config.TemplateShare).
	Outlet string

	// counts holds the raw feature counts once Count has run.
	counts *counts
}

// Count tokenizes docs ahead of AddBatch, in parallel. It only reads the
// configuration, so it may run while another goroutine is in AddBatch;
// AddBatch counts whatever was not counted.
func (c *Clusterer) Count(docs []Doc) {
	parallel(len(docs), func() func(int) {
		ct := newCounter(&c.cfg)
		return func(i int) {
			if docs[i].counts == nil {
				x := ct.count(&docs[i])
				docs[i].counts = &x
			}
		}
	})
}

// parallel calls work(i) for i in [0, n) on one goroutine per processor.
// Each goroutine gets its own work function from newWorker, so that it can
// keep scratch space of its own.
func parallel(n int, newWorker func() func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work := newWorker()
			for i := w; i < n; i += workers {
				work(i)
			}
		}()
	}
	wg.Wait()
}

// Config tunes a Clusterer. The zero value is not useful; start from
// DefaultConfig. Config is comparable.
type Config struct {
	// Threshold is the similarity an article needs to join a story.
	Threshold float64
	// MergeThreshold is the mean similarity two clusters holding earlier
	// stories need for the batch to merge those stories into one.
	MergeThreshold float64
	// ThreadThreshold is the similarity of two stories' key names above
	// which they belong to one thread; ThreadPrior smooths the story
	// frequencies of names (see Threads).
	ThreadThreshold float64
	ThreadPrior     float64
	// ThreadDeltaShare is the largest size of a delta of a shard of the
	// thread index, as a share of the size of the shard's base, that a
	// run writes rather than rewriting the shard whole (see ThreadLinks);
	// a delta of up to 1 KiB is kept whatever the base. 0 rewrites every
	// shard a run changes.
	ThreadDeltaShare float64
	// TitleWeight and LeadWeight multiply the counts of headline words and
	// of words in the first LeadBytes of the text.
	TitleWeight float64
	LeadWeight  float64
	LeadBytes   int
	// MaxTextBytes caps how much of a long text is read (0: all).
	MaxTextBytes int
	// NameShare is the share of the name similarity in the similarity of
	// two texts; the rest is the similarity of their words.
	NameShare float64
	// NameTail weighs names found after the lead.
	NameTail float64
	// NumberWeight weighs numbers (other than years) in the name block;
	// 0 leaves them out.
	NumberWeight float64
	// The time model for dated articles (undated ones have none): a story
	// is one event, its articles within days of each other. A story is
	// active for WindowDays after its last article: a dated article or
	// story further away in time from it has no similarity with it, so
	// the article starts a new story (a saga over months becomes a
	// thread, see Threads). Inside the window similarity decays
	// exponentially with the days between them, on the scale of
	// DecayDays (0: no decay), and no story spans more than MaxSpanDays
	// from its first article to its last. A story or cluster most of
	// whose articles are undated is not held to the dates of the few
	// dated ones (dates read from a text can be those of a later update).
	WindowDays  int32
	DecayDays   float64
	MaxSpanDays int32
	// ResidentUntimed is how many of the latest stories a bucket holding
	// undated stories must be among to stay in memory (0: all stay).
	ResidentUntimed int
	// DocFeatures caps the features kept per article, CentroidFeatures per
	// story.
	DocFeatures      int
	CentroidFeatures int
	// IndexFeatures is how many of a story's heaviest features are posted
	// in the inverted index; QueryFeatures how many of an article's are
	// looked up; Postings caps each posting list (most recent stories
	// kept); Candidates is how many stories are scored in full.
	IndexFeatures int
	QueryFeatures int
	Postings      int
	Candidates    int
	// AllPairs is the batch size up to which every pair of new articles is
	// compared instead of going through the index.
	AllPairs int
	// Cohesion and Cohesion1 keep cohesive clusters apart: two clusters
	// merge only when their mean cross similarity reaches Cohesion times
	// the geometric mean of their own mean pair similarities (Cohesion1
	// times it when one side is a single article).
	//
	// Short texts give noisier similarities, and the same test would split
	// their stories: Cohesion applies to batches whose median article has
	// LongFeatures features or more, ShortCohesion to those with
	// ShortFeatures or fewer, and in between the factor moves with the
	// logarithm of the length.
	Cohesion  float64
	Cohesion1 float64
	// PairCohesion holds a new pair of articles joining an earlier story
	// to the cohesion test too, with PairCohesion times the pair's own
	// similarity as its cohesion: two reports of one event found in one
	// small batch stay out of an earlier story on another event that
	// shares their names or their kind (a strike at the flooded city, a
	// baggage failure at the airport of an emergency landing). 0 exempts
	// pairs, as two articles may be close by chance. A new pair joins an
	// earlier story of one article only at a mean similarity of
	// PairCohesion1 times the pair's own (0: no test); a story of two is
	// not tested.
	PairCohesion  float64
	PairCohesion1 float64
	ShortCohesion float64
	LongFeatures  int
	ShortFeatures int
	// NameGate keeps apart two clusters of two or more articles each
	// whose mean similarity of names alone (the names of headlines and
	// leads, and numbers, see NameShare) is below it, however alike
	// their words: two events of one kind told alike (two earthquakes
	// from one wire template, two companies' results, two verdicts of
	// one day) name other places, people and figures. It also keeps a
	// single new article out of an earlier story of two or more articles
	// whose names it hardly shares: a story would otherwise take, batch
	// after batch, single articles on other events of its kind whose
	// words are just close enough. It applies to batches whose median
	// article has NameGateFeatures features or more: short texts name
	// too few things for names they do not share to tell events apart.
	// 0 turns it off.
	NameGate         float64
	NameGateFeatures int
	// NameRatio keeps apart two single articles whose similarity of
	// names is below NameRatio times their whole similarity, in batches
	// the name gate applies to: two reports written from one template
	// (two companies' results) share most of their words and few of
	// their names and figures. 0 turns it off.
	NameRatio float64
	// An outlet's house template is the words carried by at least
	// TemplateMin of its last TemplateDocs dated articles within
	// WindowDays of its newest, and by at least TemplateShare of them,
	// of which the outlet holds at least TemplateOwn of the occurrences
	// among all outlets' such articles; they weigh TemplateWeight times
	// as much in its articles. TemplateMin 0 turns this off.
	TemplateMin    int
	TemplateDocs   int
	TemplateShare  float64
	TemplateOwn    float64
	TemplateWeight float64
}

// DefaultConfig returns settings that work on news without tuning.
func DefaultConfig() Config {
	return Config{
		Threshold:        0.055,
		MergeThreshold:   0.5,
		ThreadThreshold:  0.3,
		ThreadPrior:      20,
		ThreadDeltaShare: 0.25,
		TitleWeight:      3,
		LeadWeight:       2,
		LeadBytes:        600,
		MaxTextBytes:     20000,
		NameShare:        0.1,
		NameTail:         0,
		NumberWeight:     1,
		WindowDays:       7,
		DecayDays:        3,
		MaxSpanDays:      14,
		ResidentUntimed:  20000,
		DocFeatures:      160,
		CentroidFeatures: 320,
		IndexFeatures:    24,
		QueryFeatures:    24,
		Postings:         200,
		Candidates:       24,
		AllPairs:         600,
		Cohesion:         0.58,
		Cohesion1:        0.2,
		PairCohesion:     0.5,
		PairCohesion1:    0.4,
		ShortCohesion:    0.52,
		LongFeatures:     96,
		ShortFeatures:    28,
		NameGate:         0.04,
		NameGateFeatures: 48,
		NameRatio:        0.2,
		TemplateMin:      3,
		TemplateDocs:     64,
		TemplateShare:    0.4,
		TemplateOwn:      0.9,
		TemplateWeight:   0.1,
	}
}

// noDay marks an unknown date.
const noDay = math.MinInt32

// story is one cluster.
type story struct {
	id  int64
	sum vec
	// within is the sum of the similarities of all pairs of members.
	within float64
	// names counts the names in its articles' headlines and leads (the
	// most frequent storyNames kept), for threading.
	names   map[uint64]float32
	members []int64
	minDay  int32
	maxDay  int32
	nDated  int32 // dated members
	posted  []uint64
}

func (s *story) dated() bool { return s.minDay != noDay }

// when returns the story's dates for the time model.
func (s *story) when() when {
	return when{min: s.minDay, max: s.maxDay, dated: s.nDated, size: int32(len(s.members))}
}

// Clusterer assigns articles to stories and stories to threads. It is not
// safe for concurrent use.
type Clusterer struct {
	cfg Config
	n   int      // documents seen
	df  *dfTable // document frequencies
	// dfAdded counts what the documents since the last save added to df,
	// so that a save writes only that (see State.DF); dfFull says the
	// next save writes df whole instead (nothing saved yet, a pruning,
	// or more added than is worth saving apart). dfSeq numbers the
	// additions saved since df was last saved whole, and dfAddedBytes
	// is their size.
	dfAdded      map[uint64]int32
	dfFull       bool
	dfSeq        int64
	dfAddedBytes int
	// splitDF: loaded from a head that leaves the document frequencies
	// to AddDF.
	splitDF bool
	// stories holds the stories in memory (see the package doc), and
	// docStory the story of each of their articles.
	stories  map[int64]*story
	docStory map[int64]int64
	// fwd maps a story merged during the current batch to the story it
	// went into.
	fwd      map[int64]int64
	postings map[uint64][]int64 // of stories in memory only
	next     int64              // next story id
	live     int                // stories, in memory or not
	// horizon is the newest plausible day of a dated article seen (noDay:
	// none yet); stories far enough behind it go dormant.
	horizon int32
	// buckets describes every saved bucket; resident lists those in
	// memory.
	buckets  map[int64]bucketInfo
	resident map[int64]bool
	dirty    map[int64]bool // buckets of stories changed since the last save
	// changed lists the stories changed since their threads were last
	// saved (ClearChanged).
	changed map[int64]bool
	// pending holds the buckets of the last save until MarkSaved, for
	// loads in between.
	pending map[int64][]byte
	loader  Loader
	// outlets holds the recent articles' features of each outlet, for
	// their house templates (nil until an article names its outlet).
	outlets *outlets
	// oLog records what the batches since the last save did to outlets
	// (see saveOutlets); oFull says the next save writes them whole
	// (nothing saved yet). oSeq numbers the logs saved since they were
	// last saved whole, and oLogBytes is their size.
	oLog      *codec.Writer
	oFull     bool
	oSeq      int64
	oLogBytes int

	// scratch
	tmp   vec
	feats []feat
}

// New returns an empty Clusterer.
func New(cfg Config) *Clusterer {
	return &Clusterer{
		cfg:      cfg,
		df:       newDFTable(0),
		dfFull:   true,
		oFull:    true,
		stories:  make(map[int64]*story),
		fwd:      make(map[int64]int64),
		docStory: make(map[int64]int64),
		postings: make(map[uint64][]int64),
		next:     1,
		horizon:  noDay,
		buckets:  make(map[int64]bucketInfo),
		resident: make(map[int64]bool),
		dirty:    make(map[int64]bool),
		changed:  make(map[int64]bool),
	}
}

// Len returns the number of live stories, in memory or not.
func (c *Clusterer) Len() int { return c.live }

// Resident returns the number of stories held in memory.
func (c *Clusterer) Resident() int { return len(c.stories) }

// Story returns the story of an article whose story is in memory (0 when
// unknown).
func (c *Clusterer) Story(doc int64) int64 { return c.resolve(c.docStory[doc]) }

// resolve follows merges to the live story.
func (c *Clusterer) resolve(id int64) int64 {
	for {
		to, ok := c.fwd[id]
		if !ok {
			return id
		}
		id = to
	}
}

// item is a document of the current batch.
type item struct {
	id    int64
	v     vec
	top   []feat // heaviest features shared with other documents
	names []feat // raw counts of headline and lead names
	day   int32
	dupOf int64
	// dupDay is the original's day (see Doc.OriginalDay), dupStory its
	// stored story (see Doc.OriginalStory).
	dupDay   int32
	dupStory int64
}

// vectorize counts, updates document frequencies and weighs the batch.
func (c *Clusterer) vectorize(docs []Doc) []item {
	c.Count(docs)
	if !c.dfFull && c.dfAdded == nil {
		c.dfAdded = make(map[uint64]int32)
	}
	for i := range docs {
		for _, f := range docs[i].counts.words {
			c.df.add(f.h, 1)
		}
		for _, f := range docs[i].counts.names {
			c.df.add(f.h, 1)
		}
		if !c.dfFull {
			for _, f := range docs[i].counts.words {
				c.dfAdded[f.h]++
			}
			for _, f := range docs[i].counts.names {
				c.dfAdded[f.h]++
			}
		}
	}
	if !c.dfFull && c.dfAddedBytes+dfEntryBytes*len(c.dfAdded) > dfEntryBytes*c.df.len()/dfAddedShare {
		// Saving the table whole costs little more now.
		c.dfFull, c.dfAdded = true, nil
	}
	c.n += len(docs)
	c.pruneDF()
	items := make([]item, len(docs))
	parallel(len(docs), func() func(int) {
		return func(i int) {
			d := &docs[i]
			v := weigh(*d.counts, c.df, c.n, 1, c.cfg.DocFeatures)
			items[i] = item{id: d.ID, v: v, names: d.counts.names, day: dayOf(d.Published), dupOf: d.DuplicateOf,
				dupDay: dayOf(d.OriginalDay), dupStory: d.OriginalStory}
		}
	})
	c.countOutlets(docs, items)
	parallel(len(items), func() func(int) {
		return func(i int) {
			items[i].top = c.topFeats(items[i].v, max(c.cfg.QueryFeatures, c.cfg.IndexFeatures), nil)
		}
	})
	return items
}

// maxDF bounds the document frequency table.
const maxDF = 1 << 20

// pruneDF forgets the rarest features (seen in one document, then two, and
// so on) when the table grows large, bounding memory on endless streams.
func (c *Clusterer) pruneDF() {
	if c.df.len() < maxDF {
		return
	}
	// The saved additions cannot remove: the next save writes the table
	// whole.
	c.dfFull, c.dfAdded = true, nil
	for k := int32(1); c.df.len() > maxDF*3/4; k++ {
		c.df.keep(func(n int32) bool { return n > k })
	}
}

func dayOf(t time.Time) int32 {
	if t.IsZero() {
		return noDay
	}
	return int32(t.Unix() / 86400)
}

// create opens a new, empty story.
func (c *Clusterer) create() int64 {
	id := c.next
	c.next++
	c.live++
	c.stories[id] = &story{id: id, minDay: noDay, maxDay: noDay}
	c.resident[id>>bucketShift] = true
	c.touch(id)
	return id
}

// joinMany adds items to a story. The story's sum of pair similarities
// grows by the new articles' similarities with the old members and with
// each other.
func (c *Clusterer) joinMany(its []*item, sid int64) {
	s := c.stories[sid]
	c.touch(sid)
	var add vec
	if len(its) == 1 {
		add = its[0].v
	} else {
		m := make(map[uint64]float32, 256)
		for _, it := range its {
			for _, f := range it.v {
				m[f.h] += f.w
			}
		}
		add = make(vec, 0, len(m))
		for h, w := range m {
			add = append(add, feat{h, w})
		}
		slices.SortFunc(add, byHash)
	}
	s.within += c.pairSim(add, s.sum)
	if len(its) > 1 {
		self := c.pairSim(add, add)
		for _, it := range its {
			self -= c.pairSim(it.v, it.v)
		}
		s.within += self / 2
	}
	c.tmp = addScaled(c.tmp, s.sum, add, 1)
	s.sum, c.tmp = slices.Clone(prune(c.tmp, c.cfg.CentroidFeatures)), s.sum
	defer pruneNames(s.names)
	if s.names == nil {
		s.names = map[uint64]float32{}
	}
	for _, it := range its {
		for _, f := range it.names {
			s.names[f.h] += f.w
		}
		s.members = append(s.members, it.id)
		if it.day != noDay {
			s.nDated++
			if !s.dated() {
				s.minDay, s.maxDay = it.day, it.day
			} else {
				s.minDay, s.maxDay = min(s.minDay, it.day), max(s.maxDay, it.day)
			}
		}
		c.docStory[it.id] = sid
	}
}

// post adds a story's heaviest features to the inverted index.
func (c *Clusterer) post(s *story) {
	c.feats = c.topFeats(s.sum, c.cfg.IndexFeatures, c.feats)
	for _, f := range c.feats {
		h := f.h
		if slices.Contains(s.posted, h) {
			continue
		}
		s.posted = append(s.posted, h)
		p := append(c.postings[h], s.id)
		if limit := c.cfg.Postings; limit > 0 && len(p) > 2*limit {
			p = append(p[:0:0], p[len(p)-limit:]...)
		}
		c.postings[h] = p
	}
	if len(s.posted) > 4*c.cfg.IndexFeatures {
		// Keep the record small; a feature posted twice only costs a
		// duplicate candidate.
		s.posted = append(s.posted[:0:0], s.posted[len(s.posted)-2*c.cfg.IndexFeatures:]...)
	}
}

// unpost removes a story from the inverted index.
func (c *Clusterer) unpost(s *story) {
	for _, h := range s.posted {
		p := c.postings[h]
		k := 0
		for _, id := range p {
			if id != s.id {
				p[k] = id
				k++
			}
		}
		if k == 0 {
			delete(c.postings, h)
		} else {
			c.postings[h] = p[:k]
		}
	}
}

// scratch is one goroutine's working space for candidate lookups.
type scratch struct {
	acc     []float32 // by story id
	touched []int64
	cand    []scored
	// res, when set, holds the resident stories by id (see residentByID),
	// read instead of the clusterer's map.
	res *resident
}

// resident is the resident stories of a clusterer indexed by their ids,
// with their dates beside them, for the lookups of a batch's candidate
// stories: a batch's articles look up thousands of candidates each, and
// with a dense stream's tens of thousands of resident stories each lookup
// in the map, and then in the story, missed the processor's caches, which
// made them the larger part of finding candidates on a large store.
type resident struct {
	// byID holds each story beside its dates, so that a lookup reads one
	// place.
	byID []residentStory
}

// residentStory is a resident story and its dates.
type residentStory struct {
	st *story
	w  when
}

// residentByID returns the resident stories indexed by their ids. It
// holds no story added, and no date changed, after it was made.
func (c *Clusterer) residentByID() *resident {
	r := &resident{byID: make([]residentStory, c.next+1)}
	for id, st := range c.stories {
		if id >= 0 && id < int64(len(r.byID)) {
			r.byID[id] = residentStory{st, st.when()}
		}
	}
	return r
}

// story returns the resident story of id sid (nil: none) and its dates,
// from the scratch's index of resident stories when it holds one.
func (sc *scratch) story(c *Clusterer, sid int64) (*story, when) {
	if r := sc.res; r != nil && sid >= 0 && sid < int64(len(r.byID)) {
		x := &r.byID[sid]
		return x.st, x.w
	}
	st := c.stories[sid]
	if st == nil {
		return nil, when{}
	}
	return st, st.when()
}

func (c *Clusterer) newScratch() *scratch {
	return &scratch{acc: make([]float32, c.next+1)}
}

// candidatesOf returns the stories sharing the heaviest features top of
// an article (heaviest first) dated at, the most promising first; stories
// the time model puts out of the article's reach are left out. It only
// reads the clusterer, so goroutines with their own scratch may call it at
// once.
func (c *Clusterer) candidatesOf(top []feat, at when, exclude int64, sc *scratch) []int64 {
	if c.live <= c.allStories() {
		// Few stories: compare with each (the index needs settled
		// document frequencies to find them reliably).
		ids := make([]int64, 0, len(c.stories))
		for id := range c.stories {
			if id != exclude {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		return ids
	}
	if int64(len(sc.acc)) < c.next {
		sc.acc = make([]float32, c.next+c.next/2)
	}
	limit := c.cfg.Postings
	// Merges only happen once a batch's edges are found: mostly there is
	// nothing to resolve.
	merged := len(c.fwd) > 0
	for _, f := range top[:min(len(top), c.cfg.QueryFeatures)] {
		p := c.postings[f.h]
		if limit > 0 && len(p) > limit {
			p = p[len(p)-limit:]
		}
		for _, sid := range p {
			if merged {
				sid = c.resolve(sid)
			}
			if sid == exclude {
				continue
			}
			if sc.acc[sid] == 0 {
				sc.touched = append(sc.touched, sid)
			}
			sc.acc[sid] += f.w
		}
	}
	sc.cand = sc.cand[:0]
	for _, sid := range sc.touched {
		if st, w := sc.story(c, sid); st != nil && c.inReach(at, w) {
			sc.cand = append(sc.cand, scored{id: sid, s: sc.acc[sid]})
		}
		sc.acc[sid] = 0
	}
	sc.touched = sc.touched[:0]
	sc.cand = best(sc.cand, max(1, c.cfg.Candidates/2))
	ids := make([]int64, len(sc.cand))
	for i, x := range sc.cand {
		ids[i] = x.id
	}
	return ids
}

// better orders candidates: higher score first, then lower id.
func better(a, b scored) bool {
	return a.s > b.s || a.s == b.s && a.id < b.id
}

// selectFunc moves the k best elements of cs (a is better than b when
// better(a, b)) to the front, in no order, by quickselect and returns
// them.
func selectFunc[T any](cs []T, k int, better func(a, b T) bool) []T {
	lo, hi := 0, len(cs)-1
	for lo < hi {
		p := cs[(lo+hi)/2]
		i, j := lo, hi
		for i <= j {
			for better(cs[i], p) {
				i++
			}
			for better(p, cs[j]) {
				j--
			}
			if i <= j {
				cs[i], cs[j] = cs[j], cs[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return cs[:k]
		}
	}
	return cs[:k]
}

// scored is a candidate with its retrieval score.
type scored struct {
	id int64
	s  float32
	// n is the similarity of the names alone (see Config.NameGate), for
	// the similarities of a batch's articles with each other and with
	// stories.
	n float32
}

// best keeps the k best candidates, best first (ties by id).
func best(cs []scored, k int) []scored {
	if len(cs) > 2*k {
		cs = selectFunc(cs, k, better)
	}
	slices.SortFunc(cs, func(a, b scored) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	})
	if len(cs) > k {
		cs = cs[:k]
	}
	return cs
}

// merge moves every article of from into into.
func (c *Clusterer) merge(into, from *story, moved map[int64]bool) {
	c.touch(into.id)
	c.touch(from.id)
	into.within += from.within + c.pairSim(into.sum, from.sum)
	c.tmp = addScaled(c.tmp, into.sum, from.sum, 1)
	into.sum, c.tmp = slices.Clone(prune(c.tmp, c.cfg.CentroidFeatures)), into.sum
	if into.names == nil {
		into.names = map[uint64]float32{}
	}
	for h, n := range from.names {
		into.names[h] += n
	}
	pruneNames(into.names)
	for _, m := range from.members {
		c.docStory[m] = into.id
		moved[m] = true
	}
	into.members = append(into.members, from.members...)
	into.nDated += from.nDated
	if from.dated() {
		if !into.dated() {
			into.minDay, into.maxDay = from.minDay, from.maxDay
		} else {
			into.minDay, into.maxDay = min(into.minDay, from.minDay), max(into.maxDay, from.maxDay)
		}
	}
	c.unpost(from)
	delete(c.stories, from.id)
	c.fwd[from.id] = into.id
	c.live--
}

// storyNames caps the names a story keeps for threading.
const storyNames = 24

// pruneNames keeps the storyNames most frequent names.
func pruneNames(m map[uint64]float32) {
	if len(m) <= 2*storyNames {
		return
	}
	all := make([]feat, 0, len(m))
	for h, n := range m {
		all = append(all, feat{h, n})
	}
	slices.SortFunc(all, byWeight)
	for _, x := range all[storyNames:] {
		delete(m, x.h)
	}
}

// allStories is the number of stories up to which every story is a
// candidate: the index needs settled document frequencies to find them,
// and comparing with a few stories costs little.
func (c *Clusterer) allStories() int { return 4 * c.cfg.Candidates }

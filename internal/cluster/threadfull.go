package cluster

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
)

// FullThreads is a full computation of threads over every story, held in
// flat arrays rather than maps of slices: the names of every story and
// the list of stories of every name, each once. It gives the thread of
// any story (Thread) and writes the thread index shard by shard
// (WriteIndex), so that neither the whole index nor its encoding is ever
// held in memory. On an archive of S stories carrying K key names each it
// holds about 24 bytes per story and name (S·K), and 12 per distinct name.
type FullThreads struct {
	// stories are the stories in id order; a story's names are
	// feats[chunk][off:off+n], in hash order, each weighed as in the
	// story's normalised vector (0: a name too common to weigh). The
	// names are kept in chunks that are never grown, so that reading
	// them never holds two copies.
	stories []threadStory
	feats   [][]feat
	// names are the distinct names in shard then hash order; name k is
	// carried by the stories post[start[k]:start[k+1]] (indexes into
	// stories, in id order), weighed postW[start[k]:start[k+1]] in them
	// (the weight in each story's vector).
	names []uint64
	start []int32
	post  []int32
	postW []float32
	// shardStart[s] is the index in names of the first name of shard s,
	// so that a name is found within its shard's few.
	shardStart []int32
	// root is the index of the story naming each story's thread (itself
	// when alone); size the number of stories of the thread a story roots.
	root []int32
	size []int32
	// total is the number of names of all stories.
	total int
}

// threadStory locates one story's names in FullThreads.feats.
type threadStory struct {
	id         int64
	chunk, off int32
	n          int32
}

// threadChunk is the number of names a chunk of FullThreads.feats holds.
const threadChunk = 1 << 16

// ThreadsFull computes threads over every story: those in memory, and
// the others through the names saved with their buckets (State.Names),
// which read streams in any order (nil: the stories in memory only).
// Its results are those of Threads over all stories, and its index that
// of a full computation.
func (c *Clusterer) ThreadsFull(read func(fn func(bucket int64, names []byte) error) error) (*FullThreads, error) {
	t := &FullThreads{}
	add := func(id int64, ns []feat) error {
		if t.total+len(ns) > math.MaxInt32 {
			return fmt.Errorf("threads: more than %d story names", math.MaxInt32)
		}
		last := len(t.feats) - 1
		if last < 0 || len(t.feats[last])+len(ns) > cap(t.feats[last]) {
			t.feats = append(t.feats, make([]feat, 0, max(threadChunk, len(ns))))
			last++
		}
		t.stories = append(t.stories, threadStory{id: id, chunk: int32(last), off: int32(len(t.feats[last])), n: int32(len(ns))})
		t.feats[last] = append(t.feats[last], ns...)
		t.total += len(ns)
		return nil
	}
	for id, s := range c.stories {
		if err := add(id, nameList(s.names)); err != nil {
			return nil, err
		}
	}
	if read != nil {
		var aerr error
		err := read(func(bucket int64, data []byte) error {
			if _, ok := c.buckets[bucket]; !ok || c.resident[bucket] {
				return nil
			}
			return scanNames(data, true, func(id int64, ns []feat) {
				if aerr == nil {
					aerr = add(id, ns)
				}
			})
		})
		if err = cmp.Or(err, aerr); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(t.stories, func(a, b threadStory) int { return cmp.Compare(a.id, b.id) })
	t.weigh(c.cfg.ThreadPrior)
	t.link(c.cfg)
	return t, nil
}

// weigh turns the name counts of every story into its normalised vector
// of key names, weighed by how few stories carry each name, and lists the
// stories of each name.
func (t *FullThreads) weigh(prior float64) {
	// Story frequencies, then each name's index in shard then hash order.
	index := map[uint64]int32{}
	for _, c := range t.feats {
		for _, f := range c {
			index[f.h]++
		}
	}
	t.names = slices.SortedFunc(maps.Keys(index), func(a, b uint64) int {
		return cmp.Or(cmp.Compare(threadShard(a), threadShard(b)), cmp.Compare(a, b))
	})
	t.shardStart = make([]int32, 1<<threadShardBits+1)
	for _, h := range t.names {
		t.shardStart[threadShard(h)+1]++
	}
	for s := range 1 << threadShardBits {
		t.shardStart[s+1] += t.shardStart[s]
	}
	t.start = make([]int32, len(t.names)+1)
	for k, h := range t.names {
		t.start[k+1] = t.start[k] + index[h]
		index[h] = int32(k)
	}
	n := float64(len(t.stories)) + prior
	t.post = make([]int32, t.total)
	t.postW = make([]float32, t.total)
	next := slices.Clone(t.start[:len(t.names)])
	var at []int32 // where each name of the story is posted
	for i := range t.stories {
		v := t.vector(int32(i))
		slices.SortFunc(v, byHash)
		at = at[:0]
		for j := range v {
			k := index[v[j].h]
			sf := t.start[k+1] - t.start[k]
			w := (1 + math.Log(float64(max(v[j].w, 1)))) * math.Log(n/(float64(sf)+0.5))
			v[j].w = 0
			if w > 0 {
				v[j].w = float32(w)
			}
			t.post[next[k]] = int32(i)
			at = append(at, next[k])
			next[k]++
		}
		// A name too common to weigh stays in the vector with weight 0,
		// which changes neither its norms nor its products.
		normalize(v)
		for j, x := range at {
			t.postW[x] = v[j].w
		}
	}
}

// vector returns story i's vector of key names.
func (t *FullThreads) vector(i int32) vec {
	s := t.stories[i]
	return t.feats[s.chunk][s.off : s.off+s.n : s.off+s.n]
}

// nameStories returns the stories carrying name k.
func (t *FullThreads) nameStories(k int) []int32 { return t.post[t.start[k]:t.start[k+1]] }

// nameWeights returns the weights of name k in the stories carrying it,
// in the order of nameStories.
func (t *FullThreads) nameWeights(k int) []float32 { return t.postW[t.start[k]:t.start[k+1]] }

// nameIndex returns the index of name h in t.names.
func (t *FullThreads) nameIndex(h uint64) int {
	s := threadShard(h)
	lo := int(t.shardStart[s])
	k, _ := slices.BinarySearch(t.names[lo:t.shardStart[s+1]], h)
	return lo + k
}

// link joins into threads the stories whose vectors are similar enough,
// as Threads does: two stories are candidates when they share a name
// carried by at most cfg.Postings stories.
//
// A candidate's similarity is computed in full (dot, as Threads does) only
// when it can reach the threshold: the products of the names that made it
// a candidate are summed on the way through their stories, and the names
// too common to make candidates add at most the product of the norms of
// the two stories' parts on those names (Cauchy–Schwarz). The decisions
// are those of computing every candidate in full.
func (t *FullThreads) link(cfg Config) {
	links := make([][]int32, len(t.stories))
	common := t.commonNorms(cfg.Postings)
	parallel(len(t.stories), func() func(int) {
		// mark[j] is i+1 once story j is a candidate of story i, and
		// part[j] then the sum of their products so far.
		mark := make([]int32, len(t.stories))
		part := make([]float64, len(t.stories))
		var cands []int32
		return func(i int) {
			v := t.vector(int32(i))
			cands = cands[:0]
			for _, f := range v {
				if f.w == 0 {
					continue // too common: in no story's vector
				}
				k := t.nameIndex(f.h)
				ps := t.nameStories(k)
				if cfg.Postings > 0 && len(ps) > cfg.Postings {
					continue // a name in very many stories links nothing
				}
				ws := t.nameWeights(k)
				for x, j := range ps {
					if int(j) <= i {
						continue
					}
					if mark[j] != int32(i)+1 {
						mark[j], part[j] = int32(i)+1, 0
						cands = append(cands, j)
					}
					part[j] += float64(f.w) * float64(ws[x])
				}
			}
			// The margin covers the rounding of float32 weights and of
			// the sums' order.
			ci := common[i] * (1 + 1e-5)
			for _, j := range cands {
				if part[j]+ci*common[j]+1e-6 < cfg.ThreadThreshold {
					continue
				}
				if dot(v, t.vector(j)) >= cfg.ThreadThreshold {
					links[i] = append(links[i], j)
				}
			}
		}
	})
	t.root = make([]int32, len(t.stories))
	for i := range t.root {
		t.root[i] = int32(i)
	}
	find := func(x int32) int32 {
		r := x
		for t.root[r] != r {
			r = t.root[r]
		}
		for t.root[x] != r {
			t.root[x], x = r, t.root[x]
		}
		return r
	}
	for i := range links {
		for _, j := range links[i] {
			a, b := find(int32(i)), find(j)
			if a == b {
				continue
			}
			if a > b {
				a, b = b, a
			}
			t.root[b] = a
		}
		links[i] = nil
	}
	t.size = make([]int32, len(t.stories))
	for i := range t.root {
		r := find(int32(i))
		t.root[i] = r
		t.size[r]++
	}
}

// commonNorms returns, for each story, the norm of the part of its vector
// on the names carried by more than postings stories (0 when postings is
// not above 0): the names too common to make candidates.
func (t *FullThreads) commonNorms(postings int) []float64 {
	norms := make([]float64, len(t.stories))
	if postings <= 0 {
		return norms
	}
	for k := range t.names {
		ps := t.nameStories(k)
		if len(ps) <= postings {
			continue
		}
		for x, j := range ps {
			w := float64(t.nameWeights(k)[x])
			norms[j] += w * w
		}
	}
	for j, n := range norms {
		norms[j] = math.Sqrt(n)
	}
	return norms
}

// Len returns the number of stories.
func (t *FullThreads) Len() int { return len(t.stories) }

// Thread returns the thread of story id: the smallest story id of its
// thread, or 0 when the story shares a thread with no other story.
func (t *FullThreads) Thread(id int64) int64 {
	i, ok := slices.BinarySearchFunc(t.stories, id, func(s threadStory, id int64) int { return cmp.Compare(s.id, id) })
	if !ok {
		return 0
	}
	r := t.root[i]
	if t.size[r] < 2 {
		return 0
	}
	return t.stories[r].id
}

// Map returns the thread of every story in a thread, as Threads does.
func (t *FullThreads) Map() map[int64]int64 {
	out := map[int64]int64{}
	for i, r := range t.root {
		if t.size[r] > 1 {
			out[t.stories[i].id] = t.stories[r].id
		}
	}
	return out
}

// WriteIndex encodes the thread index shard by shard, in shard order, and
// passes each shard holding names to put (shards without names are not
// passed: a full index replaces the stored one). Each shard is encoded
// when put is called and not kept, so only one shard is in memory.
func (t *FullThreads) WriteIndex(put func(shard int64, data []byte) error) error {
	for k := 0; k < len(t.names); {
		shard := threadShard(t.names[k])
		end := k
		postings := 0
		for end < len(t.names) && threadShard(t.names[end]) == shard {
			postings += len(t.nameStories(end))
			end++
		}
		w := newShardWriter(end-k, postings)
		for ; k < end; k++ {
			ps := t.nameStories(k)
			w.name(t.names[k], len(ps))
			ws := t.nameWeights(k)
			for x, j := range ps {
				w.posting(t.stories[j].id, ws[x])
			}
		}
		if err := put(shard, w.buf); err != nil {
			return err
		}
	}
	return nil
}

package cluster

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/parallax-news/parallax/internal/codec"
)

// The outlets' windows (see outlets) are saved with the clusterer, so
// that a clusterer loaded from a store weighs an outlet's template as the
// one saved would have. They change with every batch but are large (up
// to TemplateDocs articles' words per outlet), so a save writes them
// whole only now and then, and otherwise the log of what the batches
// since did to them: the horizon each batch expired them at and the
// articles it added, which a load replays in order over the windows
// saved whole (State.Outlets).

var (
	outletsFullMagic = []byte("PXO1")
	outletsLogMagic  = []byte("PXL1")
)

// maxOutletSeq bounds the logs saved after the windows were last saved
// whole; past it, or once the logs outweigh the windows, a save writes
// them whole again.
const maxOutletSeq = 64

// logExpire starts the record of a batch's work on the outlets'
// windows: the horizon they were expired at and how many articles follow
// (see logAdd). Once the logs since the windows were last saved whole
// outweigh the windows, the log is dropped and nothing more is logged:
// the next save writes the windows whole, so the log held in memory
// stays within about a batch of their size.
func (c *Clusterer) logExpire(n int) {
	if c.oFull {
		return
	}
	if c.oLog == nil {
		c.oLog = codec.NewWriter(64)
	} else if c.oLogBytes+len(c.oLog.Bytes()) > c.outlets.encodedSize() {
		c.oLog, c.oFull = nil, true
		return
	}
	c.oLog.Int32(c.horizon)
	c.oLog.Len(n)
}

// logAdd records an article added to outlet name's window.
func (c *Clusterer) logAdd(name string, day int32, feats []uint64) {
	if c.oFull {
		return
	}
	w := c.oLog
	w.String(name)
	w.Int32(day)
	w.Uint64s(feats)
}

// encodedSize bounds the size of the windows saved whole.
func (o *outlets) encodedSize() int {
	size := 16
	for _, w := range o.byName {
		size += 24 + 12*len(w.docs) + 8*w.feats
	}
	return size
}

// saveOutlets fills in the outlets' windows to save: whole, or the log
// of what the batches since the last save did to them.
func (c *Clusterer) saveOutlets(st *State) {
	log := c.oLog
	c.oLog = nil
	if c.outlets == nil {
		return
	}
	size := c.outlets.encodedSize()
	logged := 0
	if log != nil {
		logged = len(log.Bytes())
	}
	if c.oFull || c.oSeq >= maxOutletSeq || c.oLogBytes+logged > size {
		w := codec.NewWriter(len(outletsFullMagic) + size)
		w.Raw(outletsFullMagic)
		names := make([]string, 0, len(c.outlets.byName))
		for name := range c.outlets.byName {
			names = append(names, name)
		}
		slices.Sort(names)
		w.Len(len(names))
		for _, name := range names {
			ow := c.outlets.byName[name]
			w.String(name)
			w.Int32(ow.newest)
			w.Int32(ow.oldest)
			w.Len(len(ow.docs))
			for _, d := range ow.docs {
				w.Int32(d.day)
				w.Uint64s(d.feats)
			}
		}
		st.Outlets, st.OutletsFull = w.Bytes(), true
		c.oFull, c.oSeq, c.oLogBytes = false, 0, 0
		return
	}
	if logged == 0 {
		return
	}
	c.oSeq++
	w := codec.NewWriter(len(outletsLogMagic) + 8 + logged)
	w.Raw(outletsLogMagic)
	w.Int64(c.oSeq)
	w.Raw(log.Bytes())
	st.Outlets, st.OutletsSeq = w.Bytes(), c.oSeq
	c.oLogBytes += len(st.Outlets)
}

// AddOutlets adds saved outlets' windows (State.Outlets) to a clusterer
// being loaded: the windows saved whole first, then each log saved since,
// in the order saved. It does not keep b.
func (c *Clusterer) AddOutlets(b []byte) error {
	if rest, ok := bytes.CutPrefix(b, outletsFullMagic); ok {
		o, err := readOutlets(codec.NewReader(rest))
		if err != nil {
			return fmt.Errorf("load clusterer: outlets: %w", err)
		}
		c.outlets, c.oFull, c.oSeq, c.oLogBytes = o, false, 0, 0
		return nil
	}
	rest, ok := bytes.CutPrefix(b, outletsLogMagic)
	if !ok {
		return fmt.Errorf("load clusterer: not outlets")
	}
	r := codec.NewReader(rest)
	seq := r.Int64()
	for r.Err() == nil && r.Remaining() > 0 {
		c.replayOutlets(r)
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("load clusterer: outlets log %d: %w", seq, err)
	}
	c.oSeq = max(c.oSeq, seq)
	c.oLogBytes += len(b)
	return nil
}

// replayOutlets applies one batch's record written by logOutlets.
func (c *Clusterer) replayOutlets(r *codec.Reader) {
	horizon := r.Int32()
	n := r.Len(24)
	if r.Err() != nil {
		return
	}
	if c.outlets == nil {
		c.outlets = newOutlets()
	}
	c.outlets.expire(horizon, &c.cfg)
	for range n {
		name := r.String()
		day := r.Int32()
		feats := r.Uint64s()
		if r.Err() != nil {
			return
		}
		c.outlets.addFeats(name, day, feats, &c.cfg)
	}
}

// readOutlets decodes the windows saveOutlets wrote whole (after its
// magic).
func readOutlets(r *codec.Reader) (*outlets, error) {
	o := newOutlets()
	n := r.Len(24)
	for range n {
		name := r.String()
		w := &outletWindow{counts: newDFTable(0), newest: r.Int32(), oldest: r.Int32()}
		nd := r.Len(12)
		for range nd {
			d := outletDoc{day: r.Int32(), feats: r.Uint64s()}
			if r.Err() != nil {
				break
			}
			for _, h := range d.feats {
				w.counts.add(h, 1)
				o.total.add(h, 1)
			}
			w.feats += len(d.feats)
			o.feats += len(d.feats)
			w.docs = append(w.docs, d)
		}
		if r.Err() != nil {
			break
		}
		o.byName[name] = w
	}
	if r.Err() == nil && r.Remaining() != 0 {
		return nil, fmt.Errorf("%d bytes after the windows", r.Remaining())
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	return o, nil
}

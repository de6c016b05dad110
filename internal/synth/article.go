package synth

import (
	"strconv"
	"time"
)

// headline writes a fresh headline for article k of ev.
func (g *gen) headline(dst []byte, ev *event, k int, o *outlet) []byte {
	r := newRNG(g.cfg.Seed, streamHeadline, uint64(ev.idx), uint64(k))
	c := &ctx{ev: ev, o: o, r: &r, seen: [2]bool{true, true}, orgSeen: true}
	s := len(dst)
	dst = g.expand(dst, pick(&r, ev.typ.headlines), c)
	if dst[s] >= 'a' && dst[s] <= 'z' {
		dst[s] -= 'a' - 'A'
	}
	return dst
}

// otherHeadline appends the headline of an unrelated item.
func (g *gen) otherHeadline(dst []byte, c *ctx) []byte {
	s := len(dst)
	dst = g.expand(dst, pick(c.r, otherHeadlineForms), c)
	if dst[s] >= 'a' && dst[s] <= 'z' {
		dst[s] -= 'a' - 'A'
	}
	return dst
}

// article writes article k of ev.
func (g *gen) article(ev *event, k int) Article {
	r := newRNG(g.cfg.Seed, streamArticle, uint64(ev.idx), uint64(k))
	o := &g.outlets[ev.outlets[k]]
	c := &ctx{ev: ev, o: o, r: &r}
	pub := time.Unix(ev.times[k], 0).In(o.tz)
	g.seq++
	a := Article{
		ID:        string(appendPadded([]byte("syn-"), g.seq, 7)),
		Outlet:    o.name,
		Published: pub,
		Story:     ev.story,
	}

	// Headline and body.
	g.tmp = g.tmp[:0]
	bodyEnd := 0
	if ev.copies[k] && ev.firstID != "" {
		a.CopyOf = ev.firstID
		wire := &g.outlets[ev.outlets[0]]
		g.body(ev, 0, wire)
		bodyEnd = len(g.pbuf)
		if len(g.pends) > 4 && r.chance(0.6) {
			// Trim one to three paragraphs off the end, keeping at
			// least 70% of the wire text.
			for n := r.between(1, 3); n > 0; n-- {
				if cut := g.pends[len(g.pends)-1-n]; cut*10 >= len(g.pbuf)*7 {
					bodyEnd = cut
					break
				}
			}
		}
		switch r.intn(3) {
		case 0:
			g.tmp = append(g.tmp, ev.headline0...)
		case 1:
			g.tmp = append(g.tmp, pick(&r, []string{"UPDATE 1-", "UPDATE 2-", "WRAPUP-", "Latest: "})...)
			g.tmp = append(g.tmp, ev.headline0...)
		default:
			g.tmp = g.headline(g.tmp, ev, k, o)
		}
	} else {
		g.body(ev, k, o)
		bodyEnd = len(g.pbuf)
		g.tmp = g.headline(g.tmp, ev, k, o)
		if k == 0 {
			ev.headline0 = string(g.tmp)
		}
	}
	titleLen := len(g.tmp)
	if o.titleSuffix {
		g.tmp = append(g.tmp, " | "...)
		g.tmp = append(g.tmp, o.name...)
	}
	a.Title = string(g.tmp)
	if k == 0 {
		ev.firstID = a.ID
	}

	// URL.
	g.tmp = g.tmp[:0]
	g.tmp = append(g.tmp, "https://www."...)
	g.tmp = append(g.tmp, o.domain...)
	g.tmp = append(g.tmp, '/')
	g.tmp = append(g.tmp, ev.typ.section...)
	g.tmp = append(g.tmp, '/')
	g.tmp = pub.AppendFormat(g.tmp, "2006/01/02")
	g.tmp = append(g.tmp, '/')
	g.tmp = slugify(g.tmp, a.Title[:titleLen], 60)
	g.tmp = append(g.tmp, '-')
	g.tmp = strconv.AppendUint(g.tmp, r.next()%900000+100000, 10)
	a.URL = string(g.tmp)

	// Text with or without scraping boilerplate.
	out := g.out[:0]
	bp := r.chance(g.cfg.BoilerplateRate)
	if bp {
		for _, s := range o.top {
			out = append(out, s...)
			out = append(out, '\n')
		}
		switch o.datelineRow {
		case 0:
			out = append(out, o.name...)
			out = append(out, " | "...)
			out = pub.AppendFormat(out, "January 2, 2006")
			out = append(out, " | "...)
			out = strconv.AppendInt(out, int64(2+bodyEnd/1200), 10)
			out = append(out, " min read\n"...)
		case 1:
			out = append(out, "Published: "...)
			out = pub.AppendFormat(out, "2 January 2006 15:04")
			out = append(out, '\n')
		case 2:
			out = append(out, "Updated "...)
			out = pub.Add(time.Duration(r.intn(300))*time.Minute).AppendFormat(out, "15:04 MST, Jan 2 2006")
			out = append(out, '\n')
		default:
			out = pub.AppendFormat(out, "Mon 02.01.2006 - 15:04")
			out = append(out, '\n')
		}
		for _, s := range o.shares {
			out = append(out, s...)
			out = append(out, '\n')
		}
		out = append(out, '\n')
	}
	if r.chance(0.4) {
		by := newPerson(&r)
		out = append(out, pick(&r, reporterBy)...)
		out = append(out, by.first...)
		out = append(out, ' ')
		out = append(out, by.last...)
		out = append(out, "\n\n"...)
	}
	if !bp {
		out = append(out, g.pbuf[:bodyEnd]...)
	} else {
		insertAt := -1
		if len(g.pends) > 3 {
			insertAt = g.pends[r.between(1, 2)]
		}
		if insertAt < 0 || insertAt >= bodyEnd {
			out = append(out, g.pbuf[:bodyEnd]...)
		} else {
			out = append(out, g.pbuf[:insertAt]...)
			out = append(out, "\n\n"...)
			if r.chance(0.5) {
				out = append(out, pick(&r, midLines)...)
			} else {
				out = append(out, pick(&r, readMore)...)
				out = g.otherHeadline(out, c)
			}
			out = append(out, g.pbuf[insertAt:bodyEnd]...)
		}
		out = append(out, "\n\n"...)
		if r.chance(0.7) {
			out = append(out, pick(&r, relatedHeads)...)
			for n := r.between(2, 4); n > 0; n-- {
				out = append(out, '\n')
				out = g.otherHeadline(out, c)
			}
			out = append(out, "\n\n"...)
		}
		for _, s := range o.bottom {
			out = append(out, s...)
			out = append(out, '\n')
		}
		out = append(out, "© "...)
		out = pub.AppendFormat(out, "2006")
		out = append(out, ' ')
		out = append(out, o.name...)
		out = append(out, ". All rights reserved."...)
	}
	a.Text = string(out)
	g.out = out
	return a
}

package synth

import (
	"container/heap"
	"math"
	"strconv"
	"strings"
	"time"
)

// Streams of the generator: every random decision draws from an rng keyed
// by (seed, stream, ...), so any article can be regenerated on its own.
const (
	streamWorld = iota + 1
	streamEvent
	streamArticle
	streamBody
	streamHeadline
)

// outlet is a generated news outlet with its house style.
type outlet struct {
	name, domain string
	wire         bool
	style        int    // transliteration habit, see translit
	honorific    string // "", "Mr " or "Mr. " style
	dateline     bool   // leads start with "PLACE —"
	straight     bool   // uses straight quotes instead of “ ”
	titleSuffix  bool   // scraped titles end in " | Outlet"
	tz           *time.Location
	shares       []string
	top, bottom  []string
	datelineRow  int
}

// country is a generated country with recurring regions, towns and leaders.
type country struct {
	name    string
	regions []string
	places  []string
	leaders []person
}

// personV is a person as the outlets' three spelling habits write them.
type personV struct {
	first, last [3]string
	role, roleL string
	female      bool
}

// event is one news event and the plan of its articles.
type event struct {
	idx       int
	typ       *eventType
	story     string
	people    [2]personV
	org, orgA string
	place     string
	region    string
	country   string
	topics    [2]string
	nums      [3]int
	day, date string
	base      int64 // unix seconds of the first report
	size      int
	copies    []bool
	outlets   []int
	times     []int64
	firstID   string
	headline0 string // headline of the wire article, for copies
}

type item struct {
	t  int64
	ev *event
	k  int
}

type itemHeap []item

func (h itemHeap) Len() int { return len(h) }
func (h itemHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	if a.t != b.t {
		return a.t < b.t
	}
	if a.ev.idx != b.ev.idx {
		return a.ev.idx < b.ev.idx
	}
	return a.k < b.k
}
func (h itemHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *itemHeap) Push(x any)   { *h = append(*h, x.(item)) }
func (h *itemHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}

// gen holds one generation run's state and scratch buffers.
type gen struct {
	cfg       Config
	outlets   []outlet
	nWire     int
	countries []country
	perm      []int
	start     int64
	span      int64
	sizeScale float64

	sbuf  []byte // expanded sentences
	spans [][2]int
	order []int
	pbuf  []byte // assembled body paragraphs
	pends []int  // end offsets of paragraphs in pbuf
	out   []byte // final text
	tmp   []byte
	items []mid
	idx   []int
	seq   int
	// lastSeen is when each subject of each template was last reported
	// (see recurringNames).
	lastSeen map[[2]int]int64
}

func newGen(cfg Config) *gen {
	g := &gen{cfg: cfg}
	r := newRNG(cfg.Seed, streamWorld)
	g.start = cfg.Start.Unix()
	g.span = cfg.Start.AddDate(0, cfg.SpanMonths, 0).Unix() - g.start
	// Event sizes are lo + round(s·Exp(1)) capped at hi; pick s so that
	// their mean is MeanPerEvent.
	lo, hi := float64(cfg.MinPerEvent), float64(cfg.MaxPerEvent)
	if want := cfg.MeanPerEvent - lo; want > 0 {
		s := want
		for range 50 {
			s = want / (1 - math.Exp(-(hi-lo+0.5)/s))
		}
		g.sizeScale = s
	}

	g.nWire = max(1, cfg.Outlets/12)
	seen := map[string]bool{}
	tzs := []int{0, 0, 60, 60, 120, 180, -300, -240, 330, 540, -360, 240}
	for i := 0; i < cfg.Outlets; i++ {
		var name string
		for try := 0; ; try++ {
			first := pick(&r, outletFirst)
			var second string
			if i < g.nWire {
				second = pick(&r, []string{"Wire", "Press", "Newswire", "News Agency"})
			} else {
				second = pick(&r, outletSecond)
			}
			name = first + " " + second
			if r.chance(0.25) {
				name = "The " + name
			}
			if try > 20 {
				name += " " + strconv.Itoa(i)
			}
			if !seen[name] {
				break
			}
		}
		seen[name] = true
		o := outlet{
			name:        name,
			wire:        i < g.nWire,
			style:       pick(&r, []int{0, 0, 0, 1, 2}),
			honorific:   pick(&r, []string{"", "", "Mr ", "Mr. "}),
			dateline:    i < g.nWire || r.chance(0.3),
			straight:    r.chance(0.25),
			titleSuffix: r.chance(0.3),
			tz:          time.FixedZone("", pick(&r, tzs)*60),
			datelineRow: r.intn(4),
		}
		tld := pick(&r, []string{".com", ".com", ".net", ".news", ".org"})
		o.domain = string(slugify(nil, strings.TrimPrefix(name, "The "), 40)) + tld
		o.domain = strings.ReplaceAll(o.domain, "-", "")
		for _, s := range shareLines {
			if r.chance(0.4) {
				o.shares = append(o.shares, s)
			}
		}
		for _, s := range topLines {
			if r.chance(0.25) {
				o.top = append(o.top, s)
			}
		}
		for _, s := range bottomLines {
			if r.chance(0.35) {
				o.bottom = append(o.bottom, s)
			}
		}
		g.outlets = append(g.outlets, o)
	}
	g.perm = make([]int, cfg.Outlets)
	for i := range g.perm {
		g.perm[i] = i
	}

	nc := 12 + r.intn(8)
	cseen := map[string]bool{}
	for len(g.countries) < nc {
		c := country{name: newCountry(&r)}
		if cseen[c.name] {
			continue
		}
		cseen[c.name] = true
		for j := 0; j < 6; j++ {
			c.regions = append(c.regions, newRegion(&r))
		}
		for j := 0; j < 12; j++ {
			c.places = append(c.places, newPlace(&r))
		}
		for j := 0; j < 3; j++ {
			c.leaders = append(c.leaders, newPerson(&r))
		}
		g.countries = append(g.countries, c)
	}
	return g
}

func variants(p person, role string) personV {
	v := personV{role: role, roleL: strings.ToLower(role), female: p.female}
	for s := 0; s < 3; s++ {
		v.first[s] = translit(p.first, s)
		v.last[s] = translit(p.last, s)
	}
	return v
}

// lower is the earliest first-report time of an event planned while
// remaining articles are still unplanned: events advance through the span
// in proportion to the articles already planned.
func (g *gen) lower(remaining int) int64 {
	done := int64(g.cfg.Articles - remaining)
	return g.start + g.span*done/int64(max(1, g.cfg.Articles))
}

// newEvent plans event i, given the number of articles not yet planned.
func (g *gen) newEvent(i, remaining int) *event {
	cfg := &g.cfg
	r := newRNG(cfg.Seed, streamEvent, uint64(i))
	ev := &event{idx: i}
	ev.story = string(appendPadded([]byte("ev-"), i+1, 6))
	tmpl := -1
	if cfg.TemplatedRate > 0 && r.chance(cfg.TemplatedRate) {
		tmpl = r.intn(len(templatedTypes))
		ev.typ = &templatedTypes[tmpl]
		ev.story = templatedPrefix + ev.story[len("ev-"):]
	} else {
		ev.typ = &eventTypes[r.intn(len(eventTypes))]
	}
	c := &g.countries[r.intn(len(g.countries))]
	ev.country = c.name
	ev.region = pick(&r, c.regions)
	if r.chance(0.6) {
		ev.place = pick(&r, c.places)
	} else {
		ev.place = newPlace(&r)
	}
	if ev.typ.section == "politics" && r.chance(0.5) {
		// A country's leaders recur across its events.
		j := r.intn(len(c.leaders))
		ev.people[0] = variants(c.leaders[j], leaderRoles[j%len(leaderRoles)])
	} else {
		ev.people[0] = variants(newPerson(&r), pick(&r, ev.typ.roles1))
	}
	ev.people[1] = variants(newPerson(&r), pick(&r, ev.typ.roles2))
	stem := c.name
	if r.chance(0.5) {
		stem = capitalize(syllables(&r, 2))
	}
	ev.org = strings.Replace(pick(&r, ev.typ.orgForms), "%", stem, 1)
	ev.orgA = acronym(ev.org)
	for j := range ev.topics {
		ev.topics[j] = strings.Replace(ev.typ.topicForms[j], "%", capitalize(syllables(&r, 2+r.intn(2))), 1)
	}
	for j := range ev.nums {
		ev.nums[j] = r.between(ev.typ.nums[j][0], ev.typ.nums[j][1])
	}

	ev.base = g.lower(remaining) + int64(r.intn(12*3600))
	if tmpl >= 0 {
		g.recurringNames(ev, tmpl, &r)
	}
	bt := time.Unix(ev.base, 0).UTC()
	ev.day = bt.Weekday().String()
	ev.date = bt.Month().String() + " " + strconv.Itoa(bt.Day())

	lo, hi := cfg.MinPerEvent, cfg.MaxPerEvent
	size := lo + int(r.expo()*g.sizeScale+0.5)
	size = min(size, hi)
	switch {
	case size >= remaining:
		size = remaining
	case remaining-size < lo:
		if remaining <= hi {
			size = remaining
		} else {
			size = max(lo, remaining-lo)
		}
	}
	ev.size = size

	ev.copies = make([]bool, size)
	hasCopies := false
	if size > 1 {
		p := cfg.SyndicationRate * float64(size) / float64(size-1)
		for k := 1; k < size; k++ {
			if r.chance(p) {
				ev.copies[k], hasCopies = true, true
			}
		}
	}
	ev.outlets = make([]int, size)
	n := len(g.perm)
	for k := 0; k < size; k++ {
		if k < n {
			j := k + r.intn(n-k)
			g.perm[k], g.perm[j] = g.perm[j], g.perm[k]
			ev.outlets[k] = g.perm[k]
		} else {
			ev.outlets[k] = r.intn(n)
		}
	}
	if hasCopies && !g.outlets[ev.outlets[0]].wire {
		w := r.intn(g.nWire)
		for k := range ev.outlets {
			if ev.outlets[k] == w {
				ev.outlets[k] = ev.outlets[0]
			}
		}
		ev.outlets[0] = w
	}

	ev.times = make([]int64, size)
	maxSpread := cfg.MaxSpreadDays * 86400
	meanSpread := min(18*3600, maxSpread/3)
	ev.times[0] = ev.base
	for k := 1; k < size; k++ {
		if ev.copies[k] {
			ev.times[k] = ev.base + int64(min(float64(r.between(300, 6*3600)), maxSpread))
		} else {
			ev.times[k] = ev.base + int64(min(r.expo()*meanSpread, maxSpread))
		}
		ev.times[k] -= ev.times[k] % 60
		if ev.times[k] < ev.base {
			ev.times[k] = ev.base
		}
	}
	return ev
}

func (g *gen) run(fn func(Article) error) error {
	var h itemHeap
	remaining := g.cfg.Articles
	emit := func(it item) error {
		a := g.article(it.ev, it.k)
		return fn(a)
	}
	for i := 0; remaining > 0; i++ {
		lower := g.lower(remaining)
		for len(h) > 0 && h[0].t < lower {
			if err := emit(heap.Pop(&h).(item)); err != nil {
				return err
			}
		}
		ev := g.newEvent(i, remaining)
		remaining -= ev.size
		for k := 0; k < ev.size; k++ {
			heap.Push(&h, item{t: ev.times[k], ev: ev, k: k})
		}
	}
	for len(h) > 0 {
		if err := emit(heap.Pop(&h).(item)); err != nil {
			return err
		}
	}
	return nil
}

// ctx is the state of writing one article's text.
type ctx struct {
	ev       *event
	o        *outlet
	r        *rng
	seen     [2]bool
	orgSeen  bool
	speaker  int
	aux      string
	loc      string
	wFemale  bool
	straight bool
}

// mid is one planned sentence: a form plus the quote or claim it carries.
type mid struct {
	form, aux string
	speaker   int
}

var (
	quoteForms = []string{
		"“{Q},” {S} said.",
		"“{Q},” said {S}.",
		"{S} told reporters: “{Q}.”",
		"“{Q},” {S} [told|said in an interview with] [reporters|journalists|local radio|{OUTLET}].",
		"{S} [said|added]: “{Q}.”",
		"“{Q}.” [That was how|So] {S} [put it|described the situation] on {DAY}.",
	}
	claimForms = []string{
		"{S} said that {C}.",
		"According to {S}, {C}.",
		"{S} [added|also said] that {C}.",
		"{S} [told reporters|said in a statement] that {C}.",
		"{S} [warned|acknowledged] that {C}.",
	}
	witnessForms = []string{
		"“{Q},” said {WITE}.",
		"{WIT} said: “{Q}.”",
		"“{Q},” {WIT} told {OUTLET}.",
	}
)

// body writes article k's paragraphs (as its outlet o would) into g.pbuf
// and g.pends. It depends only on (seed, event, k, o), so a syndicated copy
// can regenerate the wire article's body.
func (g *gen) body(ev *event, k int, o *outlet) {
	r := newRNG(g.cfg.Seed, streamBody, uint64(ev.idx), uint64(k))
	c := &ctx{ev: ev, o: o, r: &r}
	t := ev.typ
	g.sbuf, g.spans, g.items = g.sbuf[:0], g.spans[:0], g.items[:0]
	if t.templated {
		g.templatedBody(ev, o, c)
		return
	}

	for _, f := range t.facts {
		if r.chance(0.7) {
			g.items = append(g.items, mid{form: f})
		}
	}
	for _, q := range g.sample(&r, len(t.quotes), r.between(1, 3)) {
		g.items = append(g.items, mid{form: pick(&r, quoteForms), aux: t.quotes[q], speaker: r.intn(2)})
	}
	for _, q := range g.sample(&r, len(t.claims), r.between(1, 2)) {
		g.items = append(g.items, mid{form: pick(&r, claimForms), aux: t.claims[q], speaker: r.intn(3)})
	}
	for _, q := range g.sample(&r, len(t.witness), r.intn(3)) {
		g.items = append(g.items, mid{form: pick(&r, witnessForms), aux: t.witness[q]})
	}
	for i := len(g.items) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		g.items[i], g.items[j] = g.items[j], g.items[i]
	}
	for _, q := range g.sample(&r, len(t.background), r.between(1, 2)) {
		g.items = append(g.items, mid{form: t.background[q]})
	}

	// Lead.
	s := len(g.sbuf)
	if o.dateline {
		g.sbuf = append(g.sbuf, strings.ToUpper(translit(ev.place, o.style))...)
		g.sbuf = append(g.sbuf, " — "...)
	}
	s2 := len(g.sbuf)
	g.sbuf = g.expand(g.sbuf, pick(&r, t.leads), c)
	g.capAt(s2)
	g.spans = append(g.spans, [2]int{s, len(g.sbuf)})
	for _, it := range g.items {
		c.aux, c.speaker = it.aux, it.speaker
		g.sentence(it.form, c)
	}
	// Filler until the body reaches its target length; filler sentences
	// name no event people, so they can go anywhere after the lead.
	nFixed := len(g.spans)
	target := r.between(2000, 4400)
	for _, f := range g.sample(&r, len(fillerForms), len(fillerForms)) {
		if len(g.sbuf) >= target {
			break
		}
		g.sentence(fillerForms[f], c)
	}
	g.order = g.order[:0]
	for i := 0; i < nFixed; i++ {
		g.order = append(g.order, i)
	}
	for i := nFixed; i < len(g.spans); i++ {
		pos := 1 + r.intn(len(g.order))
		g.order = append(g.order, 0)
		copy(g.order[pos+1:], g.order[pos:])
		g.order[pos] = i
	}

	// Paragraphs of one to three sentences; the lead stands alone.
	g.pbuf, g.pends = g.pbuf[:0], g.pends[:0]
	per := 3
	if o.wire {
		per = 2
	}
	for i := 0; i < len(g.order); {
		n := 1
		if i > 0 {
			n = r.between(1, per)
		}
		if len(g.pbuf) > 0 {
			g.pbuf = append(g.pbuf, "\n\n"...)
		}
		start := len(g.pbuf)
		for j := 0; j < n && i < len(g.order); j, i = j+1, i+1 {
			if j > 0 {
				g.pbuf = append(g.pbuf, ' ')
			}
			sp := g.spans[g.order[i]]
			g.pbuf = append(g.pbuf, g.sbuf[sp[0]:sp[1]]...)
		}
		if o.straight {
			// Straighten before recording where the paragraph ends, so
			// the offsets stay on character boundaries.
			g.pbuf = append(g.pbuf[:start], straighten(g.pbuf[start:])...)
		}
		g.pends = append(g.pends, len(g.pbuf))
	}
}

// sample returns n distinct indices below size (fewer if size < n) in
// random order; the slice is reused by the next call.
func (g *gen) sample(r *rng, size, n int) []int {
	g.idx = g.idx[:0]
	for i := 0; i < size; i++ {
		g.idx = append(g.idx, i)
	}
	n = min(n, size)
	for i := 0; i < n; i++ {
		j := i + r.intn(size-i)
		g.idx[i], g.idx[j] = g.idx[j], g.idx[i]
	}
	return g.idx[:n]
}

// straighten replaces “ and ” by " in place.
func straighten(b []byte) []byte {
	w := 0
	for i := 0; i < len(b); i++ {
		if b[i] == 0xe2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0x9c || b[i+2] == 0x9d) {
			b[w] = '"'
			w++
			i += 2
			continue
		}
		b[w] = b[i]
		w++
	}
	return b[:w]
}

func (g *gen) sentence(form string, c *ctx) {
	s := len(g.sbuf)
	g.sbuf = g.expand(g.sbuf, form, c)
	g.capAt(s)
	g.spans = append(g.spans, [2]int{s, len(g.sbuf)})
}

func (g *gen) capAt(i int) {
	if i < len(g.sbuf) && g.sbuf[i] >= 'a' && g.sbuf[i] <= 'z' {
		g.sbuf[i] -= 'a' - 'A'
	}
}

// expand appends template t with its slots and alternatives resolved.
func (g *gen) expand(dst []byte, t string, c *ctx) []byte {
	for i := 0; i < len(t); {
		switch t[i] {
		case '{':
			j := strings.IndexByte(t[i:], '}')
			dst = g.slot(dst, t[i+1:i+j], c)
			i += j + 1
		case '[':
			// Find the matching ']' and the top-level '|'s.
			depth, n, end := 0, 1, i
			for j := i + 1; j < len(t); j++ {
				ch := t[j]
				if ch == '[' {
					depth++
				} else if ch == ']' {
					if depth == 0 {
						end = j
						break
					}
					depth--
				} else if ch == '|' && depth == 0 {
					n++
				}
			}
			want := c.r.intn(n)
			depth, alt, from := 0, 0, i+1
			for j := i + 1; j <= end; j++ {
				ch := t[j]
				if ch == '[' {
					depth++
				} else if ch == ']' && j < end {
					depth--
				} else if (ch == '|' && depth == 0) || j == end {
					if alt == want {
						dst = g.expand(dst, t[from:j], c)
						break
					}
					alt++
					from = j + 1
				}
			}
			i = end + 1
		default:
			j := i + 1
			for j < len(t) && t[j] != '{' && t[j] != '[' {
				j++
			}
			dst = append(dst, t[i:j]...)
			i = j
		}
	}
	return dst
}

func appendNum(dst []byte, n int) []byte {
	if n < 1000 {
		return strconv.AppendInt(dst, int64(n), 10)
	}
	dst = appendNum(dst, n/1000)
	dst = append(dst, ',')
	return appendPadded(dst, n%1000, 3)
}

func (g *gen) slot(dst []byte, name string, c *ctx) []byte {
	ev, r := c.ev, c.r
	switch name {
	case "P1":
		return g.mention(dst, 0, false, c)
	case "P2":
		return g.mention(dst, 1, false, c)
	case "P1n", "P2n":
		i := int(name[1] - '1')
		c.seen[i] = true
		p := &ev.people[i]
		dst = append(dst, p.first[c.o.style]...)
		dst = append(dst, ' ')
		return append(dst, p.last[c.o.style]...)
	case "P1s":
		return g.mention(dst, 0, true, c)
	case "P2s":
		return g.mention(dst, 1, true, c)
	case "S":
		if c.speaker < 2 {
			return g.mention(dst, c.speaker, false, c)
		}
		dst = append(dst, "a spokesperson for the "...)
		return g.slot(dst, "ORG", c)
	case "R1":
		return append(dst, ev.people[0].role...)
	case "R2":
		return append(dst, ev.people[1].role...)
	case "R1L":
		return append(dst, ev.people[0].roleL...)
	case "R2L":
		return append(dst, ev.people[1].roleL...)
	case "ORG":
		if c.orgSeen && ev.orgA != "" && r.chance(0.6) {
			return append(dst, ev.orgA...)
		}
		c.orgSeen = true
		return append(dst, ev.org...)
	case "ORGA":
		if ev.orgA != "" {
			return append(dst, ev.orgA...)
		}
		return append(dst, ev.org...)
	case "PLACE":
		return append(dst, translit(ev.place, c.o.style)...)
	case "REGION":
		return append(dst, ev.region...)
	case "COUNTRY":
		return append(dst, ev.country...)
	case "T1":
		return append(dst, ev.topics[0]...)
	case "T2":
		return append(dst, ev.topics[1]...)
	case "DAY":
		if r.chance(0.2) {
			return append(dst, ev.date...)
		}
		return append(dst, ev.day...)
	case "N1":
		return appendNum(dst, ev.nums[0])
	case "N2":
		return appendNum(dst, ev.nums[1])
	case "N3":
		return appendNum(dst, ev.nums[2])
	case "N1D":
		return strconv.AppendInt(dst, int64(2+ev.nums[0]%8), 10)
	case "N3D":
		return strconv.AppendInt(dst, int64(1+ev.nums[2]%9), 10)
	case "HE", "HIS", "HIM":
		return append(dst, pronoun(name, ev.people[0].female)...)
	case "WHE", "WHIS":
		return append(dst, pronoun(name[1:], c.wFemale)...)
	case "ADJ":
		return append(dst, pick(r, genericAdjs)...)
	case "AADJ":
		w := pick(r, genericAdjs)
		switch w[0] {
		case 'a', 'e', 'i', 'o', 'u':
			dst = append(dst, "an "...)
		default:
			dst = append(dst, "a "...)
		}
		return append(dst, w...)
	case "ADJC":
		return append(dst, capitalize(pick(r, genericAdjs))...)
	case "NOUN":
		return append(dst, pick(r, genericNouns)...)
	case "NOUNS":
		return append(dst, pick(r, genericNounsPl)...)
	case "VERB":
		return append(dst, pick(r, genericVerbs)...)
	case "LOC":
		if c.loc == "" {
			c.loc = capitalize(syllables(r, 2)) + pick(r, locEnds)
		}
		return append(dst, c.loc...)
	case "WIT", "WITE":
		p := newPerson(r)
		c.wFemale = p.female
		dst = append(dst, p.first...)
		dst = append(dst, ' ')
		dst = append(dst, p.last...)
		dst = append(dst, ", a "...)
		dst = strconv.AppendInt(dst, int64(r.between(19, 84)), 10)
		dst = append(dst, "-year-old "...)
		dst = append(dst, pick(r, jobs)...)
		if name == "WIT" {
			dst = append(dst, ',')
		}
		return dst
	case "OUTLET":
		return append(dst, c.o.name...)
	case "Q", "C":
		return g.expand(dst, c.aux, c)
	}
	panic("synth: unknown slot {" + name + "}")
}

func pronoun(name string, female bool) string {
	switch name {
	case "HE":
		if female {
			return "she"
		}
		return "he"
	case "HIS":
		if female {
			return "her"
		}
		return "his"
	default:
		if female {
			return "her"
		}
		return "him"
	}
}

// mention names person i the way outlet c.o does: in full (often with the
// role title) the first time, then by surname or honorific.
func (g *gen) mention(dst []byte, i int, short bool, c *ctx) []byte {
	p := &c.ev.people[i]
	st := c.o.style
	if !short && !c.seen[i] {
		c.seen[i] = true
		if c.r.chance(0.6) {
			dst = append(dst, p.role...)
			dst = append(dst, ' ')
		}
		dst = append(dst, p.first[st]...)
		dst = append(dst, ' ')
		return append(dst, p.last[st]...)
	}
	if !short {
		switch x := c.r.intn(10); {
		case x < 3 && c.o.honorific != "":
			if p.female {
				dst = append(dst, 'M', 's')
				dst = append(dst, c.o.honorific[2:]...)
			} else {
				dst = append(dst, c.o.honorific...)
			}
		case x < 4:
			dst = append(dst, p.role...)
			dst = append(dst, ' ')
		}
	}
	return append(dst, p.last[st]...)
}

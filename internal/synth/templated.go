package synth

import (
	"math"
	"strings"
)

// Templated news: reports written from one fixed template, so that two
// events of one type share nearly every word and differ only in their
// names, places, numbers and dates (quarterly results, match results,
// weather warnings, shootings). Their stories are labelled with
// templatedPrefix.

// templatedPrefix starts the gold story label of a templated event.
const templatedPrefix = "tp-"

// Templated reports whether a gold story label names a templated event.
func Templated(story string) bool { return strings.HasPrefix(story, templatedPrefix) }

// templatedTypes are the templates. Every outlet writes the same
// sentences in the same order; the alternatives are few and small.
var templatedTypes = []eventType{
	{
		name: "earnings", section: "business", templated: true,
		roles1:     []string{"Chief Executive"},
		roles2:     []string{"Chief Financial Officer"},
		orgForms:   []string{"% Holdings", "% Industries", "% Group"},
		topicForms: [2]string{"%", "%"},
		nums:       [3][2]int{{40, 900}, {2, 19}, {300, 9000}},
		headlines: []string{
			"{ORG} [reports|posts] quarterly profit of {N1} million",
			"{ORG} quarterly revenue [up|rises] {N2} percent",
		},
		leads: []string{
			"{ORG} on {DAY} reported a quarterly net profit of {N1} million on revenue of {N3} million, up {N2} percent from a year earlier[, the company said|].",
		},
		facts: []string{
			"{R1} {P1n} said demand had been [strong|steady] in {COUNTRY} and abroad.",
			"Shares of {ORGA} [rose|fell] {N1D} percent in early trading in {PLACE}.",
			"The company kept its forecast for the full year, {R2L} {P2n} told analysts.",
			"Analysts had expected a profit of about {N1} million.",
		},
		quotes: []string{"We are pleased with the quarter and confident about the year ahead"},
	},
	{
		name: "match", section: "sport", templated: true,
		roles1:     []string{"Striker", "Forward"},
		roles2:     []string{"Coach", "Manager"},
		orgForms:   []string{"% Stadium", "% Arena", "% Park"},
		topicForms: [2]string{"% United", "% City"},
		nums:       [3][2]int{{1, 5}, {0, 3}, {8000, 60000}},
		headlines: []string{
			"{T1} beat {T2} {N1}-{N2}",
			"{T1} [win|triumph] {N1}-{N2} against {T2}",
		},
		leads: []string{
			"{T1} beat {T2} {N1}-{N2} at the {ORG} in {PLACE} on {DAY}[, moving up the table|].",
		},
		facts: []string{
			"{R1} {P1n} scored twice for {T1}[ before half-time|].",
			"A crowd of {N3} watched the match.",
			"{T2} {R2L} {P2n} said his team had not done enough.",
			"{T1} play their next match at home [next week|on Saturday].",
		},
		quotes: []string{"We deserved the win and the players gave everything"},
	},
	{
		name: "weather", section: "weather", templated: true,
		roles1:     []string{"Forecaster", "Meteorologist"},
		roles2:     []string{"Mayor", "Regional Governor"},
		orgForms:   []string{"% Weather Service", "% Meteorological Office"},
		topicForms: [2]string{"% Valley", "% Coast"},
		nums:       [3][2]int{{31, 44}, {40, 180}, {2, 9}},
		headlines: []string{
			"[Storm|Heat] warning for {REGION} as {PLACE} braces for {N2} millimetres of rain",
			"{ORG} issues warning for {PLACE}",
		},
		leads: []string{
			"The {ORG} issued a weather warning for {REGION} on {DAY}, forecasting up to {N2} millimetres of rain [in|around] {PLACE} and temperatures of {N1} degrees.",
		},
		facts: []string{
			"Residents of {PLACE} were told to avoid travel [until the evening|overnight].",
			"{P1n}, a {R1L} at the {ORG}, said the weather would ease within {N3} days.",
			"Schools in {T1} closed early, {R2L} {P2n} said.",
			"The warning also covers {T2}.",
		},
		quotes: []string{"People should stay at home unless their journey is essential"},
	},
	{
		name: "shooting", section: "crime", templated: true,
		roles1:     []string{"Police Chief", "Police Commissioner"},
		roles2:     []string{"Mayor"},
		orgForms:   []string{"% Police Department", "% County Sheriff's Office"},
		topicForms: [2]string{"the % Mall", "% High School"},
		nums:       [3][2]int{{2, 9}, {1, 20}, {18, 64}},
		headlines: []string{
			"{N1} killed in shooting at {T1} in {PLACE}",
			"Gunman kills {N1} at {T1}, police say",
		},
		leads: []string{
			"{N1} people were killed and {N2} wounded when a gunman opened fire at {T1} in {PLACE} on {DAY}, police said.",
		},
		facts: []string{
			"{R1} {P1n} said the suspect, a {N3}-year-old man, was arrested at the scene.",
			"Witnesses described hearing several shots shortly after noon.",
			"The motive was not yet known, the {ORG} said.",
			"{R2} {P2n} called it a dark day for {PLACE}.",
		},
		quotes: []string{"Our thoughts are with the families of the victims"},
	},
}

// minRecurringPool is the least number of subjects (companies, teams,
// cities) each template reports on: they recur, as the same club plays
// every week and the same company reports every quarter. A denser corpus
// gets more of them (see recurringPool).
const minRecurringPool = 16

// recurringPool returns how many subjects each template has: enough that
// none needs to come back within recurringGap, twice over.
func (g *gen) recurringPool() int {
	days := float64(g.span) / 86400
	events := float64(g.cfg.Articles) / g.cfg.MeanPerEvent
	perDay := events * g.cfg.TemplatedRate / float64(len(templatedTypes)) / max(days, 1)
	return max(minRecurringPool, int(math.Ceil(2*perDay*recurringGap/86400)))
}

// recurringGap is the least time, in seconds, between two reports on one
// subject of a template, when the pool allows.
const recurringGap = 5 * 86400

// streamRecurring keys the rng of a template's recurring subjects.
const streamRecurring = 1000

// recurringNames gives a templated event its subject from the template's
// small pool: the subject's organisation, place, country and main person
// are always the same; a second subject (the other team) is drawn from the
// same pool.
func (g *gen) recurringNames(ev *event, tmpl int, r *rng) {
	subject := func(k int) (org, place, topic string, c *country, p person) {
		pr := newRNG(g.cfg.Seed, streamRecurring, uint64(tmpl), uint64(k))
		c = &g.countries[pr.intn(len(g.countries))]
		place = pick(&pr, c.places)
		stem := capitalize(syllables(&pr, 2))
		org = strings.Replace(pick(&pr, ev.typ.orgForms), "%", stem, 1)
		topic = strings.Replace(ev.typ.topicForms[0], "%", place, 1)
		return org, place, topic, c, newPerson(&pr)
	}
	// A subject comes back, but not within recurringGap of its last
	// report: a club plays once a week, a company reports once a quarter.
	if g.lastSeen == nil {
		g.lastSeen = map[[2]int]int64{}
	}
	pool := g.recurringPool()
	a := r.intn(pool)
	for try := 0; try < pool; try++ {
		if last, ok := g.lastSeen[[2]int{tmpl, a}]; !ok || ev.base-last >= recurringGap {
			break
		}
		a = (a + 1) % pool
	}
	g.lastSeen[[2]int{tmpl, a}] = ev.base
	org, place, topic, c, p := subject(a)
	ev.org, ev.orgA, ev.place, ev.topics[0], ev.country = org, acronym(org), place, topic, c.name
	ev.people[0] = variants(p, ev.typ.roles1[a%len(ev.typ.roles1)])
	b := (a + 1 + r.intn(pool-1)) % pool
	_, place2, _, _, p2 := subject(b)
	ev.topics[1] = strings.Replace(ev.typ.topicForms[1], "%", place2, 1)
	if ev.typ.name == "match" {
		// The other side's coach.
		ev.people[1] = variants(p2, ev.typ.roles2[b%len(ev.typ.roles2)])
	}
}

// templatedBody writes a templated event's paragraphs: the lead, every
// fact in order and at most one quote, two sentences a paragraph.
func (g *gen) templatedBody(ev *event, o *outlet, c *ctx) {
	t, r := ev.typ, c.r
	s := len(g.sbuf)
	if o.dateline {
		g.sbuf = append(g.sbuf, strings.ToUpper(translit(ev.place, o.style))...)
		g.sbuf = append(g.sbuf, " — "...)
	}
	s2 := len(g.sbuf)
	g.sbuf = g.expand(g.sbuf, pick(r, t.leads), c)
	g.capAt(s2)
	g.spans = append(g.spans, [2]int{s, len(g.sbuf)})
	for _, f := range t.facts {
		g.sentence(f, c)
	}
	if len(t.quotes) > 0 && r.chance(0.5) {
		c.aux, c.speaker = t.quotes[0], r.intn(2)
		g.sentence(pick(r, quoteForms), c)
	}
	// Paragraphs of two sentences.
	g.pbuf, g.pends = g.pbuf[:0], g.pends[:0]
	for i := 0; i < len(g.spans); i += 2 {
		if i > 0 {
			g.pbuf = append(g.pbuf, "\n\n"...)
		}
		start := len(g.pbuf)
		for j, sp := range g.spans[i:min(i+2, len(g.spans))] {
			if j > 0 {
				g.pbuf = append(g.pbuf, ' ')
			}
			g.pbuf = append(g.pbuf, g.sbuf[sp[0]:sp[1]]...)
		}
		if o.straight {
			g.pbuf = append(g.pbuf[:start], straighten(g.pbuf[start:])...)
		}
		g.pends = append(g.pends, len(g.pbuf))
	}
}

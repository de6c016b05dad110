package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/analyze/resolve"
	"github.com/parallax-news/parallax/internal/model"
	scan "github.com/parallax-news/parallax/internal/tokenize"
)

// finishQuotations attributes continued quotations and emits the rest.
func (f *finder) finishQuotations() {
	// “…” ¶ "That is Ann Roe, 82, who …": a quotation filling its
	// paragraph (or the last of one running over several), whose speaker
	// the next paragraph names.
	for i := range f.quots {
		q := &f.quots[i]
		if q.done || q.close < 0 || !f.opensParagraph(q.open) || q.unit+1 >= len(f.units) {
			continue
		}
		if q.prev < 0 && !f.wholeUnit(q) || q.prev >= 0 && f.quots[q.prev].done {
			continue
		}
		if nx := f.units[q.unit+1]; f.opensParagraph(nx.lo) && !f.quotesIn(nx) {
			if sp, ok := f.revealed(nx); ok {
				for j := i; j >= 0; j = f.quots[j].prev {
					o := &f.quots[j]
					o.done, o.attributed = true, true
					o.speaker, o.spName, o.spMention, o.cue, o.kind = sp.ment, sp.name, sp.mention, "", model.Direct
					if o.prev >= j {
						break
					}
				}
			}
		}
	}
	// A quotation opening a paragraph, running on over several paragraphs
	// or announced by a colon, belongs to whoever spoke just before it.
	for i := range f.quots {
		q := &f.quots[i]
		if q.done || q.prev >= 0 || q.unit <= 0 || !f.opensParagraph(q.open) {
			continue
		}
		if q.close >= 0 && !f.isPunct(q.open-1, ':') {
			continue
		}
		sp, ok := f.lastSpeakerOfUnit(q.unit - 1)
		cue := ""
		if !ok && f.isPunct(q.open-1, ':') {
			sp, cue, ok = f.colonSpeaker(q.unit - 1) // "X said in a statement:" ¶ "…"
			if !ok {
				sp, ok = f.fromSource(q.unit - 1)
			}
		}
		if !ok && q.close < 0 && !f.quotesIn(f.units[q.unit-1]) {
			// "His daughter, Ruth, … has mixed feelings." ¶ "When I was
			// nine …" ¶ "…": a quotation running over paragraphs after
			// a sentence that introduces a person is that person's.
			m := f.leadSubject(q.unit - 1)
			if m < 0 {
				// "That someone is Ann Roe, 61, who …" ¶ "…": the one
				// person the paragraph before names
				m = f.onePersonOfParagraph(q.unit - 1)
			}
			if m >= 0 {
				sp, ok = f.speakerIn(m, f.units[q.unit-1]), true
			}
		}
		if ok {
			q.done, q.attributed = true, true
			q.speaker, q.spName, q.spMention, q.cue, q.kind = sp.ment, sp.name, sp.mention, cue, model.Direct
		}
	}
	// "— …, — he says." ¶ "Did he think about stopping?" ¶ "— Every day.":
	// a dialogue line with no attribution, filling its paragraph, is the
	// one who last spoke a dialogue line, unless that line asked a question
	// (then it answers it, and is the one who spoke before the question).
	for i := range f.quots {
		q := &f.quots[i]
		if q.done || q.prev >= 0 || q.close >= 0 || !f.isDashMark(q.open) || !f.opensParagraph(q.open) {
			continue
		}
		if sp, ok := f.lastDashSpeaker(i); ok {
			q.done, q.attributed = true, true
			q.speaker, q.spName, q.spMention, q.cue, q.kind = sp.ment, sp.name, sp.mention, "", model.Direct
		}
	}
	// "«…», asked Ann Roe. Then, to himself: «…»": a quotation after a
	// colon that ends a few words with no verb and no name belongs to
	// whoever spoke in the sentence before, in the same paragraph.
	for i := range f.quots {
		q := &f.quots[i]
		if q.done || q.prev >= 0 || q.unit <= 0 || !f.isPunct(q.open-1, ':') || f.opensParagraph(q.open) ||
			f.opensParagraph(f.units[q.unit].lo) || f.messageBefore(q.open) || !f.bareLead(f.units[q.unit].lo, q.open-1) {
			continue
		}
		if sp, ok := f.lastSpeakerOfUnit(q.unit - 1); ok {
			q.done, q.attributed = true, true
			q.speaker, q.spName, q.spMention, q.cue, q.kind = sp.ment, sp.name, sp.mention, "", model.Direct
		}
	}
	// Continuations across paragraphs share their speaker, both ways.
	for i := range f.quots {
		q := &f.quots[i]
		if q.prev >= 0 && !q.done && f.quots[q.prev].attributed {
			p := f.quots[q.prev]
			q.done, q.attributed = true, true
			q.speaker, q.spName, q.spMention, q.cue, q.kind = p.speaker, p.spName, p.spMention, p.cue, p.kind
		}
	}
	for i := len(f.quots) - 1; i >= 0; i-- {
		q := &f.quots[i]
		if q.prev >= 0 && q.attributed && !f.quots[q.prev].done {
			p := &f.quots[q.prev]
			p.done, p.attributed = true, true
			p.speaker, p.spName, p.spMention, p.cue, p.kind = q.speaker, q.spName, q.spMention, q.cue, q.kind
		}
	}
	for i := range f.quots {
		q := &f.quots[i]
		if q.consumed || q.done {
			continue
		}
		// A whole-sentence quotation right after an attributed one
		// continues it.
		if q.unit >= 0 && f.wholeUnit(q) {
			if sp, ok := f.verdictOf(q.unit + 1); ok && q.close >= 0 {
				// "“…” That was the verdict of Professor X."
				q.done, q.attributed, q.tail = true, true, q.unit+1
				q.speaker, q.spName, q.spMention, q.cue, q.kind = sp.ment, sp.name, sp.mention, "", model.Direct
			} else if p := f.prevAttributed(i); p >= 0 {
				pq := f.quots[p]
				if sp, ok := f.dialogueTurn(i); ok {
					// “…,” he says. ¶ “…” ¶ “…” ¶ “…”: bare lines of
					// a dialogue alternate between its two people
					pq.speaker, pq.spName, pq.spMention = sp.ment, sp.name, sp.mention
				} else if a := f.exchangeTurn(i, p); a >= 0 {
					// “…?” Ms Roe asked. ¶ “No,” he replied. ¶ “…?” ¶ “Yes.”
					pq = f.quots[a]
				} else if a := f.beforeCrowd(p); a >= 0 {
					// “…!” Voss thundered as the crowd chanted “…” “…”:
					// the speaker resumes after the crowd's cry
					pq = f.quots[a]
				}
				q.done, q.attributed = true, true
				q.speaker, q.spName, q.spMention, q.cue, q.kind = pq.speaker, pq.spName, pq.spMention, "", model.Direct
			} else if sp, ok := f.dialogueTurn(i); ok {
				// "Cross-examining, X put it to the witness that …" ¶
				// “…?” ¶ “…”: a run after a paragraph quoting no one
				q.done, q.attributed = true, true
				q.speaker, q.spName, q.spMention, q.cue, q.kind = sp.ment, sp.name, sp.mention, "", model.Direct
			} else if sp, ok := f.afterQuestion(i); ok {
				// "“…,” she says." ¶ "What do you mean?" ¶ "“…”": in an
				// interview of unlabelled questions, the one answering.
				q.done, q.attributed = true, true
				q.speaker, q.spName, q.spMention, q.cue, q.kind = sp.ment, sp.name, sp.mention, "", model.Direct
			} else if sp, ok := f.afterPronounAside(i); ok {
				// "“…,” she said." ¶ "She paused, looking away." ¶ "“…”":
				// a one-sentence paragraph about the speaker, opening
				// with her pronoun, does not hand the floor to anyone.
				q.done, q.attributed = true, true
				q.speaker, q.spName, q.spMention, q.cue, q.kind = sp.ment, sp.name, sp.mention, "", model.Direct
			} else if q.unit > 0 && q.close >= 0 && !f.opensParagraph(q.open) {
				// After a sentence in the same paragraph that reports
				// what someone said: "When she came up, she said, the
				// roof was gone. “The stairs just ended in sky.”"
				if sp, ok := f.lastSpeakerOfUnit(q.unit - 1); ok {
					q.done, q.attributed = true, true
					q.speaker, q.spName, q.spMention, q.cue, q.kind = sp.ment, sp.name, sp.mention, "", model.Direct
				}
			}
		}
	}
	f.namedLater()
	f.describedThenNamed()
	f.echoes()
	f.headlineQuote()
	for i := range f.quots {
		q := &f.quots[i]
		if q.consumed {
			continue
		}
		if !q.done {
			last := q.close
			if last < 0 {
				last = len(f.toks)
			}
			if !f.wordsAtLeast(q.open, last, 4) {
				continue
			}
			q.kind = model.Direct
		}
		s, e := q.start, q.end
		if s < 0 || e > len(f.text) || s >= e {
			continue
		}
		name := f.bareName(q.speaker, q.spName)
		if name == "" && q.attributed {
			name = f.orgPhrase(q.spMention, q.open) // "the health ministry said"
		}
		if name == "" && q.attributed && companyWord(q.spMention) {
			// "ACME TOOL INC. (Toledo, Ohio) -- … the company said": the
			// company a briefs entry opens with in capitals
			name = f.capsHead(q.open)
		}
		f.out = append(f.out, model.Quote{Span: model.Span{Start: s, End: e}, Text: f.text[s:e], Kind: q.kind,
			Speaker: name, SpeakerMention: q.spMention, Cue: q.cue})
	}
	f.namedNext()
	f.roleNamedLater()
	f.presentedAfter()
}

// presentedAfter names the speaker of quotations that open an article
// before anyone is named, credited to "he" or "she" ("The man who answers
// the door … “Sit,” he says."), when one of the next two paragraphs opens
// by presenting a person ("This is Ann Roe, and …", "Meet Ann Roe"): the
// feature's way of naming its subject after describing them.
func (f *finder) presentedAfter() {
	for i := range f.out {
		o := &f.out[i]
		if o.Speaker != "" || o.Kind == model.Indirect || !(strings.EqualFold(o.SpeakerMention, "he") || strings.EqualFold(o.SpeakerMention, "she")) {
			continue
		}
		named, m := false, -1
		for j := range f.ms {
			if !f.validMent(j) || f.ms[j].Type != model.Person || f.inQuotation(f.ms[j].Start) {
				continue
			}
			if f.ms[j].Start < o.Start {
				named = true
				break
			}
			if m < 0 && f.ms[j].Start > o.End {
				m = j
			}
		}
		if named || m < 0 {
			return // someone named before: pronouns are theirs
		}
		// within the next two paragraphs, at the head of one
		gap := f.text[o.End:f.ms[m].Start]
		if strings.Count(gap, "\n") > 4 {
			return
		}
		ls := strings.LastIndexByte(f.text[:f.ms[m].Start], '\n') + 1
		if lead := f.text[ls:f.ms[m].Start]; lead != "This is " && lead != "Meet " {
			return
		}
		for k := i; k < len(f.out); k++ {
			if q := &f.out[k]; q.Start < f.ms[m].Start && q.Speaker == "" && q.Kind != model.Indirect && q.SpeakerMention == o.SpeakerMention {
				q.Speaker = f.mentName(m)
			}
		}
		return
	}
}

// bareName returns name, the name of mention m, without the trade word
// a sentence opens with before it when the recogniser took that word into
// the name ("Waitress Shannon Pickersgill, 23, … sobbed" is Shannon
// Pickersgill); titles and roles the lexicon knows are left in place.
func (f *finder) bareName(m int, name string) string {
	if !f.validMent(m) || name != f.mentName(m) || strings.Count(name, " ") < 2 {
		return name
	}
	t := f.tokAt(f.ms[m].Start)
	if t >= len(f.toks) || f.toks[t].kind != kWord {
		return name
	}
	w := f.word(t)
	if !strings.HasPrefix(name, w+" ") {
		return name
	}
	// "Senior Counsel Adrian Loke Sze Kiat": an office the recogniser
	// kept at the head of a name of three words or more
	if f.toks[t].lex.class&lxRole != 0 && f.toks[t].flags&fCap != 0 {
		return name[len(w)+1:]
	}
	// "Said Ann Roe, chairman: “…”": the inverted verb opening the
	// sentence, taken into the name before the comma or colon
	if (w == "Said" || w == "Says") && (t == 0 || f.opensParagraph(t) || f.isEndPunct(t-1)) {
		if e := f.mentEnd(t); f.isPunct(e, ',') || f.isPunct(e, ':') {
			return name[len(w)+1:]
		}
	}
	if f.toks[t].lex.class != 0 || !(t == 0 || f.opensParagraph(t) || f.isEndPunct(t-1) || f.isPunct(t-1, ':')) ||
		!tradeWord(strings.ToLower(w)) {
		return name
	}
	return name[len(w)+1:]
}

// tradeWord reports whether lower-case w is a describer noun (see
// describerNoun) or a trade by its ending ("waitress", "shopkeeper",
// "florist").
func tradeWord(w string) bool {
	if describerNoun(w) {
		return true
	}
	if len(w) < 5 || !plainWord(w) {
		return false
	}
	for _, sfx := range [...]string{"ess", "keeper", "ist"} {
		if strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}

// namedNext names the unnamed speaker of a quotation when the next
// quotation of its paragraph (or the one opening the next) is credited to
// a person the text names there for the first time: "the daughter of one resident described finding
// her mother “…”. “…,” wrote Ann Roe", "Colmere's mayor called it “…”.
// “…,” says Ann Roe, who lost her seat". An unnamed speaker the text
// introduces as such ("a spokesman", "one official") stays unnamed.
func (f *finder) namedNext() {
	var idx []int
	for i := range f.out {
		if o := &f.out[i]; o.Speaker == "" && o.Kind != model.Indirect && f.nameable(o.SpeakerMention) {
			idx = make([]int, 0, len(f.out))
			break
		}
	}
	if idx == nil {
		return
	}
	for i := range f.out {
		if f.out[i].Kind != model.Indirect {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int { return f.out[a].Start - f.out[b].Start })
	for k := 0; k+1 < len(idx); k++ {
		o, n := &f.out[idx[k]], &f.out[idx[k+1]]
		if o.Speaker != "" || !f.nameable(o.SpeakerMention) || n.Speaker == "" || n.Start < o.End {
			continue
		}
		// the same paragraph, or the next one opening with that quotation
		if nl := strings.IndexByte(f.text[o.End:n.Start], '\n'); nl >= 0 && (strings.Count(f.text[o.End:n.Start], "\n") > 1 ||
			n.Start-(o.End+nl+1) > 4) {
			continue
		}
		first := -1
		for m := range f.ms {
			if f.validMent(m) && f.mentName(m) == n.Speaker {
				first = f.ms[m].Start
				break
			}
		}
		if first < o.End {
			continue
		}
		if p := f.res.Started(first); p >= 0 && f.ms[p].Type != model.Person && f.ms[p].Type != model.Other && f.ms[p].End > o.End {
			continue // a body named between
		}
		o.Speaker = n.Speaker
	}
}

// nameable reports whether an unnamed speaker of that mention may be
// named by the next quotation's: not one the text keeps unnamed ("a
// spokesman", "one official", "a source") nor a pronoun.
func (f *finder) nameable(mention string) bool {
	first, last, n := "", "", 0
	for w := range strings.SplitSeq(mention, " ") {
		if w == "" {
			continue
		}
		if n++; n == 1 {
			first = w
		}
		last = w
		for _, x := range [...]string{"spokesman", "spokeswoman", "spokesperson", "official", "officials", "source", "sources", "insider", "aide", "aides", "staffer", "who"} {
			if strings.EqualFold(w, x) {
				return false
			}
		}
	}
	if n == 0 {
		return true
	}
	for _, x := range [...]string{"he", "she", "they", "it", "we", "i", "one", "another", "some", "several", "many", "two", "three"} {
		if strings.EqualFold(first, x) {
			return false
		}
	}
	if strings.EqualFold(first, "a") || strings.EqualFold(first, "an") {
		return lookup(strings.ToLower(last)).class&lxMedium != 0 // "a statement", not "a trader"
	}
	return true
}

// wholeUnit reports whether quotation q fills its unit.
func (f *finder) wholeUnit(q *quotation) bool {
	un := f.units[q.unit]
	if q.open != un.lo {
		return false
	}
	if q.close < 0 {
		return true
	}
	for t := q.close + 1; t < un.hi; t++ {
		if f.toks[t].kind != kPunct {
			return false
		}
	}
	return true
}

// beforeCrowd returns, when quotation p is a crowd's cry ("the crowd
// chanted “…”"), the quotation with a named speaker that the cry
// interrupted, in p's unit or the one before; -1 otherwise.
func (f *finder) beforeCrowd(p int) int {
	pq := &f.quots[p]
	if pq.spName != "" || !crowdVoice(pq.spMention, pq.cue) {
		return -1
	}
	for j := p - 1; j >= 0; j-- {
		a := &f.quots[j]
		if a.unit < pq.unit-2 {
			break
		}
		if a.attributed && a.spName != "" && (a.unit >= pq.unit-1 || a.tail >= pq.unit-1) {
			return j
		}
	}
	return -1
}

// crowdVoice reports whether a speaker mentioned as mention with the cue
// cue is a crowd: "the crowd chanted", "the audience shouted".
func crowdVoice(mention, cue string) bool {
	if strings.EqualFold(cue, "chanted") {
		return true
	}
	switch strings.ToLower(mention) {
	case "the crowd", "the audience", "the crowds", "protesters", "the protesters", "supporters", "the fans", "fans":
		return true
	}
	return false
}

// prevAttributed returns the attributed quotation in the unit just before
// quotation i's unit (same or previous paragraph), or -1; its speaker may
// be unnamed ("“…,” the source said. “Simple as that.”").
func (f *finder) prevAttributed(i int) int {
	u := f.quots[i].unit
	for j := i - 1; j >= 0; j-- {
		p := &f.quots[j]
		if p.unit < u-2 {
			break
		}
		if (p.unit == u-1 || p.tail > 0 && p.tail == u-1) && p.attributed {
			return j
		}
	}
	return -1
}

// exchangeTurn returns the quotation whose speaker takes the turn at
// quotation i, a paragraph of its own, in an exchange of questions and
// answers between two named people ("“So you didn't see his face?” Ms
// Roe asked." ¶ "“No,” he replied." ¶ "“You saw a man in the dark?”"):
// the one two paragraphs back, when p, the attributed quotation of the
// paragraph before, is by someone else and either it or i asks a
// question; or -1.
func (f *finder) exchangeTurn(i, p int) int {
	q, pq := &f.quots[i], &f.quots[p]
	if !f.opensParagraph(q.open) || !f.opensParagraph(pq.open) || pq.unit != q.unit-1 || pq.speaker < 0 {
		return -1
	}
	a := f.prevAttributed(p)
	if a < 0 {
		return -1
	}
	aq := &f.quots[a]
	if !f.opensParagraph(aq.open) || aq.speaker < 0 || aq.spName == "" || aq.spName == pq.spName {
		return -1
	}
	if !f.asks(i) && !f.asks(p) {
		return -1
	}
	return a
}

// paraOf returns the index of the paragraph holding token t.
func (f *finder) paraOf(t int) int {
	return sort.Search(len(f.paras), func(i int) bool { return f.paras[i].hi > t })
}

// dialogueLine reports whether quotation i is a bare line of dialogue: a
// closed quotation of at most maxDialogueWords words that fills its
// paragraph, with nothing but punctuation after its closing mark.
func (f *finder) dialogueLine(i int) bool {
	return f.exchangeLine(i, maxDialogueWords)
}

// maxExchangeWords bounds the words of a bare line in an exchange of
// questions and answers after a paragraph that quotes no one in full
// (see narrativeTurn): counsel's questions run longer than talk.
const maxExchangeWords = 40

// exchangeLine reports whether quotation i is a closed quotation of at
// most n words that fills its paragraph, with nothing but punctuation
// after its closing mark.
func (f *finder) exchangeLine(i, n int) bool {
	q := &f.quots[i]
	if q.close < 0 || !f.opensParagraph(q.open) {
		return false
	}
	pi := f.paraOf(q.open)
	for t := q.close + 1; t < f.paras[pi].hi; t++ {
		if f.toks[t].kind != kPunct {
			return false
		}
	}
	return !f.wordsAtLeast(q.open, q.close, n+1)
}

// maxDialogueWords bounds the words of a bare line of dialogue: longer
// paragraphs without attribution read as one speaker going on.
const maxDialogueWords = 20

// dialogueTurn returns the speaker of quotation i, a bare line of
// dialogue right after a quotation that calls someone by name ("“Where
// are your feet, Maddie?” she shouted." ¶ "“Under me, Coach.”"): the one
// called; or a bare line in a run of two or more such paragraphs that
// follows a paragraph with an attributed quotation (the anchor): the run
// alternates between the other party and the anchor's speaker (“She will
// go mad,” he says. ¶ “I will not go mad.” ¶ “You went mad on
// holiday.”). The other party is whoever said the run's first line, else
// the one the anchor's speaker calls by name, else the last different
// named speaker of the few paragraphs before the anchor, else the one
// person the paragraph before the anchor names ("Callum Roe is pulling
// on a drysuit while his coxswain reads the message aloud." ¶ "‘Yacht,
// two on board,’ says Ann Roe." ¶ "‘Weather?’"). The speaker is not ok
// outside such a run.
func (f *finder) dialogueTurn(i int) (speaker, bool) {
	if !f.dialogueLine(i) {
		return f.narrativeTurn(i)
	}
	if i > 0 {
		if pq := &f.quots[i-1]; pq.attributed && pq.spName != "" && f.paraOf(pq.open) == f.paraOf(f.quots[i].open)-1 {
			if sp, ok := f.addressee(i - 1); ok {
				return sp, true
			}
		}
	}
	first := i
	for first > 0 && f.dialogueLine(first-1) && f.paraOf(f.quots[first-1].open) == f.paraOf(f.quots[first].open)-1 {
		first--
	}
	if first == i && !(i+1 < len(f.quots) && f.dialogueLine(i+1) &&
		f.paraOf(f.quots[i+1].open) == f.paraOf(f.quots[i].open)+1) {
		return f.narrativeTurn(i)
	}
	a := first - 1
	if a < 0 {
		return speaker{}, false
	}
	aq := &f.quots[a]
	ap := f.paraOf(aq.open)
	if !aq.attributed || aq.speaker < 0 || aq.spName == "" || ap != f.paraOf(f.quots[first].open)-1 {
		return f.narrativeTurn(i)
	}
	if !f.opensSentenceIn(ap) {
		// "X put it to the witness that he had “…”." ¶ “…?”: an
		// anchor quoting only words inside a sentence of narrative
		if sp, ok := f.narrativeTurn(i); ok {
			return sp, true
		}
	}
	if (i-first)%2 == 1 {
		return quotedSpeaker(aq), true
	}
	if fq := &f.quots[first]; first < i && fq.attributed && fq.spName != "" && fq.spName != aq.spName {
		return quotedSpeaker(fq), true
	}
	if sp, ok := f.addressee(a); ok {
		return sp, true
	}
	if sp, ok := f.dialoguePartner(a); ok {
		return sp, true
	}
	for j := a - 1; j >= 0; j-- {
		o := &f.quots[j]
		if f.paraOf(o.open) < ap-maxDialogueLookback {
			break
		}
		if o.attributed && o.speaker >= 0 && o.spName != "" && o.spName != aq.spName {
			return quotedSpeaker(o), true
		}
	}
	// nobody else has spoken: the one person the paragraph before the
	// anchor names, when it quotes nothing
	if ap > 0 {
		if u := f.unitOf(int(f.toks[f.paras[ap-1].hi-1].start)); u >= 0 {
			if m := f.onePersonOfParagraph(u); m >= 0 && f.mentName(m) != aq.spName {
				return speaker{ment: m, name: f.mentName(m), mention: f.mentText(m), ok: true}, true
			}
		}
	}
	return speaker{}, false
}

// narrativeTurn returns the speaker of quotation i in a run of bare lines
// of dialogue opening at quotation first, after a paragraph that quotes
// no one in full: when the run's first line asks a question or calls
// someone by name, the first person that paragraph names asks, and the
// lines alternate between that person and the one called by name, or
// else the last other named speaker of the few paragraphs before ("Cross-
// examining, defence barrister Ann Roe put it to the witness that …" ¶
// "“That's right, isn't it?”" ¶ "“I was in shock.”").
func (f *finder) narrativeTurn(i int) (speaker, bool) {
	if !f.exchangeLine(i, maxExchangeWords) {
		return speaker{}, false
	}
	first := i
	for first > 0 && f.exchangeLine(first-1, maxExchangeWords) && f.paraOf(f.quots[first-1].open) == f.paraOf(f.quots[first].open)-1 {
		first--
	}
	if first == i && !(i+1 < len(f.quots) && f.exchangeLine(i+1, maxExchangeWords) &&
		f.paraOf(f.quots[i+1].open) == f.paraOf(f.quots[i].open)+1) {
		return speaker{}, false
	}
	fp := f.paraOf(f.quots[first].open)
	if fp == 0 || !f.asks(first) && f.vocative(&f.quots[first]) < 0 {
		return speaker{}, false
	}
	np := f.paras[fp-1]
	if f.opensSentenceIn(fp - 1) {
		return speaker{}, false
	}
	s := f.narrativeSubject(np)
	if s < 0 {
		return speaker{}, false
	}
	asker := speaker{ment: s, name: f.mentName(s), mention: f.mentText(s), ok: true}
	if v := f.vocative(&f.quots[first]); v >= 0 && f.mentName(v) == asker.name {
		return speaker{}, false // the first line calls the asker by name
	}
	if (i-first)%2 == 0 {
		return asker, true
	}
	if m := f.vocative(&f.quots[first]); m >= 0 && f.mentName(m) != asker.name {
		return speaker{ment: m, name: f.mentName(m), mention: f.mentText(m), ok: true}, true
	}
	for j := first - 1; j >= 0; j-- {
		o := &f.quots[j]
		if f.paraOf(o.open) < fp-1-maxDialogueLookback {
			break
		}
		if o.attributed && o.speaker >= 0 && o.spName != "" && o.spName != asker.name {
			return quotedSpeaker(o), true
		}
	}
	return speaker{}, false
}

// opensSentenceIn reports whether paragraph p holds a quotation opening
// a sentence.
func (f *finder) opensSentenceIn(p int) bool {
	for t := f.paras[p].lo; t < f.paras[p].hi; t++ {
		if tk := &f.toks[t]; tk.kind == kMark && tk.q >= 0 && f.quots[tk.q].open == t && f.units[f.quots[tk.q].unit].lo == t {
			return true
		}
	}
	return false
}

// narrativeSubject returns the first person (or full name the recogniser
// left untyped) the last sentence of paragraph np names, outside quotations and not as a possessive, going
// back a sentence while that one opens with "He" or "She" and names no
// one ("Mr Roe moved on. He took the witness through the footage."); -1
// when a sentence opens with a subordinate clause ("When Ann's sister,
// Mary, announces …, Ruth does not look up"), whose first name need not
// be the subject, or names no one.
func (f *finder) narrativeSubject(np unit) int {
	last := f.unitOf(int(f.toks[np.hi-1].start))
	for u := last; u >= 0 && f.units[u].lo >= np.lo; u-- {
		un := f.units[u]
		switch strings.ToLower(f.word(un.lo)) {
		case "when", "as", "after", "before", "if", "because", "although", "though", "while", "once", "since", "until", "whenever":
			return -1
		}
		if u < last && f.has(un.lo, lxPossDet) {
			// "Her deckhand, Eskil Roe, is coiling a rope. She watches
			// him.": the one named is not who the pronoun means
			return -1
		}
		for t := un.lo; t < un.hi; t++ {
			tk := &f.toks[t]
			if tk.kind == kWord && tk.q < 0 && tk.ment >= 0 && f.validMent(int(tk.ment)) && f.toks[f.mentEnd(t)-1].flags&fPoss == 0 &&
				(f.ms[tk.ment].Type == model.Person || f.ms[tk.ment].Type == model.Other && properName(f.mentName(int(tk.ment)))) {
				return int(tk.ment)
			}
		}
		if !f.isWord(un.lo, "he") && !f.isWord(un.lo, "she") {
			return -1
		}
	}
	return -1
}

// dialoguePartner returns the one who last traded lines of dialogue with
// the speaker of quotation a before it: two quotations of consecutive
// paragraphs by the two, the second a bare line ("Milo snorts. “He
// practised that one.”" ¶ "“I did not practise it.”"); or an empty
// speaker.
func (f *finder) dialoguePartner(a int) (speaker, bool) {
	name := f.quots[a].spName
	for j := a - 1; j >= 1; j-- {
		x, y := &f.quots[j-1], &f.quots[j]
		if !x.attributed || !y.attributed || x.spName == "" || y.spName == "" || x.spName == y.spName ||
			!f.dialogueLine(j) || f.paraOf(y.open) != f.paraOf(x.open)+1 {
			continue
		}
		switch name {
		case x.spName:
			return quotedSpeaker(y), true
		case y.spName:
			return quotedSpeaker(x), true
		}
	}
	return speaker{}, false
}

// quotedSpeaker returns the speaker quotation q is attributed to.
func quotedSpeaker(q *quotation) speaker {
	return speaker{ment: q.speaker, name: q.spName, mention: q.spMention, ok: true}
}

// addressee returns the person that a closed quotation of the paragraph
// holding quotation a, said by a's speaker, calls by name at its opening
// or its close ("“Mrs. Tessaro,” he says. “What did it do?”", "“Show me
// the knife, Mr Roe.”"), when the text names that person elsewhere too.
func (f *finder) addressee(a int) (speaker, bool) {
	aq := &f.quots[a]
	pi := f.paraOf(aq.open)
	for j := a; j >= 0 && f.paraOf(f.quots[j].open) == pi; j-- {
		o := &f.quots[j]
		if o.close < 0 || j != a && o.spName != aq.spName {
			continue
		}
		if m := f.vocative(o); m >= 0 && f.mentName(m) != aq.spName {
			return speaker{ment: m, name: f.mentName(m), mention: f.mentText(m), ok: true}, true
		}
	}
	return speaker{}, false
}

// vocative returns the mention of a person (or of a name the recogniser
// left untyped) that quotation q opens with before a comma ("Mrs. Roe,
// …") or closes with after one ("…, Maddie?"), or -1.
func (f *finder) vocative(q *quotation) int {
	lo, hi := q.open+1, q.close
	for hi > lo && f.toks[hi-1].kind == kPunct {
		hi--
	}
	if hi-lo < 2 {
		return -1
	}
	name := func(a, b int) int {
		m := f.toks[a].ment
		if m < 0 || !f.validMent(int(m)) || f.mentStart(a) != a || f.mentEnd(a) != b {
			return -1
		}
		if t := f.ms[m].Type; t != model.Person && !(t == model.Other && f.namedOutside(int(m))) {
			return -1
		}
		return int(m)
	}
	// "Mrs. Roe, what did it do?": the name, after a courtesy title or
	// not, then a comma
	s := lo
	for s < hi && s < lo+3 && f.toks[s].ment < 0 {
		s++
	}
	if s < hi && f.toks[s].ment >= 0 && (s == lo || f.courtesyBefore(s) == lo) {
		if e := f.mentEnd(s); e <= hi && f.isPunct(e, ',') {
			if k := name(s, e); k >= 0 {
				return k
			}
		}
	}
	// "Where are your feet, Maddie?": a comma, then the name
	if m := f.toks[hi-1].ment; m >= 0 {
		s := f.mentStart(hi - 1)
		if c := f.courtesyBefore(s); c > lo && f.isPunct(c-1, ',') {
			return name(s, hi)
		}
	}
	return -1
}

// namedOutside reports whether the name of mention m is written outside
// quotation marks somewhere in the text.
func (f *finder) namedOutside(m int) bool {
	n := f.mentName(m)
	for k := range f.ms {
		if f.validMent(k) && f.mentName(k) == n {
			if t := f.tokAt(f.ms[k].Start); t < len(f.toks) && f.toks[t].q < 0 {
				return true
			}
		}
	}
	return false
}

// maxDialogueLookback bounds how many paragraphs before a dialogue's
// anchor its other party may have last spoken.
const maxDialogueLookback = 6

// asks reports whether quotation i ends with a question mark.
func (f *finder) asks(i int) bool {
	q := &f.quots[i]
	e := q.end
	for e > q.start && (f.text[e-1] == ' ' || f.text[e-1] == ',') {
		e--
	}
	return e > q.start && f.text[e-1] == '?'
}

// afterPronounAside returns the speaker of closed quotation i filling a
// paragraph when the paragraph before is one sentence without quotations
// opening with "he" or "she" (after an opening "Asked whether …,"), and
// the sentence before that holds an
// attributed quotation by a named person of that gender.
func (f *finder) afterPronounAside(i int) (speaker, bool) {
	q := &f.quots[i]
	u := q.unit
	if u < 2 || q.close < 0 || !f.opensParagraph(q.open) {
		return speaker{}, false
	}
	aside := f.units[u-1]
	if !f.opensParagraph(aside.lo) || f.quotesIn(aside) {
		return speaker{}, false
	}
	// "Asked whether she has any regrets, she pauses for a long time."
	k := aside.lo
	switch strings.ToLower(f.word(k)) {
	case "asked", "pressed", "questioned", "challenged":
		for j := k + 1; j < aside.hi && j < k+25; j++ {
			if f.toks[j].q >= 0 {
				break
			}
			if f.isPunct(j, ',') {
				k = j + 1
				break
			}
		}
	}
	g := genderUnknown
	switch strings.ToLower(f.word(k)) {
	case "he":
		g = genderMale
	case "she":
		g = genderFemale
	default:
		return speaker{}, false
	}
	for j := i - 1; j >= 0 && f.quots[j].unit >= u-2; j-- {
		p := &f.quots[j]
		if p.unit != u-2 || !p.attributed {
			continue
		}
		if p.speaker < 0 || p.spName == "" || !f.genderFits(p.speaker, g) {
			return speaker{}, false
		}
		return speaker{ment: p.speaker, name: p.spName, mention: p.spMention, ok: true}, true
	}
	return speaker{}, false
}

// afterQuestion returns the speaker of closed quotation i filling a
// paragraph when the paragraph before, of at most three sentences and no
// quotations, ends with a question, and the sentence before that holds an
// attributed quotation by a named speaker: the interviewee answers the
// interviewer's question.
func (f *finder) afterQuestion(i int) (speaker, bool) {
	q := &f.quots[i]
	u := q.unit
	if u < 2 || q.close < 0 || !f.opensParagraph(q.open) {
		return speaker{}, false
	}
	ask := f.units[u-1]
	if ask.hi != q.open || !f.isPunct(ask.hi-1, '?') {
		return speaker{}, false
	}
	// the question's paragraph: at most three sentences, none quoting
	a := u - 1
	for ; a > u-4 && a > 0 && !f.opensParagraph(f.units[a].lo); a-- {
	}
	if a < 1 || !f.opensParagraph(f.units[a].lo) {
		return speaker{}, false
	}
	for v := a; v < u; v++ {
		if f.quotesIn(f.units[v]) {
			return speaker{}, false
		}
	}
	for j := i - 1; j >= 0 && f.quots[j].unit >= a-1; j-- {
		p := &f.quots[j]
		if p.unit != a-1 || !p.attributed {
			continue
		}
		if p.speaker < 0 || p.spName == "" {
			return speaker{}, false
		}
		return speaker{ment: p.speaker, name: p.spName, mention: p.spMention, ok: true}, true
	}
	return speaker{}, false
}

// onePersonOfParagraph returns the first mention of the one person that
// the paragraph holding unit u names outside quotations, or -1 when it
// names none, several or holds a quotation.
func (f *finder) onePersonOfParagraph(u int) int {
	lo := u
	for lo > 0 && !f.opensParagraph(f.units[lo].lo) {
		lo--
	}
	m := -1
	for t := f.units[lo].lo; t < f.units[u].hi; t++ {
		tk := &f.toks[t]
		if tk.kind == kMark {
			return -1
		}
		if tk.kind != kWord || tk.ment < 0 || t > 0 && f.toks[t-1].ment == tk.ment {
			continue
		}
		k := int(tk.ment)
		if !f.validMent(k) || f.ms[k].Type != model.Person && !(f.ms[k].Type == model.Other && properName(f.mentName(k))) {
			continue
		}
		if m >= 0 && f.mentName(m) != f.mentName(k) {
			return -1
		}
		if m < 0 {
			m = k
		}
	}
	return m
}

// opensParagraph reports whether token t is the first of its paragraph.
func (f *finder) opensParagraph(t int) bool {
	i := sort.Search(len(f.paras), func(i int) bool { return f.paras[i].hi > t })
	return i < len(f.paras) && f.paras[i].lo == t
}

// lastSpeakerOfUnit returns the named speaker of the last attribution made
// in unit u: an attributed quotation or a reported clause.
func (f *finder) lastSpeakerOfUnit(u int) (speaker, bool) {
	un := f.units[u]
	s, e := int(f.toks[un.lo].start), int(f.toks[un.hi-1].end)
	best, at := speaker{}, -1
	for _, o := range f.out {
		if o.Start >= s && o.End <= e && o.Speaker != "" && o.Start > at {
			best, at = speaker{ment: -1, name: o.Speaker, mention: o.SpeakerMention, ok: true}, o.Start
		}
	}
	for _, q := range f.quots {
		if q.unit == u && q.attributed && q.spName != "" && q.start > at {
			best, at = speaker{ment: q.speaker, name: q.spName, mention: q.spMention, ok: true}, q.start
		}
	}
	return best, at >= 0
}

// messageBefore reports whether the quotation opening at token o is the
// wording of a written message: "the subject line “…”", "a post that read
// “…”", "a letter headlined “…”".
func (f *finder) messageBefore(o int) bool {
	p := o - 1
	if f.isPunct(p, ':') || f.isPunct(p, ',') {
		p--
	}
	if p < 0 || f.toks[p].kind != kWord || f.toks[p].q >= 0 {
		return false
	}
	switch strings.ToLower(f.word(p)) {
	case "read", "reads", "reading", "headlined", "captioned":
		return true
	case "line":
		return f.isWord(p-1, "subject")
	}
	return false
}

// colonSpeaker returns the named subject of the cue of unit u, a sentence
// ending in a colon that announces the quotation after it.
func (f *finder) colonSpeaker(u int) (speaker, string, bool) {
	un := f.units[u]
	f.cur = un
	for c := un.lo; c < un.hi; c++ {
		if !f.isCue(c) || f.toks[c].lex.cue.flags&(cuePart|cueNaming) != 0 {
			continue
		}
		if sp := f.subjectBefore(c, un.lo); sp.ok && sp.name != "" {
			return sp, f.cueText(c), true
		}
		break
	}
	return speaker{}, "", false
}

// fromSource returns the person a sentence ending in a colon names as the
// source of the quotation after it with "from": "From our reporter Ann
// Roe, on the scene in Y:", "This one is from Gareth, who lives on Cedar
// Loop:", "From Ann Roe in Y again:", or a full name the recogniser
// missed ("From Ann Roe, at the shelter:").
func (f *finder) fromSource(u int) (speaker, bool) {
	un := f.units[u]
	for t := un.lo; t < un.hi; t++ {
		if f.toks[t].q >= 0 {
			return speaker{}, false
		}
		if !f.isWord(t, "from") {
			continue
		}
		k := t + 1
		for k < un.hi && k < t+4 && f.toks[k].ment < 0 && f.toks[k].kind == kWord && f.toks[k].flags&fLower != 0 &&
			(f.has(k, lxDet|lxPossDet|lxRole) || f.personNoun(k)) {
			k++ // "our reporter", "a reader"
		}
		if k >= un.hi || f.toks[k].kind != kWord {
			continue
		}
		if f.toks[k].ment < 0 {
			e := k
			for e < un.hi && e < k+3 && f.toks[e].kind == kWord && f.toks[e].ment < 0 && f.toks[e].flags&fCap != 0 &&
				f.toks[e].lex.class == 0 && strings.ToUpper(f.word(e)) != f.word(e) {
				e++
			}
			if e-k >= 2 && f.isPunct(e, ',') {
				return speaker{ment: -1, name: f.spanText(k, e), mention: f.spanText(k, e), lo: k, hi: e, ok: true}, true
			}
			continue
		}
		if f.mentStart(k) != k {
			continue
		}
		m := int(f.toks[k].ment)
		e := f.mentEnd(k)
		// (or "From Ann Roe in Y again:", the place right after the name)
		if !f.validMent(m) || e >= un.hi || !f.isPunct(e, ',') && !f.isPunct(e, ':') &&
			!((f.isWord(e, "in") || f.isWord(e, "at")) && f.placedAfter(e, un.hi)) {
			continue
		}
		// a full name read as a place after "from" is a person when the
		// sentence puts them at another place ("From Ann Roe, on the
		// scene at the Foxridge shelter:")
		if f.ms[m].Type != model.Person && f.ms[m].Type != model.Other &&
			!(f.ms[m].Type == model.Place && properName(f.mentName(m)) && f.placedAfter(e, un.hi)) {
			continue
		}
		return f.speakerIn(m, un), true
	}
	return speaker{}, false
}

// bareLead reports whether tokens lo..hi-1 are at most six words, each
// an adverb, a time word, a preposition, a conjunction or a reflexive
// pronoun ("Then, to himself", "And later, quietly"), or "a" and a noun of
// the speaker's manner ("Then, after a pause"): no name, no other noun,
// no reporting verb and no quotation.
func (f *finder) bareLead(lo, hi int) bool {
	n := 0
	for k := lo; k < hi; k++ {
		tk := &f.toks[k]
		if tk.kind == kMark || tk.q >= 0 || tk.ment >= 0 || f.has(k, lxCue|lxPronoun) {
			return false
		}
		if tk.kind != kWord {
			continue
		}
		n++
		w := strings.ToLower(f.word(k))
		switch w {
		case "and", "but", "himself", "herself", "themselves", "myself",
			// "Then, after a pause", "Then, with a shrug": a beat of
			// the speaker's manner
			"a", "pause", "beat", "moment", "silence", "shrug", "smile", "sigh", "laugh", "grin", "wink":
			continue
		}
		if !f.has(k, lxAdv|lxTime|lxPrep) && !(strings.HasSuffix(w, "ly") && len(w) > 4) {
			return false
		}
	}
	return n > 0 && n <= 6
}

// placedAfter reports whether tokens lo..hi-1 hold "in" or "at" before a
// capitalised name, directly or after "the".
func (f *finder) placedAfter(lo, hi int) bool {
	for k := lo; k+1 < hi; k++ {
		if !f.isWord(k, "in") && !f.isWord(k, "at") {
			continue
		}
		n := k + 1
		if f.isWord(n, "the") {
			n++
		}
		if n < hi && f.toks[n].kind == kWord && f.toks[n].flags&fCap != 0 {
			return true
		}
	}
	return false
}

// echoes gives a quotation of the first paragraphs (a headline, a
// standfirst, a lede) whose speaker is unknown the speaker of the
// quotations that repeat its words, when they all have the same one
// ("‘We were robbed’ - Harrow boss fumes" … “We were robbed, simple as
// that,” Petrie said). At most maxEchoes quotations are looked up, so that
// the work stays linear in the text.
func (f *finder) echoes() {
	if len(f.paras) == 0 {
		return
	}
	lead := f.paras[min(len(f.paras), 3)-1].hi // tokens of the first three paragraphs
	looked := 0
	for i := range f.quots {
		q := &f.quots[i]
		if q.open >= lead || looked >= maxEchoes {
			break
		}
		// A headline may quote two words ("‘We're done’: …").
		least, chars := 3, 8
		if q.open < f.paras[0].hi {
			least, chars = 2, 6
		}
		if q.consumed || q.nick || q.spName != "" || q.close < 0 || !f.wordsAtLeast(q.open, q.close, least) {
			continue
		}
		looked++
		words := strings.TrimRight(f.text[q.start:q.end], ".,;:!? ")
		if len(words) < chars {
			continue
		}
		var sp *quotation
		for j := range f.quots {
			o := &f.quots[j]
			if j == i || !o.attributed || o.spName == "" || o.nick || !resolve.ContainsFold(f.text[o.start:o.end], words) {
				continue
			}
			if sp != nil && sp.spName != o.spName {
				sp = nil
				break
			}
			sp = o
		}
		if sp == nil {
			continue
		}
		if !q.done {
			q.kind = model.Direct
		}
		q.done, q.attributed = true, true
		q.speaker, q.spName, q.spMention = sp.speaker, sp.spName, sp.spMention
	}
}

// headlineQuote gives a quotation that opens the headline before a colon
// ("‘He broke my heart’: feud erupts at village show") and whose
// speaker is still unknown the first person the story quotes in its next
// paragraphs: a headline quotes its main voice.
func (f *finder) headlineQuote() {
	if len(f.quots) < 2 || len(f.paras) < 2 {
		return
	}
	q := &f.quots[0]
	if q.open != f.paras[0].lo || q.close < 0 || q.close+1 >= f.paras[0].hi || !f.isPunct(q.close+1, ':') ||
		q.consumed || q.nick || q.spName != "" || !f.wordsAtLeast(q.open, q.close, 2) {
		return
	}
	lead := f.paras[min(len(f.paras), 6)-1].hi
	for j := 1; j < len(f.quots) && f.quots[j].open < lead; j++ {
		o := &f.quots[j]
		if o.open < f.paras[0].hi || !o.attributed || o.spName == "" || o.nick {
			continue
		}
		if o.speaker < 0 || o.speaker >= len(f.ms) || f.ms[o.speaker].Type != model.Person && f.ms[o.speaker].Type != model.Other {
			return // a body or an unnamed voice first: no guess
		}
		if !q.done {
			q.kind = model.Direct
		}
		q.done, q.attributed = true, true
		q.speaker, q.spName, q.spMention = o.speaker, o.spName, o.spMention
		return
	}
}

// maxEchoes bounds the quotations echoes looks up in one text.
const maxEchoes = 16

// namedLater names the unnamed speaker of quotations introduced with an
// indefinite role ("“…,” a trader at a large bank said", "A federal judge
// blocked the law, saying it would “…”") when a later sentence names the
// holder of that role: in an appositive later in the same paragraph ("The
// trader, Jane Roe of …, said …"), or as the subject of the next sentence
// with that role ("U.S. District Judge Ann Roe wrote …").
func (f *finder) namedLater() {
	for i := range f.quots {
		q := &f.quots[i]
		if !q.attributed || q.spName != "" || q.close < 0 {
			continue
		}
		if m := f.laterName(q.spMention, q.close); m >= 0 {
			for j := i; j < len(f.quots); j++ {
				if o := &f.quots[j]; o.attributed && o.spName == "" && o.spMention == q.spMention && o.unit <= q.unit+1 {
					o.speaker, o.spName = m, f.mentName(m)
				}
			}
		}
	}
	for i := range f.out {
		o := &f.out[i]
		if o.Speaker != "" || o.Kind == model.Indirect {
			continue
		}
		t := f.tokAt(o.End) - 1
		if m := f.laterName(o.SpeakerMention, t); t >= 0 && m >= 0 {
			o.Speaker = f.mentName(m)
		}
	}
}

// roleNamedLater names the speaker of quotations whose speaker is a role
// word standing alone ("Coroner warns of ‘complacency’", "A CORONER has
// warned of “…”" … "Senior Coroner Ann Roe said"), in a headline or a
// lede: the one person the article names later with that role.
func (f *finder) roleNamedLater() {
	type holder struct{ m, from int }
	holders := map[string]holder{} // by role word, read once an article
	for i := range f.out {
		o := &f.out[i]
		if o.Kind == model.Indirect || o.Speaker == "" || strings.ContainsAny(o.Speaker, " -") {
			continue
		}
		h, ok := holders[o.Speaker]
		if !ok {
			h.m, h.from = f.soleRoleHolder(o.Speaker)
			holders[o.Speaker] = h
		}
		if h.m >= 0 && h.from >= o.End {
			o.Speaker = f.mentName(h.m) // first named after the quotation
		}
	}
}

// soleRoleHolder returns the first mention of the one person whose role,
// as the text writes it before or after their name, ends with the word w
// ("Senior Coroner" for "Coroner"), when no mention is named w itself,
// and the byte where the text first names that person; or -1, 0.
func (f *finder) soleRoleHolder(w string) (int, int) {
	first, name := -1, ""
	for i := range f.ms {
		m := &f.ms[i]
		if !f.validMent(i) {
			continue
		}
		if f.mentName(i) == w || strings.EqualFold(m.Text, w) && m.Type != model.Other {
			return -1, 0
		}
		if m.Type != model.Person || m.Role == "" {
			continue
		}
		r := m.Role
		if k := strings.LastIndexByte(r, ' '); k >= 0 {
			r = r[k+1:]
		}
		if !strings.EqualFold(r, w) {
			continue
		}
		if name != "" && f.mentName(i) != name {
			return -1, 0 // two holders
		}
		if first < 0 {
			first, name = i, f.mentName(i)
		}
	}
	if first < 0 {
		return -1, 0
	}
	for i := range first {
		if f.validMent(i) && f.mentName(i) == name {
			return first, f.ms[i].Start
		}
	}
	return first, f.ms[first].Start
}

// laterName returns the person mention that names, after token after, the
// unnamed speaker described by the indefinite phrase mention ("a trader at
// a large bank", "A federal judge"), or -1.
func (f *finder) laterName(mention string, after int) int {
	if after >= len(f.toks) {
		return -1
	}
	// The head noun: after the first indefinite determiner, the last
	// word before a preposition or a relative (at most seven words).
	head, seen, n := "", false, 0
	for w := range strings.SplitSeq(mention, " ") {
		if w == "" {
			continue
		}
		if !seen {
			seen = strings.EqualFold(w, "a") || strings.EqualFold(w, "an") || strings.EqualFold(w, "one")
			continue
		}
		if n++; n > 7 {
			return -1
		}
		if lookup(w).class&(lxPrep|lxRel) != 0 {
			break
		}
		head = w
	}
	if head == "" {
		return -1
	}
	head = strings.ToLower(head)
	p := sort.Search(len(f.paras), func(k int) bool { return f.paras[k].hi > after })
	if p < len(f.paras) {
		end := f.paras[p].hi
		if p+1 < len(f.paras) {
			end = f.paras[p+1].lo + 4 // "That resident, X, …" opening the next paragraph
		}
		for t := after + 1; t+3 < end && t+3 < len(f.toks); t++ {
			if !(f.isWord(t, "the") || f.isWord(t, "that")) || !f.isWord(t+1, head) || !f.isPunct(t+2, ',') {
				continue
			}
			m := int(f.toks[t+3].ment)
			if f.validMent(m) && (f.ms[m].Type == model.Person || f.ms[m].Type == model.Other) && f.mentStart(t+3) == t+3 {
				return m
			}
			break
		}
	}
	if lookup(head).class&lxRole == 0 {
		return -1
	}
	u := sort.Search(len(f.units), func(k int) bool { return f.units[k].hi > after })
	if u+1 >= len(f.units) {
		return -1
	}
	nx := f.units[u+1]
	stem := resolve.RoleStem(head)
	for t := nx.lo; t < nx.hi && t < nx.lo+8; t++ {
		if f.toks[t].q >= 0 || f.isCue(t) {
			break
		}
		m := int(f.toks[t].ment)
		if f.validMent(m) && f.ms[m].Type == model.Person && resolve.HasRole(f.ms[m].Role, stem) {
			return m
		}
	}
	return -1
}

// verdictOf reads unit u as naming the speaker of the quotation before it
// in the same paragraph: "That was the verdict of Professor X", "Such is
// the view of the Y Association".
func (f *finder) verdictOf(u int) (speaker, bool) {
	if u <= 0 || u >= len(f.units) || f.opensParagraph(f.units[u].lo) {
		return speaker{}, false
	}
	un := f.units[u]
	t := un.lo
	if !(f.isWord(t, "that") || f.isWord(t, "this") || f.isWord(t, "such")) ||
		!(f.isWord(t+1, "was") || f.isWord(t+1, "is")) || !f.isWord(t+2, "the") {
		return speaker{}, false
	}
	k := t + 3
	if k < un.hi && f.toks[k].kind == kWord && f.toks[k].flags&fLower != 0 && !f.isWord(k, "of") && f.isWord(k+2, "of") {
		k++ // "the blunt verdict of"
	}
	switch strings.ToLower(f.word(k)) {
	case "verdict", "view", "assessment", "message", "reaction", "response", "warning", "conclusion", "advice",
		"opinion", "judgement", "judgment", "prediction", "complaint", "plea", "argument", "answer", "diagnosis", "word":
	default:
		return speaker{}, false
	}
	if !f.isWord(k+1, "of") {
		return speaker{}, false
	}
	for n := k + 2; n < un.hi && n < k+8; n++ {
		if f.toks[n].kind != kWord || f.toks[n].q >= 0 {
			break
		}
		if m := int(f.toks[n].ment); m >= 0 && f.validMent(m) && f.ms[m].Type != model.Place {
			return f.fromMention(m, n, f.mentEnd(n)), true
		}
	}
	return speaker{}, false
}

// revealed reads unit un as naming who spoke the quotation before it: "That
// is Ann Roe, 82, who …", "The man at the wheel is Tom Fry, who …": a short
// phrase without a verb, "is" or "was", and a person's name ending the
// sentence or followed by a comma.
func (f *finder) revealed(un unit) (speaker, bool) {
	t := un.lo
	switch {
	case (f.isWord(t, "that") || f.isWord(t, "this")) && (f.isWord(t+1, "is") || f.isWord(t+1, "was")):
		t++
	case f.isWord(t, "the"):
		for t++; t < un.hi && t < un.lo+7; t++ {
			tk := &f.toks[t]
			if tk.kind != kWord || tk.ment >= 0 || tk.flags&fLower == 0 || tk.lex.class&(lxCue|lxPronoun|lxAux|lxRel) != 0 {
				break
			}
		}
		if t >= un.lo+7 {
			return speaker{}, false
		}
	default:
		return speaker{}, false
	}
	if !(f.isWord(t, "is") || f.isWord(t, "was")) {
		return speaker{}, false
	}
	n := t + 1
	if n >= un.hi || f.toks[n].kind != kWord || f.toks[n].ment < 0 || f.mentStart(n) != n {
		return speaker{}, false
	}
	m := int(f.toks[n].ment)
	e := f.mentEnd(n)
	if !f.validMent(m) || f.ms[m].Type != model.Person && f.ms[m].Type != model.Other || f.toks[e-1].flags&fPoss != 0 {
		return speaker{}, false
	}
	if e < un.hi && !f.isPunct(e, ',') && !f.isEndPunct(e) {
		return speaker{}, false
	}
	return f.fromMention(m, n, e), true
}

// companyWord reports whether mention is "the company" or a company's
// unnamed spokesman ("a company spokesman", "a company spokeswoman").
func companyWord(mention string) bool {
	w := strings.Fields(strings.ToLower(mention))
	if len(w) == 0 || w[0] != "the" && w[0] != "a" {
		return false
	}
	switch {
	case len(w) == 2:
		return w[1] == "company"
	case len(w) == 3:
		return w[1] == "company" && isSpokes(w[2])
	}
	return false
}

// capsHead returns the name of the body that the paragraph holding token
// t opens with in capitals before a place in brackets, as a briefs column
// heads its entries ("ACME TOOL INC. (Toledo, Ohio) --"), with only the
// first letter of each word kept in capitals ("Acme Tool Inc."), or "".
func (f *finder) capsHead(t int) string {
	i := sort.Search(len(f.paras), func(i int) bool { return f.paras[i].hi > t })
	if i >= len(f.paras) {
		return ""
	}
	p := f.paras[i]
	k, words := p.lo, 0
	for ; k < p.hi && k < t; k++ {
		if f.toks[k].kind == kWord && scan.AllCaps(f.word(k)) {
			words++
		} else if words == 0 || !f.isPunct(k, '.') && !f.isPunct(k, '&') {
			break
		}
	}
	if words < 2 || !f.isPunct(k, '(') {
		return ""
	}
	head := []rune(f.text[f.toks[p.lo].start:f.toks[k-1].end])
	for j := range head {
		if j > 0 && unicode.IsLetter(head[j-1]) {
			head[j] = unicode.ToLower(head[j])
		}
	}
	return string(head)
}

// lastDashSpeaker returns the named speaker of the dialogue line written
// with dashes nearest before quotation i, within twelve sentences; a
// line asking a question just before i is passed over for the one before
// it by someone else.
func (f *finder) lastDashSpeaker(i int) (speaker, bool) {
	u := f.quots[i].unit
	asker, seen := "", false
	for j := i - 1; j >= 0 && f.quots[j].unit >= u-12; j-- {
		p := &f.quots[j]
		if !f.isDashMark(p.open) || !p.attributed || p.speaker < 0 || p.spName == "" || p.spName == asker {
			continue
		}
		if !seen && p.unit >= u-1 && p.end > 0 && f.text[p.end-1] == '?' {
			asker, seen = p.spName, true
			continue
		}
		seen = true
		return speaker{ment: p.speaker, name: p.spName, mention: p.spMention, ok: true}, true
	}
	return speaker{}, false
}

package quote

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// qaLabel returns the token after the label that opens paragraph p of an
// interview transcript, and whether the label asks ("Q:", "Q.",
// "Question:") or answers ("A:", "A.", "Answer:"); 0 when p opens with
// neither.
func (f *finder) qaLabel(p unit) (body int, label byte) {
	t := p.lo
	if p.hi-t < 3 || f.toks[t].kind != kWord || !(f.isPunct(t+1, ':') || f.isPunct(t+1, '.')) {
		return 0, 0
	}
	switch f.word(t) {
	case "Q", "Question", "QUESTION":
		return t + 2, 'Q'
	case "A", "Answer", "ANSWER":
		return t + 2, 'A'
	}
	return 0, 0
}

// qaNamedLabel returns the token after a question or answer label that
// names its speaker in brackets, "Q (Amina Rostami, Keshvan Daily):" or
// "A (Sotoudeh):", opening paragraph p, whether it asks or answers, and
// the person the brackets name first (or a name of two words or more the
// recogniser left untyped); ment is -1 when p opens otherwise.
func (f *finder) qaNamedLabel(p unit) (body int, label byte, ment int) {
	t := p.lo
	if p.hi-t < 5 || f.toks[t].kind != kWord || !f.isPunct(t+1, '(') {
		return 0, 0, -1
	}
	switch f.word(t) {
	case "Q", "Question", "QUESTION":
		label = 'Q'
	case "A", "Answer", "ANSWER":
		label = 'A'
	default:
		return 0, 0, -1
	}
	ment = -1
	for c := t + 2; c < p.hi && c < t+14; c++ {
		if f.isPunct(c, ')') {
			if ment < 0 || !f.isPunct(c+1, ':') || !f.wordsAtLeast(c+2, p.hi, 1) {
				return 0, 0, -1
			}
			return c + 2, label, ment
		}
		// a person, or a name of two words the recogniser left untyped
		if m := f.toks[c].ment; ment < 0 && m >= 0 && f.validMent(int(m)) &&
			(f.ms[m].Type == model.Person || f.ms[m].Type == model.Other && strings.Contains(f.mentName(int(m)), " ")) {
			ment = int(m)
		}
	}
	return 0, 0, -1
}

// interviewAnswers reports the answers of a question-and-answer interview
// as the interviewee's direct quotations: a paragraph opening with "A:"
// (or "A.", "Answer:") right after one opening with "Q:" is quoted in
// full. The interviewee is the person named most often before the first
// question (the earliest of those on a tie); what was found inside an
// answer before (a reported clause, a quotation inside it) gives way. With
// no such labels, paragraphs opening with a person's name and a colon,
// twice or more by one person, are that person's answers.
func (f *finder) interviewAnswers() {
	type answer struct {
		lo, hi int
		ment   int // the person of a name label, or -1
	}
	var answers []answer
	firstQ := -1
	prevQ := false
	// a court examination: the paragraph before a run of questions and
	// answers names who asks and may name who answers ("Under questioning
	// by X, Y said", "Cross-examined by X, the witness agreed")
	examiner, witness, examAt, examined := -1, -1, -1, false
	for i, p := range f.paras {
		if q, w := f.examination(p); q >= 0 {
			examiner, examAt = q, i
			if w >= 0 {
				witness = w
			}
		}
		if body, label, m := f.qaNamedLabel(p); m >= 0 {
			// "Q (Amina Rostami, Keshvan Daily): …", "A (Sotoudeh): …":
			// a transcript that names who asks and who answers
			if firstQ < 0 {
				firstQ = int(f.toks[p.lo].start)
			}
			answers = append(answers, answer{body, p.hi, m})
			prevQ = label == 'Q'
			continue
		}
		body, label := f.qaLabel(p)
		switch {
		case label == 'Q':
			if firstQ < 0 {
				firstQ = int(f.toks[p.lo].start)
			}
			if examAt >= 0 && i-examAt <= examReach && f.wordsAtLeast(body, p.hi, 1) {
				answers = append(answers, answer{body, p.hi, examiner})
				examAt, examined = i, true
			}
			prevQ = true
			continue
		case label == 'A' && prevQ && f.wordsAtLeast(body, p.hi, 1):
			m := -1
			if examAt >= 0 && i-examAt <= examReach {
				m, examAt = witness, i
			}
			answers = append(answers, answer{body, p.hi, m})
		}
		prevQ = false
	}
	if len(answers) == 0 {
		// a transcript whose answers open with the speaker's name
		// ("Solberg-Haas: Because …"), at least two by one person, so
		// that a lone "Name:" opening a paragraph is no transcript
		count := map[string]int{}
		prev := -1 // the answer of the paragraph before, or -1
		for i, p := range f.paras {
			if m, body := f.nameLabel(p); m >= 0 && i > 0 && f.wordsAtLeast(body, p.hi, 1) {
				if firstQ < 0 {
					firstQ = int(f.toks[f.paras[i-1].lo].start)
				}
				answers = append(answers, answer{body, p.hi, m})
				count[f.mentName(m)]++
				prev = len(answers) - 1
				continue
			}
			if body := f.capsLabel(p); body > 0 && firstQ >= 0 && f.wordsAtLeast(body, p.hi, 1) {
				// "AUDIENCE MEMBER: We love you!": a speaker the
				// transcript does not name
				answers = append(answers, answer{body, p.hi, unnamedLabel})
				prev = len(answers) - 1
				continue
			}
			if prev >= 0 && answers[prev].ment >= 0 && f.speechGoesOn(p) {
				// a paragraph of the same speech, unlabelled: "… [APPLAUSE]"
				answers = append(answers, answer{p.lo, p.hi, answers[prev].ment})
				prev = len(answers) - 1
				continue
			}
			prev = -1
		}
		most := 0
		for _, n := range count {
			most = max(most, n)
		}
		if most < 2 {
			return
		}
	}
	if len(answers) == 0 {
		return
	}
	sp := f.interviewee(firstQ)
	// "‘Architecture should make people braver’ — an interview with …":
	// a quotation opening the headline that nothing else attributed is the
	// interviewee's too.
	if sp.ok && !examined && len(f.paras) > 1 {
		if qi := f.toks[f.paras[0].lo].q; qi >= 0 && !f.quots[qi].done && f.quots[qi].open == f.paras[0].lo && f.quots[qi].close >= 0 {
			f.setQuote(int(qi), sp, "", model.Direct)
		}
	}
	for _, a := range answers {
		s, e := f.trim(int(f.toks[a.lo].start), int(f.toks[a.hi-1].end))
		if s >= e {
			continue
		}
		keep := f.out[:0]
		for _, o := range f.out {
			if o.End <= s || o.Start >= e {
				keep = append(keep, o)
			}
		}
		f.out = keep
		for t := a.lo; t < a.hi; t++ {
			if qi := f.toks[t].q; qi >= 0 {
				f.quots[qi].done, f.quots[qi].consumed = true, true
			}
		}
		asp := sp
		if a.ment >= 0 {
			asp = speaker{ment: a.ment, name: f.mentName(a.ment), mention: f.mentText(a.ment), ok: true}
		} else if a.ment == unnamedLabel {
			lo := f.paras[sort.Search(len(f.paras), func(i int) bool { return f.paras[i].hi > a.lo })].lo
			asp = speaker{ment: -1, mention: f.spanText(lo, a.lo-1), ok: true}
			if p := sort.Search(len(f.paras), func(i int) bool { return f.paras[i].hi > a.lo }); p < len(f.paras) {
				asp.name = f.labelName(f.paras[p])
			}
		}
		f.out = append(f.out, model.Quote{Span: model.Span{Start: s, End: e}, Text: f.text[s:e], Kind: model.Direct,
			Speaker: asp.name, SpeakerMention: asp.mention})
	}
}

// interviewee returns the person named most often before byte offset end
// (the earliest of them on a tie), or an empty speaker. With no person
// there, a name of two words or more the recogniser left untyped will do
// ("The Swedish architect Oona Lindqvist … spoke to us").
func (f *finder) interviewee(end int) speaker {
	if sp := f.mostNamed(end, model.Person); sp.ok {
		return sp
	}
	return f.mostNamed(end, model.Other)
}

// mostNamed returns the name of type typ (of two words or more when typ
// is Other) named most often before byte offset end, the earliest of them
// on a tie, or an empty speaker.
func (f *finder) mostNamed(end int, typ model.EntityType) speaker {
	count := map[string]int{}
	first := map[string]int{}
	for i, m := range f.ms {
		if m.Start >= end {
			break
		}
		if m.Type != typ || !f.validMent(i) || typ == model.Other && !strings.Contains(f.mentName(i), " ") {
			continue
		}
		n := f.mentName(i)
		if _, ok := first[n]; !ok {
			first[n] = i
		}
		count[n]++
	}
	best := -1
	for n, i := range first {
		if best < 0 || count[n] > count[f.mentName(best)] || count[n] == count[f.mentName(best)] && i < best {
			best = i
		}
	}
	if best < 0 {
		return speaker{ment: -1}
	}
	return speaker{ment: best, name: f.mentName(best), mention: f.mentText(best), ok: true}
}

// nameLabel returns the person mention that opens paragraph p as a
// speaker's label in a transcript ("Solberg-Haas: Because …") and the
// token after its colon; -1 when p opens otherwise.
func (f *finder) nameLabel(p unit) (ment, body int) {
	t := p.lo
	m := f.toks[t].ment
	if m < 0 || !f.validMent(int(m)) || f.ms[m].Type != model.Person || f.mentStart(t) != t {
		if m, body := f.capsNameLabel(p); m >= 0 {
			return m, body
		}
		return f.givenLabel(p)
	}
	e := f.mentEnd(t)
	if e+1 >= p.hi || !f.isPunct(e, ':') {
		return -1, 0
	}
	return int(m), e + 1
}

// capsNameLabel returns, for paragraph p opening with a label of two or
// three upper-case words and a colon that the recogniser left unnamed
// ("VAN TONGEREN: You don't know?"), the earliest mention before p of a
// person whose name ends with those words ("Sen. Priscilla Van
// Tongeren"), and the token after the colon; -1 when there is none.
func (f *finder) capsNameLabel(p unit) (ment, body int) {
	t := p.lo
	c := t
	for c < p.hi && c < t+3 && f.toks[c].kind == kWord && f.toks[c].q < 0 && len(f.word(c)) > 1 &&
		f.toks[c].flags&fCap != 0 && strings.ToUpper(f.word(c)) == f.word(c) {
		c++
	}
	if c-t < 2 || c+1 >= p.hi || !f.isPunct(c, ':') {
		return -1, 0
	}
	label := strings.ToLower(f.spanText(t, c))
	start := int(f.toks[t].start)
	for i := range f.ms {
		if f.ms[i].Start >= start {
			break
		}
		if !f.validMent(i) || f.ms[i].Type != model.Person {
			continue
		}
		n := strings.ToLower(f.mentName(i))
		if strings.HasSuffix(n, " "+label) {
			return i, c + 1
		}
	}
	return -1, 0
}

// givenLabel returns, for paragraph p opening with one capitalised word
// and a colon ("Isolde: Very. …"), the earliest mention before p of a
// person (or of a name the recogniser left untyped) whose name is that
// word or opens with it ("sisters Morwenna and Isolde Roe"), the longest
// such name first, and the token after the colon; -1 when there is none.
func (f *finder) givenLabel(p unit) (ment, body int) {
	t := p.lo
	if p.hi-t < 3 || f.toks[t].kind != kWord || f.toks[t].q >= 0 || !f.isPunct(t+1, ':') {
		return -1, 0
	}
	w := f.word(t)
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' || strings.ToUpper(w) == w {
		return -1, 0
	}
	start := int(f.toks[t].start)
	best := -1
	for i := range f.ms {
		if f.ms[i].Start >= start {
			break
		}
		if !f.validMent(i) || f.ms[i].Type != model.Person && f.ms[i].Type != model.Other {
			continue
		}
		n := f.mentName(i)
		first, _, _ := strings.Cut(n, " ")
		if first != w {
			continue
		}
		if best < 0 || len(n) > len(f.mentName(best)) {
			best = i
		}
	}
	if best < 0 {
		return -1, 0
	}
	return best, t + 2
}

// unnamedLabel marks an answer whose label names no one ("AUDIENCE
// MEMBER:").
const unnamedLabel = -2

// capsLabel returns the token after the colon of an upper-case label of
// one to three words that names no person ("AUDIENCE MEMBER:",
// "MODERATOR:") opening paragraph p, or 0.
func (f *finder) capsLabel(p unit) int {
	for t := p.lo; t < p.hi && t < p.lo+3; t++ {
		if f.toks[t].kind != kWord || strings.ToUpper(f.word(t)) != f.word(t) || f.toks[t].flags&fCap == 0 || len(f.word(t)) < 2 {
			return 0
		}
		if m := f.toks[t].ment; m >= 0 && f.ms[m].Type == model.Person {
			return 0
		}
		c := t + 1
		if f.isPunct(c, '(') {
			// "GWEN (CALLER):": a note on the speaker, in capitals
			for c++; c < p.hi && c < t+6 && f.toks[c].kind == kWord && strings.ToUpper(f.word(c)) == f.word(c); c++ {
			}
			if !f.isPunct(c, ')') {
				return 0
			}
			c++
		}
		if f.isPunct(c, ':') {
			// a plural ends a heading, not a speaker's label ("THE
			// FACTS:", "PRECIOUS METALS:")
			if w := f.word(t); c+1 >= p.hi || len(w) > 3 && strings.HasSuffix(w, "S") && !strings.HasSuffix(w, "SS") {
				return 0
			}
			return c + 1
		}
	}
	return 0
}

// labelName returns the name an upper-case label of paragraph p gives
// when it is one word with a note after it, "GWEN (CALLER):", and the text
// writes the word as a name elsewhere ("Gwen"), or "".
func (f *finder) labelName(p unit) string {
	t := p.lo
	if !f.isPunct(t+1, '(') || f.toks[t].kind != kWord {
		return ""
	}
	w := f.word(t)
	name := w[:1] + strings.ToLower(w[1:])
	for i := 0; ; {
		k := strings.Index(f.text[i:], name)
		if k < 0 {
			return ""
		}
		k += i
		e := k + len(name)
		if (k == 0 || !isLetterByte(f.text[k-1])) && (e == len(f.text) || !isLetterByte(f.text[e])) {
			return name
		}
		i = e
	}
}

// isLetterByte reports whether byte c is an ASCII letter or part of a
// multi-byte rune.
func isLetterByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// speechGoesOn reports whether paragraph p, unlabelled, goes on with the
// speech of the labelled paragraph before it in a transcript: it quotes
// nothing and holds a stage note ("[APPLAUSE]", "(LAUGHTER)").
func (f *finder) speechGoesOn(p unit) bool {
	if f.quotesIn(p) {
		return false
	}
	for t := p.lo + 1; t+1 < p.hi; t++ {
		if (f.isPunct(t-1, '[') || f.isPunct(t-1, '(')) && f.toks[t].kind == kWord && len(f.word(t)) > 2 &&
			strings.ToUpper(f.word(t)) == f.word(t) && (f.isPunct(t+1, ']') || f.isPunct(t+1, ')')) {
			return true
		}
	}
	return false
}

// examReach is how many paragraphs after the one naming an examination
// its questions and answers may begin.
const examReach = 6

// examination returns, for paragraph p introducing the questions of a
// court examination, the person who asks and the person who answers (-1
// when p names no one else): "Under questioning by Ann Roe, Joe Bell
// described …" (Roe asks, Bell answers), "Cross-examined by the
// defendant's barrister, Ann Roe, the witness agreed" (Roe asks; the
// defendant's name in the possessive is neither), "Defence counsel Ann
// Roe spent an hour on cross-examination" (the subject asks). Both are -1
// when p names no examination or no one to ask.
func (f *finder) examination(p unit) (asker, answerer int) {
	cue := -1
	for t := p.lo; t < p.hi; t++ {
		if f.toks[t].kind != kWord || f.toks[t].q >= 0 {
			continue
		}
		if w := f.word(t); !mayOpenLower(w, "ecq") {
			continue
		}
		if w := strings.ToLower(f.word(t)); strings.HasPrefix(w, "examin") || strings.HasPrefix(w, "cross-examin") ||
			w == "questioning" || w == "questioned" {
			cue = t
			break
		}
	}
	if cue < 0 {
		return -1, -1
	}
	// the person named at token t (or a name of two words or more the
	// recogniser left untyped), not in the possessive
	person := func(t int) int {
		m := f.toks[t].ment
		if f.toks[t].kind != kWord || f.toks[t].q >= 0 || m < 0 || !f.validMent(int(m)) ||
			f.ms[m].Type != model.Person && (f.ms[m].Type != model.Other || !strings.Contains(f.mentName(int(m)), " ")) ||
			f.toks[f.mentEnd(t)-1].flags&fPoss != 0 {
			return -1
		}
		// (not the head of a title the recogniser cut from the name it
		// goes with: "Assistant District" of "Assistant District
		// Attorney Ann Roe")
		if e := f.mentEnd(t); f.ms[m].Type == model.Other && f.has(e, lxRole) && f.toks[e].flags&fCap != 0 &&
			f.toks[e+1].ment >= 0 && f.ms[f.toks[e+1].ment].Type == model.Person {
			return -1
		}
		return int(m)
	}
	asker = -1
	by := cue + 1
	if f.isPunct(by, '-') && by+1 < p.hi && strings.HasPrefix(strings.ToLower(f.word(by+1)), "examin") {
		by += 2
	}
	if f.isWord(by, "by") {
		for t := by + 1; t < p.hi && t < by+10 && !f.isEndPunct(t); t++ {
			if m := person(t); m >= 0 {
				asker = m
				break
			}
		}
		if asker < 0 {
			return -1, -1
		}
	} else {
		// the subject before the cue is the one who examines
		for t := p.lo; t < cue; t++ {
			if m := person(t); m >= 0 {
				asker = m
				break
			}
		}
		if asker < 0 || !f.has(cue-1, lxPrep) && !f.isWord(cue-1, "the") {
			return -1, -1
		}
	}
	answerer = -1
	for t := p.lo; t < p.hi; t++ {
		if m := person(t); m >= 0 && f.mentName(m) != f.mentName(asker) {
			answerer = m
			break
		}
	}
	return asker, answerer
}

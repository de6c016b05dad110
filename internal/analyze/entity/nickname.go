package entity

import (
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
)

// nicknamed joins a person's name written with a nickname in quotation
// marks between the given name and the surname ("Brad “Hammer”
// Kellaway", "KIERAN “The Kilkenny Cat” Doyle") into one person named
// without the nickname (Brad Kellaway, Kieran Doyle): the given name and
// the surname capitalised, the nickname one to four capitalised words.
// The candidates the scan found inside the span are dropped.
func (f *finder) nicknamed() {
	toks := f.toks
	var added bool
	type nick struct {
		key, name string
		b         int
	}
	var nicks []nick
	for i := 0; i+2 < len(toks); i++ {
		g := &toks[i]
		if !(g.cap || g.upper) || g.poss || !f.nickNameWord(g) {
			continue
		}
		if !openingQuote(f.text[g.e:toks[i+1].s]) {
			continue
		}
		k := i + 1
		for k < len(toks) && k-i <= 4 && toks[k].line == g.line && toks[k].cap && (k == i+1 || toks[k].adj) {
			if closingQuote(f.text[toks[k].e:min(len(f.text), toks[k].e+8)]) || toks[k].poss {
				break
			}
			k++
		}
		if k >= len(toks) || k-i > 4 || !toks[k].cap || toks[k].line != g.line {
			continue
		}
		end := toks[k].e
		q := strings.IndexAny(f.text[end:], " \t")
		if q < 0 || !closingQuote(f.text[end:end+q]) || strings.TrimLeft(f.text[end:end+q], "”\"’'") != "" {
			continue
		}
		s := k + 1
		if s >= len(toks) || toks[s].line != g.line || !toks[s].cap || !f.nickNameWord(&toks[s]) ||
			strings.TrimSpace(f.text[toks[k].e:toks[s].s]) != f.text[end:end+q] {
			continue
		}
		e := s + 1
		for e < len(toks) && e < s+2 && !toks[e-1].poss && toks[e].adj && toks[e].cap && !toks[e].upper && f.nickNameWord(&toks[e]) {
			e++
		}
		given := g.text
		if g.upper {
			given = titleCase(strings.ToLower(given))
		}
		name := given + " " + f.text[toks[s].s:toks[e-1].e]
		f.cands = append(f.cands, cand{a: i, b: e, typ: model.Person, name: name})
		na := i + 1
		if toks[na].low == "the" && na < k {
			na++
		}
		nicks = append(nicks, nick{key: lightKey(f.text[toks[na].s:toks[k].e]), name: name, b: e})
		for c := range f.cands[:len(f.cands)-1] {
			if f.cands[c].a < e && f.cands[c].b > i {
				f.cands[c].drop = true
			}
		}
		added = true
		i = e - 1
	}
	if !added {
		return
	}
	f.sortCands()
	// the nickname written alone later ("the Hammer", "The Kilkenny
	// Cat") is the person's
	for c := range f.cands {
		fc := &f.cands[c]
		if fc.drop || fc.gaz || fc.be > 0 || fc.name != "" {
			continue
		}
		a := fc.a
		if toks[a].low == "the" && a+1 < fc.b {
			a++
		}
		k := lightKey(f.text[toks[a].s:toks[fc.b-1].e])
		for _, n := range nicks {
			if n.b <= fc.a && n.key == k {
				fc.typ, fc.name, fc.key, fc.weak, fc.titleOnly, fc.maybePerson = model.Person, n.name, n.name, false, false, false
				break
			}
		}
	}
}

// nickNameWord reports whether t may be a given name or a surname beside
// a nickname: no function, common, time or speech word.
func (f *finder) nickNameWord(t *token) bool {
	return t.flags()&(fFunc|fCommon|fTime|fSpeech) == 0 && utf8.RuneCountInString(t.text) >= 2
}

// openingQuote reports whether gap, the text between two words, is a
// space and an opening quotation mark.
func openingQuote(gap string) bool {
	if gap == "" || (gap[0] != ' ' && gap[0] != '\t') {
		return false
	}
	switch strings.TrimLeft(gap, " \t") {
	case "“", "\"", "‘", "'":
		return true
	}
	return false
}

// closingQuote reports whether s, the text right after a word, opens with
// a closing quotation mark.
func closingQuote(s string) bool {
	return strings.HasPrefix(s, "”") || strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "’") || strings.HasPrefix(s, "'")
}

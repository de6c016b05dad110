// Package resolve finds the entity mention that a pronoun ("he", "it"), a
// title ("the spokesman") or an organisation noun ("the ministry") refers
// to, among an article's entity mentions. The quote finder and the claim
// finder both ask it, so that they credit a statement to the same speaker.
//
// The rules look back only: a title or pronoun refers to an entity named
// before it, never to one named after it, and each lookup reads a bounded
// stretch of the text, so that resolving every cue of an article is linear
// in its length.
package resolve

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// Kind is a class of entity a reference can stand for.
type Kind int

// The kinds of entity a reference can stand for.
const (
	Person       Kind = iota // a person, or an untyped multi-word name
	Organization             // an organisation
	Thing                    // an organisation or a place
	Untyped                  // a name the recogniser left untyped
	numKinds
)

// is reports whether m is of kind k.
func (k Kind) is(m *model.Mention) bool {
	switch k {
	case Person:
		return m.Type == model.Person || m.Type == "" && strings.Contains(m.Key, " ")
	case Organization:
		return m.Type == model.Organization
	case Thing:
		return m.Type == model.Organization || m.Type == model.Place
	case Untyped:
		return m.Type == model.Other
	}
	return false
}

// Index answers lookups over the mentions of one article. It is built once
// per article and is not safe for concurrent use.
type Index struct {
	n    int // length of the text
	ms   []model.Mention
	last [numKinds][]int32 // per kind, built on first use: mention i -> last mention of the kind at or before i
}

// New returns an index over the mentions ms of a text of textLen bytes.
// ms must be sorted by Start and must not overlap (as the entity
// recognizer returns them); mentions outside the text are never returned.
func New(textLen int, ms []model.Mention) *Index { return &Index{n: textLen, ms: ms} }

// Mention returns mention i.
func (x *Index) Mention(i int) *model.Mention { return &x.ms[i] }

// Ended returns the index of the last mention ending at or before byte pos,
// or -1.
func (x *Index) Ended(pos int) int {
	return sort.Search(len(x.ms), func(i int) bool { return x.ms[i].End > pos }) - 1
}

// Started returns the index of the last mention starting before byte pos,
// or -1.
func (x *Index) Started(pos int) int {
	return sort.Search(len(x.ms), func(i int) bool { return x.ms[i].Start >= pos }) - 1
}

// Last returns the index of the last mention of kind k ending at or before
// byte pos, however far back, or -1.
func (x *Index) Last(pos int, k Kind) int {
	i := x.Ended(pos)
	if i < 0 {
		return -1
	}
	if x.last[k] == nil {
		t := make([]int32, len(x.ms))
		cur := int32(-1)
		for j := range x.ms {
			if k.is(&x.ms[j]) {
				cur = int32(j)
			}
			t[j] = cur
		}
		x.last[k] = t
	}
	return int(x.last[k][i])
}

// Nearest returns the index of the nearest mention of kind k starting
// before byte pos and at most reach bytes before it, for which keep (when
// not nil) reports true, or -1.
func (x *Index) Nearest(pos, reach int, k Kind, keep func(i int) bool) int {
	for i := x.Started(pos); i >= 0; i-- {
		m := &x.ms[i]
		if pos-m.Start > reach {
			break
		}
		if m.Start < 0 || m.End > x.n || m.Start >= m.End {
			continue
		}
		if k.is(m) && (keep == nil || keep(i)) {
			return i
		}
	}
	return -1
}

// WithRole returns the index of the nearest person mention starting before
// byte pos, at most reach bytes before it, whose role has a word with the
// role stem role (see RoleStem), or -1. A title is never resolved to a
// person named after it.
func (x *Index) WithRole(pos, reach int, role string) int {
	return x.Nearest(pos, reach, Person, func(i int) bool {
		return x.ms[i].Type == model.Person && HasRole(x.ms[i].Role, role)
	})
}

// OrgNamed returns the index of the latest organisation mention starting
// before byte pos, at most reach bytes before it, whose key or text
// contains noun (compared without case), or -1.
func (x *Index) OrgNamed(pos, reach int, noun string) int {
	return x.Nearest(pos, reach, Organization, func(i int) bool {
		return namesNoun(x.ms[i].Key, noun) || namesNoun(x.ms[i].Text, noun)
	})
}

// foreignHeads are the heads that open bodies' names in languages that put
// the head first, by the English noun a report calls such a body ("the
// bank" for "Banco Central de …").
var foreignHeads = map[string][]string{
	"bank":       {"banco", "banca", "banque"},
	"ministry":   {"ministerio", "ministère", "ministério", "ministero", "ministerium"},
	"university": {"universidad", "université", "universidade", "università", "universität"},
	"institute":  {"instituto", "institut", "istituto"},
	"commission": {"comisión", "comissão", "commissione"},
	"council":    {"consejo", "conseil", "conselho", "consiglio"},
	"agency":     {"agencia", "agence", "agência", "agenzia"},
	"court":      {"tribunal", "tribunale", "corte", "cour"},
	"police":     {"policía", "polícia", "polizia", "polizei"},
}

// longForms are the words in bodies' names that a short noun stands for
// ("the co-op" for "… Electric Cooperative").
var longForms = map[string][]string{
	"co-op": {"cooperative", "co-operative"},
}

// NounFor reports whether word, a body's name's word, is noun or a word
// noun is short for ("Cooperative" for "co-op").
func NounFor(noun, word string) bool {
	if strings.EqualFold(noun, word) {
		return true
	}
	for _, l := range longForms[strings.ToLower(noun)] {
		if strings.EqualFold(l, word) {
			return true
		}
	}
	return false
}

// namesNoun reports whether name holds noun or a word it is short for, or
// opens with a head that noun translates ("Banco Central de Marapura" for
// "bank").
func namesNoun(name, noun string) bool {
	if ContainsFold(name, noun) {
		return true
	}
	for _, l := range longForms[strings.ToLower(noun)] {
		if ContainsFold(name, l) {
			return true
		}
	}
	first, _, _ := strings.Cut(name, " ")
	for _, h := range foreignHeads[strings.ToLower(noun)] {
		if strings.EqualFold(first, h) {
			return true
		}
	}
	return false
}

// OrgCalled returns the index of the organisation that a common noun
// phrase refers to, or -1. words are the phrase's lower-case words, its
// head last, without determiners and names ("electoral commission" of
// "the electoral commission", "foreign ministry" of "Chile's foreign
// ministry"). The organisation is the latest one before byte pos, at most
// reach bytes before it, whose name contains every word; failing that,
// for a lone head that any organisation may be called (see
// GenericOrgNoun: "the company", "the group"), the nearest organisation at
// most near bytes before pos. An institution's noun ("the ministry", "the
// commission", "the party") never names an organisation whose name lacks
// it: the phrase is then its own holder.
func (x *Index) OrgCalled(pos, reach, near int, words []string) int {
	if len(words) == 0 {
		return -1
	}
	if i := x.Nearest(pos, reach, Organization, func(i int) bool {
		for _, w := range words {
			if !namesNoun(x.ms[i].Key, w) && !namesNoun(x.ms[i].Text, w) {
				return false
			}
		}
		return true
	}); i >= 0 {
		return i
	}
	if len(words) == 1 && GenericOrgNoun(words[0]) {
		// "the company" is not the union or ministry named before it
		return x.Nearest(pos, near, Organization, func(i int) bool {
			return !namesInstitution(x.ms[i].Key) && !namesInstitution(x.ms[i].Text)
		})
	}
	return -1
}

// namesInstitution reports whether an organisation's name says it is an
// institution of a kind ("Union of Mineworkers", "Ministry of Health",
// "Electoral Commission"), which a generic noun such as "the company" does
// not stand for.
func namesInstitution(name string) bool {
	for w := range strings.FieldsSeq(strings.ToLower(name)) {
		switch w {
		case "union", "ministry", "commission", "committee", "court", "council", "board", "party",
			"department", "embassy", "university", "hospital", "government", "administration",
			"authority", "league", "federation", "army", "police", "office", "treasury", "parliament",
			"cabinet", "assembly", "senate", "tribunal", "association":
			return true
		}
	}
	return false
}

// GenericOrgNoun reports whether w is a noun that an organisation of its
// kind is called whatever its name ("the company" for a firm named
// "Halvorsen Freight", "the club", "the airline"), as opposed to an
// institution's noun that its name carries ("the ministry", "the
// commission", "the court", "the party").
func GenericOrgNoun(w string) bool {
	switch w {
	case "company", "firm", "group", "organisation", "organization", "club", "team", "bank",
		"carrier", "airline", "retailer", "manufacturer", "automaker", "insurer", "operator",
		"startup", "platform", "network", "broadcaster", "newspaper", "utility", "regulator", "agency":
		return true
	}
	return false
}

// HasRole reports whether the role description have (e.g. "Foreign
// Ministry spokeswoman") has a word whose role stem is want.
func HasRole(have, want string) bool {
	if have == "" {
		return false
	}
	have = strings.ToLower(have)
	prev := ""
	for _, w := range strings.FieldsFunc(have, func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '.' }) {
		// A deputy spokesman speaks for the body as its spokesman does:
		// "the spokeswoman" is the deputy spokeswoman named before.
		if (RoleStem(w) == want || want == "monarch" && reignTitle(w)) && (!lowerRank(prev) || want == "spokes") {
			return true
		}
		// Every judge of a bench is "the judge": an associate justice,
		// a vice chancellor of a chancery court, a magistrate.
		if want == "judge" && (RoleStem(w) == "judge" || w == "chancellor" || w == "magistrate") {
			return true
		}
		prev = w
	}
	return false
}

// lowerRank reports whether w, written before a role noun, makes it a
// lower office: an "Assistant Secretary" is not "the secretary", nor a
// "Deputy Mayor" "the mayor".
func lowerRank(w string) bool {
	switch w {
	case "assistant", "deputy", "under", "vice", "associate":
		return true
	}
	return false
}

// reignTitle reports whether w is the title of one who reigns, whom "the
// monarch" or "the sovereign" stands for: "King Anders III … the monarch
// said".
func reignTitle(w string) bool {
	switch w {
	case "king", "queen", "emperor", "empress", "sultan", "emir", "tsar", "shah":
		return true
	}
	return false
}

// ContainsFold reports whether sub is within s, compared without case.
func ContainsFold(s, sub string) bool {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], sub) {
			return true
		}
	}
	return false
}

// RoleStem folds role-noun variants so that "spokeswoman" matches
// "spokesperson" and "sen." matches "senator".
func RoleStem(w string) string {
	switch w {
	case "spokesman", "spokeswoman", "spokesperson", "spokespeople":
		return "spokes"
	case "sen":
		return "senator"
	case "rep", "congressman", "congresswoman":
		return "representative"
	case "gov":
		return "governor"
	case "gen":
		return "general"
	case "adm":
		return "admiral" // "Rear Adm. X … the admiral said"
	case "cmdr":
		return "commander"
	case "advisor":
		return "adviser"
	case "chairman", "chairwoman", "chairperson", "chairs":
		return "chair"
	case "councilman", "councilwoman", "councilmember":
		return "councilmember"
	case "dr", "physician":
		return "doctor"
	case "col":
		return "colonel"
	case "lt":
		return "lieutenant"
	case "sgt":
		return "sergeant"
	case "lawyer":
		return "attorney"
	case "skipper":
		return "captain" // "Rovers captain X … the skipper said"
	case "councilor":
		return "councillor"
	case "sovereign":
		return "monarch"
	case "justice":
		return "judge" // "Justice Ann Roe … the judge said"
	}
	return w
}

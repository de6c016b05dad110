package quote

import (
	"strings"
	"unicode/utf8"
)

// Lexical classes of a lower-cased word, as a bit set.
const (
	lxCue     uint32 = 1 << iota // reporting verb (see cueInfo)
	lxPrep                       // preposition that governs a noun phrase
	lxRole                       // title or role noun ("spokesman", "coach")
	lxPronoun                    // subject pronoun (he, she, they, it, we, i)
	lxDet                        // article or demonstrative (the, a, an)
	lxPossDet                    // possessive determiner (his, her, its, their)
	lxTime                       // time word skipped around a cue ("Sunday", "later")
	lxAdv                        // adverb that may stand between cue and quote
	lxThat                       // "that"
	lxRel                        // relative pronoun (who, which)
	lxCommon                     // common noun that can name an unnamed speaker ("officials")
	lxTitle                      // word that announces a title or a name, not speech ("titled")
	lxAux                        // auxiliary or "be" form (passive detection)
	lxMonth                      // month name
	lxMedium                     // noun of a statement medium ("statement", "interview")
	lxNeg                        // not, never
)

// Cue flags.
const (
	cueClause  uint8 = 1 << iota // takes a clause without "that" (said the plan ...)
	cueNeedsTh                   // reports speech only with a "that" clause (or next to a quote)
	cueInvert                    // may come before its subject ("said Smith")
	cueTell                      // takes a listener object before the clause (told CNN that)
	cuePart                      // participle form ("saying", "adding")
	cueNaming                    // names rather than says ("called it", "described as"): quotes only
)

// cueInfo describes a reporting verb form.
type cueInfo struct {
	flags uint8
}

// lexEntry is what the lexicon knows about one lower-cased word.
type lexEntry struct {
	class uint32
	cue   cueInfo
	// gender is the gender of the person a title, kinship or role noun
	// names ("Mr", "mother", "spokesman"), or genderUnknown; it does not
	// make the word a member of any class.
	gender byte
}

// lexicon maps lower-cased words to their classes. It is built once and
// never written afterwards.
var lexicon = buildLexicon()

func buildLexicon() map[string]lexEntry {
	m := make(map[string]lexEntry, 700)
	add := func(class uint32, words ...string) {
		for _, w := range words {
			e := m[w]
			e.class |= class
			m[w] = e
		}
	}
	gender := func(g byte, words ...string) {
		for _, w := range words {
			e := m[w]
			e.gender = g
			m[w] = e
		}
	}
	cue := func(flags uint8, words ...string) {
		for _, w := range words {
			e := m[w]
			e.class |= lxCue
			e.cue.flags |= flags
			m[w] = e
		}
	}
	// Core verbs of saying: clause without "that", inverted order allowed.
	cue(cueClause|cueInvert, "said", "says", "say", "added", "adds", "wrote", "writes",
		"tweeted", "posted")
	cue(cueClause|cueTell, "told", "tells", "tell")
	cue(cuePart|cueClause, "saying", "adding", "writing")
	cue(cuePart|cueClause|cueTell, "telling")
	// Verbs that introduce speech next to a quote, or with a "that" clause.
	cue(cueNeedsTh|cueInvert,
		"noted", "notes", "stressed", "stresses", "warned", "warns", "insisted", "insists",
		"explained", "explains", "stated", "states", "declared", "declares", "announced",
		"announces", "asserted", "asserts", "argued", "argues", "contended", "contends",
		"maintained", "maintains", "acknowledged", "acknowledges", "admitted", "admits",
		"conceded", "concedes", "confirmed", "confirms", "reiterated", "reiterates",
		"emphasized", "emphasised", "emphasizes", "emphasises", "underlined", "underlines",
		"underscored", "underscores", "recalled", "recalls", "remarked", "remarks", "replied",
		"replies", "responded", "responds", "retorted", "retorts", "answered", "answers",
		"continued", "continues", "claimed", "claims", "alleged", "alleges", "assured",
		"assures", "predicted", "predicts", "promised", "promises", "vowed", "vows", "urged",
		"urges", "suggested", "suggests", "complained", "complains", "lamented", "laments",
		"boasted", "boasts", "cautioned", "cautions", "countered", "counters", "observed",
		"observes", "testified", "testifies", "reported", "reports", "asked", "asks",
		"joked", "jokes", "quipped", "quips", "shouted", "yelled", "exclaimed", "whispered",
		"mused", "pleaded", "demanded", "demands", "recounted", "recounts", "texted",
		"emailed", "emails", "tweets", "denied", "denies", "charged", "repeats", "repeated",
		"considered", "considers", "agreed", "agrees", "hinted", "indicated", "indicates",
		"signaled", "signalled", "disclosed", "revealed", "reveals", "conceded", "estimated",
		"estimates", "added", "wrote", "read", "reads", "concluded", "concludes",
		"pointed", "elaborated", "interjected", "acknowledged", "advised", "cited",
		"recalled", "insisted", "acknowledging", "reasoned", "objected", "protested",
		"announced", "explained", "murmured", "sighed", "laughed", "offered", "opined",
		// Tabloid and translated-copy verbs of saying.
		"fumed", "fumes", "raged", "rages", "gushed", "gushes", "blurted", "snapped",
		"screamed", "sobbed", "wept", "smiled", "chuckled", "giggled", "beamed", "raved",
		"stormed", "seethed", "hissed", "roared", "ranted", "bragged", "cried", "moaned",
		"groaned", "grumbled", "affirmed", "affirms", "specified", "specifies", "judged",
		"deplored", "deplores", "assessed", "proclaimed", "thundered", "bellowed", "chanted",
		// Blame put in the speaker's words ("the president blamed “…”").
		"blamed", "blames",
		// Their present tense, as tabloid copy writes it ("…,” he laughs).
		"laughs", "sighs", "smiles", "grins", "grinned", "chuckles", "giggles", "beams",
		"raves", "rants", "snaps", "screams", "sobs", "moans", "groans", "grumbles", "hisses",
		"roars", "blurts", "brags", "blasts", "shrugs", "shrugged", "gasps",
		"gasped", "whispers", "shouts", "yells", "exclaims", "murmurs", "mutters",
		"muttered", "muses", "pleads",
		// Verbs of translated copy ("regretted the mayor", "she confides").
		"regretted", "regrets", "confided", "confides", "recognised", "recognized", "worries",
		"rejoices", "rejoiced", "summarises", "summarizes", "summarised", "summarized", "tempers",
		"recognises", "recognizes",
		// An interviewer pressing a question ("…?" X pressed).
		"pressed",
		// A chair calling a meeting to order ("reminded speakers to “…”").
		"reminded", "reminds",
		// A court's finding ("the judge ruled that the board had …").
		"ruled", "rules",
		// An opinion put in the speaker's words ("He thinks the stock is
		// worth “at least $45”").
		"thinks", "believes", "believed")
	// What a report or an inquiry finds and recommends ("the report found
	// that …", "It recommended that …").
	cue(cueNeedsTh, "found", "finds", "recommended", "recommends")
	cue(cuePart|cueNeedsTh,
		"noting", "stressing", "warning", "insisting", "explaining", "stating", "declaring",
		"announcing", "asserting", "arguing", "contending", "maintaining", "acknowledging",
		"admitting", "conceding", "confirming", "reiterating", "emphasizing", "emphasising",
		"underlining", "underscoring", "recalling", "remarking", "replying", "responding",
		"claiming", "alleging", "assuring", "predicting", "promising", "vowing", "urging",
		"suggesting", "complaining", "lamenting", "boasting", "cautioning", "countering",
		"observing", "asking", "denying", "charging", "pointing", "citing", "calling", "reminding",
		// a court's: "blocked the merger, ruling that the board had acted …"
		"ruling", "finding")
	cue(cueNaming, "called", "calls", "call", "described", "describes", "describing",
		"labeled", "labelled", "branded", "termed", "characterized", "characterised",
		"praised", "criticized", "criticised", "slammed", "hailed", "decried", "dismissed",
		"rejected", "blasted", "condemned", "denounced", "denounces", "accused", "accuses",
		"justified", "justifies", "defended", "defends", "spoke", "speaks", "remembered", "remembers", "welcomed", "welcomes",
		// a sentiment put in the speaker's words ("expressed “deep
		// appreciation”", "voiced hope that …")
		"expressed", "expresses", "voiced", "voices")
	// Their participles, after a comma, credit the sentence's subject:
	// "X was less forgiving, accusing the board of “…”".
	cue(cueNaming|cuePart, "describing", "accusing", "labeling", "labelling", "branding", "terming",
		"characterizing", "characterising", "praising", "criticizing", "criticising", "slamming",
		"hailing", "decrying", "dismissing", "condemning", "denouncing", "welcoming", "expressing", "voicing")

	add(lxPrep, "of", "to", "for", "with", "from", "by", "against", "about", "between",
		"among", "on", "in", "at", "into", "over", "toward", "towards", "upon", "under",
		"via", "like", "than", "including", "per", "despite", "behind", "beyond", "across",
		"through", "during", "within", "without", "near", "amid", "onto", "versus", "vs",
		"regarding", "concerning", "alongside", "inside", "outside", "throughout")
	add(lxRole,
		"spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "director",
		"president", "chairman", "chairwoman", "chair", "chairperson", "ceo", "executive",
		"chief", "adviser", "advisor", "envoy", "ambassador", "governor", "gov", "mayor",
		"senator", "sen", "rep", "representative", "congressman", "congresswoman",
		"lawmaker", "leader", "coach", "manager", "quarterback", "judge", "justice",
		"prosecutor", "attorney", "lawyer", "officer", "commissioner", "superintendent",
		"sheriff", "chancellor", "premier", "king", "queen", "prince", "princess", "general",
		"gen", "commander", "analyst", "economist", "professor", "founder", "cofounder",
		"owner", "head", "speaker", "counsel", "detective", "captain", "pitcher", "striker",
		"goalkeeper", "defender", "midfielder", "forward", "guard", "center", "receiver",
		"linebacker", "ayatollah", "councilman", "councilwoman", "councillor", "councilor", "councilmember", "trustee",
		"principal", "dean", "administrator", "supervisor", "treasurer", "comptroller",
		"auditor", "clerk", "diplomat", "negotiator", "researcher", "scientist", "author", "writer", "novelist", "poet", "journalist",
		"economist", "strategist", "pollster", "chairs", "deputy", "undersecretary",
		"vice", "official", "physician", "doctor", "dr", "nurse", "teacher", "pastor",
		"bishop", "pope", "cardinal", "rabbi", "imam", "colonel", "col", "lieutenant", "lt",
		"sergeant", "sgt", "admiral", "commodore", "major", "captain", "chef", "entrepreneur",
		"investor", "partner", "president-elect", "vice-president", "spokespeople",
		"publisher", "editor", "correspondent", "reporter", "witness", "resident",
		"homeowner", "owner", "organizer", "activist", "candidate", "nominee", "commentator",
		"ombudsman", "magistrate", "solicitor", "barrister", "marshal", "inspector",
		"warden", "pilot", "engineer", "designer", "architect", "developer", "broker",
		"banker", "trader", "historian", "expert", "specialist", "consultant", "mp",
		"senior", "junior", "sophomore", "freshman", "rookie", "veteran", "shortstop",
		"catcher", "outfielder", "infielder", "winger", "tackle", "runner", "swimmer",
		"aide", "staffer", "insider", "source", "vice-chair", "aides", "boss", "delegate",
		"campaigner", "trainer", "promoter", "pundit", "referee", "bosses", "chiefs",
		"executives", "politician", "champ", "champion", "skipper", "curator", "conductor", "helmsman", "meteorologist",
		"vicar", "priest", "rector", "chaplain", "curate", "monarch", "sovereign", "emperor", "empress",
		"bowler", "batsman", "batter", "wicketkeeper", "all-rounder", "spinner", "seamer", "halfback", "half-back",
		"fly-half", "scrum-half", "flanker", "fullback", "full-back", "collaborator", "colleague",
		"cleric", "coordinator", "lobbyist", "left-hander", "right-hander", "paceman", "leg-spinner", "off-spinner", "opener",
		"centre-back", "center-back", "centre-half", "centre-forward", "presenter", "host", "podcaster", "singer", "actor",
		"actress", "rapper", "dancer", "boxer", "heavyweight", "jockey", "golfer", "youngster", "influencer",
		"broadcaster")
	add(lxPronoun, "he", "she", "they", "it", "we", "i")
	add(lxDet, "the", "a", "an", "this", "these", "those", "one", "another", "two",
		"three", "several", "some", "many", "other", "former", "acting", "then")
	add(lxPossDet, "his", "her", "its", "their", "our", "my", "your")
	add(lxTime, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
		"sunday", "yesterday", "today", "tonight", "earlier", "later", "recently",
		"last", "next", "week", "month", "year", "morning", "afternoon", "evening",
		"night", "weekend", "ago", "late", "early", "previously", "repeatedly", "again",
		"then", "once", "twice", "since", "now", "this", "day", "days", "weeks", "months",
		"years", "hours", "minutes", "overnight", "afterward", "afterwards", "before",
		"after")
	add(lxMonth, "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
		"jul", "aug", "sep", "sept", "oct", "nov", "dec")
	add(lxAdv, "also", "however", "further", "furthermore", "moreover", "additionally",
		"still", "simply", "only", "just", "flatly", "bluntly", "firmly", "quickly",
		"publicly", "privately", "openly", "clearly", "repeatedly", "again", "then",
		"later", "earlier", "recently", "previously", "once", "even", "too", "now",
		"immediately", "frankly", "candidly", "angrily", "calmly", "quietly", "loudly",
		"emphatically", "bluntly", "explicitly", "separately", "similarly", "likewise",
		"meanwhile", "afterward", "afterwards", "subsequently", "instead", "yet", "has",
		"had", "have", "would", "will", "had", "did", "does", "do", "reportedly",
		"allegedly", "initially", "finally", "first", "last", "back", "on", "out", "up",
		"often", "always", "never", "not")
	add(lxThat, "that")
	add(lxRel, "who", "which", "whose", "whom")
	add(lxCommon, "officials", "official", "police", "prosecutors", "prosecutor",
		"authorities", "investigators", "investigator", "company", "ministry", "agency",
		"department", "government", "team", "club", "firm", "league", "group",
		"organization", "organisation", "network", "bank", "city", "county", "state",
		"court", "school", "university", "district", "office", "commission", "council",
		"campaign", "committee", "statement", "report", "spokesperson", "source",
		"sources", "experts", "analysts", "residents", "witnesses", "critics",
		"supporters", "opponents", "lawyers", "attorneys", "people", "person", "person",
		"administration", "house", "senate", "congress", "white", "kremlin", "pentagon",
		"military", "army", "navy", "union", "board", "association", "coalition", "party",
		"embassy", "mission", "palace", "regulator", "regulators", "lawmakers", "diplomats", "letter", "filing",
		"lawsuit", "complaint", "memo", "study", "survey", "poll", "data", "documents",
		"document", "newspaper", "agency", "outlet", "media", "leaders", "officers",
		"players", "fans", "parents", "students", "teachers", "scientists", "researchers",
		"economists", "democrats", "republicans", "country", "nation", "family",
		"relatives", "neighbors", "neighbours", "employees", "workers", "staff", "authority",
		"federation", "trust", "foundation", "charity", "institute", "society", "utility", "bureau", "registry",
		"airline", "carrier", "insurer", "retailer", "automaker", "manufacturer", "operator", "co-op", "cooperative")
	add(lxTitle, "titled", "entitled", "dubbed", "nicknamed", "named", "so-called",
		"word", "words", "term", "phrase", "book", "film", "movie", "song", "album",
		"show", "series", "novel", "memoir", "play", "documentary", "podcast", "episode",
		"essay", "column", "program", "programme", "hashtag", "slogan", "headline",
		"aka", "a.k.a", "known", "sign", "signs", "banner", "banners", "placard", "reading",
		"track", "single", "sitcom", "musical", "opera", "painting", "exhibit",
		"exhibition", "poem", "story", "magazine", "blog", "chant", "chanted", "chanting",
		"label", "brand", "operation", "initiative", "plan", "act", "bill", "tagline",
		"motto", "catchphrase", "nickname", "moniker", "lyrics", "line")
	add(lxAux, "was", "were", "is", "are", "be", "been", "being", "am", "get", "got",
		"gets", "getting")
	add(lxMedium, "statement", "readout", "interview", "post", "email", "e-mail", "letter",
		"briefing", "conference", "speech", "tweet", "video", "message", "release",
		"remarks", "testimony", "filing", "note", "report", "address", "op-ed", "column",
		"podcast", "broadcast", "hearing", "rally", "meeting", "event", "appearance",
		"call", "session", "summit", "memo", "affidavit", "declaration", "notice",
		"announcement", "sermon", "lecture", "debate", "forum", "presser", "conversation",
		"phone", "telephone", "text", "comments", "comment", "response", "reply", "communiqué",
		"communique", "bulletin", "update", "prospectus", "memorandum", "document")
	add(lxNeg, "not", "never", "n't", "no")
	gender(genderMale, "mr", "sir", "lord", "king", "prince", "duke", "earl", "baron", "father", "dad",
		"husband", "son", "brother", "grandfather", "grandad", "grandson", "uncle", "nephew",
		"boyfriend", "spokesman", "businessman", "councilman", "congressman", "actor",
		"policeman", "fireman", "sportsman", "headmaster", "monk", "widower", "stepfather", "fiance", "alhaji", "mallam")
	gender(genderFemale, "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "duchess", "countess",
		"baroness", "mother", "mum", "mom", "wife", "daughter", "sister", "grandmother", "gran",
		"granny", "granddaughter", "aunt", "niece", "girlfriend", "spokeswoman", "chairwoman",
		"businesswoman", "councilwoman", "congresswoman", "actress", "policewoman",
		"headmistress", "nun", "widow", "stepmother", "fiancee", "fiancée", "hajiya", "hajia", "alhaja")
	return m
}

// lexTable is an open-addressing hash table over the lexicon, faster than a
// map for the short, case-folded look-ups of the tokeniser. It is built once
// and never written afterwards.
type lexTable struct {
	keys  []string
	vals  []lexEntry
	mask  uint32
	maxLn int
}

var lexTab = buildLexTable(lexicon)

func buildLexTable(m map[string]lexEntry) *lexTable {
	n := 1
	for n < 4*len(m) {
		n <<= 1
	}
	t := &lexTable{keys: make([]string, n), vals: make([]lexEntry, n), mask: uint32(n - 1)}
	for k, v := range m {
		if len(k) > t.maxLn {
			t.maxLn = len(k)
		}
		h := lexHash(k) & t.mask
		for t.keys[h] != "" {
			h = (h + 1) & t.mask
		}
		t.keys[h] = k
		t.vals[h] = v
	}
	return t
}

// lexHash is FNV-1a over ASCII-lower-cased bytes.
func lexHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// eqLower reports whether w folded to ASCII lower case equals k.
func eqLower(w, k string) bool {
	if len(w) != len(k) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != k[i] {
			return false
		}
	}
	return true
}

// lookup returns the lexicon entry of word w, folding ASCII upper case.
func lookup(w string) lexEntry {
	t := lexTab
	if len(w) == 0 || len(w) > t.maxLn {
		return lexEntry{}
	}
	h := lexHash(w) & t.mask
	for {
		k := t.keys[h]
		if k == "" {
			return lexEntry{}
		}
		if eqLower(w, k) {
			return t.vals[h]
		}
		h = (h + 1) & t.mask
	}
}

// mayOpenLower reports whether strings.ToLower(w) may begin with one of
// the ASCII lower-case letters in firsts, judging by w's first byte alone:
// an ASCII letter lower-cases to one of them only from itself or its
// upper case, and a word opening with any other byte does not (a
// non-ASCII opening is left to strings.ToLower). It lets a scan over every
// word skip lower-casing the words that cannot match.
func mayOpenLower(w string, firsts string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if c >= utf8.RuneSelf {
		return true
	}
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	return strings.IndexByte(firsts, c) >= 0
}

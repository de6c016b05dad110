package claim

import "strings"

// verb classes of stance cues.
const (
	vNone   = iota
	vAssert // accuse, allege, claim, warn: puts a proposition forward
	vSay    // say, tell, add, note: puts forward what follows, if anything
	vDeny   // deny, reject, dismiss, rebuff, refute
	vAdmit  // admit, acknowledge, concede, confirm
)

// verbClass tells the class of an inflected verb form, with its lemma.
// needThat is set for forms that are stance cues only when a that-clause or a
// quotation follows ("stated that", not "the state").
func verbClass(w string) (cls int, lemma string, needThat bool) {
	switch w {
	case "accuse", "accuses", "accused", "accusing":
		return vAssert, "accuse", false
	case "allege", "alleges", "alleged", "alleging":
		return vAssert, "allege", false
	case "claim", "claims", "claimed", "claiming":
		return vAssert, "claim", false
	case "warn", "warns", "warned", "warning":
		return vAssert, "warn", false
	case "assert", "asserts", "asserted", "asserting":
		return vAssert, "assert", true
	case "charge", "charges", "charged", "charging":
		return vAssert, "charge", true
	case "contend", "contends", "contended", "contending":
		return vAssert, "contend", true
	case "say", "says", "said", "saying":
		return vSay, "say", false
	case "tell", "tells", "told", "telling":
		return vSay, "tell", true
	case "state", "states", "stated", "stating":
		return vSay, "state", true
	case "add", "adds", "added", "adding":
		return vSay, "add", true
	case "note", "notes", "noted", "noting":
		return vSay, "note", true
	case "explain", "explains", "explained", "explaining":
		return vSay, "explain", true
	case "argue", "argues", "argued", "arguing":
		return vSay, "argue", true
	case "insist", "insists", "insisted", "insisting":
		return vSay, "insist", true
	case "stress", "stresses", "stressed", "stressing":
		return vSay, "stress", true
	case "maintain", "maintains", "maintained", "maintaining":
		return vSay, "maintain", true
	case "reiterate", "reiterates", "reiterated", "reiterating":
		return vSay, "reiterate", true
	case "retort", "retorts", "retorted", "retorting":
		return vSay, "retort", true
	case "underline", "underlines", "underlined", "underlining":
		return vSay, "underline", true
	case "emphasize", "emphasizes", "emphasized", "emphasizing",
		"emphasise", "emphasises", "emphasised", "emphasising":
		return vSay, "emphasize", true
	case "write", "writes", "wrote", "writing":
		return vSay, "write", true
	// cues of translated house styles ("affirmed that", "indicated that")
	case "affirm", "affirms", "affirmed", "affirming":
		return vSay, "affirm", true
	case "declare", "declares", "declared", "declaring":
		return vSay, "declare", true
	case "indicate", "indicates", "indicated", "indicating":
		return vSay, "indicate", true
	case "assure", "assures", "assured", "assuring":
		return vSay, "assure", true
	case "inform", "informs", "informed", "informing":
		return vSay, "inform", true
	case "deny", "denies", "denied", "denying":
		return vDeny, "deny", false
	case "reject", "rejects", "rejected", "rejecting":
		return vDeny, "reject", false
	case "dismiss", "dismisses", "dismissed", "dismissing":
		return vDeny, "dismiss", false
	case "rebuff", "rebuffs", "rebuffed", "rebuffing":
		return vDeny, "rebuff", false
	case "refute", "refutes", "refuted", "refuting":
		return vDeny, "refute", false
	case "dispute", "disputes", "disputed", "disputing":
		return vDeny, "dispute", false
	case "admit", "admits", "admitted", "admitting":
		return vAdmit, "admit", false
	case "acknowledge", "acknowledges", "acknowledged", "acknowledging":
		return vAdmit, "acknowledge", false
	case "concede", "concedes", "conceded", "conceding":
		return vAdmit, "concede", false
	case "confirm", "confirms", "confirmed", "confirming":
		return vAdmit, "confirm", false
	case "recognise", "recognises", "recognised", "recognising",
		"recognize", "recognizes", "recognized", "recognizing":
		return vAdmit, "recognize", true
	}
	return vNone, "", false
}

// phrasalAssert matches multi-word assertion cues at toks[i:] ("raised
// concerns about", "sounded the alarm over", "expressed concern over") and
// returns the number of tokens of the cue, the preposition included.
func phrasalAssert(toks []token, i, end int) int {
	w := toks[i].w
	at := func(k int) string {
		if i+k < end && toks[i+k].isWord() {
			return toks[i+k].w
		}
		return ""
	}
	prep := func(k int) int {
		switch at(k) {
		case "about", "over", "on", "regarding", "at":
			return k + 1
		case "that":
			return k // the that-clause is parsed by the caller
		}
		return 0
	}
	switch w {
	case "raise", "raises", "raised", "raising", "express", "expresses", "expressed", "expressing",
		"voice", "voices", "voiced", "voicing":
		k := 1
		switch at(k) {
		case "serious", "grave", "deep", "growing", "new", "fresh":
			k++
		}
		switch at(k) {
		case "concern", "concerns", "fears", "fear", "alarm", "worries", "doubts", "suspicions":
			return prep(k + 1)
		}
	case "sound", "sounds", "sounded", "sounding":
		if at(1) == "the" && at(2) == "alarm" {
			return prep(3)
		}
		if at(1) == "alarm" {
			return prep(2)
		}
	}
	return 0
}

// phrasalDeny matches "shrugged off", "brushed aside", "hit back at".
func phrasalDeny(toks []token, i, end int) int {
	if i+1 >= end || !toks[i+1].isWord() {
		return 0
	}
	switch toks[i].w {
	case "shrug", "shrugs", "shrugged", "shrugging", "brush", "brushes", "brushed", "brushing":
		if n := toks[i+1].w; n == "off" || n == "aside" {
			return 2
		}
	case "hit", "hits", "hitting":
		if toks[i+1].w == "back" && i+2 < end && toks[i+2].w == "at" {
			return 3
		}
	}
	return 0
}

// denyWord reports words that deny a claim by naming it false
// ("baseless", "propaganda", "lies").
func denyWord(w string) bool {
	switch w {
	case "baseless", "unfounded", "groundless", "propaganda", "lies", "lie", "fabricated",
		"fabrication", "fabrications", "smear", "slander", "slanderous", "untrue", "falsehoods",
		"disinformation", "misinformation", "nonsense", "absurd", "ridiculous":
		return true
	}
	return false
}

// claimNoun reports nouns that name a claim ("allegations", "reports").
func claimNoun(w string) bool {
	switch w {
	case "claim", "claims", "allegation", "allegations", "accusation", "accusations",
		"report", "reports", "charge", "charges", "suggestion", "suggestions", "comment",
		"comments", "remark", "remarks", "statement", "statements", "assertion", "assertions",
		"rumour", "rumours", "rumor", "rumors", "speculation", "story", "stories", "article",
		"criticism", "criticisms", "narrative", "reporting", "reportage", "assessment",
		"suspicions", "concerns", "warnings", "warning", "insinuations", "insinuation":
		return true
	}
	return false
}

// roleNoun reports title words that stand for a person ("the spokesman").
func roleNoun(w string) bool {
	switch w {
	case "spokesman", "spokeswoman", "spokesperson", "minister", "director", "president",
		"chief", "head", "adviser", "advisor", "envoy", "secretary", "ambassador", "chairman",
		"chairwoman", "chair", "ceo", "executive", "official", "leader", "governor", "commander",
		"prosecutor", "coach", "manager", "captain", "premier", "chancellor", "mayor", "senator",
		"lawyer", "attorney", "founder", "king", "queen", "prince", "general", "striker",
		"player", "midfielder", "defender", "goalkeeper", "winger", "forward", "star", "owner",
		"boss", "analyst", "diplomat", "negotiator", "representative", "deputy", "aide":
		return true
	}
	return false
}

// orgNoun reports common nouns that stand for an organisation ("the company").
func orgNoun(w string) bool {
	switch w {
	case "company", "firm", "ministry", "government", "club", "team", "police", "agency",
		"bank", "army", "department", "office", "party", "league", "federation", "board",
		"regulator", "embassy", "council", "group", "operator", "retailer", "carrier",
		"airline", "manufacturer", "startup", "platform", "network", "broadcaster", "union",
		"authority", "authorities", "administration", "kremlin", "cabinet", "campaign",
		"organisation", "organization", "commission", "university", "hospital", "court":
		return true
	}
	return false
}

// pronoun kinds.
const (
	prNone = iota
	prPerson
	prThing
)

func pronoun(w string) int {
	switch w {
	case "he", "she":
		return prPerson
	case "it", "they":
		return prThing
	}
	return prNone
}

// skippable reports words that may stand between a subject and its verb:
// auxiliaries, modals, negation and adverbs.
func skippable(w string) bool {
	switch w {
	case "has", "have", "had", "is", "was", "are", "were", "be", "been", "being", "do", "does",
		"did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
		"also", "again", "still", "already", "not", "n't", "never", "even", "then", "now",
		"too", "once", "however", "meanwhile", "in", "turn", "only", "often", "since":
		return true
	}
	return isAdverb(w)
}

func isAdverb(w string) bool {
	if len(w) < 5 || !strings.HasSuffix(w, "ly") {
		return false
	}
	switch w {
	case "family", "assembly", "supply", "reply", "rally", "anomaly", "monopoly", "italy",
		"july", "homily", "bully", "belly", "jelly", "folly", "holly", "lily", "emily", "kelly",
		"sally", "willy", "billy", "molly", "polly", "ally", "daily", "weekly", "monthly", "quarterly":
		return false
	}
	return true
}

// beForm reports forms of "to be" (for passive detection).
func beForm(w string) bool {
	switch w {
	case "is", "was", "are", "were", "be", "been", "being":
		return true
	}
	return false
}

// determiner reports words that open a noun phrase.
func determiner(w string) bool {
	switch w {
	case "the", "a", "an", "its", "their", "his", "her", "our", "both", "all", "some", "several",
		"many", "these", "those", "this", "that", "such", "other", "most", "two", "three", "any",
		"each", "every", "no", "whose", "my", "your":
		return true
	}
	return false
}

// possDet reports possessive determiners ("its Western backers").
func possDet(w string) bool {
	switch w {
	case "its", "their", "his", "her", "our":
		return true
	}
	return false
}

// npStop reports words that cannot be inside a subject noun phrase.
func npStop(w string) bool {
	switch w {
	case "and", "or", "but", "that", "which", "who", "whom", "whose", "when", "where", "while",
		"after", "before", "as", "if", "because", "since", "of", "in", "on", "at", "by", "for",
		"with", "from", "to", "into", "than", "about", "over", "under", "against", "between",
		"during", "without", "through", "also", "not", "n't", "has", "have", "had", "is", "was",
		"are", "were", "be", "been", "did", "does", "do", "will", "would", "can", "could", "said",
		"says", "say", "told", "he", "she", "it", "they", "we", "i", "you", "there", "here",
		"so", "then", "although", "though", "once", "until", "whether", "per", "via", "amid",
		"despite", "like", "unlike", "upon", "what", "why", "how", "last", "recently":
		return true
	}
	return false
}

// relPronoun reports relative pronouns that take their antecedent as subject.
func relPronoun(w string) bool { return w == "who" || w == "which" || w == "that" }

// clauseCut reports words that, after a comma, start a clause that is not
// part of a proposition.
func clauseCut(w string) bool {
	switch w {
	case "saying", "adding", "arguing", "stressing", "noting", "insisting", "explaining",
		"according", "while", "whereas", "but", "which", "who", "although", "though", "despite",
		"as", "after", "when", "before", "during", "without", "emphasizing", "emphasising", "underlining",
		"claiming", "warning", "describing", "calling", "urging", "he", "she", "they":
		return true
	}
	return false
}

// qualifierLead reports participles that attach a qualifying clause to an
// admission or denial ("stressing that …").
func qualifierLead(w string) bool {
	switch w {
	case "stressing", "insisting", "emphasizing", "emphasising", "underlining", "clarifying",
		"specifying", "assuring", "maintaining":
		return true
	}
	return false
}

// limitWord reports words that open a limiting qualifier inside a clause.
func limitWord(w string) bool {
	switch w {
	case "before", "only", "prior", "until", "since", "never", "solely", "merely", "just":
		return true
	}
	return false
}

// timeUnit reports words that may precede "before" in a qualifier
// ("months before the war").
func timeUnit(w string) bool {
	switch w {
	case "days", "weeks", "months", "years", "hours", "decades", "long", "well", "shortly",
		"day", "week", "month", "year", "minutes":
		return true
	}
	return false
}

// negation reports words that negate a following verb.
func negation(w string) bool {
	switch w {
	case "not", "n't", "never", "nor", "neither", "no":
		return true
	}
	return false
}

// refusal reports verbs that, followed by "to", negate the next verb
// ("declined to deny").
func refusal(w string) bool {
	switch w {
	case "decline", "declines", "declined", "declining", "refuse", "refuses", "refused",
		"refusing", "fail", "fails", "failed", "failing", "stop", "stopped":
		return true
	}
	return false
}

// capitalOf returns the names of the country a capital city (or a seat of
// government) stands for in news text, most usual first, or nil.
func capitalOf(name string) []string {
	var buf [16]byte
	if len(name) < 4 || len(name) > len(buf) {
		return nil
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(name)]) {
	case "tehran":
		return []string{"Iran"}
	case "moscow", "kremlin", "the kremlin":
		return []string{"Russia"}
	case "kyiv", "kiev":
		return []string{"Ukraine"}
	case "washington", "white house", "the white house":
		return []string{"United States", "US", "U.S.", "USA", "America"}
	case "beijing":
		return []string{"China"}
	case "london", "downing street":
		return []string{"Britain", "United Kingdom", "UK"}
	case "paris", "elysee", "élysée":
		return []string{"France"}
	case "berlin":
		return []string{"Germany"}
	case "ankara":
		return []string{"Turkey", "Türkiye"}
	case "jerusalem":
		return []string{"Israel"}
	case "damascus":
		return []string{"Syria"}
	case "pyongyang":
		return []string{"North Korea"}
	case "seoul":
		return []string{"South Korea"}
	case "tokyo":
		return []string{"Japan"}
	case "new delhi":
		return []string{"India"}
	case "islamabad":
		return []string{"Pakistan"}
	case "riyadh":
		return []string{"Saudi Arabia"}
	case "cairo":
		return []string{"Egypt"}
	case "minsk":
		return []string{"Belarus"}
	case "warsaw":
		return []string{"Poland"}
	case "baghdad":
		return []string{"Iraq"}
	case "kabul":
		return []string{"Afghanistan"}
	case "beirut":
		return []string{"Lebanon"}
	case "caracas":
		return []string{"Venezuela"}
	case "havana":
		return []string{"Cuba"}
	case "brussels":
		return []string{"European Union", "EU"}
	}
	return nil
}

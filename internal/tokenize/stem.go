package tokenize

// stopwords is a small set of English function words, in the normalised
// form produced by the tokenizer (lower case, apostrophes dropped).
var stopwords = func() map[string]struct{} {
	words := []string{
		"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
		"any", "are", "arent", "as", "at", "be", "because", "been", "before", "being", "below",
		"between", "both", "but", "by", "can", "cant", "cannot", "could", "couldnt", "did",
		"didnt", "do", "does", "doesnt", "doing", "dont", "down", "during", "each", "few", "for",
		"from", "further", "had", "hadnt", "has", "hasnt", "have", "havent", "having", "he",
		"hed", "hell", "her", "here", "heres", "hers", "herself", "hes", "him", "himself", "his",
		"how", "hows", "i", "id", "if", "ill", "im", "in", "into", "is", "isnt", "it", "its",
		"itself", "ive", "just", "lets", "me", "more", "most", "mustnt", "my", "myself", "no",
		"nor", "not", "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours",
		"ourselves", "out", "over", "own", "same", "shall", "shant", "she", "shed", "shell",
		"shes", "should", "shouldnt", "so", "some", "such", "than", "that", "thats", "the",
		"their", "theirs", "them", "themselves", "then", "there", "theres", "these", "they",
		"theyd", "theyll", "theyre", "theyve", "this", "those", "through", "to", "too", "under",
		"until", "up", "upon", "us", "very", "was", "wasnt", "we", "wed", "well", "were", "weve",
		"werent", "what", "whats", "when", "whens", "where", "wheres", "which", "while", "who",
		"whom", "whos", "why", "whys", "will", "with", "wont", "would", "wouldnt", "you", "youd",
		"youll", "youre", "youve", "your", "yours", "yourself", "yourselves", "yet", "may",
		"might", "must", "since", "although", "though", "via", "per", "among", "within",
		"without", "onto", "whether", "ago", "s", "t",
	}
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}()

// stopTableSize is the number of slots of stopTable, a power of two.
const stopTableSize = 1024

// maxStopLen is the length of the longest stopword.
const maxStopLen = 10

// stopTable is an open-addressing hash set of the stopwords, faster than a
// map for the tokenizer's hot loop.
var stopTable = func() (t [stopTableSize]string) {
	for w := range stopwords {
		if len(w) > maxStopLen {
			panic("tokenize: stopword too long: " + w)
		}
		i := Hash([]byte(w)) & (stopTableSize - 1)
		for t[i] != "" {
			i = (i + 1) & (stopTableSize - 1)
		}
		t[i] = w
	}
	return t
}()

// IsStopword reports whether w (already lower-cased and normalised) is one
// of the English function words the tokenizer can drop.
func IsStopword(w string) bool {
	_, ok := stopwords[w]
	return ok
}

// isStopword is IsStopword for a byte slice, through stopTable.
func isStopword(w []byte) bool {
	if len(w) > maxStopLen || len(w) == 0 {
		return false
	}
	i := Hash(w) & (stopTableSize - 1)
	for {
		s := stopTable[i]
		if s == "" {
			return false
		}
		if s == string(w) {
			return true
		}
		i = (i + 1) & (stopTableSize - 1)
	}
}

// derivations are the derivational suffixes Stem removes, with what
// replaces them, longest first.
var derivations = [...]struct{ suf, rep string }{
	{"ational", "ate"}, {"ization", "ize"}, {"isation", "ize"}, {"ation", "ate"},
	{"ment", ""}, {"ity", ""}, {"ness", ""},
}

// stemExceptions are words ending in "s" that are not plurals.
var stemExceptions = map[string]struct{}{
	"news": {}, "series": {}, "species": {}, "always": {}, "perhaps": {},
	"whereas": {}, "various": {}, "afterwards": {}, "towards": {}, "besides": {},
	"nowadays": {}, "sometimes": {}, "thus": {}, "gas": {}, "bias": {}, "chaos": {},
	"lens": {}, "politics": {}, "economics": {}, "physics": {}, "athletics": {},
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func hasVowel(b []byte) bool {
	for _, c := range b {
		if isVowel(c) {
			return true
		}
	}
	return false
}

// isASCIILower reports whether b is made only of the bytes a-z.
func isASCIILower(b []byte) bool {
	for _, c := range b {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// Stem strips common English suffixes conservatively, in place: plural
// "s"/"ies"/"sses", then the derivations "ation", "ment", "ity" and "ness"
// (so "shipment" meets "ship" and "cooperation" meets "cooperate"), then
// "ied" (to "y"), "ing" and "ed" (undoubling a final double consonant),
// then a final silent "e", so that "fire", "fires", "fired" and "firing"
// share one stem, and so do "supply", "supplies" and "supplied". Words
// shorter than four bytes, words with non-ASCII letters or digits, and a
// few listed non-plurals are returned unchanged. It is the one stemmer of
// the project: clustering features and claim grouping both use it. The
// result aliases w.
func Stem(w []byte) []byte {
	n := len(w)
	if n < 4 || !isASCIILower(w) {
		return w
	}
	if w[n-1] == 's' {
		if _, ok := stemExceptions[string(w)]; ok {
			return w
		}
	}
	// Plurals.
	switch {
	case hasSuffix(w, "sses"):
		w = w[:n-2]
	case hasSuffix(w, "ies") && n > 4:
		w = append(w[:n-3], 'y')
	case w[n-1] == 's' && !hasSuffix(w, "ss") && !hasSuffix(w, "us") && !hasSuffix(w, "is"):
		w = w[:n-1]
	}
	// Derivations that name the act or quality of a verb or adjective:
	// "shipment", "cooperation", "capacity", "readiness".
	n = len(w)
	for _, d := range derivations {
		if hasSuffix(w, d.suf) && n-len(d.suf)+len(d.rep) >= 4 {
			w = append(w[:n-len(d.suf)], d.rep...)
			break
		}
	}
	// Verb endings.
	n = len(w)
	switch {
	case hasSuffix(w, "ied") && n >= 5:
		w = append(w[:n-3], 'y')
	case n == 4 && hasSuffix(w, "ed") && w[1] != 'e' && (isVowel(w[0]) || isVowel(w[1])):
		// the past of a three-letter verb ending in e: "used", "died", "aged"
		w = w[:3]
	case hasSuffix(w, "ing") && n >= 6 && hasVowel(w[:n-3]):
		w = undouble(w[:n-3])
	case hasSuffix(w, "ed") && n >= 5 && !hasSuffix(w, "eed") && hasVowel(w[:n-2]):
		w = undouble(w[:n-2])
	}
	// Silent e.
	n = len(w)
	if n >= 4 && w[n-1] == 'e' && w[n-2] != 'e' {
		w = w[:n-1]
	}
	return w
}

// StemString is Stem for a string.
func StemString(w string) string {
	return string(Stem([]byte(w)))
}

func hasSuffix(b []byte, suf string) bool {
	// The last bytes first: most words fail there, without a call to
	// compare memory.
	return len(b) >= len(suf) && b[len(b)-1] == suf[len(suf)-1] && string(b[len(b)-len(suf):]) == suf
}

// undouble turns a final double consonant into a single one ("runn" to
// "run"), except for l, s and z ("fall", "pass", "buzz").
func undouble(w []byte) []byte {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !isVowel(w[n-1]) {
		switch w[n-1] {
		case 'l', 's', 'z':
			return w
		}
		return w[:n-1]
	}
	return w
}

package extract

import (
	"regexp"
	"strings"
)

// Calls to the reader in extracted HTML. A news page often closes its
// article with one — subscribe, download the app, join the channel, tell us
// in the comments, support our work — and sets some between paragraphs. Such
// a block is long enough to pass for a paragraph, so it is known by a phrase
// that speaks to the reader for the page (see callPhrases), without quoted
// speech: any block of the last few, and a short one elsewhere.

// tailWindow is how many of the last kept lines of a body are looked at
// for calls to the reader.
const tailWindow = 3

// minTailBody is the fewest kept lines a body must have for its tail to be
// looked at: a body of one or two blocks is left as it is.
const minTailBody = 4

// maxCallWords is the longest call to the reader, in words, and
// maxInnerCallWords the longest one before the last lines of the body.
const (
	maxCallWords      = 60
	maxInnerCallWords = 25
)

// quoteMarks open or close quoted speech: a block quoting someone is the
// article's, whatever it says.
const quoteMarks = "\"“”„«»"

// callPhrases are calls to the reader in themselves, in several
// languages (lower case, matched anywhere in the line).
var callPhrases = []string{
	// English
	"sign up for our", "subscribe to our", "subscribe now", "download our app",
	"get our app", "consider supporting",
	"support our work", "support our journalism", "support independent journalism",
	"supporting our work", "letter to the editor via", "join our channel",
	"follow us on", "let us know in the comments",
	"tell us in the comments", "did you enjoy this", "enjoyed this article",
	"liked this article", "like this article?", "like this story?",
	// German
	"in deinen posteingang", "in ihren posteingang", "in euren posteingang",
	"newsletter abonnieren", "jetzt abonnieren", "hier klicken und", "hier abonnieren",
	"unterstütze uns", "unterstützt uns", "unterstützen sie uns", "unterstützen sie unsere",
	"folgen sie uns",
	"folge uns", "gefällt dir unser", "gefällt ihnen unser", "gefällt euch unser",
	"lust auf mehr?", "jetzt auch digital", "dieser artikel gefällt", "gefällt ihnen dieser",
	"gefällt dir dieser",
	// Spanish, Portuguese
	"nuestro canal de", "únete", "suscríbete", "suscribete", "suscríbase", "síguenos",
	"siguenos", "cancela cuando quieras", "nosso canal", "inscreva-se", "te gustó esta",
	"le gustó esta", "gostou desta",
	"siga-nos", "assine a newsletter", "baixe o app", "descarga nuestra app",
	// French, Italian
	"abonnez-vous", "inscrivez-vous à notre", "notre newsletter", "notre chaîne",
	"suivez-nous", "vous avez aimé cet", "iscriviti", "seguici", "il nostro canale",
	// Polish
	"zapraszamy do subskrypcji", "zapraszamy też do subskrypcji",
	"zapraszamy także do subskrypcji", "zobacz oferty", "subskrybuj",
}

// commentWords name the comments under a page, in several languages
// (lower case, matched anywhere in the line), and commentCalls ask the
// reader to write one: a block holding one of each calls to comment
// ("Verraten Sie gerne in den Kommentaren: …", "Leave a comment below").
var (
	commentWords = []string{"comment", "kommentar", "comentario", "comentário", "commento",
		"komentarz"}
	commentCalls = []string{"verraten sie", "verratet", "verrate ", "schreibt uns", "schreiben sie",
		"schreib uns", "hinterlass", "leave a", "leave us", "let us know", "tell us", "share your",
		"dinos", "déjanos", "dejanos", "cuéntanos", "cuentanos", "dites-nous", "laissez",
		"lasciate", "lascia un", "napisz", "daj znać", "deixe", "conte-nos"}
)

// maxCommentCall is the longest call to comment, in words.
const maxCommentCall = 60

// commentCall reports whether a lower-cased block of at most
// maxCommentCall words asks the reader to comment (see commentWords).
func commentCall(lower string) bool {
	if countWords(lower) > maxCommentCall || !containsAny(lower, commentWords) {
		return false
	}
	return containsAny(lower, commentCalls)
}

// appCall reports whether a lower-cased block points the reader to the
// outlet's apps: it names both phone systems and asks for a download
// ("… download our apps for iOS and Android").
func appCall(lower string) bool {
	if !strings.Contains(lower, "android") || !strings.Contains(lower, "ios") {
		return false
	}
	return containsAny(lower, downloadWords)
}

// downloadWords ask the reader to download, in several languages.
var downloadWords = []string{"download", "herunterladen", "lade dir", "laden sie", "descarg",
	"baixe", "télécharg", "scarica", "pobierz"}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// rxAcronymSignoff matches the last line of an agency's story when it is
// only the agency's or the editors' initials in capitals ("RIRM", "(AFP)",
// "PAP/EFE").
var rxAcronymSignoff = regexp.MustCompile(`^[(\[]?\p{Lu}{2,6}(?:\s*[/,;-]\s*\p{Lu}{2,6}){0,3}[)\]]?\.?$`)

// readerCall reports whether a block of at most maxCallWords words holds
// one of callPhrases.
func readerCall(l string) bool {
	if countWords(l) > maxCallWords {
		return false
	}
	lower := strings.ToLower(l)
	return containsAny(lower, callPhrases) || commentCall(lower) || appCall(lower)
}

// dropTailCalls drops the calls to the reader (see readerCall) among the
// last tailWindow kept lines of a body, and before them those of at most
// maxInnerCallWords words; a line with quotation marks stays. A body of fewer than
// minTailBody kept lines is left as it is.
func dropTailCalls(lines []line) {
	kept := 0
	for _, l := range lines {
		if !l.drop {
			kept++
		}
	}
	if kept < minTailBody {
		return
	}
	seen := 0
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i].drop {
			continue
		}
		seen++
		t := lines[i].text
		if strings.ContainsAny(t, quoteMarks) || seen > tailWindow && countWords(t) > maxInnerCallWords {
			continue
		}
		if readerCall(t) || seen == 1 && rxAcronymSignoff.MatchString(t) {
			lines[i].drop = true
		}
	}
}

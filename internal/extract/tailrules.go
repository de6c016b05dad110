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
	for _, p := range callPhrases {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
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

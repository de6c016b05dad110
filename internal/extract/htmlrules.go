package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Rules that only the cleaning of extracted HTML applies (see cleanBody):
// there every line is a block of the page (a paragraph, a heading, a list
// item), so a short block that opens with a pointer to another story or a
// call to sign up is page furniture as a whole.

// otherMarkerPhrases are markerPhrases in other languages than English:
// headings over teasers of other stories, matched against line keys.
var otherMarkerPhrases = setOf(
	// German
	"auch interessant", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
	"das könnte sie interessieren", "lesen sie auch", "lies auch", "auch lesen", "mehr zum thema",
	"weitere themen", "mehr themen", "weitere artikel", "ähnliche artikel", "verwandte artikel",
	"verwandte themen", "neueste artikel", "neueste beiträge", "neue beiträge", "ähnliche beiträge",
	"weitere beiträge", "meistgelesen", "meistgelesene artikel", "empfehlungen", "mehr dazu",
	"siehe auch", "weiterlesen", "zum weiterlesen", "top themen", "mehr aus dem ressort",
	"interessante links", "neueste blogbeiträge", "beliebte beiträge",
	// Spanish, Portuguese
	"contenido relacionado", "noticias relacionadas", "artículos relacionados", "te puede interesar",
	"le puede interesar", "también te puede interesar", "lea también", "lee también", "más noticias",
	"lo más leído", "últimas noticias", "leia também", "veja também", "notícias relacionadas",
	"mais lidas", "você pode gostar", "seguí leyendo", "seguir leyendo", "sigue leyendo",
	"continúa leyendo", "continuar leyendo", "continue lendo", "leia mais",
	// French, Italian
	"à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "articles similaires",
	"vous aimerez aussi", "les plus lus", "leggi anche", "articoli correlati", "potrebbe interessarti",
	// Dutch, Polish, Scandinavian
	"lees ook", "gerelateerde artikelen", "czytaj też", "czytaj także", "zobacz też", "zobacz także",
	"polecamy", "läs också", "les også", "læs også", "relaterte artikler",
)

// topicHeading reports whether a line key is a short German heading over
// more on the story's topic ("Videos zum Thema", "Artikel zum Thema").
func topicHeading(key string) bool {
	return strings.HasSuffix(key, " zum thema") && countWords(key) <= 4
}

// otherJunkPhrases are junkPhrases in other languages than English: whole
// blocks of page furniture, matched against line keys.
var otherJunkPhrases = setOf(
	"anzeige", "werbung", "publicidad", "publicité", "pubblicità", "publicidade", "reklama",
	"teilen", "teilen mit", "drucken", "kommentare", "kategorien", "schlagwörter", "compartir",
	"comentarios", "partager", "commentaires", "condividi", "compartilhe", "wird geladen",
	"cargando", "chargement", "caricamento", "carregando",
	// Notices left where embedded content (a map, a video, a post) is
	// shown only after consent.
	"externer inhalt", "externe inhalte", "external content", "embedded content",
	"contenu externe", "contenido externo", "conteúdo externo", "contenuto esterno",
	"alle angaben ohne gewähr", "angaben ohne gewähr", "ohne gewähr",
	"empfohlener redaktioneller inhalt", "inhalt laden", "inhalte laden", "load content",
	// Buttons beside pictures.
	"bild anzeigen", "bilder anzeigen", "bild vergrößern", "foto anzeigen", "show image",
	"view image", "enlarge photo", "ver imagen", "ampliar imagen", "agrandir l image",
)

// rxOtherSignup matches a block that calls to follow, subscribe or give
// in a language other than English ("Síguenos en …", "Folgen Sie uns …").
// It runs on lower-cased lines.
var rxOtherSignup = regexp.MustCompile(`^(?:síguenos|siguenos|sígue(?:nos)?|folgen sie uns|folge uns|suivez-nous|suivez nous|segue-nos|siga-nos|seguici|seguiteci|abonnieren sie|abonniere|suscríbete|suscribete|abonnez-vous|inscreva-se|assine|hazte miembro|unterstütze|unterstützen sie|soutenez)\b`)

// rxEmbedNotice matches the prose notice that stands in for embedded
// content until the reader allows it ("Klicken Sie auf den Button, um den
// Inhalt von … zu laden", "Click the button below to load the content
// from …"), and a notice that one is not logged in. It runs on
// lower-cased lines.
var rxEmbedNotice = regexp.MustCompile(`(?:\binhalte? (?:von|aus) .{1,80} (?:zu )?laden|\bload (?:the )?content (?:from|of)\b|\bcharger le contenu\b|\bcargar el contenido\b|\bnicht (?:eingeloggt|angemeldet)\b|\bnot logged in\b|\bmust be logged in\b)`)

// embedNoticeWords are words of which a line must hold one for
// rxEmbedNotice to run.
var embedNoticeWords = []string{"laden", "load", "charger", "cargar", "eingeloggt", "angemeldet", "logged"}

// rxSourceLine matches a short line naming the source of the text or a
// picture ("Quelle: Landesregierung", "Source: the ministry", "Fuente:
// …"). It runs on lower-cased lines.
var rxSourceLine = regexp.MustCompile(`^[(\[]?\s*(?:quelle|quellen|source|sources|fuente|fuentes|fonte|fontes|źródło|źródła|bron|bronnen|kilde|källa|lähde|zdroj)\s*:`)

// sourceFirst are the first words (of line keys) rxSourceLine can match.
var sourceFirst = setOf("quelle", "quellen", "source", "sources", "fuente", "fuentes", "fonte",
	"fontes", "źródło", "źródła", "bron", "bronnen", "kilde", "källa", "lähde", "zdroj")

// maxSourceLine is the longest source line, in words.
const maxSourceLine = 12

// rxContactLine matches a short line of a press contact: a telephone or
// fax number, or the heading over the press officer ("Pressekontakt",
// "Media contact: …"). It runs on lower-cased lines.
var rxContactLine = regexp.MustCompile(`^(?:(?:tel\.?|telefon|telephone|phone|fax|telefax|mobil|mobile)\s*[:.]?\s*[+(0-9]|(?:pressekontakt|pressesprecher|ansprechpartner|medienkontakt|press contact|media contact|media enquiries|press enquiries|contacto de prensa|contact presse|contatto stampa)\S*(?:\s|$))`)

// contactFirst are the first words (of line keys) rxContactLine can
// match.
var contactFirst = setOf("tel", "telefon", "telephone", "phone", "fax", "telefax", "mobil",
	"mobile", "pressekontakt", "pressesprecher", "pressesprecherin", "ansprechpartner",
	"ansprechpartnerin", "medienkontakt", "press", "media", "contacto", "contact", "contatto")

// maxContactLine is the longest contact line, in words.
const maxContactLine = 12

// rxAgencySignoff matches the sign-off that ends an agency story: the
// editors' initials and the agency's, alone on the line ("aja/PAP",
// "(dr/spot)", "erb/ots").
var rxAgencySignoff = regexp.MustCompile(`^[(\[]?\p{Ll}{2,4}(?:\s*[/,]\s*\p{L}{2,6}){1,3}[)\]]?$`)

// rxOtherLead matches a block that points to another story in a language
// other than English: "Lea también: …", "Lesen Sie auch: …", "À lire aussi | …".
// It runs on lower-cased lines.
var rxOtherLead = regexp.MustCompile(`^(?:lesen sie hier|hier weiterlesen|weiterlesen|mehr lesen|vea también|véase también|ver también|vea además|lea también|lea además|lea más|lea|lee también|lee más|le puede interesar|te puede interesar|leia também|leia mais|veja também|veja mais|à lire aussi|a lire aussi|lire aussi|voir aussi|lesen sie auch|lesen sie mehr|lies auch|auch lesen|mehr zum thema|siehe auch|leggi anche|vedi anche|czytaj też|czytaj także|czytaj więcej|zobacz też|zobacz także|lees ook|lees meer|läs också|les også|læs også|dowiedz się więcej|czytaj również|przeczytaj też|przeczytaj także|przeczytaj również|zobacz również)\s*[:|–—»›>-]`)

// rxOtherCredit matches a picture credit in a language other than
// English ("Foto: …", "Beitragsbild: …", "Crédits photos : …", "Photo
// d'illustration : …", "Imagen de archivo: …"). It runs on
// lower-cased lines.
var rxOtherCredit = regexp.MustCompile(`^[(\[]?\s*(?:fotos?|bild|bilder|beitragsbild|titelbild|symbolbild|imagen|imagens|crédits? photos?|crédit|foto di|fotografía|fotografia|zdjęcie|fot\.|photo d['’]illustration|image d['’]illustration|images? illustratives?|illustration|foto ilustrativa|imagen ilustrativa|imagen de archivo|foto de archivo)\s*[:|/–—-]`)

// otherCreditFirst are the first words (of line keys) rxOtherCredit can
// match.
var otherCreditFirst = setOf("foto", "fotos", "bild", "bilder", "beitragsbild", "titelbild",
	"symbolbild", "imagen", "imagens", "crédits", "crédit", "fotografía", "fotografia", "zdjęcie", "fot", "photo", "image",
	"images", "illustration")

// rxWireCredit matches the line that says who reported, wrote and edited
// a news agency's story ("(Reporting by …; Editing by …)", "Additional
// reporting by …"). It runs on lower-cased lines.
var rxWireCredit = regexp.MustCompile(`^[(\[—–-]?\s*(?:(?:additional |further )?(?:reporting|writing|editing|fact-checking) by\b|(?:with )?additional reporting\b)`)

// rxWireNote matches other notes that end a story rather than tell it:
// "Contributing: …", "Our Standards: …", "This story was originally
// published …". It runs on lower-cased lines.
var rxWireNote = regexp.MustCompile(`^(?:contributing\s*:|our standards\s*:|this (?:story|article) (?:was |has been |is )?(?:originally |first |also |last )?(?:published|updated|corrected|appeared)\b)`)

// rxAgencyNote matches a short note naming the agencies a story draws on
// ("Mit Material von dpa", "Con información de AFP", "Avec l'AFP"). It
// runs on lower-cased lines.
var rxAgencyNote = regexp.MustCompile(`^[(\[]?\s*(?:mit material (?:von|der|aus)|con información de|com informações d[aoe]s?|avec (?:l'|l’)?(?:afp|reuters|ap)\b)`)

// wireFirst are the first words (of line keys) the patterns above can
// match.
var wireFirst = setOf("additional", "further", "reporting", "writing", "editing", "fact",
	"with", "contributing", "our", "this", "mit", "con", "com", "avec")

// maxWireLine is the longest such note, in words, and maxAgencyNote the
// longest note naming agencies.
const (
	maxWireLine   = 30
	maxAgencyNote = 10
)

// wireNote reports whether a short line is a note on who reported the
// story or where it was first published (see rxWireCredit, rxWireNote,
// rxAgencyNote), or says that others contributed to it ("The Associated
// Press contributed to this report."). A credit line that ends like a
// sentence needs brackets or a semicolon ("Reporting by the paper found
// …" is a sentence).
func wireNote(l, key, lower string) bool {
	words := countWords(l)
	if words > maxWireLine {
		return false
	}
	if wireFirst[firstWord(key)] {
		switch {
		case rxWireCredit.MatchString(lower):
			return !endsSentence(l) || strings.HasPrefix(l, "(") || strings.Contains(l, ";")
		case rxWireNote.MatchString(lower):
			return true
		case words <= maxAgencyNote && rxAgencyNote.MatchString(lower):
			return true
		}
	}
	return words <= 20 && (strings.Contains(key, "contributed to this report") ||
		strings.Contains(key, "contributed to this story") || strings.Contains(key, "contributed reporting"))
}

// moreFirst are words that open a heading pointing to more of the site's
// content ("Weitere Themen aus der Region", "Más sobre el torneo",
// "More from the newsroom").
var moreFirst = setOf("more", "further", "weitere", "weiterer", "mehr", "más", "plus", "altri",
	"altre", "mais", "więcej")

// maxMoreHeading is the longest such heading, in words.
const maxMoreHeading = 8

// htmlFurniture reports whether a short block of extracted HTML is a
// pointer to another story ("Read more: …", "Lea también: …") or a call to
// subscribe or sign up, a copyright notice, a caption ending in a
// copyright sign, a picture credit, a heading over more of the site's
// content ("Weitere Beiträge aus der Kolumne:") or over a newsletter. Callers pass only short blocks (see sureKind):
// longer ones are paragraphs that happen to start that way.
func htmlFurniture(l, key string) bool {
	if countWords(l) > 30 {
		return false
	}
	first := firstWord(key)
	lower := strings.ToLower(l)
	switch {
	case teaserFirst[first] && rxTeaserLead.MatchString(lower):
		return true
	case signupFirst[first] && rxSignup.MatchString(lower):
		return true
	case otherJunkPhrases[key] || rxOtherSignup.MatchString(lower):
		return true
	case moreHeading(l, first):
		return true
	case countWords(l) <= 5 && strings.Contains(key, "newsletter") && !strings.HasSuffix(l, "."):
		return true
	case strings.Contains(l, "©") || first == "copyright" || strings.Contains(key, "all rights reserved"):
		return true
	case creditFirst[first] && rxCredit.MatchString(lower),
		otherCreditFirst[first] && rxOtherCredit.MatchString(lower):
		return true
	case countWords(l) <= 20 && !endsSentence(l) && rxAgencyCredit.MatchString(lower):
		return true
	case (strings.Contains(key, "newsletter") || strings.Contains(key, "inbox")) &&
		(strings.Contains(key, "sign up") || strings.Contains(key, "subscribe") || strings.Contains(key, "your email")):
		return true
	case sourceFirst[first] && countWords(l) <= maxSourceLine && rxSourceLine.MatchString(lower):
		return true
	case contactFirst[first] && countWords(l) <= maxContactLine && rxContactLine.MatchString(lower):
		return true
	case len(l) <= 24 && strings.IndexByte(l, '/') > 0 && rxAgencySignoff.MatchString(l):
		return true
	case strings.HasPrefix(l, "MIRA:") || strings.HasPrefix(l, "MIRA |"):
		// Spanish "look": a pointer to a video or another story, set in
		// capitals (a lower-case "Mira:" may be a speaker's name).
		return true
	case embedNotice(lower):
		return true
	case wireNote(l, key, lower):
		return true
	case metaRow(l):
		return true
	}
	return strings.IndexAny(l[:min(len(l), 48)], ":|–—»›>-") >= 0 && rxOtherLead.MatchString(lower)
}

// moreHeading reports whether a block is a short heading over more of the
// site's content ("Weitere Beiträge aus der Kolumne", "More on the
// economy:"); first is the first word of its key.
func moreHeading(l, first string) bool {
	return moreFirst[first] && countWords(l) <= maxMoreHeading && !strings.HasSuffix(l, ".") && !strings.HasSuffix(l, "!")
}

// minParagraphAfter is the fewest words of the paragraph that follows a
// heading starting like a heading over more of the site for the heading to
// be the article's own subheading ("More money for schools" over the
// paragraph that tells of it).
const minParagraphAfter = 25

// keepSubheadings puts back the lines dropped as headings over more of the
// site (see moreHeading) that are the article's subheadings: not ending in
// a colon or an ellipsis, and followed by a paragraph of at least
// minParagraphAfter words that is kept.
func keepSubheadings(lines []line) {
	for i := range lines {
		l := lines[i].text
		if !lines[i].drop || lines[i].kind != kindJunk || !moreHeading(l, firstWord(lines[i].key)) {
			continue
		}
		if t := strings.TrimSpace(l); strings.HasSuffix(t, ":") || strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...") {
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j].text) == "" {
			j++
		}
		if j < len(lines) && !lines[j].drop && countWords(lines[j].text) >= minParagraphAfter &&
			sharesStem(lines[i].key, lineKey(lines[j].text)) {
			lines[i].drop = false
			lines[i].kind = kindText
		}
	}
}

// stemRunes is how many leading letters of a word stand for it when a
// heading is compared with the paragraph under it ("Zellprojekte" and
// "Zellprojekt", "investments" and "investiert").
const stemRunes = 6

// sharesStem reports whether a heading (a line key) shares with the
// paragraph under it (its key) a word of at least five letters after the
// heading's first word, compared by its first stemRunes letters.
func sharesStem(heading, para string) bool {
	words := strings.Fields(heading)
	if len(words) < 2 {
		return false
	}
	for _, w := range words[1:] {
		if utf8.RuneCountInString(w) < 5 {
			continue
		}
		if strings.Contains(para, runePrefix(w, stemRunes)) {
			return true
		}
	}
	return false
}

// runePrefix returns the first n characters of s (all of s when it is
// shorter).
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// embedNotice reports whether a lower-cased block is a notice standing in
// for embedded content or for a form only logged-in readers see.
func embedNotice(lower string) bool {
	for _, w := range embedNoticeWords {
		if strings.Contains(lower, w) {
			return rxEmbedNotice.MatchString(lower)
		}
	}
	return false
}

// metaSeparators split the fields of a meta row.
var metaSeparators = []string{" | ", " · ", " • "}

// maxMetaRow is the longest meta row, in words, and maxMetaField the
// longest of its fields.
const (
	maxMetaRow   = 20
	maxMetaField = 6
)

// metaRow reports whether a short block is a row of the article's
// metadata: short fields joined by bars or dots, one of them a date
// ("March 3, 2024 at 08:45 AM | categories: Harbour | View Comments",
// "24. April 2024 | Pressemitteilungen").
func metaRow(l string) bool {
	sep := ""
	for _, s := range metaSeparators {
		if strings.Contains(l, s) {
			sep = s
			break
		}
	}
	if sep == "" || countWords(l) > maxMetaRow || endsSentence(l) {
		return false
	}
	dated := false
	for _, f := range strings.Split(l, sep) {
		if countWords(f) > maxMetaField {
			return false
		}
		if !dated {
			_, dated = parseDateRow(strings.TrimSpace(f))
		}
	}
	return dated
}

// moreLinks are the bracketed links to the rest of another story that
// some pages end a paragraph with ("… in Polsce. [czytaj więcej]"), as
// line keys.
var moreLinks = setOf("więcej", "czytaj więcej", "read more", "more", "mehr", "weiterlesen",
	"leer más", "lire la suite", "leia mais", "continua a leggere", "lees meer")

// trimMoreLink removes a bracketed link to more (see moreLinks) that ends
// a line after other text.
func trimMoreLink(l string) string {
	if !strings.HasSuffix(l, "]") {
		return l
	}
	i := strings.LastIndexByte(l, '[')
	if i <= 0 || len(l)-i > 24 || !moreLinks[lineKey(l[i:])] {
		return l
	}
	if head := strings.TrimSpace(l[:i]); head != "" {
		return head
	}
	return l
}

package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// lineKind is what the general rules make of one line.
type lineKind uint8

const (
	// kindText is article text (or at least not known boilerplate).
	kindText lineKind = iota
	// kindJunk is boilerplate: navigation, sharing, sign-up, credits, code.
	kindJunk
	// kindDate is a row holding only a date.
	kindDate
	// kindMarker is boilerplate that introduces teasers of other stories
	// ("Check Also", "Related Articles", "Read more").
	kindMarker
	// kindByline and kindCopyright are boilerplate that may name the
	// author or the outlet (see Cleaned.Author).
	kindByline
	kindCopyright
)

// markerPhrases introduce links or teasers to other stories. They are matched
// against a line's key (see lineKey).
var markerPhrases = setOf(
	"check also", "see also", "also read", "read also", "also see", "read more", "more",
	"read next", "up next", "next up", "watch next", "related", "related articles",
	"related article", "related posts", "related post", "related stories", "related story",
	"related news", "related content", "related links", "related topics", "related coverage",
	"more stories", "more news", "more articles", "more to read", "more on this story",
	"more on this", "more on this topic", "more in this section", "more from this section",
	"other news", "also on", "you may also like", "you might also like", "you may like",
	"you might like", "we recommend", "recommended", "recommended for you",
	"recommended stories", "recommended articles", "recommended reading", "suggested reading",
	"dont miss", "do not miss", "editors picks", "editor s picks", "top picks", "must read",
	"must reads", "trending", "trending now", "trending stories", "most read", "most popular",
	"most viewed", "popular", "popular posts", "popular stories", "latest", "latest news",
	"latest stories", "latest posts", "latest articles", "recent posts", "recent news",
	"recent articles", "top stories", "in other news", "further reading", "keep reading",
	"previous article", "next article", "previous post", "next post", "previous story",
	"next story", "prev", "previous", "next", "older post", "newer post", "older posts",
	"newer posts", "related searches", "from around the web", "around the web",
	"sponsored stories", "promoted stories", "more from our network", "what to read next",
	"read this next", "see more", "view more", "more headlines", "top headlines",
)

// junkPhrases are whole lines of page furniture, matched against line keys.
var junkPhrases = setOf(
	"spread the love", "show more", "show less", "load more", "view all", "see all",
	"read full article", "read the full article", "read full story", "read the full story",
	"continue reading", "continue reading below", "story continues below",
	"story continues below advertisement", "article continues below",
	"article continues below advertisement", "scroll to continue with content",
	"scroll to continue", "back to top", "back to top button", "scroll to top", "go to top",
	"to top", "top", "advertisement", "advertisements", "advertising", "ad", "ads",
	"sponsored", "sponsored content", "promoted", "promoted content", "paid content",
	"paid post", "partner content", "skip to content", "skip to main content",
	"skip to navigation", "skip to footer", "toggle navigation", "menu", "main menu",
	"open menu", "close menu", "search", "close", "home", "homepage", "login", "log in",
	"sign in", "sign up", "register", "subscribe", "subscribe now", "subscribe today",
	"share", "shares", "share this", "share this article", "share this story",
	"share this post", "share this page", "share article", "share story", "share post",
	"share on facebook", "share on twitter", "share on whatsapp", "share on linkedin",
	"share via email", "share by email", "share via", "share on", "tweet", "tweet this",
	"email", "e mail", "print", "print this", "print this page", "print article",
	"copy link", "copy the link", "link copied", "copied", "comments", "comment",
	"leave a comment", "leave a reply", "post a comment", "add comment", "add a comment",
	"view comments", "show comments", "hide comments", "join the conversation",
	"loading", "please wait", "watch", "watch video", "watch now", "play video", "play",
	"pause", "mute", "unmute", "listen", "listen to this article", "listen to article",
	"click to enlarge", "enlarge this image", "enlarge image", "toggle caption",
	"hide caption", "show caption", "caption", "image", "photo", "photos", "video",
	"videos", "gallery", "photo gallery", "view gallery", "breaking", "breaking news",
	"live", "live updates", "follow us", "follow", "like us on facebook",
	"follow us on twitter", "follow us on facebook", "follow us on instagram", "tags",
	"tag", "tagged", "topics", "categories", "category", "filed under", "report an error",
	"report a typo", "send us feedback", "feedback", "save", "saved", "save article",
	"bookmark", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit",
	"telegram", "messenger", "instagram", "youtube", "tiktok", "flipboard", "x", "rss",
	"newsletter", "newsletters", "sign up for our newsletter", "get our newsletter",
	"subscribe to our newsletter", "privacy policy", "terms of use", "terms of service",
	"terms and conditions", "cookie policy", "contact us", "about us", "accept",
	"accept all", "reject all", "manage cookies", "cookie settings", "got it", "ok",
	"learn more", "find out more", "more info", "expand", "collapse", "open", "download",
	"download the app", "get the app", "reprints", "reprint", "permissions",
	"font size", "text size", "a a", "aa", "a a a", "zoom", "share full article",
	"gift this article", "give this article", "opens in new window", "opens new window",
	"external link", "no comments", "0 comments", "be the first to comment",
	"what do you think", "your comment", "name", "website", "post comment", "submit",
	"reply", "cancel reply", "log in to comment", "top of page", "jump to", "in this article",
	"table of contents", "contents", "updated", "published", "first published",
	"min read", "minute read", "estimated reading time",
)

// navVocabulary are words that make up runs of navigation, sharing and
// account links ("Share Facebook Twitter Email Print", "Prev Next"). A line
// made only of these words, with at least one of navStrong, is furniture.
var navVocabulary = setOf(
	"share", "shares", "sharing", "tweet", "pin", "it", "email", "mail", "e", "print",
	"facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "telegram",
	"messenger", "instagram", "youtube", "tiktok", "flipboard", "tumblr", "vk", "x",
	"copy", "link", "url", "more", "show", "load", "read", "related", "article",
	"articles", "post", "posts", "story", "stories", "next", "previous", "prev",
	"back", "to", "top", "button", "home", "menu", "search", "subscribe", "newsletter",
	"follow", "us", "on", "the", "this", "via", "by", "also", "see", "check", "comments",
	"comment", "leave", "a", "reply", "advertisement", "ad", "sponsored", "skip",
	"content", "main", "continue", "reading", "click", "here", "login", "log", "in",
	"sign", "up", "register", "and", "or", "page", "sms", "whats", "app", "google", "news",
	"rss", "feed", "whatsapp", "line", "viber", "threads", "bluesky", "mastodon", "close",
	"open", "save", "bookmark", "gift", "send", "print", "friendly", "version", "pdf",
)

var navStrong = setOf(
	"share", "tweet", "email", "print", "facebook", "twitter", "whatsapp", "linkedin",
	"pinterest", "reddit", "telegram", "messenger", "instagram", "youtube", "tiktok",
	"flipboard", "tumblr", "copy", "next", "previous", "prev", "subscribe", "newsletter",
	"comments", "comment", "reply", "advertisement", "sponsored", "login", "bookmark",
)

// Line patterns, matched against lower-cased lines (rx...) or keys (rxKey...).
var (
	rxKeyJunk = regexp.MustCompile(`^(?:` +
		`(?:verified|powered|secured|protected|optimized|hosted|designed|developed) by(?: [a-z0-9]+){1,3}` +
		`|\d+ (?:comments?|shares?|views?|likes?|reactions?|responses?|replies)` +
		`|(?:comments?|shares?|views?|likes?|replies) \d+` +
		`|\d+ min(?:ute)?s? read|reading time \d+ min(?:ute)?s?|\d+ min(?:ute)?s? reading time` +
		`|(?:share|follow|like|find) (?:us|this|it|on) (?:on |via )?(?:facebook|twitter|x|instagram|whatsapp|linkedin|telegram|youtube|tiktok)(?: (?:and|or) (?:facebook|twitter|x|instagram|whatsapp|linkedin|telegram|youtube|tiktok))*` +
		`|(?:page|image|photo|slide) \d+ of \d+` +
		`|\d+ of \d+` +
		`)$`)
	// rxCredit matches photo and image credit lines ("Photo: Reuters",
	// "Image credit: …", "(Photo by … / AFP)").
	rxCredit = regexp.MustCompile(`^[(\[]?\s*(?:(?:file |top |main |featured |header |cover |lead )?(?:photo|photograph|image|picture|pic|illustration|graphic|video|footage|screenshot|screengrab|photo illustration)s?(?: credits?| courtesy| source)?\s*[:|–—-]|(?:photo|image|picture|video)s?\s+(?:by|courtesy(?: of)?|credits?|via|from|source)\b|(?:credits?|image source|courtesy(?: of)?|source of (?:photo|image))\s*[:|–—-])`)
	// rxAgencyCredit matches lines that end in a picture agency's name.
	rxAgencyCredit = regexp.MustCompile(`(?:getty images|shutterstock|istock(?:photo)?|unsplash|ap photo|afp photo|reuters photo|epa-efe|alamy|associated press photo|photo/[a-z]|/afp|/reuters|/ap\b|/getty|/epa|/anadolu)`)
	// rxTeaserLead matches a line that points to another story:
	// "Read more: …", "Also read | …", "RELATED: …".
	rxTeaserLead = regexp.MustCompile(`^(?:read more|read also|also read|read next|see also|also see|related|related article|related story|related news|related coverage|more|more on this|more from|watch|watch also|listen|recommended|don['’]?t miss|must read|suggested|check also|previously|explainer|opinion|analysis|related link|click here)\s*[:|–—»›>-]`)
	// rxSignup matches calls to subscribe, follow, download or sign up.
	rxSignup = regexp.MustCompile(`^(?:subscribe|sign up|signup|sign in|log in|login|register|join us|join our|follow us|follow our|follow @|like us|download (?:our|the)|get (?:our|the) (?:app|newsletter)|click here|tap here|get the latest|stay up to date|stay informed|never miss|don['’]?t miss (?:a|an|out|any)|enter your email|want more|want to read more|for more (?:news|stories|updates)|to continue reading|support (?:our|independent) journalism|become a (?:member|subscriber)|already a subscriber|already have an account|create (?:a|an|your) (?:free )?account|unlock|this content is|this article is for subscribers)\b`)
	// rxSocial names social networks.
	rxSocial = regexp.MustCompile(`\b(?:facebook|twitter|instagram|telegram|whatsapp|youtube|tiktok|linkedin|google news|threads|bluesky|mastodon)\b`)
	// rxCode matches script text that leaked into the body.
	rxCode = regexp.MustCompile(`adsbygoogle|googletag|document\.write|window\.[a-z_]+\s*[=.(]|function\s*\(|\}\s*\)\s*;|^\s*var\s+[a-z_$][\w$]*\s*=|\.push\(\s*\{|@media\s|!important|\{\s*[a-z-]+\s*:\s*[^}]+;\s*\}`)
	// rxByline matches a lone byline: "By Jane Doe", "By Jane Doe and John Roe".
	rxByline = regexp.MustCompile(bylineLead + `(?:[\p{Lu}][\p{L}.'’-]*|and|&|,|de|da|van|von|der|al|el|bin|ibn|la|le|\s)+(?:\s*[|,•·–—-]\s*.{0,40})?$`)
)

// bylineLead is how a byline starts.
const bylineLead = `^(?:[Bb]y|BY|[Ww]ritten by|[Pp]osted by|[Rr]eported by|[Ss]tory by|[Ww]ords by)[:\s]+`

// classify applies the general rules to one normalized line, given its key
// (see lineKey). For a date row it also returns the date.
func classify(line, key string) (lineKind, time.Time) {
	n := len(line)
	if n > 600 {
		return kindText, time.Time{}
	}
	if key == "" || !hasLetterOrDigit(line) {
		return kindJunk, time.Time{}
	}
	if n <= 90 {
		if d, ok := parseDateRow(line); ok {
			return kindDate, d
		}
	}
	if n <= 160 {
		if markerPhrases[key] {
			return kindMarker, time.Time{}
		}
		if junkPhrases[key] || keyJunk(key) || navOnly(key) {
			return kindJunk, time.Time{}
		}
	}
	first := firstWord(key)
	words := countWords(line)
	sentence := endsSentence(line)
	// Lower-casing costs an allocation: only the patterns need it, and they
	// run on few lines.
	var lower string
	low := func() string {
		if lower == "" {
			lower = strings.ToLower(line)
		}
		return lower
	}
	has := func(s string) bool { return strings.Contains(key, s) }
	switch {
	case words <= 30 && teaserFirst[first] && rxTeaserLead.MatchString(low()):
		return kindJunk, time.Time{}
	case words <= 30 && creditFirst[first] && rxCredit.MatchString(low()):
		return kindJunk, time.Time{}
	case words <= 20 && !sentence && (strings.IndexByte(line, '/') >= 0 || has("getty") || has("shutterstock") ||
		has("istock") || has("unsplash") || has("photo") || has("epa efe") || has("alamy")) &&
		rxAgencyCredit.MatchString(low()):
		return kindJunk, time.Time{}
	case words <= 25 && signupFirst[first] && rxSignup.MatchString(low()):
		return kindJunk, time.Time{}
	case words <= 12 && !sentence && strings.HasPrefix(first, "follow") && rxSocial.MatchString(key):
		return kindJunk, time.Time{}
	case words <= 40 && (strings.HasPrefix(line, "©") || first == "copyright" ||
		len(line) > 4 && strings.EqualFold(line[:4], "(c) ") || has("all rights reserved")):
		return kindCopyright, time.Time{}
	case words <= 80 && has("cookie") && (has("we use") || has("uses cookies") || has("accept") ||
		has("consent") || has("cookie policy") || has("cookie settings")):
		return kindJunk, time.Time{}
	case words <= 50 && (has("newsletter") || has("inbox")) && (has("sign up") || has("subscribe") ||
		has("delivered") || has("your email") || has("get the ")):
		return kindJunk, time.Time{}
	case has("javascript") && (has("enable") || has("disabled") || has("turn on")),
		has("browser") && (has("your browser does not support") || has("browser doesnt support") ||
			has("upgrade your browser")):
		return kindJunk, time.Time{}
	case codeLike(line) && rxCode.MatchString(low()):
		return kindJunk, time.Time{}
	case words <= 10 && !sentence && rxByline.MatchString(line):
		return kindByline, time.Time{}
	case words <= 25 && !sentence && isBreadcrumb(line):
		return kindJunk, time.Time{}
	}
	return kindText, time.Time{}
}

// navOnly reports whether a key is made only of navigation words, with at
// least one strong one ("share facebook twitter email").
func navOnly(key string) bool {
	if key == "" || countWords(key) > 12 {
		return false
	}
	strong := false
	for _, w := range strings.Split(key, " ") {
		if !navVocabulary[w] {
			return false
		}
		strong = strong || navStrong[w]
	}
	return strong
}

// isBreadcrumb reports whether a line is a trail of short segments joined by
// separators: "Home » World » Middle East", "News | Politics | Iran". A
// trail of two segments needs a clue that it is one: it starts at "Home",
// or its separator is an arrow-like sign ("Sport › Football") rather than a
// bar or slash that headlines use too ("Analysis | Why rates stay high").
func isBreadcrumb(line string) bool {
	seps, arrows, words := 0, 0, 0
	segWords := 0
	fields := strings.Fields(line)
	for _, f := range fields {
		switch f {
		case "»", "›", ">", "→", ">>":
			arrows++
			fallthrough
		case "|", "/", "•", "·", "::":
			seps++
			segWords = 0
			continue
		}
		words++
		segWords++
		if segWords > 4 {
			return false
		}
	}
	switch {
	case seps >= 2:
		return true
	case seps == 1 && len(fields) > 2:
		first := strings.ToLower(fields[0])
		return first == "home" || first == "homepage" || (arrows == 1 && words <= 4)
	}
	return false
}

// titleShaped reports whether a line could be a headline: short, not ending
// like a sentence (a question or exclamation may), not a teaser cut off with
// an ellipsis.
func titleShaped(line string) bool {
	w := countWords(line)
	if w < 2 || w > 30 || utf8.RuneCountInString(line) > 220 || endsEllipsis(line) {
		return false
	}
	if endsSentence(line) {
		r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, "\"'”’)"))
		return r == '?' || r == '!'
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return last != ':' && last != ',' && last != ';'
}

// categoryShaped reports whether a line looks like a section or category
// label ("Iran", "World News"): one to three words, no sentence punctuation.
func categoryShaped(line string) bool {
	w := countWords(line)
	if w > 3 || utf8.RuneCountInString(line) > 30 || endsSentence(line) {
		return false
	}
	for _, r := range line {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || r == '-' || r == '&' || r == '\'' || r == '’' || r == '.') {
			return false
		}
	}
	return true
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Prefilters. The line patterns cost far more than a map look-up, so each
// runs only on lines that start with a word it can match (or, for code,
// contain a sign it needs).
var (
	keyJunkFirst = setOf("verified", "powered", "secured", "protected", "optimized", "hosted",
		"designed", "developed", "comments", "comment", "shares", "share", "views", "view",
		"likes", "like", "replies", "reply", "reading", "follow", "find", "page", "image",
		"photo", "slide")
	teaserFirst = setOf("read", "see", "also", "related", "more", "watch", "listen",
		"recommended", "dont", "don", "must", "suggested", "check", "previously", "explainer",
		"opinion", "analysis", "click")
	creditFirst = setOf("file", "top", "main", "featured", "header", "cover", "lead", "photo",
		"photos", "photograph", "photographs", "image", "images", "picture", "pictures", "pic",
		"pics", "illustration", "illustrations", "graphic", "graphics", "video", "videos",
		"footage", "screenshot", "screenshots", "screengrab", "screengrabs", "credit", "credits",
		"courtesy", "source")
	signupFirst = setOf("subscribe", "sign", "signup", "log", "login", "register", "join",
		"follow", "like", "download", "get", "click", "tap", "stay", "never", "dont", "don",
		"enter", "want", "for", "to", "support", "become", "already", "create", "unlock", "this")
)

// keyJunk reports whether a line key is a counter or credit row
// ("12 comments", "Verified by …", "3 min read").
func keyJunk(key string) bool {
	if key == "" {
		return false
	}
	if c := key[0]; !(c >= '0' && c <= '9') && !keyJunkFirst[firstWord(key)] {
		return false
	}
	return rxKeyJunk.MatchString(key)
}

// firstWord returns the first word of a line key.
func firstWord(key string) string {
	if i := strings.IndexByte(key, ' '); i >= 0 {
		return key[:i]
	}
	return key
}

// codeLike reports whether a line holds something rxCode needs, in one
// pass over its bytes (script keywords are lower-case).
func codeLike(line string) bool {
	if strings.HasPrefix(line, "var ") {
		return true
	}
	// Every pattern of rxCode comes with one of these signs in practice.
	if !strings.ContainsAny(line, "}@!(=") {
		return false
	}
	for i := 0; i < len(line); i++ {
		rest := line[i:]
		switch line[i] {
		case '}':
			return true
		case '@':
			if strings.HasPrefix(rest, "@media") {
				return true
			}
		case '!':
			if strings.HasPrefix(rest, "!important") {
				return true
			}
		case '.':
			if strings.HasPrefix(rest, ".push(") {
				return true
			}
		case 'a':
			if strings.HasPrefix(rest, "adsbygoogle") {
				return true
			}
		case 'd':
			if strings.HasPrefix(rest, "document.write") {
				return true
			}
		case 'f':
			if strings.HasPrefix(rest, "function") {
				return true
			}
		case 'g':
			if strings.HasPrefix(rest, "googletag") {
				return true
			}
		case 'w':
			if strings.HasPrefix(rest, "window.") {
				return true
			}
		}
	}
	return false
}

package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldRune maps accented Latin letters to their base letter, lower-cased.
func foldRune(r rune) rune {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}
	switch r {
	case 'á', 'à', 'â', 'ä', 'ã', 'å', 'ā', 'ă', 'ą', 'Á', 'À', 'Â', 'Ä', 'Ã', 'Å', 'Ā':
		return 'a'
	case 'ç', 'ć', 'č', 'Ç', 'Ć', 'Č':
		return 'c'
	case 'ď', 'đ', 'Ď', 'Đ':
		return 'd'
	case 'é', 'è', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě', 'É', 'È', 'Ê', 'Ë', 'Ē':
		return 'e'
	case 'ğ', 'Ğ':
		return 'g'
	case 'í', 'ì', 'î', 'ï', 'ī', 'ı', 'İ', 'Í', 'Ì', 'Î', 'Ï':
		return 'i'
	case 'ł', 'Ł':
		return 'l'
	case 'ñ', 'ń', 'ň', 'Ñ':
		return 'n'
	case 'ó', 'ò', 'ô', 'ö', 'õ', 'ø', 'ō', 'ő', 'Ó', 'Ò', 'Ô', 'Ö', 'Õ', 'Ø':
		return 'o'
	case 'ř', 'Ř':
		return 'r'
	case 'ś', 'š', 'ş', 'ș', 'Ś', 'Š', 'Ş', 'Ș':
		return 's'
	case 'ť', 'ţ', 'ț', 'Ť', 'Ț':
		return 't'
	case 'ú', 'ù', 'û', 'ü', 'ū', 'ů', 'ű', 'Ú', 'Ù', 'Û', 'Ü':
		return 'u'
	case 'ý', 'ÿ', 'Ý':
		return 'y'
	case 'ź', 'ż', 'ž', 'Ź', 'Ż', 'Ž':
		return 'z'
	case 'ß':
		return 's'
	}
	return unicode.ToLower(r)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´' || r == 'ʻ'
}

// phoneticKey returns a spelling-insensitive key for a name: lower-cased,
// diacritics folded, apostrophes, hyphens and dots dropped, doubled letters
// collapsed and a few transliteration variants unified (ph/f, kh/k, gh/g,
// dh/d, th/t, ou/u, y/i inside words, w/v). Words stay separated by one
// space.
func phoneticKey(s string) string { return foldKey(s, true) }

// lightKey is phoneticKey without the transliteration rules: case,
// diacritics, apostrophes, hyphens and doubled letters only ("Sha’ban",
// "Shaaban" and "SHABAN" agree; "Lions" and "Lyons" do not).
func lightKey(s string) string { return foldKey(s, false) }

func foldKey(s string, translit bool) string {
	var stack [64]byte
	b := stack[:0]
	var prev rune = ' '
	wordStart := true
	for _, r := range s {
		if isApostrophe(r) || r == '-' || r == '.' || r == '‐' || r == '–' {
			continue
		}
		if r == ' ' || r == '\t' || r == '\n' || r == 0xA0 {
			if prev != ' ' {
				b = append(b, ' ')
				prev = ' '
			}
			wordStart = true
			continue
		}
		c := foldRune(r)
		if c == 'w' && translit {
			c = 'v'
		}
		if !wordStart && translit {
			switch c {
			case 'y':
				c = 'i'
			case 'h':
				switch prev {
				case 'k', 'g', 'd', 't':
					continue
				case 'p':
					b[len(b)-1] = 'f'
					prev = 'f'
					continue
				}
			case 'u':
				if prev == 'o' {
					b[len(b)-1] = 'u'
					prev = 'u'
					continue
				}
			}
		}
		if c == prev {
			continue
		}
		b = utf8.AppendRune(b, c)
		prev = c
		wordStart = false
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b)
}

// skeleton returns the consonants of a phonetic key word (first letter kept
// whatever it is), used to compare first-name variants (Mohammad/Muhammed).
func skeleton(k string) string {
	var b strings.Builder
	for i, r := range k {
		if i == 0 || !strings.ContainsRune("aeiou", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// initials returns the upper-case initials of the significant words of a
// name ("Central Intelligence Agency" → "CIA"), or "" when the name holds
// an acronym itself.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		lw := strings.ToLower(w)
		if lw == "of" || lw == "the" || lw == "for" || lw == "and" || lw == "&" || lw == "on" || lw == "in" {
			continue
		}
		if isAllCapsWord(w) {
			return "" // "UN Security Council": no reliable initials
		}
		for _, part := range strings.Split(w, "-") {
			r, _ := utf8.DecodeRuneInString(part)
			if r != utf8.RuneError && unicode.IsLetter(r) {
				b.WriteRune(unicode.ToUpper(r))
			}
		}
	}
	return b.String()
}

// titleCase capitalises the first letter of each word of a lower-case
// string ("kyiv" → "Kyiv").
func titleCase(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if up && unicode.IsLetter(r) {
			b.WriteRune(unicode.ToUpper(r))
			up = false
			continue
		}
		if r == ' ' || r == '-' {
			up = true
		}
		b.WriteRune(r)
	}
	return b.String()
}

package compare

import "unicode/utf8"

// Chars converts byte offsets of one text into character (rune) offsets,
// the unit every export uses. Conversions are cheapest in increasing
// order of offsets but any order works.
type Chars struct {
	text      string
	lastByte  int
	lastChars int
}

// NewChars returns a converter for text.
func NewChars(text string) *Chars { return &Chars{text: text} }

// At returns the character offset of byte offset b (clamped to the text).
func (c *Chars) At(b int) int {
	b = max(0, min(b, len(c.text)))
	if b < c.lastByte {
		c.lastByte, c.lastChars = 0, 0
	}
	c.lastChars += utf8.RuneCountInString(c.text[c.lastByte:b])
	c.lastByte = b
	return c.lastChars
}

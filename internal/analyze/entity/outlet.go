package entity

import (
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// MarkOutlet types as an organisation every mention in ms that names the
// outlet publishing the article ("Amber Review" in a credit line or in
// "told the Amber Review"), whatever capitalisation alone suggested: an
// outlet name often starts with a word that is also a given name or ends
// with one that is also a surname. A leading "The" and case are ignored.
// A mention that had been folded into another name by its last word gets
// its own text as key. It changes ms in place.
func MarkOutlet(ms []model.Mention, outlet string) {
	name := trimThe(strings.TrimSpace(outlet))
	if len(name) < 2 {
		return
	}
	for i := range ms {
		m := &ms[i]
		if m.Type == model.Place {
			continue // an outlet named after its town is still the town in text
		}
		text := trimThe(m.Text)
		if !strings.EqualFold(text, name) && !strings.EqualFold(trimThe(m.Key), name) {
			continue
		}
		m.Type, m.Role = model.Organization, ""
		if !strings.EqualFold(trimThe(m.Key), name) {
			m.Key = text
		}
	}
}

// trimThe returns s without a leading article "The ".
func trimThe(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return s[4:]
	}
	return s
}

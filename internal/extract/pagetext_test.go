package extract

import (
	"strings"
	"testing"
)

// listPage is an article whose list items hold inline elements, with the
// given items.
func listPage(items ...string) []byte {
	var b strings.Builder
	b.WriteString(`<html><head><title>Ferry timetable changes for the winter</title></head><body><article>
<h1>Ferry timetable changes for the winter</h1>
<p>The harbour authority published the winter timetable on Monday, with fewer crossings on weekdays and a later first sailing on Sundays.</p>
<ol>`)
	for _, it := range items {
		b.WriteString("<li>" + it + "</li>\n")
	}
	b.WriteString(`</ol>
<p>Passengers with season tickets keep their fares, and the authority said the summer timetable would return in the second week of April.</p>
</article></body></html>`)
	return []byte(b.String())
}

func TestHTMLListInlineSpaces(t *testing.T) {
	tests := []struct {
		name string
		item string
		want string // the item's line in the body
	}{
		{"space after element", "Book through the <a href=\"/app\">harbour app</a> before noon on the day.",
			"Book through the harbour app before noon on the day."},
		{"spaces around words between elements", "Moved from <code>pier-two</code> and <code>pier-four</code> to the new quay.",
			"Moved from pier-two and pier-four to the new quay."},
		{"dash after element", "Sailings from <b>Northhaven</b> — weekdays only, weather permitting.",
			"Sailings from Northhaven — weekdays only, weather permitting."},
		{"space inside the element", "Buy a <a href=\"/t\">return ticket </a>before you board the ship.",
			"Buy a return ticket before you board the ship."},
		{"space before element", "Ferries leave from the<b> eastern quay</b> on weekdays.",
			"Ferries leave from the eastern quay on weekdays."},
		{"punctuation the page glues stays glued", "Tickets at the <a href=\"/office\">office</a>, the kiosk or on board the ship.",
			"Tickets at the office, the kiosk or on board the ship."},
		{"letters the page glues stay glued", "The <b>Sea</b>bird service now stops at the outer islands twice a week.",
			"The Seabird service now stops at the outer islands twice a week."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := HTML(listPage(tt.item, "Timetables are posted at every pier and on the authority's website."), "")
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			var got string
			for _, l := range strings.Split(res.Text, "\n") {
				if strings.HasSuffix(l, tt.want[len(tt.want)-12:]) {
					got = l
				}
			}
			if got != tt.want {
				t.Errorf("line = %q, want %q\nbody:\n%s", got, tt.want, res.Text)
			}
		})
	}
}

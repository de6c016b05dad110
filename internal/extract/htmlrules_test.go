package extract

import (
	"strings"
	"testing"
)

// para is an invented article paragraph long enough to be body text.
const para = "The council voted on Tuesday to rebuild the old harbour wall, after two winters of storms had left the quay closed to the ferries that serve the islands."

func TestCleanBodyHTMLFurniture(t *testing.T) {
	tests := []struct {
		name       string
		lines      []string
		keep, drop []string
	}{
		{
			name:  "teaser lead in another language mid-body",
			lines: []string{para, "Lea también: Vecinos piden más autobuses nocturnos", para + " Again."},
			keep:  []string{para, para + " Again."},
			drop:  []string{"Lea también"},
		},
		{
			name:  "a subheading starting like a heading over more of the site stays over its paragraph",
			lines: []string{para, "Weitere Fährverbindungen im Aufbau", "Die Reederei plant für den Sommer zwei neue Fährverbindungen zu den Inseln, die ab Juni jeden Morgen vom alten Hafen ablegen sollen, wenn der Kai bis dahin wieder offen ist.", para + " More."},
			keep:  []string{"Weitere Fährverbindungen im Aufbau"},
		},
		{
			name:  "a heading over more of the site goes before a teaser on another topic",
			lines: []string{para, "Weitere Beiträge aus der Kolumne", "Der Winter im Gebirge war lang, und viele Bergbauern berichten nun von Schäden an Wegen, Zäunen und Ställen, die sie bis zum Almauftrieb im Mai beheben müssen.", para + " More."},
			drop:  []string{"Weitere Beiträge aus der Kolumne"},
		},
		{
			name:  "german teaser lead",
			lines: []string{para, "Lesen Sie auch: Neue Fähre für die Inseln", para + " More."},
			drop:  []string{"Neue Fähre"},
		},
		{
			name:  "english teaser lead mid-body",
			lines: []string{para, "Read more: Harbour works delayed again", para + " Then."},
			drop:  []string{"Harbour works delayed"},
		},
		{
			name:  "marker heading in another language with teasers after it",
			lines: []string{para, "Das könnte Sie auch interessieren", "Neue Fähre für die Inseln", "Hafenfest fällt aus"},
			keep:  []string{para},
			drop:  []string{"interessieren", "Neue Fähre", "Hafenfest"},
		},
		{
			name:  "headings over more on the topic in German and Spanish",
			lines: []string{para, "Videos zum Thema", "Neue Fähre für die Inseln", para + " Later.", para + " Still.", para + " Last.", "Seguí leyendo", "Vecinos piden más autobuses nocturnos"},
			keep:  []string{para + " Later.", para + " Last."},
			drop:  []string{"Videos zum Thema", "Neue Fähre", "Seguí leyendo", "autobuses nocturnos"},
		},
		{
			name:  "marker mid-body takes only headline-shaped lines after it",
			lines: []string{para, "Contenido relacionado", "Vecinos piden más autobuses", para + " Later.", para + " Still.", para + " Last."},
			keep:  []string{para + " Later."},
			drop:  []string{"Contenido relacionado", "Vecinos piden"},
		},
		{
			name:  "call to sign up",
			lines: []string{para, "Sign up for our morning briefing", "Never miss the latest news by signing up to our alerts.", para + " End."},
			keep:  []string{para + " End."},
			drop:  []string{"morning briefing", "Never miss"},
		},
		{
			name:  "copyright notice and picture credits",
			lines: []string{para, "Photo: Harbour Office", "The old quay at low tide. Getty Images", para + " Next.", "© 2024 Harbour Gazette. All rights reserved."},
			keep:  []string{para + " Next."},
			drop:  []string{"Harbour Office", "Getty Images", "All rights reserved"},
		},
		{
			name:  "caption ending in a credit",
			lines: []string{para, "The mayor at the reopened quay. © Harbour Press / Jane Roe", para + " Next."},
			keep:  []string{para + " Next."},
			drop:  []string{"reopened quay"},
		},
		{
			name:  "picture credits in other languages",
			lines: []string{para, "Foto: Hafenamt", "Beitragsbild: Der alte Kai bei Ebbe", "Crédits photos : Agence du Port", para + " Next."},
			keep:  []string{para + " Next."},
			drop:  []string{"Hafenamt", "alte Kai", "Agence du Port"},
		},
		{
			name:  "headings over more of the site and over a newsletter",
			lines: []string{para, "Weitere Beiträge aus der Kolumne:", "Más sobre el puerto", "The Harbour Gazette Newsletter", para + " Next."},
			keep:  []string{para + " Next."},
			drop:  []string{"Kolumne", "Más sobre", "Gazette Newsletter"},
		},
		{
			name:  "furniture and calls to follow in other languages",
			lines: []string{para, "Anzeige", "Síguenos en Telegram, Instagram y Facebook", "Folgen Sie uns auf Mastodon", para + " Over."},
			keep:  []string{para + " Over."},
			drop:  []string{"Anzeige", "Síguenos", "Folgen Sie"},
		},
		{
			name:  "source lines, agency sign-offs and pointers in capitals",
			lines: []string{para, "Quelle: Hafenamt Nord", "Source: the harbour office", "VEA TAMBIÉN: Vecinos piden más autobuses", "MIRA: Así quedó el muelle tras la tormenta", para + " Next.", "abc/PAP", "(xy/dpa)"},
			keep:  []string{para + " Next."},
			drop:  []string{"Hafenamt Nord", "harbour office", "VEA TAMBIÉN", "Así quedó", "abc/PAP", "xy/dpa"},
		},
		{
			name:  "notices standing in for embedded content or a login form",
			lines: []string{para, "Externer Inhalt", "Klicken Sie auf den unteren Button, um den Inhalt von www.karten.example zu laden.", "Click the button below to load the content from Mapbox.", "Sie sind aktuell nicht eingeloggt.", para + " Next."},
			keep:  []string{para + " Next."},
			drop:  []string{"Externer Inhalt", "www.karten.example", "Mapbox", "eingeloggt"},
		},
		{
			name:  "press contacts, picture buttons and German pointers",
			lines: []string{para, "Bild anzeigen", "Lesen Sie hier: Neue Fähre für die Inseln", para + " Next.", "Pressekontakt", "Pressesprecherin Jana Beispiel", "Telefon: +49 (40) 555 01 23", "Fax: 040 555 01 24"},
			keep:  []string{para + " Next."},
			drop:  []string{"Bild anzeigen", "Neue Fähre", "Pressekontakt", "Jana Beispiel", "555 01 23", "555 01 24"},
		},
		{
			name:  "rows of metadata with a date",
			lines: []string{"March 3, 2024 at 08:45 AM | categories: Harbour, Ferries | View Comments", para, "24. April 2024 | Pressemitteilungen", para + " Next."},
			keep:  []string{para + " Next."},
			drop:  []string{"View Comments", "Pressemitteilungen"},
		},
		{
			name: "paragraphs that start like a lead stay",
			lines: []string{
				para,
				"Read more carefully, the report says the wall was never inspected: " + para,
				"Subscribers to the ferry pass were refunded.",
				"Lea la entrevista completa en la edición impresa de mañana.",
				"Photographers from three agencies covered the opening of the quay.",
				"Siguen cerrados los muelles del norte por el temporal.",
				"Fotografen aus drei Agenturen waren bei der Eröffnung.",
				"Bildung ist das Thema der nächsten Sitzung.",
				"More than forty boats were damaged in the storm.",
				"Mehr als vierzig Boote wurden beschädigt!",
				"Our newsletter reached ten thousand readers in the first week of the year.",
				"Mira: I never thought the quay would reopen this year.",
				"The source: a memo the harbour office sent to the council in March, which said the wall would not last another winter.",
				"Quellen aus dem Rathaus bestätigen den Plan.",
				"Die Daten konnten nicht geladen werden, sagte der Sprecher des Hafenamts am Montag.",
				"Telefonisch war der Hafenmeister am Montag nicht zu erreichen.",
				"Harbour | Ferries | Islands",
				"On March 3, 2024 the quay reopened | a day the islanders had waited for since the storms began two winters ago.",
				"Media contacts with the council were rare in the weeks before the vote, and the mayor's office declined to say why.",
			},
			keep: []string{"Mira: I never", "The source: a memo", "Quellen aus dem Rathaus", "nicht geladen werden", "Telefonisch war", "Harbour | Ferries | Islands", "the quay reopened", "Media contacts with", "Read more carefully", "Subscribers to the ferry pass", "Lea la entrevista", "Photographers from three", "Siguen cerrados", "Fotografen aus", "Bildung ist", "More than forty", "Mehr als vierzig", "Our newsletter reached"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cleanBody(strings.Join(tt.lines, "\n"), "")
			checkKept(t, got, tt.keep, tt.drop)
		})
	}
}

func TestHTMLDropsTeaserLeads(t *testing.T) {
	page := `<!DOCTYPE html><html lang="es"><head><title>Obras en el puerto</title></head><body>
<nav><a href="/">Inicio</a> <a href="/local">Local</a></nav>
<article><h1>Obras en el puerto</h1>
<p>` + para + `</p>
<p>El muro del puerto se construyó hace más de un siglo y nunca se había reforzado desde entonces, según los técnicos municipales que lo revisaron el mes pasado.</p>
<p><strong>Lea también:</strong> <a href="/otra">Vecinos piden más autobuses nocturnos</a></p>
<p>Las obras durarán dos años y el muelle seguirá abierto a los pescadores durante todo ese tiempo, aunque con horarios reducidos en los meses de invierno.</p>
<p>El ayuntamiento pagará la mitad del coste y el resto llegará de fondos regionales ya aprobados en el presupuesto de este año para infraestructuras costeras.</p>
</article></body></html>`
	res, err := HTML([]byte(page), "https://example.org/local/obras")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "Las obras durarán") || !strings.Contains(res.Text, "El muro del puerto") {
		t.Errorf("body lost article text:\n%s", res.Text)
	}
	if strings.Contains(res.Text, "autobuses nocturnos") {
		t.Errorf("body kept the teaser lead:\n%s", res.Text)
	}
}

func TestHTMLDropsFurnitureElements(t *testing.T) {
	long := strings.Repeat(para+" ", 4)
	page := `<!DOCTYPE html><html lang="en"><head><title>Harbour wall rebuilt</title></head><body>
<div class="page"><div class="story-caption-wrapper">
<h1>Harbour wall rebuilt</h1>
<p>` + long + `</p>
<div class="inline-img"><img src="/quay.jpg"><div class="img__caption small">The quay seen from the lighthouse at dawn</div></div>
<p>The works will take two years and the quay will stay open to the fishing boats the whole time, with shorter hours in the winter months when storms are frequent.</p>
<p>The town will pay half of the cost and the rest will come from regional funds already set aside in this year's budget for coastal works and repairs.</p>
</div>
<div class="entry-meta"><span class="cat-links">Filed in Harbour news, Ferries and islands</span></div>
<div><a class="relatedPost" href="/ferry"><p>The new ferry timetable for the winter months is out, with two more crossings a day</p></a></div>
<p>The credit line is <span class="img-credit">Harbour Office Picture Desk</span></p>
<div id="sidebar-right"><p>Our weekly pick of the best harbour walks in the region, chosen by readers</p></div>
<div class="newsletter-box"><p>Get the harbour letter every Friday morning, free of charge, with the week's tides</p></div>
<div class="promo-strip"><p>Exclusive for members: a guided tour of the old lighthouse this autumn</p></div>
</div></body></html>`
	res, err := HTML([]byte(page), "https://example.org/local/harbour")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"The works will take two years", "regional funds", "council voted"} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("body lost %q (a container named as a caption holds the article):\n%s", want, res.Text)
		}
	}
	for _, not := range []string{"from the lighthouse", "harbour walks", "Filed in Harbour news", "new ferry timetable", "Picture Desk", "harbour letter", "guided tour"} {
		if strings.Contains(res.Text, not) {
			t.Errorf("body kept %q:\n%s", not, res.Text)
		}
	}
}

func TestWireNote(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"(Reporting by Jane Doe in Port Ellis; Editing by John Roe)", true},
		{"Reporting by Jane Doe; Writing by Ana Ruiz; Editing by John Roe", true},
		{"Additional reporting by Mei Tan", true},
		{"Contributing: Sam Vale, Harbour Gazette", true},
		{"This article originally appeared on Valley Times.", true},
		{"This story has been updated with the council's reply.", true},
		{"The Associated Press contributed to this report.", true},
		{"Mit Material von dpa", true},
		{"(Con información de AFP y EFE)", true},
		{"Reporting by the Valley Times found that the quay was closed for months.", false},
		{"This story began in the winter of storms, when the harbour wall gave way.", false},
		{"Con información de la policía, los vecinos del puerto cerraron las calles y pidieron ayuda al ayuntamiento durante la noche.", false},
		{"The report was published on Tuesday by the harbour board.", false},
	}
	for _, tt := range tests {
		if got := wireNote(tt.line, lineKey(tt.line), strings.ToLower(tt.line)); got != tt.want {
			t.Errorf("wireNote(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestTrimMoreLink(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The union spoke for the foundation as well. [czytaj więcej]", "The union spoke for the foundation as well."},
		{"Der Rat tagt am Montag. [Weiterlesen]", "Der Rat tagt am Montag."},
		{"The council cited the report [1]", "The council cited the report [1]"},
		{"[more]", "[more]"},
		{"Figures in brackets [see table]", "Figures in brackets [see table]"},
	}
	for _, tt := range tests {
		if got := trimMoreLink(tt.in); got != tt.want {
			t.Errorf("trimMoreLink(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	got := cleanBody(strings.Join([]string{para, "Dowiedz się więcej: Kto jak głosował w sprawie funduszy?", para + " Two."}, "\n"), "")
	if strings.Contains(got, "Dowiedz") {
		t.Errorf("Polish pointer kept:\n%s", got)
	}
}

func TestOtherCreditsAndDisclaimers(t *testing.T) {
	for _, l := range []string{
		"Image illustrative : des figurines sur une table, licence libre",
		"Photo d'illustration : la mairie du port",
		"Imagen de archivo: el muelle del puerto",
		"(Alle Angaben ohne Gewähr)",
	} {
		got := cleanBody(strings.Join([]string{para, l, para + " Two."}, "\n"), "")
		if strings.Contains(got, l) {
			t.Errorf("kept %q", l)
		}
	}
}

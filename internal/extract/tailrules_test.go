package extract

import (
	"strings"
	"testing"
)

func TestReaderCall(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"If you enjoyed reading this post – would you consider supporting our work? Just click here.", true},
		{"Lust auf mehr? Lass dir die besten Storys jede Woche in deinen Posteingang liefern.", true},
		{"¿Ya sabías que tenemos canal de noticias? Únete desde tu celular.", true},
		{"For the latest stories download our app for your phone.", true},
		{"Zapraszamy też do subskrypcji tygodnika i oglądania audycji.", true},
		{"Did you enjoy this article? Share it with a friend.", true},
		{"The harbour board will publish its report on the quay in the spring.", false},
		{"Residents said they had followed the debate closely in the local paper.", false},
		{"The ferry company's app lets travellers book seats a week ahead.", false},
		{strings.Repeat("Sign up for our newsletter and more words ", 10), false}, // too long for a call
		{"Verraten Sie gerne in den Kommentaren: Was bedeutet der Preis für Sie?", true},
		{"Du willst mitmachen? Dann hinterlasse einfach einen Kommentar unter diesem Beitrag.", true},
		{"Leave a comment below and tell us how your harvest went.", true},
		{"For breaking news, download the Valley Times apps for iOS and Android.", true},
		{"In the comments, readers suspected the ferry had been sold.", false},
		{"The broker offers a mobile app on both the iOS and Android platforms.", false},
		{"The minister declined to comment on the harbour plans.", false},
	}
	for _, tt := range tests {
		if got := readerCall(tt.line); got != tt.want {
			t.Errorf("readerCall(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestDropTailCalls(t *testing.T) {
	const call = "Did you enjoy this article? Tell a friend about the harbour news."
	tests := []struct {
		name       string
		lines      []string
		keep, drop []string
	}{
		{
			name:  "a call among the last lines goes",
			lines: []string{para, para + " Two.", para + " Three.", call, "The quay reopens in May."},
			keep:  []string{para + " Three.", "The quay reopens in May."},
			drop:  []string{call},
		},
		{
			name:  "a short call between paragraphs goes",
			lines: []string{para, "Our letters are read each week. Follow us on the harbour channel.", para + " Two.", para + " Three.", para + " Four.", para + " Five."},
			keep:  []string{para + " Two.", para + " Five."},
			drop:  []string{"Follow us on"},
		},
		{
			name:  "quoted speech between paragraphs stays",
			lines: []string{para, `"Follow us on the new route," the captain told the crew.`, para + " Two.", para + " Three.", para + " Four."},
			keep:  []string{`"Follow us on the new route," the captain`},
		},
		{
			name:  "a body too short is left as it is",
			lines: []string{para, call},
			keep:  []string{para, call},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, removed := cleanBodyLines(strings.Join(tt.lines, "\n"), "", nil)
			checkKept(t, got, tt.keep, tt.drop)
			for _, d := range tt.drop {
				if !strings.Contains(strings.Join(removed, "\n"), d) {
					t.Errorf("%q not among the removed lines %q", d, removed)
				}
			}
		})
	}
}

func TestAcronymSignoff(t *testing.T) {
	body := []string{para, para + " Two.", para + " Three."}
	tests := []struct {
		last string
		drop bool
	}{
		{"RIRM", true},
		{"(AFP)", true},
		{"PAP/EFE", true},
		{"The quay reopens in May.", false},
		{"Harbour Board", false},
		{"A", false},
	}
	for _, tt := range tests {
		got, _ := cleanBodyLines(strings.Join(append(append([]string{}, body...), tt.last), "\n"), "", nil)
		if dropped := !strings.Contains(got, tt.last); dropped != tt.drop {
			t.Errorf("last line %q: dropped %v, want %v", tt.last, dropped, tt.drop)
		}
	}
	// Only as the last line.
	got, _ := cleanBodyLines(strings.Join([]string{para, "NATO", para + " Two.", para + " Three."}, "\n"), "", nil)
	if !strings.Contains(got, "NATO") {
		t.Errorf("an acronym inside the body was dropped:\n%s", got)
	}
}

// checkKept fails the test for each of keep that got lacks and each of
// drop that it still holds.
func checkKept(t *testing.T, got string, keep, drop []string) {
	t.Helper()
	for _, k := range keep {
		if !strings.Contains(got, k) {
			t.Errorf("dropped %q:\n%s", k, got)
		}
	}
	for _, d := range drop {
		if strings.Contains(got, d) {
			t.Errorf("kept %q:\n%s", d, got)
		}
	}
}

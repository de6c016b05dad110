package sentence

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/model"
)

func texts(text string, spans []model.Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "The vote passed. The bill goes to the Senate.",
			[]string{"The vote passed.", "The bill goes to the Senate."}},
		{"titles", "Mr. Smith met Dr. Jones and Gen. Mark Milley. They spoke.",
			[]string{"Mr. Smith met Dr. Jones and Gen. Mark Milley.", "They spoke."}},
		{"us-mid", "The U.S. Treasury said it would act. Markets fell.",
			[]string{"The U.S. Treasury said it would act.", "Markets fell."}},
		{"us-end", "Sanctions were imposed by the U.S. The ministry objected.",
			[]string{"Sanctions were imposed by the U.S.", "The ministry objected."}},
		{"initials", "The report by J. Smith was released. It was long.",
			[]string{"The report by J. Smith was released.", "It was long."}},
		{"number", "He wore No. 5 for the team. Fans cheered.",
			[]string{"He wore No. 5 for the team.", "Fans cheered."}},
		{"month", "The law takes effect Jan. 1 in Ohio. Critics disagree.",
			[]string{"The law takes effect Jan. 1 in Ohio.", "Critics disagree."}},
		{"street", "She lives on Elm St. near the park.",
			[]string{"She lives on Elm St. near the park."}},
		{"decimal", "Growth was 3.5 percent. Rates rose 0.25 points.",
			[]string{"Growth was 3.5 percent.", "Rates rose 0.25 points."}},
		{"quote-after-period", "“We will win,” he said. “Next year is ours.” Fans agreed.",
			[]string{"“We will win,” he said.", "“Next year is ours.”", "Fans agreed."}},
		{"question-lower", "“Why now?” she asked. Nobody knew.",
			[]string{"“Why now?” she asked.", "Nobody knew."}},
		{"straight-quotes", `He said "it is over." Then he left.`,
			[]string{`He said "it is over."`, "Then he left."}},
		{"elision", "Cooperation is developing within common interests […] and is not against anyone. He noted this.",
			[]string{"Cooperation is developing within common interests […] and is not against anyone.", "He noted this."}},
		{"ellipsis-end", "Police in major cities are preparing for unrest in case ex-President …",
			[]string{"Police in major cities are preparing for unrest in case ex-President …"}},
		{"ellipsis-dots", "He paused... Then he spoke again.",
			[]string{"He paused...", "Then he spoke again."}},
		{"headline", "Iran Spokesman Does Not Deny Possibility Of Drones\nThe spokesman spoke on Monday.",
			[]string{"Iran Spokesman Does Not Deny Possibility Of Drones", "The spokesman spoke on Monday."}},
		{"blank-lines", "\n\n  First line  \n\n\nSecond line.\n",
			[]string{"First line", "Second line."}},
		{"inc", "Shares of Apple Inc. rose. Acme Inc. The company said no.",
			[]string{"Shares of Apple Inc. rose.", "Acme Inc.", "The company said no."}},
		{"pm", "The game starts at 7 p.m. Tuesday in Denver.",
			[]string{"The game starts at 7 p.m. Tuesday in Denver."}},
		{"exclaim", "Wow! That was fast.", []string{"Wow!", "That was fast."}},
		{"url", "Visit example.com for details. Thanks.", []string{"Visit example.com for details.", "Thanks."}},
		{"paren", "The agency (the CIA.) declined. Others did not.", []string{"The agency (the CIA.) declined.", "Others did not."}},
		{"pronoun-I", "The winner was I. The loser was you.", []string{"The winner was I.", "The loser was you."}},
		{"dateline", "WASHINGTON (AP) — The Senate voted 51-49 on Tuesday.", []string{"WASHINGTON (AP) — The Senate voted 51-49 on Tuesday."}},
		{"us-led", "The U.S.-led coalition struck. Damage was heavy.", []string{"The U.S.-led coalition struck.", "Damage was heavy."}},
		{"crlf", "One.\r\nTwo.\r\n", []string{"One.", "Two."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := texts(tc.in, Split(tc.in))
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func checkSpans(t *testing.T, text string, spans []model.Span) {
	t.Helper()
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %d %v out of order or range (prev end %d, len %d)", i, s, prev, len(text))
		}
		prev = s.End
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "a", ".", "...", "“", "”.", "Mr.", "He said.” Next", "U.S. The", "[…] A", "\xff\xfe. \xe2\x80",
		"“unbalanced. quote\n\n“x", "3.5. 4", "a.\xe2\x80\xa6", "No. 5. Jan. ", "x\xe2\x80\x9d\xe2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s, Split(s))
	})
}

func TestSplitLongParagraph(t *testing.T) {
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString("“Unbalanced quote from Dr. A. B. Jones of the U.S. said 3.5 percent … ")
		b.WriteString("no end \xff\xfe [...] ")
	}
	s := b.String()
	spans := Split(s)
	checkSpans(t, s, spans)
	if len(spans) == 0 {
		t.Fatal("no spans")
	}
	if !utf8.ValidString(s[spans[0].Start:spans[0].End]) && spans[0].End < 20 {
		t.Fatal("unexpected short invalid first span")
	}
}

func BenchmarkSplit(b *testing.B) {
	para := "Iran’s Foreign Ministry spokesman has dismissed claims by the head of the U.S. agency, saying they are “propaganda.” " +
		"Mr. Smith, who joined in Jan. 2020, said growth was 3.5 percent. “We will see,” he said. The committee voted 7-2 on Tuesday.\n"
	text := strings.Repeat(para, 40)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Split(text)
	}
}

func TestSplitCapsLength(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
	}{
		{"words", strings.Repeat("officials said the deal would hold ", 2000)},
		{"no space", strings.Repeat("é", 10000)},
		{"one long word then words", strings.Repeat("x", 3000) + strings.Repeat(" word", 2000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spans := Split(tc.text)
			checkSpans(t, tc.text, spans)
			covered := 0
			for _, sp := range spans {
				if sp.End-sp.Start > MaxLen {
					t.Fatalf("span %v is %d bytes, over %d", sp, sp.End-sp.Start, MaxLen)
				}
				if !utf8.ValidString(tc.text[sp.Start:sp.End]) {
					t.Fatalf("span %v cuts a character", sp)
				}
				covered += len(strings.Fields(tc.text[sp.Start:sp.End]))
			}
			if want := len(strings.Fields(tc.text)); covered != want && !strings.Contains(tc.name, "no space") {
				t.Fatalf("spans hold %d words, the text %d", covered, want)
			}
			if len(spans) < len(tc.text)/MaxLen {
				t.Fatalf("%d spans for %d bytes", len(spans), len(tc.text))
			}
		})
	}
}

package dates

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
)

func TestFind(t *testing.T) {
	sun := time.Date(2022, 12, 4, 10, 0, 0, 0, time.UTC) // a Sunday
	cases := []struct {
		text   string
		anchor time.Time
		want   []string // "words=value" ("words=" unresolved)
	}{
		{"Iran said on Sunday it needs nobody's permission.", sun, []string{"Sunday=2022-12-04"}},
		{"The talks took place last Sunday.", sun, []string{"last Sunday=2022-11-27"}},
		{"They will meet on Wednesday.", sun, []string{"Wednesday=2022-12-07"}},
		{"The minister said Wednesday that talks failed.", sun, []string{"Wednesday=2022-11-30"}},
		{"Last month, the minister explained it.", sun, []string{"Last month=2022-11"}},
		{"Tehran acknowledged in November that it had sent them.", sun, []string{"November=2022-11"}},
		{"The claims first emerged in July.", sun, []string{"July=2022-07"}},
		{"On December 1, the White House sounded the alarm.", sun, []string{"December 1=2022-12-01"}},
		{"On December 9, the White House sounded the alarm.", sun, []string{"December 9=2021-12-09"}},
		{"The vote is due on December 20.", sun, []string{"December 20=2022-12-20"}},
		{"A year ago the border was calm.", sun, []string{"A year ago=2021"}},
		{"Wednesday , March 22 2023", time.Time{}, []string{"Wednesday , March 22 2023=2023-03-22"}},
		{"It comes two days after the director warned.", sun, []string{"two days after="}},
		{"The attack began on February 24, 2022.", sun, []string{"February 24, 2022=2022-02-24"}},
		{"Signed on 14 June 1994 in the capital.", sun, []string{"14 June 1994=1994-06-14"}},
		{"The deadline is 2023-01-31.", sun, []string{"2023-01-31=2023-01-31"}},
		{"He arrived on Dec. 1 and left the next day.", sun, []string{"Dec. 1=2022-12-01", "the next day=2022-12-02"}},
		{"Yesterday officials met; tomorrow they vote.", sun, []string{"Yesterday=2022-12-03", "tomorrow=2022-12-05"}},
		{"On Sunday the ministry spoke.", time.Time{}, []string{"Sunday="}},
		{"She may decide. They march in May.", sun, []string{"May=2022-05"}},
		{"In mid-December prices rose.", sun, []string{"mid-December=2022-12"}},
		{"The 2000 troops left in 2019.", sun, []string{"2019=2019"}},
		{"It cost $2021 last year.", sun, []string{"last year=2021"}},
		{"Trade has grown since early 2020.", sun, []string{"early 2020=2020"}},
		{"The parade will be on Thanksgiving.", sun, []string{"Thanksgiving=2023-11-23"}},
		{"Prices fell last week.", sun, []string{"last week="}},
		{"No date here at all, 12 people and 3,500 dollars.", sun, nil},
	}
	for _, c := range cases {
		got := Find(c.text, sentence.Split(c.text), c.anchor)
		var gs []string
		for _, d := range got {
			if c.text[d.Start:d.End] != d.Text {
				t.Errorf("%q: span %d-%d is %q, text %q", c.text, d.Start, d.End, c.text[d.Start:d.End], d.Text)
			}
			gs = append(gs, d.Text+"="+d.Value)
		}
		if strings.Join(gs, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q:\n got  %q\n want %q", c.text, gs, c.want)
		}
	}
}

func TestUnresolvedHasNote(t *testing.T) {
	text := "It comes two days after the interview. Prices fell last week. They met on Monday."
	for _, d := range Find(text, sentence.Split(text), time.Time{}) {
		if d.Value == "" && d.Note == "" {
			t.Errorf("%q unresolved without a note", d.Text)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On December 9, the White House said.", "Wednesday , March 22 2023", "two days after the vote",
		"the day before", "mid-", "Dec.", "2023-02-30", "a few days ago", "Christmas Eve", "last\n Sunday",
		"9th of", "May 31st, 2023", "\xff\xfe December 31 9999", "the next",
	} {
		f.Add(s, int64(1670148000))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var anchor time.Time
		if unix > 0 && unix < 1<<35 {
			anchor = time.Unix(unix, 0).UTC()
		}
		last := 0
		for _, d := range Find(text, sentence.Split(text), anchor) {
			if d.Start < last || d.End <= d.Start || d.End > len(text) {
				t.Fatalf("bad span %d-%d after %d in %d bytes", d.Start, d.End, last, len(text))
			}
			last = d.End
			if d.Value != "" && parseValue(d.Value).IsZero() {
				t.Fatalf("bad value %q for %q", d.Value, d.Text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(d.Text) {
				t.Fatalf("span cuts a character: %q", d.Text)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	text, pub, _ := readDev(b, "testdata/dev/wire1.txt")
	text = strings.Repeat(text, 10)
	sents := sentence.Split(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, sents, pub)
	}
}

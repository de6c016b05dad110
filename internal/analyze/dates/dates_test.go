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
	thu := time.Date(2024, 3, 7, 15, 0, 0, 0, time.UTC)  // a Thursday
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
		{"Prices fell last week.", sun, []string{"last week=2022-W47"}},
		// Weekdays and weeks seen from a Thursday (2024-03-07, ISO week 10).
		{"He spoke on Tuesday.", thu, []string{"Tuesday=2024-03-05"}},
		{"She will speak on Tuesday.", thu, []string{"Tuesday=2024-03-12"}},
		{"The vote is next Tuesday.", thu, []string{"next Tuesday=2024-03-12"}},
		{"The vote was last Tuesday.", thu, []string{"last Tuesday=2024-03-05"}},
		{"The event is this Saturday.", thu, []string{"this Saturday=2024-03-09"}},
		{"He arrived on Thursday.", thu, []string{"Thursday=2024-03-07"}},
		{"The minister resigned last week.", thu, []string{"last week=2024-W09"}},
		{"Talks resume next week.", thu, []string{"next week=2024-W11"}},
		{"Earlier this week, the council met.", thu, []string{"Earlier this week=2024-W10"}},
		{"Later this week the board meets.", thu, []string{"Later this week=2024-W10"}},
		{"Two weeks ago the mayor quit.", thu, []string{"Two weeks ago=2024-W08"}},
		{"A week ago the shop opened.", thu, []string{"A week ago=2024-W09"}},
		{"He left on March 1 and returned the following week.", thu, []string{"March 1=2024-03-01", "the following week=2024-W10"}},
		{"It rained over the weekend.", thu, []string{"the weekend=2024-W09-WE"}},
		{"Crowds are expected this weekend.", thu, []string{"this weekend=2024-W10-WE"}},
		{"Police said this morning that two men were held.", thu, []string{"this morning=2024-03-07"}},
		{"The plant closed a year ago.", thu, []string{"a year ago=2023"}},
		// Seasons, quarters, halves, decades.
		{"The bridge opens this summer.", thu, []string{"this summer=2024-SU"}},
		{"It flooded last winter.", thu, []string{"last winter=2023-WI"}},
		{"Last spring the river rose.", thu, []string{"Last spring=2023-SP"}},
		{"Sales fell in the spring of 2023.", thu, []string{"the spring of 2023=2023-SP"}},
		{"The works end next autumn.", thu, []string{"next autumn=2024-FA"}},
		{"Prices fell in the fall.", thu, []string{"the fall=2023-FA"}},
		{"Sales rose in the first quarter.", thu, []string{"the first quarter=2024-Q1"}},
		{"The deal closes in the third quarter of 2024.", thu, []string{"the third quarter of 2024=2024-Q3"}},
		{"The fund lost money in Q4.", thu, []string{"Q4=2023-Q4"}},
		{"It expects growth in the fourth quarter.", thu, []string{"the fourth quarter=2024-Q4"}},
		{"Fourth-quarter profit doubled.", thu, []string{"Fourth-quarter=2023-Q4"}},
		{"Revenue fell last quarter.", thu, []string{"last quarter=2023-Q4"}},
		{"Output rose in the second half of last year.", thu, []string{"the second half of last year=2023-H2"}},
		{"He was born in the 1990s.", thu, []string{"the 1990s=199"}},
		{"Prices could fall this year, a fall that worries farmers.", thu, []string{"this year=2024"}},
		{"The summer camp opens.", thu, nil},
		{"Spring water is sold here.", thu, nil},
		{"The week was long.", thu, nil},
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

func TestInterval(t *testing.T) {
	cases := []struct{ v, start, end string }{
		{"2024-03-07", "2024-03-07", "2024-03-08"},
		{"2024-03", "2024-03-01", "2024-04-01"},
		{"2024", "2024-01-01", "2025-01-01"},
		{"2024-W10", "2024-03-04", "2024-03-11"},
		{"2024-W10-WE", "2024-03-09", "2024-03-11"},
		{"2021-W01", "2021-01-04", "2021-01-11"},
		{"2020-W53", "2020-12-28", "2021-01-04"},
		{"2024-Q4", "2024-10-01", "2025-01-01"},
		{"2024-H1", "2024-01-01", "2024-07-01"},
		{"2023-WI", "2023-12-01", "2024-03-01"},
		{"2024-SP", "2024-03-01", "2024-06-01"},
		{"199", "1990-01-01", "2000-01-01"},
		{"2024-W54", "", ""},
		{"2021-W53", "", ""},
		{"2024-Q5", "", ""},
		{"2024-XX", "", ""},
		{"", "", ""},
		{"next", "", ""},
	}
	for _, c := range cases {
		s, e, ok := Interval(c.v)
		if c.start == "" {
			if ok {
				t.Errorf("Interval(%q) = %v, %v; want not ok", c.v, s, e)
			}
			continue
		}
		if !ok || s.Format("2006-01-02") != c.start || e.Format("2006-01-02") != c.end {
			t.Errorf("Interval(%q) = %v, %v, %v; want %s to %s", c.v, s, e, ok, c.start, c.end)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On December 9, the White House said.", "Wednesday , March 22 2023", "two days after the vote",
		"the day before", "mid-", "Dec.", "2023-02-30", "a few days ago", "Christmas Eve", "last\n Sunday",
		"9th of", "May 31st, 2023", "\xff\xfe December 31 9999", "the next",
		"over the weekend", "last winter", "Q4 2023", "the 1990s", "first-half", "the second half of last year", "two weeks later",
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
			if _, _, ok := Interval(d.Value); d.Value != "" && !ok {
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

package sources

import (
	"fmt"
	"testing"
	"time"
)

func TestListRoundTrip(t *testing.T) {
	now := time.Date(2026, 5, 6, 10, 0, 0, 0, time.UTC)
	var l List
	if !l.Add("https://a.example/feed", Feed, "A", now) || l.Add("https://a.example/feed", Feed, "A", now) {
		t.Fatal("Add: duplicate accepted or first refused")
	}
	l.Add("https://b.example/sitemap.xml", Sitemap, "", now.Add(-time.Hour))
	l.Add("https://c.example/feed", Feed, "", now.Add(time.Hour))
	l.Get("https://a.example/feed").MarkSeen("k1", "k2", "k1")
	data, err := l.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	a := back.Get("https://a.example/feed")
	if a == nil || a.Items != 2 || !a.HasSeen("k2") || a.Kind != Feed {
		t.Fatalf("decoded source %+v", a)
	}
	due := back.Due(now)
	if len(due) != 2 || due[0].URL != "https://b.example/sitemap.xml" {
		t.Errorf("due %v", due)
	}
	if !back.NextDue().Equal(now.Add(-time.Hour)) {
		t.Errorf("next due %v", back.NextDue())
	}
	if !back.Remove("https://b.example/sitemap.xml") || back.Remove("https://b.example/sitemap.xml") || len(back.Sources) != 2 {
		t.Error("Remove")
	}
	if _, err := Decode([]byte("{not json")); err == nil {
		t.Error("bad JSON accepted")
	}
	if l, err := Decode(nil); err != nil || len(l.Sources) != 0 {
		t.Error("empty data")
	}
}

func TestMarkSeenIsBounded(t *testing.T) {
	var s Source
	for i := range MaxSeen + 10 {
		s.MarkSeen(fmt.Sprint(i))
	}
	if len(s.Seen) != MaxSeen || s.HasSeen("0") || !s.HasSeen(fmt.Sprint(MaxSeen+9)) || s.Items != MaxSeen+10 {
		t.Errorf("seen %d items %d", len(s.Seen), s.Items)
	}
}

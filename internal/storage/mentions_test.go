package storage

import (
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

func TestMentionListRoundTrip(t *testing.T) {
	for _, ms := range [][]model.Mention{
		{{Span: model.Span{Start: 0, End: 9}, Text: "Ada Brook", Type: model.Person, Role: "mayor", Key: "Ada Brook"}},
		{{Span: model.Span{Start: 3, End: 30}, Text: "say \"no\" \\ line\nbreak\x01", Type: model.Organization, Key: "k\"\\\x1f"},
			{Span: model.Span{Start: 40, End: 52}, Text: "Zoë Ørsted 🙂", Type: model.Place, Role: "chief\u2028editor"}},
	} {
		data := AppendMentionList(nil, ms)
		got, err := AppendParsedMentionList(nil, data)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if !slices.Equal(got, ms) {
			t.Errorf("%s read back as %+v, want %+v", data, got, ms)
		}
	}
}

func TestParseMentionListErrors(t *testing.T) {
	for _, data := range []string{``, `[`, `[[1,2,"a","person","",""]`, `[[1,2,"a","person",""]]`, `[[1,"2","a","person","",""]]`, `{"a":1}`} {
		if ms, err := AppendParsedMentionList(nil, []byte(data)); err == nil {
			t.Errorf("%q: read as %+v, want an error", data, ms)
		}
	}
	// whitespace, as PostgreSQL's json_agg writes it
	ms, err := AppendParsedMentionList(nil, []byte(`[[1, 2, "a", "person", "", "A"], `+"\n "+`[3, 4, "b", "place", "", ""]]`))
	if err != nil || len(ms) != 2 || ms[1].Text != "b" || ms[0].Key != "A" {
		t.Errorf("json_agg's output read as %+v, %v", ms, err)
	}
}

func TestMentionKeys(t *testing.T) {
	ms := []model.Mention{{Key: "b"}, {Key: ""}, {Key: "a"}, {Key: "b"}}
	if got := MentionKeys(ms); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("MentionKeys = %v", got)
	}
}

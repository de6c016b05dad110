package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
)

// benchText returns about 4 KB of news text with its sentences and mentions.
func benchText(b *testing.B) string {
	var sb strings.Builder
	if files, _ := filepath.Glob("../../../../shared/seeds/*.txt"); len(files) > 0 {
		for _, fn := range files {
			t, _ := os.ReadFile(fn)
			sb.Write(t)
			sb.WriteByte('\n')
		}
	} else {
		for _, c := range findCases {
			sb.WriteString(c.text)
			sb.WriteByte('\n')
		}
	}
	text := sb.String()
	for len(text) < 4096 {
		text += "\n" + text
	}
	return text[:strings.LastIndexByte(text[:4096], '\n')]
}

func BenchmarkFind(b *testing.B) {
	text := benchText(b)
	sents := sentence.Split(text)
	ms := testMentions(text, usEnts)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, sents, ms)
	}
}

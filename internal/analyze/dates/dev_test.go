package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

// goldExpr is one annotated date expression of a dev text.
type goldExpr struct {
	model.Span
	text, value string
}

// readDev reads a dev text: a "published: YYYY-MM-DD" line, then the
// article with every date expression marked [[words|value]] (an empty
// value: the expression cannot be resolved).
func readDev(t testing.TB, path string) (string, time.Time, []goldExpr) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(b), "\n")
	pub, err := time.Parse("2006-01-02", strings.TrimSpace(strings.TrimPrefix(head, "published:")))
	if err != nil {
		t.Fatalf("%s:1: %v", path, err)
	}
	var sb strings.Builder
	var gold []goldExpr
	for {
		i := strings.Index(body, "[[")
		if i < 0 {
			sb.WriteString(body)
			break
		}
		sb.WriteString(body[:i])
		body = body[i+2:]
		j := strings.Index(body, "]]")
		words, value, _ := strings.Cut(body[:j], "|")
		start := sb.Len()
		sb.WriteString(words)
		gold = append(gold, goldExpr{Span: model.Span{Start: start, End: sb.Len()}, text: words, value: value})
		body = body[j+2:]
	}
	return sb.String(), pub, gold
}

// devScore is the TempEval-style score of the resolver on the dev texts.
type devScore struct {
	gold, found, valued, right, predicted, predictedRight int
	misses                                                []string
}

func scoreDir(t testing.TB, dir string) devScore {
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Fatal("no dev texts")
	}
	var s devScore
	for _, f := range files {
		text, pub, gold := readDev(t, f)
		got := Find(text, sentence.Split(text), pub)
		matched := make([]bool, len(got))
		for _, g := range gold {
			s.gold++
			if g.value != "" {
				s.valued++
			}
			hit := -1
			for k, d := range got {
				if d.Start < g.End && g.Start < d.End {
					hit = k
					break
				}
			}
			if hit < 0 {
				s.misses = append(s.misses, filepath.Base(f)+": not found: "+g.text)
				continue
			}
			matched[hit] = true
			s.found++
			if got[hit].Value == g.value {
				s.right++
			} else {
				s.misses = append(s.misses, filepath.Base(f)+": "+got[hit].Text+" = "+got[hit].Value+" ("+got[hit].Note+"), want "+g.value)
			}
		}
		for k, d := range got {
			if d.Value == "" {
				continue
			}
			s.predicted++
			if matched[k] {
				s.predictedRight++
			} else {
				s.misses = append(s.misses, filepath.Base(f)+": spurious: "+d.Text+" = "+d.Value)
			}
		}
	}
	return s
}

// TestDevTexts scores the resolver on our own annotated texts in several
// house styles (wire, translation, tabloid, business, sports): at least 0.90
// of the expressions found, the right value (or "unresolved") for at least
// 0.85 of those found, and at most one resolved expression in twenty not a
// date expression.
func TestDevTexts(t *testing.T) {
	s := scoreDir(t, "testdata/dev")
	for _, m := range s.misses {
		t.Log(m)
	}
	found := float64(s.found) / float64(s.gold)
	right := float64(s.right) / float64(s.found)
	prec := float64(s.predictedRight) / float64(s.predicted)
	t.Logf("%d expressions: found %.3f, right value %.3f of found, precision %.3f", s.gold, found, right, prec)
	if found < 0.90 || right < 0.85 || prec < 0.95 {
		t.Errorf("found %.3f (want >= 0.90), right %.3f (want >= 0.85), precision %.3f (want >= 0.95)", found, right, prec)
	}
}

// TestHoldoutTexts scores texts written after the resolver was tuned on
// testdata/dev, and never tuned on since.
func TestHoldoutTexts(t *testing.T) {
	s := scoreDir(t, "testdata/holdout")
	for _, m := range s.misses {
		t.Log(m)
	}
	found := float64(s.found) / float64(s.gold)
	right := float64(s.right) / float64(s.found)
	t.Logf("%d expressions: found %.3f, right value %.3f of found", s.gold, found, right)
	if found < 0.85 || right < 0.80 {
		t.Errorf("found %.3f (want >= 0.85), right %.3f (want >= 0.80)", found, right)
	}
}

package extract

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The learned line scorer's training (see boilerplateModel). The pages of
// the shared extraction evaluation come with text that must be in the body
// and text that must not: a block holding the first is body, one holding
// only the second furniture. The pages are split by the MD5 of their
// names: first hex digit 0–7 trains, 8–f is held out.

// trainPage is one page's examples: the body's lines and their features,
// and its snippets.
type trainPage struct {
	id         string
	tune       bool
	lines      []string
	feats      [][]float64
	with, wout []string
	xs         [][]float64 // labelled blocks: body lines and the rest of the page
	ys         []float64
}

// spaced collapses runs of white space to one space, as the evaluation
// compares text.
func spaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// snippetLabel is 0 for text holding a must-have snippet, 1 for text
// holding only a must-not one, -1 for neither.
func snippetLabel(text string, with, wout []string) float64 {
	t := spaced(text)
	for _, s := range with {
		if strings.Contains(t, s) {
			return 0
		}
	}
	for _, s := range wout {
		if strings.Contains(t, s) {
			return 1
		}
	}
	return -1
}

// loadTrainPages extracts the shared evaluation pages (without the learned
// scorer) and returns their examples; it skips without them.
func loadTrainPages(t *testing.T) []*trainPage {
	t.Helper()
	dir := "../../../shared/eval/extraction"
	files, _ := filepath.Glob(dir + "/pages/*.html.gz")
	raw, err := os.ReadFile(dir + "/snippets.json")
	if len(files) == 0 || err != nil {
		t.Skip(dir + " not present")
	}
	var gold map[string]struct{ With, Without []string }
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	pages := make([]*trainPage, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				pages[i] = trainExamples(t, files[i], gold)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return pages
}

// trainExamples extracts one page and labels its blocks.
func trainExamples(t *testing.T, file string, gold map[string]struct{ With, Without []string }) *trainPage {
	id := strings.TrimSuffix(filepath.Base(file), ".html.gz")
	sum := md5.Sum([]byte(id))
	p := &trainPage{id: id, tune: hex.EncodeToString(sum[:])[0] < '8'}
	g, ok := gold[id+".html"]
	if !ok {
		g = gold[id]
	}
	for _, s := range g.With {
		p.with = append(p.with, spaced(s))
	}
	for _, s := range g.Without {
		p.wout = append(p.wout, spaced(s))
	}
	raw, err := readEvalPage(file)
	if err != nil {
		t.Error(err)
		return p
	}
	if checkHTML(raw) != nil {
		return p
	}
	if sh := measure(raw); sh.deep || sh.elements > MaxHTMLElements || sh.text > MaxHTMLText || sh.work > MaxHTMLWork {
		return p
	}
	res, doc, err := extractRules(raw, "")
	if err != nil {
		return p
	}
	p.lines = strings.Split(res.Text, "\n")
	// Every block of the page, the first of each key, with its count.
	first := map[string]*blockInfo{}
	var order []string
	texts := map[string]string{}
	total := walkBlocks(doc, func(text, k string, bi *blockInfo) {
		if f := first[k]; f != nil {
			f.count++
			return
		}
		bi.count = 1
		first[k] = bi
		order = append(order, k)
		texts[k] = strings.TrimSpace(text)
	})
	keys := make([]string, len(p.lines))
	words := make([]map[string]bool, len(p.lines))
	for i, l := range p.lines {
		keys[i], words[i] = lineKey(l), contentWords(l)
	}
	c := newBodyContext(keys, words, first, res.Title, total)
	inBody := map[string]bool{}
	for i, l := range p.lines {
		k := keys[i]
		inBody[k] = true
		f := lineFeatures(l, words[i], first[k], c, true)
		p.feats = append(p.feats, f)
		if y := snippetLabel(l, p.with, p.wout); y >= 0 {
			p.xs, p.ys = append(p.xs, f), append(p.ys, y)
		}
	}
	for _, k := range order {
		if inBody[k] || len(texts[k]) > 3000 {
			continue
		}
		if y := snippetLabel(texts[k], p.with, p.wout); y >= 0 {
			p.xs, p.ys = append(p.xs, lineFeatures(texts[k], contentWords(texts[k]), first[k], c, false)), append(p.ys, y)
		}
	}
	return p
}

// boostTrees fits a boosted ensemble of regression trees of the given depth
// to the logistic loss of labels ys (1 furniture, 0 body) on features xs.
func boostTrees(xs [][]float64, ys []float64, trees, depth int) lineModel {
	const (
		rate     = 0.3
		lambda   = 5.0 // L2 penalty on leaf values
		minHess  = 3.0 // least weight on either side of a split
		quantile = 12  // thresholds tried per feature
	)
	pos := 0.0
	for _, y := range ys {
		pos += y
	}
	m := lineModel{Base: math.Log(pos / (float64(len(ys)) - pos)), Rate: rate}
	thresholds := make([][]float64, numFeatures)
	for j := 1; j < numFeatures; j++ {
		vals := make([]float64, len(xs))
		for i, x := range xs {
			vals[i] = x[j]
		}
		slices.Sort(vals)
		uniq := slices.Compact(slices.Clone(vals))
		if len(uniq) <= quantile {
			for i := 1; i < len(uniq); i++ {
				thresholds[j] = append(thresholds[j], (uniq[i-1]+uniq[i])/2)
			}
			continue
		}
		for k := 1; k < quantile; k++ {
			thresholds[j] = append(thresholds[j], vals[len(vals)*k/quantile])
		}
		thresholds[j] = slices.Compact(thresholds[j])
	}
	score := make([]float64, len(xs))
	for i := range score {
		score[i] = m.Base
	}
	g, h := make([]float64, len(xs)), make([]float64, len(xs))
	var grow func(tree *[]treeNode, idx []int, depth int) int
	grow = func(tree *[]treeNode, idx []int, depth int) int {
		var G, H float64
		for _, i := range idx {
			G, H = G+g[i], H+h[i]
		}
		at := len(*tree)
		*tree = append(*tree, treeNode{Feature: -1, Value: -G / (H + lambda)})
		if depth == 0 || len(idx) < 4 {
			return at
		}
		bestGain, bestJ, bestT := 0.0, -1, 0.0
		for j := 1; j < numFeatures; j++ {
			for _, t := range thresholds[j] {
				var GL, HL float64
				for _, i := range idx {
					if xs[i][j] <= t {
						GL, HL = GL+g[i], HL+h[i]
					}
				}
				GR, HR := G-GL, H-HL
				if HL < minHess || HR < minHess {
					continue
				}
				if gain := GL*GL/(HL+lambda) + GR*GR/(HR+lambda) - G*G/(H+lambda); gain > bestGain {
					bestGain, bestJ, bestT = gain, j, t
				}
			}
		}
		if bestJ < 0 {
			return at
		}
		var left, right []int
		for _, i := range idx {
			if xs[i][bestJ] <= bestT {
				left = append(left, i)
			} else {
				right = append(right, i)
			}
		}
		l := grow(tree, left, depth-1)
		r := grow(tree, right, depth-1)
		(*tree)[at] = treeNode{Feature: bestJ, Threshold: bestT, Left: l, Right: r}
		return at
	}
	all := make([]int, len(xs))
	for i := range all {
		all[i] = i
	}
	for range trees {
		for i := range xs {
			p := 1 / (1 + math.Exp(-score[i]))
			g[i], h[i] = p-ys[i], p*(1-p)
		}
		var tree []treeNode
		grow(&tree, all, depth)
		m.Trees = append(m.Trees, tree)
		one := lineModel{Trees: [][]treeNode{tree}, Rate: rate}
		for i, x := range xs {
			score[i] += rate * one.leafSum(x)
		}
	}
	return m
}

// leafSum is the sum of the leaves the trees of m give features f.
func (m *lineModel) leafSum(f []float64) float64 {
	z := 0.0
	for _, t := range m.Trees {
		i := 0
		for t[i].Feature >= 0 {
			if f[t[i].Feature] <= t[i].Threshold {
				i = t[i].Left
			} else {
				i = t[i].Right
			}
		}
		z += t[i].Value
	}
	return z
}

// snippetScore is the evaluation's precision, recall and F1 over pages
// (tune or held-out half), lines above cut dropped (m nil: none).
func snippetScore(pages []*trainPage, tune bool, m *lineModel, cut float64) (p, r, f1 float64) {
	var tp, fn, fp int
	for _, pg := range pages {
		if pg.tune != tune {
			continue
		}
		var kept []string
		for i, l := range pg.lines {
			if m == nil || m.prob(pg.feats[i]) <= cut {
				kept = append(kept, l)
			}
		}
		if m != nil && len(kept) == 0 {
			kept = pg.lines
		}
		text := spaced(strings.Join(kept, "\n"))
		for _, s := range pg.with {
			if strings.Contains(text, s) {
				tp++
			} else {
				fn++
			}
		}
		for _, s := range pg.wout {
			if strings.Contains(text, s) {
				fp++
			}
		}
	}
	p, r = float64(tp)/float64(max(1, tp+fp)), float64(tp)/float64(max(1, tp+fn))
	return p, r, 2 * p * r / math.Max(1e-9, p+r)
}

// TestTrainLineModel trains boilerplateModel on the tune half of the shared
// extraction pages (the held-out half with PARALLAX_LINEMODEL_HALF=held,
// to cross-check) and writes its Go source to the file named by
// PARALLAX_LINEMODEL_OUT, logging both halves' scores. The cut is the
// lowest of a few that loses no recall on the training half. It skips when
// the variable is unset.
func TestTrainLineModel(t *testing.T) {
	out := os.Getenv("PARALLAX_LINEMODEL_OUT")
	if out == "" {
		t.Skip("PARALLAX_LINEMODEL_OUT not set")
	}
	trainTune := os.Getenv("PARALLAX_LINEMODEL_HALF") != "held"
	pages := loadTrainPages(t)
	var xs [][]float64
	var ys []float64
	for _, p := range pages {
		if p.tune == trainTune {
			xs, ys = append(xs, p.xs...), append(ys, p.ys...)
		}
	}
	m := boostTrees(xs, ys, 40, 3)
	_, r0, _ := snippetScore(pages, trainTune, nil, 0)
	m.Cut = 1
	for _, cut := range []float64{0.9, 0.95, 0.98, 0.99} {
		if _, r, _ := snippetScore(pages, trainTune, &m, cut); r >= r0 {
			m.Cut = cut
			break
		}
	}
	for _, half := range []bool{true, false} {
		name := map[bool]string{true: "tune", false: "held-out"}[half]
		p0, r0, f0 := snippetScore(pages, half, nil, 0)
		p, r, f := snippetScore(pages, half, &m, m.Cut)
		t.Logf("%s half: P %.4f -> %.4f, R %.4f -> %.4f, F1 %.4f -> %.4f", name, p0, p, r0, r, f0, f)
	}
	furniture := 0
	for _, y := range ys {
		furniture += int(y)
	}
	t.Logf("trained on %d blocks (%d furniture), cut %.2f", len(ys), furniture, m.Cut)
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by TestTrainLineModel (linemodel_train_test.go); DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package extract\n\n")
	fmt.Fprintf(&b, "// boilerplateModel is the learned line scorer (see lineModel), trained on\n")
	fmt.Fprintf(&b, "// %d labelled blocks of half the shared extraction pages.\n", len(ys))
	fmt.Fprintf(&b, "var boilerplateModel = lineModel{Base: %v, Rate: %v, Cut: %v, Trees: [][]treeNode{\n", m.Base, m.Rate, m.Cut)
	for _, tree := range m.Trees {
		b.WriteString("{")
		for _, n := range tree {
			if n.Feature < 0 {
				fmt.Fprintf(&b, "{Feature: -1, Value: %v}, ", n.Value)
			} else {
				fmt.Fprintf(&b, "{Feature: %d, Threshold: %v, Left: %d, Right: %d}, ", n.Feature, n.Threshold, n.Left, n.Right)
			}
		}
		b.WriteString("},\n")
	}
	b.WriteString("}}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Anaphora: a stance whose proposition is an earlier claim ("denied it").

package claim

import (
	"strings"

	"github.com/parallax-news/parallax/internal/model"
)

// relativeAntecedent returns the content of the phrase a ", which …"
// clause refers to: "reports that X, which he did not deny" → X.
func (a *analysis) relativeAntecedent(lo, subjStart int) string {
	r := subjStart - 1
	for r >= lo && a.toks[r].isWord() && relPronoun(a.toks[r].w) {
		r--
	}
	if r < lo || a.toks[r].p != pComma {
		return ""
	}
	comma := r
	for m := comma - 1; m > lo; m-- {
		if a.toks[m].w == "that" || a.toks[m].w == "of" || a.toks[m].w == "about" {
			if claimNoun(a.toks[m-1].w) {
				return a.span(m+1, comma)
			}
		}
	}
	return ""
}

// antecedent finds the claim an anaphoric stance refers to: the latest
// assertion before it by another holder (by the hinted holder when the text
// names one), else the first one after it.
func (a *analysis) antecedent(ci int) string {
	c := a.cands[ci]
	ok := func(p cand) bool {
		if p.stance != model.Assert || p.prop == "" || p.anaphor && p.prop == "" {
			return false
		}
		for _, h := range p.holders {
			for _, g := range c.holders {
				if h == g {
					return false
				}
			}
		}
		if c.hint != "" {
			found := false
			for _, h := range p.holders {
				if strings.Contains(strings.ToLower(h), strings.ToLower(c.hint)) ||
					strings.Contains(strings.ToLower(c.hint), strings.ToLower(h)) {
					found = true
				}
			}
			return found
		}
		return true
	}
	for pass := 0; pass < 2; pass++ {
		for k := ci - 1; k >= 0 && k >= ci-maxLookBack; k-- {
			if ok(a.cands[k]) {
				return a.cands[k].prop
			}
		}
		for k := ci + 1; k < len(a.cands) && k <= ci+maxLookBack; k++ {
			if ok(a.cands[k]) && a.cands[k].prop != "" {
				return a.cands[k].prop
			}
		}
		if c.hint == "" {
			break
		}
		c.hint = ""
	}
	return a.claimBefore(c.sent.Start, c.pos)
}

// claimBefore returns the content of a claim noun's clause before the cue
// in the same sentence: "Asked about reports that X, he did not deny it"
// → X.
func (a *analysis) claimBefore(start, pos int) string {
	lo, hi := tokenRange(a.toks, start, pos)
	for m := lo; m+1 < hi; m++ {
		if !claimNoun(a.toks[m].w) {
			continue
		}
		switch a.toks[m+1].w {
		case "that", "of", "about":
			if end := a.clauseEnd(m+2, hi); end > m+2 {
				return a.span(m+2, end)
			}
		}
	}
	return ""
}

package compare

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/model"
)

// maxDiffWords bounds the renderings diffed word by word (the table is
// quadratic); longer ones get no diff.
const maxDiffWords = 600

// Word lists for meaning-change flags, lower case, apostrophes dropped.
var (
	negationWords = set("not no never none nobody nothing neither nor without cannot cant dont doesnt didnt isnt arent wasnt werent wont hasnt havent hadnt")
	hedgeWords    = set("may might could reportedly allegedly possibly perhaps apparently likely probably seemingly purportedly appears appear seems seem suggests suggest unconfirmed")
	strongVerbs   = set("must vowed vow threatened threaten demanded demand insisted insist slammed blasted condemned condemn warned warn accused accuse admitted admit denied deny refused refuse rejected reject confirmed confirm claimed claim alleged allege")
	numberWordSet = set("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions dozen dozens half")
)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// diffWord is one word of a rendering: as written and folded for matching.
type diffWord struct{ text, key string }

// words splits s into words with surrounding punctuation removed.
func words(s string) []diffWord {
	var out []diffWord
	for _, f := range strings.Fields(s) {
		t := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if t == "" {
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(t) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
		out = append(out, diffWord{text: t, key: b.String()})
	}
	return out
}

// diffWords diffs two renderings word by word over the stretch both cover
// (words before the first and after the last shared word are where one
// outlet cut the quote, not changes) and flags the changes that can alter
// meaning.
func diffWords(a, b string) ([]model.DiffOp, []model.MeaningChange) {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 || len(wa) > maxDiffWords || len(wb) > maxDiffWords {
		return []model.DiffOp{}, []model.MeaningChange{}
	}
	// lcs[i][j]: length of the longest common subsequence of wa[i:], wb[j:].
	lcs := make([][]int32, len(wa)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(wb)+1)
	}
	for i := len(wa) - 1; i >= 0; i-- {
		for j := len(wb) - 1; j >= 0; j-- {
			if wa[i].key == wb[j].key {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type step struct {
		op byte
		w  string
		k  string
	}
	var steps []step
	i, j := 0, 0
	for i < len(wa) || j < len(wb) {
		switch {
		case i < len(wa) && j < len(wb) && wa[i].key == wb[j].key:
			steps = append(steps, step{'=', wa[i].text, wa[i].key})
			i++
			j++
		case i < len(wa) && (j == len(wb) || lcs[i+1][j] >= lcs[i][j+1]):
			steps = append(steps, step{'-', wa[i].text, wa[i].key})
			i++
		default:
			steps = append(steps, step{'+', wb[j].text, wb[j].key})
			j++
		}
	}
	lo, hi := 0, len(steps)
	for lo < hi && steps[lo].op != '=' {
		lo++
	}
	for hi > lo && steps[hi-1].op != '=' {
		hi--
	}
	ops := []model.DiffOp{}
	var added, removed []string
	for _, s := range steps[lo:hi] {
		switch s.op {
		case '+':
			added = append(added, s.k)
		case '-':
			removed = append(removed, s.k)
		}
		if n := len(ops); n > 0 && ops[n-1].Op == string(s.op) {
			ops[n-1].Text += " " + s.w
			continue
		}
		ops = append(ops, model.DiffOp{Op: string(s.op), Text: s.w})
	}
	return ops, meaningChanges(added, removed)
}

// meaningChanges flags negations, numbers, hedges and strong verbs that
// one rendering has and the other lacks. A negation swapped for another
// ("no" for "does not") is no change.
func meaningChanges(added, removed []string) []model.MeaningChange {
	flags := []model.MeaningChange{}
	pick := func(ws []string, in func(string) bool) []string {
		var out []string
		for _, w := range ws {
			if in(w) {
				out = append(out, w)
			}
		}
		return out
	}
	isNum := func(w string) bool { return numberWordSet[w] || strings.IndexFunc(w, unicode.IsDigit) >= 0 }
	kinds := []struct {
		kind  string
		in    func(string) bool
		count bool // only a different count is a change
	}{
		{"negation", func(w string) bool { return negationWords[w] }, true},
		{"number", isNum, false},
		{"hedge", func(w string) bool { return hedgeWords[w] }, false},
		{"verb", func(w string) bool { return strongVerbs[w] }, false},
	}
	for _, k := range kinds {
		a, r := pick(added, k.in), pick(removed, k.in)
		if len(a) == 0 && len(r) == 0 || k.count && len(a) == len(r) {
			continue
		}
		flags = append(flags, model.MeaningChange{Kind: k.kind, Added: a, Removed: r})
	}
	return flags
}

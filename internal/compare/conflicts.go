package compare

import (
	"slices"

	"github.com/parallax-news/parallax/internal/model"
)

// conflicts lists the claims on which holders take opposite stances: one
// denies what another asserts or admits, in different articles or in one.
func (c *comparer) conflicts(out *model.Comparison) {
	out.Conflicts = []model.Conflict{}
	for _, cl := range c.corpus.Claims() {
		var deny, affirm bool
		denyIn, affirmIn := map[string]bool{}, map[string]bool{}
		for _, s := range cl.Stances {
			switch s.Stance {
			case model.Deny:
				deny = true
				denyIn[s.ID] = true
			case model.Assert, model.Admit:
				affirm = true
				affirmIn[s.ID] = true
			}
		}
		if !deny || !affirm {
			continue
		}
		conf := model.Conflict{Claim: cl.Claim, Within: []string{}}
		for _, s := range cl.Stances {
			conf.Sides = append(conf.Sides, model.ConflictSide{Stance: s.Stance, Holder: s.Holder, ID: s.ID, Start: s.Start, End: s.End, Text: s.Text})
			if denyIn[s.ID] && affirmIn[s.ID] && !slices.Contains(conf.Within, s.ID) {
				conf.Within = append(conf.Within, s.ID)
			}
		}
		out.Conflicts = append(out.Conflicts, conf)
	}
}

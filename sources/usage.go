package sources

import (
	"slices"

	"github.com/claimtrail/claimtrail"
)

// Usage is how one article's claims use a source: the words that name it,
// and how many claims it is the source of or relays.
type Usage struct {
	Source claimtrail.Source `json:"source"`
	// Mentions are the distinct ways the claims name the source, in the
	// order of the text; an implicit subject appears as its cue in
	// parentheses.
	Mentions []string `json:"mentions"`
	// Claims counts the claims whose source this is.
	Claims int `json:"claims"`
	// Relayed counts the claims this source passes on, as a reporter in
	// their Via chain.
	Relayed int `json:"relayed"`
}

// Uses summarises linked claims (after Link) per source, in the order of
// srcs. A source no claim refers to is left out.
func Uses(cs []claimtrail.Claim, srcs []claimtrail.Source) []Usage {
	idx := make(map[string]int, len(srcs))
	out := make([]Usage, 0, len(srcs))
	for _, s := range srcs {
		idx[s.ID] = len(out)
		out = append(out, Usage{Source: s})
	}
	note := func(m *claimtrail.Mention) *Usage {
		i, ok := idx[m.SourceID]
		if !ok {
			return nil
		}
		u := &out[i]
		w := oneLine(m.Mention)
		if w == "" && m.ResolvedFrom != "" {
			w = "(" + m.ResolvedFrom + ")"
		}
		if w != "" && !slices.Contains(u.Mentions, w) {
			u.Mentions = append(u.Mentions, w)
		}
		return u
	}
	for i := range cs {
		for j := range cs[i].Via {
			if u := note(&cs[i].Via[j]); u != nil {
				u.Relayed++
			}
		}
		if u := note(&cs[i].Source); u != nil {
			u.Claims++
		}
	}
	return slices.DeleteFunc(out, func(u Usage) bool { return u.Claims == 0 && u.Relayed == 0 })
}

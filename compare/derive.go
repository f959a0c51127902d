package compare

import (
	"cmp"
	"slices"

	"github.com/claimtrail/claimtrail"
)

// derive finds republications: an article most of whose four-word
// shingles stand in another article of the same language. The original
// is the earlier article; with no dates, or the same date, the one that
// holds more of the other (a republisher cuts more often than it adds).
// Each article is derived from at most one other, its best match.
func (c *Comparer) derive(ds []*doc) []Derivation {
	type cand struct {
		der, orig *doc
		share     float64
	}
	best := map[*doc]cand{}
	for i, a := range ds {
		for _, b := range ds[i+1:] {
			if a.lang != b.lang || len(a.shingles) == 0 || len(b.shingles) == 0 {
				continue
			}
			n := 0
			for h := range a.shingles {
				if b.shingles[h] {
					n++
				}
			}
			sa, sb := float64(n)/float64(len(a.shingles)), float64(n)/float64(len(b.shingles))
			if max(sa, sb) < c.opts.DeriveThreshold {
				continue
			}
			x := cand{der: a, orig: b, share: sa}
			switch {
			case a.date != "" && b.date != "" && a.date != b.date:
				if a.date < b.date {
					x = cand{der: b, orig: a, share: sb}
				}
			case sb > sa:
				x = cand{der: b, orig: a, share: sb}
			}
			if x.share < c.opts.DeriveThreshold {
				continue
			}
			if old, ok := best[x.der]; !ok || x.share > old.share {
				best[x.der] = x
			}
		}
	}
	var out []Derivation
	for _, x := range best {
		out = append(out, Derivation{Article: x.der.ref, From: x.orig.ref, Overlap: round(x.share), Changes: c.changes(x.orig, x.der), col: x.der.col})
	}
	slices.SortFunc(out, func(a, b Derivation) int { return cmp.Compare(a.col, b.col) })
	return out
}

// changes diffs a republication against its original as two versions.
func (c *Comparer) changes(orig, der *doc) []claimtrail.Change {
	res := c.diff.Diff(orig.a, der.a, orig.raw, der.raw)
	ch := []claimtrail.Change{}
	for _, k := range res.Claims {
		if k.Notable() {
			ch = append(ch, k)
		}
	}
	return ch
}

package compare

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
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
		out = append(out, Derivation{Article: x.der.ref, From: x.orig.ref, Kind: Republication, Overlap: round(x.share),
			Evidence: fmt.Sprintf("%.0f%% of its four-word runs", 100*x.share), Changes: c.changes(x.orig, x.der), col: x.der.col})
	}
	derived := map[*doc]bool{}
	for d := range best {
		derived[d] = true
	}
	out = append(out, c.translations(ds, derived)...)
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

// translations finds articles that another language edition of the
// same page gives: a site that serves its Arabic and English texts at one
// URL publishes one as the translation of the other (claimtrail stores
// them as two articles, see claimtrail.VersionKey). Text similarity cannot
// tell a translation from two outlets' retellings of one agency
// statement across scripts (both share the names, numbers and order), so
// only the address is taken as evidence. An article already found to
// republish another is not tested.
func (c *Comparer) translations(ds []*doc, derived map[*doc]bool) []Derivation {
	var out []Derivation
	seen := map[*doc]bool{}
	for i, a := range ds {
		for _, b := range ds[i+1:] {
			if a.lang == b.lang || a.lang == "" || b.lang == "" || derived[a] || derived[b] || seen[a] || seen[b] {
				continue
			}
			if ua, ub := pageURL(a.a.URL), pageURL(b.a.URL); ua == "" || ua != ub {
				continue
			}
			der, orig := b, a
			if translatedFirst(a, b) {
				der, orig = a, b
			}
			seen[der] = true
			out = append(out, Derivation{Article: der.ref, From: orig.ref, Kind: Translation, Overlap: 1, col: der.col,
				Evidence: "the same URL in " + orig.lang + " and " + der.lang})
		}
	}
	return out
}

// pageURL is a URL without its scheme, a leading www., a fragment and a
// trailing slash: the forms under which one page is linked.
func pageURL(u string) string {
	u, _, _ = strings.Cut(u, "#")
	for _, p := range []string{"https://", "http://"} {
		u = strings.TrimPrefix(u, p)
	}
	u = strings.TrimPrefix(u, "www.")
	return strings.TrimSuffix(u, "/")
}

// translatedFirst reports whether b is the original of a translation
// pair: the earlier dated; on the same date, the outlet's main edition
// (Okaz) rather than its language edition (Okaz English); else the
// article given first.
func translatedFirst(a, b *doc) bool {
	if a.date != "" && b.date != "" && a.date != b.date {
		return b.date < a.date
	}
	ao, bo := text.Key(a.outlet()), text.Key(b.outlet())
	if ao != bo && bo != "" && strings.HasPrefix(ao, bo) {
		return true
	}
	if ao != bo && ao != "" && strings.HasPrefix(bo, ao) {
		return false
	}
	return b.col < a.col
}

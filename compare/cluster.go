package compare

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// pair is a candidate alignment of two claims of different articles.
type pair struct {
	a, b  *claimF
	score float64
	cross bool
	ev    []string
}

// cluster aligns the claims of a story's articles and groups them. Pairs
// of one language are taken first, best first, then pairs across
// languages: content similarity is the firmer evidence. A pair joins two
// groups only when no article would then have two claims in one group, so
// a cluster holds at most one claim per article.
func (c *Comparer) cluster(ds []*doc, derived []Derivation) []Cluster {
	df := c.anchorFrequency(ds)
	var same, cross []pair
	// A translation's claims follow its original's, one for one: those
	// pairs come first, whatever their words share.
	trans := c.translationPairs(ds, derived, df)
	for i, da := range ds {
		for _, db := range ds[i+1:] {
			for _, x := range da.claims {
				for _, y := range db.claims {
					if da.lang == db.lang {
						if p, ok := c.sameLangPair(x, y); ok {
							same = append(same, p)
						}
					} else if p, ok := c.crossPair(x, y, df); ok {
						cross = append(cross, p)
					}
				}
			}
		}
	}
	order := func(ps []pair) {
		slices.SortStableFunc(ps, func(p, q pair) int {
			return cmp.Or(cmp.Compare(q.score, p.score), cmp.Compare(p.a.c.ID, q.a.c.ID), cmp.Compare(p.b.c.ID, q.b.c.ID))
		})
	}
	order(same)
	order(cross)

	var all []*claimF
	for _, d := range ds {
		all = append(all, d.claims...)
	}
	group := map[*claimF]int{}
	members := map[int][]*claimF{}
	aligns := map[int][]pair{}
	for i, x := range all {
		group[x] = i
		members[i] = []*claimF{x}
	}
	for _, p := range slices.Concat(trans, same, cross) {
		ga, gb := group[p.a], group[p.b]
		if ga == gb {
			continue
		}
		clash := false
		for _, x := range members[ga] {
			for _, y := range members[gb] {
				if x.d == y.d && !oneStatement(x, y, c) {
					clash = true
				}
			}
		}
		if clash {
			continue
		}
		for _, y := range members[gb] {
			group[y] = ga
		}
		members[ga] = append(members[ga], members[gb]...)
		aligns[ga] = append(aligns[ga], append(aligns[gb], p)...)
		delete(members, gb)
		delete(aligns, gb)
	}

	var out []Cluster
	for i := range all {
		ms, ok := members[i]
		if !ok {
			continue
		}
		slices.SortStableFunc(ms, func(x, y *claimF) int { return cmp.Compare(x.d.col, y.d.col) })
		var cl Cluster
		for _, m := range ms {
			cl.Cells = append(cl.Cells, cellOf(m))
		}
		for _, p := range aligns[i] {
			a, b := p.a, p.b
			if b.d.col < a.d.col {
				a, b = b, a
			}
			cl.Alignments = append(cl.Alignments, Alignment{A: a.c.ID, B: b.c.ID, Score: round(p.score), CrossLanguage: p.cross, Evidence: p.ev})
			cl.CrossLanguage = cl.CrossLanguage || p.cross
		}
		c.unattributed(&cl, ms, ds)
		cl.Disagreements = c.disagreements(cl.Cells, ms)
		if cl.Alignments == nil {
			cl.Alignments = []Alignment{}
		}
		if cl.Disagreements == nil {
			cl.Disagreements = []Disagreement{}
		}
		out = append(out, cl)
	}
	// Clusters in the order of their first cell: leftmost article, then
	// offset, so the matrix reads down the first article.
	slices.SortStableFunc(out, func(x, y Cluster) int {
		a, b := x.Cells[0], y.Cells[0]
		return cmp.Or(cmp.Compare(colOf(ds, a.Article), colOf(ds, b.Article)), cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.ClaimID, b.ClaimID))
	})
	for i := range out {
		out[i].ID = fmt.Sprintf("c%d", i+1)
	}
	return out
}

// translationPairs aligns the claims of each translation with its
// original's in order: the pairs of one source, as many as keep their
// order, those with shared anchors preferred (a weighted longest common
// subsequence). A translated claim shares few anchors with its original
// when it has no names or numbers ("the difficult decisions were not
// aimed at force"), which is why position, not content, decides here.
func (c *Comparer) translationPairs(ds []*doc, derived []Derivation, df map[string]int) []pair {
	var out []pair
	for _, d := range derived {
		if d.Kind != Translation {
			continue
		}
		var a, b *doc
		for _, x := range ds {
			switch x.ref {
			case d.From:
				a = x
			case d.Article:
				b = x
			}
		}
		if a == nil || b == nil || len(a.claims) == 0 || len(b.claims) == 0 {
			continue
		}
		n, m := len(a.claims), len(b.claims)
		w := make([][]float64, n)
		for i, x := range a.claims {
			w[i] = make([]float64, m)
			for j, y := range b.claims {
				if x.c.NestedIn != "" || y.c.NestedIn != "" || !c.sameSource(x.c.Source, y.c.Source) {
					continue
				}
				w[i][j] = 1
				if p, ok := c.crossPair(x, y, df); ok {
					w[i][j] += p.score
				}
			}
		}
		best := make([][]float64, n+1)
		for i := range best {
			best[i] = make([]float64, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				best[i][j] = max(best[i+1][j], best[i][j+1])
				if w[i][j] > 0 {
					best[i][j] = max(best[i][j], w[i][j]+best[i+1][j+1])
				}
			}
		}
		for i, j := 0, 0; i < n && j < m; {
			switch {
			case w[i][j] > 0 && best[i][j] == w[i][j]+best[i+1][j+1]:
				out = append(out, pair{a: a.claims[i], b: b.claims[j], score: min(1, w[i][j]/2+0.25), cross: a.lang != b.lang,
					ev: []string{fmt.Sprintf("translation: claim %d of %d and %d of %d, same source", i+1, n, j+1, m)}})
				i, j = i+1, j+1
			case best[i][j] == best[i+1][j]:
				i++
			default:
				j++
			}
		}
	}
	return out
}

// oneStatement: two claims of one sentence with one source are parts of
// one statement ("announced that the committee met ..., confirming the
// agreement ..."), which another outlet may report as one claim.
func oneStatement(x, y *claimF, c *Comparer) bool {
	return x.c.Sentence == y.c.Sentence && x.c.NestedIn == "" && y.c.NestedIn == "" && c.sameSource(x.c.Source, y.c.Source)
}

func colOf(ds []*doc, ref string) int {
	for _, d := range ds {
		if d.ref == ref {
			return d.col
		}
	}
	return len(ds)
}

// sameLangPair scores two claims of one language by the Dice similarity
// of their content words.
func (c *Comparer) sameLangPair(x, y *claimF) (pair, bool) {
	s, n := dice(x.words, y.words)
	th := c.opts.ClaimThreshold
	same := c.sameSource(x.c.Source, y.c.Source)
	if same {
		th -= 0.1 // the same source saying alike words is the same claim
	}
	if s < th || n < 2 {
		return pair{}, false
	}
	ev := []string{fmt.Sprintf("%d shared content words (dice %.2f)", n, s)}
	if ns := shared(x.numbers, y.numbers); len(ns) > 0 {
		ev = append(ev, "numbers "+strings.Join(ns, ", "))
	}
	if same {
		ev = append(ev, "same source")
	}
	return pair{a: x, b: y, score: s, ev: ev}, true
}

// anchorFrequency counts in how many articles each anchor of a claim
// occurs, so anchors every article has (the country, "forces") weigh
// less than those few share.
func (c *Comparer) anchorFrequency(ds []*doc) map[string]int {
	df := map[string]int{}
	for _, d := range ds {
		seen := map[string]bool{}
		for _, x := range d.claims {
			for _, k := range x.numbers {
				seen["n:"+k] = true
			}
			for _, k := range x.terms {
				seen["t:"+k] = true
			}
		}
		for k := range seen {
			df[k]++
		}
	}
	// An English name counts in every article that names it, in English
	// or, as the matcher tells, in Arabic.
	names := map[string]bool{}
	for _, d := range ds {
		for _, x := range d.claims {
			if !isArabicLang(d.lang) {
				for _, e := range x.names {
					names[e] = true
				}
			}
		}
	}
	for e := range names {
		for _, d := range ds {
			if isArabicLang(d.lang) {
				if len(c.matchNames([]string{e}, d.names)) > 0 {
					df["m:"+e]++
				}
			} else if slices.Contains(d.names, e) {
				df["m:"+e]++
			}
		}
	}
	return df
}

// crossPair scores an Arabic and an English claim by the anchors they
// share: numbers, glossary terms and names the matcher relates across
// scripts, each weighed down when most articles of the story have it. The
// score is a weighted Dice; two shared anchors at least are needed.
func (c *Comparer) crossPair(x, y *claimF, df map[string]int) (pair, bool) {
	if isArabicLang(x.d.lang) {
		x, y = y, x // x is the English claim
	}
	w := func(k string) float64 {
		f := df[k]
		if f <= 2 {
			return 1
		}
		return 2 / float64(f)
	}
	var sh, tot float64
	var ev []string
	cnt := 0
	add := func(prefix, what string, a, b []string) {
		s := shared(a, b)
		for _, k := range a {
			tot += w(prefix + k)
		}
		for _, k := range b {
			tot += w(prefix + k)
		}
		for _, k := range s {
			sh += 2 * w(prefix+k)
		}
		cnt += len(s)
		if len(s) > 0 {
			ev = append(ev, what+" "+strings.Join(s, ", "))
		}
	}
	add("n:", "numbers", x.numbers, y.numbers)
	add("t:", "terms", x.terms, y.terms)
	m := c.matchNames(x.names, y.names)
	for _, e := range x.names {
		tot += w("m:" + e)
	}
	for _, p := range m {
		e, _, _ := strings.Cut(p, " = ")
		sh += 2 * w("m:"+e)
		tot += w("m:" + e)
	}
	cnt += len(m)
	if len(m) > 0 {
		ev = append(ev, "names "+strings.Join(m, ", "))
	}
	if tot == 0 || cnt < 2 {
		return pair{}, false
	}
	s := sh / tot
	if c.sameSource(x.c.Source, y.c.Source) {
		ev = append(ev, "same source")
	}
	if s < c.opts.CrossClaimThreshold {
		return pair{}, false
	}
	return pair{a: x, b: y, score: s, cross: true, ev: ev}, true
}

// sameSource: the same linked id, the caller's matcher, or names that
// the glossary maps to the same terms.
func (c *Comparer) sameSource(a, b claimtrail.Mention) bool {
	if a.SourceID != "" && a.SourceID == b.SourceID {
		return true
	}
	if (a.Mention == "" && a.Name == "") || (b.Mention == "" && b.Name == "") {
		return false
	}
	if c.opts.SameSource(a, b) {
		return true
	}
	// An Arabic mention often keeps a title the English one drops
	// (والية الإقليم سميرة التومي, Samira Toumi), and either may keep a
	// title: the name is the last two words of each.
	na, nb := mentionName(a), mentionName(b)
	if isArabic(na) != isArabic(nb) {
		if isArabic(nb) {
			na, nb = nb, na
		}
		wa, wb := strings.Fields(na), strings.Fields(nb)
		if len(wa) >= 2 && len(wb) >= 2 && c.opts.Match(strings.Join(wa[len(wa)-2:], " "), strings.Join(wb[len(wb)-2:], " ")) {
			return true
		}
	}
	ta, tb := c.terms.find(normWords(na)), c.terms.find(normWords(nb))
	if len(ta) > 0 && slices.Equal(ta, tb) && hasPhrase(ta) {
		return true
	}
	// Long names of one body, worded differently ("the Higher Military
	// Committee for Ending the Coalition Mission", "the Supreme Military
	// Committee for Ending the Coalition Mission in Iraq"): most of their
	// words, or across scripts most of their terms, agree.
	if isArabic(na) == isArabic(nb) {
		wa, wb := c.nameWords(na), c.nameWords(nb)
		s, n := dice(wa, wb)
		return n >= 3 && s >= 0.6
	}
	n := len(shared(ta, tb))
	return n >= 2 && 2*float64(n)/float64(len(ta)+len(tb)) >= 0.6
}

func (c *Comparer) nameWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range normWords(s) {
		if !c.stop[w] {
			out[w] = true
		}
	}
	return out
}

// hasPhrase: a term of more than one word names something specific
// ("joint operations command"); one common word ("ministry") does not.
func hasPhrase(ts []string) bool {
	for _, t := range ts {
		if strings.Contains(t, " ") {
			return true
		}
	}
	return false
}

func mentionName(m claimtrail.Mention) string {
	if m.Name != "" {
		return m.Name
	}
	return m.Mention
}

func cellOf(x *claimF) Cell {
	cl := x.c
	var via []string
	for _, v := range cl.Via {
		via = append(via, mentionLabel(v))
	}
	return Cell{Article: x.d.ref, Outlet: x.d.outlet(), Lang: x.d.lang, Status: CellAttributed, ClaimID: cl.ID,
		Source: mentionLabel(cl.Source), SourceID: cl.Source.SourceID, Via: via, Cue: cl.Cue.Text,
		Stance: cl.Cue.Stance, Type: cl.Type, Content: cl.Content.Text, Span: cl.Content.Span, Numbers: x.numbers, claim: cl}
}

func mentionLabel(m claimtrail.Mention) string {
	switch {
	case m.Mention == "" && m.Name == "":
		return "(unnamed)"
	case m.Mention == "":
		return "(" + m.Name + ")"
	case m.Name != "" && m.Name != m.Mention:
		return m.Mention + " → " + m.Name
	}
	return m.Mention
}

// unattributed adds a cell for each article of a member's language that
// has no claim in the cluster but states the content in a sentence
// outside its claims: the outlet gives it as fact.
func (c *Comparer) unattributed(cl *Cluster, ms []*claimF, ds []*doc) {
	in := map[*doc]bool{}
	for _, m := range ms {
		in[m.d] = true
	}
	for _, d := range ds {
		if in[d] {
			continue
		}
		var best *sentF
		var bestShare float64
		var from *claimF
		for _, m := range ms {
			if m.d.lang != d.lang || len(m.words) < 3 {
				continue
			}
			last := ""
			if ws := normWords(mentionName(m.c.Source)); len(ws) > 0 {
				last = ws[len(ws)-1]
			}
			for i := range d.sentences {
				s := &d.sentences[i]
				if insideClaim(d, s.span) || (last != "" && !c.stop[last] && s.words[last]) {
					// A sentence that names the claim's source attributes
					// it, in words extraction did not read as a claim.
					continue
				}
				n := 0
				for w := range m.words {
					if s.words[w] {
						n++
					}
				}
				share := float64(n) / float64(len(m.words))
				if share >= c.opts.UnattributedThreshold && share > bestShare {
					best, bestShare, from = s, share, m
				}
			}
		}
		if best == nil {
			continue
		}
		_, _, nums, _ := c.tokenFeatures(tokensOf(best), d.lang)
		slices.Sort(nums)
		cl.Cells = append(cl.Cells, Cell{Article: d.ref, Outlet: d.outlet(), Lang: d.lang, Status: CellUnattributed,
			Content: best.text, Span: best.span, Numbers: slices.Compact(nums)})
		cl.Alignments = append(cl.Alignments, Alignment{A: from.c.ID, B: fmt.Sprintf("%s@%d", d.ref, best.span.Start), Score: round(bestShare),
			Evidence: []string{fmt.Sprintf("%.0f%% of the content words in one sentence, outside any claim", 100*bestShare)}})
	}
	slices.SortStableFunc(cl.Cells, func(a, b Cell) int { return cmp.Compare(colOf(ds, a.Article), colOf(ds, b.Article)) })
}

func insideClaim(d *doc, s claimtrail.Span) bool {
	for _, x := range d.claims {
		sp := x.c.Content.Span
		if sp.Start < s.End && s.Start < sp.End {
			return true
		}
	}
	return false
}

// disagreements lists how the cells of a cluster differ.
func (c *Comparer) disagreements(cells []Cell, ms []*claimF) []Disagreement {
	var out []Disagreement
	var att []Cell
	var dropped []string
	for _, x := range cells {
		if x.Status == CellAttributed {
			att = append(att, x)
		} else {
			dropped = append(dropped, x.Article)
		}
	}
	// Sources: cells fall into groups of the same source.
	var groups [][]Cell
	for _, x := range att {
		placed := false
		for i, g := range groups {
			if c.sameSource(g[0].claim.Source, x.claim.Source) {
				groups[i] = append(groups[i], x)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []Cell{x})
		}
	}
	if len(groups) > 1 {
		var ids, parts []string
		for _, g := range groups {
			for _, x := range g {
				if !slices.Contains(ids, x.Article) {
					ids = append(ids, x.Article)
				}
			}
			parts = append(parts, fmt.Sprintf("%s: %s", g[0].Outlet, g[0].Source))
		}
		out = append(out, Disagreement{Kind: SourceDiffers, Articles: ids, Detail: strings.Join(parts, "; ")})
	}
	if len(dropped) > 0 && len(att) > 0 {
		out = append(out, Disagreement{Kind: AttributionDropped, Articles: dropped,
			Detail: fmt.Sprintf("%d of %d outlets state it without attribution", len(dropped), len(cells))})
	}
	// One cell per article speaks for it below: the parts of one statement
	// may differ in stance among themselves, which is no disagreement.
	att = firstPerArticle(att)
	if len(att) > 1 {
		lo, hi := att[0], att[0]
		for _, x := range att {
			if len(x.Via) < len(lo.Via) {
				lo = x
			}
			if len(x.Via) > len(hi.Via) {
				hi = x
			}
		}
		if len(lo.Via) < len(hi.Via) {
			out = append(out, Disagreement{Kind: ChainShortened, Articles: []string{hi.Article, lo.Article},
				Detail: fmt.Sprintf("%s: via %s; %s: %s", hi.Outlet, strings.Join(hi.Via, " / "), lo.Outlet, chainLabel(lo.Via))})
		}
		stances := map[claimtrail.Stance][]string{}
		var order []claimtrail.Stance
		for _, x := range att {
			if stances[x.Stance] == nil {
				order = append(order, x.Stance)
			}
			stances[x.Stance] = append(stances[x.Stance], x.Article)
		}
		if len(order) > 1 {
			var ids, parts []string
			for _, s := range order {
				for _, id := range stances[s] {
					if !slices.Contains(ids, id) {
						ids = append(ids, id)
					}
				}
				parts = append(parts, fmt.Sprintf("%s (%d)", s, len(stances[s])))
			}
			out = append(out, Disagreement{Kind: StanceDiffers, Articles: ids, Detail: strings.Join(parts, ", ")})
		}
	}
	if d, ok := numbersDiffer(cells); ok {
		out = append(out, d)
	}
	return out
}

// numbersDiffer: two cells each give a number the other lacks (3,400
// families against 3,000); a cell that gives fewer numbers than another
// does not differ from it.
func numbersDiffer(cells []Cell) (Disagreement, bool) {
	conflict := false
	for i, x := range cells {
		for _, y := range cells[i+1:] {
			if len(x.Numbers) > 0 && len(y.Numbers) > 0 && len(minus(x.Numbers, y.Numbers)) > 0 && len(minus(y.Numbers, x.Numbers)) > 0 {
				conflict = true
			}
		}
	}
	if !conflict {
		return Disagreement{}, false
	}
	var keys []string
	by := map[string][]string{}
	var ids []string
	for _, x := range cells {
		if len(x.Numbers) == 0 {
			continue
		}
		k := strings.Join(x.Numbers, ", ")
		if by[k] == nil {
			keys = append(keys, k)
		}
		if !slices.Contains(by[k], x.Outlet) {
			by[k] = append(by[k], x.Outlet)
		}
		if !slices.Contains(ids, x.Article) {
			ids = append(ids, x.Article)
		}
	}
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+" ("+strings.Join(by[k], ", ")+")")
	}
	return Disagreement{Kind: NumbersDiffer, Articles: ids, Detail: strings.Join(parts, "; ")}, true
}

func firstPerArticle(cs []Cell) []Cell {
	var out []Cell
	seen := map[string]bool{}
	for _, x := range cs {
		if !seen[x.Article] {
			seen[x.Article] = true
			out = append(out, x)
		}
	}
	return out
}

func chainLabel(v []string) string {
	if len(v) == 0 {
		return "directly"
	}
	return "via " + strings.Join(v, " / ")
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

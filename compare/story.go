package compare

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// groupStories puts articles into stories: two articles of one language
// join when their content words are alike, two of different languages
// when they share enough anchors. Groups are the connected parts of that
// graph, in the order of their first article.
func (c *Comparer) groupStories(ds []*doc) ([][]*doc, [][]StoryLink) {
	parent := make([]int, len(ds))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	type edge struct {
		i, j int
		l    StoryLink
	}
	var edges []edge
	for i := range ds {
		for j := i + 1; j < len(ds); j++ {
			score, ev := c.articleSimilarity(ds[i], ds[j])
			th := c.opts.StoryThreshold
			if ds[i].lang != ds[j].lang {
				th = c.opts.CrossStoryThreshold
			}
			if score >= th {
				edges = append(edges, edge{i, j, StoryLink{A: ds[i].ref, B: ds[j].ref, Score: round(score), Evidence: ev}})
			}
		}
	}
	slices.SortStableFunc(edges, func(a, b edge) int { return cmp.Compare(b.l.Score, a.l.Score) })
	links := map[int][]StoryLink{}
	for _, e := range edges {
		a, b := find(e.i), find(e.j)
		if a == b {
			continue
		}
		parent[b] = a
		links[a] = append(links[a], append(links[b], e.l)...)
		delete(links, b)
	}
	var groups [][]*doc
	var ls [][]StoryLink
	at := map[int]int{}
	for i, d := range ds {
		r := find(i)
		k, ok := at[r]
		if !ok {
			k = len(groups)
			at[r] = k
			groups = append(groups, nil)
			ls = append(ls, links[r])
		}
		groups[k] = append(groups[k], d)
	}
	return groups, ls
}

// articleSimilarity is the Dice similarity of content words for two
// articles of one language, and of anchors (numbers, glossary terms,
// linked sources, names matched across scripts) for two of different
// languages.
func (c *Comparer) articleSimilarity(a, b *doc) (float64, []string) {
	if a.lang == b.lang {
		s, n := dice(a.content, b.content)
		return s, []string{fmt.Sprintf("%d shared content words (dice %.2f)", n, s)}
	}
	var sh, tot float64
	var ev []string
	count := func(what string, x, y map[string]bool) {
		n := 0
		for k := range x {
			if y[k] {
				n++
			}
		}
		sh += 2 * float64(n)
		tot += float64(len(x) + len(y))
		if n > 0 {
			ev = append(ev, fmt.Sprintf("%d shared %s", n, what))
		}
	}
	count("numbers", a.numbers, b.numbers)
	count("terms", a.terms, b.terms)
	count("linked sources", a.sources, b.sources)
	en, ar := a.names, b.names
	if isArabicLang(a.lang) {
		en, ar = b.names, a.names
	}
	m := c.matchNames(en, ar)
	sh += 2 * float64(len(m))
	tot += float64(len(en) + len(m))
	if len(m) > 0 {
		ev = append(ev, fmt.Sprintf("%d names matched across scripts", len(m)))
	}
	if tot == 0 {
		return 0, nil
	}
	return sh / tot, ev
}

func isArabicLang(l string) bool { return l == "ar" }

// matchNames pairs each English name with an Arabic run of as many words
// that the matcher relates to it: "Bir Tala = بئر تالة".
func (c *Comparer) matchNames(en, ar []string) []string {
	var out []string
	for _, e := range en {
		n := strings.Count(e, " ")
		for _, a := range ar {
			if strings.Count(a, " ") == n && c.opts.Match(e, a) {
				out = append(out, e+" = "+a)
				break
			}
		}
	}
	return out
}

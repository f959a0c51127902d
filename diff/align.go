package diff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// unit is one aligned piece of a version: a sentence, or a paragraph that
// segmentation gave no sentences (a source line).
type unit struct {
	ref  Ref
	toks []text.Token
	// bag is the sorted ids of the unit's words and numbers, for Dice.
	bag []int
	// key identifies the unit's words for exact matching; cosmetic
	// differences do not change it.
	key string
}

// vocab interns similarity keys: Arabic words without their proclitics, so
// وقال and قال, بالعراق and العراق count as the same word.
type vocab map[string]int

func (v vocab) id(t text.Token) int {
	k := t.Key
	if t.Kind == text.Word {
		k = text.StripClitics(k)
	} else {
		k = "\x00n" + k
	}
	id, ok := v[k]
	if !ok {
		id = len(v)
		v[k] = id
	}
	return id
}

// bagOf returns the sorted similarity ids of the words and numbers of ts.
func (v vocab) bagOf(ts []text.Token) []int {
	out := make([]int, 0, len(ts))
	for _, t := range ts {
		if t.Kind == text.Word || t.Kind == text.Number {
			out = append(out, v.id(t))
		}
	}
	slices.Sort(out)
	return out
}

// units lays out an article as units, in text order.
func units(a *claimtrail.Article, runes []rune, v vocab) []unit {
	var out []unit
	add := func(ref Ref) {
		toks := text.TokenizeAt(ref.Span.Slice(runes), ref.Span.Start)
		if len(toks) == 0 {
			return
		}
		u := unit{ref: ref, toks: toks, bag: v.bagOf(toks)}
		var b strings.Builder
		for _, t := range toks {
			if t.Kind == text.Word || t.Kind == text.Number {
				b.WriteString(diffKey(t))
				b.WriteByte(0)
			}
		}
		u.key = b.String()
		out = append(out, u)
	}
	for _, p := range a.Paragraphs {
		if p.Kind == claimtrail.ParagraphChrome {
			continue
		}
		if len(p.Sentences) == 0 {
			add(Ref{Paragraph: p.Index, Sentence: -1, Span: p.Span})
			continue
		}
		for _, s := range p.Sentences {
			add(Ref{Paragraph: p.Index, Sentence: s.Index, Span: s.Span})
		}
	}
	return out
}

// dice is 2|A∩B| / (|A|+|B|) on sorted multisets.
func dice(a, b []int) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(common(a, b)) / float64(len(a)+len(b))
}

// common counts the shared elements of two sorted multisets.
func common(a, b []int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// contained is the share of a's elements that b holds.
func contained(a, b []int) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(common(a, b)) / float64(len(a))
}

func merge(bags ...[]int) []int {
	var out []int
	for _, b := range bags {
		out = append(out, b...)
	}
	slices.Sort(out)
	return out
}

// pair is one alignment: one or more consecutive old units with one or
// more consecutive new units (never several on both sides).
type pair struct {
	old, new []int
	score    float64
	moved    bool
}

// candidate is a possible pair with its score, for the greedy choice.
type candidate struct {
	pair
	dist int // how far apart the units are, for ties
}

// maxGroup is the most sentences one sentence may be split into.
const maxGroup = 3

// align pairs the units of two versions. Identical units (on folded words)
// pair first, in order; the rest pair greedily by Dice, best first, where a
// run of up to three consecutive units on one side may pair with one unit
// on the other (a split or a merge) when together they match it better than
// any one of them does. Pairs outside the longest run that kept its order
// are moved.
func align(ou, nu []unit, threshold float64) []pair {
	usedO := make([]bool, len(ou))
	usedN := make([]bool, len(nu))
	var pairs []pair

	// Exact matches: each old unit takes the first free new unit with its
	// key, which keeps repeated lines in order.
	byKey := make(map[string][]int)
	for j, u := range nu {
		byKey[u.key] = append(byKey[u.key], j)
	}
	for i, u := range ou {
		for k, j := range byKey[u.key] {
			if !usedN[j] {
				usedO[i], usedN[j] = true, true
				pairs = append(pairs, pair{old: []int{i}, new: []int{j}, score: 1})
				byKey[u.key] = byKey[u.key][k+1:]
				break
			}
		}
	}

	var freeO, freeN []int
	for i := range ou {
		if !usedO[i] {
			freeO = append(freeO, i)
		}
	}
	for j := range nu {
		if !usedN[j] {
			freeN = append(freeN, j)
		}
	}
	var cands []candidate
	best := func(c candidate) {
		if c.score >= threshold {
			cands = append(cands, c)
		}
	}
	for _, i := range freeO {
		for _, j := range freeN {
			best(candidate{pair: pair{old: []int{i}, new: []int{j}, score: dice(ou[i].bag, nu[j].bag)}, dist: abs(i - j)})
		}
	}
	// Splits (one old, several new) and merges (several old, one new).
	cands = append(cands, groups(ou, nu, freeO, freeN, usedN, threshold, false)...)
	cands = append(cands, groups(nu, ou, freeN, freeO, usedO, threshold, true)...)
	slices.SortFunc(cands, func(x, y candidate) int {
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		if c := cmp.Compare(len(x.old)+len(x.new), len(y.old)+len(y.new)); c != 0 {
			return c
		}
		if c := cmp.Compare(x.dist, y.dist); c != 0 {
			return c
		}
		if c := cmp.Compare(x.old[0], y.old[0]); c != 0 {
			return c
		}
		return cmp.Compare(x.new[0], y.new[0])
	})
	for _, c := range cands {
		free := true
		for _, i := range c.old {
			free = free && !usedO[i]
		}
		for _, j := range c.new {
			free = free && !usedN[j]
		}
		if !free {
			continue
		}
		for _, i := range c.old {
			usedO[i] = true
		}
		for _, j := range c.new {
			usedN[j] = true
		}
		pairs = append(pairs, c.pair)
	}
	slices.SortFunc(pairs, func(x, y pair) int { return cmp.Compare(x.old[0], y.old[0]) })
	markMoved(pairs)
	return pairs
}

// groups proposes one unit of side a with a run of 2..maxGroup consecutive
// free units of side b. Every member must share most of its words with the
// single unit, or an unrelated neighbour would ride along. flip says a is
// the new side.
func groups(a, b []unit, freeA, freeB []int, usedB []bool, threshold float64, flip bool) []candidate {
	var out []candidate
	for _, i := range freeA {
		for _, j := range freeB {
			if contained(b[j].bag, a[i].bag) < 0.5 {
				continue
			}
			bags := [][]int{b[j].bag}
			bestSingle := dice(a[i].bag, b[j].bag)
			for k := j + 1; k < len(b) && k-j < maxGroup; k++ {
				if usedB[k] || contained(b[k].bag, a[i].bag) < 0.5 {
					break
				}
				bags = append(bags, b[k].bag)
				bestSingle = max(bestSingle, dice(a[i].bag, b[k].bag))
				s := dice(a[i].bag, merge(bags...))
				if s < threshold || s <= bestSingle {
					continue
				}
				members := make([]int, 0, k-j+1)
				for m := j; m <= k; m++ {
					members = append(members, m)
				}
				p := pair{old: []int{i}, new: members, score: s}
				if flip {
					p.old, p.new = members, []int{i}
				}
				out = append(out, candidate{pair: p, dist: abs(i - j)})
			}
		}
	}
	return out
}

// markMoved marks the pairs (sorted by old position) that are not on the
// longest run whose new positions also increase.
func markMoved(pairs []pair) {
	n := len(pairs)
	if n < 2 {
		return
	}
	// Patience sorting: tails[k] is the index of the pair ending the best
	// increasing run of length k+1; prev links each pair to its
	// predecessor on that run.
	tails := make([]int, 0, n)
	prev := make([]int, n)
	for i, p := range pairs {
		x := p.new[0]
		k, _ := slices.BinarySearchFunc(tails, x, func(t, x int) int { return cmp.Compare(pairs[t].new[0], x) })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	keep := make([]bool, n)
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		keep[i] = true
	}
	for i := range pairs {
		pairs[i].moved = !keep[i]
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

package diff

import (
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// run is one operation of a token diff, as token index ranges [o0, o1) into
// the old tokens and [n0, n1) into the new ones.
type run struct {
	op             claimtrail.EditOp
	o0, o1, n0, n1 int
}

const (
	// firstTokenRune is where token runes start: past the BMP, so no token
	// rune is a surrogate, a letter or a space that go-diff's cleanup would
	// treat specially.
	firstTokenRune = 0x10000
	// maxDistinctTokens keeps token runes valid code points.
	maxDistinctTokens = utf8.MaxRune - firstTokenRune
	// maxMyersTokens bounds the tokens handed to go-diff at once. Aligned
	// sentences are far shorter; a huge unsegmented paragraph falls back to
	// a prefix/suffix diff instead of a search that could take minutes.
	maxMyersTokens = 20000
)

// diffKey is what two tokens must share to be the same word: the folded
// key, with every double quotation mark one mark (which mark a text uses is
// style) and numbers in their own key space.
func diffKey(t text.Token) string {
	switch t.Kind {
	case text.Quote:
		if isDoubleQuote(t.Text) {
			return "\x00q"
		}
		return t.Key
	case text.Number:
		return "\x00n" + t.Key
	case text.Punct:
		switch t.Text {
		case "،":
			return ","
		case "؛":
			return ";"
		case "؟":
			return "?"
		}
	}
	return t.Key
}

func isDoubleQuote(s string) bool {
	switch s {
	case "\"", "“", "”", "«", "»", "„", "‟", "''", "〝", "〞", "＂":
		return true
	}
	return false
}

// tokenRuns diffs two token sequences on their keys with go-diff: each
// distinct key becomes one rune, DiffMainRunes diffs the rune strings and
// DiffCleanupSemantic merges the small equalities between edits while the
// units are still whole tokens; the result is mapped back to token ranges.
func tokenRuns(a, b []text.Token) []run {
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	// Trim the common prefix and suffix ourselves: it is most of an aligned
	// sentence, and it keeps the rune alphabet small.
	pre := 0
	for pre < len(a) && pre < len(b) && diffKey(a[pre]) == diffKey(b[pre]) {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && diffKey(a[len(a)-1-suf]) == diffKey(b[len(b)-1-suf]) {
		suf++
	}
	var out []run
	if pre > 0 {
		out = append(out, run{op: claimtrail.OpEqual, o0: 0, o1: pre, n0: 0, n1: pre})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	out = append(out, middleRuns(ma, mb, pre, pre)...)
	if suf > 0 {
		out = append(out, run{op: claimtrail.OpEqual, o0: len(a) - suf, o1: len(a), n0: len(b) - suf, n1: len(b)})
	}
	return out
}

// middleRuns diffs the differing middle of two token sequences; oBase and
// nBase shift the ranges back to the whole sequences.
func middleRuns(a, b []text.Token, oBase, nBase int) []run {
	switch {
	case len(a) == 0 && len(b) == 0:
		return nil
	case len(a) == 0:
		return []run{{op: claimtrail.OpInsert, o0: oBase, o1: oBase, n0: nBase, n1: nBase + len(b)}}
	case len(b) == 0:
		return []run{{op: claimtrail.OpDelete, o0: oBase, o1: oBase + len(a), n0: nBase, n1: nBase}}
	}
	whole := []run{
		{op: claimtrail.OpDelete, o0: oBase, o1: oBase + len(a), n0: nBase, n1: nBase},
		{op: claimtrail.OpInsert, o0: oBase + len(a), o1: oBase + len(a), n0: nBase, n1: nBase + len(b)},
	}
	if len(a)+len(b) > maxMyersTokens {
		return whole
	}
	ids := make(map[string]rune, len(a)+len(b))
	toRunes := func(ts []text.Token) ([]rune, bool) {
		rs := make([]rune, len(ts))
		for i, t := range ts {
			k := diffKey(t)
			r, ok := ids[k]
			if !ok {
				if len(ids) >= maxDistinctTokens {
					return nil, false
				}
				r = rune(firstTokenRune + len(ids))
				ids[k] = r
			}
			rs[i] = r
		}
		return rs, true
	}
	ra, okA := toRunes(a)
	rb, okB := toRunes(b)
	if !okA || !okB {
		return whole
	}
	dmp := diffmatchpatch.New()
	// No deadline: a timed-out diff silently degrades to delete-all,
	// insert-all, and output must not depend on the machine's speed. The
	// token bound above keeps the search short.
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	if rs, ok := mapRuns(dmp.DiffCleanupSemantic(diffs), len(a), len(b), oBase, nBase); ok {
		return rs
	}
	if rs, ok := mapRuns(diffs, len(a), len(b), oBase, nBase); ok {
		return rs
	}
	return whole
}

// mapRuns turns go-diff's operations on token runes back into token ranges,
// checking that they cover both sequences exactly.
func mapRuns(diffs []diffmatchpatch.Diff, na, nb, oBase, nBase int) ([]run, bool) {
	var out []run
	i, j := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		if n == 0 {
			continue
		}
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out = append(out, run{op: claimtrail.OpEqual, o0: oBase + i, o1: oBase + i + n, n0: nBase + j, n1: nBase + j + n})
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			out = append(out, run{op: claimtrail.OpDelete, o0: oBase + i, o1: oBase + i + n, n0: nBase + j, n1: nBase + j})
			i += n
		case diffmatchpatch.DiffInsert:
			out = append(out, run{op: claimtrail.OpInsert, o0: oBase + i, o1: oBase + i, n0: nBase + j, n1: nBase + j + n})
			j += n
		}
	}
	return out, i == na && j == nb
}

// edits turns token runs into Edits with text and spans. An equal run is
// cut where the original spellings start or stop differing, so a cosmetic
// difference (NewText set) is marked on just the words it touches.
func edits(runs []run, a, b []text.Token, ar, br []rune) []claimtrail.Edit {
	var out []claimtrail.Edit
	for _, r := range runs {
		switch r.op {
		case claimtrail.OpDelete:
			sp := cover(a[r.o0:r.o1])
			out = append(out, claimtrail.Edit{Op: r.op, Text: sp.Slice(ar), Old: &sp})
		case claimtrail.OpInsert:
			sp := cover(b[r.n0:r.n1])
			out = append(out, claimtrail.Edit{Op: r.op, Text: sp.Slice(br), New: &sp})
		case claimtrail.OpEqual:
			for k := 0; k < r.o1-r.o0; {
				same := a[r.o0+k].Text == b[r.n0+k].Text
				e := k + 1
				for e < r.o1-r.o0 && (a[r.o0+e].Text == b[r.n0+e].Text) == same {
					e++
				}
				os, ns := cover(a[r.o0+k:r.o0+e]), cover(b[r.n0+k:r.n0+e])
				ed := claimtrail.Edit{Op: r.op, Text: os.Slice(ar), Old: &os, New: &ns}
				if !same {
					ed.NewText = ns.Slice(br)
				}
				out = append(out, ed)
				k = e
			}
		}
	}
	return out
}

// cover is the span from the first token's start to the last one's end.
func cover(ts []text.Token) claimtrail.Span {
	if len(ts) == 0 {
		return claimtrail.Span{}
	}
	return claimtrail.Span{Start: ts[0].Span.Start, End: ts[len(ts)-1].Span.End}
}

// counted says what a token diff changed.
type counted struct {
	wordsAdded, wordsRemoved int
	// words: a word or number was added, removed or replaced; numbers: a
	// number was; cosmetic: only marks or spellings differ.
	words, numbers, cosmetic bool
}

func count(runs []run, a, b []text.Token) counted {
	var c counted
	note := func(t text.Token, added bool) {
		switch t.Kind {
		case text.Word, text.Number:
			if added {
				c.wordsAdded++
			} else {
				c.wordsRemoved++
			}
			c.words = true
			if t.Kind == text.Number {
				c.numbers = true
			}
		default:
			c.cosmetic = true
		}
	}
	for _, r := range runs {
		switch r.op {
		case claimtrail.OpDelete:
			for _, t := range a[r.o0:r.o1] {
				note(t, false)
			}
		case claimtrail.OpInsert:
			for _, t := range b[r.n0:r.n1] {
				note(t, true)
			}
		case claimtrail.OpEqual:
			for k := range r.o1 - r.o0 {
				if a[r.o0+k].Text != b[r.n0+k].Text {
					c.cosmetic = true
				}
			}
		}
	}
	return c
}

// Words diffs two texts word by word: numbers are whole tokens, and
// diacritics, hamza on alef, tatweel, case and the style of quotation mark
// are cosmetic (an equal Edit with NewText). Spans count code points into
// oldText and newText. Diff whole articles with Differ.Diff, which aligns
// sentences first; Words on long unrelated texts falls back to replacing
// the differing middle whole.
func Words(oldText, newText string) []claimtrail.Edit {
	a, b := text.Tokenize(oldText), text.Tokenize(newText)
	return edits(tokenRuns(a, b), a, b, []rune(oldText), []rune(newText))
}

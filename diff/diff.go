package diff

import (
	"cmp"
	"slices"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// Options tune a Differ; the zero value is ready to use.
type Options struct {
	// SameSource reports whether two mentions name the same source, which
	// tells source_mention_changed from source_changed and compares the
	// chains of reporters. Nil means SameSourceByName.
	SameSource func(a, b claimtrail.Mention) bool
	// SentenceThreshold is the least Dice similarity of folded words at
	// which two sentences align; 0 means 0.5.
	SentenceThreshold float64
	// ClaimThreshold is the least Dice similarity of folded content words
	// at which two claims align; 0 means 0.5. Claims in aligned sentences
	// with the same source align from 0.3.
	ClaimThreshold float64
	// SurviveThreshold is the least share of a claim's content words that
	// must stand in the other version, outside any claim there, for its
	// attribution to count as dropped (or added) rather than the claim as
	// removed (or added); 0 means 0.6.
	SurviveThreshold float64
}

// Differ compares two versions of an article. It is safe for concurrent
// use.
type Differ struct {
	same                      func(a, b claimtrail.Mention) bool
	sentenceT, claimT, surviv float64
}

// New returns a Differ with opts.
func New(opts Options) *Differ {
	d := &Differ{same: opts.SameSource, sentenceT: opts.SentenceThreshold, claimT: opts.ClaimThreshold, surviv: opts.SurviveThreshold}
	if d.same == nil {
		d.same = SameSourceByName
	}
	if d.sentenceT <= 0 {
		d.sentenceT = 0.5
	}
	if d.claimT <= 0 {
		d.claimT = 0.5
	}
	if d.surviv <= 0 {
		d.surviv = 0.6
	}
	return d
}

// Result is the difference between two versions.
type Result struct {
	Text TextDiff `json:"text"`
	// Claims holds one Change per claim of either version: pairs first
	// aligned, then what is left on each side, in the new version's order
	// (a removed claim after the claim that preceded it in the old one).
	Claims []claimtrail.Change `json:"claims"`
}

// TextDiff is the sentence-level and word-level difference of two texts.
type TextDiff struct {
	// WordsAdded and WordsRemoved count words and numbers (not marks).
	WordsAdded   int `json:"words_added"`
	WordsRemoved int `json:"words_removed"`
	// Sentences lists every sentence of either version, aligned, in the
	// new version's order.
	Sentences []Sentence `json:"sentences"`
}

// Sentence is one aligned group of sentences: one old with one new, one
// old split into several new, several old merged into one new, or a
// sentence on one side only.
type Sentence struct {
	// Change is unchanged, changed, added or removed.
	Change claimtrail.ChangeStatus `json:"change"`
	// Moved: the sentence changed place relative to the others.
	Moved bool `json:"moved,omitempty"`
	// Cosmetic: the words are the same; only marks, spacing, diacritics,
	// hamza, tatweel or case differ.
	Cosmetic bool  `json:"cosmetic,omitempty"`
	Old      []Ref `json:"old,omitempty"`
	New      []Ref `json:"new,omitempty"`
	// Score is the similarity of the aligned words (0 to 1).
	Score float64 `json:"score,omitempty"`
	// Edits is the word diff of a changed sentence.
	Edits []claimtrail.Edit `json:"edits,omitempty"`
	// OldText and NewText are the sentence texts (of changed, added and
	// removed sentences).
	OldText string `json:"old_text,omitempty"`
	NewText string `json:"new_text,omitempty"`
}

// Ref locates a sentence in its version.
type Ref struct {
	Paragraph int `json:"paragraph"`
	// Sentence is the article-wide sentence index; -1 for a paragraph
	// without sentences (a source line).
	Sentence int             `json:"sentence"`
	Span     claimtrail.Span `json:"span"`
}

// version is one side of a comparison, prepared.
type version struct {
	a      *claimtrail.Article
	runes  []rune
	units  []unit
	bySent map[int]int // sentence index -> unit
	claims []claimtrail.Claim
	ctoks  [][]text.Token
	cbags  [][]int
}

func (d *Differ) prepare(a *claimtrail.Article, cs []claimtrail.Claim, v vocab) *version {
	if len(a.Paragraphs) == 0 && a.Text != "" {
		text.Segment(a)
	}
	s := &version{a: a, runes: []rune(a.Text), claims: cs, bySent: map[int]int{}}
	s.units = units(a, s.runes, v)
	for i, u := range s.units {
		if u.ref.Sentence >= 0 {
			s.bySent[u.ref.Sentence] = i
		}
	}
	s.ctoks = make([][]text.Token, len(cs))
	s.cbags = make([][]int, len(cs))
	for i, c := range cs {
		s.ctoks[i] = text.TokenizeAt(c.Content.Span.Slice(s.runes), c.Content.Span.Start)
		if len(s.ctoks[i]) == 0 && c.Content.Text != "" {
			// A claim whose span does not fit this text (from elsewhere):
			// compare its words all the same.
			s.ctoks[i] = text.TokenizeAt(c.Content.Text, c.Content.Span.Start)
		}
		s.cbags[i] = v.bagOf(s.ctoks[i])
	}
	return s
}

// unitOf returns the unit of a claim's sentence, or -1.
func (s *version) unitOf(c *claimtrail.Claim) int {
	if u, ok := s.bySent[c.Sentence]; ok {
		return u
	}
	return -1
}

// Diff compares two versions of an article with their claims (as the
// claims package extracted them from each). Articles without paragraphs
// are segmented (text.Segment fills them in place); the claims' sentence
// indexes must refer to that segmentation.
func (d *Differ) Diff(oldA, newA *claimtrail.Article, oldClaims, newClaims []claimtrail.Claim) *Result {
	v := vocab{}
	o := d.prepare(oldA, oldClaims, v)
	n := d.prepare(newA, newClaims, v)
	pairs := align(o.units, n.units, d.sentenceT)
	res := &Result{}
	res.Text = textDiff(o, n, pairs)
	res.Claims = d.claims(o, n, pairs)
	return res
}

// textDiff word-diffs the aligned units and lists every unit.
func textDiff(o, n *version, pairs []pair) TextDiff {
	var td TextDiff
	type keyed struct {
		s   Sentence
		key float64
		seq int
	}
	var all []keyed
	alignedO := make([]bool, len(o.units))
	alignedN := make([]int, len(n.units)) // 1 + the pair index
	for pi, p := range pairs {
		var at, bt []text.Token
		s := Sentence{Change: claimtrail.StatusUnchanged, Moved: p.moved, Score: round(p.score)}
		for _, i := range p.old {
			alignedO[i] = true
			at = append(at, o.units[i].toks...)
			s.Old = append(s.Old, o.units[i].ref)
		}
		for _, j := range p.new {
			alignedN[j] = pi + 1
			bt = append(bt, n.units[j].toks...)
			s.New = append(s.New, n.units[j].ref)
		}
		runs := tokenRuns(at, bt)
		c := count(runs, at, bt)
		td.WordsAdded += c.wordsAdded
		td.WordsRemoved += c.wordsRemoved
		changed := c.words || c.cosmetic || len(p.old) != len(p.new) || spanText(o, s.Old) != spanText(n, s.New)
		if changed {
			s.Change = claimtrail.StatusChanged
			s.Cosmetic = !c.words
			s.Edits = edits(runs, at, bt, o.runes, n.runes)
			s.OldText, s.NewText = spanText(o, s.Old), spanText(n, s.New)
		}
		all = append(all, keyed{s: s, key: float64(p.new[0]), seq: p.old[0]})
	}
	// A removed unit goes after the new position of the aligned unit
	// before it in the old version.
	after := -0.5
	oldToNew := make(map[int]int)
	for _, p := range pairs {
		for _, i := range p.old {
			oldToNew[i] = p.new[len(p.new)-1]
		}
	}
	for i, u := range o.units {
		if j, ok := oldToNew[i]; ok {
			after = float64(j) + 0.5
			continue
		}
		if alignedO[i] {
			continue
		}
		td.WordsRemoved += words(u.toks)
		all = append(all, keyed{s: Sentence{Change: claimtrail.StatusRemoved, Old: []Ref{u.ref}, OldText: u.ref.Span.Slice(o.runes)}, key: after, seq: i})
	}
	for j, u := range n.units {
		if alignedN[j] != 0 {
			continue
		}
		td.WordsAdded += words(u.toks)
		all = append(all, keyed{s: Sentence{Change: claimtrail.StatusAdded, New: []Ref{u.ref}, NewText: u.ref.Span.Slice(n.runes)}, key: float64(j), seq: -1})
	}
	slices.SortStableFunc(all, func(x, y keyed) int {
		if c := cmp.Compare(x.key, y.key); c != 0 {
			return c
		}
		return cmp.Compare(x.seq, y.seq)
	})
	td.Sentences = make([]Sentence, len(all))
	for i, k := range all {
		td.Sentences[i] = k.s
	}
	return td
}

func spanText(s *version, refs []Ref) string {
	if len(refs) == 0 {
		return ""
	}
	return claimtrail.Span{Start: refs[0].Span.Start, End: refs[len(refs)-1].Span.End}.Slice(s.runes)
}

func words(ts []text.Token) int {
	n := 0
	for _, t := range ts {
		if t.Kind == text.Word || t.Kind == text.Number {
			n++
		}
	}
	return n
}

// round keeps scores to three decimals so output does not depend on the
// last bits of a division.
func round(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}

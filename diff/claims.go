package diff

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// claimPair is a candidate alignment of old claim i with new claim j.
type claimPair struct {
	i, j  int
	sim   float64 // Dice of the contents
	score float64 // sim with bonuses, for the greedy order
}

// claims aligns the claims of two versions and classifies each.
func (d *Differ) claims(o, n *version, pairs []pair) []claimtrail.Change {
	// Which pair each unit is in, to tell claims in aligned sentences.
	pairO := make([]int, len(o.units))
	pairN := make([]int, len(n.units))
	for i := range pairO {
		pairO[i] = -1
	}
	for j := range pairN {
		pairN[j] = -1
	}
	for pi, p := range pairs {
		for _, i := range p.old {
			pairO[i] = pi
		}
		for _, j := range p.new {
			pairN[j] = pi
		}
	}
	pairOf := func(s *version, c *claimtrail.Claim, of []int) int {
		if u := s.unitOf(c); u >= 0 {
			return of[u]
		}
		return -1
	}
	oPair := make([]int, len(o.claims))
	for i := range o.claims {
		oPair[i] = pairOf(o, &o.claims[i], pairO)
	}
	nPair := make([]int, len(n.claims))
	for j := range n.claims {
		nPair[j] = pairOf(n, &n.claims[j], pairN)
	}

	matchO := make([]int, len(o.claims))
	matchN := make([]int, len(n.claims))
	for i := range matchO {
		matchO[i] = -1
	}
	for j := range matchN {
		matchN[j] = -1
	}
	// Most claims of a new version are the old ones as they were: pair
	// those in aligned sentences with the same words, source mention and
	// cue first, so the search below only sees what changed.
	exact := map[string][]int{}
	for j := range n.claims {
		if nPair[j] >= 0 {
			k := claimKey(&n.claims[j], n.ctoks[j])
			exact[k] = append(exact[k], j)
		}
	}
	var pre []claimPair
	for i := range o.claims {
		if oPair[i] < 0 {
			continue
		}
		k := claimKey(&o.claims[i], o.ctoks[i])
		for x, j := range exact[k] {
			if matchN[j] < 0 && nPair[j] == oPair[i] {
				matchO[i], matchN[j] = j, i
				pre = append(pre, claimPair{i: i, j: j, sim: 1})
				exact[k] = slices.Delete(exact[k], x, x+1)
				break
			}
		}
	}
	var cands []claimPair
	for i := range o.claims {
		if matchO[i] >= 0 {
			continue
		}
		oc := &o.claims[i]
		for j := range n.claims {
			if matchN[j] >= 0 {
				continue
			}
			nc := &n.claims[j]
			sim := dice(o.cbags[i], n.cbags[j])
			if len(o.cbags[i])+len(n.cbags[j]) == 0 && keyOf(oc.Content.Text) == keyOf(nc.Content.Text) {
				sim = 1
			}
			if sim < min(d.claimT, 0.3) {
				continue // most pairs: check the cheap measure first
			}
			together := oPair[i] >= 0 && oPair[i] == nPair[j]
			same := d.same(oc.Source, nc.Source)
			if sim < d.claimT && !(together && same && sim >= 0.3) {
				continue
			}
			score := sim
			if together {
				score += 0.1
			}
			if same {
				score += 0.05
			}
			if lemmaKey(oc.Cue) == lemmaKey(nc.Cue) {
				score += 0.02
			}
			if oc.NestedIn == "" == (nc.NestedIn == "") {
				score += 0.01
			}
			cands = append(cands, claimPair{i: i, j: j, sim: sim, score: score})
		}
	}
	slices.SortFunc(cands, func(x, y claimPair) int {
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		if c := cmp.Compare(abs(x.i-x.j), abs(y.i-y.j)); c != 0 {
			return c
		}
		if c := cmp.Compare(x.i, y.i); c != 0 {
			return c
		}
		return cmp.Compare(x.j, y.j)
	})
	for _, c := range cands {
		if matchO[c.i] >= 0 || matchN[c.j] >= 0 {
			continue
		}
		matchO[c.i], matchN[c.j] = c.j, c.i
		pre = append(pre, c)
	}
	var out []keyedChange
	for _, c := range pre {
		moved := (oPair[c.i] >= 0 && pairs[oPair[c.i]].moved) || (nPair[c.j] >= 0 && pairs[nPair[c.j]].moved)
		ch := d.classify(o, n, c.i, c.j, moved)
		ch.Score = round(c.sim)
		out = append(out, keyedChange{ch: ch, key: float64(c.j), seq: c.i})
	}
	for i := range o.claims {
		if matchO[i] >= 0 {
			continue
		}
		oc := &o.claims[i]
		ch := claimtrail.Change{Change: claimtrail.StatusRemoved, Kinds: []claimtrail.ChangeKind{claimtrail.ChangeRemoved}, Old: oc}
		if p, ok := samePlace(o, n, o.unitOf(oc), pairO, pairs, true); ok {
			ch = unextracted(oc, nil, p.moved)
		} else if u, ok := survives(o.cbags[i], o.unitOf(oc), pairO, pairs, n, d.surviv, true); ok {
			ch = claimtrail.Change{Change: claimtrail.StatusChanged, Kinds: []claimtrail.ChangeKind{claimtrail.ChangeAttributionDropped}, Old: oc}
			ch.ContentDiff = trimmedEdits(o.ctoks[i], n.units[u].toks, o.runes, n.runes, false)
		}
		out = append(out, keyedChange{ch: ch, key: removedKey(i, matchO), seq: i})
	}
	for j := range n.claims {
		if matchN[j] >= 0 {
			continue
		}
		nc := &n.claims[j]
		ch := claimtrail.Change{Change: claimtrail.StatusAdded, Kinds: []claimtrail.ChangeKind{claimtrail.ChangeAdded}, New: nc}
		if p, ok := samePlace(n, o, n.unitOf(nc), pairN, pairs, false); ok {
			ch = unextracted(nil, nc, p.moved)
		} else if u, ok := survives(n.cbags[j], n.unitOf(nc), pairN, pairs, o, d.surviv, false); ok {
			ch = claimtrail.Change{Change: claimtrail.StatusChanged, Kinds: []claimtrail.ChangeKind{claimtrail.ChangeAttributionAdded}, New: nc}
			ch.ContentDiff = trimmedEdits(o.units[u].toks, n.ctoks[j], o.runes, n.runes, true)
		}
		out = append(out, keyedChange{ch: ch, key: float64(j), seq: len(o.claims) + j})
	}
	slices.SortStableFunc(out, func(x, y keyedChange) int {
		if c := cmp.Compare(x.key, y.key); c != 0 {
			return c
		}
		return cmp.Compare(x.seq, y.seq)
	})
	res := make([]claimtrail.Change, len(out))
	for k, x := range out {
		res[k] = x.ch
	}
	return res
}

// claimKey is what an unchanged claim keeps: its folded content words,
// source mention, role, reporters, cue, type and negation.
func claimKey(c *claimtrail.Claim, toks []text.Token) string {
	var b strings.Builder
	for _, t := range toks {
		if t.Kind == text.Word || t.Kind == text.Number {
			b.WriteString(diffKey(t))
			b.WriteByte(' ')
		}
	}
	b.WriteByte(0)
	b.WriteString(keyOf(c.Source.Mention) + "\x00" + keyOf(c.Source.Name) + "\x00" + keyOf(c.Source.Role) + "\x00" + c.Source.SourceID + "\x00")
	for _, v := range c.Via {
		b.WriteString(keyOf(v.Mention) + "\x00" + keyOf(v.Name) + "\x00" + v.SourceID + "\x00")
	}
	b.WriteString(lemmaKey(c.Cue) + "\x00" + string(c.Cue.Stance) + "\x00" + string(c.Type) + "\x00" + strconv.FormatBool(c.Cue.Negated) + "\x00" + strconv.FormatBool(c.Source.Anonymous))
	return b.String()
}

type keyedChange struct {
	ch  claimtrail.Change
	key float64
	seq int
}

// removedKey places an old claim left unaligned after the new position of
// the nearest aligned claim before it.
func removedKey(i int, matchO []int) float64 {
	for k := i - 1; k >= 0; k-- {
		if matchO[k] >= 0 {
			return float64(matchO[k]) + 0.5
		}
	}
	return -0.5
}

// samePlace reports whether a unit is aligned one to one with a unit of
// the other version that has the same words. A claim found on one side only
// of such a pair was not added or removed by an edit: extraction saw it on
// one side only, because what it leans on (the antecedent of "he" or of an
// implicit subject) moved or changed elsewhere.
// fromOld says s is the old version: a pair's old side indexes its units.
func samePlace(s, other *version, unit int, pairOf []int, pairs []pair, fromOld bool) (pair, bool) {
	if unit < 0 || unit >= len(pairOf) || pairOf[unit] < 0 {
		return pair{}, false
	}
	p := pairs[pairOf[unit]]
	if len(p.old) != 1 || len(p.new) != 1 {
		return pair{}, false
	}
	mine, theirs := p.new[0], p.old[0]
	if fromOld {
		mine, theirs = theirs, mine
	}
	if mine >= len(s.units) || theirs >= len(other.units) {
		return pair{}, false
	}
	return p, s.units[mine].key == other.units[theirs].key
}

// unextracted is the change of a claim whose sentence stands unchanged in
// the other version, where extraction did not find it: unchanged, or moved.
// The missing side stays nil.
func unextracted(o, n *claimtrail.Claim, moved bool) claimtrail.Change {
	if moved {
		return claimtrail.Change{Change: claimtrail.StatusChanged, Kinds: []claimtrail.ChangeKind{claimtrail.ChangeMoved}, Old: o, New: n}
	}
	return claimtrail.Change{Change: claimtrail.StatusUnchanged, Kinds: []claimtrail.ChangeKind{}, Old: o, New: n}
}

// survives looks for a claim's content among the other version's units:
// first those aligned with the claim's own unit, then any. The content
// survives when enough of its words stand in one unit and no claim of the
// other version holds them (then they are still attributed). It returns
// the unit. fromOld says the claim is old.
func survives(bag []int, unit int, pairOf []int, pairs []pair, other *version, threshold float64, fromOld bool) (int, bool) {
	if len(bag) == 0 {
		return 0, false
	}
	var try []int
	if unit >= 0 && pairOf[unit] >= 0 {
		p := pairs[pairOf[unit]]
		if fromOld {
			try = append(try, p.new...)
		} else {
			try = append(try, p.old...)
		}
	}
	if len(bag) >= 3 {
		for u := range other.units {
			if !slices.Contains(try, u) {
				try = append(try, u)
			}
		}
	}
	for _, u := range try {
		if contained(bag, other.units[u].bag) < threshold {
			continue
		}
		held := false
		for _, cb := range other.cbags {
			if contained(bag, cb) >= threshold {
				held = true
				break
			}
		}
		if !held {
			return u, true
		}
	}
	return 0, false
}

// trimmedEdits diffs a claim's content against the unit where it survives,
// leaving out the unit's words before and after it. contentNew says the
// content is the new side.
func trimmedEdits(a, b []text.Token, ar, br []rune, contentNew bool) []claimtrail.Edit {
	es := edits(tokenRuns(a, b), a, b, ar, br)
	extra := claimtrail.OpInsert
	if contentNew {
		extra = claimtrail.OpDelete
	}
	for len(es) > 0 && es[0].Op == extra {
		es = es[1:]
	}
	for len(es) > 0 && es[len(es)-1].Op == extra {
		es = es[:len(es)-1]
	}
	return es
}

// classify compares an aligned pair of claims field by field.
func (d *Differ) classify(o, n *version, i, j int, moved bool) claimtrail.Change {
	oc, nc := &o.claims[i], &n.claims[j]
	at, bt := o.ctoks[i], n.ctoks[j]
	ch := claimtrail.Change{Old: oc, New: nc}
	var kinds []claimtrail.ChangeKind
	add := func(k claimtrail.ChangeKind) {
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	cosmetic := false

	// Content.
	runs := tokenRuns(at, bt)
	qa, qb := quoted(oc, at), quoted(nc, bt)
	word := func(t text.Token, inQuote bool) {
		switch t.Kind {
		case text.Number:
			add(claimtrail.ChangeNumber)
		case text.Word:
			if hasDigit(t.Text) {
				add(claimtrail.ChangeNumber) // F-16 → F-35
			}
			if inQuote {
				add(claimtrail.ChangeQuote)
			} else {
				add(claimtrail.ChangeReworded)
			}
		default:
			cosmetic = true
		}
	}
	for _, r := range runs {
		switch r.op {
		case claimtrail.OpDelete:
			for k := r.o0; k < r.o1; k++ {
				word(at[k], qa[k])
			}
		case claimtrail.OpInsert:
			for k := r.n0; k < r.n1; k++ {
				word(bt[k], qb[k])
			}
		}
	}
	if len(kinds) > 0 || oc.Content.Text != nc.Content.Text {
		ch.ContentDiff = edits(runs, at, bt, o.runes, n.runes)
		if len(kinds) == 0 {
			cosmetic = true
		}
	}

	// Source.
	switch {
	case !oc.Source.Anonymous && nc.Source.Anonymous:
		add(claimtrail.ChangeAnonymized)
	case oc.Source.Anonymous && !nc.Source.Anonymous:
		add(claimtrail.ChangeNamed)
	case !d.same(oc.Source, nc.Source):
		// The same anaphor ("he", an implicit subject) in a moved sentence
		// points elsewhere because of where it now stands, not because
		// an editor changed the source.
		if !(moved && (oc.Source.ResolvedFrom != "" || nc.Source.ResolvedFrom != "") &&
			keyOf(oc.Source.Mention) == keyOf(nc.Source.Mention)) {
			add(claimtrail.ChangeSource)
		}
	default:
		if keyOf(oc.Source.Mention) != keyOf(nc.Source.Mention) {
			add(claimtrail.ChangeSourceMention)
		} else if oc.Source.Mention != nc.Source.Mention {
			cosmetic = true
		}
		if keyOf(oc.Source.Role) != keyOf(nc.Source.Role) {
			add(claimtrail.ChangeRole)
		} else if oc.Source.Role != nc.Source.Role {
			cosmetic = true
		}
	}

	// Cue.
	if lemmaKey(oc.Cue) != lemmaKey(nc.Cue) {
		add(claimtrail.ChangeCue)
	} else if oc.Cue.Text != nc.Cue.Text {
		cosmetic = true
	}
	if oc.Cue.Stance != nc.Cue.Stance {
		add(claimtrail.ChangeStance)
	}
	if oc.Cue.Negated != nc.Cue.Negated {
		add(claimtrail.ChangeNegation)
	}

	// Chain of reporters.
	if len(oc.Via) != len(nc.Via) {
		add(claimtrail.ChangeVia)
	} else {
		for k := range oc.Via {
			if !d.same(oc.Via[k], nc.Via[k]) {
				add(claimtrail.ChangeVia)
				break
			}
		}
	}

	if oc.Type != nc.Type {
		add(claimtrail.ChangeType)
	}
	if moved {
		add(claimtrail.ChangeMoved)
	}
	if cosmetic && !hasSubstantive(kinds) {
		add(claimtrail.ChangeCosmetic)
	}
	ch.Kinds = kinds
	ch.Change = claimtrail.StatusChanged
	if len(kinds) == 0 {
		ch.Change = claimtrail.StatusUnchanged
		ch.Kinds = []claimtrail.ChangeKind{}
	}
	return ch
}

// hasSubstantive reports a kind other than moved.
func hasSubstantive(ks []claimtrail.ChangeKind) bool {
	for _, k := range ks {
		if k != claimtrail.ChangeMoved {
			return true
		}
	}
	return false
}

// quoted marks the content tokens inside quotation marks: all of a direct
// claim's (its outer marks are not part of the content), and in others
// those between two double quotation marks. Marks are paired by order, not
// shape, because right-to-left text often has them reversed.
func quoted(c *claimtrail.Claim, ts []text.Token) []bool {
	in := make([]bool, len(ts))
	if c.Type == claimtrail.Direct {
		for k := range in {
			in[k] = true
		}
		return in
	}
	open := false
	for k, t := range ts {
		if t.Kind == text.Quote && isDoubleQuote(t.Text) {
			open = !open
			in[k] = true
			continue
		}
		in[k] = open
	}
	return in
}

func keyOf(s string) string { return text.Key(s) }

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// lemmaKey is what two cues must share to be the same cue: the lemma, or
// the cue's words without clitics when there is none.
func lemmaKey(c claimtrail.Cue) string {
	if c.Lemma != "" {
		return text.Key(c.Lemma)
	}
	var out string
	for _, t := range text.Tokenize(c.Text) {
		if t.Kind == text.Word {
			out += text.StripClitics(t.Key) + " "
		}
	}
	return out
}

// stopWords are left out when one name's words are looked for in another.
var stopWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "for": true, "and": true, "in": true, "on": true, "at": true, "to": true}

// SameSourceByName is the default Options.SameSource. Two mentions name the
// same source when they carry the same registry SourceID, or when their
// names (the resolved name, else the mention) have the same text.Key, one's
// name is among the other's aliases, or every word of the shorter name
// stands in the longer one ("Rashad Al-Alimi" and "council president Rashad
// Al-Alimi"). It knows no transliteration (Yahya Rasool and يحيى رسول
// differ); a cross-script matcher such as the sources package's can be
// passed as Options.SameSource instead.
func SameSourceByName(a, b claimtrail.Mention) bool {
	// Equal registry ids settle it. Different ids do not: an id scoped to
	// its article (an unnamed source, "the ministry") differs between
	// versions whose article ids differ, so the names decide.
	if a.SourceID != "" && a.SourceID == b.SourceID {
		return true
	}
	na, nb := keyOf(primaryName(a)), keyOf(primaryName(b))
	if na == "" || nb == "" {
		return na == nb
	}
	if na == nb {
		return true
	}
	for _, al := range a.Aliases {
		if keyOf(al) == nb {
			return true
		}
	}
	for _, al := range b.Aliases {
		if keyOf(al) == na {
			return true
		}
	}
	wa, wb := nameWords(na), nameWords(nb)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		if !slices.Contains(wb, w) {
			return false
		}
	}
	return true
}

func primaryName(m claimtrail.Mention) string {
	if m.Name != "" {
		return m.Name
	}
	return m.Mention
}

// nameWords returns the words of a name key without stop words, Arabic
// clitics stripped.
func nameWords(key string) []string {
	var out []string
	for _, t := range text.Tokenize(key) {
		if t.Kind != text.Word || stopWords[t.Key] {
			continue
		}
		out = append(out, text.StripClitics(t.Key))
	}
	return out
}

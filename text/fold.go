package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Folded is s after Fold, with Offsets[i] the rune offset in the original of
// rune i of Text. len(Offsets) == len([]rune(Text))+1 and the last entry is
// the original's rune length, so a half-open folded range maps back with two
// lookups.
type Folded struct {
	Text    string
	Offsets []int
}

// Orig returns the original rune offset of folded rune offset i, clamped to
// the text.
func (f Folded) Orig(i int) int {
	if len(f.Offsets) == 0 {
		return 0
	}
	if i < 0 {
		i = 0
	}
	if i >= len(f.Offsets) {
		i = len(f.Offsets) - 1
	}
	return f.Offsets[i]
}

// OrigRange maps the folded half-open range [start, end) to the original.
// It differs from (Orig(start), Orig(end)) when end falls inside the
// expansion of one original rune (a ligature that folds to two letters): the
// range then still covers that rune instead of ending before it.
func (f Folded) OrigRange(start, end int) (int, int) {
	a, b := f.Orig(start), f.Orig(end)
	if end > start && end > 0 && end < len(f.Offsets) {
		if last := f.Orig(end-1) + 1; last > b {
			b = last
		}
	}
	if b < a {
		b = a
	}
	return a, b
}

// foldKind says what a rune folds to.
type foldKind uint8

const (
	foldKeep foldKind = iota // the rune itself
	foldDrop                 // nothing
	foldOne                  // one other rune
	foldMany                 // the string exp
)

type foldEntry struct {
	kind foldKind
	r    rune
	exp  string
}

// Tables for the ranges nearly all news text lives in, built once so the hot
// loop does one index per rune instead of an NFKC call. They are built by
// variable initialisers, not init, so that other package-level variables
// whose initialisers call Key (the chrome and source-label sets) see them
// filled.
var (
	foldLow  = foldTable(0, 0x0700)        // Latin-1 up to the end of the Arabic block
	foldPres = foldTable(presBase, 0x0500) // U+FB00–U+FEFF: Arabic presentation forms
	foldPunc = foldTable(puncBase, 0x0070) // U+2000–U+206F: spaces, marks, dashes
	foldSlow sync.Map                      // rune -> foldEntry, for anything else
)

const (
	presBase = 0xFB00
	puncBase = 0x2000
)

func foldTable(base rune, n int) []foldEntry {
	t := make([]foldEntry, n)
	for i := range t {
		t[i] = computeFold(base + rune(i))
	}
	return t
}

// dropped reports the runes Fold removes: Arabic diacritics and the
// superscript alef, tatweel, and invisible bidi and joiner marks. Removing
// them changes no visible letter, which is what makes the fold safe for
// display as well as matching.
func dropped(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640:
		return true
	}
	return isInvisible(r)
}

// mapOne applies the one-to-one part of the fold to a rune that NFKC has
// already normalised: alef variants, Eastern digits and spaces.
func mapOne(r rune) (rune, bool) {
	switch {
	case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
		return 'ا', true
	case r >= 0x0660 && r <= 0x0669:
		return '0' + r - 0x0660, true
	case r >= 0x06F0 && r <= 0x06F9:
		return '0' + r - 0x06F0, true
	case r >= 0x80 && unicode.Is(unicode.Zs, r):
		return ' ', true
	}
	return r, false
}

// computeFold derives the fold of r from first principles: drop, NFKC, then
// the one-to-one map on each rune NFKC produced.
func computeFold(r rune) foldEntry {
	if dropped(r) {
		return foldEntry{kind: foldDrop}
	}
	if m, ok := mapOne(r); ok {
		return foldEntry{kind: foldOne, r: m}
	}
	if r < 0x80 {
		return foldEntry{kind: foldKeep}
	}
	n := norm.NFKC.String(string(r))
	if n == string(r) {
		return foldEntry{kind: foldKeep}
	}
	var b []rune
	for _, x := range n {
		if dropped(x) {
			continue
		}
		x, _ = mapOne(x)
		b = append(b, x)
	}
	switch len(b) {
	case 0:
		return foldEntry{kind: foldDrop}
	case 1:
		if b[0] == r {
			return foldEntry{kind: foldKeep}
		}
		return foldEntry{kind: foldOne, r: b[0]}
	}
	return foldEntry{kind: foldMany, exp: string(b)}
}

// lookupFold returns the fold of r, which starts s[i:] (s is needed only for
// the NFKC property lookup of runes outside the tables).
func lookupFold(r rune, s string, i int) foldEntry {
	switch {
	case r < 0x80:
		return foldEntry{}
	case r < rune(len(foldLow)):
		return foldLow[r]
	case r >= presBase && r < presBase+rune(len(foldPres)):
		return foldPres[r-presBase]
	case r >= puncBase && r < puncBase+rune(len(foldPunc)):
		return foldPunc[r-puncBase]
	case r == utf8.RuneError:
		return foldEntry{}
	}
	if !unicode.Is(unicode.Zs, r) && norm.NFKC.PropertiesString(s[i:]).Decomposition() == nil {
		return foldEntry{}
	}
	if e, ok := foldSlow.Load(r); ok {
		return e.(foldEntry)
	}
	e := computeFold(r)
	foldSlow.Store(r, e)
	return e
}

// Fold returns s with the display-preserving fold applied: Arabic diacritics,
// tatweel and invisible marks removed; أ إ آ ٱ mapped to ا; Arabic-Indic and
// Persian digits mapped to ASCII; exotic spaces mapped to ' '; NFKC applied
// one rune at a time (so presentation forms become base letters). Letters
// that change meaning in some words (ى ة ؤ ئ) and case are kept; Key folds
// those. Invalid UTF-8 bytes become U+FFFD, one per byte, which is also how
// they are counted as runes.
func Fold(s string) Folded {
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int, 0, len(s)+1)
	ri := 0
	for i, r := range s {
		e := lookupFold(r, s, i)
		switch e.kind {
		case foldKeep:
			b.WriteRune(r)
			offs = append(offs, ri)
		case foldOne:
			b.WriteRune(e.r)
			offs = append(offs, ri)
		case foldMany:
			for _, x := range e.exp {
				b.WriteRune(x)
				offs = append(offs, ri)
			}
		}
		ri++
	}
	offs = append(offs, ri)
	return Folded{Text: b.String(), Offsets: offs}
}

// keyRune applies the matching-only part of Key to a folded rune.
func keyRune(r rune) rune {
	switch r {
	case 'ى', 'ئ':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ؤ':
		return 'و'
	}
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// Key returns the matching key of s: Fold, then ى→ي ئ→ي ة→ه ؤ→و, lower
// case, runs of white space collapsed to one space and trimmed. ء is kept:
// dropping it would merge words such as جاء and جا. Key allocates only when
// s is not already a key.
func Key(s string) string {
	n, ok := keyFast(s)
	if ok {
		return s[:n]
	}
	// Keys are mostly short: build them on the stack and copy once.
	var buf [128]byte
	return string(appendKey(buf[:0], s, n))
}

// keyFast scans s until the first rune the key would change; most words of
// lower-case English and undiacritised Arabic are already keys. It returns
// (n, true) when s[:n] is the key of s, and otherwise (n, false) with s[:n]
// a prefix that needs no change.
func keyFast(s string) (int, bool) {
	prevSpace := true
	for i := 0; i < len(s); {
		r, w := decode(s, i)
		e := lookupFold(r, s, i)
		if e.kind != foldKeep || keyRune(r) != r || r == utf8.RuneError {
			return i, false
		}
		if isSpace(r) {
			if prevSpace || r != ' ' {
				return i, false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		i += w
	}
	if len(s) > 0 && prevSpace {
		return len(s) - 1, true
	}
	return len(s), true
}

// appendKey appends the key of s to dst, given that s[:from] needs no
// change (from keyFast).
func appendKey(dst []byte, s string, from int) []byte {
	base := len(dst)
	pending := false
	if from > 0 && s[from-1] == ' ' {
		// keyFast accepted a single space; whether it stays depends on
		// what follows.
		dst = append(dst, s[:from-1]...)
		pending = true
	} else {
		dst = append(dst, s[:from]...)
	}
	emit := func(x rune) {
		if isSpace(x) {
			pending = len(dst) > base
			return
		}
		if pending {
			dst = append(dst, ' ')
			pending = false
		}
		dst = utf8.AppendRune(dst, keyRune(x))
	}
	for i := from; i < len(s); {
		r, w := decode(s, i)
		e := lookupFold(r, s, i)
		switch e.kind {
		case foldKeep:
			emit(r)
		case foldOne:
			emit(e.r)
		case foldMany:
			for _, x := range e.exp {
				emit(x)
			}
		}
		i += w
	}
	return dst
}

// KeyWord returns the Key of one word. It is Key under another name, kept so
// callers say what they hold; a word has no spaces to collapse.
func KeyWord(word string) string { return Key(word) }

// clitics are the proclitic groups StripClitics removes, longest first so
// وال is taken whole rather than as و.
var clitics = [...]string{"وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل"}

// StripClitics removes one leading clitic group from an Arabic key when at
// least three letters remain, so وقال and بالعراق match قال and عراق. The
// three-letter floor keeps short stems such as ولد and بلد whole; it cannot
// tell a clitic from a root letter (ليبيا loses its ل), so callers use the
// stripped key as a second try, not as the only key.
func StripClitics(key string) string {
	r, _ := utf8.DecodeRuneInString(key)
	if r < 0x0621 || r > 0x064A {
		return key
	}
	for _, c := range clitics {
		if strings.HasPrefix(key, c) && utf8.RuneCountInString(key[len(c):]) >= 3 {
			return key[len(c):]
		}
	}
	return key
}

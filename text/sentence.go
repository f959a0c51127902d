package text

import (
	"slices"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// English abbreviations that end with a full stop. They are looked up by the
// letters before the final stop ("U.S" for "U.S."), so inner stops are part
// of the key.
var (
	// neverBreak: titles, country and organisation initials, months and a
	// few others are followed by more of the same sentence so often that a
	// break after them is worse than the occasional missed one ("troops in
	// the U.S. The ..." stays one sentence).
	neverBreak = setOf(
		"Mr", "Mrs", "Ms", "Mmes", "Messrs", "Dr", "Prof", "Gen", "Gens", "Lt", "Col", "Maj",
		"Capt", "Cmdr", "Cdr", "Sgt", "Cpl", "Pvt", "Adm", "Brig", "Sen", "Sens", "Rep", "Reps",
		"Gov", "Govs", "Pres", "Rev", "Hon", "Amb", "Sec", "Supt", "Insp", "Gov't",
		"U.S", "U.N", "U.K", "E.U", "U.A.E", "D.C", "U.S.A",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"No", "Nos", "St", "Mt", "Ft", "vs", "e.g", "i.e", "cf", "approx", "Fig", "Vol",
	)
	// breakIfCapital: company suffixes, times and the like often end a
	// sentence; they end one when a capitalised word other than a day or
	// month name follows ("at 5 p.m. Monday" stays whole).
	breakIfCapital = setOf("Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Bros", "a.m", "p.m", "etc", "Ave", "Blvd")
	// calendarWords follow times and dates without starting a sentence.
	calendarWords = setOf(
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	)
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// maxAbbrev is the longest key in the abbreviation sets, in runes; longer
// words skip the lookup.
const maxAbbrev = 9

// inSet looks up the runes rs in m without allocating.
func inSet(m map[string]bool, rs []rune) bool {
	if len(rs) > maxAbbrev {
		return false
	}
	var buf [maxAbbrev * utf8.UTFMax]byte
	b := buf[:0]
	for _, r := range rs {
		b = utf8.AppendRune(b, r)
	}
	return m[string(b)]
}

// region is a protected quotation: [open, close] are the indexes of its
// marks.
type region struct{ open, close int }

// splitter holds scratch space reused across paragraphs.
type splitter struct {
	pairs []region
	stack [3][]int
	out   []claimtrail.Span
}

// SplitSentences returns the sentence spans of one paragraph s, relative to
// s and trimmed of surrounding white space.
//
// A sentence ends at . ! ? ؟ … (and runs of them) unless the mark sits in a
// quotation that closes within the paragraph, follows an abbreviation, an
// initial or a list number, is a decimal point, or is followed by a comma, a
// lower-case word or other continuation. Closing quotes and brackets right
// after the mark belong to the sentence that ends. The Arabic semicolon ؛
// does not end a sentence. An English dateline (BAGHDAD (Reuters) -) stays
// with the first sentence.
//
// The rules look at the script of the letters around each mark rather than
// at lang, because Arabic paragraphs carry English glosses and captions and
// the reverse; lang is accepted so callers need not change when a rule that
// only language can decide arrives.
func SplitSentences(s string, lang string) []claimtrail.Span {
	var sp splitter
	out := sp.split([]rune(s), lang)
	return slices.Clone(out)
}

// split returns the sentence spans of rs. The result aliases sp's scratch
// space and is valid until the next call.
func (sp *splitter) split(rs []rune, _ string) []claimtrail.Span {
	sp.out = sp.out[:0]
	sp.findQuotes(rs)
	n := len(rs)
	dl := datelineEnd(rs)
	start, p := 0, 0
	for i := 0; i < n; {
		for p < len(sp.pairs) && sp.pairs[p].open < i {
			p++
		}
		if p < len(sp.pairs) && sp.pairs[p].open == i {
			c := sp.pairs[p].close
			k := c - 1
			for k > i && isBlank(rs[k]) {
				k--
			}
			if k > i && isTerminator(rs[k]) {
				ts := k
				for ts > i+1 && isTerminator(rs[ts-1]) {
					ts--
				}
				end := sp.closers(rs, c+1)
				if c >= dl && sp.breakAfter(rs, start, ts, k+1, end) {
					sp.emit(rs, start, end)
					start = end
				}
				i = end
				continue
			}
			i = c + 1
			continue
		}
		if !isTerminator(rs[i]) {
			i++
			continue
		}
		te := i + 1
		for te < n && isTerminator(rs[te]) {
			te++
		}
		end := sp.closers(rs, te)
		if i >= dl && sp.breakAfter(rs, start, i, te, end) {
			sp.emit(rs, start, end)
			start = end
		}
		i = end
	}
	sp.emit(rs, start, n)
	return sp.out
}

// emit appends [a, b) trimmed, if anything is left.
func (sp *splitter) emit(rs []rune, a, b int) {
	for a < b && isBlank(rs[a]) {
		a++
	}
	for b > a && isBlank(rs[b-1]) {
		b--
	}
	if a < b {
		sp.out = append(sp.out, claimtrail.Span{Start: a, End: b})
	}
}

// findQuotes pairs the double quotation marks of rs into protected regions.
//
// Whether a mark opens or closes is read from what stands beside it, not
// from which mark it is: right-to-left text often has « » and “ ” the wrong
// way round, and " is both. A mark with a blank (or punctuation) before it
// and text after it opens; one with text before it and a blank or
// punctuation after it closes; one that is neither (glued on both sides,
// بـ"داعش", or spaced on both) closes an open quotation of its family or
// else opens one. An opener that never closes makes no region, so a stray
// quote does not swallow the rest of the paragraph.
func (sp *splitter) findQuotes(rs []rune) {
	sp.pairs = sp.pairs[:0]
	for f := range sp.stack {
		sp.stack[f] = sp.stack[f][:0]
	}
	n := len(rs)
	for i, r := range rs {
		f := quoteFamily(r)
		if f < 0 {
			continue
		}
		prevBlank := i == 0 || isBlank(rs[i-1])
		nextBlank := i+1 == n || isBlank(rs[i+1])
		prevPunct := !prevBlank && !isAlnum(rs[i-1])
		nextPunct := !nextBlank && !isAlnum(rs[i+1])
		left := !nextBlank && (prevBlank || prevPunct)
		right := !prevBlank && (nextBlank || nextPunct)
		st := sp.stack[f]
		opens := left && !right
		if left == right {
			opens = len(st) == 0
		}
		if opens {
			sp.stack[f] = append(st, i)
			continue
		}
		if len(st) > 0 {
			sp.pairs = append(sp.pairs, region{open: st[len(st)-1], close: i})
			sp.stack[f] = st[:len(st)-1]
		}
	}
	slices.SortFunc(sp.pairs, func(a, b region) int { return a.open - b.open })
}

// quoteFamily returns 0 for ", 1 for « », 2 for the curly double quotes and
// -1 for anything else.
func quoteFamily(r rune) int {
	switch r {
	case '"':
		return 0
	case '«', '»':
		return 1
	case '“', '”', '„', '‟':
		return 2
	}
	return -1
}

// opensRegion reports whether a protected region opens at i.
func (sp *splitter) opensRegion(i int) bool {
	_, ok := slices.BinarySearchFunc(sp.pairs, i, func(r region, i int) int { return r.open - i })
	return ok
}

// closers returns the index after the closing quotes and brackets that
// follow a sentence-final mark at j, which belong to the ending sentence.
func (sp *splitter) closers(rs []rune, j int) int {
	n := len(rs)
	for j < n {
		r := rs[j]
		switch {
		case r == ')' || r == ']':
		case isQuote(r) && !sp.opensRegion(j):
			if j+1 < n && !isBlank(rs[j+1]) && !isQuote(rs[j+1]) && !isContinuation(rs[j+1]) &&
				rs[j+1] != ')' && rs[j+1] != ']' {
				// Glued to the next word: it opens the next sentence.
				return j
			}
		default:
			return j
		}
		j++
	}
	return j
}

// breakAfter decides whether the sentence that began at start ends after the
// run of final marks rs[ts:te], whose closing quotes reach to end.
func (sp *splitter) breakAfter(rs []rune, start, ts, te, end int) bool {
	n := len(rs)
	k := end
	for k < n && isBlank(rs[k]) {
		k++
	}
	if k == n {
		return true
	}
	nx := rs[k]
	if isContinuation(nx) || isLower(nx) || isTerminator(nx) {
		return false
	}
	var strong bool
	dots := 0
	for _, r := range rs[ts:te] {
		switch r {
		case '.', '۔':
			dots++
		case '…':
			dots += 3
		default:
			strong = true
		}
	}
	ellipsis := dots >= 2
	if k == end {
		// No space after the mark: "3.5", "U.S", "aljazeera.net" go on;
		// Arabic typists often omit the space after . ؟ !, so a letter
		// after the mark in Arabic still starts a sentence.
		switch {
		case strong:
			return isLetter(nx)
		case ellipsis:
			return false
		}
		return isArabicLetter(nx) && (ts == 0 || !isLatinLetter(rs[ts-1]))
	}
	if strong {
		return true
	}
	if ellipsis {
		// A pause, unless a capitalised word shows the next sentence.
		for k < n && (isQuote(rs[k]) || isOpenBracket(rs[k])) {
			k++
		}
		return k < n && isUpper(rs[k])
	}
	return !abbreviationBefore(rs, start, ts, k)
}

// abbreviationBefore reports whether the full stop at ts closes an
// abbreviation, an initial or a list number rather than the sentence; k is
// the index of the next visible rune.
func abbreviationBefore(rs []rune, start, ts, k int) bool {
	ws := ts
	for ws > start && (isLetter(rs[ws-1]) || (rs[ws-1] == '.' && ws-1 > start && isLetter(rs[ws-2]))) {
		ws--
		if ts-ws > maxAbbrev {
			// Too long for any abbreviation; stopping here also keeps
			// "a.b.c.d…" from being rescanned at every stop.
			return false
		}
	}
	word := rs[ws:ts]
	if len(word) == 0 {
		// "1." opening a numbered paragraph.
		j := start
		for j < ts && isBlank(rs[j]) {
			j++
		}
		if j == ts {
			return false
		}
		for ; j < ts; j++ {
			if !isDigit(rs[j]) {
				return false
			}
		}
		return true
	}
	if ws > start && (isDigit(rs[ws-1]) || rs[ws-1] == '-' || rs[ws-1] == '\'') {
		// Part of a longer token (F-16., 19th.): not an abbreviation.
		return false
	}
	if len(word) == 1 {
		// An initial (J. K. Rowling) or an Arabic one-letter abbreviation
		// (د. for doctor).
		return true
	}
	if inSet(neverBreak, word) {
		return true
	}
	if inSet(breakIfCapital, word) {
		return !startsSentenceAfterAbbrev(rs, k)
	}
	// Dotted initials not in the list (U.A.E, N.Y).
	if len(word) >= 3 && isLetter(word[0]) {
		dotted := true
		for i, r := range word {
			if (i%2 == 1) != (r == '.') {
				dotted = false
				break
			}
		}
		if dotted && len(word)%2 == 1 {
			return true
		}
	}
	return false
}

// startsSentenceAfterAbbrev decides for the abbreviations that end a
// sentence only when what follows clearly starts one.
func startsSentenceAfterAbbrev(rs []rune, k int) bool {
	r := rs[k]
	switch {
	case isQuote(r):
		return true
	case isArabicLetter(r):
		return true
	case !isUpper(r):
		return false
	}
	e := k
	for e < len(rs) && isLetter(rs[e]) {
		e++
	}
	return !inSet(calendarWords, rs[k:e])
}

// datelineEnd returns the index just after an English dateline that opens
// rs (BAGHDAD (Reuters) -, WASHINGTON, D.C., Jan. 5 (AP) —), or 0. Marks
// inside the dateline do not end a sentence. A dateline without a dash
// counts only when it fills the line (BAGHDAD (Reuters)).
// DatelineLen is the length in runes of the dateline that opens s
// ("BAGHDAD (Reuters) -", "COLOMBO, Jan 27 (Reuters) -"), or 0 when s does
// not open with one. Extractors skip it: a dateline names the article's
// source, it reports no claim.
func DatelineLen(s string) int {
	// datelineEnd looks at 120 runes at most; converting a little more
	// than that (and cutting at a rune boundary) gives the same answer
	if n := 130 * utf8.UTFMax; len(s) > n {
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n]
	}
	return datelineEnd([]rune(s))
}

func datelineEnd(rs []rune) int {
	n := len(rs)
	i := 0
	for i < n && isUpper(rs[i]) && isLatinLetter(rs[i]) {
		i++
	}
	if i < 2 || (i < n && (isLetter(rs[i]) || isDigit(rs[i]))) {
		return 0
	}
	limit := min(n, 120)
	paren, sawParen := false, false
	for ; i < limit; i++ {
		r := rs[i]
		switch {
		case paren:
			if r == ')' {
				paren, sawParen = false, true
			} else if r == '(' || isQuote(r) {
				return 0
			}
		case r == '(':
			paren = true
		case isDash(r):
			if i > 0 && i+1 < n && isLetter(rs[i-1]) && isLetter(rs[i+1]) {
				continue // AL-ASAD
			}
			return i + 1
		case r == ' ' || r == ',' || r == '.' || isDigit(r):
		case isLetter(r):
			if isLower(r) && (rs[i-1] == ' ' || rs[i-1] == ',') {
				return 0 // a lower-case word: this is a sentence
			}
		default:
			return 0
		}
	}
	if i == n && sawParen && !paren && rs[n-1] == ')' {
		return n
	}
	return 0
}

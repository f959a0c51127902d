package text

import (
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, with digits, inner hyphens and apostrophes
	Number             // digits with inner decimal and thousands separators
	Punct              // any other visible character, one per token
	Quote              // a quotation mark standing on its own
)

// String names the kind for test output and debugging.
func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	case Quote:
		return "quote"
	}
	return "kind?"
}

// Token is one word, number or mark of a text. Text is the original text at
// Span; Key is KeyWord(Text) for words and the number in ASCII digits
// (thousands separators dropped, decimal separator '.') for numbers, so
// ٢٬٥٠٠ and 2,500 share the key 2500. A mark's Key is the mark itself.
type Token struct {
	Text string
	Key  string
	Kind Kind
	Span claimtrail.Span
}

// Tokenize splits s into tokens with spans relative to s.
func Tokenize(s string) []Token { return TokenizeAt(s, 0) }

// TokenizeAt splits s into tokens with spans shifted by base, for tokenising
// one sentence of an article in article coordinates.
//
// An Arabic word with its clitics (وقال، بالعراق) is one token: splitting
// clitics is a matching decision (StripClitics), not a layout one. A Latin
// word keeps inner hyphens and apostrophes (al-Asad, O'Brien, F-16). A number
// keeps inner separators between digits (2,500 3.5 ٢٫٥) but not a slash,
// so dates come out as numbers and slashes. White space and invisible marks
// make no token; invalid UTF-8 bytes become one Punct token each, with the
// original byte as Text.
func TokenizeAt(s string, base int) []Token {
	return AppendTokens(make([]Token, 0, len(s)/6+1), s, base)
}

// AppendTokens is TokenizeAt appending to dst, so that a caller that
// tokenizes sentence after sentence can reuse one buffer.
func AppendTokens(dst []Token, s string, base int) []Token {
	toks := dst
	// Keys that differ from their word are written into one buffer and cut
	// from one string at the end: one allocation instead of one per word.
	var keys []byte
	var later []keySlot
	ri := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case isBlank(r):
			i += w
			ri++
		case isWordRune(r) || isDigit(r):
			j, rj, letters := scanWord(s, i, ri)
			t := Token{Text: s[i:j], Span: claimtrail.Span{Start: base + ri, End: base + rj}}
			if letters {
				t.Kind = Word
				if n, ok := keyFast(t.Text); ok {
					t.Key = t.Text[:n]
				} else {
					if keys == nil {
						keys = make([]byte, 0, len(s)-i)
						later = make([]keySlot, 0, (len(s)-i)/16+1)
					}
					from := len(keys)
					keys = appendKey(keys, t.Text, n)
					later = append(later, keySlot{tok: len(toks), from: from, to: len(keys)})
				}
			} else {
				t.Kind = Number
				t.Key = numberKey(t.Text)
			}
			toks = append(toks, t)
			i, ri = j, rj
		case r == '\'' && i+1 < len(s) && s[i+1] == '\'':
			// '' is a double quotation mark in some newsroom systems
			// (''This isn't reform,'' he said): one mark, not two.
			toks = append(toks, Token{Text: s[i : i+2], Key: "\"", Kind: Quote,
				Span: claimtrail.Span{Start: base + ri, End: base + ri + 2}})
			i += 2
			ri += 2
		default:
			k := Punct
			if isQuote(r) {
				k = Quote
			}
			toks = append(toks, Token{Text: s[i : i+w], Key: s[i : i+w], Kind: k,
				Span: claimtrail.Span{Start: base + ri, End: base + ri + 1}})
			i += w
			ri++
		}
	}
	if len(later) > 0 {
		all := string(keys)
		for _, k := range later {
			toks[k.tok].Key = all[k.from:k.to]
		}
	}
	return toks
}

// keySlot says where in the shared key buffer a token's key lies.
type keySlot struct{ tok, from, to int }

// scanWord returns the byte and rune end of the word or number starting at
// s[i] (rune offset ri), and whether it holds a letter.
func scanWord(s string, i, ri int) (int, int, bool) {
	r, w := utf8.DecodeRuneInString(s[i:])
	letters := !isDigit(r)
	latin := isLatinLetter(r)
	prev := r
	j, rj := i+w, ri+1
	for j < len(s) {
		c, cw := utf8.DecodeRuneInString(s[j:])
		if isWordRune(c) || isDigit(c) {
			if !isDigit(c) {
				letters = true
				latin = latin || isLatinLetter(c)
			}
			prev = c
			j += cw
			rj++
			continue
		}
		// At the end of s this yields (RuneError, 0), which joins nothing.
		next, nw := utf8.DecodeRuneInString(s[j+cw:])
		join := false
		switch {
		case isInvisible(c):
			// A joiner inside a word (ZWNJ in Persian spelling) or a stray
			// bidi mark between two letters belongs to the word.
			join = isWordRune(next) || isDigit(next)
		case c == '-' || c == '‐' || c == '‑':
			join = letters && latin && (isLatinLetter(prev) || isDigit(prev)) &&
				(isLatinLetter(next) || isDigit(next))
		case c == '\'' || c == '’':
			join = isLatinLetter(prev) && isLatinLetter(next)
		case c == '.' || c == ',' || c == '٫' || c == '٬':
			join = !letters && isDigit(prev) && isDigit(next)
		}
		if !join {
			break
		}
		// Take the joiner and the rune after it.
		j += cw + nw
		rj += 2
		if !isDigit(next) {
			letters = true
			latin = latin || isLatinLetter(next)
		}
		prev = next
	}
	return j, rj, letters
}

// numberKey writes a number in ASCII digits with '.' as the decimal mark.
// A comma is a thousands separator when exactly three digits follow it, as in
// English and Arabic news; otherwise (3,5) it is read as a decimal comma.
func numberKey(t string) string {
	ascii := true
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			ascii = false
			break
		}
	}
	if ascii {
		return t
	}
	var b strings.Builder
	b.Grow(len(t))
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '.' || r == '٫':
			b.WriteByte('.')
		case r == ',' || r == '٬':
			if digitsAfter(t[i+utf8.RuneLen(r):]) != 3 {
				b.WriteByte('.')
			}
		default:
			e := lookupFold(r, t, i)
			switch e.kind {
			case foldOne:
				b.WriteRune(e.r)
			case foldMany:
				b.WriteString(e.exp)
			case foldKeep:
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// digitsAfter counts the digits at the start of s.
func digitsAfter(s string) int {
	n := 0
	for _, r := range s {
		if !isDigit(r) {
			break
		}
		n++
	}
	return n
}

package text

import (
	"unicode"
	"unicode/utf8"
)

// Character classes shared by folding, tokenising and segmentation. They are
// switch statements and range tests rather than unicode.Is lookups for the
// scripts that make up nearly all input (ASCII and the Arabic block), because
// every rune of every article passes through them.

// isSpace reports white space, including the no-break and narrow spaces that
// news sites put around numbers and between a name and its title.
func isSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || (r >= '\t' && r <= '\r')
	}
	// The Unicode White_Space set, spelled out: unicode.IsSpace walks a
	// range table for every Arabic letter.
	switch {
	case r < 0x2000:
		return r == 0x85 || r == 0xA0 || r == 0x1680
	case r <= 0x200B:
		return true
	}
	return r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000
}

// isInvisible reports format characters that do not show: bidi marks, zero
// width joiners and the byte-order mark. They sit at line ends and between
// words in copied Arabic text and must neither make tokens nor count as text
// when trimming.
func isInvisible(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case r == 0x00AD, r == 0x061C, r == 0x2060, r == 0xFEFF:
		return true
	case r >= 0x200B && r <= 0x200F:
		return true
	case r >= 0x202A && r <= 0x202E:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// isBlank is what trimming removes: white space and invisible marks.
func isBlank(r rune) bool { return isSpace(r) || isInvisible(r) }

// isLineBreak reports the characters that end a line, and so a paragraph.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func isLetter(r rune) bool {
	if r < 0x80 {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	if r >= 0x0621 && r <= 0x064A {
		return true
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	if r < 0x07C0 {
		return (r >= 0x0660 && r <= 0x0669) || (r >= 0x06F0 && r <= 0x06F9)
	}
	return unicode.IsDigit(r)
}

func isAlnum(r rune) bool { return isLetter(r) || isDigit(r) || isMark(r) }

func isMark(r rune) bool {
	if r < 0x300 {
		return false
	}
	return unicode.IsMark(r)
}

// isWordRune reports runes that continue a word: letters, combining marks
// (Arabic diacritics) and tatweel, which unicode files as a letter modifier.
func isWordRune(r rune) bool { return isLetter(r) || isMark(r) }

func isLatinLetter(r rune) bool {
	if r < 0x80 {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return unicode.Is(unicode.Latin, r)
}

func isArabicLetter(r rune) bool {
	switch {
	case r < 0x0600:
		return false
	case r <= 0x06FF:
		return isLetter(r)
	}
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	if r < 0x80 {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z'
	}
	return unicode.IsLower(r)
}

// isQuote reports quotation marks of any style. The apostrophe and single
// curly quotes are included because they open and close quotes in English;
// the tokenizer keeps them inside a word when letters stand on both sides.
func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '«', '»', '“', '”', '„', '‟', '‘', '’', '‚', '‹', '›':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―':
		return true
	}
	return false
}

// isTerminator reports marks that can end a sentence. The Arabic semicolon
// ؛ is not one: see the package comment.
func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '…', '۔', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// isFinalPunct reports marks that, at the end of a line, say the line is
// prose rather than a heading or caption.
func isFinalPunct(r rune) bool { return isTerminator(r) }

// isContinuation reports marks that cannot begin a sentence, so a full stop
// before one of them did not end the sentence.
func isContinuation(r rune) bool {
	switch r {
	case ',', '،', ';', '؛', ':', ')', ']', '}', '%', '٪':
		return true
	}
	return false
}

func isOpenBracket(r rune) bool { return r == '(' || r == '[' || r == '{' }

// decode returns the rune at s[i] and its width, like
// utf8.DecodeRuneInString, with the two-byte sequences of the Arabic block
// decoded inline: the general decoder's slow path was the largest single
// cost of segmenting an Arabic article.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) {
		if c1 := s[i+1]; c1 >= 0x80 && c1 < 0xC0 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

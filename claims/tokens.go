package claims

import (
	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// tk is a token with what the rules ask of it computed once.
type tk struct {
	text.Token
	// bare is the key without a leading conjunction و or ف, set only when
	// the rest is still a word of three letters or more; rules try the key
	// first and bare second, so وصف is never read as و + صف.
	bare string
	// pair is the index of the matching quotation mark, or -1.
	pair int
	// quoted is true inside a pair of quotation marks.
	quoted bool
}

// sentenceTokens tokenizes one sentence with article offsets and pairs its
// quotation marks.
func sentenceTokens(s claimtrail.Sentence) []tk {
	var b tokBuf
	return b.tokens(s)
}

// tokBuf keeps the token slices of one sentence for the next, so that an
// article is tokenized into two buffers rather than two new slices per
// sentence. A parser's tokens are valid until the next call.
type tokBuf struct {
	raw  []text.Token
	toks []tk
}

func (b *tokBuf) tokens(s claimtrail.Sentence) []tk {
	raw := text.AppendTokens(b.raw[:0], s.Text, s.Span.Start)
	b.raw = raw
	if cap(b.toks) < len(raw) {
		b.toks = make([]tk, len(raw), len(raw)+len(raw)/2)
	}
	toks := b.toks[:len(raw)]
	clear(toks)
	for i, t := range raw {
		toks[i] = tk{Token: t, pair: -1}
		if t.Kind == text.Word {
			r := []rune(t.Key)
			if len(r) >= 3 && (r[0] == 'و' || r[0] == 'ف') {
				toks[i].bare = string(r[1:])
			}
		}
	}
	pairQuotes(toks)
	return toks
}

// pairQuotes matches quotation marks. Guillemets and curly quotes nest; a
// straight quote closes the last open straight quote. Right-to-left text
// sometimes reverses curly quotes, so a closing mark with nothing open
// opens.
func pairQuotes(toks []tk) {
	var stack []int
	for i := range toks {
		if toks[i].Kind != text.Quote {
			continue
		}
		q := toks[i].Text
		if q == "''" {
			q = `"`
		}
		if q == "'" || q == "‘" || q == "’" {
			continue
		}
		matched := false
		if q == `"` && opensByPosition(toks, i) {
			stack = append(stack, i)
			continue
		}
		for k := len(stack) - 1; k >= 0; k-- {
			o := toks[stack[k]].Text
			if o == "''" {
				o = `"`
			}
			if closes(o, q) {
				toks[stack[k]].pair = i
				toks[i].pair = stack[k]
				stack = stack[:k]
				matched = true
				break
			}
			if q != `"` {
				break
			}
		}
		if !matched && !(q == `"` && closesByPosition(toks, i)) {
			stack = append(stack, i)
		}
	}
	for i := range toks {
		if toks[i].pair > i {
			for k := i + 1; k < toks[i].pair; k++ {
				toks[k].quoted = true
			}
		}
	}
}

func closes(open, q string) bool {
	switch open {
	case "«":
		return q == "»"
	case "»":
		return q == "«"
	case "“", "„":
		return q == "”" || q == "“" || q == `"`
	case "”":
		return q == "“" || q == "”"
	case `"`:
		// copy-edited text mixes marks: "Oz has a bully pulpit,” said ...
		return q == `"` || q == "”"
	}
	return false
}

func (t *tk) comma() bool { return t.Kind == text.Punct && (t.Text == "،" || t.Text == ",") }

func (t *tk) colon() bool { return t.Kind == text.Punct && t.Text == ":" }

func (t *tk) dash() bool {
	return t.Kind == text.Punct && (t.Text == "-" || t.Text == "–" || t.Text == "—")
}

func (t *tk) final() bool {
	return t.Kind == text.Punct && (t.Text == "." || t.Text == "؟" || t.Text == "?" || t.Text == "!" || t.Text == "…")
}

func (t *tk) word() bool { return t.Kind == text.Word || t.Kind == text.Number }

// definite reports an Arabic word with the article, alone or after a
// proclitic (الاتفاق، بالعراق، للصحيفة، والجيش).
func (t *tk) definite() bool {
	k := []rune(t.Key)
	if len(k) < 4 {
		return false
	}
	s := string(k[:2])
	if s == "ال" || s == "لل" {
		return true
	}
	if len(k) > 4 {
		s3 := string(k[:3])
		return s3 == "بال" || s3 == "وال" || s3 == "فال" || s3 == "كال"
	}
	return false
}

// opensByPosition: a straight quote that touches the word after it and not
// the word before it opens a quotation, whatever is open already. Excerpts
// and careless copy drop quotation marks, and a toggle would then pair the
// wrong two and hide the cues in between.
func opensByPosition(toks []tk, i int) bool {
	q := toks[i]
	touchNext := i+1 < len(toks) && toks[i+1].Span.Start == q.Span.End && toks[i+1].Kind != text.Punct
	touchPrev := i > 0 && toks[i-1].Span.End == q.Span.Start && toks[i-1].Kind != text.Punct && toks[i-1].Kind != text.Quote
	return touchNext && !touchPrev
}

// closesByPosition: a straight quote after a word and before a space or a
// mark closes; with nothing open it is a stray, not an opening.
func closesByPosition(toks []tk, i int) bool {
	q := toks[i]
	touchPrev := i > 0 && toks[i-1].Span.End == q.Span.Start && toks[i-1].Kind != text.Quote
	touchNext := i+1 < len(toks) && toks[i+1].Span.Start == q.Span.End && toks[i+1].Kind == text.Word
	return touchPrev && !touchNext
}

// quoteLeftOpen reports a sentence whose last quotation mark opens a
// quotation that does not close in it.
func quoteLeftOpen(toks []tk) bool {
	for i := len(toks) - 1; i >= 0; i-- {
		t := &toks[i]
		if t.Kind != text.Quote || t.Text == "'" || t.Text == "‘" || t.Text == "’" {
			continue
		}
		if t.pair >= 0 {
			return false
		}
		return t.Text == "“" || t.Text == "«" || t.Text == "„" || opensByPosition(toks, i)
	}
	return false
}

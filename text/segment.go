package text

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// line is one non-empty line of an article, trimmed, in rune and byte
// offsets of the article text.
type line struct {
	rs, re int // runes
	bs, be int // bytes
}

// segmenter holds the scratch space of one Segment call.
type segmenter struct {
	sp    splitter
	runes []rune // the current line
	pos   []int  // byte offset in the article of each rune of the line, plus the end
}

// chromeKeys are the keys of lines that are page furniture, not text.
var chromeKeys = setOf(
	Key("إعلان"), Key("اقرأ أيضا"), Key("اقرأ المزيد"), Key("شارك"), Key("شارك الخبر"),
	"advertisement", "read more", "read also", "related", "related articles", "share",
)

// sourceLabels are the keys of the label of an article's source line.
var sourceLabels = setOf(Key("المصدر"), Key("المصادر"), "source", "sources")

// Segment lays out a.Text: it fills a.Paragraphs with one paragraph per
// non-empty line and the sentences of each, sets a.Lang when empty, and
// collects the article's source line, photo credits and page chrome. It
// replaces any earlier segmentation, so running it twice gives the same
// result.
//
// Paragraph kinds are decided in this order:
//   - chrome: the whole line is page furniture (إعلان, Advertisement, Read
//     more, ...); its span goes to a.Chrome.
//   - title: the first line that is not chrome, when a.Title is empty (it is
//     then set from the line) or has the line's Key.
//   - source_line: one of the last three lines reads "المصدر : X + Y" or
//     "Source(s): X, Y"; a.SourceLine gets the names and a.SourceLineSpan the
//     line.
//   - dateline: the line is only a dateline (BAGHDAD (Reuters) -, or a short
//     line ending in a dash).
//   - caption: the line ends in a parenthesised credit ((رويترز), (AFP),
//     (Reuters/John Smith)) with no final mark before it; the credit goes to
//     a.Credits and is left out of the caption's sentence.
//   - heading: at most five words and no final mark.
//   - body: everything else, including a photo caption that has no credit,
//     which cannot be told from a body line that lost its full stop.
//
// Chrome and source lines get no sentences: they are not prose, and leaving
// them out means every sentence an extractor sees is text of the article.
// Their Sentences is empty, not nil.
func Segment(a *claimtrail.Article) {
	a.Paragraphs = nil
	a.SourceLine = nil
	a.SourceLineSpan = nil
	a.Credits = nil
	a.Chrome = nil

	var count *scriptCount
	if a.Lang == "" {
		count = new(scriptCount)
	}
	lines := collectLines(a.Text, count)
	if count != nil {
		a.Lang = count.lang()
	}
	if len(lines) == 0 {
		return
	}
	var sg segmenter
	paras := make([]claimtrail.Paragraph, len(lines))
	// All sentences share one backing array; bounds[i] marks paragraph i's
	// share, assigned at the end once the array has stopped growing.
	all := make([]claimtrail.Sentence, 0, len(lines)*2)
	bounds := make([]int, len(lines)+1)
	titleDone := false
	for idx, l := range lines {
		sg.load(a.Text, l)
		rs := sg.runes
		p := &paras[idx]
		p.Index = idx
		p.Span = claimtrail.Span{Start: l.rs, End: l.re}
		bounds[idx] = len(all)
		lineText := a.Text[l.bs:l.be]

		// body is the part of the line split into sentences.
		body := len(rs)
		switch {
		case isChrome(rs, lineText):
			p.Kind = claimtrail.ParagraphChrome
			a.Chrome = append(a.Chrome, p.Span)
			continue
		case !titleDone && (a.Title == "" || Key(a.Title) == Key(lineText)):
			titleDone = true
			p.Kind = claimtrail.ParagraphTitle
			if a.Title == "" {
				a.Title = lineText
			}
		case idx >= len(lines)-3 && sg.sourceLine(a, rs):
			p.Kind = claimtrail.ParagraphSource
			span := p.Span
			a.SourceLineSpan = &span
			continue
		case isDatelineOnly(rs):
			p.Kind = claimtrail.ParagraphDateline
		default:
			if open, cs, ce, ok := credit(rs); ok {
				p.Kind = claimtrail.ParagraphCaption
				a.Credits = append(a.Credits, claimtrail.Credit{
					Text: a.Text[sg.pos[cs]:sg.pos[ce]],
					Span: claimtrail.Span{Start: l.rs + cs, End: l.rs + ce},
				})
				body = open
			} else if isHeading(rs) {
				p.Kind = claimtrail.ParagraphHeading
			} else {
				p.Kind = claimtrail.ParagraphBody
			}
		}
		titleDone = true
		for _, s := range sg.sp.split(rs[:body], a.Lang) {
			all = append(all, claimtrail.Sentence{
				Index: len(all),
				Span:  claimtrail.Span{Start: l.rs + s.Start, End: l.rs + s.End},
				Text:  a.Text[sg.pos[s.Start]:sg.pos[s.End]],
			})
		}
	}
	bounds[len(lines)] = len(all)
	for i := range paras {
		end := bounds[i+1]
		paras[i].Sentences = all[bounds[i]:end:end]
	}
	a.Paragraphs = paras
	recordDateline(a)
}

// recordDateline finds the dateline that opens the first body sentence or
// stands as its own paragraph, and records it with its agency.
func recordDateline(a *claimtrail.Article) {
	a.Dateline = ""
	for _, p := range a.Paragraphs {
		if p.Kind != claimtrail.ParagraphBody && p.Kind != claimtrail.ParagraphDateline || len(p.Sentences) == 0 {
			continue
		}
		s := p.Sentences[0].Text
		n := DatelineLen(s)
		if n == 0 {
			if p.Kind == claimtrail.ParagraphBody {
				return // the story has begun without one
			}
			continue
		}
		rs := []rune(s)
		a.Dateline = strings.TrimSpace(string(rs[:n]))
		if o, c := strings.LastIndexByte(a.Dateline, '('), strings.LastIndexByte(a.Dateline, ')'); o >= 0 && c > o+1 {
			agency := strings.TrimSpace(a.Dateline[o+1 : c])
			if !slices.Contains(a.SourceLine, agency) {
				a.SourceLine = append(a.SourceLine, agency)
			}
		}
		return
	}
}

// collectLines returns the non-empty lines of text, trimmed of white space
// and invisible marks, and counts letters by script into count unless it is
// nil.
func collectLines(text string, count *scriptCount) []line {
	lines := make([]line, 0, strings.Count(text, "\n")/2+1)
	ri, ls, lr := 0, 0, 0
	for i := 0; i < len(text); {
		r, w := decode(text, i)
		if count != nil {
			count.add(r)
		}
		if isLineBreak(r) {
			lines = addLine(lines, text, ls, i, lr, ri)
			ls, lr = i+w, ri+1
		}
		i += w
		ri++
	}
	return addLine(lines, text, ls, len(text), lr, ri)
}

// addLine appends the line text[bs:be] (runes rs to re) trimmed, unless it is
// blank.
func addLine(lines []line, text string, bs, be, rs, re int) []line {
	for bs < be {
		r, w := utf8.DecodeRuneInString(text[bs:be])
		if !isBlank(r) {
			break
		}
		bs += w
		rs++
	}
	for be > bs {
		r, w := utf8.DecodeLastRuneInString(text[bs:be])
		if !isBlank(r) {
			break
		}
		be -= w
		re--
	}
	if bs == be {
		return lines
	}
	return append(lines, line{rs: rs, re: re, bs: bs, be: be})
}

// load decodes line l into the scratch slices.
func (sg *segmenter) load(text string, l line) {
	sg.runes = sg.runes[:0]
	sg.pos = sg.pos[:0]
	for i := l.bs; i < l.be; {
		r, w := decode(text[:l.be], i)
		sg.runes = append(sg.runes, r)
		sg.pos = append(sg.pos, i)
		i += w
	}
	sg.pos = append(sg.pos, l.be)
}

// isChrome reports whether the whole line is page furniture.
func isChrome(rs []rune, text string) bool {
	if len(rs) > 40 {
		return false
	}
	// Drop a trailing colon or ellipsis ("اقرأ أيضا:").
	for len(text) > 0 {
		r, w := utf8.DecodeLastRuneInString(text)
		if !isTerminator(r) && r != ':' && !isBlank(r) {
			break
		}
		text = text[:len(text)-w]
	}
	return chromeKeys[Key(text)]
}

// sourceLine parses "LABEL : NAME + NAME" into a.SourceLine and reports
// whether rs is such a line.
func (sg *segmenter) sourceLine(a *claimtrail.Article, rs []rune) bool {
	colon := -1
	for i, r := range rs {
		if r == ':' || r == '：' {
			colon = i
			break
		}
		if i > 12 {
			return false
		}
	}
	if colon <= 0 {
		return false
	}
	label := strings.TrimSpace(string(rs[:colon]))
	if !sourceLabels[Key(label)] {
		return false
	}
	var names []string
	val := rs[colon+1:]
	from := 0
	cut := func(to, next int) {
		if name := trimName(val[from:to]); name != "" {
			names = append(names, name)
		}
		from = next
	}
	for i := 0; i < len(val); i++ {
		switch r := val[i]; {
		case r == '+' || r == '،' || r == ',' || r == '&' || r == ';' || r == '؛':
			cut(i, i+1)
		case isSpace(r) && i+2 < len(val) && val[i+1] == 'و' && isSpace(val[i+2]):
			// و standing alone joins two names; و at the start of a word
			// (وكالات) is part of it.
			cut(i, i+2)
		case isSpace(r) && i+4 < len(val) && isSpace(val[i+4]) &&
			strings.EqualFold(string(val[i+1:i+4]), "and"):
			cut(i, i+4)
		}
	}
	cut(len(val), len(val))
	if len(names) == 0 {
		return false
	}
	a.SourceLine = names
	return true
}

// trimName trims blanks and a final full stop from one source name.
func trimName(rs []rune) string {
	for len(rs) > 0 && (isBlank(rs[0])) {
		rs = rs[1:]
	}
	for len(rs) > 0 && (isBlank(rs[len(rs)-1]) || rs[len(rs)-1] == '.') {
		rs = rs[:len(rs)-1]
	}
	return string(rs)
}

// credit finds a parenthesised photo credit that ends rs. It returns the
// index of the opening parenthesis and the trimmed span of the credit text.
// The credit must be short and hold a letter, and the caption before it must
// hold a letter and not end with a final mark: "(2020)" is no credit, and a
// sentence that ends before a parenthesis is prose.
func credit(rs []rune) (open, start, end int, ok bool) {
	n := len(rs)
	if n < 3 || rs[n-1] != ')' {
		return 0, 0, 0, false
	}
	open = -1
	for i := n - 2; i >= 0 && i >= n-80; i-- {
		if rs[i] == ')' || rs[i] == '(' {
			if rs[i] == '(' {
				open = i
			}
			break
		}
	}
	if open <= 0 {
		return 0, 0, 0, false
	}
	start, end = open+1, n-1
	for start < end && isBlank(rs[start]) {
		start++
	}
	for end > start && isBlank(rs[end-1]) {
		end--
	}
	if !hasLetter(rs[start:end]) || countWords(rs[start:end]) > 6 {
		return 0, 0, 0, false
	}
	b := open
	for b > 0 && isBlank(rs[b-1]) {
		b--
	}
	if b == 0 || isFinalPunct(lastVisible(rs[:b])) || !hasLetter(rs[:b]) {
		return 0, 0, 0, false
	}
	return open, start, end, true
}

// isHeading reports a short line without a final mark.
func isHeading(rs []rune) bool {
	return !isFinalPunct(lastVisible(rs)) && countWords(rs) <= 5
}

// isDatelineOnly reports a line that is a dateline and nothing more.
func isDatelineOnly(rs []rune) bool {
	if e := datelineEnd(rs); e > 0 && e >= len(rs) {
		return true
	}
	return len(rs) > 1 && isDash(rs[len(rs)-1]) && hasLetter(rs) && countWords(rs) <= 5
}

// lastVisible returns the last rune of rs that is not a closing quote or
// bracket, so that «نعم.» ends in a full stop.
func lastVisible(rs []rune) rune {
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i]
		if isQuote(r) || r == ')' || r == ']' || isBlank(r) {
			continue
		}
		return r
	}
	return 0
}

func hasLetter(rs []rune) bool {
	for _, r := range rs {
		if isLetter(r) {
			return true
		}
	}
	return false
}

// countWords counts runs of runes between white space that hold a letter or
// digit, so a lone dash or quote is not a word.
func countWords(rs []rune) int {
	n, in, alnum := 0, false, false
	for _, r := range rs {
		if isBlank(r) {
			if in && alnum {
				n++
			}
			in, alnum = false, false
			continue
		}
		in = true
		alnum = alnum || isLetter(r) || isDigit(r)
	}
	if in && alnum {
		n++
	}
	return n
}

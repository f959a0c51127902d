package text

import (
	"slices"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// SearchWords splits folded text (Key) into the words a search index
// holds: at anything but letters, digits and marks, where SQLite's FTS5
// unicode61 tokenizer splits. Every store indexes and queries with it, so
// that the same query finds the same words in each.
func SearchWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r)
	})
}

// SearchFold is what a search index holds for a text: its key (Key) and
// the words of the key that lose a proclitic (وقال gives قال), so a search
// for قال finds وقال.
func SearchFold(s string) (body, stems string) {
	body = Key(s)
	var b strings.Builder
	for _, w := range SearchWords(body) {
		if st := StripClitics(w); st != w {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(st)
		}
	}
	return body, b.String()
}

// QueryTerm is one thing a search query looks for: a word (with its form
// without a leading proclitic, or as a prefix) or a phrase of folded
// words. Every term of a query must match.
type QueryTerm struct {
	Words []string
	// Alt is the word without a leading proclitic, if that differs.
	Alt    string
	Prefix bool
}

// ParseQuery splits what a person typed into terms: words, "quoted
// phrases" (an unclosed quote runs to the end) and word* prefixes, each
// folded with Key. Nothing typed is syntax beyond quotes and a final *.
func ParseQuery(q string) []QueryTerm {
	var terms []QueryTerm
	add := func(chunk string, phrase bool) {
		prefix := !phrase && strings.HasSuffix(chunk, "*")
		ws := SearchWords(Key(chunk))
		switch {
		case len(ws) == 0:
		case len(ws) > 1 || phrase:
			terms = append(terms, QueryTerm{Words: ws})
		case prefix:
			terms = append(terms, QueryTerm{Words: ws, Prefix: true})
		default:
			t := QueryTerm{Words: ws}
			if st := StripClitics(ws[0]); st != ws[0] {
				t.Alt = st
			}
			terms = append(terms, t)
		}
	}
	for len(q) > 0 {
		i := strings.IndexByte(q, '"')
		if i < 0 {
			i = len(q)
		}
		for _, w := range strings.Fields(q[:i]) {
			add(w, false)
		}
		if i == len(q) {
			break
		}
		rest := q[i+1:]
		j := strings.IndexByte(rest, '"')
		if j < 0 {
			j = len(rest)
		}
		add(rest[:j], true)
		q = rest[min(j+1, len(rest)):]
	}
	return terms
}

// Matches reports whether a word of the text (its key) is what the term
// looks for, directly or without its proclitic.
func (t QueryTerm) Matches(key string) bool {
	forms := []string{key}
	if st := StripClitics(key); st != key {
		forms = append(forms, st)
	}
	for _, f := range forms {
		for _, w := range t.Words {
			if f == w || t.Alt != "" && f == t.Alt || t.Prefix && strings.HasPrefix(f, w) {
				return true
			}
		}
	}
	return false
}

// snippetWords is how many words a snippet shows around the first match.
const snippetWords = 8

// Snippet shows the first match of terms in s as written, with the
// matched words in [brackets] and a few words either side; "" when no
// word matches. An index holds folded text; a snippet made from it would
// show ه for ة and no hamza, which reads as misspelt.
func Snippet(s string, terms []QueryTerm) string {
	toks := Tokenize(s)
	var ws []Token
	for _, tk := range toks {
		if tk.Kind == Word || tk.Kind == Number {
			ws = append(ws, tk)
		}
	}
	hit := func(tk Token) bool {
		for _, t := range terms {
			if t.Matches(tk.Key) {
				return true
			}
		}
		return false
	}
	first := -1
	for i, tk := range ws {
		if hit(tk) {
			first = i
			break
		}
	}
	if first < 0 {
		return ""
	}
	lo, hi := max(0, first-snippetWords), min(len(ws), first+snippetWords+1)
	runes := []rune(s)
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	pos := ws[lo].Span.Start
	for _, tk := range ws[lo:hi] {
		b.WriteString(string(runes[pos:tk.Span.Start]))
		if hit(tk) {
			b.WriteString("[" + tk.Text + "]")
		} else {
			b.WriteString(tk.Text)
		}
		pos = tk.Span.End
	}
	if hi < len(ws) {
		b.WriteString("…")
	} else {
		b.WriteString(string(runes[pos:]))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// FinishHits is the part of a search that is the same in every store:
// each claim and source hit gets a snippet of the words the terms matched
// (an article hit brings its own from the database), a hit with none shows
// its text, and the hits are ordered by rank, then claims before sources
// before articles, then by text, and cut to n.
func FinishHits(hits []claimtrail.Hit, terms []QueryTerm, n int) []claimtrail.Hit {
	for i := range hits {
		h := &hits[i]
		switch {
		case h.Claim != nil:
			h.Snippet = Snippet(h.Claim.Content.Text, terms)
		case h.Source != nil:
			h.Snippet = Snippet(strings.Join(append([]string{h.Source.Name}, h.Source.Aliases...), "; "), terms)
		}
		if h.Snippet == "" {
			h.Snippet = h.Text
		}
	}
	order := map[claimtrail.HitKind]int{claimtrail.HitClaim: 0, claimtrail.HitSource: 1, claimtrail.HitArticle: 2}
	slices.SortStableFunc(hits, func(a, b claimtrail.Hit) int {
		switch {
		case a.Rank < b.Rank:
			return -1
		case a.Rank > b.Rank:
			return 1
		}
		if c := order[a.Kind] - order[b.Kind]; c != 0 {
			return c
		}
		return strings.Compare(a.Text, b.Text)
	})
	return hits[:min(n, len(hits))]
}

package postgres

import (
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail/internal/sqlstore"
	"github.com/claimtrail/claimtrail/text"
)

// PostgreSQL's bounds on a tsvector: positions run to 16383, a lexeme keeps
// at most 256 positions and 2047 bytes, and all lexemes together 1 MiB.
const (
	maxPos       = 16383
	maxPositions = 256
	maxLexeme    = 2047
	maxLexemes   = 1 << 19 // bytes of lexemes kept, well under the 1 MiB
)

// tsvector is the search vector of s as a tsvector literal: the words of
// its folded form (text.SearchFold) at their positions, then the words
// that lose a proclitic, after a gap, so that a phrase matches within the
// text or within those words but never across, as in the SQLite store's
// two FTS5 columns. PostgreSQL does not parse or stem these words; the
// literal is taken as it is.
func tsvector(s string) string {
	body, stems := text.SearchFold(s)
	pos := map[string][]int{}
	var order []string
	size := 0
	add := func(w string, p int) {
		if len(w) > maxLexeme {
			return
		}
		ps, ok := pos[w]
		if !ok {
			if size+len(w) > maxLexemes {
				return
			}
			size += len(w)
			order = append(order, w)
		}
		if len(ps) < maxPositions {
			pos[w] = append(ps, min(p, maxPos))
		}
	}
	ws := text.SearchWords(body)
	for i, w := range ws {
		add(w, i+1)
	}
	for i, w := range text.SearchWords(stems) {
		add(w, len(ws)+2+i)
	}
	var b strings.Builder
	for i, w := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(quoteLexeme(w))
		b.WriteByte(':')
		for j, p := range pos[w] {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
		}
	}
	return b.String()
}

// quoteLexeme quotes a word for a tsvector or tsquery literal. Search
// words hold only letters, digits and marks; the escapes are a guard.
func quoteLexeme(w string) string {
	if strings.ContainsAny(w, `'\`) {
		w = lexemeEscaper.Replace(w)
	}
	return "'" + w + "'"
}

var lexemeEscaper = strings.NewReplacer(`\`, `\\`, `'`, `''`)

// TSQuery turns what a person typed into a tsquery over folded text, with
// the meaning the SQLite store gives it: every term must match (&), quoted
// words match as a phrase (<->), a word ending in * as a prefix (:*), and a
// word with a leading proclitic also without it (|). Nothing typed is
// read as tsquery syntax. It returns "" when nothing is left to look for.
func TSQuery(q string) string {
	var out []string
	for _, t := range text.ParseQuery(q) {
		ws := make([]string, len(t.Words))
		for i, w := range t.Words {
			ws[i] = quoteLexeme(w)
		}
		phrase := strings.Join(ws, " <-> ")
		switch {
		case t.Prefix:
			out = append(out, phrase+":*")
		case t.Alt != "":
			out = append(out, "("+phrase+" | "+quoteLexeme(t.Alt)+")")
		case len(ws) > 1:
			out = append(out, "("+phrase+")")
		default:
			out = append(out, phrase)
		}
	}
	return strings.Join(out, " & ")
}

// Ranks are negated ts_rank, so that lower is better as in the SQLite
// store (whose bm25 scores are negative too), with the rank divided by the
// log of the text's length (normalisation 1), which orders hits of one kind
// much as bm25 does; across kinds the two scales differ.
var fullText = sqlstore.FullText{
	Query: TSQuery,
	Claims: `SELECT c.rid, -ts_rank(c.tsv, q, 1) AS rank
		FROM claims c JOIN articles a ON a.latest_version = c.version_id, CAST($1 AS tsquery) q
		WHERE c.tsv @@ q ORDER BY rank, c.rid LIMIT $2`,
	Sources: `SELECT s.id, -ts_rank(s.tsv, q, 1) AS rank FROM sources s, CAST($1 AS tsquery) q
		WHERE s.tsv @@ q ORDER BY rank, s.id LIMIT $2`,
	Articles: `SELECT ` + sqlstore.ArticleRefCols + `, -ts_rank(v.tsv, q, 1) AS rank, v.text
		FROM versions v JOIN articles a ON a.latest_version = v.id
		LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN stories st ON st.id = a.story_id, CAST($1 AS tsquery) q
		WHERE v.tsv @@ q ORDER BY rank, v.seq LIMIT $2`,
}

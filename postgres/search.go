package postgres

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// defaultHits is the number of hits when SearchOptions.Limit is zero.
const defaultHits = 50

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

// Search finds claims, sources and articles matching query.
func (db *DB) Search(ctx context.Context, query string, opts claimtrail.SearchOptions) ([]claimtrail.Hit, error) {
	terms := text.ParseQuery(query)
	tq := TSQuery(query)
	if tq == "" {
		return nil, fmt.Errorf("search: %w: %q has no word to look for", claimtrail.ErrInvalidInput, query)
	}
	n := opts.Limit
	if n <= 0 {
		n = defaultHits
	}
	want := func(k claimtrail.HitKind) bool { return len(opts.Kinds) == 0 || slices.Contains(opts.Kinds, k) }
	var hits []claimtrail.Hit
	err := db.read(ctx, func(tx pgx.Tx) error {
		hits = hits[:0]
		if want(claimtrail.HitClaim) {
			h, err := searchClaims(ctx, tx, tq, n)
			if err != nil {
				return err
			}
			hits = append(hits, h...)
		}
		if want(claimtrail.HitSource) {
			h, err := searchSources(ctx, tx, tq, n)
			if err != nil {
				return err
			}
			hits = append(hits, h...)
		}
		if want(claimtrail.HitArticle) {
			h, err := searchArticles(ctx, tx, tq, terms, n)
			if err != nil {
				return err
			}
			hits = append(hits, h...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return text.FinishHits(hits, terms, n), nil
}

// Ranks are negated ts_rank, so that lower is better as in the SQLite
// store (whose bm25 scores are negative too), with the rank divided by the
// log of the text's length (normalisation 1), which orders hits of one kind
// much as bm25 does; across kinds the two scales differ.

func searchClaims(ctx context.Context, tx pgx.Tx, tq string, n int) ([]claimtrail.Hit, error) {
	rows, err := tx.Query(ctx, `SELECT c.rid, -ts_rank(c.tsv, q, 1) AS rank
		FROM claims c JOIN articles a ON a.latest_version = c.version_id, CAST($1 AS tsquery) q
		WHERE c.tsv @@ q ORDER BY rank, c.rid LIMIT $2`, tq, n)
	if err != nil {
		return nil, err
	}
	type hit struct {
		rid  int64
		rank float64
	}
	hs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (hit, error) {
		var h hit
		return h, r.Scan(&h.rid, &h.rank)
	})
	if err != nil || len(hs) == 0 {
		return nil, err
	}
	rids := make([]int64, len(hs))
	for i, h := range hs {
		rids[i] = h.rid
	}
	crs, err := selectClaims(ctx, tx, `WHERE c.rid = ANY($1)`, []any{rids})
	if err != nil {
		return nil, err
	}
	byRID := map[int64]*claimRow{}
	for i := range crs {
		byRID[crs[i].rid] = &crs[i]
	}
	var out []claimtrail.Hit
	for _, h := range hs {
		cr, ok := byRID[h.rid]
		if !ok {
			continue
		}
		c, ref := cr.Claim, cr.Article
		out = append(out, claimtrail.Hit{Kind: claimtrail.HitClaim, Text: c.Content.Text, Claim: &c, Article: &ref, Rank: h.rank})
	}
	return out, nil
}

func searchSources(ctx context.Context, tx pgx.Tx, tq string, n int) ([]claimtrail.Hit, error) {
	rows, err := tx.Query(ctx, `SELECT s.id, -ts_rank(s.tsv, q, 1) AS rank FROM sources s, CAST($1 AS tsquery) q
		WHERE s.tsv @@ q ORDER BY rank, s.id LIMIT $2`, tq, n)
	if err != nil {
		return nil, err
	}
	type hit struct {
		id   string
		rank float64
	}
	hs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (hit, error) {
		var h hit
		return h, r.Scan(&h.id, &h.rank)
	})
	if err != nil {
		return nil, err
	}
	var out []claimtrail.Hit
	for _, h := range hs {
		s, err := loadSource(ctx, tx, h.id)
		if err != nil {
			return nil, err
		}
		out = append(out, claimtrail.Hit{Kind: claimtrail.HitSource, Text: s.Name, Source: s, Rank: h.rank})
	}
	return out, nil
}

func searchArticles(ctx context.Context, tx pgx.Tx, tq string, terms []text.QueryTerm, n int) ([]claimtrail.Hit, error) {
	rows, err := tx.Query(ctx, `SELECT v.id, v.article_id, a.key, v.number, v.url, coalesce(o.name, ''), coalesce(st.name, ''),
		v.title, v.published, v.captured, -ts_rank(v.tsv, q, 1) AS rank, v.text
		FROM versions v JOIN articles a ON a.latest_version = v.id
		LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN stories st ON st.id = a.story_id, CAST($1 AS tsquery) q
		WHERE v.tsv @@ q ORDER BY rank, v.seq LIMIT $2`, tq, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []claimtrail.Hit
	for rows.Next() {
		var r claimtrail.ArticleRef
		var published, captured *timeT
		var body string
		h := claimtrail.Hit{Kind: claimtrail.HitArticle}
		if err := rows.Scan(&r.VersionID, &r.ID, &r.Key, &r.Version, &r.URL, &r.Outlet, &r.Story, &r.Title,
			&published, &captured, &h.Rank, &body); err != nil {
			return nil, err
		}
		r.Published, r.Captured = utc(published), utc(captured)
		h.Snippet = text.Snippet(body, terms)
		h.Text, h.Article = r.Title, &r
		out = append(out, h)
	}
	return out, rows.Err()
}

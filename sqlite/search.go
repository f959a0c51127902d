package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// defaultHits is the number of hits when SearchOptions.Limit is zero.
const defaultHits = 50

// term is one thing a query looks for (text.ParseQuery), shared with
// every other store so that a query means the same in each.
type term = text.QueryTerm

// parseQuery splits what a person typed into terms.
func parseQuery(q string) []term { return text.ParseQuery(q) }

// FTSQuery turns what a person typed into an FTS5 query over folded text:
// every word must match (AND), "quoted words" match as a phrase, a word
// ending in * matches as a prefix, and a word with a leading proclitic
// (وقال) also matches without it. Words are folded with text.Key and then
// quoted, so nothing typed is ever read as FTS5 syntax (OR, NOT, NEAR,
// column filters, parentheses). It returns "" when nothing is left to
// look for.
func FTSQuery(q string) string {
	var out []string
	for _, t := range parseQuery(q) {
		quoted := `"` + strings.Join(t.Words, " ") + `"`
		switch {
		case t.Prefix:
			out = append(out, quoted+"*")
		case t.Alt != "":
			out = append(out, "("+quoted+` OR "`+t.Alt+`")`)
		default:
			out = append(out, quoted)
		}
	}
	return strings.Join(out, " AND ")
}

// snippet shows the first match of terms in s as written (text.Snippet).

// Search finds claims, sources and articles matching query.
func (db *DB) Search(ctx context.Context, query string, opts claimtrail.SearchOptions) ([]claimtrail.Hit, error) {
	terms := parseQuery(query)
	fq := FTSQuery(query)
	if fq == "" {
		return nil, fmt.Errorf("search: %w: %q has no word to look for", claimtrail.ErrInvalidInput, query)
	}
	n := opts.Limit
	if n <= 0 {
		n = defaultHits
	}
	want := func(k claimtrail.HitKind) bool { return len(opts.Kinds) == 0 || slices.Contains(opts.Kinds, k) }
	var hits []claimtrail.Hit
	err := db.read(ctx, func(tx dbtx) error {
		if want(claimtrail.HitClaim) {
			h, err := searchClaims(ctx, tx, fq, n)
			if err != nil {
				return err
			}
			hits = append(hits, h...)
		}
		if want(claimtrail.HitSource) {
			h, err := searchSources(ctx, tx, fq, n)
			if err != nil {
				return err
			}
			hits = append(hits, h...)
		}
		if want(claimtrail.HitArticle) {
			h, err := searchArticles(ctx, tx, fq, terms, n)
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

type ftsRow struct {
	rowid   int64
	rank    float64
	snippet string
}

func ftsRows(ctx context.Context, tx dbtx, q string, args ...any) ([]ftsRow, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ftsRow
	for rows.Next() {
		var r ftsRow
		if err := rows.Scan(&r.rowid, &r.rank, &r.snippet); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func searchClaims(ctx context.Context, tx dbtx, fq string, n int) ([]claimtrail.Hit, error) {
	rs, err := ftsRows(ctx, tx, `SELECT f.rowid, bm25(claims_fts), ''
		FROM claims_fts f JOIN claims c ON c.rowid = f.rowid JOIN articles a ON a.latest_version = c.version_id
		WHERE claims_fts MATCH ? ORDER BY bm25(claims_fts) LIMIT ?`, fq, n)
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	args := make([]any, len(rs))
	for i, r := range rs {
		args[i] = r.rowid
	}
	crs, err := selectClaims(ctx, tx, `WHERE c.rowid IN (`+placeholders(len(rs))+`)`, args)
	if err != nil {
		return nil, err
	}
	byRow := map[int64]*claimRow{}
	for i := range crs {
		byRow[crs[i].rowid] = &crs[i]
	}
	var out []claimtrail.Hit
	for _, r := range rs {
		cr, ok := byRow[r.rowid]
		if !ok {
			continue
		}
		c, ref := cr.Claim, cr.Article
		out = append(out, claimtrail.Hit{Kind: claimtrail.HitClaim, Text: c.Content.Text, Snippet: r.snippet,
			Claim: &c, Article: &ref, Rank: r.rank})
	}
	return out, nil
}

func searchSources(ctx context.Context, tx dbtx, fq string, n int) ([]claimtrail.Hit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, bm25(sources_fts), ''
		FROM sources_fts f JOIN sources s ON s.rowid = f.rowid WHERE sources_fts MATCH ? ORDER BY bm25(sources_fts) LIMIT ?`, fq, n)
	if err != nil {
		return nil, err
	}
	type hit struct {
		id      string
		rank    float64
		snippet string
	}
	var hs []hit
	for rows.Next() {
		var h hit
		if err := rows.Scan(&h.id, &h.rank, &h.snippet); err != nil {
			rows.Close()
			return nil, err
		}
		hs = append(hs, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []claimtrail.Hit
	for _, h := range hs {
		s, err := loadSource(ctx, tx, h.id)
		if err != nil {
			return nil, err
		}
		out = append(out, claimtrail.Hit{Kind: claimtrail.HitSource, Text: s.Name, Snippet: h.snippet, Source: s, Rank: h.rank})
	}
	return out, nil
}

func searchArticles(ctx context.Context, tx dbtx, fq string, terms []term, n int) ([]claimtrail.Hit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT v.id, v.article_id, a.key, v.number, v.url, coalesce(o.name, ''), coalesce(st.name, ''),
		v.title, v.published, v.captured, bm25(versions_fts), v.text
		FROM versions_fts f JOIN versions v ON v.rowid = f.rowid JOIN articles a ON a.latest_version = v.id
		LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN stories st ON st.id = a.story_id
		WHERE versions_fts MATCH ? ORDER BY bm25(versions_fts) LIMIT ?`, fq, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []claimtrail.Hit
	for rows.Next() {
		var r claimtrail.ArticleRef
		var published, captured sql.NullInt64
		h := claimtrail.Hit{Kind: claimtrail.HitArticle}
		if err := rows.Scan(&r.VersionID, &r.ID, &r.Key, &r.Version, &r.URL, &r.Outlet, &r.Story, &r.Title,
			&published, &captured, &h.Rank, &h.Snippet); err != nil {
			return nil, err
		}
		r.Published, r.Captured = fromMicros(published), fromMicros(captured)
		h.Snippet = text.Snippet(h.Snippet, terms)
		h.Text, h.Article = r.Title, &r
		out = append(out, h)
	}
	return out, rows.Err()
}

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// articleRef is what an article reference resolved to: one version, or
// the articles (keys) it names.
type articleRef struct {
	version  string
	articles []int64
}

// resolveArticle finds what ref names: a version id, an article key or
// URL, or an Article.ID.
func resolveArticle(ctx context.Context, q querier, ref string) (articleRef, error) {
	var r articleRef
	if strings.TrimSpace(ref) == "" {
		return r, nil
	}
	var art int64
	err := q.QueryRowContext(ctx, `SELECT article FROM versions WHERE id = ?`, ref).Scan(&art)
	if err == nil {
		return articleRef{version: ref, articles: []int64{art}}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return r, err
	}
	err = q.QueryRowContext(ctx, `SELECT id FROM articles WHERE key = ?`, ref).Scan(&art)
	if err == nil {
		return articleRef{articles: []int64{art}}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return r, err
	}
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT article FROM versions WHERE article_id = ? OR (url = ? AND url != '') ORDER BY article`, ref, ref)
	if err != nil {
		return r, err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(&art); err != nil {
			return r, err
		}
		r.articles = append(r.articles, art)
	}
	return r, rows.Err()
}

const versionCols = `v.id, v.number, v.article_id, v.hash, v.url, v.outlet, v.story, v.lang, v.title, v.byline, v.path, %s,
	v.published, v.captured, v.source_line, v.source_line_start, v.source_line_end, v.credits, v.chrome, v.claim_count,
	a.key, (SELECT count(*) FROM versions v3 WHERE v3.article = a.id)`

func scanVersion(rows interface{ Scan(...any) error }) (claimtrail.StoredArticle, error) {
	var sa claimtrail.StoredArticle
	a := &sa.Article
	var published, captured, slStart, slEnd sql.NullInt64
	var sourceLine, credits, chrome sql.NullString
	if err := rows.Scan(&sa.VersionID, &sa.Version.Number, &a.ID, &a.Hash, &a.URL, &a.Outlet, &a.Story, &a.Lang, &a.Title,
		&a.Byline, &a.Path, &a.Text, &published, &captured, &sourceLine, &slStart, &slEnd, &credits, &chrome, &sa.ClaimCount,
		&sa.Version.Key, &sa.Versions); err != nil {
		return sa, err
	}
	a.Published, a.Captured = fromMicros(published), fromMicros(captured)
	a.SourceLine = fromJSON[string](sourceLine)
	if slStart.Valid && slEnd.Valid {
		a.SourceLineSpan = &claimtrail.Span{Start: int(slStart.Int64), End: int(slEnd.Int64)}
	}
	a.Credits = fromJSON[claimtrail.Credit](credits)
	a.Chrome = fromJSON[claimtrail.Span](chrome)
	sa.Version.ArticleID, sa.Version.Hash, sa.Version.Captured = a.ID, a.Hash, a.Captured
	return sa, nil
}

// Article returns one version with its claims.
func (db *DB) Article(ctx context.Context, ref string) (*claimtrail.StoredArticle, error) {
	var out *claimtrail.StoredArticle
	err := db.read(ctx, func(tx dbtx) error {
		r, err := resolveArticle(ctx, tx, ref)
		if err != nil {
			return err
		}
		var where string
		var arg any
		switch {
		case r.version != "":
			where, arg = "v.id = ?", r.version
		case len(r.articles) == 1:
			where, arg = "v.id = a.latest_version AND a.id = ?", r.articles[0]
		case len(r.articles) == 0:
			return fmt.Errorf("article %q: %w", ref, claimtrail.ErrNotFound)
		default:
			return fmt.Errorf("article %q: %w: it is the id of %d articles; use a URL or a version id", ref, claimtrail.ErrAmbiguous, len(r.articles))
		}
		sa, err := scanVersion(tx.QueryRowContext(ctx, `SELECT `+fmt.Sprintf(versionCols, "v.text")+
			` FROM versions v JOIN articles a ON a.id = v.article WHERE `+where, arg))
		if err != nil {
			return err
		}
		cs, err := queryClaims(ctx, tx, `WHERE c.version_id = ?`, []any{sa.VersionID}, 0)
		if err != nil {
			return err
		}
		for _, c := range cs {
			sa.Claims = append(sa.Claims, c.Claim)
		}
		out = &sa
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("get article: %w", err)
	}
	return out, nil
}

// Articles lists the latest version of each article.
func (db *DB) Articles(ctx context.Context, f claimtrail.ArticleFilter) ([]claimtrail.StoredArticle, error) {
	if err := checkDates(f.Since, f.Until); err != nil {
		return nil, err
	}
	var conds []string
	var args []any
	conds, args = articleConds(conds, args, f.Outlet, f.Story, f.Since, f.Until)
	q := `SELECT ` + fmt.Sprintf(versionCols, "''") + ` FROM articles a JOIN versions v ON v.id = a.latest_version
		LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN stories st ON st.id = a.story_id` + where(conds) +
		` ORDER BY v.date DESC, a.key` + limit(f.Limit)
	var out []claimtrail.StoredArticle
	err := db.read(ctx, func(tx dbtx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			sa, err := scanVersion(rows)
			if err != nil {
				return err
			}
			out = append(out, sa)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// Versions lists the versions of one article, oldest capture first.
func (db *DB) Versions(ctx context.Context, ref string) ([]claimtrail.Version, error) {
	var out []claimtrail.Version
	err := db.read(ctx, func(tx dbtx) error {
		r, err := resolveArticle(ctx, tx, ref)
		if err != nil {
			return err
		}
		switch len(r.articles) {
		case 0:
			return fmt.Errorf("article %q: %w", ref, claimtrail.ErrNotFound)
		case 1:
		default:
			return fmt.Errorf("article %q: %w: it is the id of %d articles; use a URL or a version id", ref, claimtrail.ErrAmbiguous, len(r.articles))
		}
		rows, err := tx.QueryContext(ctx, `SELECT v.article_id, a.key, v.number, v.hash, v.captured
			FROM versions v JOIN articles a ON a.id = v.article WHERE a.id = ? ORDER BY v.number`, r.articles[0])
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var v claimtrail.Version
			var captured sql.NullInt64
			if err := rows.Scan(&v.ArticleID, &v.Key, &v.Number, &v.Hash, &captured); err != nil {
				return err
			}
			v.Captured = fromMicros(captured)
			out = append(out, v)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list versions: %w", err)
	}
	return out, nil
}

// Claims returns the claims that pass the filter.
func (db *DB) Claims(ctx context.Context, f claimtrail.ClaimFilter) ([]claimtrail.StoredClaim, error) {
	if err := checkDates(f.Since, f.Until); err != nil {
		return nil, err
	}
	var out []claimtrail.StoredClaim
	err := db.read(ctx, func(tx dbtx) error {
		var conds []string
		var args []any
		latest := !f.AllVersions
		if f.Article != "" {
			r, err := resolveArticle(ctx, tx, f.Article)
			if err != nil {
				return err
			}
			switch {
			case r.version != "":
				conds, args = append(conds, "v.id = ?"), append(args, r.version)
				latest = false
			case len(r.articles) == 0:
				return nil
			default:
				conds = append(conds, "a.id IN ("+placeholders(len(r.articles))+")")
				for _, id := range r.articles {
					args = append(args, id)
				}
			}
		}
		if latest {
			conds = append(conds, "v.id = a.latest_version")
		}
		conds, args = articleConds(conds, args, f.Outlet, f.Story, f.Since, f.Until)
		var src []string
		var srcArgs []any
		if f.Source != "" {
			ids, err := sourceIDs(ctx, tx, f.Source)
			if err != nil {
				return err
			}
			k := text.Key(f.Source)
			src = append(src, "m.mention_key = ?", "m.name_key = ?")
			srcArgs = append(srcArgs, k, k)
			if len(ids) > 0 {
				src = append(src, "m.source_id IN ("+placeholders(len(ids))+")")
				for _, id := range ids {
					srcArgs = append(srcArgs, id)
				}
			}
		}
		var m []string
		if len(src) > 0 {
			m = append(m, "("+strings.Join(src, " OR ")+")")
		}
		if f.Kind != "" {
			m, srcArgs = append(m, "m.kind = ?"), append(srcArgs, f.Kind)
		}
		if f.Anonymous != nil {
			m, srcArgs = append(m, "m.anonymous = ?"), append(srcArgs, *f.Anonymous)
		}
		if len(m) > 0 {
			// driven from the mentions, whose keys and source ids are
			// indexed: a correlated EXISTS would visit every claim
			conds = append(conds, `(c.version_id, c.seq) IN (SELECT m.version_id, m.claim_seq FROM mentions m
				WHERE m.slot = 0 AND `+strings.Join(m, " AND ")+")")
			args = append(args, srcArgs...)
		}
		if f.Stance != "" {
			conds, args = append(conds, "c.stance = ?"), append(args, f.Stance)
		}
		if f.Type != "" {
			conds, args = append(conds, "c.type = ?"), append(args, f.Type)
		}
		var err error
		out, err = queryClaims(ctx, tx, where(conds), args, f.Limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("query claims: %w", err)
	}
	return out, nil
}

func checkDates(since, until time.Time) error {
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		return fmt.Errorf("%w: until (%s) is before since (%s)", claimtrail.ErrInvalidInput,
			until.Format(time.RFC3339), since.Format(time.RFC3339))
	}
	return nil
}

// articleConds adds the filters on the article (a, v, o, st) to conds.
func articleConds(conds []string, args []any, outlet, story string, since, until time.Time) ([]string, []any) {
	if outlet != "" {
		conds = append(conds, "a.outlet_id = (SELECT id FROM outlets WHERE key = ?)")
		args = append(args, text.Key(outlet))
	}
	if story != "" {
		conds = append(conds, "a.story_id = (SELECT id FROM stories WHERE key = ?)")
		args = append(args, text.Key(story))
	}
	if !since.IsZero() {
		conds, args = append(conds, "v.date >= ?"), append(args, since.UnixMicro())
	}
	if !until.IsZero() {
		conds, args = append(conds, "v.date < ?"), append(args, until.UnixMicro())
	}
	return conds, args
}

func where(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

func limit(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" LIMIT %d", n)
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

const claimCols = `c.rowid, c.version_id, c.seq, c.id, c.article_id, c.type, c.cue_text, c.cue_lemma, c.cue_class, c.stance,
	c.negated, c.cue_start, c.cue_end, c.content, c.content_start, c.content_end, c.paragraph, c.sentence, c.nested_in,
	c.implicit, v.article_id, a.key, v.number, v.url, coalesce(o.name, ''), coalesce(st.name, ''), v.title, v.published, v.captured`

const claimFrom = ` FROM claims c JOIN versions v ON v.id = c.version_id JOIN articles a ON a.id = v.article
	LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN stories st ON st.id = a.story_id `

// selectClaims runs SELECT claimCols claimFrom tail and fills in the
// claims' mentions.
func selectClaims(ctx context.Context, tx dbtx, tail string, args []any) ([]claimRow, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+claimCols+claimFrom+tail, args...)
	if err != nil {
		return nil, err
	}
	crs, err := scanClaims(rows)
	if err != nil {
		return nil, err
	}
	if err := fillMentions(ctx, tx, crs); err != nil {
		return nil, err
	}
	return crs, nil
}

// queryClaims runs a claim query and fills in the mentions.
func queryClaims(ctx context.Context, tx dbtx, whereClause string, args []any, n int) ([]claimtrail.StoredClaim, error) {
	crs, err := selectClaims(ctx, tx, whereClause+` ORDER BY v.date DESC, a.key, v.number, c.seq`+limit(n), args)
	if err != nil {
		return nil, err
	}
	out := make([]claimtrail.StoredClaim, len(crs))
	for i, cr := range crs {
		out[i] = cr.StoredClaim
	}
	return out, nil
}

// claimRow is a claim as read, with where it sits in the tables.
type claimRow struct {
	claimtrail.StoredClaim
	seq   int
	rowid int64
}

func scanClaims(rows *sql.Rows) ([]claimRow, error) {
	defer rows.Close()
	var out []claimRow
	for rows.Next() {
		var cr claimRow
		c, r := &cr.Claim, &cr.Article
		var published, captured sql.NullInt64
		if err := rows.Scan(&cr.rowid, &r.VersionID, &cr.seq, &c.ID, &c.ArticleID, &c.Type, &c.Cue.Text, &c.Cue.Lemma, &c.Cue.Class,
			&c.Cue.Stance, &c.Cue.Negated, &c.Cue.Span.Start, &c.Cue.Span.End, &c.Content.Text, &c.Content.Span.Start,
			&c.Content.Span.End, &c.Paragraph, &c.Sentence, &c.NestedIn, &c.Implicit, &r.ID, &r.Key, &r.Version, &r.URL,
			&r.Outlet, &r.Story, &r.Title, &published, &captured); err != nil {
			return nil, err
		}
		r.Published, r.Captured = fromMicros(published), fromMicros(captured)
		out = append(out, cr)
	}
	return out, rows.Err()
}

// fillMentions reads the source and reporters of each claim, one query per
// version.
func fillMentions(ctx context.Context, tx dbtx, crs []claimRow) error {
	byVersion := map[string]map[int]int{} // version -> seq -> index in crs
	var order []string
	for i, cr := range crs {
		m, ok := byVersion[cr.Article.VersionID]
		if !ok {
			m = map[int]int{}
			byVersion[cr.Article.VersionID] = m
			order = append(order, cr.Article.VersionID)
		}
		m[cr.seq] = i
	}
	for _, vid := range order {
		seqs := byVersion[vid]
		rows, err := tx.QueryContext(ctx, `SELECT claim_seq, slot, mention, name, kind, anonymous, role, resolved_from, aliases,
			coalesce(source_id, ''), span_start, span_end, role_start, role_end FROM mentions WHERE version_id = ? ORDER BY claim_seq, slot`, vid)
		if err != nil {
			return err
		}
		for rows.Next() {
			var seq, slot int
			var m claimtrail.Mention
			var aliases sql.NullString
			var rs, re sql.NullInt64
			if err := rows.Scan(&seq, &slot, &m.Mention, &m.Name, &m.Kind, &m.Anonymous, &m.Role, &m.ResolvedFrom, &aliases,
				&m.SourceID, &m.Span.Start, &m.Span.End, &rs, &re); err != nil {
				rows.Close()
				return err
			}
			i, ok := seqs[seq]
			if !ok {
				continue
			}
			m.Aliases = fromJSON[string](aliases)
			if rs.Valid && re.Valid {
				m.RoleSpan = &claimtrail.Span{Start: int(rs.Int64), End: int(re.Int64)}
			}
			c := &crs[i].Claim
			if slot == 0 {
				c.Source = m
			} else {
				c.Via = append(c.Via, m)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

type timeT = time.Time

// params numbers the arguments of a query as it is built.
type params struct{ args []any }

func (p *params) add(v any) string {
	p.args = append(p.args, v)
	return "$" + strconv.Itoa(len(p.args))
}

// articleRef is what an article reference resolved to: one version, or
// the articles (keys) it names.
type articleRef struct {
	version  string
	articles []int64
}

// resolveArticle finds what ref names: a version id, an article key or
// URL, or an Article.ID.
func resolveArticle(ctx context.Context, tx pgx.Tx, ref string) (articleRef, error) {
	var r articleRef
	if strings.TrimSpace(ref) == "" || strings.ContainsRune(ref, 0) {
		return r, nil
	}
	var art int64
	err := tx.QueryRow(ctx, `SELECT article FROM versions WHERE id = $1`, ref).Scan(&art)
	if err == nil {
		return articleRef{version: ref, articles: []int64{art}}, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return r, err
	}
	err = tx.QueryRow(ctx, `SELECT id FROM articles WHERE key = $1`, ref).Scan(&art)
	if err == nil {
		return articleRef{articles: []int64{art}}, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return r, err
	}
	rows, err := tx.Query(ctx, `SELECT DISTINCT article FROM versions WHERE article_id = $1 OR (url = $1 AND url <> '') ORDER BY article`, ref)
	if err != nil {
		return r, err
	}
	r.articles, err = pgx.CollectRows(rows, pgx.RowTo[int64])
	return r, err
}

const versionCols = `v.id, v.number, v.article_id, v.hash, v.url, v.outlet, v.story, v.lang, v.title, v.byline, v.path, %s,
	v.published, v.captured, v.source_line, v.source_line_start, v.source_line_end, v.credits::text, v.chrome::text, v.claim_count,
	a.key, (SELECT count(*) FROM versions v3 WHERE v3.article = a.id)`

func scanVersion(row pgx.Row) (claimtrail.StoredArticle, error) {
	var sa claimtrail.StoredArticle
	a := &sa.Article
	var published, captured *time.Time
	var slStart, slEnd *int
	var credits, chrome *string
	if err := row.Scan(&sa.VersionID, &sa.Version.Number, &a.ID, &a.Hash, &a.URL, &a.Outlet, &a.Story, &a.Lang, &a.Title,
		&a.Byline, &a.Path, &a.Text, &published, &captured, &a.SourceLine, &slStart, &slEnd, &credits, &chrome, &sa.ClaimCount,
		&sa.Version.Key, &sa.Versions); err != nil {
		return sa, err
	}
	a.Published, a.Captured = utc(published), utc(captured)
	if slStart != nil && slEnd != nil {
		a.SourceLineSpan = &claimtrail.Span{Start: *slStart, End: *slEnd}
	}
	a.Credits = fromJSON[claimtrail.Credit](credits)
	a.Chrome = fromJSON[claimtrail.Span](chrome)
	sa.Version.ArticleID, sa.Version.Hash, sa.Version.Captured = a.ID, a.Hash, a.Captured
	return sa, nil
}

// Article returns one version with its claims.
func (db *DB) Article(ctx context.Context, ref string) (*claimtrail.StoredArticle, error) {
	var out *claimtrail.StoredArticle
	err := db.read(ctx, func(tx pgx.Tx) error {
		r, err := resolveArticle(ctx, tx, ref)
		if err != nil {
			return err
		}
		var where string
		var arg any
		switch {
		case r.version != "":
			where, arg = "v.id = $1", r.version
		case len(r.articles) == 1:
			where, arg = "v.id = a.latest_version AND a.id = $1", r.articles[0]
		case len(r.articles) == 0:
			return fmt.Errorf("article %q: %w", ref, claimtrail.ErrNotFound)
		default:
			return fmt.Errorf("article %q: %w: it is the id of %d articles; use a URL or a version id", ref, claimtrail.ErrAmbiguous, len(r.articles))
		}
		sa, err := scanVersion(tx.QueryRow(ctx, `SELECT `+fmt.Sprintf(versionCols, "v.text")+
			` FROM versions v JOIN articles a ON a.id = v.article WHERE `+where, arg))
		if err != nil {
			return err
		}
		cs, err := queryClaims(ctx, tx, `WHERE c.version_id = $1`, []any{sa.VersionID}, 0)
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
	var p params
	conds := articleConds(nil, &p, f.Outlet, f.Story, f.Since, f.Until)
	q := `SELECT ` + fmt.Sprintf(versionCols, "''") + ` FROM articles a JOIN versions v ON v.id = a.latest_version` + where(conds) +
		` ORDER BY v.date DESC NULLS LAST, a.key` + limit(f.Limit)
	var out []claimtrail.StoredArticle
	err := db.read(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, q, p.args...)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (claimtrail.StoredArticle, error) { return scanVersion(r) })
		out = nilIfEmpty(out) // as the SQLite store gives it
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// Versions lists the versions of one article, oldest capture first.
func (db *DB) Versions(ctx context.Context, ref string) ([]claimtrail.Version, error) {
	var out []claimtrail.Version
	err := db.read(ctx, func(tx pgx.Tx) error {
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
		rows, err := tx.Query(ctx, `SELECT v.article_id, a.key, v.number, v.hash, v.captured
			FROM versions v JOIN articles a ON a.id = v.article WHERE a.id = $1 ORDER BY v.number`, r.articles[0])
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (claimtrail.Version, error) {
			var v claimtrail.Version
			var captured *time.Time
			err := row.Scan(&v.ArticleID, &v.Key, &v.Number, &v.Hash, &captured)
			v.Captured = utc(captured)
			return v, err
		})
		return err
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
	err := db.read(ctx, func(tx pgx.Tx) error {
		var conds []string
		var p params
		latest := !f.AllVersions
		if f.Article != "" {
			r, err := resolveArticle(ctx, tx, f.Article)
			if err != nil {
				return err
			}
			switch {
			case r.version != "":
				conds = append(conds, "v.id = "+p.add(r.version))
				latest = false
			case len(r.articles) == 0:
				out = nil
				return nil
			default:
				conds = append(conds, "a.id = ANY("+p.add(r.articles)+")")
			}
		}
		if latest {
			conds = append(conds, "v.id = a.latest_version")
		}
		conds = articleConds(conds, &p, f.Outlet, f.Story, f.Since, f.Until)
		var m []string
		if f.Source != "" {
			ids, err := sourceIDs(ctx, tx, f.Source)
			if err != nil {
				return err
			}
			k := p.add(text.Key(f.Source))
			src := []string{"m.mention_key = " + k, "m.name_key = " + k}
			if len(ids) > 0 {
				src = append(src, "m.source_id = ANY("+p.add(ids)+")")
			}
			m = append(m, "("+strings.Join(src, " OR ")+")")
		}
		if f.Kind != "" {
			m = append(m, "m.kind = "+p.add(string(f.Kind)))
		}
		if f.Anonymous != nil {
			m = append(m, "m.anonymous = "+p.add(*f.Anonymous))
		}
		if len(m) > 0 {
			conds = append(conds, `EXISTS (SELECT 1 FROM mentions m WHERE m.version_id = c.version_id AND m.claim_seq = c.seq
				AND m.slot = 0 AND `+strings.Join(m, " AND ")+")")
		}
		if f.Stance != "" {
			conds = append(conds, "c.stance = "+p.add(string(f.Stance)))
		}
		if f.Type != "" {
			conds = append(conds, "c.type = "+p.add(string(f.Type)))
		}
		var err error
		out, err = queryClaims(ctx, tx, where(conds), p.args, f.Limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("query claims: %w", err)
	}
	return out, nil
}

// nilIfEmpty gives an empty list as nil, as the SQLite store does, so
// that both encode an empty result alike.
func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

func checkDates(since, until time.Time) error {
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		return fmt.Errorf("%w: until (%s) is before since (%s)", claimtrail.ErrInvalidInput,
			until.Format(time.RFC3339), since.Format(time.RFC3339))
	}
	return nil
}

// articleConds adds the filters on the article (a, v) to conds.
func articleConds(conds []string, p *params, outlet, story string, since, until time.Time) []string {
	if outlet != "" {
		conds = append(conds, "a.outlet_id = (SELECT id FROM outlets WHERE key = "+p.add(text.Key(outlet))+")")
	}
	if story != "" {
		conds = append(conds, "a.story_id = (SELECT id FROM stories WHERE key = "+p.add(text.Key(story))+")")
	}
	if !since.IsZero() {
		conds = append(conds, "v.date >= "+p.add(since))
	}
	if !until.IsZero() {
		conds = append(conds, "v.date < "+p.add(until))
	}
	return conds
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

const claimCols = `c.rid, c.version_id, c.seq, c.id, c.article_id, c.type, c.cue_text, c.cue_lemma, c.cue_class, c.stance,
	c.negated, c.cue_start, c.cue_end, c.content, c.content_start, c.content_end, c.paragraph, c.sentence, c.nested_in,
	c.implicit, v.article_id, a.key, v.number, v.url, coalesce(o.name, ''), coalesce(st.name, ''), v.title, v.published, v.captured`

const claimFrom = ` FROM claims c JOIN versions v ON v.id = c.version_id JOIN articles a ON a.id = v.article
	LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN stories st ON st.id = a.story_id `

// claimRow is a claim as read, with where it sits in the tables.
type claimRow struct {
	claimtrail.StoredClaim
	seq int
	rid int64
}

// selectClaims runs SELECT claimCols claimFrom tail and fills in the
// claims' mentions.
func selectClaims(ctx context.Context, tx pgx.Tx, tail string, args []any) ([]claimRow, error) {
	rows, err := tx.Query(ctx, `SELECT `+claimCols+claimFrom+tail, args...)
	if err != nil {
		return nil, err
	}
	crs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (claimRow, error) {
		var cr claimRow
		c, r := &cr.Claim, &cr.Article
		var published, captured *time.Time
		err := row.Scan(&cr.rid, &r.VersionID, &cr.seq, &c.ID, &c.ArticleID, &c.Type, &c.Cue.Text, &c.Cue.Lemma, &c.Cue.Class,
			&c.Cue.Stance, &c.Cue.Negated, &c.Cue.Span.Start, &c.Cue.Span.End, &c.Content.Text, &c.Content.Span.Start,
			&c.Content.Span.End, &c.Paragraph, &c.Sentence, &c.NestedIn, &c.Implicit, &r.ID, &r.Key, &r.Version, &r.URL,
			&r.Outlet, &r.Story, &r.Title, &published, &captured)
		r.Published, r.Captured = utc(published), utc(captured)
		return cr, err
	})
	if err != nil {
		return nil, err
	}
	if err := fillMentions(ctx, tx, crs); err != nil {
		return nil, err
	}
	return crs, nil
}

// queryClaims runs a claim query and fills in the mentions.
func queryClaims(ctx context.Context, tx pgx.Tx, whereClause string, args []any, n int) ([]claimtrail.StoredClaim, error) {
	crs, err := selectClaims(ctx, tx, whereClause+` ORDER BY v.date DESC NULLS LAST, a.key, v.number, c.seq`+limit(n), args)
	if err != nil {
		return nil, err
	}
	out := make([]claimtrail.StoredClaim, len(crs))
	for i, cr := range crs {
		out[i] = cr.StoredClaim
	}
	return out, nil
}

// fillMentions reads the source and reporters of the claims in one query.
func fillMentions(ctx context.Context, tx pgx.Tx, crs []claimRow) error {
	if len(crs) == 0 {
		return nil
	}
	type at struct {
		vid string
		seq int
	}
	idx := map[at]int{}
	var vids []string
	seen := map[string]bool{}
	for i, cr := range crs {
		idx[at{cr.Article.VersionID, cr.seq}] = i
		if !seen[cr.Article.VersionID] {
			seen[cr.Article.VersionID] = true
			vids = append(vids, cr.Article.VersionID)
		}
	}
	rows, err := tx.Query(ctx, `SELECT version_id, claim_seq, slot, mention, name, kind, anonymous, role, resolved_from, aliases,
		coalesce(source_id, ''), span_start, span_end, role_start, role_end FROM mentions WHERE version_id = ANY($1)
		ORDER BY version_id, claim_seq, slot`, vids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var vid string
		var seq, slot int
		var m claimtrail.Mention
		var rs, re *int
		if err := rows.Scan(&vid, &seq, &slot, &m.Mention, &m.Name, &m.Kind, &m.Anonymous, &m.Role, &m.ResolvedFrom, &m.Aliases,
			&m.SourceID, &m.Span.Start, &m.Span.End, &rs, &re); err != nil {
			return err
		}
		i, ok := idx[at{vid, seq}]
		if !ok {
			continue
		}
		if rs != nil && re != nil {
			m.RoleSpan = &claimtrail.Span{Start: *rs, End: *re}
		}
		c := &crs[i].Claim
		if slot == 0 {
			c.Source = m
		} else {
			c.Via = append(c.Via, m)
		}
	}
	return rows.Err()
}

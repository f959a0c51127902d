package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// Store is the part of claimtrail.Store the SQL backends share: every
// method but Save and Close, and Redirects and AddRedirects for export
// and import. A backend embeds it, so that those methods are its own; it
// has no other exported methods or fields for that reason.
type Store struct {
	d     *Dialect
	read  func(ctx context.Context, fn func(q Querier) error) error
	write func(ctx context.Context, fn func(w Writer) error) error
}

// New returns the shared methods of a store in dialect d. read runs fn in
// a read transaction, one snapshot for all its queries, and write in a
// write transaction that it commits; either may run fn again after a
// transient failure.
func New(d *Dialect, read func(ctx context.Context, fn func(q Querier) error) error,
	write func(ctx context.Context, fn func(w Writer) error) error) *Store {
	return &Store{d: d, read: read, write: write}
}

// articleRef is what an article reference resolved to: one version, or
// the articles (keys) it names.
type articleRef struct {
	version  string
	articles []int64
}

// resolveArticle finds what ref names: a version id, an article key or
// URL, or an Article.ID.
func (d *Dialect) resolveArticle(ctx context.Context, q Querier, ref string) (articleRef, error) {
	var r articleRef
	if strings.TrimSpace(ref) == "" || d.NoNUL && strings.ContainsRune(ref, 0) {
		return r, nil
	}
	var art int64
	err := q.QueryRow(ctx, d.sql(`SELECT article FROM versions WHERE id = ?`), ref).Scan(&art)
	if err == nil {
		return articleRef{version: ref, articles: []int64{art}}, nil
	}
	if !errors.Is(err, ErrNoRows) {
		return r, err
	}
	err = q.QueryRow(ctx, d.sql(`SELECT id FROM articles WHERE key = ?`), ref).Scan(&art)
	if err == nil {
		return articleRef{articles: []int64{art}}, nil
	}
	if !errors.Is(err, ErrNoRows) {
		return r, err
	}
	r.articles, err = queryAll(ctx, q, func(row Row) (id int64, err error) { err = row.Scan(&id); return },
		d.sql(`SELECT DISTINCT article FROM versions WHERE article_id = ? OR (url = ? AND url <> '') ORDER BY article`), ref, ref)
	return r, err
}

// one is the single article r names, or the error that says why not.
func (r articleRef) one(ref string) (int64, error) {
	switch len(r.articles) {
	case 0:
		return 0, fmt.Errorf("article %q: %w", ref, claimtrail.ErrNotFound)
	case 1:
		return r.articles[0], nil
	}
	return 0, fmt.Errorf("article %q: %w: it is the id of %d articles; use a URL or a version id", ref, claimtrail.ErrAmbiguous, len(r.articles))
}

// Article returns one version with its claims.
func (s *Store) Article(ctx context.Context, ref string) (*claimtrail.StoredArticle, error) {
	var out *claimtrail.StoredArticle
	err := s.read(ctx, func(q Querier) error {
		r, err := s.d.resolveArticle(ctx, q, ref)
		if err != nil {
			return err
		}
		var where string
		var arg any
		if r.version != "" {
			where, arg = "v.id = ?", r.version
		} else {
			if arg, err = r.one(ref); err != nil {
				return err
			}
			where = "v.id = a.latest_version AND a.id = ?"
		}
		sa, err := scanVersion(q.QueryRow(ctx, s.d.sql(`SELECT `+s.d.versionCols("v.text")+
			` FROM versions v JOIN articles a ON a.id = v.article WHERE `+where), arg))
		if err != nil {
			return err
		}
		cs, err := s.d.queryClaims(ctx, q, `WHERE c.version_id = ?`, []any{sa.VersionID}, 0)
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
func (s *Store) Articles(ctx context.Context, f claimtrail.ArticleFilter) ([]claimtrail.StoredArticle, error) {
	if err := checkDates(f.Since, f.Until); err != nil {
		return nil, err
	}
	var c conds
	s.d.articleConds(&c, f.Outlet, f.Story, f.Since, f.Until)
	query := s.d.sql(`SELECT ` + s.d.versionCols("''") + ` FROM articles a JOIN versions v ON v.id = a.latest_version` + c.where() +
		` ORDER BY v.date DESC` + s.d.NullsLast + `, a.key` + limit(f.Limit))
	var out []claimtrail.StoredArticle
	err := s.read(ctx, func(q Querier) (err error) {
		out, err = queryAll(ctx, q, scanVersion, query, c.args...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// Versions lists the versions of one article, oldest capture first.
func (s *Store) Versions(ctx context.Context, ref string) ([]claimtrail.Version, error) {
	var out []claimtrail.Version
	err := s.read(ctx, func(q Querier) error {
		r, err := s.d.resolveArticle(ctx, q, ref)
		if err != nil {
			return err
		}
		art, err := r.one(ref)
		if err != nil {
			return err
		}
		out, err = queryAll(ctx, q, scanVersionRef, s.d.sql(`SELECT v.article_id, a.key, v.number, v.hash, v.captured
			FROM versions v JOIN articles a ON a.id = v.article WHERE a.id = ? ORDER BY v.number`), art)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list versions: %w", err)
	}
	return out, nil
}

// Claims returns the claims that pass the filter.
func (s *Store) Claims(ctx context.Context, f claimtrail.ClaimFilter) ([]claimtrail.StoredClaim, error) {
	if err := checkDates(f.Since, f.Until); err != nil {
		return nil, err
	}
	var out []claimtrail.StoredClaim
	err := s.read(ctx, func(q Querier) error {
		out = nil
		var c conds
		latest := !f.AllVersions
		if f.Article != "" {
			r, err := s.d.resolveArticle(ctx, q, f.Article)
			if err != nil {
				return err
			}
			switch {
			case r.version != "":
				c.add("v.id = ?", r.version)
				latest = false
			case len(r.articles) == 0:
				return nil
			default:
				c.addIn(inList(s.d, "a.id", r.articles))
			}
		}
		if latest {
			c.add("v.id = a.latest_version")
		}
		s.d.articleConds(&c, f.Outlet, f.Story, f.Since, f.Until)
		var m conds
		if f.Source != "" {
			ids, err := s.d.sourceIDs(ctx, q, f.Source)
			if err != nil {
				return err
			}
			k := text.Key(f.Source)
			src := conds{list: []string{"m.mention_key = ?", "m.name_key = ?"}, args: []any{k, k}}
			if len(ids) > 0 {
				src.addIn(inList(s.d, "m.source_id", ids))
			}
			m.add("("+strings.Join(src.list, " OR ")+")", src.args...)
		}
		if f.Kind != "" {
			m.add("m.kind = ?", string(f.Kind))
		}
		if f.Anonymous != nil {
			m.add("m.anonymous = ?", *f.Anonymous)
		}
		if len(m.list) > 0 {
			c.add(fmt.Sprintf(s.d.ClaimMentions, strings.Join(m.list, " AND ")), m.args...)
		}
		if f.Stance != "" {
			c.add("c.stance = ?", string(f.Stance))
		}
		if f.Type != "" {
			c.add("c.type = ?", string(f.Type))
		}
		var err error
		out, err = s.d.queryClaims(ctx, q, c.where(), c.args, f.Limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("query claims: %w", err)
	}
	return out, nil
}

// checkDates rejects a filter whose Until is before its Since.
func checkDates(since, until time.Time) error {
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		return fmt.Errorf("%w: until (%s) is before since (%s)", claimtrail.ErrInvalidInput,
			until.Format(time.RFC3339), since.Format(time.RFC3339))
	}
	return nil
}

// articleConds adds the filters on the article (a, v) to c.
func (d *Dialect) articleConds(c *conds, outlet, story string, since, until time.Time) {
	if outlet != "" {
		c.add("a.outlet_id = (SELECT id FROM outlets WHERE key = ?)", text.Key(outlet))
	}
	if story != "" {
		c.add("a.story_id = (SELECT id FROM stories WHERE key = ?)", text.Key(story))
	}
	if !since.IsZero() {
		c.add("v.date >= ?", d.Time(since))
	}
	if !until.IsZero() {
		c.add("v.date < ?", d.Time(until))
	}
}

// selectClaims runs SELECT claimCols claimFrom tail and fills in the
// claims' mentions.
func (d *Dialect) selectClaims(ctx context.Context, q Querier, tail string, args []any) ([]claimRow, error) {
	crs, err := queryAll(ctx, q, newClaimScanner().scan, d.sql(`SELECT `+d.claimCols()+claimFrom+tail), args...)
	if err != nil {
		return nil, err
	}
	if err := d.fillMentions(ctx, q, crs); err != nil {
		return nil, err
	}
	return crs, nil
}

// queryClaims runs a claim query and fills in the mentions.
func (d *Dialect) queryClaims(ctx context.Context, q Querier, where string, args []any, n int) ([]claimtrail.StoredClaim, error) {
	crs, err := d.selectClaims(ctx, q, where+` ORDER BY v.date DESC`+d.NullsLast+`, a.key, v.number, c.seq`+limit(n), args)
	if err != nil {
		return nil, err
	}
	// Not nil when empty: Claims has always given [] for a query that
	// ran and found nothing, and nil only for an article that is not
	// stored.
	out := make([]claimtrail.StoredClaim, len(crs))
	for i, cr := range crs {
		out[i] = cr.StoredClaim
	}
	return out, nil
}

// fillMentions reads the source and reporters of the claims: in one
// query where a list is one parameter, else one query per version, which
// keeps a large result within SQLite's bound on parameters.
func (d *Dialect) fillMentions(ctx context.Context, q Querier, crs []claimRow) error {
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
	s := newMentionScanner()
	read := func(query string, args ...any) error {
		rows, err := q.Query(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			mr, err := s.scan(rows)
			if err != nil {
				return err
			}
			i, ok := idx[at{mr.vid, mr.seq}]
			if !ok {
				continue
			}
			c := &crs[i].Claim
			if mr.slot == 0 {
				c.Source = mr.m
			} else {
				c.Via = append(c.Via, mr.m)
			}
		}
		return rows.Err()
	}
	query := func(in string) string {
		return d.sql(`SELECT ` + d.mentionCols() + ` FROM mentions WHERE ` + in + ` ORDER BY version_id, claim_seq, slot`)
	}
	if len(vids) == 0 {
		return nil
	}
	if d.Numbered {
		in, args := inList(d, "version_id", vids)
		return read(query(in), args...)
	}
	one := query("version_id = ?")
	for _, vid := range vids {
		if err := read(one, vid); err != nil {
			return err
		}
	}
	return nil
}

package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/sqlstore"
	"github.com/claimtrail/claimtrail/text"
)

// Save stores the records in one transaction: each whole, or none.
func (db *DB) Save(ctx context.Context, records []claimtrail.Record) ([]claimtrail.Saved, error) {
	if err := sqlstore.CheckRecords(records, (*claimtrail.Record).Check); err != nil {
		return nil, fmt.Errorf("save: %w", err)
	}
	var out []claimtrail.Saved
	err := db.write(ctx, func(tx dbtx) error {
		out = out[:0]
		for i := range records {
			s, err := saveOne(ctx, tx, &records[i])
			if err != nil {
				return fmt.Errorf("article %s: %w", records[i].Article.ID, err)
			}
			out = append(out, s)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("save: %w", err)
	}
	return out, nil
}

func saveOne(ctx context.Context, tx dbtx, rec *claimtrail.Record) (claimtrail.Saved, error) {
	a := rec.Article
	key := claimtrail.VersionKey(a)
	vid := claimtrail.VersionID(key, a.Hash)

	var artID int64
	var existing bool
	switch err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE key = ?`, key).Scan(&artID); {
	case err == nil:
		existing = true
	case errors.Is(err, sql.ErrNoRows):
	default:
		return claimtrail.Saved{}, err
	}
	if existing {
		var num int
		var captured sql.NullInt64
		var storedID, storedVID string
		// The stored version id, not one derived from today's key: a
		// key rewritten by a migration keeps the ids it was stored with.
		err := tx.QueryRowContext(ctx, `SELECT id, number, captured, article_id FROM versions WHERE article = ? AND hash = ?`,
			artID, a.Hash).Scan(&storedVID, &num, &captured, &storedID)
		if err == nil {
			return claimtrail.Saved{Status: claimtrail.Unchanged, VersionID: storedVID, Version: claimtrail.Version{
				ArticleID: storedID, Key: key, Number: num, Hash: a.Hash, Captured: fromMicros(captured)}}, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return claimtrail.Saved{}, err
		}
	}

	outlet, err := named(ctx, tx, "outlets", a.Outlet)
	if err != nil {
		return claimtrail.Saved{}, err
	}
	story, err := named(ctx, tx, "stories", a.Story)
	if err != nil {
		return claimtrail.Saved{}, err
	}
	status := claimtrail.NewVersion
	if !existing {
		status = claimtrail.Added
		res, err := tx.ExecContext(ctx, `INSERT INTO articles (key, outlet_id, story_id) VALUES (?, ?, ?)`, key, outlet, story)
		if err != nil {
			return claimtrail.Saved{}, err
		}
		if artID, err = res.LastInsertId(); err != nil {
			return claimtrail.Saved{}, err
		}
	} else if _, err := tx.ExecContext(ctx, `UPDATE articles SET outlet_id = coalesce(?, outlet_id), story_id = coalesce(?, story_id) WHERE id = ?`,
		outlet, story, artID); err != nil {
		return claimtrail.Saved{}, err
	}

	slStart, slEnd := sqlstore.SpanArgs(a.SourceLineSpan)
	res, err := tx.ExecContext(ctx, `INSERT INTO versions (id, article, number, article_id, hash, url, outlet, story, lang, title,
		byline, path, text, published, captured, date, source_line, source_line_start, source_line_end, credits, chrome, claim_count)
		VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		vid, artID, a.ID, a.Hash, a.URL, a.Outlet, a.Story, a.Lang, a.Title, a.Byline, a.Path, a.Text,
		micros(a.Published), micros(a.Captured), micros(sqlstore.Date(a)), sqlstore.JSON(a.SourceLine), slStart, slEnd,
		sqlstore.JSON(a.Credits), sqlstore.JSON(a.Chrome), len(rec.Claims))
	if err != nil {
		return claimtrail.Saved{}, err
	}
	vrow, err := res.LastInsertId()
	if err != nil {
		return claimtrail.Saved{}, err
	}
	if err := index(ctx, tx, "versions_fts", vrow, a.Title+"\n"+a.Text); err != nil {
		return claimtrail.Saved{}, err
	}

	ids := map[string]string{} // source id as given -> canonical id in the store
	for _, s := range rec.Sources {
		id, err := upsertSource(ctx, tx, s)
		if err != nil {
			return claimtrail.Saved{}, err
		}
		ids[s.ID] = id
	}
	canon := func(m claimtrail.Mention) (any, error) {
		if m.SourceID == "" {
			return nil, nil
		}
		if id, ok := ids[m.SourceID]; ok {
			return id, nil
		}
		id, err := upsertSource(ctx, tx, sqlstore.MentionSource(m))
		ids[m.SourceID] = id
		return id, err
	}

	claimStmt, err := tx.PrepareContext(ctx, `INSERT INTO claims (version_id, seq, id, article_id, type, cue_text, cue_lemma, cue_class,
		stance, negated, cue_start, cue_end, content, content_start, content_end, paragraph, sentence, nested_in, implicit)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return claimtrail.Saved{}, err
	}
	mentionStmt, err := tx.PrepareContext(ctx, `INSERT INTO mentions (version_id, claim_seq, slot, mention, name, mention_key, name_key,
		kind, anonymous, role, resolved_from, aliases, source_id, span_start, span_end, role_start, role_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return claimtrail.Saved{}, err
	}
	for seq, c := range rec.Claims {
		res, err := claimStmt.ExecContext(ctx, vid, seq, c.ID, c.ArticleID, c.Type, c.Cue.Text, c.Cue.Lemma, c.Cue.Class,
			c.Cue.Stance, c.Cue.Negated, c.Cue.Span.Start, c.Cue.Span.End, c.Content.Text, c.Content.Span.Start,
			c.Content.Span.End, c.Paragraph, c.Sentence, c.NestedIn, c.Implicit)
		if err != nil {
			return claimtrail.Saved{}, err
		}
		crow, err := res.LastInsertId()
		if err != nil {
			return claimtrail.Saved{}, err
		}
		if err := index(ctx, tx, "claims_fts", crow, c.Content.Text); err != nil {
			return claimtrail.Saved{}, err
		}
		for slot, m := range sqlstore.Mentions(c) {
			sid, err := canon(m)
			if err != nil {
				return claimtrail.Saved{}, err
			}
			rs, re := sqlstore.SpanArgs(m.RoleSpan)
			if _, err := mentionStmt.ExecContext(ctx, vid, seq, slot, m.Mention, m.Name, text.Key(m.Mention), text.Key(m.Name),
				m.Kind, m.Anonymous, m.Role, m.ResolvedFrom, sqlstore.JSON(m.Aliases), sid, m.Span.Start, m.Span.End, rs, re); err != nil {
				return claimtrail.Saved{}, err
			}
		}
	}

	// Number the versions by capture time (unknown times first), then by
	// the order they were saved.
	if _, err := tx.ExecContext(ctx, `UPDATE versions SET number = (
		SELECT count(*) FROM versions v2 WHERE v2.article = versions.article AND (
			coalesce(v2.captured, -9223372036854775807) < coalesce(versions.captured, -9223372036854775807) OR
			(coalesce(v2.captured, -9223372036854775807) = coalesce(versions.captured, -9223372036854775807) AND v2.rowid <= versions.rowid)))
		WHERE article = ?`, artID); err != nil {
		return claimtrail.Saved{}, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET latest_version =
		(SELECT id FROM versions WHERE article = ? ORDER BY number DESC LIMIT 1) WHERE id = ?`, artID, artID); err != nil {
		return claimtrail.Saved{}, err
	}
	var num int
	if err := tx.QueryRowContext(ctx, `SELECT number FROM versions WHERE id = ?`, vid).Scan(&num); err != nil {
		return claimtrail.Saved{}, err
	}
	return claimtrail.Saved{Status: status, VersionID: vid, Version: claimtrail.Version{
		ArticleID: a.ID, Key: key, Number: num, Hash: a.Hash, Captured: a.Captured}}, nil
}

// named returns the id of the outlet or story called name, adding it;
// nil for no name.
func named(ctx context.Context, tx dbtx, table, name string) (any, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	k := text.Key(name)
	if _, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (name, key) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, name, k); err != nil {
		return nil, err
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM `+table+` WHERE key = ?`, k).Scan(&id)
	return id, err
}

// upsertSource adds s, or adds its aliases and roles to the source it
// already is (following merges), and returns the id it is stored under.
func upsertSource(ctx context.Context, tx dbtx, s claimtrail.Source) (string, error) {
	id, err := dialect.Resolve(ctx, shared{tx}, s.ID)
	if err != nil {
		return "", err
	}
	var roles sql.NullString
	var name string
	changed := false
	err = tx.QueryRowContext(ctx, `SELECT name, roles FROM sources WHERE id = ?`, id).Scan(&name, &roles)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if s.Name == "" {
			s.Name = s.ID
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sources (id, name, key, kind, anonymous, affiliation, roles) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, s.Name, text.Key(s.Name), s.Kind, s.Anonymous, s.Affiliation, sqlstore.JSON(s.Roles)); err != nil {
			return "", err
		}
		name, changed = s.Name, true
	case err != nil:
		return "", err
	default:
		var have []string
		if roles.Valid {
			json.Unmarshal([]byte(roles.String), &have)
		}
		merged := sqlstore.Union(have, s.Roles)
		if len(merged) != len(have) {
			if _, err := tx.ExecContext(ctx, `UPDATE sources SET roles = ? WHERE id = ?`, sqlstore.JSON(merged), id); err != nil {
				return "", err
			}
		}
		if s.Name != "" && text.Key(s.Name) != text.Key(name) {
			s.Aliases = append(s.Aliases, s.Name)
		}
	}
	for _, al := range s.Aliases {
		added, err := addAlias(ctx, tx, id, name, al)
		if err != nil {
			return "", err
		}
		changed = changed || added
	}
	if !changed {
		return id, nil
	}
	return id, reindexSource(ctx, tx, id)
}

// addAlias adds an alias to a source unless it has it (or it is the name)
// and reports whether it did.
func addAlias(ctx context.Context, tx dbtx, id, name, alias string) (bool, error) {
	alias = strings.TrimSpace(alias)
	k := text.Key(alias)
	if k == "" || k == text.Key(name) {
		return false, nil
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO aliases (source_id, alias, key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, id, alias, k)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// reindexSource rewrites the search row of a source from its name and
// aliases.
func reindexSource(ctx context.Context, tx dbtx, id string) error {
	var row int64
	var name string
	if err := tx.QueryRowContext(ctx, `SELECT rowid, name FROM sources WHERE id = ?`, id).Scan(&row, &name); err != nil {
		return err
	}
	aliases, err := dialect.SourceAliases(ctx, shared{tx}, id)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sources_fts WHERE rowid = ?`, row); err != nil {
		return err
	}
	return index(ctx, tx, "sources_fts", row, strings.Join(append([]string{name}, aliases...), "\n"))
}

// index adds the search row of one text to an FTS table.
func index(ctx context.Context, tx dbtx, table string, rowid int64, s string) error {
	body, stems := foldForSearch(s)
	_, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (rowid, body, stems) VALUES (?, ?, ?)`, rowid, body, stems)
	return err
}

// foldForSearch is what the index holds for a text (text.SearchFold).
func foldForSearch(s string) (body, stems string) { return text.SearchFold(s) }

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// dbtx is a transaction that writes: *sql.Tx, or stmtCache over one.
type dbtx interface {
	querier
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// stmtCache prepares each statement once per transaction: a batch saves
// many articles with the same few statements, and preparing them again
// for every row was a fifth of the time of an ingest.
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newStmtCache(tx *sql.Tx) *stmtCache { return &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}} }

func (c *stmtCache) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if s, ok := c.stmts[q]; ok {
		return s, nil
	}
	s, err := c.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	c.stmts[q] = s
	return s, nil
}

func (c *stmtCache) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	s, err := c.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}

func (c *stmtCache) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	s, err := c.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

// QueryRowContext reports a failed prepare through the row, as *sql.Tx
// does, by running the query unprepared.
func (c *stmtCache) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	s, err := c.stmt(ctx, q)
	if err != nil {
		return c.tx.QueryRowContext(ctx, q, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

// PrepareContext returns the cached statement; the transaction closes it.
func (c *stmtCache) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return c.stmt(ctx, q)
}

func micros(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

func fromMicros(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.UnixMicro(n.Int64).UTC()
}

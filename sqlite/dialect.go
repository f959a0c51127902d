package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/sqlstore"
)

// dialect is what the shared queries need to know of this schema: times
// as microseconds, lists as JSON text, search in FTS5 tables.
var dialect = sqlstore.Dialect{
	RowID: "c.rowid",
	Time:  func(t time.Time) any { return t.UnixMicro() },
	List:  sqlstore.JSON[string],
	// Driven from the mentions, whose keys and source ids are indexed: a
	// correlated EXISTS would visit every claim.
	ClaimMentions: `(c.version_id, c.seq) IN (SELECT m.version_id, m.claim_seq FROM mentions m
		WHERE m.slot = 0 AND %s)`,
	SourceCounts: `(SELECT count(*) FROM mentions m JOIN articles a ON a.latest_version = m.version_id WHERE m.source_id = s.id AND m.slot = 0) AS claims,
		(SELECT count(*) FROM mentions m JOIN articles a ON a.latest_version = m.version_id WHERE m.source_id = s.id AND m.slot > 0),
		(SELECT count(DISTINCT m.version_id) FROM mentions m JOIN articles a ON a.latest_version = m.version_id WHERE m.source_id = s.id)`,
	// A merge never makes a cycle; the bound is a guard.
	RedirectHops: 32,
	FullText: sqlstore.FullText{
		Query: FTSQuery,
		Claims: `SELECT f.rowid, bm25(claims_fts)
		FROM claims_fts f JOIN claims c ON c.rowid = f.rowid JOIN articles a ON a.latest_version = c.version_id
		WHERE claims_fts MATCH ? ORDER BY bm25(claims_fts) LIMIT ?`,
		Sources: `SELECT s.id, bm25(sources_fts)
		FROM sources_fts f JOIN sources s ON s.rowid = f.rowid WHERE sources_fts MATCH ? ORDER BY bm25(sources_fts) LIMIT ?`,
		Articles: `SELECT ` + sqlstore.ArticleRefCols + `, bm25(versions_fts), v.text
		FROM versions_fts f JOIN versions v ON v.rowid = f.rowid JOIN articles a ON a.latest_version = v.id
		LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN stories st ON st.id = a.story_id
		WHERE versions_fts MATCH ? ORDER BY bm25(versions_fts) LIMIT ?`,
	},
}

// shared is the transaction tx as the shared queries take it.
type shared struct{ dbtx }

func (s shared) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	rows, err := s.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return sharedRows{rows}, nil
}

func (s shared) QueryRow(ctx context.Context, q string, args ...any) sqlstore.Row {
	return sharedRow{s.QueryRowContext(ctx, q, args...)}
}

func (s shared) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	res, err := s.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

type sharedRows struct{ *sql.Rows }

func (r sharedRows) Close() { r.Rows.Close() }

type sharedRow struct{ *sql.Row }

func (r sharedRow) Scan(dest ...any) error {
	if err := r.Row.Scan(dest...); !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return sqlstore.ErrNoRows
}

// LockSources does nothing: a write transaction holds the database's
// write lock from BEGIN IMMEDIATE.
func (s shared) LockSources(context.Context, []string) error { return nil }

func (s shared) UpsertSource(ctx context.Context, src claimtrail.Source) (string, error) {
	return upsertSource(ctx, s.dbtx, src)
}

func (s shared) AddAliases(ctx context.Context, id, name string, aliases []string) error {
	for _, al := range aliases {
		if _, err := addAlias(ctx, s.dbtx, id, name, al); err != nil {
			return err
		}
	}
	return nil
}

func (s shared) ReindexSource(ctx context.Context, id string) error {
	return reindexSource(ctx, s.dbtx, id)
}

func (s shared) DeleteSource(ctx context.Context, id string) error {
	if _, err := s.ExecContext(ctx, `DELETE FROM sources_fts WHERE rowid = (SELECT rowid FROM sources WHERE id = ?)`, id); err != nil {
		return err
	}
	_, err := s.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
	return err
}

// readShared and writeShared are read and write as the shared methods
// take them.
func (db *DB) readShared(ctx context.Context, fn func(sqlstore.Querier) error) error {
	return db.read(ctx, func(tx dbtx) error { return fn(shared{tx}) })
}

func (db *DB) writeShared(ctx context.Context, fn func(sqlstore.Writer) error) error {
	return db.write(ctx, func(tx dbtx) error { return fn(shared{tx}) })
}

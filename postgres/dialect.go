package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/sqlstore"
)

// dialect is what the shared queries need to know of this schema: $n
// parameters and arrays, timestamptz, text[] and jsonb columns read as
// JSON, search over tsvector columns.
var dialect = sqlstore.Dialect{
	Numbered:  true,
	NullsLast: " NULLS LAST",
	RowID:     "c.rid",
	AsJSON:    "to_json(%s)::text",
	Time:      func(t time.Time) any { return t },
	List:      list,
	ClaimMentions: `EXISTS (SELECT 1 FROM mentions m WHERE m.version_id = c.version_id AND m.claim_seq = c.seq
		AND m.slot = 0 AND %s)`,
	SourcesWith: `WITH latest AS (SELECT m.source_id, m.slot, m.version_id FROM mentions m JOIN articles a ON a.latest_version = m.version_id)
		`,
	SourceCounts: `(SELECT count(*) FROM latest l WHERE l.source_id = s.id AND l.slot = 0) AS claims,
		(SELECT count(*) FROM latest l WHERE l.source_id = s.id AND l.slot > 0),
		(SELECT count(DISTINCT l.version_id) FROM latest l WHERE l.source_id = s.id)`,
	NoNUL: true,
	// Merges keep redirects flat (each names a source that exists), so
	// one step is all.
	RedirectHops: 1,
	FullText:     fullText,
}

// shared is the transaction tx as the shared queries take it.
type shared struct{ tx pgx.Tx }

func (s shared) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	rows, err := s.tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return rows, nil
}

func (s shared) QueryRow(ctx context.Context, q string, args ...any) sqlstore.Row {
	return sharedRow{s.tx.QueryRow(ctx, q, args...)}
}

func (s shared) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	tag, err := s.tx.Exec(ctx, q, args...)
	return tag.RowsAffected(), err
}

type sharedRow struct{ pgx.Row }

func (r sharedRow) Scan(dest ...any) error {
	if err := r.Row.Scan(dest...); !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	return sqlstore.ErrNoRows
}

func (s shared) LockSources(ctx context.Context, ids []string) error {
	_, err := s.tx.Exec(ctx, `SELECT 1 FROM sources WHERE id = ANY($1) ORDER BY id FOR UPDATE`, ids)
	return err
}

func (s shared) UpsertSource(ctx context.Context, src claimtrail.Source) (string, error) {
	return upsertSource(ctx, s.tx, src)
}

// AddAliases adds them in one statement; the stored row gives the name
// and the aliases to compare with.
func (s shared) AddAliases(ctx context.Context, id, _ string, aliases []string) error {
	cur, err := loadSourceRow(ctx, s.tx, id, false)
	if err != nil {
		return err
	}
	return insertAliases(ctx, s.tx, id, aliasList(cur.aliases, cur.name, aliases))
}

func (s shared) ReindexSource(ctx context.Context, id string) error {
	return reindexSource(ctx, s.tx, id)
}

// DeleteSource deletes the row, and with it its search vector.
func (s shared) DeleteSource(ctx context.Context, id string) error {
	_, err := s.tx.Exec(ctx, `DELETE FROM sources WHERE id = $1`, id)
	return err
}

// readShared and writeShared are read and write as the shared methods
// take them.
func (db *DB) readShared(ctx context.Context, fn func(sqlstore.Querier) error) error {
	return db.read(ctx, func(tx pgx.Tx) error { return fn(shared{tx}) })
}

func (db *DB) writeShared(ctx context.Context, fn func(sqlstore.Writer) error) error {
	return db.write(ctx, func(tx pgx.Tx) error { return fn(shared{tx}) })
}

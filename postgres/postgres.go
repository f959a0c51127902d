package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/migrations"
	"github.com/claimtrail/claimtrail/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DefaultRetries is how many times a transaction that failed with a
// deadlock or a serialization failure is tried again.
const DefaultRetries = 8

// DefaultConnectTimeout bounds each attempt to connect when the DSN does
// not set connect_timeout.
const DefaultConnectTimeout = 15 * time.Second

// Options tune Open. The zero value is what the command line uses.
type Options struct {
	// MaxConns bounds the connections of the pool; 0 is pgx's default
	// (the larger of 4 and the number of CPUs).
	MaxConns int32
	// Retries overrides DefaultRetries when above zero.
	Retries int
}

// DB is a claimtrail.Store in a PostgreSQL database (in the schema the
// connection's search_path names first). Its methods but Save and
// Close, and Redirects and AddRedirects, are those of internal/sqlstore,
// shared with the SQLite store, in this store's dialect and transactions.
type DB struct {
	*reader

	pool    *pgxpool.Pool
	retries int
}

// reader is sqlstore.Store under a name that keeps the embedded field
// unexported: only its methods are DB's.
type reader = sqlstore.Store

var _ claimtrail.Store = (*DB)(nil)

// IsDSN reports whether s names a PostgreSQL database rather than a file:
// a postgres:// or postgresql:// URL.
func IsDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database dsn names (a postgres:// URL; parameters
// pgx does not know, such as search_path, are sent to the server as
// settings) and brings its schema up to date.
func Open(ctx context.Context, dsn string, opts Options) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open store: %w: %v", claimtrail.ErrConfig, err)
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		// An unreachable host fails in seconds, not at the system's TCP
		// timeout; connect_timeout in the DSN overrides this.
		cfg.ConnConfig.ConnectTimeout = DefaultConnectTimeout
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	db := &DB{pool: pool, retries: DefaultRetries}
	db.reader = sqlstore.New(&dialect, db.readShared, db.writeShared)
	if opts.Retries > 0 {
		db.retries = opts.Retries
	}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	return db, nil
}

// Close closes the connection pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// migrate applies the embedded migrations not yet recorded, in order, each
// in its own transaction. A transaction-scoped advisory lock, keyed by the
// schema, makes processes that open a new database at once take turns: the
// second finds the migration recorded.
func (db *DB) migrate(ctx context.Context) error {
	const lock = `SELECT pg_advisory_xact_lock(hashtext('claimtrail migrate ' || current_schema()))`
	if err := db.write(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, lock); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`)
		return err
	}); err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	files, err := migrations.List(migrationFS, "migrations")
	if err != nil {
		return err
	}
	for _, m := range files {
		n, base, body := m.Version, m.Name, m.SQL
		if err := db.write(ctx, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, lock); err != nil {
				return err
			}
			var done bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`, n).Scan(&done); err != nil {
				return err
			}
			if done {
				return nil
			}
			// A multi-statement script runs through the simple protocol.
			if _, err := tx.Exec(ctx, body, pgx.QueryExecModeSimpleProtocol); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, n, base)
			return err
		}); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

// Migrations lists the applied migrations by name, in order.
func (db *DB) Migrations(ctx context.Context) ([]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT name FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// write runs fn in a read-committed transaction and commits it, trying
// again from the start after a deadlock or a serialization failure.
func (db *DB) write(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return db.retry(ctx, func() error { return pgx.BeginFunc(ctx, db.pool, fn) })
}

// read runs fn in a read-only repeatable-read transaction: one snapshot
// for all its queries, as a SQLite read transaction has.
func (db *DB) read(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return db.retry(ctx, func() error {
		return pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
	})
}

// retry runs try until it succeeds, fails with something other than a
// deadlock or serialization failure, or has been tried db.retries+1
// times, waiting a little longer (and a little at random) each time.
func (db *DB) retry(ctx context.Context, try func() error) error {
	var err error
	for attempt := 0; attempt <= db.retries; attempt++ {
		if attempt > 0 {
			wait := time.Duration(attempt*attempt)*10*time.Millisecond + time.Duration(time.Now().UnixNano()%int64(20*time.Millisecond))
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(wait):
			}
		}
		if err = try(); err == nil || !retryable(err) {
			return err
		}
	}
	return err
}

// retryable reports a serialization failure (40001), a deadlock (40P01),
// or a foreign key violation (23503): a source merged away by another
// process between reading it and citing it, which a new attempt finds
// through its redirect.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40001", "40P01", "23503":
		return true
	}
	return false
}

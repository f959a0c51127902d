package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	driver "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/migrations"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DefaultBusyTimeout is how long a connection waits for another writer's
// lock before giving up, when Options.BusyTimeout is zero. A batch of
// articles commits in well under a second, so this is generous; it only
// runs out if another process holds the lock for that long.
const DefaultBusyTimeout = 30 * time.Second

// Options tune Open. The zero value is what the command line uses.
type Options struct {
	// BusyTimeout bounds the wait for another writer's lock.
	BusyTimeout time.Duration
}

// DB is a claimtrail.Store in one SQLite file.
type DB struct {
	path string
	w    *sql.DB // writes: BEGIN IMMEDIATE
	r    *sql.DB // reads: deferred transactions, query_only
}

var _ claimtrail.Store = (*DB)(nil)

// Open opens (creating if needed) the database file at path and brings its
// schema up to date. The directory must exist.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file::memory:") {
		return nil, fmt.Errorf("open store: %w: a database file is needed (an in-memory database is one per connection)", claimtrail.ErrInvalidInput)
	}
	busy := opts.BusyTimeout
	if busy <= 0 {
		busy = DefaultBusyTimeout
	}
	w, err := sql.Open("sqlite", DSN(path, busy, true))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db := &DB{path: path, w: w}
	if err := db.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", DSN(path, busy, false))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db.r = r
	return db, nil
}

// DSN is the modernc.org/sqlite data source name for path: a file: URI
// whose _pragma parameters every new connection runs. write selects BEGIN
// IMMEDIATE for transactions; otherwise the connection is query-only.
func DSN(path string, busy time.Duration, write bool) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	q := []string{
		"_pragma=busy_timeout(" + strconv.FormatInt(busy.Milliseconds(), 10) + ")",
		"_pragma=foreign_keys(1)",
		"_pragma=journal_mode(WAL)",
		// In WAL mode NORMAL loses no committed transaction when the
		// process dies, only on power loss; FULL would fsync every commit.
		"_pragma=synchronous(NORMAL)",
	}
	if write {
		q = append(q, "_txlock=immediate")
	} else {
		q = append(q, "_txlock=deferred", "_query_only=1")
	}
	return "file:" + esc + "?" + strings.Join(q, "&")
}

// Path is the database file.
func (db *DB) Path() string { return db.path }

// Close closes both connection pools.
func (db *DB) Close() error {
	var errs []error
	if db.r != nil {
		errs = append(errs, db.r.Close())
	}
	errs = append(errs, db.w.Close())
	return errors.Join(errs...)
}

// migrate applies the embedded migrations not yet recorded, in order, each
// in its own transaction. Two processes opening a new file at once both
// get here; BEGIN IMMEDIATE makes the second wait and then find the
// migration recorded.
func (db *DB) migrate(ctx context.Context) error {
	// Even this runs in a write transaction: as a bare statement on a new
	// file it can meet another process switching the file to WAL, and
	// SQLite then fails at once instead of waiting (a lock upgrade that
	// could deadlock). BEGIN IMMEDIATE waits, and write retries.
	if err := db.write(ctx, func(tx dbtx) error {
		_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
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
		if err := db.write(ctx, func(tx dbtx) error {
			var done int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, n).Scan(&done); err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, body); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				n, base, time.Now().UTC().Format(time.RFC3339))
			return err
		}); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

// Migrations lists the applied migrations by name, in order.
func (db *DB) Migrations(ctx context.Context) ([]string, error) {
	return scanStrings(db.r.QueryContext(ctx, `SELECT name FROM schema_migrations ORDER BY version`))
}

// scanStrings reads a one-column result of strings.
func scanStrings(rows *sql.Rows, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// write runs fn in a write transaction and commits it. SQLITE_BUSY can
// still surface when the busy timeout runs out or a checkpoint holds the
// lock; the transaction is then retried a few times from the start, which
// is safe because fn has not committed anything.
func (db *DB) write(ctx context.Context, fn func(tx dbtx) error) error {
	return retryBusy(ctx, func() error { return db.tryWrite(ctx, fn) })
}

// retryBusy runs try until it succeeds, fails with something other than
// SQLITE_BUSY, or has been tried five times, waiting longer each time.
func retryBusy(ctx context.Context, try func() error) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Duration(attempt*attempt) * 50 * time.Millisecond):
			}
		}
		if err = try(); err == nil || !isBusy(err) {
			return err
		}
	}
	return err
}

func (db *DB) tryWrite(ctx context.Context, fn func(tx dbtx) error) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(newStmtCache(tx)); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// read runs fn in a read transaction: one snapshot for all its queries.
// In WAL mode a reader meets SQLITE_BUSY only in rare moments (another
// connection recovering the log after a crash); it is retried like a
// write.
func (db *DB) read(ctx context.Context, fn func(tx dbtx) error) error {
	return retryBusy(ctx, func() error { return db.tryRead(ctx, fn) })
}

func (db *DB) tryRead(ctx context.Context, fn func(tx dbtx) error) error {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// isBusy reports SQLITE_BUSY (5) and SQLITE_LOCKED (6) in any of their
// extended forms (the low byte is the primary code).
func isBusy(err error) bool {
	var e *driver.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() & 0xff {
	case 5, 6:
		return true
	}
	return false
}

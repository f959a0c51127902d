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
	"github.com/claimtrail/claimtrail/internal/sqlstore"
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

// DB is a claimtrail.Store in one SQLite file. Its methods but Save and
// Close, and Redirects and AddRedirects, are those of internal/sqlstore,
// shared with the PostgreSQL store, in this store's dialect and
// transactions.
type DB struct {
	*reader

	path string
	w    *sql.DB // writes: BEGIN IMMEDIATE; nil when read-only
	r    *sql.DB // reads: deferred transactions, query_only
	// readOnly is set when the file could not be opened for writing:
	// reads work, writes fail with ErrReadOnly before touching the file.
	readOnly bool
}

// reader is sqlstore.Store under a name that keeps the embedded field
// unexported: only its methods are DB's.
type reader = sqlstore.Store

func newDB(path string) *DB {
	db := &DB{path: path}
	db.reader = sqlstore.New(&dialect, db.readShared, db.writeShared)
	return db
}

var _ claimtrail.Store = (*DB)(nil)

// Open opens (creating if needed) the database file at path and brings its
// schema up to date. The directory must exist. A file this user cannot
// write (or whose directory it cannot write, which WAL mode needs) is
// opened read-only: queries work, and writes fail with ErrReadOnly.
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
	db := newDB(path)
	db.w = w
	if err := db.migrate(ctx); err != nil {
		w.Close()
		if errors.Is(err, ErrReadOnly) || isCantOpen(err) {
			if ro, rerr := openReadOnly(ctx, path, busy); rerr == nil {
				return ro, nil
			} else if errors.Is(rerr, ErrReadOnly) {
				return nil, fmt.Errorf("open store %s: %w", path, rerr)
			}
		}
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

// openReadOnly opens an existing database that cannot be written. In WAL
// mode even a reader needs the -shm file; when it does not exist and the
// directory is not writable, SQLite can only read the file as immutable,
// that is without locks. That is the last resort: another user who can
// write the file could change it under such a reader, which may then see
// an error or an old state, but this user could not read it at all
// otherwise, and nothing is ever written through it.
func openReadOnly(ctx context.Context, path string, busy time.Duration) (*DB, error) {
	var err error
	for _, immutable := range []bool{false, true} {
		var r *sql.DB
		if r, err = sql.Open("sqlite", readOnlyDSN(path, busy, immutable)); err != nil {
			return nil, err
		}
		db := newDB(path)
		db.r, db.readOnly = r, true
		if err = db.checkMigrated(ctx); err == nil {
			return db, nil
		}
		r.Close()
		if errors.Is(err, ErrReadOnly) {
			return nil, err
		}
	}
	return nil, err
}

// readOnlyDSN is DSN for a file opened with mode=ro (and immutable=1).
func readOnlyDSN(path string, busy time.Duration, immutable bool) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	q := []string{
		"mode=ro",
		"_pragma=busy_timeout(" + strconv.FormatInt(busy.Milliseconds(), 10) + ")",
		"_pragma=foreign_keys(1)",
		"_txlock=deferred", "_query_only=1",
	}
	if immutable {
		q = append(q, "immutable=1")
	}
	return "file:" + esc + "?" + strings.Join(q, "&")
}

// checkMigrated fails when a read-only database lacks migrations, which
// could not be applied: the queries of this version would not match it.
func (db *DB) checkMigrated(ctx context.Context) error {
	var n int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		return err
	}
	files, err := migrations.List(migrationFS, "migrations")
	if err != nil {
		return err
	}
	if n < len(files) {
		return &storageError{db.path, ErrReadOnly, fmt.Errorf("its schema needs %d migrations that cannot be applied", len(files)-n)}
	}
	return nil
}

// isCantOpen reports SQLITE_CANTOPEN (14): for an existing file, most
// often a directory where the -wal or -shm file cannot be created.
func isCantOpen(err error) bool {
	var e *driver.Error
	return errors.As(err, &e) && e.Code()&0xff == 14
}

// Path is the database file.
func (db *DB) Path() string { return db.path }

// Close closes both connection pools.
func (db *DB) Close() error {
	var errs []error
	if db.r != nil {
		errs = append(errs, db.r.Close())
	}
	if db.w != nil {
		errs = append(errs, db.w.Close())
	}
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
	return sqlstore.Strings(shared{db.r}.Query(ctx, `SELECT name FROM schema_migrations ORDER BY version`))
}

// write runs fn in a write transaction and commits it. SQLITE_BUSY can
// still surface when the busy timeout runs out or a checkpoint holds the
// lock; the transaction is then retried a few times from the start, which
// is safe because fn has not committed anything.
//
// A read-only or full database gives an error saying so (mapWriteErr).
func (db *DB) write(ctx context.Context, fn func(tx dbtx) error) error {
	if db.readOnly {
		return &storageError{db.path, ErrReadOnly, errors.New("the file or its directory is not writable")}
	}
	return db.mapWriteErr(retryBusy(ctx, func() error { return db.tryWrite(ctx, fn) }))
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

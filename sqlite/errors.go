package sqlite

import (
	"errors"
	"fmt"

	driver "modernc.org/sqlite"
)

// Sentinels for the storage failures a user can fix, tested with
// errors.Is; the messages of the errors that wrap them say how.
var (
	// ErrReadOnly: the database file (or its directory) cannot be written.
	ErrReadOnly = errors.New("database is read-only")
	// ErrDiskFull: a write failed for want of space (a full disk, a quota,
	// a file size limit).
	ErrDiskFull = errors.New("disk full")
)

// storageError is a write that failed for a reason outside the program.
// Its message says what to do; errors.Is finds both the sentinel and the
// driver's error.
type storageError struct {
	path string
	kind error
	err  error
}

func (e *storageError) Error() string {
	switch e.kind {
	case ErrReadOnly:
		return fmt.Sprintf("database %s is read-only, nothing was written (%v); make the file and its directory writable by this user, or give another --db", e.path, e.err)
	default:
		return fmt.Sprintf("database %s: disk full or file size limit reached (%v); what was stored is intact: free some space and run the same command again to store the rest", e.path, e.err)
	}
}

func (e *storageError) Unwrap() []error { return []error{e.kind, e.err} }

// mapWriteErr turns the SQLite result codes a user can act on into a
// storageError; any other error is returned as it is.
func (db *DB) mapWriteErr(err error) error {
	if err == nil {
		return nil
	}
	var se *storageError
	if errors.As(err, &se) {
		return err
	}
	var e *driver.Error
	if !errors.As(err, &e) {
		return err
	}
	code := e.Code()
	switch {
	case code&0xff == 8: // SQLITE_READONLY and its extended codes
		return &storageError{db.path, ErrReadOnly, err}
	// SQLITE_FULL is what SQLite gives for ENOSPC and a short write; a
	// write refused outright with EFBIG (RLIMIT_FSIZE) or EDQUOT comes back
	// as SQLITE_IOERR_WRITE, growing a file as IOERR_TRUNCATE or
	// IOERR_SHMSIZE. SQLite keeps no errno for the caller, so those I/O
	// errors are reported as a full disk, by far their likeliest cause.
	case code == 13, code == 778, code == 1546, code == 4874:
		return &storageError{db.path, ErrDiskFull, err}
	}
	return err
}

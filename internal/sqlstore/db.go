package sqlstore

import (
	"context"
	"errors"
)

// Row is one result row: *sql.Row, *sql.Rows, pgx.Row or pgx.Rows.
type Row interface {
	Scan(dest ...any) error
}

// Rows is a result set, as pgx.Rows has it; the SQLite store adapts
// *sql.Rows, whose Close returns an error nobody checks.
type Rows interface {
	Row
	Next() bool
	Err() error
	Close()
}

// Querier runs queries in one transaction. A Row it returns gives
// ErrNoRows, not the driver's own error, when nothing matched.
type Querier interface {
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) Row
}

// ErrNoRows is what a Querier's Row gives for an empty result, in place
// of sql.ErrNoRows or pgx.ErrNoRows.
var ErrNoRows = errors.New("no rows in result set")

// queryAll runs a query and reads every row with scan. An empty result
// is nil, as both stores have always given it.
func queryAll[T any](ctx context.Context, q Querier, scan func(Row) (T, error), sql string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, sql, args...)
	return collect(rows, err, scan)
}

func collect[T any](rows Rows, err error, scan func(Row) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Strings reads a one-column result of strings.
func Strings(rows Rows, err error) ([]string, error) {
	return collect(rows, err, func(r Row) (s string, err error) { err = r.Scan(&s); return })
}

package sqlite

import (
	"context"
	"fmt"
)

// Redirects returns the ids of merged sources and the source each leads
// to, for an export: the Store contract reaches sources by id but cannot
// list the ids that merges retired.
func (db *DB) Redirects(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := db.read(ctx, func(tx dbtx) error {
		rows, err := tx.QueryContext(ctx, `SELECT old, new FROM source_redirects`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var o, n string
			if err := rows.Scan(&o, &n); err != nil {
				return err
			}
			out[o] = n
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list redirects: %w", err)
	}
	return out, nil
}

// AddRedirects records merged ids (old to new) as an import restores
// them. A redirect whose target is not a stored source, or whose old id
// still is one, is an error.
func (db *DB) AddRedirects(ctx context.Context, redirects map[string]string) error {
	err := db.write(ctx, func(tx dbtx) error {
		for o, n := range redirects {
			res, err := tx.ExecContext(ctx, `INSERT INTO source_redirects (old, new) SELECT ?, id FROM sources WHERE id = ?
				AND NOT EXISTS (SELECT 1 FROM sources WHERE id = ?) ON CONFLICT (old) DO UPDATE SET new = excluded.new`, o, n, o)
			if err != nil {
				return err
			}
			if k, err := res.RowsAffected(); err != nil || k == 0 {
				return fmt.Errorf("redirect %s -> %s: the target is not a stored source or the old id still is", o, n)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("add redirects: %w", err)
	}
	return nil
}

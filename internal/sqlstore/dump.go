package sqlstore

import (
	"context"
	"fmt"
)

// Redirects returns the ids of merged sources and the source each leads
// to, for an export: the Store contract reaches sources by id but cannot
// list the ids that merges retired.
func (s *Store) Redirects(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := s.read(ctx, func(q Querier) error {
		clear(out)
		rows, err := q.Query(ctx, `SELECT old, new FROM source_redirects`)
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

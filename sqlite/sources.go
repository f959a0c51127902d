package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// sourceIDs returns the ids of the sources ref names: an id (or a merged
// one), a name or an alias.
func sourceIDs(ctx context.Context, q querier, ref string) ([]string, error) {
	id, err := resolve(ctx, q, ref)
	if err != nil {
		return nil, err
	}
	k := text.Key(ref)
	return scanStrings(q.QueryContext(ctx, `SELECT id FROM sources WHERE id = ? OR key = ?
		UNION SELECT source_id FROM aliases WHERE key = ? ORDER BY 1`, id, k, k))
}

func loadSource(ctx context.Context, q querier, id string) (*claimtrail.Source, error) {
	var s claimtrail.Source
	var roles sql.NullString
	err := q.QueryRowContext(ctx, `SELECT id, name, kind, anonymous, affiliation, roles FROM sources WHERE id = ?`, id).
		Scan(&s.ID, &s.Name, &s.Kind, &s.Anonymous, &s.Affiliation, &roles)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("source %q: %w", id, claimtrail.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	s.Roles = fromJSON[string](roles)
	if s.Aliases, err = sourceAliases(ctx, q, id); err != nil {
		return nil, err
	}
	return &s, nil
}

func sourceAliases(ctx context.Context, q querier, id string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT alias FROM aliases WHERE source_id = ? ORDER BY key, alias`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Source returns one canonical source by id, merged id, name or alias.
func (db *DB) Source(ctx context.Context, ref string) (*claimtrail.Source, error) {
	var out *claimtrail.Source
	err := db.read(ctx, func(tx dbtx) error {
		id, err := resolve(ctx, tx, ref)
		if err != nil {
			return err
		}
		if s, err := loadSource(ctx, tx, id); err == nil || !errors.Is(err, claimtrail.ErrNotFound) {
			out = s
			return err
		}
		ids, err := sourceIDs(ctx, tx, ref)
		if err != nil {
			return err
		}
		switch len(ids) {
		case 0:
			return fmt.Errorf("source %q: %w", ref, claimtrail.ErrNotFound)
		case 1:
			out, err = loadSource(ctx, tx, ids[0])
			return err
		}
		return fmt.Errorf("source %q: %w: it names %d sources (%s); use an id", ref, claimtrail.ErrAmbiguous, len(ids), strings.Join(ids, ", "))
	})
	if err != nil {
		return nil, fmt.Errorf("get source: %w", err)
	}
	return out, nil
}

// Sources lists sources, most cited first.
func (db *DB) Sources(ctx context.Context, f claimtrail.SourceFilter) ([]claimtrail.SourceCount, error) {
	var conds []string
	var args []any
	if f.Name != "" {
		k := text.Key(strings.TrimSuffix(f.Name, "*"))
		if strings.HasSuffix(f.Name, "*") {
			pat := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(k) + "%"
			conds = append(conds, `(s.key LIKE ? ESCAPE '\' OR EXISTS (SELECT 1 FROM aliases al WHERE al.source_id = s.id AND al.key LIKE ? ESCAPE '\'))`)
			args = append(args, pat, pat)
		} else {
			conds = append(conds, `(s.key = ? OR EXISTS (SELECT 1 FROM aliases al WHERE al.source_id = s.id AND al.key = ?))`)
			args = append(args, k, k)
		}
	}
	if f.Kind != "" {
		conds, args = append(conds, "s.kind = ?"), append(args, f.Kind)
	}
	q := `SELECT s.id, s.name, s.kind, s.anonymous, s.affiliation, s.roles,
		(SELECT count(*) FROM mentions m JOIN articles a ON a.latest_version = m.version_id WHERE m.source_id = s.id AND m.slot = 0) AS claims,
		(SELECT count(*) FROM mentions m JOIN articles a ON a.latest_version = m.version_id WHERE m.source_id = s.id AND m.slot > 0),
		(SELECT count(DISTINCT m.version_id) FROM mentions m JOIN articles a ON a.latest_version = m.version_id WHERE m.source_id = s.id)
		FROM sources s` + where(conds) + ` ORDER BY claims DESC, s.key, s.id` + limit(f.Limit)
	var out []claimtrail.SourceCount
	err := db.read(ctx, func(tx dbtx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var sc claimtrail.SourceCount
			s := &sc.Source
			var roles sql.NullString
			if err := rows.Scan(&s.ID, &s.Name, &s.Kind, &s.Anonymous, &s.Affiliation, &roles, &sc.Claims, &sc.Via, &sc.Articles); err != nil {
				rows.Close()
				return err
			}
			s.Roles = fromJSON[string](roles)
			out = append(out, sc)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for i := range out {
			if out[i].Source.Aliases, err = sourceAliases(ctx, tx, out[i].Source.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	return out, nil
}

// MergeSources folds the sources from into into.
func (db *DB) MergeSources(ctx context.Context, into string, from ...string) (*claimtrail.Source, error) {
	if len(from) == 0 {
		return nil, fmt.Errorf("merge sources: %w: name at least one source to merge into %q", claimtrail.ErrInvalidInput, into)
	}
	if slices.Contains(from, into) {
		return nil, fmt.Errorf("merge sources: %w: %q cannot be merged into itself", claimtrail.ErrInvalidInput, into)
	}
	var out *claimtrail.Source
	err := db.write(ctx, func(tx dbtx) error {
		target, err := resolve(ctx, tx, into)
		if err != nil {
			return err
		}
		dst, err := loadSource(ctx, tx, target)
		if err != nil {
			return err
		}
		for _, f := range from {
			id, err := resolve(ctx, tx, f)
			if err != nil {
				return err
			}
			if id == target {
				continue // merged already
			}
			src, err := loadSource(ctx, tx, id)
			if err != nil {
				return err
			}
			for _, stmt := range []string{
				`UPDATE mentions SET source_id = ? WHERE source_id = ?`,
				`UPDATE source_redirects SET new = ? WHERE new = ?`,
			} {
				if _, err := tx.ExecContext(ctx, stmt, target, id); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO source_redirects (old, new) VALUES (?, ?)`, id, target); err != nil {
				return err
			}
			for _, al := range append([]string{src.Name}, src.Aliases...) {
				if _, err := addAlias(ctx, tx, target, dst.Name, al); err != nil {
					return err
				}
			}
			if roles := union(dst.Roles, src.Roles); len(roles) != len(dst.Roles) {
				dst.Roles = roles
				if _, err := tx.ExecContext(ctx, `UPDATE sources SET roles = ? WHERE id = ?`, jsonOrNil(roles), target); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM sources_fts WHERE rowid = (SELECT rowid FROM sources WHERE id = ?)`, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id); err != nil {
				return err
			}
		}
		if err := reindexSource(ctx, tx, target); err != nil {
			return err
		}
		out, err = loadSource(ctx, tx, target)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("merge sources: %w", err)
	}
	return out, nil
}

// SplitSource moves the mentions of id that names name to a new source.
func (db *DB) SplitSource(ctx context.Context, id string, names ...string) (*claimtrail.Source, error) {
	var keys []any
	for _, n := range names {
		if k := text.Key(n); k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("split source: %w: name the mentions or aliases to split from %q", claimtrail.ErrInvalidInput, id)
	}
	var out *claimtrail.Source
	err := db.write(ctx, func(tx dbtx) error {
		rid, err := resolve(ctx, tx, id)
		if err != nil {
			return err
		}
		old, err := loadSource(ctx, tx, rid)
		if err != nil {
			return err
		}
		in := placeholders(len(keys))
		match := `source_id = ? AND (mention_key IN (` + in + `) OR name_key IN (` + in + `))`
		args := append(append([]any{rid}, keys...), keys...)
		var moved, total, aliases int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM mentions WHERE `+match, args...).Scan(&moved); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM mentions WHERE source_id = ?`, rid).Scan(&total); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM aliases WHERE source_id = ? AND key IN (`+in+`)`,
			append([]any{rid}, keys...)...).Scan(&aliases); err != nil {
			return err
		}
		switch {
		case moved == 0 && aliases == 0:
			return fmt.Errorf("%w: no mention or alias of %s (%s) is %s", claimtrail.ErrInvalidInput, rid, old.Name, strings.Join(names, ", "))
		case moved == total && total > 0:
			return fmt.Errorf("%w: every mention of %s (%s) is %s; nothing would be left to split from", claimtrail.ErrInvalidInput,
				rid, old.Name, strings.Join(names, ", "))
		}
		// Keep the aliases as they were written, not as typed.
		var moving []string
		rows, err := tx.QueryContext(ctx, `SELECT alias FROM aliases WHERE source_id = ? AND key IN (`+in+`) ORDER BY key`, append([]any{rid}, keys...)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var a string
			if err := rows.Scan(&a); err != nil {
				rows.Close()
				return err
			}
			moving = append(moving, a)
		}
		rows.Close()
		nid := claimtrail.SourceID(old.Kind, keys[0].(string), "split:"+rid)
		newID, err := upsertSource(ctx, tx, claimtrail.Source{ID: nid, Name: strings.TrimSpace(names[0]), Kind: old.Kind,
			Anonymous: old.Anonymous, Aliases: append(slices.Clone(names[1:]), moving...)})
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE mentions SET source_id = ? WHERE `+match, append([]any{newID}, args...)...); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM aliases WHERE source_id = ? AND key IN (`+in+`)`, append([]any{rid}, keys...)...); err != nil {
			return err
		}
		if err := reindexSource(ctx, tx, rid); err != nil {
			return err
		}
		if err := reindexSource(ctx, tx, newID); err != nil {
			return err
		}
		out, err = loadSource(ctx, tx, newID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("split source: %w", err)
	}
	return out, nil
}

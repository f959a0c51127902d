package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// resolve follows the redirect of a merged source from id. Merges keep
// redirects flat (each names a source that exists), so one step is all.
func resolve(ctx context.Context, tx pgx.Tx, id string) (string, error) {
	err := tx.QueryRow(ctx, `SELECT coalesce((SELECT new FROM source_redirects WHERE old = $1), $1)`, id).Scan(&id)
	return id, err
}

// sourceIDs returns the ids of the sources ref names: an id (or a merged
// one), a name or an alias.
func sourceIDs(ctx context.Context, tx pgx.Tx, ref string) ([]string, error) {
	id, err := resolve(ctx, tx, ref)
	if err != nil {
		return nil, err
	}
	k := text.Key(ref)
	rows, err := tx.Query(ctx, `SELECT id FROM sources WHERE id = $1 OR key = $2
		UNION SELECT source_id FROM aliases WHERE key = $2 ORDER BY 1`, id, k)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

func loadSource(ctx context.Context, tx pgx.Tx, id string) (*claimtrail.Source, error) {
	var s claimtrail.Source
	err := tx.QueryRow(ctx, `SELECT id, name, kind, anonymous, affiliation, roles FROM sources WHERE id = $1`, id).
		Scan(&s.ID, &s.Name, &s.Kind, &s.Anonymous, &s.Affiliation, &s.Roles)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("source %q: %w", id, claimtrail.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	if s.Aliases, err = sourceAliases(ctx, tx, id); err != nil {
		return nil, err
	}
	return &s, nil
}

func sourceAliases(ctx context.Context, tx pgx.Tx, id string) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT alias FROM aliases WHERE source_id = $1 ORDER BY key, alias`, id)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if len(out) == 0 {
		out = nil
	}
	return out, err
}

// Source returns one canonical source by id, merged id, name or alias.
func (db *DB) Source(ctx context.Context, ref string) (*claimtrail.Source, error) {
	if strings.ContainsRune(ref, 0) {
		return nil, fmt.Errorf("get source: source %q: %w", ref, claimtrail.ErrNotFound)
	}
	var out *claimtrail.Source
	err := db.read(ctx, func(tx pgx.Tx) error {
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
	var p params
	if f.Name != "" {
		k := text.Key(strings.TrimSuffix(f.Name, "*"))
		if strings.HasSuffix(f.Name, "*") {
			pat := p.add(strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(k) + "%")
			conds = append(conds, `(s.key LIKE `+pat+` ESCAPE '\' OR EXISTS (SELECT 1 FROM aliases al WHERE al.source_id = s.id AND al.key LIKE `+pat+` ESCAPE '\'))`)
		} else {
			k := p.add(k)
			conds = append(conds, `(s.key = `+k+` OR EXISTS (SELECT 1 FROM aliases al WHERE al.source_id = s.id AND al.key = `+k+`))`)
		}
	}
	if f.Kind != "" {
		conds = append(conds, "s.kind = "+p.add(string(f.Kind)))
	}
	q := `WITH latest AS (SELECT m.source_id, m.slot, m.version_id FROM mentions m JOIN articles a ON a.latest_version = m.version_id)
		SELECT s.id, s.name, s.kind, s.anonymous, s.affiliation, s.roles,
		(SELECT count(*) FROM latest l WHERE l.source_id = s.id AND l.slot = 0) AS claims,
		(SELECT count(*) FROM latest l WHERE l.source_id = s.id AND l.slot > 0),
		(SELECT count(DISTINCT l.version_id) FROM latest l WHERE l.source_id = s.id)
		FROM sources s` + where(conds) + ` ORDER BY claims DESC, s.key, s.id` + limit(f.Limit)
	var out []claimtrail.SourceCount
	err := db.read(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, q, p.args...)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (claimtrail.SourceCount, error) {
			var sc claimtrail.SourceCount
			s := &sc.Source
			err := row.Scan(&s.ID, &s.Name, &s.Kind, &s.Anonymous, &s.Affiliation, &s.Roles, &sc.Claims, &sc.Via, &sc.Articles)
			return sc, err
		})
		if err != nil {
			return err
		}
		out = nilIfEmpty(out)
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
	err := db.write(ctx, func(tx pgx.Tx) error {
		target, err := resolve(ctx, tx, into)
		if err != nil {
			return err
		}
		// Lock every source the merge touches, in id order.
		ids := []string{target}
		for _, f := range from {
			id, err := resolve(ctx, tx, f)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		slices.Sort(ids)
		if _, err := tx.Exec(ctx, `SELECT 1 FROM sources WHERE id = ANY($1) ORDER BY id FOR UPDATE`, ids); err != nil {
			return err
		}
		if _, err := loadSource(ctx, tx, target); err != nil {
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
			dst, err := loadSourceRow(ctx, tx, target, false)
			if err != nil {
				return err
			}
			for _, stmt := range []string{
				`UPDATE mentions SET source_id = $1 WHERE source_id = $2`,
				`UPDATE source_redirects SET new = $1 WHERE new = $2`,
			} {
				if _, err := tx.Exec(ctx, stmt, target, id); err != nil {
					return err
				}
			}
			if _, err := tx.Exec(ctx, `INSERT INTO source_redirects (old, new) VALUES ($1, $2)`, id, target); err != nil {
				return err
			}
			aliases := aliasList(dst.aliases, dst.name, append([]string{src.Name}, src.Aliases...))
			if err := insertAliases(ctx, tx, target, aliases); err != nil {
				return err
			}
			if roles := union(dst.roles, src.Roles); len(roles) != len(dst.roles) {
				if _, err := tx.Exec(ctx, `UPDATE sources SET roles = $1 WHERE id = $2`, list(roles), target); err != nil {
					return err
				}
			}
			if _, err := tx.Exec(ctx, `DELETE FROM sources WHERE id = $1`, id); err != nil {
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

// reindexSource rewrites the search vector of a source from its name and
// aliases.
func reindexSource(ctx context.Context, tx pgx.Tx, id string) error {
	r, err := loadSourceRow(ctx, tx, id, false)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `UPDATE sources SET tsv = $1::tsvector WHERE id = $2`, sourceVector(r.name, r.aliases), id)
	return err
}

// SplitSource moves the mentions of id that names name to a new source.
func (db *DB) SplitSource(ctx context.Context, id string, names ...string) (*claimtrail.Source, error) {
	var keys []string
	for _, n := range names {
		if k := text.Key(n); k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("split source: %w: name the mentions or aliases to split from %q", claimtrail.ErrInvalidInput, id)
	}
	var out *claimtrail.Source
	err := db.write(ctx, func(tx pgx.Tx) error {
		rid, err := resolve(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `SELECT 1 FROM sources WHERE id = $1 FOR UPDATE`, rid); err != nil {
			return err
		}
		old, err := loadSource(ctx, tx, rid)
		if err != nil {
			return err
		}
		const match = `source_id = $1 AND (mention_key = ANY($2) OR name_key = ANY($2))`
		var moved, total, aliases int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM mentions WHERE `+match, rid, keys).Scan(&moved); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM mentions WHERE source_id = $1`, rid).Scan(&total); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM aliases WHERE source_id = $1 AND key = ANY($2)`, rid, keys).Scan(&aliases); err != nil {
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
		rows, err := tx.Query(ctx, `SELECT alias FROM aliases WHERE source_id = $1 AND key = ANY($2) ORDER BY key`, rid, keys)
		if err != nil {
			return err
		}
		moving, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		nid := claimtrail.SourceID(old.Kind, keys[0], "split:"+rid)
		newID, err := upsertSource(ctx, tx, claimtrail.Source{ID: nid, Name: strings.TrimSpace(names[0]), Kind: old.Kind,
			Anonymous: old.Anonymous, Aliases: append(slices.Clone(names[1:]), moving...)})
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE mentions SET source_id = $3 WHERE `+match, rid, keys, newID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM aliases WHERE source_id = $1 AND key = ANY($2)`, rid, keys); err != nil {
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

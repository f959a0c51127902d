package sqlstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// Writer is a write transaction with what each store does its own way
// when sources change: the PostgreSQL store locks rows and keeps a
// source's search vector in its row, the SQLite store holds the write
// lock from BEGIN and keeps FTS5 rows beside the table.
type Writer interface {
	Querier
	// Exec runs a statement and returns how many rows it changed.
	Exec(ctx context.Context, sql string, args ...any) (int64, error)
	// LockSources locks the rows of the sources ids (sorted) for the rest
	// of the transaction.
	LockSources(ctx context.Context, ids []string) error
	// UpsertSource adds s, or adds its aliases and roles to the source it
	// already is (following merges), and returns the id it is stored
	// under.
	UpsertSource(ctx context.Context, s claimtrail.Source) (string, error)
	// AddAliases gives source id, called name, those of aliases it lacks
	// (by key, and not its name).
	AddAliases(ctx context.Context, id, name string, aliases []string) error
	// ReindexSource makes the search index of source id match its name
	// and aliases.
	ReindexSource(ctx context.Context, id string) error
	// DeleteSource deletes source id and its search index.
	DeleteSource(ctx context.Context, id string) error
}

// MergeSources folds the sources from into into.
func (s *Store) MergeSources(ctx context.Context, into string, from ...string) (*claimtrail.Source, error) {
	if len(from) == 0 {
		return nil, fmt.Errorf("merge sources: %w: name at least one source to merge into %q", claimtrail.ErrInvalidInput, into)
	}
	if slices.Contains(from, into) {
		return nil, fmt.Errorf("merge sources: %w: %q cannot be merged into itself", claimtrail.ErrInvalidInput, into)
	}
	d := s.d
	var out *claimtrail.Source
	err := s.write(ctx, func(w Writer) error {
		target, err := d.Resolve(ctx, w, into)
		if err != nil {
			return err
		}
		ids := []string{target}
		for _, f := range from {
			id, err := d.Resolve(ctx, w, f)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		slices.Sort(ids)
		if err := w.LockSources(ctx, ids); err != nil {
			return err
		}
		if _, err := d.loadSource(ctx, w, target); err != nil {
			return err
		}
		for _, f := range from {
			// Again under the locks: another merge may have moved it.
			id, err := d.Resolve(ctx, w, f)
			if err != nil {
				return err
			}
			if id == target {
				continue // merged already
			}
			src, err := d.loadSource(ctx, w, id)
			if err != nil {
				return err
			}
			dst, err := d.loadSource(ctx, w, target)
			if err != nil {
				return err
			}
			for _, stmt := range []string{
				`UPDATE mentions SET source_id = ? WHERE source_id = ?`,
				`UPDATE source_redirects SET new = ? WHERE new = ?`,
			} {
				if _, err := w.Exec(ctx, d.sql(stmt), target, id); err != nil {
					return err
				}
			}
			if _, err := w.Exec(ctx, d.sql(`INSERT INTO source_redirects (old, new) VALUES (?, ?)`), id, target); err != nil {
				return err
			}
			if err := w.AddAliases(ctx, target, dst.Name, append([]string{src.Name}, src.Aliases...)); err != nil {
				return err
			}
			if roles := Union(dst.Roles, src.Roles); len(roles) != len(dst.Roles) {
				if _, err := w.Exec(ctx, d.sql(`UPDATE sources SET roles = ? WHERE id = ?`), d.List(roles), target); err != nil {
					return err
				}
			}
			if err := w.DeleteSource(ctx, id); err != nil {
				return err
			}
		}
		if err := w.ReindexSource(ctx, target); err != nil {
			return err
		}
		out, err = d.loadSource(ctx, w, target)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("merge sources: %w", err)
	}
	return out, nil
}

// SplitSource moves the mentions of id that names name to a new source.
func (s *Store) SplitSource(ctx context.Context, id string, names ...string) (*claimtrail.Source, error) {
	var keys []string
	for _, n := range names {
		if k := text.Key(n); k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("split source: %w: name the mentions or aliases to split from %q", claimtrail.ErrInvalidInput, id)
	}
	d := s.d
	var out *claimtrail.Source
	err := s.write(ctx, func(w Writer) error {
		rid, err := d.Resolve(ctx, w, id)
		if err != nil {
			return err
		}
		if err := w.LockSources(ctx, []string{rid}); err != nil {
			return err
		}
		old, err := d.loadSource(ctx, w, rid)
		if err != nil {
			return err
		}
		var match conds
		match.add("source_id = ?", rid)
		byMention, mentionArgs := inList(d, "mention_key", keys)
		byName, nameArgs := inList(d, "name_key", keys)
		match.add("("+byMention+" OR "+byName+")", append(mentionArgs, nameArgs...)...)
		var alias conds
		alias.add("source_id = ?", rid)
		alias.addIn(inList(d, "key", keys))
		count := func(table string, c conds) (n int, err error) {
			err = w.QueryRow(ctx, d.sql(`SELECT count(*) FROM `+table+c.where()), c.args...).Scan(&n)
			return
		}
		moved, err := count("mentions", match)
		if err != nil {
			return err
		}
		total, err := count("mentions", conds{list: []string{"source_id = ?"}, args: []any{rid}})
		if err != nil {
			return err
		}
		aliases, err := count("aliases", alias)
		if err != nil {
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
		moving, err := Strings(w.Query(ctx, d.sql(`SELECT alias FROM aliases`+alias.where()+` ORDER BY key`), alias.args...))
		if err != nil {
			return err
		}
		nid := claimtrail.SourceID(old.Kind, keys[0], "split:"+rid)
		newID, err := w.UpsertSource(ctx, claimtrail.Source{ID: nid, Name: strings.TrimSpace(names[0]), Kind: old.Kind,
			Anonymous: old.Anonymous, Aliases: append(slices.Clone(names[1:]), moving...)})
		if err != nil {
			return err
		}
		if _, err := w.Exec(ctx, d.sql(`UPDATE mentions SET source_id = ?`+match.where()), append([]any{newID}, match.args...)...); err != nil {
			return err
		}
		if _, err := w.Exec(ctx, d.sql(`DELETE FROM aliases`+alias.where()), alias.args...); err != nil {
			return err
		}
		if err := w.ReindexSource(ctx, rid); err != nil {
			return err
		}
		if err := w.ReindexSource(ctx, newID); err != nil {
			return err
		}
		out, err = d.loadSource(ctx, w, newID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("split source: %w", err)
	}
	return out, nil
}

// AddRedirects records merged ids (old to new) as an import restores
// them. A redirect whose target is not a stored source, or whose old id
// still is one, is an error.
func (s *Store) AddRedirects(ctx context.Context, redirects map[string]string) error {
	err := s.write(ctx, func(w Writer) error {
		for o, n := range redirects {
			k, err := w.Exec(ctx, s.d.sql(`INSERT INTO source_redirects (old, new) SELECT ?, id FROM sources WHERE id = ?
				AND NOT EXISTS (SELECT 1 FROM sources WHERE id = ?) ON CONFLICT (old) DO UPDATE SET new = excluded.new`), o, n, o)
			if err != nil {
				return err
			}
			if k == 0 {
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

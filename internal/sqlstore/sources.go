package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// Resolve follows the redirects of merged sources from id.
func (d *Dialect) Resolve(ctx context.Context, q Querier, id string) (string, error) {
	for range d.RedirectHops {
		var next string
		err := q.QueryRow(ctx, d.sql(`SELECT new FROM source_redirects WHERE old = ?`), id).Scan(&next)
		if errors.Is(err, ErrNoRows) {
			break
		}
		if err != nil {
			return "", err
		}
		id = next
	}
	return id, nil
}

// sourceIDs returns the ids of the sources ref names: an id (or a merged
// one), a name or an alias.
func (d *Dialect) sourceIDs(ctx context.Context, q Querier, ref string) ([]string, error) {
	id, err := d.Resolve(ctx, q, ref)
	if err != nil {
		return nil, err
	}
	k := text.Key(ref)
	return Strings(q.Query(ctx, d.sql(`SELECT id FROM sources WHERE id = ? OR key = ?
		UNION SELECT source_id FROM aliases WHERE key = ? ORDER BY 1`), id, k, k))
}

// loadSource reads source id with its aliases; ErrNotFound if there is
// none (redirects are not followed).
func (d *Dialect) loadSource(ctx context.Context, q Querier, id string) (*claimtrail.Source, error) {
	var s claimtrail.Source
	err := q.QueryRow(ctx, d.sql(`SELECT `+d.sourceCols()+` FROM sources s WHERE s.id = ?`), id).Scan(sourceDest(&s)...)
	if errors.Is(err, ErrNoRows) {
		return nil, fmt.Errorf("source %q: %w", id, claimtrail.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	if s.Aliases, err = d.SourceAliases(ctx, q, id); err != nil {
		return nil, err
	}
	return &s, nil
}

// SourceAliases lists the aliases of source id as the store orders them.
func (d *Dialect) SourceAliases(ctx context.Context, q Querier, id string) ([]string, error) {
	return Strings(q.Query(ctx, d.sql(`SELECT alias FROM aliases WHERE source_id = ? ORDER BY key, alias`), id))
}

// Source returns one canonical source by id, merged id, name or alias.
func (s *Store) Source(ctx context.Context, ref string) (*claimtrail.Source, error) {
	if s.d.NoNUL && strings.ContainsRune(ref, 0) {
		return nil, fmt.Errorf("get source: source %q: %w", ref, claimtrail.ErrNotFound)
	}
	var out *claimtrail.Source
	err := s.read(ctx, func(q Querier) error {
		id, err := s.d.Resolve(ctx, q, ref)
		if err != nil {
			return err
		}
		if src, err := s.d.loadSource(ctx, q, id); err == nil || !errors.Is(err, claimtrail.ErrNotFound) {
			out = src
			return err
		}
		ids, err := s.d.sourceIDs(ctx, q, ref)
		if err != nil {
			return err
		}
		switch len(ids) {
		case 0:
			return fmt.Errorf("source %q: %w", ref, claimtrail.ErrNotFound)
		case 1:
			out, err = s.d.loadSource(ctx, q, ids[0])
			return err
		}
		return fmt.Errorf("source %q: %w: it names %d sources (%s); use an id", ref, claimtrail.ErrAmbiguous, len(ids), strings.Join(ids, ", "))
	})
	if err != nil {
		return nil, fmt.Errorf("get source: %w", err)
	}
	return out, nil
}

// likeEscaper escapes the LIKE wildcards of a key, with \ as the escape.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// Sources lists sources, most cited first.
func (s *Store) Sources(ctx context.Context, f claimtrail.SourceFilter) ([]claimtrail.SourceCount, error) {
	var c conds
	if f.Name != "" {
		k := text.Key(strings.TrimSuffix(f.Name, "*"))
		if strings.HasSuffix(f.Name, "*") {
			pat := likeEscaper.Replace(k) + "%"
			c.add(`(s.key LIKE ? ESCAPE '\' OR EXISTS (SELECT 1 FROM aliases al WHERE al.source_id = s.id AND al.key LIKE ? ESCAPE '\'))`, pat, pat)
		} else {
			c.add(`(s.key = ? OR EXISTS (SELECT 1 FROM aliases al WHERE al.source_id = s.id AND al.key = ?))`, k, k)
		}
	}
	if f.Kind != "" {
		c.add("s.kind = ?", string(f.Kind))
	}
	query := s.d.sql(s.d.SourcesWith + `SELECT ` + s.d.sourceCols() + `, ` + s.d.SourceCounts + ` FROM sources s` + c.where() +
		` ORDER BY claims DESC, s.key, s.id` + limit(f.Limit))
	var out []claimtrail.SourceCount
	err := s.read(ctx, func(q Querier) (err error) {
		out, err = queryAll(ctx, q, func(row Row) (sc claimtrail.SourceCount, err error) {
			err = row.Scan(append(sourceDest(&sc.Source), &sc.Claims, &sc.Via, &sc.Articles)...)
			return
		}, query, c.args...)
		if err != nil {
			return err
		}
		for i := range out {
			if out[i].Source.Aliases, err = s.d.SourceAliases(ctx, q, out[i].Source.ID); err != nil {
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

package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/sqlstore"
	"github.com/claimtrail/claimtrail/text"
)

// Save stores the records in one transaction: each whole, or none.
func (db *DB) Save(ctx context.Context, records []claimtrail.Record) ([]claimtrail.Saved, error) {
	if err := sqlstore.CheckRecords(records, check); err != nil {
		return nil, fmt.Errorf("save: %w", err)
	}
	var out []claimtrail.Saved
	err := db.write(ctx, func(tx pgx.Tx) error {
		var err error
		out, err = saveBatch(ctx, tx, records)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("save: %w", err)
	}
	return out, nil
}

// check runs the contract's checks and PostgreSQL's own: its text type
// holds no NUL and no invalid UTF-8 in any field.
func check(rec *claimtrail.Record) error {
	if err := rec.Check(); err != nil {
		return err
	}
	if f := unstorable(rec); f != "" {
		return fmt.Errorf("%w: %s is not valid UTF-8 without NUL, which PostgreSQL text cannot hold", claimtrail.ErrInvalidInput, f)
	}
	return nil
}

// unstorable names the first field of rec that PostgreSQL would refuse
// (text must be valid UTF-8 without NUL), or returns "".
func unstorable(rec *claimtrail.Record) string {
	bad := func(ss ...string) bool {
		for _, s := range ss {
			if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
				return true
			}
		}
		return false
	}
	a := rec.Article
	if bad(a.ID, a.URL, a.Outlet, a.Story, a.Lang, a.Title, a.Byline, a.Path, a.Hash) || bad(a.SourceLine...) {
		return "an article field"
	}
	for _, c := range a.Credits {
		if bad(c.Text) {
			return "a credit"
		}
	}
	for _, c := range rec.Claims {
		if bad(c.ID, c.ArticleID, string(c.Type), c.Cue.Text, c.Cue.Lemma, string(c.Cue.Class), string(c.Cue.Stance), c.Content.Text, c.NestedIn) {
			return "claim " + c.ID
		}
		for _, m := range sqlstore.Mentions(c) {
			if bad(m.Mention, m.Name, string(m.Kind), m.Role, m.ResolvedFrom, m.SourceID) || bad(m.Aliases...) {
				return "a mention of claim " + c.ID
			}
		}
	}
	for _, s := range rec.Sources {
		if bad(s.ID, s.Name, string(s.Kind), s.Affiliation) || bad(s.Roles...) || bad(s.Aliases...) {
			return "source " + s.ID
		}
	}
	return ""
}

// saveBatch writes the records in order. Before writing any, it takes
// the locks the batch needs in one global order (article keys, then
// outlets and stories, then sources, each sorted), so that concurrent
// batches queue rather than deadlock, and so that two writers of one key
// cannot both add its version.
func saveBatch(ctx context.Context, tx pgx.Tx, records []claimtrail.Record) ([]claimtrail.Saved, error) {
	keys := make([]string, len(records))
	for i := range records {
		keys[i] = claimtrail.VersionKey(records[i].Article)
	}
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	if _, err := tx.Exec(ctx, `INSERT INTO articles (key) SELECT k FROM unnest($1::text[]) AS k ORDER BY k COLLATE "C"
		ON CONFLICT (key) DO NOTHING`, sorted); err != nil {
		return nil, err
	}
	rows, err := tx.Query(ctx, `SELECT key, id FROM articles WHERE key = ANY($1) ORDER BY key FOR NO KEY UPDATE`, sorted)
	if err != nil {
		return nil, err
	}
	artIDs := map[string]int64{}
	for rows.Next() {
		var k string
		var id int64
		if err := rows.Scan(&k, &id); err != nil {
			rows.Close()
			return nil, err
		}
		artIDs[k] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// With the keys locked, which texts are stored is settled: the new
	// records are known before anything is written.
	have := map[string]bool{}      // key \x00 hash
	versioned := map[string]bool{} // keys with a version
	rows, err = tx.Query(ctx, `SELECT a.key, v.hash FROM versions v JOIN articles a ON a.id = v.article WHERE a.key = ANY($1)`, sorted)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var k, h string
		if err := rows.Scan(&k, &h); err != nil {
			rows.Close()
			return nil, err
		}
		have[k+"\x00"+h], versioned[k] = true, true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	fresh := make([]bool, len(records))
	added := make([]bool, len(records))
	for i, r := range records {
		hk := keys[i] + "\x00" + r.Article.Hash
		if have[hk] {
			continue
		}
		fresh[i], added[i] = true, !versioned[keys[i]]
		have[hk], versioned[keys[i]] = true, true
	}

	outlets, err := namedIDs(ctx, tx, "outlets", records, fresh, func(a *claimtrail.Article) string { return a.Outlet })
	if err != nil {
		return nil, err
	}
	stories, err := namedIDs(ctx, tx, "stories", records, fresh, func(a *claimtrail.Article) string { return a.Story })
	if err != nil {
		return nil, err
	}
	// Sources in id order; several records with one source update it in
	// record order.
	var srcs []claimtrail.Source
	for i, r := range records {
		if fresh[i] {
			srcs = append(srcs, r.Sources...)
		}
	}
	slices.SortStableFunc(srcs, func(a, b claimtrail.Source) int { return strings.Compare(a.ID, b.ID) })
	ids := map[string]string{} // source id as given -> id in the store
	// Most sources are stored already with all the record says of them:
	// one query finds those. New ones are added in one round trip, and
	// only the rest are written one by one.
	known, err := loadSourceRows(ctx, tx, srcs)
	if err != nil {
		return nil, err
	}
	inserted, err := insertNewSources(ctx, tx, srcs, known)
	if err != nil {
		return nil, err
	}
	for i, s := range srcs {
		if inserted[i] {
			ids[s.ID] = s.ID
			continue
		}
		if cur, ok := known[s.ID]; ok {
			if _, _, same := sourceChanges(cur, s); same {
				ids[s.ID] = cur.id
				continue
			}
			delete(known, s.ID) // changed now: read it again next time
		}
		id, err := upsertSource(ctx, tx, s)
		if err != nil {
			return nil, fmt.Errorf("source %s: %w", s.ID, err)
		}
		ids[s.ID] = id
	}

	out := make([]claimtrail.Saved, 0, len(records))
	for i := range records {
		a := records[i].Article
		var s claimtrail.Saved
		var err error
		if fresh[i] {
			status := claimtrail.NewVersion
			if added[i] {
				status = claimtrail.Added
			}
			s, err = insertVersion(ctx, tx, &records[i], artIDs[keys[i]], outlets[text.Key(a.Outlet)], stories[text.Key(a.Story)], ids, status)
		} else {
			s, err = unchanged(ctx, tx, keys[i], a.Hash, artIDs[keys[i]])
		}
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// unchanged is the outcome of a record whose text is stored under its key.
func unchanged(ctx context.Context, tx pgx.Tx, key, hash string, art int64) (claimtrail.Saved, error) {
	var num int
	var captured *time.Time
	var storedID, storedVID string
	// The stored version id, not one derived from today's key: a key
	// rewritten by a migration keeps the ids it was stored with.
	if err := tx.QueryRow(ctx, `SELECT id, number, captured, article_id FROM versions WHERE article = $1 AND hash = $2`, art, hash).
		Scan(&storedVID, &num, &captured, &storedID); err != nil {
		return claimtrail.Saved{}, err
	}
	return claimtrail.Saved{Status: claimtrail.Unchanged, VersionID: storedVID, Version: claimtrail.Version{
		ArticleID: storedID, Key: key, Number: num, Hash: hash, Captured: utc(captured)}}, nil
}

// namedIDs adds the outlets or stories the fresh records name (the name
// as the first record writes it) and returns their ids by key.
func namedIDs(ctx context.Context, tx pgx.Tx, table string, records []claimtrail.Record, fresh []bool, name func(*claimtrail.Article) string) (map[string]int64, error) {
	names := map[string]string{}
	var keys []string
	for i, r := range records {
		n := strings.TrimSpace(name(r.Article))
		if !fresh[i] || n == "" {
			continue
		}
		k := text.Key(n)
		if _, ok := names[k]; !ok {
			names[k] = n
			keys = append(keys, k)
		}
	}
	out := map[string]int64{}
	if len(keys) == 0 {
		return out, nil
	}
	slices.Sort(keys)
	scan := func() error {
		rows, err := tx.Query(ctx, `SELECT key, id FROM `+table+` WHERE key = ANY($1)`, keys)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			var id int64
			if err := rows.Scan(&k, &id); err != nil {
				return err
			}
			out[k] = id
		}
		return rows.Err()
	}
	if err := scan(); err != nil {
		return nil, err
	}
	var missing, missingNames []string
	for _, k := range keys {
		if _, ok := out[k]; !ok {
			missing, missingNames = append(missing, k), append(missingNames, names[k])
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO `+table+` (name, key) SELECT n, k FROM unnest($1::text[], $2::text[]) AS t(n, k)
		ORDER BY k COLLATE "C" ON CONFLICT (key) DO NOTHING`, missingNames, missing); err != nil {
		return nil, err
	}
	return out, scan()
}

// insertVersion writes one new version with its claims and mentions in
// one round trip, numbers the key's versions by capture time and points
// the article at its latest.
func insertVersion(ctx context.Context, tx pgx.Tx, rec *claimtrail.Record, art int64, outlet, story int64, ids map[string]string, status claimtrail.SaveStatus) (claimtrail.Saved, error) {
	a := rec.Article
	key := claimtrail.VersionKey(a)
	vid := claimtrail.VersionID(key, a.Hash)
	// Mentions linked to a source the record did not carry keep the link
	// with what the mention says of the source.
	for _, c := range rec.Claims {
		for _, m := range sqlstore.Mentions(c) {
			if m.SourceID == "" {
				continue
			}
			if _, ok := ids[m.SourceID]; ok {
				continue
			}
			id, err := upsertSource(ctx, tx, sqlstore.MentionSource(m))
			if err != nil {
				return claimtrail.Saved{}, err
			}
			ids[m.SourceID] = id
		}
	}
	slStart, slEnd := sqlstore.SpanArgs(a.SourceLineSpan)
	var b pgx.Batch
	b.Queue(`UPDATE articles SET outlet_id = coalesce($1, outlet_id), story_id = coalesce($2, story_id) WHERE id = $3`,
		nullID(outlet), nullID(story), art)
	b.Queue(`INSERT INTO versions (id, article, number, article_id, hash, url, outlet, story, lang, title,
		byline, path, text, published, captured, date, source_line, source_line_start, source_line_end, credits, chrome, claim_count, tsv)
		VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb, $20::jsonb, $21, $22::tsvector)`,
		vid, art, a.ID, a.Hash, a.URL, a.Outlet, a.Story, a.Lang, a.Title, a.Byline, a.Path, a.Text,
		ts(a.Published), ts(a.Captured), ts(sqlstore.Date(a)), list(a.SourceLine), slStart, slEnd,
		sqlstore.JSON(a.Credits), sqlstore.JSON(a.Chrome), len(rec.Claims), tsvector(a.Title+"\n"+a.Text))
	for seq, c := range rec.Claims {
		b.Queue(`INSERT INTO claims (version_id, seq, id, article_id, type, cue_text, cue_lemma, cue_class,
			stance, negated, cue_start, cue_end, content, content_start, content_end, paragraph, sentence, nested_in, implicit, tsv)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::tsvector)`,
			vid, seq, c.ID, c.ArticleID, string(c.Type), c.Cue.Text, c.Cue.Lemma, string(c.Cue.Class),
			string(c.Cue.Stance), c.Cue.Negated, c.Cue.Span.Start, c.Cue.Span.End, c.Content.Text, c.Content.Span.Start,
			c.Content.Span.End, c.Paragraph, c.Sentence, c.NestedIn, c.Implicit, tsvector(c.Content.Text))
		for slot, m := range sqlstore.Mentions(c) {
			var sid any
			if m.SourceID != "" {
				sid = ids[m.SourceID]
			}
			rs, re := sqlstore.SpanArgs(m.RoleSpan)
			b.Queue(`INSERT INTO mentions (version_id, claim_seq, slot, mention, name, mention_key, name_key,
				kind, anonymous, role, resolved_from, aliases, source_id, span_start, span_end, role_start, role_end)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
				vid, seq, slot, m.Mention, m.Name, text.Key(m.Mention), text.Key(m.Name),
				string(m.Kind), m.Anonymous, m.Role, m.ResolvedFrom, list(m.Aliases), sid, m.Span.Start, m.Span.End, rs, re)
		}
	}
	// Number the versions by capture time (unknown times first), then by
	// the order they were saved.
	b.Queue(`UPDATE versions v SET number = r.n FROM (
		SELECT id, row_number() OVER (ORDER BY captured ASC NULLS FIRST, seq) AS n FROM versions WHERE article = $1) r
		WHERE v.id = r.id AND v.number <> r.n`, art)
	b.Queue(`UPDATE articles SET latest_version = (SELECT id FROM versions WHERE article = $1 ORDER BY number DESC LIMIT 1)
		WHERE id = $1`, art)
	var num int
	b.Queue(`SELECT number FROM versions WHERE id = $1`, vid).QueryRow(func(row pgx.Row) error { return row.Scan(&num) })
	if err := tx.SendBatch(ctx, &b).Close(); err != nil {
		return claimtrail.Saved{}, err
	}
	return claimtrail.Saved{Status: status, VersionID: vid, Version: claimtrail.Version{
		ArticleID: a.ID, Key: key, Number: num, Hash: a.Hash, Captured: a.Captured}}, nil
}

// insertNewSources adds, in one batch, the first record of each source
// that is not stored (by id, in order), and reports which of srcs it
// stored. A source another writer added meanwhile is left for
// upsertSource.
func insertNewSources(ctx context.Context, tx pgx.Tx, srcs []claimtrail.Source, known map[string]sourceRow) ([]bool, error) {
	added := make([]bool, len(srcs))
	var b pgx.Batch
	var at []int
	for i, s := range srcs {
		if _, ok := known[s.ID]; ok || i > 0 && srcs[i-1].ID == s.ID {
			continue
		}
		name := s.Name
		if name == "" {
			name = s.ID
		}
		aliases := aliasList(nil, name, s.Aliases)
		texts, keys := make([]string, len(aliases)), make([]string, len(aliases))
		for j, a := range aliases {
			texts[j], keys[j] = a.text, a.key
		}
		at = append(at, i)
		b.Queue(`WITH s AS (INSERT INTO sources (id, name, key, kind, anonymous, affiliation, roles, tsv)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8::tsvector) ON CONFLICT (id) DO NOTHING RETURNING id),
			a AS (INSERT INTO aliases (source_id, alias, key) SELECT s.id, t, k FROM s, unnest($9::text[], $10::text[]) AS x(t, k)
				ON CONFLICT DO NOTHING)
			SELECT count(*) FROM s`,
			s.ID, name, text.Key(name), string(s.Kind), s.Anonymous, s.Affiliation, list(s.Roles), sourceVector(name, aliases), texts, keys).
			QueryRow(func(row pgx.Row) error {
				var n int
				err := row.Scan(&n)
				added[i] = n == 1
				return err
			})
	}
	if len(at) == 0 {
		return added, nil
	}
	return added, tx.SendBatch(ctx, &b).Close()
}

// upsertSource adds s, or adds its aliases and roles to the source it
// already is (following merges), and returns the id it is stored under.
// It reads without a lock first: a source seen before usually brings
// nothing new, and then many writers can share it without waiting.
func upsertSource(ctx context.Context, tx pgx.Tx, s claimtrail.Source) (string, error) {
	for _, lock := range []bool{false, true} {
		cur, err := loadSourceRow(ctx, tx, s.ID, lock)
		if errors.Is(err, pgx.ErrNoRows) {
			name := s.Name
			if name == "" {
				name = s.ID
			}
			aliases := aliasList(nil, name, s.Aliases)
			tag, err := tx.Exec(ctx, `INSERT INTO sources (id, name, key, kind, anonymous, affiliation, roles, tsv)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8::tsvector) ON CONFLICT (id) DO NOTHING`,
				s.ID, name, text.Key(name), string(s.Kind), s.Anonymous, s.Affiliation, list(s.Roles), sourceVector(name, aliases))
			if err != nil {
				return "", err
			}
			if tag.RowsAffected() == 0 {
				continue // another writer added it first: update theirs
			}
			if err := insertAliases(ctx, tx, s.ID, aliases); err != nil {
				return "", err
			}
			return s.ID, nil
		}
		if err != nil {
			return "", err
		}
		roles, aliases, same := sourceChanges(cur, s)
		if same {
			return cur.id, nil
		}
		if !lock {
			continue // read again under a lock before changing it
		}
		if len(roles) != len(cur.roles) {
			if _, err := tx.Exec(ctx, `UPDATE sources SET roles = $1 WHERE id = $2`, list(roles), cur.id); err != nil {
				return "", err
			}
		}
		if len(aliases) != len(cur.aliases) {
			if err := insertAliases(ctx, tx, cur.id, aliases); err != nil {
				return "", err
			}
			if _, err := tx.Exec(ctx, `UPDATE sources SET tsv = $1::tsvector WHERE id = $2`, sourceVector(cur.name, aliases), cur.id); err != nil {
				return "", err
			}
		}
		return cur.id, nil
	}
	return "", fmt.Errorf("source %s: changed under the writer twice", s.ID)
}

// sourceChanges is what s adds to the stored source cur: the roles and
// aliases it would have, and whether they are the ones it has.
func sourceChanges(cur sourceRow, s claimtrail.Source) (roles []string, aliases []alias, same bool) {
	roles = sqlstore.Union(cur.roles, s.Roles)
	more := s.Aliases
	if s.Name != "" && text.Key(s.Name) != text.Key(cur.name) {
		more = append(slices.Clone(more), s.Name)
	}
	aliases = aliasList(cur.aliases, cur.name, more)
	return roles, aliases, len(roles) == len(cur.roles) && len(aliases) == len(cur.aliases)
}

// loadSourceRows reads, without locks, the stored sources that the ids
// of srcs lead to, by the id given.
func loadSourceRows(ctx context.Context, tx pgx.Tx, srcs []claimtrail.Source) (map[string]sourceRow, error) {
	out := map[string]sourceRow{}
	if len(srcs) == 0 {
		return out, nil
	}
	var given []string
	for _, s := range srcs {
		given = append(given, s.ID)
	}
	rows, err := tx.Query(ctx, `SELECT g.id, s.id, s.name, s.roles,
		coalesce(array_agg(al.alias ORDER BY al.key, al.alias) FILTER (WHERE al.key IS NOT NULL), '{}'),
		coalesce(array_agg(al.key ORDER BY al.key, al.alias) FILTER (WHERE al.key IS NOT NULL), '{}')
		FROM (SELECT DISTINCT id FROM unnest($1::text[]) AS u(id)) g
		JOIN sources s ON s.id = coalesce((SELECT new FROM source_redirects WHERE old = g.id), g.id)
		LEFT JOIN aliases al ON al.source_id = s.id GROUP BY g.id, s.id`, given)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var g string
		var r sourceRow
		var texts, keys []string
		if err := rows.Scan(&g, &r.id, &r.name, &r.roles, &texts, &keys); err != nil {
			return nil, err
		}
		for i := range texts {
			r.aliases = append(r.aliases, alias{texts[i], keys[i]})
		}
		out[g] = r
	}
	return out, rows.Err()
}

// sourceRow is a stored source as upsertSource needs it.
type sourceRow struct {
	id, name string
	roles    []string
	aliases  []alias
}

type alias struct{ text, key string }

// loadSourceRow reads the source id leads to (merges are flattened: a
// redirect always names a source that exists), locked if lock is set.
func loadSourceRow(ctx context.Context, tx pgx.Tx, id string, lock bool) (sourceRow, error) {
	q := `SELECT s.id, s.name, s.roles, coalesce(array_agg(al.alias ORDER BY al.key, al.alias) FILTER (WHERE al.key IS NOT NULL), '{}'),
		coalesce(array_agg(al.key ORDER BY al.key, al.alias) FILTER (WHERE al.key IS NOT NULL), '{}')
		FROM sources s LEFT JOIN aliases al ON al.source_id = s.id
		WHERE s.id = coalesce((SELECT new FROM source_redirects WHERE old = $1), $1) GROUP BY s.id`
	if lock {
		// FOR NO KEY UPDATE cannot be combined with GROUP BY: lock first.
		if _, err := tx.Exec(ctx, `SELECT 1 FROM sources WHERE id = coalesce((SELECT new FROM source_redirects WHERE old = $1), $1)
			FOR NO KEY UPDATE`, id); err != nil {
			return sourceRow{}, err
		}
	}
	var r sourceRow
	var texts, keys []string
	if err := tx.QueryRow(ctx, q, id).Scan(&r.id, &r.name, &r.roles, &texts, &keys); err != nil {
		return r, err
	}
	for i := range texts {
		r.aliases = append(r.aliases, alias{texts[i], keys[i]})
	}
	return r, nil
}

// aliasList adds to have the aliases of more that are new (by key) and
// are not the name, in the order the store lists them (key, then text).
func aliasList(have []alias, name string, more []string) []alias {
	out := slices.Clone(have)
	nk := text.Key(name)
	for _, m := range more {
		m = strings.TrimSpace(m)
		k := text.Key(m)
		if k == "" || k == nk || slices.ContainsFunc(out, func(a alias) bool { return a.key == k }) {
			continue
		}
		out = append(out, alias{m, k})
	}
	slices.SortFunc(out, func(a, b alias) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.text, b.text)
	})
	return out
}

func insertAliases(ctx context.Context, tx pgx.Tx, id string, aliases []alias) error {
	if len(aliases) == 0 {
		return nil
	}
	texts, keys := make([]string, len(aliases)), make([]string, len(aliases))
	for i, a := range aliases {
		texts[i], keys[i] = a.text, a.key
	}
	_, err := tx.Exec(ctx, `INSERT INTO aliases (source_id, alias, key) SELECT $1, t, k FROM unnest($2::text[], $3::text[]) AS x(t, k)
		ON CONFLICT DO NOTHING`, id, texts, keys)
	return err
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

// sourceVector is the search vector of a source: its name and aliases,
// one per line, as the SQLite store indexes them.
func sourceVector(name string, aliases []alias) string {
	parts := []string{name}
	for _, a := range aliases {
		parts = append(parts, a.text)
	}
	return tsvector(strings.Join(parts, "\n"))
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// ts stores a zero time as NULL.
func ts(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func utc(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// list stores an empty list as NULL, so it reads back as nil.
func list(v []string) any {
	if len(v) == 0 {
		return nil
	}
	return v
}

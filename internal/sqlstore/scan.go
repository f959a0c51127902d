package sqlstore

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/claimtrail/claimtrail"
)

// The column readers below take a value as either driver gives it to a
// Scan(src any) method: database/sql passes SQLite's int64 and string,
// pgx the time.Time, int64 and string its types decode to. A list is read
// as JSON text (Dialect.JSON), because pgx hands an array to such a method
// in its binary form.

// timeCol reads a nullable time: the SQLite store keeps microseconds since
// the epoch, the PostgreSQL store a timestamptz. NULL is the zero time.
type timeCol struct{ t *time.Time }

func (c *timeCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.t = time.Time{}
	case int64:
		*c.t = time.UnixMicro(v).UTC()
	case time.Time:
		*c.t = v.UTC()
	default:
		return fmt.Errorf("time column holds %T", src)
	}
	return nil
}

// intCol reads a nullable integer.
type intCol struct {
	n     int
	valid bool
}

func (c *intCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		c.n, c.valid = 0, false
	case int64:
		c.n, c.valid = int(v), true
	default:
		return fmt.Errorf("integer column holds %T", src)
	}
	return nil
}

// span is the span of two nullable columns, nil unless both are set.
func span(start, end intCol) *claimtrail.Span {
	if !start.valid || !end.valid {
		return nil
	}
	return &claimtrail.Span{Start: start.n, End: end.n}
}

// jsonCol reads a nullable list stored as JSON. NULL, an empty text and
// JSON that does not decode are all no list, as they always were.
type jsonCol[T any] struct{ v *[]T }

func (c *jsonCol[T]) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case nil:
	case string:
		b = []byte(v)
	case []byte:
		b = v
	default:
		return fmt.Errorf("JSON column holds %T", src)
	}
	*c.v = nil
	if len(b) == 0 {
		return nil
	}
	var out []T
	if json.Unmarshal(b, &out) == nil {
		*c.v = out
	}
	return nil
}

func jsonOf[T any](v *[]T) *jsonCol[T] { return &jsonCol[T]{v} }

// JSON is a list as the SQLite store and the PostgreSQL jsonb columns keep
// it: JSON text, and NULL (nil) for an empty list.
func JSON[T any](v []T) any {
	if len(v) == 0 {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return string(b)
}

// versionCols reads a stored version as scanVersion wants it; %s is the
// text column, or ” where the text is left out.
func (d *Dialect) versionCols(textCol string) string {
	return `v.id, v.number, v.article_id, v.hash, v.url, v.outlet, v.story, v.lang, v.title, v.byline, v.path, ` + textCol + `,
	v.published, v.captured, ` + d.json("v.source_line") + `, v.source_line_start, v.source_line_end, ` + d.json("v.credits") +
		`, ` + d.json("v.chrome") + `, v.claim_count, a.key, (SELECT count(*) FROM versions v3 WHERE v3.article = a.id)`
}

func scanVersion(row Row) (claimtrail.StoredArticle, error) {
	var sa claimtrail.StoredArticle
	a := &sa.Article
	var slStart, slEnd intCol
	if err := row.Scan(&sa.VersionID, &sa.Version.Number, &a.ID, &a.Hash, &a.URL, &a.Outlet, &a.Story, &a.Lang, &a.Title,
		&a.Byline, &a.Path, &a.Text, &timeCol{&a.Published}, &timeCol{&a.Captured}, jsonOf(&a.SourceLine), &slStart, &slEnd,
		jsonOf(&a.Credits), jsonOf(&a.Chrome), &sa.ClaimCount, &sa.Version.Key, &sa.Versions); err != nil {
		return sa, err
	}
	a.SourceLineSpan = span(slStart, slEnd)
	sa.Version.ArticleID, sa.Version.Hash, sa.Version.Captured = a.ID, a.Hash, a.Captured
	return sa, nil
}

func scanVersionRef(row Row) (v claimtrail.Version, err error) {
	err = row.Scan(&v.ArticleID, &v.Key, &v.Number, &v.Hash, &timeCol{&v.Captured})
	return v, err
}

// ArticleRefCols are the columns of an ArticleRef, from versions v,
// articles a, outlets o and stories st.
const ArticleRefCols = `v.id, v.article_id, a.key, v.number, v.url, coalesce(o.name, ''), coalesce(st.name, ''), v.title, v.published, v.captured`

// articleRefDest are the scan destinations of ArticleRefCols.
func articleRefDest(r *claimtrail.ArticleRef) []any {
	return []any{&r.VersionID, &r.ID, &r.Key, &r.Version, &r.URL, &r.Outlet, &r.Story, &r.Title,
		&timeCol{&r.Published}, &timeCol{&r.Captured}}
}

func (d *Dialect) claimCols() string {
	return d.RowID + `, c.version_id, c.seq, c.id, c.article_id, c.type, c.cue_text, c.cue_lemma, c.cue_class, c.stance,
	c.negated, c.cue_start, c.cue_end, c.content, c.content_start, c.content_end, c.paragraph, c.sentence, c.nested_in,
	c.implicit, v.article_id, a.key, v.number, v.url, coalesce(o.name, ''), coalesce(st.name, ''), v.title, v.published, v.captured`
}

const claimFrom = ` FROM claims c JOIN versions v ON v.id = c.version_id JOIN articles a ON a.id = v.article
	LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN stories st ON st.id = a.story_id `

// claimRow is a claim as read, with where it sits in the tables.
type claimRow struct {
	claimtrail.StoredClaim
	seq   int
	rowid int64
}

// claimScanner reads claim rows through one set of destinations, made
// once per query: a query reads many claims and many more mentions, and
// making the destinations again for each row doubled what reading
// allocated.
type claimScanner struct {
	cr   claimRow
	dest []any
}

func newClaimScanner() *claimScanner {
	s := &claimScanner{}
	cr := &s.cr
	c, r := &cr.Claim, &cr.Article
	s.dest = []any{&cr.rowid, &r.VersionID, &cr.seq, &c.ID, &c.ArticleID, &c.Type, &c.Cue.Text, &c.Cue.Lemma, &c.Cue.Class,
		&c.Cue.Stance, &c.Cue.Negated, &c.Cue.Span.Start, &c.Cue.Span.End, &c.Content.Text, &c.Content.Span.Start,
		&c.Content.Span.End, &c.Paragraph, &c.Sentence, &c.NestedIn, &c.Implicit, &r.ID, &r.Key, &r.Version, &r.URL,
		&r.Outlet, &r.Story, &r.Title, &timeCol{&r.Published}, &timeCol{&r.Captured}}
	return s
}

func (s *claimScanner) scan(row Row) (claimRow, error) {
	s.cr = claimRow{}
	err := row.Scan(s.dest...)
	return s.cr, err
}

func (d *Dialect) mentionCols() string {
	return `version_id, claim_seq, slot, mention, name, kind, anonymous, role, resolved_from, ` + d.json("aliases") + `,
	coalesce(source_id, ''), span_start, span_end, role_start, role_end`
}

// mentionRow is a mention as read, with the claim it belongs to.
type mentionRow struct {
	vid       string
	seq, slot int
	m         claimtrail.Mention
}

// mentionScanner reads mention rows as claimScanner reads claims.
type mentionScanner struct {
	mr     mentionRow
	rs, re intCol
	dest   []any
}

func newMentionScanner() *mentionScanner {
	s := &mentionScanner{}
	mr, m := &s.mr, &s.mr.m
	s.dest = []any{&mr.vid, &mr.seq, &mr.slot, &m.Mention, &m.Name, &m.Kind, &m.Anonymous, &m.Role, &m.ResolvedFrom,
		jsonOf(&m.Aliases), &m.SourceID, &m.Span.Start, &m.Span.End, &s.rs, &s.re}
	return s
}

func (s *mentionScanner) scan(row Row) (mentionRow, error) {
	s.mr = mentionRow{}
	err := row.Scan(s.dest...)
	s.mr.m.RoleSpan = span(s.rs, s.re)
	return s.mr, err
}

func (d *Dialect) sourceCols() string {
	return `s.id, s.name, s.kind, s.anonymous, s.affiliation, ` + d.json("s.roles")
}

// sourceDest are the scan destinations of sourceCols.
func sourceDest(s *claimtrail.Source) []any {
	return []any{&s.ID, &s.Name, &s.Kind, &s.Anonymous, &s.Affiliation, jsonOf(&s.Roles)}
}

// Union is a with the items of b it lacks, in order: the roles of a source
// as a record or a merge adds to them.
func Union(a, b []string) []string {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

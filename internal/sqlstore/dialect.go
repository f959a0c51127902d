package sqlstore

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Dialect is what the shared SQL needs to know of one database.
type Dialect struct {
	// Numbered: placeholders are $1, $2, ... and a list is one array
	// parameter (= ANY($n)). Otherwise placeholders are ? and a list is
	// expanded (IN (?, ?)).
	Numbered bool
	// NullsLast follows DESC where NULL would otherwise sort first, so
	// that articles without a date come last in both stores (SQLite sorts
	// NULL last in DESC by itself).
	NullsLast string
	// RowID is the claims column that search hits are joined back on.
	RowID string
	// AsJSON wraps a column that holds a list (a JSON array in SQLite, an
	// array or jsonb in PostgreSQL) so that it reads as JSON text; "" keeps
	// the column as it is.
	AsJSON string
	// Time is the parameter for a time compared with a date column.
	Time func(time.Time) any
	// List is the parameter for a list column, such as a source's roles.
	List func([]string) any
	// ClaimMentions is the condition that claim c has a source mention m
	// (slot 0) passing the conditions in %s. The stores write it the way
	// their planners drive it from the indexed mention keys.
	ClaimMentions string
	// SourceCounts are the three counts of Sources (claims, via, articles
	// in latest versions) for source s, and SourcesWith what they need
	// before SELECT.
	SourcesWith, SourceCounts string
	// NoNUL: text parameters cannot hold NUL, so a reference with one
	// names nothing rather than failing the query.
	NoNUL bool
	// RedirectHops bounds how many redirects of merged sources Resolve
	// follows; merges keep them one deep, the SQLite store guards
	// against more.
	RedirectHops int
	// FullText looks text up.
	FullText FullText
}

// FullText is a store's full-text search: each statement takes the query
// Query makes and a limit, best first.
type FullText struct {
	// Query turns what a person typed into the store's query syntax, ""
	// when nothing is left to look for.
	Query func(string) string
	// Claims selects the row id (Dialect.RowID) and rank of claims in
	// latest versions; Sources the id and rank of sources; Articles
	// ArticleRefCols, the rank and the text of latest versions.
	Claims, Sources, Articles string
}

// sql numbers the ? placeholders of q for a Numbered dialect. Shared
// statements are written with ? and hold no ? in a literal.
func (d *Dialect) sql(q string) string {
	if !d.Numbered || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] != '?' {
			b.WriteByte(q[i])
			continue
		}
		n++
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}

func (d *Dialect) json(col string) string {
	if d.AsJSON == "" {
		return col
	}
	return fmt.Sprintf(d.AsJSON, col)
}

// inList is the condition that col is one of vals, with its arguments.
func inList[T any](d *Dialect, col string, vals []T) (string, []any) {
	if d.Numbered {
		return col + " = ANY(?)", []any{vals}
	}
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = v
	}
	return col + " IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(vals)), ", ") + ")", args
}

// conds collects the conditions of a WHERE clause with their arguments
// in the order their placeholders appear.
type conds struct {
	list []string
	args []any
}

func (c *conds) add(cond string, args ...any) {
	c.list = append(c.list, cond)
	c.args = append(c.args, args...)
}

// addIn adds what inList gives.
func (c *conds) addIn(cond string, args []any) { c.add(cond, args...) }

func (c *conds) where() string {
	if len(c.list) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(c.list, " AND ")
}

func limit(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" LIMIT %d", n)
}

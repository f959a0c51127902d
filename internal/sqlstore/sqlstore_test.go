package sqlstore

import (
	"slices"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

func TestSQLNumbersPlaceholders(t *testing.T) {
	q := `SELECT a FROM t WHERE x = ? AND y IN (?, ?) LIMIT ?`
	if got := (&Dialect{}).sql(q); got != q {
		t.Errorf("? dialect changed the query: %s", got)
	}
	want := `SELECT a FROM t WHERE x = $1 AND y IN ($2, $3) LIMIT $4`
	if got := (&Dialect{Numbered: true}).sql(q); got != want {
		t.Errorf("numbered: %s, want %s", got, want)
	}
}

func TestInList(t *testing.T) {
	ids := []string{"a", "b", "c"}
	cond, args := inList(&Dialect{}, "s.id", ids)
	if cond != "s.id IN (?, ?, ?)" || !slices.Equal(args, []any{"a", "b", "c"}) {
		t.Errorf("expanded: %s %v", cond, args)
	}
	cond, args = inList(&Dialect{Numbered: true}, "s.id", ids)
	if cond != "s.id = ANY(?)" || len(args) != 1 {
		t.Errorf("array: %s %v", cond, args)
	}
}

// The column readers take what database/sql gives from SQLite (int64,
// string, nil) and what pgx gives a Scan(src any) method (time.Time,
// int64, string, nil).
func TestColumnReaders(t *testing.T) {
	at := time.Date(2025, 3, 4, 5, 6, 7, 8000, time.UTC)
	for _, src := range []any{at.UnixMicro(), at.In(time.FixedZone("x", 3600))} {
		var got time.Time
		if err := (&timeCol{&got}).Scan(src); err != nil || !got.Equal(at) || got.Location() != time.UTC {
			t.Errorf("time from %T: %v, %v", src, got, err)
		}
	}
	got := at
	if err := (&timeCol{&got}).Scan(nil); err != nil || !got.IsZero() {
		t.Errorf("time from NULL: %v, %v", got, err)
	}

	var start, end intCol
	start.Scan(int64(3))
	end.Scan(nil)
	if span(start, end) != nil {
		t.Error("a span with a NULL end")
	}
	end.Scan(int64(9))
	if s := span(start, end); s == nil || *s != (claimtrail.Span{Start: 3, End: 9}) {
		t.Errorf("span: %v", s)
	}

	for _, tt := range []struct {
		src  any
		want []string
	}{{`["a","b"]`, []string{"a", "b"}}, {[]byte(`["c"]`), []string{"c"}}, {"", nil}, {"not json", nil}} {
		list := []string{"old"}
		if err := jsonOf(&list).Scan(tt.src); err != nil || !slices.Equal(list, tt.want) {
			t.Errorf("list from %q: %v, %v", tt.src, list, err)
		}
	}
	list := []string{"old"}
	if err := jsonOf(&list).Scan(nil); err != nil || list != nil {
		t.Errorf("list from NULL: %v, %v", list, err)
	}
	if JSON([]string{}) != nil || JSON([]string{"a"}) != `["a"]` {
		t.Error("JSON does not store an empty list as NULL")
	}
}

package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sqlite"
)

// FuzzFTSQuery: whatever is typed, the query FTS5 gets is valid syntax
// (Search fails only with ErrInvalidInput for an empty query) and quotes
// every word.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"port", `"port would"`, "reop*", "أكّد", "وقال", "NOT OR AND", "NEAR(a b)", "body:x", `a "b`,
		"(", "*", `"`, "^x", "\x00", "ﷺ", "a-b c+d", "ـــ"} {
		f.Add(s)
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), sqlite.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	_, err = db.Save(context.Background(), []claimtrail.Record{{Article: &claimtrail.Article{ID: "x", Text: "Port\n\nوقال الوزير إن الميناء سيفتح."}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		fq := sqlite.FTSQuery(q)
		if strings.Count(fq, `"`)%2 != 0 {
			t.Fatalf("unbalanced quotes in %q", fq)
		}
		_, err := db.Search(context.Background(), q, claimtrail.SearchOptions{Limit: 5})
		if fq == "" {
			if !errors.Is(err, claimtrail.ErrInvalidInput) {
				t.Fatalf("empty query %q: %v", q, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Search(%q) with %s: %v", q, fq, err)
		}
	})
}

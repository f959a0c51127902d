package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sqlite"
	"github.com/claimtrail/claimtrail/storetest"
)

func backend() storetest.Backend {
	return storetest.Backend{
		Create: func(t *testing.T) string { return filepath.Join(t.TempDir(), "claimtrail.db") },
		Open: func(ctx context.Context, dsn string) (claimtrail.Store, error) {
			return sqlite.Open(ctx, dsn, sqlite.Options{})
		},
	}
}

func TestContract(t *testing.T) {
	storetest.Run(t, backend())
}

func open(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestMigrationsRecordedOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a b?c#d%.db") // characters a URI must escape
	db := open(t, path)
	first, err := db.Migrations(context.Background())
	if err != nil || len(first) == 0 || !strings.HasPrefix(first[0], "0001_") {
		t.Fatalf("migrations: %v, %v", first, err)
	}
	db.Close()
	again := open(t, path)
	second, err := again.Migrations(context.Background())
	if err != nil || !slices.Equal(first, second) {
		t.Errorf("reopening changed the migrations: %v -> %v (%v)", first, second, err)
	}
}

func TestRefusesMemory(t *testing.T) {
	for _, p := range []string{"", ":memory:", "file::memory:?cache=shared"} {
		if _, err := sqlite.Open(context.Background(), p, sqlite.Options{}); err == nil {
			t.Errorf("Open(%q) succeeded; a store needs a file", p)
		}
	}
}

func TestDSNSetsPragmasOnEveryConnection(t *testing.T) {
	dsn := sqlite.DSN("/tmp/x.db", 0, true)
	for _, want := range []string{"file:/tmp/x.db?", "_pragma=foreign_keys(1)", "_pragma=journal_mode(WAL)", "_pragma=busy_timeout(", "_txlock=immediate"} {
		if !strings.Contains(dsn, want) {
			t.Errorf("DSN %q lacks %q", dsn, want)
		}
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"port", `"port"`},
		{"Port Monday", `"port" AND "monday"`},
		{`"port would"`, `"port would"`},
		{"reop*", `"reop"*`},
		{"أكّد", `"اكد"`},
		{"وقال", `("وقال" OR "قال")`},
		{"U.S.", `"u s"`},
		{"NOT OR", `"not" AND "or"`},
		{`a "b c`, `"a" AND "b c"`},
		{"  ***  ", ``},
	}
	for _, tt := range tests {
		if got := sqlite.FTSQuery(tt.in); got != tt.want {
			t.Errorf("FTSQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestKeyLanguageMigration opens a database as an older claimtrail left it
// (article keys without their language) and checks that migration 0002
// gives each URL key its language, so that saving the same text again is
// "unchanged" under the stored version id rather than a second article.
func TestKeyLanguageMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	body := "Story\n\nThe mayor said the bridge will open."
	a := &claimtrail.Article{ID: "a1", URL: "https://example.test/bridge", Lang: "en", Title: "Story", Text: body}
	db := open(t, path)
	saved, err := db.Save(ctx, []claimtrail.Record{{Article: a}})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE articles SET key = 'https://example.test/bridge'`, `DELETE FROM schema_migrations WHERE version >= 2`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()

	db = open(t, path)
	again, err := db.Save(ctx, []claimtrail.Record{{Article: &claimtrail.Article{ID: "a1", URL: a.URL, Lang: "en", Title: "Story", Text: body}}})
	if err != nil {
		t.Fatal(err)
	}
	if again[0].Status != claimtrail.Unchanged || again[0].VersionID != saved[0].VersionID || again[0].Version.Key != a.URL+" [en]" {
		t.Errorf("after the migration: %+v, want unchanged %s", again[0], saved[0].VersionID)
	}
	if arts, err := db.Articles(ctx, claimtrail.ArticleFilter{}); err != nil || len(arts) != 1 {
		t.Errorf("articles: %d, %v", len(arts), err)
	}
}

package sqlite_test

import (
	"context"
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

package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/postgres"
	"github.com/claimtrail/claimtrail/storetest"
)

// dsnEnv names the server the tests use: a DSN such as
// postgres://postgres@127.0.0.1:5432/postgres. Each test gets its own
// schema there, dropped afterwards.
const dsnEnv = "CLAIMTRAIL_TEST_POSTGRES"

// serverDSN returns the test server's DSN, or skips the test when none is
// given outside CI; in CI (CI set) a missing server is a failure.
func serverDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(dsnEnv)
	if dsn != "" {
		return dsn
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not set: CI must run the PostgreSQL tests (.ci/run starts a server and sets it)", dsnEnv)
	}
	t.Skipf("no PostgreSQL server: set %s=postgres://USER@HOST:PORT/DB to run these tests (.ci/run starts one)", dsnEnv)
	return ""
}

// newSchema creates an empty schema on the test server and returns a DSN
// whose search_path puts the store there.
func newSchema(t testing.TB) string {
	t.Helper()
	server := serverDSN(t)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "claimtrail_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		t.Fatalf("connect to %s: %v", dsnEnv, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, server)
		if err != nil {
			t.Errorf("drop schema: %v", err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema: %v", err)
		}
	})
	return withSchema(t, server, schema)
}

// withSchema adds search_path=schema to a postgres:// DSN.
func withSchema(t testing.TB, dsn, schema string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("%s: %v", dsnEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func backend() storetest.Backend {
	return storetest.Backend{
		Create: func(t *testing.T) string { return newSchema(t) },
		Open: func(ctx context.Context, dsn string) (claimtrail.Store, error) {
			return postgres.Open(ctx, dsn, postgres.Options{})
		},
	}
}

func TestContract(t *testing.T) {
	if os.Getenv("CLAIMTRAIL_STORETEST_CHILD") == "" {
		serverDSN(t)
	}
	storetest.Run(t, backend())
}

func TestMigrationsRecordedOnce(t *testing.T) {
	dsn := newSchema(t)
	ctx := context.Background()
	db, err := postgres.Open(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first, err := db.Migrations(ctx)
	db.Close()
	if err != nil || len(first) == 0 || !strings.HasPrefix(first[0], "0001_") {
		t.Fatalf("migrations: %v, %v", first, err)
	}
	again, err := postgres.Open(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	second, err := again.Migrations(ctx)
	if err != nil || !slices.Equal(first, second) {
		t.Errorf("reopening changed the migrations: %v -> %v (%v)", first, second, err)
	}
}

func TestBadDSN(t *testing.T) {
	if _, err := postgres.Open(context.Background(), "postgres://%zz", postgres.Options{}); err == nil {
		t.Error("a malformed DSN opened")
	}
}

func TestIsDSN(t *testing.T) {
	for s, want := range map[string]bool{
		"postgres://h/db": true, "postgresql://u@h:5433/db?sslmode=disable": true,
		"claimtrail.db": false, "/data/postgres://x": false, "mysql://h/db": false,
	} {
		if got := postgres.IsDSN(s); got != want {
			t.Errorf("IsDSN(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"port", `'port'`},
		{"Port Monday", `'port' & 'monday'`},
		{`"port would"`, `('port' <-> 'would')`},
		{"reop*", `'reop':*`},
		{"أكّد", `'اكد'`},
		{"وقال", `('وقال' | 'قال')`},
		{"U.S.", `('u' <-> 's')`},
		{"NOT OR", `'not' & 'or'`},
		{`a "b c`, `'a' & ('b' <-> 'c')`},
		{"  ***  ", ``},
		{"it's", `('it' <-> 's')`},
	}
	for _, tt := range tests {
		if got := postgres.TSQuery(tt.in); got != tt.want {
			t.Errorf("TSQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// PostgreSQL text holds no NUL: a record with one is refused as invalid
// input (so ingest skips that article) rather than failing the batch.
func TestRefusesNUL(t *testing.T) {
	db, err := postgres.Open(context.Background(), newSchema(t), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rec := claimtrail.Record{Article: &claimtrail.Article{ID: "x", Title: "a\x00b", Text: "Title\n\nBody."}}
	if _, err := db.Save(context.Background(), []claimtrail.Record{rec}); !errors.Is(err, claimtrail.ErrInvalidInput) {
		t.Errorf("save with NUL in the title: %v, want ErrInvalidInput", err)
	}
}

package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// postgresEnv names the PostgreSQL server the tests use, as a DSN; .ci/run
// starts one and sets it.
const postgresEnv = "CLAIMTRAIL_TEST_POSTGRES"

// postgresDB returns the DSN of a new, empty schema on the test server,
// dropped when the test ends. Without a server it skips the test, except
// in CI (CI set), where that is a failure.
func postgresDB(t testing.TB) string {
	t.Helper()
	server := os.Getenv(postgresEnv)
	if server == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set: CI must run the PostgreSQL tests (.ci/run starts a server and sets it)", postgresEnv)
		}
		t.Skipf("no PostgreSQL server: set %s=postgres://USER@HOST:PORT/DB to run this test (.ci/run starts one)", postgresEnv)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "claimtrail_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	exec := func(sql string) error {
		conn, err := pgx.Connect(ctx, server)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, sql)
		return err
	}
	if err := exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("%s: %v", postgresEnv, err)
	}
	t.Cleanup(func() {
		if err := exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema: %v", err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("%s: %v", postgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

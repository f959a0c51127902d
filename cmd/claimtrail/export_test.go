package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

// corpusExport ingests the corpus into a new SQLite store, merges two of its
// sources (so the export carries a merged id) and exports it.
func corpusExport(t *testing.T) []byte {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "src.db")
	if err := runIngest(ctx, ingestOptions{Inputs: []string{"../../testdata/corpus"}, DB: db, Format: "table", Quiet: true, Jobs: 2}, io.Discard); err != nil {
		t.Fatal(err)
	}
	st, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := st.Sources(ctx, claimtrail.SourceFilter{})
	if err != nil || len(srcs) < 3 {
		t.Fatalf("sources: %d, %v", len(srcs), err)
	}
	if _, err := st.MergeSources(ctx, srcs[0].Source.ID, srcs[len(srcs)-1].Source.ID); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var out bytes.Buffer
	if err := runExport(ctx, exportOptions{DB: db}, &out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// roundTrip imports an export into db and exports db again.
func roundTrip(t *testing.T, export []byte, db string) []byte {
	t.Helper()
	ctx := context.Background()
	var sum bytes.Buffer
	if err := runImport(ctx, importOptions{DB: db, Format: "table", Input: "-", Stdin: bytes.NewReader(export)}, &sum); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sum.String(), "5 versions read: 4 added, 1 new versions") || !strings.Contains(sum.String(), "1 merged ids") {
		t.Errorf("import summary: %s", sum.String())
	}
	var again bytes.Buffer
	if err := runExport(ctx, exportOptions{DB: db}, &again); err != nil {
		t.Fatal(err)
	}
	// Importing again adds nothing.
	sum.Reset()
	if err := runImport(ctx, importOptions{DB: db, Format: "table", Input: "-", Stdin: bytes.NewReader(export)}, &sum); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sum.String(), "0 added, 0 new versions, 5 unchanged") {
		t.Errorf("second import: %s", sum.String())
	}
	return again.Bytes()
}

func compareExports(t *testing.T, want, got []byte) {
	t.Helper()
	if bytes.Equal(want, got) {
		return
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range min(len(wl), len(gl)) {
		if wl[i] != gl[i] {
			t.Fatalf("exports differ at line %d:\nwant %s\n got %s", i+1, wl[i], gl[i])
		}
	}
	t.Fatalf("exports differ in length: %d lines, want %d", len(gl), len(wl))
}

func TestExportImportSQLite(t *testing.T) {
	export := corpusExport(t)
	if n := strings.Count(string(export), "\n"); n < 10 || !strings.HasPrefix(string(export), `{"type":"header","format":"claimtrail-export","version":1}`) {
		t.Fatalf("export of %d lines:\n%s", n, export)
	}
	compareExports(t, export, roundTrip(t, export, filepath.Join(t.TempDir(), "dst.db")))
}

// TestExportImportPostgres moves a store SQLite -> JSON lines ->
// PostgreSQL -> JSON lines: the two exports are the same file.
func TestExportImportPostgres(t *testing.T) {
	dsn := postgresDB(t)
	export := corpusExport(t)
	compareExports(t, export, roundTrip(t, export, dsn))
}

func TestImportRefusesOtherFiles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for name, in := range map[string]string{
		"empty":      "",
		"not JSON":   "hello\n",
		"no header":  `{"type":"source","source":{"id":"s-1","name":"x","kind":"person"}}` + "\n",
		"newer":      `{"type":"header","format":"claimtrail-export","version":99}` + "\n",
		"bad type":   `{"type":"header","format":"claimtrail-export","version":1}` + "\n" + `{"type":"zzz"}` + "\n",
		"no article": `{"type":"header","format":"claimtrail-export","version":1}` + "\n" + `{"type":"version"}` + "\n",
	} {
		err := runImport(context.Background(), importOptions{DB: db, Format: "table", Input: "-", Stdin: strings.NewReader(in)}, io.Discard)
		if err == nil {
			t.Errorf("%s: imported", name)
		}
	}
}

func TestMigrate(t *testing.T) {
	for name, db := range map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "m.db") },
		"postgres": func(t *testing.T) string { return postgresDB(t) },
	} {
		t.Run(name, func(t *testing.T) {
			dsn := db(t)
			for range 2 {
				r := cli{}.run(t, "migrate", "--db", dsn)
				if r.code != 0 || !strings.Contains(r.stdout, "is up to date: 2 migrations applied (0001_init.sql, 0002_key_language.sql)") {
					t.Fatalf("migrate: %+v", r)
				}
			}
			r := cli{}.run(t, "migrate", "--db", dsn, "-f", "json")
			if r.code != 0 || !strings.Contains(r.stdout, `"0001_init.sql"`) {
				t.Errorf("migrate -f json: %+v", r)
			}
		})
	}
}

// TestPostgresAnswersAsSQLite ingests the corpus into both stores and
// compares what the query commands print: the same claims, articles,
// versions and sources, and the same search hits (in any order, as the
// stores rank differently).
func TestPostgresAnswersAsSQLite(t *testing.T) {
	pg := postgresDB(t)
	lite := filepath.Join(t.TempDir(), "c.db")
	now := func() time.Time { return time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC) }
	for _, db := range []string{lite, pg} {
		if err := runIngest(context.Background(), ingestOptions{Inputs: []string{"../../testdata/corpus"}, DB: db, Format: "table",
			Quiet: true, Jobs: 2, Now: now}, io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"claims", "-f", "json"},
		{"claims", "--all-versions", "-f", "jsonl"},
		{"claims", "--source", "سمير حداد", "-f", "json"},
		{"claims", "--anonymous", "--since", "2025-03-02", "-f", "csv"},
		{"articles", "-f", "json"},
		{"versions", "herald-port", "-f", "json"},
		{"sources", "list", "-f", "json"},
		{"sources", "show", "سمير حداد", "-f", "json"},
		{"search", "أكد", "-f", "jsonl"},
		{"search", "الميناء", "-f", "jsonl"},
		{"search", `"port to reopen"`, "-f", "jsonl"},
	} {
		want := cli{}.run(t, append(args, "--db", lite)...)
		got := cli{}.run(t, append(args, "--db", pg)...)
		w, g := want.stdout, got.stdout
		if args[0] == "search" {
			w, g = sortedLines(w), sortedLines(g)
		}
		if want.code != 0 || got.code != 0 || w != g {
			t.Errorf("%s: SQLite and PostgreSQL differ:\nsqlite   (exit %d) %s%s\npostgres (exit %d) %s%s", strings.Join(args, " "),
				want.code, want.stdout, want.stderr, got.code, got.stdout, got.stderr)
		}
	}
}

// sortedLines sorts the lines of s, dropping the rank field of search
// hits, which the two stores compute differently.
func sortedLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) == nil {
			delete(m, "rank")
			b, _ := json.Marshal(m)
			lines[i] = string(b)
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

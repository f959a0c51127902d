package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/sqlite"
)

// Two wget captures of the demo site (testdata/warc): the Arabic story was
// edited between them, so it has two versions at the two WARC-Dates; the
// English one was deduplicated into a revisit record in the second.
func TestIngestWARC(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	w1, w2 := "../../testdata/warc/capture-1.warc.gz", "../../testdata/warc/capture-2.warc.gz"
	r := cli{}.run(t, "ingest", "--db", db, w1, w2)
	want := "3 articles read: 2 added, 1 new version, 0 unchanged, 11 WARC records skipped (revisits, not HTML, no article text; -v lists them); "
	if r.code != 0 || !strings.HasPrefix(r.stdout, want) {
		t.Fatalf("exit %d\nstdout %q\nwant   %q...\nstderr %s", r.code, r.stdout, want, r.stderr)
	}
	st, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	vs, err := st.Versions(context.Background(), "http://127.0.0.1:18931/news/truce.html")
	if err != nil || len(vs) != 2 {
		t.Fatalf("versions %v, %v", vs, err)
	}
	if vs[0].Captured.IsZero() || !vs[1].Captured.After(vs[0].Captured) {
		t.Errorf("versions not at their WARC-Dates: %v", vs)
	}
	// -v names each skipped record.
	r = cli{}.run(t, "ingest", "-v", "--db", db, w2)
	if !strings.Contains(r.stderr, "capture-2.warc.gz#9 http://127.0.0.1:18931/news/port.html: skipped (revisit record)") {
		t.Errorf("verbose output does not list the revisit:\n%s", r.stderr)
	}
}

func TestIngestHTMLPages(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	r := cli{}.run(t, "ingest", "--db", db, "../../testdata/html")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "6 articles read: 6 added,") {
		t.Fatalf("exit %d\nstdout %q\nstderr %s", r.code, r.stdout, r.stderr)
	}
	r = cli{}.run(t, "claims", "--db", db, "--outlet", "Reuters", "-f", "json")
	if r.code != 0 || !strings.Contains(r.stdout, "Bimal Rathnayake") {
		t.Errorf("claims of the Reuters page: exit %d %s %s", r.code, r.stdout, r.stderr)
	}
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sqlite"
)

const corpus = "../../testdata/corpus"

// ingested is a fresh database holding the project's corpus.
func ingested(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "c.db")
	if r := (cli{}).run(t, "ingest", "--db", db, corpus); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	return db
}

func TestIngestTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	r := cli{}.run(t, "ingest", "--db", db, corpus)
	want := "5 articles read: 4 added, 1 new version, 0 unchanged; "
	if r.code != 0 || !strings.HasPrefix(r.stdout, want) || !strings.HasSuffix(r.stdout, " claims stored in "+db+"\n") || r.stderr != "" {
		t.Fatalf("first ingest: exit %d\nstdout %q\nwant   %q\nstderr %s", r.code, r.stdout, want, r.stderr)
	}
	r = cli{}.run(t, "ingest", "--db", db, corpus)
	want = "5 articles read: 0 added, 0 new versions, 5 unchanged; 0 claims stored in " + db + "\n" +
		"Nothing new: every article was already stored with the same text.\n"
	if r.code != 0 || r.stdout != want {
		t.Fatalf("second ingest: exit %d\nstdout %q\nwant   %q\nstderr %s", r.code, r.stdout, want, r.stderr)
	}
	r = cli{}.run(t, "ingest", "--db", db, "-f", "json", corpus)
	var sum ingestSummary
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil || sum.Unchanged != 5 || sum.Added != 0 || sum.Read != 5 {
		t.Errorf("json summary: %+v, %v", sum, err)
	}
	// Quiet leaves the summary out.
	if r := (cli{}).run(t, "ingest", "-q", "--db", db, corpus); r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Errorf("--quiet: %+v", r)
	}
}

func TestIngestDefaultDB(t *testing.T) {
	dir := t.TempDir()
	r := cli{dir: dir}.run(t, "ingest", filepath.Join(corpus, "sahel-news.jsonl"))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := filepath.Join(dir, "home", ".local", "share", "claimtrail", "claimtrail.db")
	if _, err := os.Stat(want); err != nil {
		t.Errorf("the default store was not created: %v", err)
	}
	if !strings.Contains(r.stdout, want) {
		t.Errorf("summary does not name the store: %q", r.stdout)
	}
	// The db setting from the environment.
	env := filepath.Join(dir, "env", "x.db")
	if r := (cli{dir: dir, env: map[string]string{"CLAIMTRAIL_DB": env}}).run(t, "ingest", filepath.Join(corpus, "sahel-news.jsonl")); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(env); err != nil {
		t.Errorf("CLAIMTRAIL_DB was not used: %v", err)
	}
	r = cli{dir: dir}.run(t, "claims", "--db", "mysql://localhost/x")
	if r.code != 1 || !strings.Contains(r.stderr, "mysql databases are not supported") {
		t.Errorf("a database URL: %+v", r)
	}
}

func TestIngestOverrides(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	r := cli{}.run(t, "ingest", "--db", db, "--outlet", "Wire", "--story", "harbour", "--captured", "2025-04-01T12:00:00Z",
		filepath.Join(ingestD, "plain.en.txt"))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	r = cli{}.run(t, "articles", "--db", db, "-f", "jsonl")
	var a storedArticleJSON
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatalf("%v: %q", err, r.stdout)
	}
	if a.Article.Outlet != "Wire" || a.Article.Story != "harbour" || !a.Article.Captured.Equal(time.Date(2025, 4, 1, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("overrides not stored: %+v", a.Article)
	}
	for _, args := range [][]string{{"--captured", "yesterday"}, {"--batch", "0"}, {"-f", "csv"}} {
		r := cli{}.run(t, append([]string{"ingest", "--db", db}, append(args, corpus)...)...)
		if r.code != 2 {
			t.Errorf("ingest %v: exit %d, want 2: %s", args, r.code, r.stderr)
		}
	}
}

func TestIngestStdinAndBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	r := cli{stdin: "Title\n\nThe minister said the port would reopen.\n"}.run(t, "ingest", "--db", db,
		filepath.Join(ingestD, "bad/invalid-utf8.txt"), "-")
	if r.code != 1 || !strings.Contains(r.stderr, "invalid UTF-8") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "1 article read: 1 added, 0 new versions, 0 unchanged, 1 input unreadable; ") {
		t.Errorf("summary: %q", r.stdout)
	}
}

// TestIngestInterrupted: cancelling stops the reading between articles,
// and what was read is stored whole.
func TestIngestInterrupted(t *testing.T) {
	dir := t.TempDir()
	gen := filepath.Join(dir, "gen.jsonl")
	if err := writeBenchCorpus(gen, 300); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "c.db")
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	var out strings.Builder
	err := runIngest(ctx, ingestOptions{
		Inputs: []string{gen}, DB: db, Format: "table", Batch: 2, Jobs: 2,
		Debugf: func(string, ...any) {
			if n++; n == 3 {
				cancel()
			}
		},
	}, &out)
	var stored int
	if err == nil || !strings.HasPrefix(err.Error(), "interrupted: ") {
		t.Fatalf("err = %v; out %q", err, out.String())
	}
	fmt.Sscanf(strings.TrimPrefix(err.Error(), "interrupted: "), "%d", &stored)
	if stored < 3 || stored >= 300 {
		t.Errorf("%d articles stored after an interruption at the third of 300", stored)
	}
	st, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	as, err := st.Articles(context.Background(), claimtrail.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	versions := 0
	for _, a := range as {
		versions += a.Versions
		full, err := st.Article(context.Background(), a.VersionID)
		if err != nil || len(full.Claims) != full.ClaimCount {
			t.Errorf("article %s is not whole: %v", a.Article.ID, err)
		}
	}
	if versions != stored {
		t.Errorf("%d versions in the store, the summary says %d", versions, stored)
	}
}

func TestIngestProgress(t *testing.T) {
	var w strings.Builder
	sum := &ingestSummary{}
	clock := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	p := newProgress(&w, 1000, func() time.Time { return clock }, sum)
	clock = clock.Add(2 * time.Second)
	sum.Read, sum.Added = 10, 10
	p.read(250)
	p.done()
	want := "\r\x1b[Kread 10: added 10, new versions 0, unchanged 0, 5/s, 25%, ETA 6s\r\x1b[K"
	if w.String() != want {
		t.Errorf("progress = %q, want %q", w.String(), want)
	}
	if isTerminal(os.Stderr) && os.Getenv("CI") != "" {
		t.Log("stderr is a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Errorf("a regular file is not a terminal")
	}
}

// TestIngestConcurrent runs two ingests of overlapping inputs into one
// database at once: both finish, and every article and version is there
// once and whole.
func TestIngestConcurrent(t *testing.T) {
	dir := t.TempDir()
	gen := filepath.Join(dir, "gen.jsonl")
	if err := writeBenchCorpus(gen, 300); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	data, err := os.ReadFile(gen)
	if err != nil {
		t.Fatal(err)
	}
	versions := 0
	for line := range strings.Lines(string(data)) {
		var rec struct{ URL string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		keys[rec.URL] = true
		versions++
	}
	db := filepath.Join(dir, "c.db")
	errs := make(chan error, 2)
	for _, inputs := range [][]string{{gen}, {corpus, gen}} {
		go func() {
			errs <- runIngest(context.Background(), ingestOptions{Inputs: inputs, DB: db, Format: "table", Batch: 16}, io.Discard)
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Errorf("ingest: %v", err)
		}
	}
	st, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	as, err := st.Articles(context.Background(), claimtrail.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range as {
		if strings.HasPrefix(a.Version.Key, "https://bench.example/") {
			n += a.Versions
		}
	}
	if len(as) != len(keys)+4 || n != versions {
		t.Errorf("%d articles and %d generated versions, want %d and %d", len(as), n, len(keys)+4, versions)
	}
	cs, err := st.Claims(context.Background(), claimtrail.ClaimFilter{AllVersions: true})
	if err != nil {
		t.Fatal(err)
	}
	perVersion := map[string]int{}
	for _, c := range cs {
		perVersion[c.Article.VersionID]++
	}
	for _, a := range as {
		if perVersion[a.VersionID] != a.ClaimCount {
			t.Errorf("%s: %d claims stored, %d expected", a.Version.Key, perVersion[a.VersionID], a.ClaimCount)
		}
	}
}

// TestSaveBatchIsolatesBadRecord: a batch the store refuses is retried one
// article at a time, so one bad article costs only itself.
func TestSaveBatchIsolatesBadRecord(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	good := func(id string) claimtrail.Record {
		return claimtrail.Record{Article: &claimtrail.Article{ID: id, Path: id + ".txt", Text: "Title " + id + "\n\nBody."}}
	}
	bad := good("bad")
	bad.Claims = []claimtrail.Claim{{ID: "c", Content: claimtrail.Text{Text: "x", Span: claimtrail.Span{Start: 5, End: 500}}}}
	var sum ingestSummary
	var reported []error
	if err := saveBatch(context.Background(), st, []claimtrail.Record{good("a"), bad, good("b")}, &sum,
		func(err error) { reported = append(reported, err) }); err != nil {
		t.Fatal(err)
	}
	if sum.Added != 2 || sum.Failed != 1 || len(reported) != 1 || !strings.Contains(reported[0].Error(), "bad.txt: ") {
		t.Errorf("summary %+v, reported %v", sum, reported)
	}
	var out strings.Builder
	writeIngestSummary(&out, "table", &ingestSummary{DB: "x.db", Read: 3, Added: 2, Failed: 1, InputsFailed: 2})
	if want := "3 articles read: 2 added, 0 new versions, 0 unchanged, 1 not stored, 2 inputs unreadable; 0 claims stored in x.db\n"; out.String() != want {
		t.Errorf("summary line %q, want %q", out.String(), want)
	}
}

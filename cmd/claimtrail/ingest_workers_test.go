package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

// workerChildEnv tells a re-executed test binary to be one ingest worker:
// it holds "DSN\tFILE\tWORKERS".
const workerChildEnv = "CLAIMTRAIL_TEST_INGEST_WORKER"

// splitLines writes lines [from, to) of the JSON lines file src (wrapping
// round its end) to a new file and returns its path.
func splitLines(t *testing.T, lines [][]byte, from, to int, name string) string {
	t.Helper()
	var b bytes.Buffer
	for i := from; i < to; i++ {
		b.Write(lines[i%len(lines)])
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestIngestWorkerProcesses runs 4 ingest processes at once, each on an
// overlapping half of a 2,000-article corpus (every article is in two
// halves), into one PostgreSQL database, and checks the counts against an
// ingest of the whole corpus by one process into SQLite: every article,
// version and claim once.
func TestIngestWorkerProcesses(t *testing.T) {
	if spec := os.Getenv(workerChildEnv); spec != "" {
		var dsn, file string
		var workers int
		if _, err := fmt.Sscanf(spec, "%s\t%s\t%d", &dsn, &file, &workers); err != nil {
			t.Fatalf("worker spec %q: %v", spec, err)
		}
		code := run(context.Background(), []string{"ingest", "--db", dsn, "--workers", fmt.Sprint(workers), "--batch", "16", "-f", "json", file},
			nil, os.Stdout, os.Stderr)
		os.Exit(code)
	}
	dsn := postgresDB(t)
	if testing.Short() {
		t.Skip("ingests 4,000 articles")
	}
	const n = 2000
	corpus := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := writeBenchCorpus(corpus, n); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(corpus)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	if len(lines) != n {
		t.Fatalf("%d lines, want %d", len(lines), n)
	}
	ctx := context.Background()

	// What one process makes of the whole corpus.
	ref := filepath.Join(t.TempDir(), "ref.db")
	var want ingestSummary
	var out bytes.Buffer
	if err := runIngest(ctx, ingestOptions{Inputs: []string{corpus}, DB: ref, Format: "json", Jobs: runtime.NumCPU()}, &out); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out.Bytes(), &want); err != nil {
		t.Fatal(err)
	}

	// Halves starting at 0, n/4, n/2 and 3n/4: each article is in two.
	type worker struct {
		cmd *exec.Cmd
		out bytes.Buffer
	}
	var ws []*worker
	for k := range 4 {
		file := splitLines(t, lines, k*n/4, k*n/4+n/2, fmt.Sprintf("half-%d.jsonl", k))
		w := &worker{cmd: exec.Command(os.Args[0], "-test.run=^TestIngestWorkerProcesses$", "-test.count=1")}
		// Two of the processes also write with two workers each.
		w.cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s\t%s\t%d", workerChildEnv, dsn, file, 1+k%2))
		w.cmd.Stdout = &w.out
		w.cmd.Stderr = &w.out
		if err := w.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		ws = append(ws, w)
	}
	var got ingestSummary
	start := time.Now()
	for k, w := range ws {
		if err := w.cmd.Wait(); err != nil {
			t.Fatalf("worker %d: %v\n%s", k, err, w.out.String())
		}
		var s ingestSummary
		if err := json.NewDecoder(&w.out).Decode(&s); err != nil {
			t.Fatalf("worker %d: %v\n%s", k, err, w.out.String())
		}
		if s.Read != n/2 || s.Failed != 0 {
			t.Errorf("worker %d: %+v", k, s)
		}
		got.Read += s.Read
		got.Added += s.Added
		got.NewVersions += s.NewVersions
		got.Unchanged += s.Unchanged
		got.Claims += s.Claims
	}
	t.Logf("4 processes ingested %d articles (each twice) in %s", n, time.Since(start).Round(time.Millisecond))
	// Each version was stored by exactly one process and found unchanged
	// by the other.
	if got.Added+got.NewVersions != want.Added+want.NewVersions || got.Unchanged != n || got.Claims != want.Claims {
		t.Errorf("the workers stored %d versions (%d unchanged) with %d claims; one process stores %d with %d claims",
			got.Added+got.NewVersions, got.Unchanged, got.Claims, want.Added+want.NewVersions, want.Claims)
	}

	st, err := openStore(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, err := st.Articles(ctx, claimtrail.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	versions := 0
	for _, a := range arts {
		versions += a.Versions
	}
	cs, err := st.Claims(ctx, claimtrail.ClaimFilter{AllVersions: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != want.Added || versions != want.Added+want.NewVersions || len(cs) != want.Claims {
		t.Errorf("PostgreSQL holds %d articles, %d versions, %d claims; want %d, %d, %d",
			len(arts), versions, len(cs), want.Added, want.Added+want.NewVersions, want.Claims)
	}
	// No source stored twice. Linking learns from the articles a process
	// has seen, so processes that each see part of the corpus may propose
	// a few sources that one process would have linked to an earlier one:
	// the counts are logged, not compared.
	srcs, err := st.Sources(ctx, claimtrail.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range srcs {
		if seen[s.Source.ID] {
			t.Errorf("source %s listed twice", s.Source.ID)
		}
		seen[s.Source.ID] = true
	}
	refStore, err := openStore(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	defer refStore.Close()
	one, err := refStore.Sources(ctx, claimtrail.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles, %d versions, %d claims; %d sources (one process: %d)", len(arts), versions, len(cs), len(srcs), len(one))
}

// With several writers the outcome is the one writer's: every article
// once, versions numbered by capture time.
func TestIngestWorkersFlag(t *testing.T) {
	for name, db := range map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "w.db") },
		"postgres": func(t *testing.T) string { return postgresDB(t) },
	} {
		t.Run(name, func(t *testing.T) {
			dsn := db(t)
			r := cli{}.run(t, "ingest", "--db", dsn, "--workers", "3", "--batch", "1", "../../testdata/corpus")
			if r.code != 0 || !strings.HasPrefix(r.stdout, "5 articles read: 4 added, 1 new version, 0 unchanged; 21 claims stored in ") {
				t.Fatalf("ingest --workers 3: %+v", r)
			}
			r = cli{}.run(t, "versions", "--db", dsn, "herald-port", "-f", "jsonl")
			if r.code != 0 || strings.Count(r.stdout, "\n") != 2 || !strings.Contains(r.stdout, `"number":2`) {
				t.Errorf("versions: %+v", r)
			}
		})
	}
	if r := (cli{}).run(t, "ingest", "--workers", "0", "x"); r.code != 2 {
		t.Errorf("--workers 0: %+v", r)
	}
}

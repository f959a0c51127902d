package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"testing"
)

// backendArticles is the size of the corpus BenchmarkIngestBackends
// ingests into each store.
const backendArticles = 4000

// BenchmarkIngestBackends ingests one generated corpus (as BenchmarkIngest
// makes it) into SQLite and into PostgreSQL with 1, 2 and 4 store workers
// (ingest --workers), each into a new database, and reports articles per
// second. PostgreSQL needs CLAIMTRAIL_TEST_POSTGRES:
//
//	go test -run '^$' -bench BenchmarkIngestBackends -benchtime 1x ./cmd/claimtrail/
func BenchmarkIngestBackends(b *testing.B) {
	input := filepath.Join(b.TempDir(), "corpus.jsonl")
	if err := writeBenchCorpus(input, backendArticles); err != nil {
		b.Fatal(err)
	}
	ingestInto := func(b *testing.B, db func(b *testing.B, i int) string, workers int) {
		for i := range b.N {
			b.StopTimer()
			dsn := db(b, i)
			b.StartTimer()
			if err := runIngest(context.Background(), ingestOptions{Inputs: []string{input}, DB: dsn, Format: "table", Quiet: true,
				Jobs: runtime.NumCPU(), Workers: workers}, io.Discard); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(backendArticles)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	}
	b.Run("sqlite/workers=1", func(b *testing.B) {
		ingestInto(b, func(b *testing.B, i int) string { return filepath.Join(b.TempDir(), fmt.Sprintf("bench-%d.db", i)) }, 1)
	})
	for _, w := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("postgres/workers=%d", w), func(b *testing.B) {
			ingestInto(b, func(b *testing.B, _ int) string { return postgresDB(b) }, w)
		})
	}
}

package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/claimtrail/claimtrail/internal/benchcorpus"
)

// benchArticles is the size of the generated corpus: the issue asks for
// 10,000 articles.
const benchArticles = 10000

// BenchmarkIngest ingests 10,000 articles generated from the project's
// testdata into a new database and reports articles per second and the
// database size per 1,000 articles. One iteration takes tens of seconds:
//
//	go test -run '^$' -bench BenchmarkIngest -benchtime 1x ./cmd/claimtrail/
func BenchmarkIngest(b *testing.B) {
	dir := b.TempDir()
	input := filepath.Join(dir, "corpus.jsonl")
	if err := writeBenchCorpus(input, benchArticles); err != nil {
		b.Fatal(err)
	}
	var size int64
	b.ResetTimer()
	for i := range b.N {
		db := filepath.Join(dir, fmt.Sprintf("bench-%d.db", i))
		if err := runIngest(context.Background(), ingestOptions{Inputs: []string{input}, DB: db, Format: "table", Quiet: true, Jobs: runtime.NumCPU()}, io.Discard); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		size = fileSize(db) + fileSize(db+"-wal")
		os.Remove(db)
		b.StartTimer()
	}
	b.ReportMetric(float64(benchArticles)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(size)/1e6/(benchArticles/1000), "MB/1000articles")
}

func fileSize(p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// writeBenchCorpus writes n articles as JSON lines generated from the
// project's testdata (internal/benchcorpus: mutated copies, one in ten a
// new version of an earlier article).
func writeBenchCorpus(path string, n int) error {
	bases, err := benchcorpus.Bases("../..")
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := benchcorpus.Write(w, n, bases); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/ingest"
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

// writeBenchCorpus writes n articles as JSON lines, made from the texts of
// testdata by mutation: paragraphs shuffled, sentences borrowed from other
// articles, names changed. One in ten is a new version of an earlier one
// (same URL, changed text), as a re-crawl gives.
func writeBenchCorpus(path string, n int) error {
	bases, err := benchBases()
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var sentences []string
	for _, t := range bases {
		for _, p := range strings.Split(t, "\n") {
			for _, s := range strings.SplitAfter(p, ". ") {
				if len(s) > 40 {
					sentences = append(sentences, strings.TrimSpace(s))
				}
			}
		}
	}
	names := [][2]string{{"سمير حداد", "خالد العمري"}, {"ليلى منصور", "هدى الشامي"}, {"Samir Haddad", "Karim Nasser"},
		{"Layla Mansour", "Rana Aziz"}, {"يحيى رسول", "عمر الجبوري"}, {"Omar Saleh", "Tariq Hamdan"}}
	outlets := []string{"The Coastal Herald", "أخبار الساحل", "الجزيرة", "Wire Service", "صحيفة المدى"}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		id := i
		if i > 10 && i%10 == 0 {
			id = rng.IntN(i) // a new version of an earlier article
		}
		paras := strings.Split(strings.TrimSpace(bases[id%len(bases)]), "\n\n")
		if len(paras) == 1 {
			paras = strings.Split(paras[0], "\n")
		}
		body := paras[1:]
		rng.Shuffle(len(body), func(a, b int) { body[a], body[b] = body[b], body[a] })
		for range 1 + rng.IntN(3) {
			k := rng.IntN(len(body) + 1)
			body = append(body[:k], append([]string{sentences[rng.IntN(len(sentences))]}, body[k:]...)...)
		}
		text := paras[0] + "\n\n" + strings.Join(body, "\n\n") + fmt.Sprintf("\n\n(%d)", i)
		for _, nm := range names {
			if rng.IntN(2) == 0 {
				text = strings.ReplaceAll(text, nm[0], nm[1])
			}
		}
		rec := map[string]string{
			"id":       fmt.Sprintf("gen-%d", id),
			"url":      fmt.Sprintf("https://bench.example/%d", id),
			"outlet":   outlets[id%len(outlets)],
			"story":    fmt.Sprintf("story-%d", id%200),
			"captured": start.Add(time.Duration(i) * time.Minute).Format(time.RFC3339),
			"text":     text,
		}
		if err := enc.Encode(rec); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// benchBases are the article texts in testdata: the seed, the corpus and
// the segmentation cases.
func benchBases() ([]string, error) {
	var out []string
	r := ingest.NewReader(ingest.Options{})
	for a, err := range r.Read(context.Background(), "../../testdata/seed", "../../testdata/corpus", "../../testdata/segment") {
		if err != nil {
			continue
		}
		if strings.Count(a.Text, "\n") >= 2 {
			out = append(out, a.Text)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no testdata to generate from")
	}
	return out, nil
}

// Command gencorpus writes a corpus of N articles generated from the
// repository's testdata, for scripts/bench.sh:
//
//	go run ./scripts/gencorpus -n 10000 > corpus.jsonl
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/claimtrail/claimtrail/internal/benchcorpus"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	root := flag.String("root", ".", "the repository root, whose testdata the articles are made from")
	flag.Parse()
	bases, err := benchcorpus.Bases(*root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	if err := benchcorpus.Write(w, *n, bases); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

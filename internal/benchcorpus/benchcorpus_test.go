package benchcorpus_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/internal/benchcorpus"
)

// The generator is deterministic and its output is a corpus the readers
// accept whole.
func TestWrite(t *testing.T) {
	bases, err := benchcorpus.Bases("../..")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := benchcorpus.Write(&a, 200, bases); err != nil {
		t.Fatal(err)
	}
	if err := benchcorpus.Write(&b, 200, bases); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs give two corpora")
	}
	n := 0
	for _, err := range ingest.NewReader(ingest.Options{}).Decode(context.Background(), "gen.jsonl", &a, ingest.FormatJSONLines) {
		if err != nil {
			t.Fatalf("generated record rejected: %v", err)
		}
		n++
	}
	if n != 200 {
		t.Errorf("%d articles, want 200", n)
	}
}

package storetest

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// Backend is what the suite needs of a storage backend.
type Backend struct {
	// Create makes a new, empty database for one test and returns what
	// Open needs to reach it (a file path, a DSN). It cleans up with
	// t.Cleanup.
	Create func(t *testing.T) string
	// Open opens a new handle on the database dsn names. Two handles on
	// one dsn must behave like two processes sharing the database. The
	// suite closes every handle it opens.
	Open func(ctx context.Context, dsn string) (claimtrail.Store, error)
}

// Run runs the whole contract suite against b, each test on a new database.
func Run(t *testing.T, b Backend) {
	tests := []struct {
		name string
		fn   func(t *testing.T, b Backend)
	}{
		{"round_trip", testRoundTrip},
		{"lookup", testLookup},
		{"idempotent", testIdempotent},
		{"versions", testVersions},
		{"claim_filters", testClaimFilters},
		{"article_filters", testArticleFilters},
		{"search", testSearch},
		{"search_syntax", testSearchSyntax},
		{"sources", testSources},
		{"merge", testMerge},
		{"split", testSplit},
		{"invalid", testInvalid},
		{"concurrent_writers", testConcurrent},
		{"killed_ingest", testKilled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, b) })
	}
}

// open creates a database and opens one handle on it.
func open(t *testing.T, b Backend) (claimtrail.Store, string) {
	t.Helper()
	dsn := b.Create(t)
	return openAt(t, b, dsn), dsn
}

func openAt(t testing.TB, b Backend, dsn string) claimtrail.Store {
	t.Helper()
	s, err := b.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}

func save(t testing.TB, s claimtrail.Store, recs ...claimtrail.Record) []claimtrail.Saved {
	t.Helper()
	out, err := s.Save(context.Background(), recs)
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	if len(out) != len(recs) {
		t.Fatalf("save: %d results for %d records", len(out), len(recs))
	}
	return out
}

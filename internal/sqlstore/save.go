package sqlstore

import (
	"fmt"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Saving differs in kind between the stores (one statement at a time
// under SQLite's write lock; locks taken in order and batches in
// PostgreSQL), so each writes its own; these are the rules they share.

// CheckRecords runs check on every record before anything is written,
// naming the first that fails by its place in records.
func CheckRecords(records []claimtrail.Record, check func(*claimtrail.Record) error) error {
	for i := range records {
		if err := check(&records[i]); err != nil {
			return fmt.Errorf("record %d: %w", i+1, err)
		}
	}
	return nil
}

// Date is what a version's date column holds and Since and Until
// compare: the published time, else the captured one.
func Date(a *claimtrail.Article) time.Time {
	if a.Published.IsZero() {
		return a.Captured
	}
	return a.Published
}

// SpanArgs are the start and end columns of an optional span, NULL for
// none.
func SpanArgs(s *claimtrail.Span) (start, end any) {
	if s == nil {
		return nil, nil
	}
	return s.Start, s.End
}

// Mentions are the source mention of c and then the reporters it came
// through, as their slots number them.
func Mentions(c claimtrail.Claim) []claimtrail.Mention {
	return append([]claimtrail.Mention{c.Source}, c.Via...)
}

// MentionSource is the source a mention links to when the record does
// not carry it: the link is kept with what the mention says of the
// source.
func MentionSource(m claimtrail.Mention) claimtrail.Source {
	name := m.Name
	if name == "" {
		name = m.Mention
	}
	return claimtrail.Source{ID: m.SourceID, Name: name, Kind: m.Kind, Anonymous: m.Anonymous}
}

// Package sqlite keeps claimtrail's articles, versions, claims and sources
// in one SQLite file: the embedded default store, which needs no server and
// travels with the corpus it describes.
//
// It uses modernc.org/sqlite so that claimtrail stays pure Go (no cgo, one
// static binary). Every pooled connection gets the same pragmas from the
// DSN (WAL, foreign keys, a busy timeout, BEGIN IMMEDIATE for writes),
// because a pragma run once applies to one connection only. Writes take the
// write lock when they begin rather than when they first write, so two
// processes ingesting into one file wait for each other instead of failing
// with "database is locked"; reads run in deferred transactions on a second
// pool and see one snapshot.
//
// Search folds text with text.Key before indexing and before querying, so
// that أكد finds اكد and diacritics, tatweel and case never matter; FTS5
// only ever sees folded text.
//
// The schema lives in migrations/ as numbered SQL files, applied in order,
// each in its own transaction and recorded in schema_migrations.
//
// The queries it shares with the PostgreSQL store (filters, columns,
// reading rows, every method but Save and Close) are in internal/sqlstore,
// so that the two cannot drift apart; this package gives them its dialect
// and transactions, and keeps Save and the FTS5 rows to itself.
package sqlite

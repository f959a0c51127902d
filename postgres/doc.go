// Package postgres keeps claimtrail's articles, versions, claims and
// sources in a PostgreSQL database: the shared store, for a team that
// queries one corpus and for ingest spread over many processes and
// machines. SQLite stays the embedded default; this package answers the
// same questions with the same results, which the storetest suite checks.
//
// It uses github.com/jackc/pgx/v5 (pure Go). Search does not use
// PostgreSQL's text parser or dictionaries: text is folded in Go with the
// same functions as the SQLite store (text.SearchFold, text.ParseQuery),
// and the search vectors and queries are built from those words, so that
// أكد finds اكد and a query means the same on both stores.
//
// Concurrency rests on locks taken in one order rather than on
// serializable transactions: a batch first creates and locks (FOR UPDATE)
// the rows of its article keys in key order, then its outlets, stories and
// sources in id order, so two writers with overlapping input wait for each
// other instead of both adding a version, and rarely deadlock. Whatever
// still fails as a deadlock or serialization failure (SQLSTATE 40P01,
// 40001) is retried from the start, which is safe because nothing of the
// batch has committed.
//
// The schema lives in migrations/ as numbered SQL files, applied in order,
// each in its own transaction under an advisory lock, and recorded in
// schema_migrations.
//
// The queries it shares with the SQLite store (filters, columns, reading
// rows, every method but Save and Close) are in internal/sqlstore, so that
// the two cannot drift apart; this package gives them its dialect,
// transactions and locks, and keeps Save, with its batches, to itself.
package postgres

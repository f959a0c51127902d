// Package sqlstore holds the SQL that the SQLite and PostgreSQL stores
// share: the filters of claimtrail.ClaimFilter, ArticleFilter and
// SourceFilter as WHERE clauses, the column lists, the reading of rows into
// domain types, and on them every method of the Store contract but Save
// and Close, with the redirects an export and an import carry.
//
// The two stores answer the same questions from the same tables, and the
// storetest suite holds them to the same answers; written twice, that SQL
// drifted. What truly differs is a Dialect value (placeholders, lists as
// arrays or expanded, how a time or a list is stored, the few statements
// each database plans better its own way, full-text search) and a Writer's
// hooks for changing sources (locks, search indexes). What differs in
// kind stays with each store: connections, transactions and their
// retries, migrations, and Save, where PostgreSQL locks and batches.
//
// It imports no driver: rows come through the small Querier interface,
// which each store adapts from database/sql or pgx, and column values are
// read with Scan(src any) methods that accept what either driver gives.
package sqlstore

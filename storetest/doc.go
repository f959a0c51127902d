// Package storetest is the contract suite for claimtrail.Store: one set of
// tests that every storage backend runs, so that SQLite on a laptop and
// PostgreSQL for a team give the same answers to the same questions.
//
// A backend's test calls Run with a Backend that creates empty databases
// and opens handles on them. The suite opens several handles on one
// database to stand for several processes, and re-executes the test binary
// to kill an ingest in the middle of a write.
package storetest

// Package migrations reads a store's embedded schema migrations in the
// order they apply. Both stores number their files the same way
// (0001_init.sql), and reading them one way keeps the two in step; how a
// migration is applied and recorded stays with each store's SQL.
package migrations

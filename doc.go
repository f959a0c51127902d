// Package claimtrail holds the domain of the tool: articles and their
// versions, the claims extracted from them, the sources those claims are
// attributed to, and the changes between versions.
//
// It imports only the standard library. Every other package speaks in these
// types, so that extraction, linking, storage, diff and reporting can be
// replaced one at a time without the others knowing (the layout of
// benbjohnson/wtf). Only cmd/claimtrail wires the packages together.
package claimtrail

// Package capture fetches news pages over HTTP, once or again and again,
// so that the versions of a story can be told apart over time.
//
// Everything it fetches is untrusted and may be slow or hostile: every
// request has a timeout, a redirect limit and a size limit enforced while
// reading, and a response that passes a limit is an error, never a
// truncated article (a cut page would be stored as an edit that no one
// made). It says who it is (a User-Agent naming the tool), honours
// robots.txt and spaces its requests to each host, because a watcher that
// polls for hours must not become a burden on the outlets it reads.
//
// It turns pages into articles with ingest.ParseHTML and stores nothing
// itself: the command that uses it decides what a new version is worth.
package capture

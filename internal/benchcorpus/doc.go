// Package benchcorpus generates large corpora from the project's own
// testdata, for benchmarks and load tests: the performance targets are
// about thousands of articles, and committing such a corpus would bloat
// the repository while a seeded generator gives the same corpus every time.
package benchcorpus

// Package ingest turns files, directories and standard input into
// claimtrail.Articles: plain UTF-8 text, JSON documents and JSON lines.
//
// Readers keep the text exactly as it was read, after checking that it is
// UTF-8, because every span the later stages report is an offset into that
// text; cleaning it here would make the offsets point at something the user
// never saw. Segmentation, not reading, decides the language and the
// structure.
//
// Readers stream and keep going: one bad file or one bad JSON line yields an
// error that names the file (and line) and the rest still come through, so
// a batch of a thousand articles is not lost to one broken record. Sizes are
// bounded before reading, never after, so a wrong argument (a disk image,
// /dev/zero) cannot exhaust memory.
package ingest

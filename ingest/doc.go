// Package ingest turns files, directories and standard input into
// claimtrail.Articles: plain UTF-8 text, JSON documents and JSON lines,
// saved HTML pages and WARC archives.
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
//
// An HTML page is not text as read: its article is what a main-content
// extractor (go-trafilatura, chosen over go-readability on saved Arabic
// and English pages by the token F1 of the body; see TestHTMLBodyQuality)
// keeps of it, laid out as a text file would be, a paragraph a line, with
// the title first and each photo caption on a line of its own that ends in
// its credit in parentheses, so segmentation tells captions from the body.
// Spans point into that text. A WARC archive yields one article per HTML
// page captured with status 200, as a version of its URL at its WARC-Date;
// the WARC reader is this package's own, small and bounded, because the
// libraries buffer whole records and validate digests that reading does
// not need.
package ingest

// Package text lays out and normalises article text: it folds Arabic and
// English for matching while keeping a map back to the original, splits text
// into tokens, and segments an article into paragraphs and sentences, telling
// the headline, captions, headings, the source line and page chrome from the
// body.
//
// It owns everything that depends on how characters and lines look, so that
// extraction can work on sentences and tokens and never re-parse raw text.
// It imports only the domain package, the standard library and
// golang.org/x/text (for NFKC).
//
// # Search
//
// SearchFold, ParseQuery and Snippet are how every store indexes text and
// reads a query (words, "phrases", word* prefixes, proclitics), so that
// SQLite and PostgreSQL find the same things for the same query; they live
// here, not in one store, because the stores must not import each other.
//
// # Offsets
//
// Every offset the package returns counts code points (runes), half-open,
// into the original string, as claimtrail.Span does: spans are shown to
// people and read by tools in other languages that slice by code point, and
// an Arabic letter is two bytes, so byte offsets would be wrong in both. An
// invalid UTF-8 byte counts as one rune, as in a Go range loop. Matching
// happens on folded text (Fold, Key), whose offsets differ from the
// original's; Folded.Offsets maps them back, so a match in folded text always
// reports the original span and text.
//
// # Sentences
//
// A sentence ends at . ! ? ؟ or … unless the mark is inside a quotation
// that closes in the same paragraph, belongs to an abbreviation, initial,
// number or list marker, or is followed by a continuation (a comma, a
// lower-case word). Quotation marks are paired by what stands beside them,
// not by which mark they are, because right-to-left text often has « » and
// “ ” reversed.
//
// The Arabic semicolon ؛ does not end a sentence. In news Arabic it joins a
// clause that belongs to the same statement, most often a purpose or result
// clause (…أولى اجتماعاتها في بغداد؛ بهدف وضع آليات…), and splitting there
// would cut the content of a claim away from its cue. The English semicolon
// is treated the same way for the same reason.
//
// # Layout
//
// Segment treats each non-empty line as a paragraph, which is how news text
// files and extracted article bodies are laid out. It classifies lines by
// their shape (see Segment). Two choices are worth knowing: a photo caption
// with no credit (no "(رويترز)" at its end) stays body, because nothing but
// its position tells it from a body line without a full stop; and chrome and
// source lines get no sentences, so the sentences an extractor sees are all
// prose of the article.
package text

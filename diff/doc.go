// Package diff tells how the claims of an article changed from one version
// to the next: which were added, removed or changed, and how (re-worded,
// re-attributed, anonymized, softened, a number changed, the attribution
// dropped so the content now reads as fact).
//
// Text-diff tools show changed characters; readers want changed claims, and
// a character diff of a whole article is both slow and misleading (an edit
// at the top shifts everything, a moved paragraph reads as a deletion and an
// insertion, a dropped diacritic shows as a change). So the package works
// in three layers, each narrowing what the next has to compare:
//
//  1. Sentences are aligned by how many folded words they share (Dice on
//     text.Key tokens, Arabic clitics stripped), not by position, so an
//     inserted paragraph does not shift the rest, a sentence split in two
//     or two merged into one are still aligned, and a sentence that changed
//     place is reported moved (it is outside the longest run of aligned
//     sentences that kept their order).
//  2. Inside aligned sentences, words are diffed with go-diff on tokens:
//     each distinct token key becomes one rune, so a number or an Arabic
//     word is never cut in half, and semantic cleanup works on whole words.
//     Keys are folded, so a diacritic, a hamza on alef, tatweel or case is
//     a cosmetic difference, while a changed digit never is. Offsets are
//     the package's own, from the tokens, never go-diff's patches.
//  3. Claims are aligned by content (with a bonus when their sentences are
//     aligned) and every aligned pair is compared field by field. A claim
//     left over on one side is added or removed, unless its content still
//     stands in the other version without an attribution: then the
//     attribution was dropped (or added), which is the change that matters.
//     A claim whose sentence is word for word the same in the other
//     version is neither: extraction lost it there because its context
//     moved (an implicit subject far from its antecedent), so it is
//     unchanged or moved. For the same reason the same pronoun in a moved
//     sentence resolving elsewhere is not a change of source.
//
// Whether two mentions name the same source is a question for the sources
// package; Options.SameSource lets the caller answer it, and the default
// compares resolved names, aliases and source ids as text.Key folds them.
package diff

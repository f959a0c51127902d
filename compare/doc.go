// Package compare sets the articles of one story side by side, claim by
// claim, so a reader sees how each outlet attributes the same proposition.
//
// The same event reaches readers through wire copy that many outlets
// rewrite, often in another language. Comparing them needs three things that
// no single article has: which articles tell one story, which article copies
// which, and which claims of different articles report one proposition.
//
// Stories and republication are found with word shingles, as churnalism
// detectors do: rewriting keeps many four-word runs, reporting the same
// event independently keeps few, and a shingle set is cheap to build and
// compare. A republication is then a version of its original by another
// outlet, so the version diff says what the republisher changed.
//
// Within one language, claims align by the content words they share. Across
// Arabic and English no words are shared, and machine translation is out of
// reach for a pure-Go tool without models, so claims align by anchors that
// survive translation: numbers (Arabic-Indic digits read as ASCII), names
// that the sources matcher relates across scripts, and terms that a
// glossary lists in both languages (months, days, places, common news
// nouns, the registry's outlets and agencies, and the user's own file).
// Each alignment keeps the evidence it rests on, because an alignment by
// anchors is a guess a reader must be able to check.
//
// A translation is told by its address, not its text: a site's language
// editions at one URL. Two outlets retelling one agency statement share
// names, numbers and order as a translation does, so text similarity would
// call them translations too. Once known, a translation's claims align
// with the original's by their order and source, which holds where a
// translated claim has no anchor at all.
//
// The package knows the sources package only through Options.Match and
// Options.SameSource, so the cross-script matcher can be replaced and the
// package stays usable without a registry.
package compare

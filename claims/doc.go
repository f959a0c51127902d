// Package claims extracts attributed claims from segmented articles: who
// (source, through which reporters) said what (content), marked by which
// cue and with which stance.
//
// Language knowledge is data, as in vale: each language has an embedded
// YAML lexicon (lexicon/ar.yaml, and a shared gazetteer of outlets and
// agencies in lexicon/outlets.yaml) of cue verbs with their inflections,
// participles, complementizers, channel phrases, according-to words,
// source nouns, unnamed-source heads and anaphors. A user's files, named in
// the configuration key `lexicons`, extend them. Lexicons are compiled once
// into maps keyed by normalised spellings (package text), so a lookup is a
// map access whatever the hamza or diacritics of the text.
//
// The Arabic rules walk the verb–subject–object template of news Arabic
// from each cue (cue, source, role aside, channel and addressee,
// complementizer, content) and stop at the first step that does not fit:
// an unexpected shape gives no claim rather than a wrong one. Sources are
// then resolved against what the article said before: البيان to the
// issuer of the last statement, الصحيفة to the last outlet, المسؤولون to
// the last officials, a bare وأضاف to the previous source.
//
// Output is deterministic: claim ids hash the article id and the content
// span and text, and claims are sorted by offset.
package claims

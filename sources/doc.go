// Package sources links the sources that claims name to canonical
// sources, so that "what has this spokesman said, in any outlet, in either
// language" and "how often does this outlet lean on unnamed officials" can
// be asked at all.
//
// # Why matching is layered
//
// News names one source many ways: with and without a title (اللواء يحيى
// رسول), with a clitic (بالعراق), in another script (Yahya Rasool, Yehia
// Rasul), with a descriptor (صحيفة "نيويورك تايمز"), by surname (Rasool),
// or by an anaphor that extraction has already resolved (البيان, the
// newspaper). No transliteration standard reproduces journalists'
// spellings, so the cross-script key is a consonant skeleton with
// equivalence classes (weak letters and vowels dropped, ث ت ط alike, ق ك خ
// alike, and so on) compared word by word with a small edit distance.
// Skeletons are lossy by design, so the matcher compares two Arabic words
// by their spelling instead (عمر is not عمرو), two Latin words also by
// where their vowels stand (Omar is not Amr), and never lets one word of a
// name stand for the whole across articles: a shared family name is not a
// shared person. Titles, honorifics, descriptors and affiliations are
// language data (lexicon/names.yaml), compiled once, like the extractor's
// lexicons.
//
// # Why context decides what names cannot
//
// A surname alone, "the statement" or "the officials" mean something only
// inside their article, so Link groups an article's mentions first (names
// that match, surnames to the one full name they end, anaphors to their
// antecedent) and only then looks the group up in the registry. Unnamed
// sources are the extreme case: two "officials" in two articles are almost
// never the same people, so they share an id only when descriptor and
// affiliation agree (مسؤولين أميركيين and مسؤولين أمريكيين), and
// descriptions such as "the ministry" or a lone first name stay within
// their article.
//
// # Why ids are hashes and the registry learns
//
// Ids are claimtrail.SourceID hashes of a source's normalised canonical
// name (of descriptor and affiliation for an unnamed group, with the
// article id when it is scoped to one article), so the same source gets the same id in every run
// without a database, and a store can upsert what Link returns. The registry starts with the outlets and agencies of
// registry/*.yaml and the user's file, and learns each source Link
// proposes, so a name seen in one article is recognised, in either script,
// in the next. The first spelling seen names a learned source; linking is
// deterministic for a given order of articles.
package sources

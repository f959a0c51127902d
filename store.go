package claimtrail

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ErrAmbiguous: a name given where one thing was wanted (a source, an
// article) names several; the caller should use an id.
var ErrAmbiguous = errors.New("ambiguous")

// Store keeps articles, their versions, the claims extracted from each
// version and the canonical sources those claims are attributed to. It is
// the contract every storage backend (SQLite, PostgreSQL) fulfils; the
// suite in package storetest checks it.
//
// A stored article is identified by its key: the URL with the text's
// language, or the given id when there is no URL (VersionKey). Each distinct text stored under a key is one
// version, numbered from 1 in order of capture time. Implementations are
// safe for concurrent use, also by several processes on one database.
type Store interface {
	// Save stores each record as one whole article version: its text,
	// metadata, claims, mentions and sources are all written or none is.
	// Records are processed in order; a record whose text (content hash)
	// is already stored under its key is left alone and reported
	// Unchanged. A record without Article.Hash or Article.ID gets them
	// from its text, as a reader would have given them. A backend may
	// write several records in one transaction,
	// so an error means none of the batch may have been stored, but never
	// that a record was stored in part.
	//
	// Returns ErrInvalidInput (wrapped) if a record has no article, no
	// text, or a claim whose span lies outside the text, and the context's
	// error if ctx is cancelled.
	Save(ctx context.Context, records []Record) ([]Saved, error)

	// Article returns one stored version with its claims. ref is a version
	// id, an article key or URL, or an Article.ID; for a key it is the
	// latest version.
	//
	// Returns ErrNotFound if nothing matches, ErrAmbiguous if an
	// Article.ID names versions of several keys.
	Article(ctx context.Context, ref string) (*StoredArticle, error)

	// Articles lists the stored articles, the latest version of each,
	// newest date first (published, else captured), then by key. The text
	// and claims are left out.
	Articles(ctx context.Context, f ArticleFilter) ([]StoredArticle, error)

	// Versions lists the versions of one article, oldest capture first.
	// ref is as for Article.
	//
	// Returns ErrNotFound if nothing matches, ErrAmbiguous if ref names
	// several articles.
	Versions(ctx context.Context, ref string) ([]Version, error)

	// Claims returns the claims that pass every filter, by article
	// (newest date first as for Articles, then key and version number)
	// and within an article in the order saved (by offset). An empty
	// result is not an error.
	//
	// Returns ErrInvalidInput if the filter is contradictory (Until
	// before Since).
	Claims(ctx context.Context, f ClaimFilter) ([]StoredClaim, error)

	// Search finds claims, sources and articles whose text matches query:
	// words (all must match, in any order), "quoted phrases" and word*
	// prefixes. Text and query are folded the same way (text.Key): Arabic
	// diacritics, tatweel, hamza on alef and case do not matter, and a
	// leading proclitic (و، ف، ب، ل، ال) is also matched without it. Hits
	// are ranked best first.
	//
	// Returns ErrInvalidInput if the query has no word to look for.
	Search(ctx context.Context, query string, opts SearchOptions) ([]Hit, error)

	// Sources lists canonical sources with how often they are cited in
	// the latest versions, most cited first, then by name as text.Key
	// folds it, then by id.
	Sources(ctx context.Context, f SourceFilter) ([]SourceCount, error)

	// Source returns one canonical source. ref is its id, a merged id
	// (which leads to the source it was merged into), its name or one of
	// its aliases (compared as text.Key compares them).
	//
	// Returns ErrNotFound if nothing matches, ErrAmbiguous if a name
	// matches several sources.
	Source(ctx context.Context, ref string) (*Source, error)

	// MergeSources makes the sources from one with into: their mentions,
	// aliases (their names among them) and roles move to into, and their
	// ids lead to into from now on, including for records saved later.
	//
	// Returns ErrNotFound if a source does not exist, ErrInvalidInput if
	// into is among from or from is empty.
	MergeSources(ctx context.Context, into string, from ...string) (*Source, error)

	// SplitSource moves the mentions of source id whose text or resolved
	// name is one of names (compared as text.Key compares them) to a new
	// source named names[0], and takes those names from id's aliases. It
	// returns the new source, whose id derives from id and names.
	//
	// Returns ErrNotFound if id does not exist, ErrInvalidInput if names
	// is empty or matches none of id's mentions and aliases, or would
	// take all of them.
	SplitSource(ctx context.Context, id string, names ...string) (*Source, error)

	// Close releases the store.
	Close() error
}

// Record is one article version to save with what was extracted from it.
// The claims' mentions carry SourceID where linking found a source, and
// Sources are the canonical sources those ids refer to.
type Record struct {
	Article *Article
	Claims  []Claim
	Sources []Source
}

// SaveStatus says what Save did with one record.
type SaveStatus string

// Save statuses.
const (
	// Added: the first version of a new key.
	Added SaveStatus = "added"
	// NewVersion: a changed text under a key already stored.
	NewVersion SaveStatus = "new_version"
	// Unchanged: the same text is already stored under the key; nothing
	// was written.
	Unchanged SaveStatus = "unchanged"
)

// Saved is the outcome of one record.
type Saved struct {
	Status  SaveStatus `json:"status"`
	Version Version    `json:"version"`
	// VersionID is the stored version's id (VersionID).
	VersionID string `json:"version_id"`
}

// StoredArticle is one stored version of an article.
type StoredArticle struct {
	// Article is the text and metadata as saved (Paragraphs are not
	// stored; text.Segment gives them again).
	Article Article `json:"article"`
	Version Version `json:"version"`
	// VersionID identifies this version (VersionID).
	VersionID string `json:"version_id"`
	// Versions is how many versions the key has.
	Versions int `json:"versions"`
	// ClaimCount is the number of claims of this version.
	ClaimCount int `json:"claim_count"`
	// Claims are filled by Store.Article only.
	Claims []Claim `json:"claims,omitempty"`
}

// StoredClaim is a claim with the article version it was extracted from.
type StoredClaim struct {
	Claim   Claim      `json:"claim"`
	Article ArticleRef `json:"article"`
}

// ArticleRef names the article version a claim belongs to.
type ArticleRef struct {
	VersionID string    `json:"version_id"`
	ID        string    `json:"id"`
	Key       string    `json:"key"`
	Version   int       `json:"version"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Story     string    `json:"story,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Captured  time.Time `json:"captured,omitzero"`
}

// ClaimFilter selects claims; the zero value selects every claim of the
// latest version of every article. Text filters compare as text.Key does.
type ClaimFilter struct {
	// Source matches a canonical source id, or the source's name or an
	// alias, or the text or resolved name of the claim's source mention.
	Source string
	// Outlet and Story match the article's outlet and story names.
	Outlet string
	Story  string
	// Kind is the kind of the claim's source.
	Kind SourceKind
	// Type is the claim type.
	Type ClaimType
	// Anonymous, when set, keeps only claims whose source is (or is not)
	// unnamed.
	Anonymous *bool
	// Stance is the cue's stance.
	Stance Stance
	// Since and Until bound the article's date (published, else
	// captured): Since <= date < Until. Zero means unbounded.
	Since, Until time.Time
	// Article is a version id, an article key or URL, or an Article.ID. A
	// version id selects that version even when AllVersions is off.
	Article string
	// AllVersions includes the claims of every version, not only the
	// latest of each article.
	AllVersions bool
	// Limit caps the result; 0 means no cap.
	Limit int
}

// ArticleFilter selects articles; the zero value selects all.
type ArticleFilter struct {
	Outlet string
	Story  string
	// Since and Until bound the article's date as in ClaimFilter.
	Since, Until time.Time
	Limit        int
}

// SearchOptions bound a search.
type SearchOptions struct {
	// Kinds restricts the hits to some kinds; empty means all.
	Kinds []HitKind
	// Limit caps the hits; 0 means a backend default of 50.
	Limit int
}

// HitKind is what a search hit is.
type HitKind string

// Hit kinds.
const (
	HitClaim   HitKind = "claim"
	HitSource  HitKind = "source"
	HitArticle HitKind = "article"
)

// Hit is one search result.
type Hit struct {
	Kind HitKind `json:"kind"`
	// Text is what matched, as stored: a claim's content, a source's name,
	// an article's title.
	Text string `json:"text"`
	// Snippet shows the first match in context as the text has it, with
	// the matched words in [brackets].
	Snippet string `json:"snippet,omitempty"`
	// Claim is set for claim hits, Source for source hits; Article for
	// claim and article hits.
	Claim   *Claim      `json:"claim,omitempty"`
	Source  *Source     `json:"source,omitempty"`
	Article *ArticleRef `json:"article,omitempty"`
	// Rank orders hits; lower is better.
	Rank float64 `json:"rank"`
}

// SourceFilter selects sources; the zero value selects all.
type SourceFilter struct {
	// Name matches the name or an alias as text.Key compares them, or a
	// prefix of it ending in *.
	Name  string
	Kind  SourceKind
	Limit int
}

// SourceCount is a source with how often it is cited.
type SourceCount struct {
	Source Source `json:"source"`
	// Claims counts the claims attributed to it directly, Via those it
	// relays, Articles the articles (latest versions) it appears in.
	Claims   int `json:"claims"`
	Via      int `json:"via"`
	Articles int `json:"articles"`
}

// VersionKey is the key that ties versions of an article together: the
// URL, or the article id when there is no URL. The language is part of a
// URL's key because some sites serve their Arabic and English editions at
// one address: the English text is a translation, not a new version of the
// Arabic one, and diffing the two would report every claim changed. The
// suffix is set off by a space, which a URL cannot hold, so the key never
// reads as another URL.
func VersionKey(a *Article) string {
	if a.URL == "" {
		return a.ID
	}
	if l := keyLang(a); l != "" {
		return a.URL + " [" + l + "]"
	}
	return a.URL
}

// keyLang is the edition an article's text belongs to. A text of mixed
// scripts goes with the script most of its letters are in: a re-crawl
// that quotes more English in an Arabic report is still the Arabic
// article, though the share may cross DetectLang's 70%.
func keyLang(a *Article) string {
	switch a.Lang {
	case LangArabic, LangEnglish:
		return a.Lang
	case LangMixed:
	default:
		return ""
	}
	ar, latin := 0, 0
	for _, r := range a.Text {
		switch {
		case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
			ar++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	if ar > latin {
		return LangArabic
	}
	return LangEnglish
}

// VersionID derives the id of one stored version from its key and text
// hash, so the same capture gets the same id in every store.
func VersionID(key, hash string) string {
	return "v-" + ContentHash(key + "\x00" + hash)[:16]
}

// SourceID derives a canonical source id from a kind and a normalised
// name (and a scope, such as an article id for an unnamed source, which
// must not be merged across articles).
func SourceID(kind SourceKind, key, scope string) string {
	return "s-" + ContentHash(string(kind) + "\x00" + key + "\x00" + scope)[:16]
}

// Check rejects a record that cannot be stored whole, before anything is
// written, and fills the hash and id a reader would have given it. Every
// Store runs it in Save; a backend may add checks of its own.
func (rec *Record) Check() error {
	a := rec.Article
	if a == nil {
		return fmt.Errorf("%w: no article", ErrInvalidInput)
	}
	if strings.TrimSpace(a.Text) == "" {
		return fmt.Errorf("%w: empty text", ErrInvalidInput)
	}
	if !utf8.ValidString(a.Text) || strings.ContainsRune(a.Text, 0) {
		return fmt.Errorf("%w: text is not valid UTF-8 without NUL", ErrInvalidInput)
	}
	if a.Hash == "" {
		a.Hash = ContentHash(a.Text)
	}
	if a.ID == "" {
		a.ID = ArticleID(a.Text)
	}
	n := utf8.RuneCountInString(a.Text)
	bad := func(s Span) bool { return s.Start < 0 || s.End < s.Start || s.End > n }
	for i, c := range rec.Claims {
		spans := []Span{c.Content.Span, c.Cue.Span, c.Source.Span}
		for _, v := range c.Via {
			spans = append(spans, v.Span)
		}
		if slices.ContainsFunc(spans, bad) {
			return fmt.Errorf("%w: claim %d (%s) has a span outside the text of %d characters", ErrInvalidInput, i+1, c.ID, n)
		}
	}
	for _, s := range rec.Sources {
		if s.ID == "" {
			return fmt.Errorf("%w: a source without an id (%q)", ErrInvalidInput, s.Name)
		}
	}
	return nil
}

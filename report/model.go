package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/diff"
	"github.com/claimtrail/claimtrail/text"
)

// Scope says what a report or an audit covers.
type Scope string

// Scopes.
const (
	ScopeArticle Scope = "article"
	ScopeStory   Scope = "story"
	ScopeSource  Scope = "source"
	ScopeOutlet  Scope = "outlet"
	ScopeStore   Scope = "store"
	ScopeFiles   Scope = "files"
)

// Doc is one article version with the claims extracted from it, as read
// from a file or loaded from the store. Docs that share a key
// (claimtrail.VersionKey) are versions of one article.
type Doc struct {
	Article *claimtrail.Article
	Claims  []claimtrail.Claim
	// Version and VersionID are set for a stored version; a file has
	// number 0 and is numbered by capture time among its key's docs.
	Version   claimtrail.Version
	VersionID string
}

// CompareHook is where a cross-outlet comparison (package compare, issue
// 8) plugs into a report: given the latest version of every article, it
// returns a section to show. Nil leaves the section out. It is a hook
// rather than an import so the report does not depend on unfinished code.
type CompareHook func(latest []Doc) *CompareSection

// CompareSection is what a CompareHook returns: a matrix of outlets
// against outlets with a caption, rendered as a table.
type CompareSection struct {
	Caption string     `json:"caption"`
	Columns []string   `json:"columns"`
	Rows    [][]string `json:"rows"`
}

// Options tune Build; the zero value is ready to use.
type Options struct {
	Scope Scope
	// Name is what the scope names: an article key, a story, a source, an
	// outlet; empty for files and the whole store.
	Name string
	// SameSource decides whether two mentions name one source when
	// diffing versions; nil means diff.SameSourceByName.
	SameSource func(a, b claimtrail.Mention) bool
	// Compare, when set, adds a cross-outlet section.
	Compare CompareHook
	// CrossOutlet, when set, gives the audit its findings across outlets:
	// a claim one outlet attributes and another states as fact
	// (FindDroppedOutlet) or attributes more weakly (FindWeakenedOutlet).
	// Like Compare, it is a hook for package compare (issue 8).
	CrossOutlet func(latest []Doc) []Finding
}

// Report is a claim report: articles with every version's claims, the
// sources cited, and how the claims changed from version to version.
type Report struct {
	Scope    Scope           `json:"scope"`
	Name     string          `json:"name,omitempty"`
	Summary  Summary         `json:"summary"`
	Sources  []SourceRow     `json:"sources"`
	Articles []ArticleReport `json:"articles"`
	Compare  *CompareSection `json:"compare,omitempty"`

	// crossOutlet holds the findings of Options.CrossOutlet; nil when
	// no hook was given, so the audit does not claim to have looked.
	crossOutlet []Finding
}

// Summary counts what a report covers; claims and sources count the
// latest version of each article.
type Summary struct {
	Articles int `json:"articles"`
	Versions int `json:"versions"`
	Claims   int `json:"claims"`
	Sources  int `json:"sources"`
	Named    int `json:"named"`
	Unnamed  int `json:"unnamed"`
	// Changes counts the notable claim changes between versions.
	Changes int `json:"changes"`
}

// SourceRow is one source cited in the report's latest versions.
type SourceRow struct {
	ID        string                `json:"id,omitempty"`
	Name      string                `json:"name"`
	Kind      claimtrail.SourceKind `json:"kind"`
	Anonymous bool                  `json:"anonymous"`
	Claims    int                   `json:"claims"`
	// Via counts the claims it relays for another source.
	Via      int      `json:"via"`
	Articles int      `json:"articles"`
	Outlets  []string `json:"outlets"`
}

// ArticleReport is one article (one key) with its versions, oldest first.
type ArticleReport struct {
	Key      string          `json:"key"`
	URL      string          `json:"url,omitempty"`
	Outlet   string          `json:"outlet,omitempty"`
	Story    string          `json:"story,omitempty"`
	Title    string          `json:"title,omitempty"`
	Lang     string          `json:"lang,omitempty"`
	Versions []VersionReport `json:"versions"`
}

// VersionReport is one version: its text, claims and the changes from the
// version before it.
type VersionReport struct {
	Number    int                `json:"number"`
	VersionID string             `json:"version_id,omitempty"`
	ArticleID string             `json:"article_id"`
	Path      string             `json:"path,omitempty"`
	Published time.Time          `json:"published,omitzero"`
	Captured  time.Time          `json:"captured,omitzero"`
	Hash      string             `json:"hash"`
	Text      string             `json:"text"`
	Claims    []claimtrail.Claim `json:"claims"`
	// Changes is the diff from the previous version; nil for the first.
	Changes *VersionChanges `json:"changes,omitempty"`

	doc  Doc
	diff *diff.Result
	prev *Doc
}

// VersionChanges summarises a diff from the previous version and lists
// its notable claim changes.
type VersionChanges struct {
	From         int                           `json:"from"`
	Added        int                           `json:"added"`
	Removed      int                           `json:"removed"`
	Changed      int                           `json:"changed"`
	Unchanged    int                           `json:"unchanged"`
	WordsAdded   int                           `json:"words_added"`
	WordsRemoved int                           `json:"words_removed"`
	Kinds        map[claimtrail.ChangeKind]int `json:"kinds"`
	Claims       []claimtrail.Change           `json:"claims"`
}

// Latest returns the article's latest version.
func (a *ArticleReport) Latest() *VersionReport { return &a.Versions[len(a.Versions)-1] }

// Build groups docs into articles by key, orders each article's versions
// by capture time (stored version numbers first), diffs consecutive
// versions and counts the sources of the latest versions. Docs without
// paragraphs are segmented in place. Articles are ordered newest date first,
// then by key, as the store lists them.
func Build(docs []Doc, opts Options) (*Report, error) {
	r := &Report{Scope: opts.Scope, Name: opts.Name, Sources: []SourceRow{}, Articles: []ArticleReport{}}
	byKey := map[string][]Doc{}
	var keys []string
	for _, d := range docs {
		if d.Article == nil {
			return nil, fmt.Errorf("build report: %w: a doc without an article", claimtrail.ErrInvalidInput)
		}
		if len(d.Article.Paragraphs) == 0 && d.Article.Text != "" {
			text.Segment(d.Article)
		}
		k := d.Version.Key
		if k == "" {
			k = claimtrail.VersionKey(d.Article)
		}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], d)
	}
	differ := diff.New(diff.Options{SameSource: opts.SameSource})
	for _, k := range keys {
		vs := byKey[k]
		slices.SortStableFunc(vs, func(a, b Doc) int {
			if c := cmp.Compare(a.Version.Number, b.Version.Number); c != 0 && a.Version.Number > 0 && b.Version.Number > 0 {
				return c
			}
			if c := a.Article.Captured.Compare(b.Article.Captured); c != 0 {
				return c
			}
			return cmp.Compare(a.Article.Path, b.Article.Path)
		})
		// The same text twice (a file given twice) is one version.
		vs = slices.CompactFunc(vs, func(a, b Doc) bool { return a.Article.Hash != "" && a.Article.Hash == b.Article.Hash })
		last := vs[len(vs)-1].Article
		ar := ArticleReport{Key: k, URL: last.URL, Outlet: last.Outlet, Story: last.Story, Title: last.Title, Lang: last.Lang}
		for i, d := range vs {
			cs := d.Claims
			if cs == nil {
				cs = []claimtrail.Claim{}
			}
			n := d.Version.Number
			if n == 0 {
				n = i + 1
			}
			v := VersionReport{Number: n, VersionID: d.VersionID, ArticleID: d.Article.ID, Path: d.Article.Path,
				Published: d.Article.Published, Captured: d.Article.Captured, Hash: d.Article.Hash, Text: d.Article.Text,
				Claims: cs, doc: d}
			if i > 0 {
				prev := vs[i-1]
				res := differ.Diff(prev.Article, d.Article, prev.Claims, d.Claims)
				v.diff, v.prev = res, &prev
				v.Changes = summarize(res, ar.Versions[i-1].Number)
				r.Summary.Changes += v.Changes.Added + v.Changes.Removed + v.Changes.Changed
			}
			ar.Versions = append(ar.Versions, v)
		}
		r.Summary.Versions += len(ar.Versions)
		r.Articles = append(r.Articles, ar)
	}
	slices.SortStableFunc(r.Articles, func(a, b ArticleReport) int {
		if c := articleDate(b.Latest()).Compare(articleDate(a.Latest())); c != 0 {
			return c
		}
		return cmp.Compare(a.Key, b.Key)
	})
	r.Summary.Articles = len(r.Articles)
	r.Sources = countSources(r.Articles)
	r.Summary.Sources = len(r.Sources)
	for i := range r.Articles {
		for _, c := range r.Articles[i].Latest().Claims {
			r.Summary.Claims++
			if Unnamed(c.Source) {
				r.Summary.Unnamed++
			} else {
				r.Summary.Named++
			}
		}
	}
	if opts.Compare != nil {
		r.Compare = opts.Compare(r.LatestDocs())
	}
	if opts.CrossOutlet != nil {
		r.crossOutlet = append([]Finding{}, opts.CrossOutlet(r.LatestDocs())...)
	}
	return r, nil
}

// LatestDocs returns the latest version of every article, in report order.
func (r *Report) LatestDocs() []Doc {
	out := make([]Doc, 0, len(r.Articles))
	for i := range r.Articles {
		out = append(out, r.Articles[i].Latest().doc)
	}
	return out
}

func articleDate(v *VersionReport) time.Time {
	if !v.Published.IsZero() {
		return v.Published
	}
	return v.Captured
}

// summarize counts a diff's claim changes.
func summarize(res *diff.Result, from int) *VersionChanges {
	vc := &VersionChanges{From: from, WordsAdded: res.Text.WordsAdded, WordsRemoved: res.Text.WordsRemoved,
		Kinds: map[claimtrail.ChangeKind]int{}, Claims: []claimtrail.Change{}}
	for _, c := range res.Claims {
		switch {
		case c.Change == claimtrail.StatusAdded:
			vc.Added++
		case c.Change == claimtrail.StatusRemoved:
			vc.Removed++
		case c.Notable():
			vc.Changed++
		default:
			vc.Unchanged++
		}
		if c.Notable() {
			for _, k := range c.Kinds {
				vc.Kinds[k]++
			}
			vc.Claims = append(vc.Claims, c)
		}
	}
	return vc
}

// Unnamed reports whether a source is unnamed: marked anonymous, or an
// unnamed official or group by its kind.
func Unnamed(m claimtrail.Mention) bool {
	return m.Anonymous || m.Kind == claimtrail.KindOfficial || m.Kind == claimtrail.KindAnonymous
}

// SourceName is the name a report gives a mention: the resolved or
// canonical name, else the words of the text.
func SourceName(m claimtrail.Mention) string {
	if m.Name != "" {
		return m.Name
	}
	return m.Mention
}

// sourceKey identifies a source across articles: its linked id, else its
// kind and folded name; an unnamed source is never merged across articles,
// as the store does not merge them.
func sourceKey(m claimtrail.Mention, articleKey string) string {
	if m.SourceID != "" {
		return m.SourceID
	}
	k := string(m.Kind) + "\x00" + text.Key(SourceName(m))
	if Unnamed(m) {
		k += "\x00" + articleKey
	}
	return k
}

func countSources(arts []ArticleReport) []SourceRow {
	rows := map[string]*SourceRow{}
	arts2 := map[string]map[string]bool{}
	outlets := map[string]map[string]bool{}
	get := func(m claimtrail.Mention, a *ArticleReport) *SourceRow {
		k := sourceKey(m, a.Key)
		r, ok := rows[k]
		if !ok {
			r = &SourceRow{ID: m.SourceID, Name: SourceName(m), Kind: m.Kind, Anonymous: Unnamed(m), Outlets: []string{}}
			rows[k] = r
			arts2[k], outlets[k] = map[string]bool{}, map[string]bool{}
		}
		arts2[k][a.Key] = true
		if a.Outlet != "" {
			outlets[k][a.Outlet] = true
		}
		return r
	}
	for i := range arts {
		a := &arts[i]
		for _, c := range a.Latest().Claims {
			if SourceName(c.Source) == "" {
				continue
			}
			get(c.Source, a).Claims++
			for _, v := range c.Via {
				if SourceName(v) != "" {
					get(v, a).Via++
				}
			}
		}
	}
	out := make([]SourceRow, 0, len(rows))
	for k, r := range rows {
		r.Articles = len(arts2[k])
		for o := range outlets[k] {
			r.Outlets = append(r.Outlets, o)
		}
		slices.Sort(r.Outlets)
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b SourceRow) int {
		if c := cmp.Compare(b.Claims+b.Via, a.Claims+a.Via); c != 0 {
			return c
		}
		if c := cmp.Compare(text.Key(a.Name), text.Key(b.Name)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		if c := cmp.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Claims, a.Claims); c != 0 {
			return c
		}
		return cmp.Compare(strings.Join(a.Outlets, "\x00"), strings.Join(b.Outlets, "\x00"))
	})
	return out
}

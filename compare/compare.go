package compare

import (
	"cmp"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/diff"
	"github.com/claimtrail/claimtrail/text"
)

// Doc is one article to compare with its claims. The article must be
// segmented (text.Segment); Compare segments it if it is not.
type Doc struct {
	Article *claimtrail.Article
	Claims  []claimtrail.Claim
}

// Options tune a Comparer; the zero value is ready to use.
type Options struct {
	// SameSource reports whether two mentions name one source (also across
	// scripts); nil means diff.SameSourceByName.
	SameSource func(a, b claimtrail.Mention) bool
	// Match reports whether two names may name the same person, place or
	// organisation across scripts (Baghdad ~ بغداد); nil compares text.Key.
	Match func(a, b string) bool
	// Glossary adds the user's terms to the built-in ones.
	Glossary *Glossary
	// Terms are more concepts with their forms, such as the registry's
	// sources with their aliases in both scripts.
	Terms [][]string
	// StoryThreshold is the least similarity at which two articles of one
	// language join a story; 0 means 0.2 (Dice of content words).
	StoryThreshold float64
	// CrossStoryThreshold is the least anchor similarity at which two
	// articles of different languages join a story; 0 means 0.35.
	CrossStoryThreshold float64
	// DeriveThreshold is the least share of an article's four-word shingles
	// found in another for it to count as derived from it; 0 means 0.4.
	DeriveThreshold float64

	// ClaimThreshold is the least Dice similarity of content words at which
	// two claims of one language align; 0 means 0.35.
	ClaimThreshold float64
	// CrossClaimThreshold is the least anchor score at which an Arabic and
	// an English claim align; 0 means 0.4. Two shared anchors are needed
	// as well.
	CrossClaimThreshold float64
	// UnattributedThreshold is the least share of a claim's content words
	// that one sentence of another article of the same language must hold,
	// outside any claim there, for the content to count as given there
	// without attribution; 0 means 0.6.
	UnattributedThreshold float64
}

// Comparer compares articles. It is safe for concurrent use once built.
type Comparer struct {
	opts  Options
	terms *termIndex
	stop  map[string]bool
	diff  *diff.Differ
}

// New returns a Comparer with opts' defaults filled in.
func New(opts Options) *Comparer {
	def := defaultGlossary()
	if opts.SameSource == nil {
		opts.SameSource = diff.SameSourceByName
	}
	if opts.Match == nil {
		opts.Match = func(a, b string) bool { return text.Key(a) == text.Key(b) }
	}
	set := func(p *float64, v float64) {
		if *p == 0 {
			*p = v
		}
	}
	set(&opts.StoryThreshold, 0.2)
	set(&opts.CrossStoryThreshold, 0.35)
	set(&opts.DeriveThreshold, 0.4)
	set(&opts.ClaimThreshold, 0.35)
	set(&opts.CrossClaimThreshold, 0.4)
	set(&opts.UnattributedThreshold, 0.6)
	lists := [][][]string{def.Terms, opts.Terms}
	if opts.Glossary != nil {
		lists = append(lists, opts.Glossary.Terms)
	}
	stop := map[string]bool{}
	for _, ws := range def.Stopwords {
		for _, w := range ws {
			for _, k := range normWords(w) {
				stop[k] = true
			}
		}
	}
	return &Comparer{
		opts:  opts,
		terms: newTermIndex(lists...),
		stop:  stop,
		diff:  diff.New(diff.Options{SameSource: opts.SameSource}),
	}
}

// Story is a group of articles that tell one event, with what compare
// found in them.
type Story struct {
	// Key is the story's name: the one given, or a name derived from its
	// first article.
	Key string `json:"key"`
	// Detected is set when the articles were grouped by similarity rather
	// than by a given story name.
	Detected bool `json:"detected"`
	// Confidence is 1 for a given story, else the weakest link that joined
	// the group (the least similarity of the pairs that made it one).
	Confidence float64       `json:"confidence"`
	Links      []StoryLink   `json:"links,omitempty"`
	Articles   []ArticleInfo `json:"articles"`
	Derived    []Derivation  `json:"derived"`
	Clusters   []Cluster     `json:"clusters"`
	Stats      Stats         `json:"stats"`
}

// StoryLink is one pair of articles that detection put in one story.
type StoryLink struct {
	A        string   `json:"a"`
	B        string   `json:"b"`
	Score    float64  `json:"score"`
	Evidence []string `json:"evidence"`
}

// ArticleInfo names one article of a story; Index is its column in the
// matrix.
type ArticleInfo struct {
	Index  int    `json:"index"`
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Lang   string `json:"lang"`
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Path   string `json:"path,omitempty"`
	Date   string `json:"date,omitempty"`
	Claims int    `json:"claims"`
}

// Derivation kinds.
const (
	Republication = "republication" // the same language, shared word runs
	Translation   = "translation"   // another language edition at the same URL
)

// Derivation records that one article republishes or translates another.
type Derivation struct {
	// Article is derived from From; both are ArticleInfo ids.
	Article string `json:"article"`
	From    string `json:"from"`
	Kind    string `json:"kind"`
	// Overlap is, for a republication, the share of Article's shingles
	// found in From; 1 for a translation.
	Overlap float64 `json:"overlap"`
	// Evidence says in words what the derivation rests on.
	Evidence string `json:"evidence"`
	// Aligned counts, for a translation, the claim clusters that hold a
	// claim of each (a republication's claims are compared in Changes).
	Aligned int `json:"aligned_clusters,omitempty"`
	// Changes are the claim changes from From to Article that matter
	// (diff.Result.Claims, unchanged, moved and cosmetic ones left out).
	Changes []claimtrail.Change `json:"changes"`
	col     int
}

// Cluster is one proposition as the articles of a story report it.
type Cluster struct {
	ID string `json:"id"`
	// Cells hold, in article order, one entry per article that reports
	// the proposition; an article has more than one only when its claims
	// are parts of one statement (one sentence, one source).
	Cells []Cell `json:"cells"`
	// Alignments are the pairs of claims that made the cluster.
	Alignments    []Alignment    `json:"alignments"`
	Disagreements []Disagreement `json:"disagreements"`
	CrossLanguage bool           `json:"cross_language"`
}

// Cell status values.
const (
	CellAttributed   = "attributed"
	CellUnattributed = "unattributed"
)

// Cell is how one article gives the proposition of a cluster.
type Cell struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	Lang    string `json:"lang"`
	// Status is attributed, or unattributed when the content stands in
	// the article without a claim around it.
	Status   string               `json:"status"`
	ClaimID  string               `json:"claim_id,omitempty"`
	Source   string               `json:"source,omitempty"`
	SourceID string               `json:"source_id,omitempty"`
	Via      []string             `json:"via,omitempty"`
	Cue      string               `json:"cue,omitempty"`
	Stance   claimtrail.Stance    `json:"stance,omitempty"`
	Type     claimtrail.ClaimType `json:"type,omitempty"`
	Content  string               `json:"content"`
	Span     claimtrail.Span      `json:"span"`
	Numbers  []string             `json:"numbers,omitempty"`
	claim    *claimtrail.Claim
}

// Alignment is one pair of claims judged to report one proposition.
type Alignment struct {
	A     string  `json:"a"`
	B     string  `json:"b"`
	Score float64 `json:"score"`
	// CrossLanguage is set for an Arabic–English pair, aligned by anchors.
	CrossLanguage bool     `json:"cross_language"`
	Evidence      []string `json:"evidence"`
}

// Disagreement kinds.
const (
	SourceDiffers      = "source_differs"
	AttributionDropped = "attribution_dropped"
	ChainShortened     = "chain_shortened"
	StanceDiffers      = "stance_differs"
	NumbersDiffer      = "numbers_differ"
)

// Disagreement is one way the outlets of a cluster differ.
type Disagreement struct {
	Kind string `json:"kind"`
	// Articles are the ids of the articles that differ from one another.
	Articles []string `json:"articles"`
	Detail   string   `json:"detail"`
}

// Stats count what compare found in a story.
type Stats struct {
	Articles int `json:"articles"`
	Claims   int `json:"claims"`
	// Clusters counts clusters of two or more articles.
	Clusters int `json:"clusters"`
	// AlignedSame and AlignedCross count claims aligned with a claim of
	// another article of the same language, and of the other language.
	AlignedSame  int `json:"aligned_same_language"`
	AlignedCross int `json:"aligned_cross_language"`
	Unattributed int `json:"unattributed_cells"`
	Derived      int `json:"derived"`
	Disagreeing  int `json:"clusters_disagreeing"`
}

// Compare groups docs into stories (by Article.Story when every doc has
// one, else by similarity) and compares the articles of each.
func (c *Comparer) Compare(docs []Doc) []Story {
	ds := c.prepare(docs)
	var groups [][]*doc
	var stories []Story
	given := len(ds) > 0
	for _, d := range ds {
		if d.a.Story == "" {
			given = false
		}
	}
	if given {
		by := map[string][]*doc{}
		var keys []string
		for _, d := range ds {
			if by[d.a.Story] == nil {
				keys = append(keys, d.a.Story)
			}
			by[d.a.Story] = append(by[d.a.Story], d)
		}
		slices.Sort(keys)
		for _, k := range keys {
			groups = append(groups, by[k])
			stories = append(stories, Story{Key: k, Confidence: 1})
		}
	} else {
		var links [][]StoryLink
		groups, links = c.groupStories(ds)
		for i, g := range groups {
			s := Story{Key: storyKey(g), Detected: true, Confidence: 1, Links: links[i]}
			if len(g) > 1 {
				s.Confidence = 1
				for _, l := range links[i] {
					s.Confidence = min(s.Confidence, l.Score)
				}
			}
			stories = append(stories, s)
		}
	}
	for i := range stories {
		c.story(&stories[i], groups[i])
	}
	return stories
}

// CompareStory compares docs as one story named key, as given by the user.
func (c *Comparer) CompareStory(key string, docs []Doc) Story {
	s := Story{Key: key, Confidence: 1}
	c.story(&s, c.prepare(docs))
	return s
}

func storyKey(g []*doc) string {
	if g[0].a.Story != "" {
		return g[0].a.Story
	}
	t := g[0].a.Title
	if t == "" {
		t = g[0].a.ID
	}
	ws := strings.Fields(t)
	if len(ws) > 8 {
		ws = ws[:8]
	}
	return strings.Join(ws, " ")
}

// story fills s from its articles.
func (c *Comparer) story(s *Story, ds []*doc) {
	slices.SortStableFunc(ds, func(a, b *doc) int {
		return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.a.Outlet, b.a.Outlet), cmp.Compare(a.a.ID, b.a.ID), cmp.Compare(a.a.Path, b.a.Path))
	})
	for i, d := range ds {
		d.col = i
		s.Articles = append(s.Articles, ArticleInfo{Index: i, ID: d.ref, Outlet: d.outlet(), Lang: d.lang,
			Title: d.a.Title, URL: d.a.URL, Path: d.a.Path, Date: d.date, Claims: len(d.claims)})
		s.Stats.Claims += len(d.claims)
	}
	s.Stats.Articles = len(ds)
	s.Derived = c.derive(ds)
	s.Stats.Derived = len(s.Derived)
	s.Clusters = c.cluster(ds, s.Derived)
	for _, cl := range s.Clusters {
		if len(cl.Cells) > 1 {
			s.Stats.Clusters++
		}
		if len(cl.Disagreements) > 0 {
			s.Stats.Disagreeing++
		}
		for _, x := range cl.Cells {
			if x.Status == CellUnattributed {
				s.Stats.Unattributed++
			}
		}
	}
	same, cross := map[string]bool{}, map[string]bool{}
	for _, cl := range s.Clusters {
		isClaim := map[string]bool{}
		for _, x := range cl.Cells {
			if x.ClaimID != "" {
				isClaim[x.ClaimID] = true
			}
		}
		for _, al := range cl.Alignments {
			m := same
			if al.CrossLanguage {
				m = cross
			}
			// An unattributed cell is a sentence, not a claim.
			for _, id := range []string{al.A, al.B} {
				if isClaim[id] {
					m[id] = true
				}
			}
		}
	}
	s.Stats.AlignedSame, s.Stats.AlignedCross = len(same), len(cross)
	// A translation's claims are set against the original's through the
	// clusters: how many of them found their counterpart.
	for i := range s.Derived {
		d := &s.Derived[i]
		if d.Kind != Translation {
			continue
		}
		for _, cl := range s.Clusters {
			var in, from bool
			for _, x := range cl.Cells {
				if x.ClaimID == "" {
					continue
				}
				in = in || x.Article == d.Article
				from = from || x.Article == d.From
			}
			if in && from {
				d.Aligned++
			}
		}
	}
	if s.Derived == nil {
		s.Derived = []Derivation{}
	}
	if s.Clusters == nil {
		s.Clusters = []Cluster{}
	}
}

package report

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// FindingKind names what an audit finding is about.
type FindingKind string

// Finding kinds.
const (
	FindUnnamed      FindingKind = "unnamed_source"
	FindHedged       FindingKind = "hedged_cue"
	FindDistancing   FindingKind = "distancing_cue"
	FindDenial       FindingKind = "denial_cue"
	FindDeepChain    FindingKind = "deep_chain"
	FindSingleSource FindingKind = "single_source_story"
	FindNumber       FindingKind = "unattributed_number"
	FindAccusation   FindingKind = "unattributed_accusation"
	FindDropped      FindingKind = "attribution_dropped"
	FindWeakened     FindingKind = "attribution_weakened"
	// FindDroppedOutlet and FindWeakenedOutlet come from
	// Options.CrossOutlet: the same claim across outlets.
	FindDroppedOutlet  FindingKind = "attribution_dropped_across_outlets"
	FindWeakenedOutlet FindingKind = "attribution_weakened_across_outlets"
)

// deepChainMinDepth is the chain depth from which a claim is a finding:
// an outlet citing an outlet citing officials.
const deepChainMinDepth = 3

// Audit measures the attribution practice of a report's articles: who the
// claims rest on, how far removed, with which commitment, and what is
// stated with no one to answer for it. Measures count the latest version of
// each article; dropped and weakened attributions come from the diffs
// between versions.
type Audit struct {
	Scope    Scope          `json:"scope"`
	Name     string         `json:"name,omitempty"`
	Summary  AuditSummary   `json:"summary"`
	Articles []ArticleAudit `json:"articles"`
	Outlets  []OutletAudit  `json:"outlets"`
	Stories  []StoryAudit   `json:"stories"`
	// Depths counts claims by the length of their chain: 1 for a source
	// the article cites itself, 2 for a source cited through one reporter.
	Depths   []DepthCount `json:"depths"`
	Findings []Finding    `json:"findings"`
}

// AuditSummary is the audit in a few figures.
type AuditSummary struct {
	Articles         int     `json:"articles"`
	Claims           int     `json:"claims"`
	ClaimsPerArticle float64 `json:"claims_per_article"`
	Attribution
	MaxDepth            int     `json:"max_depth"`
	MeanDepth           float64 `json:"mean_depth"`
	Hedged              int     `json:"hedged"`
	Distancing          int     `json:"distancing"`
	Denial              int     `json:"denial"`
	Stories             int     `json:"stories"`
	SingleSourceStories int     `json:"single_source_stories"`
	UnattributedNumbers int     `json:"unattributed_numbers"`
	Accusations         int     `json:"unattributed_accusations"`
	Dropped             int     `json:"attribution_dropped"`
	Weakened            int     `json:"attribution_weakened"`
	// AcrossOutlets is set when a cross-outlet comparison ran (the
	// CrossOutlet hook); the two counts are its findings.
	AcrossOutlets         bool `json:"across_outlets"`
	DroppedAcrossOutlets  int  `json:"attribution_dropped_across_outlets"`
	WeakenedAcrossOutlets int  `json:"attribution_weakened_across_outlets"`
}

// Attribution splits claims by whom they are attributed to, with shares
// of the total (0 to 1, three decimals).
type Attribution struct {
	Named        int     `json:"named_people"`
	Orgs         int     `json:"organisations_documents"`
	Unnamed      int     `json:"unnamed"`
	Other        int     `json:"other"`
	NamedShare   float64 `json:"named_people_share"`
	OrgsShare    float64 `json:"organisations_documents_share"`
	UnnamedShare float64 `json:"unnamed_share"`
}

// ArticleAudit is the measures of one article's latest version.
type ArticleAudit struct {
	Key       string `json:"key"`
	VersionID string `json:"version_id,omitempty"`
	Version   int    `json:"version"`
	ArticleID string `json:"article_id"`
	Outlet    string `json:"outlet,omitempty"`
	Story     string `json:"story,omitempty"`
	Title     string `json:"title,omitempty"`
	Claims    int    `json:"claims"`
	Attribution
	MaxDepth   int `json:"max_depth"`
	Hedged     int `json:"hedged"`
	Distancing int `json:"distancing"`
	Denial     int `json:"denial"`
}

// OutletAudit is the unnamed sourcing of one outlet.
type OutletAudit struct {
	Outlet       string  `json:"outlet"`
	Articles     int     `json:"articles"`
	Claims       int     `json:"claims"`
	Unnamed      int     `json:"unnamed"`
	UnnamedShare float64 `json:"unnamed_share"`
}

// StoryAudit is how many distinct sources a story rests on. Articles
// without a story are each their own.
type StoryAudit struct {
	Story    string   `json:"story"`
	Articles int      `json:"articles"`
	Claims   int      `json:"claims"`
	Sources  []string `json:"sources"`
	Single   bool     `json:"single_source"`
}

// DepthCount is how many claims have a chain of a given depth.
type DepthCount struct {
	Depth  int `json:"depth"`
	Claims int `json:"claims"`
}

// Finding is one thing an editor should look at, located in an article
// version by sentence and code-point offsets.
type Finding struct {
	Kind      FindingKind     `json:"kind"`
	Key       string          `json:"key"`
	VersionID string          `json:"version_id,omitempty"`
	Version   int             `json:"version"`
	ArticleID string          `json:"article_id"`
	Outlet    string          `json:"outlet,omitempty"`
	Paragraph int             `json:"paragraph"`
	Sentence  int             `json:"sentence"`
	Span      claimtrail.Span `json:"span"`
	// Text is the text at Span; Detail says why it was found.
	Text   string `json:"text"`
	Detail string `json:"detail"`
	// ClaimID names the claim the finding is about, if any.
	ClaimID string `json:"claim_id,omitempty"`
}

// Depth is the length of a claim's chain: the source plus each reporter
// between it and the article.
func Depth(c *claimtrail.Claim) int { return 1 + len(c.Via) }

// category sorts a source into the audit's three groups.
func category(m claimtrail.Mention) string {
	if Unnamed(m) {
		return "unnamed"
	}
	switch m.Kind {
	case claimtrail.KindPerson:
		return "named"
	case claimtrail.KindOrganization, claimtrail.KindGovernment, claimtrail.KindOutlet, claimtrail.KindAgency, claimtrail.KindDocument:
		return "orgs"
	}
	return "other"
}

func (a *Attribution) add(m claimtrail.Mention) {
	switch category(m) {
	case "named":
		a.Named++
	case "orgs":
		a.Orgs++
	case "unnamed":
		a.Unnamed++
	default:
		a.Other++
	}
}

func (a *Attribution) shares() {
	n := a.Named + a.Orgs + a.Unnamed + a.Other
	a.NamedShare, a.OrgsShare, a.UnnamedShare = share(a.Named, n), share(a.Orgs, n), share(a.Unnamed, n)
}

func share(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return round3(float64(k) / float64(n))
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// NewAudit audits a report's articles with the accusation words of lx
// (DefaultLexicon when nil).
func NewAudit(r *Report, lx *Lexicon) (*Audit, error) {
	if lx == nil {
		var err error
		if lx, err = DefaultLexicon(); err != nil {
			return nil, err
		}
	}
	au := &Audit{Scope: r.Scope, Name: r.Name, Articles: []ArticleAudit{}, Outlets: []OutletAudit{}, Stories: []StoryAudit{},
		Depths: []DepthCount{}, Findings: []Finding{}}
	s := &au.Summary
	depths := map[int]int{}
	outlets := map[string]*OutletAudit{}
	stories := map[string]*StoryAudit{}
	storySources := map[string]map[string]string{}
	var storyOrder []string
	depthSum := 0
	for i := range r.Articles {
		ar := &r.Articles[i]
		v := ar.Latest()
		a := v.doc.Article
		runes := []rune(a.Text)
		aa := ArticleAudit{Key: ar.Key, VersionID: v.VersionID, Version: v.Number, ArticleID: a.ID, Outlet: ar.Outlet,
			Story: ar.Story, Title: ar.Title, Claims: len(v.Claims)}
		find := func(k FindingKind, c *claimtrail.Claim, span claimtrail.Span, detail string) {
			au.Findings = append(au.Findings, Finding{Kind: k, Key: ar.Key, VersionID: v.VersionID, Version: v.Number,
				ArticleID: a.ID, Outlet: ar.Outlet, Paragraph: c.Paragraph, Sentence: c.Sentence, Span: span,
				Text: span.Slice(runes), Detail: detail, ClaimID: c.ID})
		}
		story := ar.Story
		if story == "" {
			story = "(" + ar.Key + ")"
		}
		st, ok := stories[story]
		if !ok {
			st = &StoryAudit{Story: story, Sources: []string{}}
			stories[story], storySources[story] = st, map[string]string{}
			storyOrder = append(storyOrder, story)
		}
		st.Articles++
		st.Claims += len(v.Claims)
		for j := range v.Claims {
			c := &v.Claims[j]
			aa.add(c.Source)
			s.add(c.Source)
			d := Depth(c)
			depths[d]++
			depthSum += d
			aa.MaxDepth = max(aa.MaxDepth, d)
			if name := SourceName(c.Source); name != "" {
				storySources[story][sourceKey(c.Source, ar.Key)] = name
			}
			if Unnamed(c.Source) {
				find(FindUnnamed, c, c.Source.Span, "claim attributed to an unnamed source: "+SourceName(c.Source))
			}
			switch c.Cue.Stance {
			case claimtrail.Hedged:
				aa.Hedged++
				find(FindHedged, c, c.Cue.Span, "hedged cue: "+c.Cue.Text)
			case claimtrail.Distancing:
				aa.Distancing++
				find(FindDistancing, c, c.Cue.Span, "distancing cue: "+c.Cue.Text)
			case claimtrail.Denial:
				aa.Denial++
				find(FindDenial, c, c.Cue.Span, "denial cue: "+c.Cue.Text)
			}
			if d >= deepChainMinDepth {
				var names []string
				for _, m := range c.Via {
					names = append(names, SourceName(m))
				}
				find(FindDeepChain, c, c.Source.Span, "chain of "+itoa(d)+": "+strings.Join(append(names, SourceName(c.Source)), " → "))
			}
		}
		aa.shares()
		s.Hedged += aa.Hedged
		s.Distancing += aa.Distancing
		s.Denial += aa.Denial
		s.MaxDepth = max(s.MaxDepth, aa.MaxDepth)
		au.Articles = append(au.Articles, aa)
		if ar.Outlet != "" {
			o, ok := outlets[ar.Outlet]
			if !ok {
				o = &OutletAudit{Outlet: ar.Outlet}
				outlets[ar.Outlet] = o
			}
			o.Articles++
			o.Claims += aa.Claims
			o.Unnamed += aa.Unnamed
		}
		au.Findings = append(au.Findings, unattributed(ar, v, lx)...)
		for k := 1; k < len(ar.Versions); k++ {
			au.Findings = append(au.Findings, weakened(ar, &ar.Versions[k-1], &ar.Versions[k])...)
		}
	}
	s.Articles = len(r.Articles)
	s.Claims = s.Named + s.Orgs + s.Unnamed + s.Other
	if s.Articles > 0 {
		s.ClaimsPerArticle = round3(float64(s.Claims) / float64(s.Articles))
	}
	if s.Claims > 0 {
		s.MeanDepth = round3(float64(depthSum) / float64(s.Claims))
	}
	s.shares()
	for d, n := range depths {
		au.Depths = append(au.Depths, DepthCount{Depth: d, Claims: n})
	}
	slices.SortFunc(au.Depths, func(a, b DepthCount) int { return cmp.Compare(a.Depth, b.Depth) })
	for _, o := range outlets {
		o.UnnamedShare = share(o.Unnamed, o.Claims)
		au.Outlets = append(au.Outlets, *o)
	}
	slices.SortFunc(au.Outlets, func(a, b OutletAudit) int { return cmp.Compare(a.Outlet, b.Outlet) })
	slices.Sort(storyOrder)
	for _, name := range storyOrder {
		st := stories[name]
		for _, n := range storySources[name] {
			st.Sources = append(st.Sources, n)
		}
		slices.Sort(st.Sources)
		st.Sources = slices.Compact(st.Sources)
		st.Single = len(storySources[name]) == 1
		au.Stories = append(au.Stories, *st)
		if st.Single {
			s.SingleSourceStories++
			au.Findings = append(au.Findings, singleSource(r, name, st))
		}
	}
	s.Stories = len(au.Stories)
	if r.crossOutlet != nil {
		s.AcrossOutlets = true
		au.Findings = append(au.Findings, r.crossOutlet...)
	}
	order := map[string]int{}
	for i := range r.Articles {
		order[r.Articles[i].Key] = i
	}
	slices.SortStableFunc(au.Findings, func(a, b Finding) int {
		if c := cmp.Compare(order[a.Key], order[b.Key]); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Version, b.Version); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.Kind, b.Kind)
	})
	for _, f := range au.Findings {
		switch f.Kind {
		case FindNumber:
			s.UnattributedNumbers++
		case FindAccusation:
			s.Accusations++
		case FindDropped:
			s.Dropped++
		case FindWeakened:
			s.Weakened++
		case FindDroppedOutlet:
			s.DroppedAcrossOutlets++
		case FindWeakenedOutlet:
			s.WeakenedAcrossOutlets++
		}
	}
	return au, nil
}

// singleSource points a single-source story at its first claim.
func singleSource(r *Report, story string, st *StoryAudit) Finding {
	for i := range r.Articles {
		ar := &r.Articles[i]
		if ar.Story != story && "("+ar.Key+")" != story {
			continue
		}
		v := ar.Latest()
		for j := range v.Claims {
			c := &v.Claims[j]
			if SourceName(c.Source) == "" {
				continue
			}
			return Finding{Kind: FindSingleSource, Key: ar.Key, VersionID: v.VersionID, Version: v.Number,
				ArticleID: v.ArticleID, Outlet: ar.Outlet, Paragraph: c.Paragraph, Sentence: c.Sentence, Span: c.Source.Span,
				Text: spanText(v.Text, c.Source.Span), ClaimID: c.ID,
				Detail: "story " + story + ": all " + itoa(st.Claims) + " claims of " + itoa(st.Articles) + " article(s) rest on one source: " + strings.Join(st.Sources, ", ")}
		}
	}
	return Finding{Kind: FindSingleSource, Detail: "story " + story}
}

// unattributed finds body sentences that hold no claim yet state a number
// or an accusation.
func unattributed(ar *ArticleReport, v *VersionReport, lx *Lexicon) []Finding {
	a := v.doc.Article
	var out []Finding
	var words []text.Token
	for _, p := range a.Paragraphs {
		if p.Kind != claimtrail.ParagraphBody && p.Kind != "" {
			continue
		}
		for _, sen := range p.Sentences {
			if claimed(sen, v.Claims) {
				continue
			}
			words = words[:0]
			toks := text.TokenizeAt(sen.Text, sen.Span.Start)
			var numbers []string
			for k, t := range toks {
				switch t.Kind {
				case text.Number:
					if !dateLike(toks, k) {
						numbers = append(numbers, t.Text)
					}
					words = append(words, t)
				case text.Word:
					words = append(words, t)
				}
			}
			f := Finding{Key: ar.Key, VersionID: v.VersionID, Version: v.Number, ArticleID: a.ID, Outlet: ar.Outlet,
				Paragraph: p.Index, Sentence: sen.Index, Span: sen.Span, Text: sen.Text}
			if len(numbers) > 0 {
				f.Kind, f.Detail = FindNumber, "states a number with no attribution: "+strings.Join(numbers, ", ")
				out = append(out, f)
			}
			for i := range words {
				if n, ok := lx.accusationAt(words, i); ok {
					var ws []string
					for _, w := range words[i : i+n] {
						ws = append(ws, w.Text)
					}
					f.Kind, f.Detail = FindAccusation, "states an accusation with no attribution: "+strings.Join(ws, " ")
					out = append(out, f)
					break
				}
			}
		}
	}
	return out
}

// dateLike reports whether number token k is a year (1900 to 2099) or a
// part of a date written with slashes (5/ 6/ 2021, يوليو/تموز): a date
// places an event, it does not state a figure someone must answer for.
func dateLike(toks []text.Token, k int) bool {
	if y, err := strconv.Atoi(toks[k].Key); err == nil && len(toks[k].Key) == 4 && y >= 1900 && y < 2100 {
		return true
	}
	return (k > 0 && toks[k-1].Text == "/") || (k+1 < len(toks) && toks[k+1].Text == "/")
}

// claimed reports whether a sentence holds a claim, or part of one.
func claimed(s claimtrail.Sentence, cs []claimtrail.Claim) bool {
	for i := range cs {
		c := &cs[i]
		if c.Sentence == s.Index || c.Content.Span.Overlaps(s.Span) || c.Cue.Span.Overlaps(s.Span) {
			return true
		}
	}
	return false
}

// weakened lists the claims whose attribution a version dropped or
// weakened (made anonymous, hedged, distanced, stripped of a role).
func weakened(ar *ArticleReport, prev, v *VersionReport) []Finding {
	if v.diff == nil {
		return nil
	}
	var out []Finding
	prevR, newR := []rune(prev.Text), []rune(v.Text)
	label := "v" + itoa(prev.Number) + " → v" + itoa(v.Number)
	for _, ch := range v.diff.Claims {
		var why []string
		if ch.Has(claimtrail.ChangeAttributionDropped) && ch.Old != nil {
			f := Finding{Kind: FindDropped, Key: ar.Key, VersionID: prev.VersionID, Version: prev.Number, ArticleID: prev.ArticleID,
				Outlet: ar.Outlet, Paragraph: ch.Old.Paragraph, Sentence: ch.Old.Sentence, Span: ch.Old.Content.Span,
				Text: ch.Old.Content.Span.Slice(prevR), ClaimID: ch.Old.ID,
				Detail: label + ": the content stands in the new version without its attribution to " + SourceName(ch.Old.Source)}
			out = append(out, f)
			continue
		}
		if ch.Old == nil || ch.New == nil {
			continue
		}
		if ch.Has(claimtrail.ChangeAnonymized) {
			why = append(why, "source made unnamed: "+SourceName(ch.Old.Source)+" → "+SourceName(ch.New.Source))
		}
		if ch.Has(claimtrail.ChangeStance) && weaker(ch.Old.Cue.Stance, ch.New.Cue.Stance) {
			why = append(why, "cue weakened: "+ch.Old.Cue.Text+" ("+string(ch.Old.Cue.Stance)+") → "+ch.New.Cue.Text+" ("+string(ch.New.Cue.Stance)+")")
		}
		if ch.Has(claimtrail.ChangeRole) && ch.Old.Source.Role != "" && ch.New.Source.Role == "" {
			why = append(why, "role dropped: "+ch.Old.Source.Role)
		}
		if len(why) == 0 {
			continue
		}
		out = append(out, Finding{Kind: FindWeakened, Key: ar.Key, VersionID: v.VersionID, Version: v.Number, ArticleID: v.ArticleID,
			Outlet: ar.Outlet, Paragraph: ch.New.Paragraph, Sentence: ch.New.Sentence, Span: ch.New.Content.Span,
			Text: ch.New.Content.Span.Slice(newR), ClaimID: ch.New.ID, Detail: label + ": " + strings.Join(why, "; ")})
	}
	return out
}

// weaker reports whether a cue moved from commitment toward doubt.
func weaker(old, new claimtrail.Stance) bool {
	rank := map[claimtrail.Stance]int{claimtrail.Assertive: 0, claimtrail.Neutral: 1, claimtrail.Hedged: 2, claimtrail.Distancing: 3, claimtrail.Denial: 3}
	return rank[new] > rank[old]
}

func spanText(s string, sp claimtrail.Span) string {
	return sp.Slice([]rune(s))
}

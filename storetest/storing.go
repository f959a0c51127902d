package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

// contents lists the claims' content texts, in order.
func contents(cs []claimtrail.StoredClaim) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Claim.Content.Text)
	}
	return out
}

func claims(t *testing.T, s claimtrail.Store, f claimtrail.ClaimFilter) []claimtrail.StoredClaim {
	t.Helper()
	cs, err := s.Claims(context.Background(), f)
	if err != nil {
		t.Fatalf("claims %+v: %v", f, err)
	}
	return cs
}

// normalise makes a claim comparable after a round trip: no via and an
// empty via are the same.
func normalise(c claimtrail.Claim) claimtrail.Claim {
	if len(c.Via) == 0 {
		c.Via = nil
	}
	return c
}

func testRoundTrip(t *testing.T, b Backend) {
	s, _ := open(t, b)
	ctx := context.Background()
	body := "عنوان\n\nقال أحمد سالم، المتحدث باسم الوزارة، لوكالة الأنباء إن \"الاتفاق صامد\". المصدر : الجزيرة\n(رويترز) إعلان"
	d := newDoc("rt-1", "https://example.test/rt?x=1&y=2", "الجزيرة", "قصة", "ar", body,
		time.Date(2025, 5, 6, 7, 8, 9, 0, time.FixedZone("AST", 3*3600)))
	a := d.rec.Article
	a.Byline, a.Path = "مراسل", "corpus/rt.json"
	a.SourceLine = []string{"الجزيرة"}
	sl := span(body, "المصدر : الجزيرة", 0)
	a.SourceLineSpan = &sl
	a.Credits = []claimtrail.Credit{{Text: "(رويترز)", Span: span(body, "(رويترز)", 0)}}
	a.Chrome = []claimtrail.Span{span(body, "إعلان", 0)}
	d.source("s-ahmed", "أحمد سالم", claimtrail.KindPerson, false, "Ahmed Salem")
	d.source("s-agency", "وكالة الأنباء", claimtrail.KindAgency, false)
	d.rec.Sources[0].Roles = []string{"المتحدث باسم الوزارة"}
	d.rec.Sources[0].Affiliation = "الوزارة"
	src := d.mention("أحمد سالم", "أحمد سالم", claimtrail.KindPerson, false, "s-ahmed")
	src.Role = "المتحدث باسم الوزارة"
	rs := span(body, src.Role, 0)
	src.RoleSpan = &rs
	src.Aliases = []string{"Ahmed Salem"}
	src.ResolvedFrom = "قال"
	via := d.mention("لوكالة الأنباء", "وكالة الأنباء", claimtrail.KindAgency, false, "s-agency")
	c := d.claim(claimtrail.Direct, src, "قال", claimtrail.Neutral, "الاتفاق صامد", via)
	c.Cue.Negated = true
	c.Cue.Class = claimtrail.ClassRelay
	c.Cue.Lemma = "قال-lemma"
	c.Paragraph, c.Sentence = 1, 2
	c2 := d.claim(claimtrail.Nominal, d.mention("المتحدث", "أحمد سالم", claimtrail.KindOfficial, true, ""), "إن", claimtrail.Hedged, "صامد")
	c2.NestedIn = c.ID
	c2.Implicit = true

	saved := save(t, s, d.rec)
	if saved[0].Status != claimtrail.Added || saved[0].Version.Number != 1 || saved[0].Version.Key != a.URL+" [ar]" ||
		saved[0].VersionID != claimtrail.VersionID(claimtrail.VersionKey(a), a.Hash) {
		t.Errorf("saved = %+v", saved[0])
	}
	got, err := s.Article(ctx, a.URL)
	if err != nil {
		t.Fatal(err)
	}
	want := *a
	want.Published, want.Captured = want.Published.UTC(), want.Captured.UTC()
	if !reflect.DeepEqual(got.Article, want) {
		t.Errorf("article round trip:\n got %+v\nwant %+v", got.Article, want)
	}
	if got.ClaimCount != 2 || got.Versions != 1 || got.Version.Number != 1 || got.VersionID != saved[0].VersionID {
		t.Errorf("stored article: %d claims, %d versions, %+v", got.ClaimCount, got.Versions, got.Version)
	}
	if len(got.Claims) != 2 {
		t.Fatalf("%d claims back, want 2", len(got.Claims))
	}
	for i := range got.Claims {
		if g, w := normalise(got.Claims[i]), normalise(d.rec.Claims[i]); !reflect.DeepEqual(g, w) {
			t.Errorf("claim %d round trip:\n got %+v\nwant %+v", i, g, w)
		}
	}
	src2, err := s.Source(ctx, "s-ahmed")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*src2, d.rec.Sources[0]) {
		t.Errorf("source round trip:\n got %+v\nwant %+v", *src2, d.rec.Sources[0])
	}
	// The claims query gives the same claims with where they come from.
	cs := claims(t, s, claimtrail.ClaimFilter{})
	if len(cs) != 2 || !reflect.DeepEqual(normalise(cs[0].Claim), normalise(d.rec.Claims[0])) {
		t.Fatalf("claims query: %+v", cs)
	}
	ref := cs[0].Article
	if ref.VersionID != saved[0].VersionID || ref.ID != "rt-1" || ref.Key != a.URL+" [ar]" || ref.Version != 1 || ref.URL != a.URL ||
		ref.Outlet != "الجزيرة" || ref.Story != "قصة" || ref.Title != "عنوان" || !ref.Published.Equal(a.Published) || !ref.Captured.Equal(a.Captured) {
		t.Errorf("article ref: %+v", ref)
	}
}

func testLookup(t *testing.T, b Backend) {
	s, _ := open(t, b)
	ctx := context.Background()
	recs := newsroom()
	saved := save(t, s, recs...)
	for _, ref := range []string{"a1", "https://example.test/port", saved[0].VersionID} {
		got, err := s.Article(ctx, ref)
		if err != nil || got.Article.ID != "a1" {
			t.Errorf("Article(%q) = %v, %v", ref, got, err)
		}
	}
	// a3 has no URL: its id is its key.
	if got, err := s.Article(ctx, "a3"); err != nil || got.Version.Key != "a3" {
		t.Errorf("Article(a3) = %+v, %v", got, err)
	}
	for _, ref := range []string{"nope", "", "https://example.test/"} {
		if _, err := s.Article(ctx, ref); !errors.Is(err, claimtrail.ErrNotFound) {
			t.Errorf("Article(%q): %v, want ErrNotFound", ref, err)
		}
		if _, err := s.Versions(ctx, ref); !errors.Is(err, claimtrail.ErrNotFound) {
			t.Errorf("Versions(%q): %v, want ErrNotFound", ref, err)
		}
	}
	// One id under two URLs names two articles.
	x := newDoc("dup", "https://example.test/x", "", "", "en", "X\n\nOne text.", day("2025-01-01"))
	y := newDoc("dup", "https://example.test/y", "", "", "en", "Y\n\nAnother text.", day("2025-01-01"))
	save(t, s, x.rec, y.rec)
	if _, err := s.Article(ctx, "dup"); !errors.Is(err, claimtrail.ErrAmbiguous) {
		t.Errorf("Article(dup): %v, want ErrAmbiguous", err)
	}
	if _, err := s.Versions(ctx, "dup"); !errors.Is(err, claimtrail.ErrAmbiguous) {
		t.Errorf("Versions(dup): %v, want ErrAmbiguous", err)
	}
	if got, err := s.Article(ctx, "https://example.test/y"); err != nil || got.Article.Title != "Y" {
		t.Errorf("by URL: %+v, %v", got, err)
	}
}

func testIdempotent(t *testing.T, b Backend) {
	s, _ := open(t, b)
	ctx := context.Background()
	first := save(t, s, newsroom()...)
	for _, sv := range first {
		if sv.Status != claimtrail.Added {
			t.Errorf("first save: %+v", sv)
		}
	}
	before := claims(t, s, claimtrail.ClaimFilter{AllVersions: true})
	second := save(t, s, newsroom()...)
	for i, sv := range second {
		if sv.Status != claimtrail.Unchanged || sv.VersionID != first[i].VersionID || sv.Version.Number != 1 {
			t.Errorf("second save %d: %+v, want unchanged %+v", i, sv, first[i])
		}
	}
	after := claims(t, s, claimtrail.ClaimFilter{AllVersions: true})
	if !reflect.DeepEqual(contents(before), contents(after)) {
		t.Errorf("re-ingest changed the claims:\n%v\n%v", contents(before), contents(after))
	}
	arts, err := s.Articles(ctx, claimtrail.ArticleFilter{})
	if err != nil || len(arts) != 3 {
		t.Errorf("articles after re-ingest: %d, %v", len(arts), err)
	}
	srcs, err := s.Sources(ctx, claimtrail.SourceFilter{})
	if err != nil || len(srcs) != 6 {
		t.Errorf("sources after re-ingest: %d, %v", len(srcs), err)
	}
	// The same text twice in one batch: stored once.
	r := newDoc("twice", "", "", "", "en", "Twice\n\nThe same text.", day("2025-01-01")).rec
	got := save(t, s, r, r)
	if got[0].Status != claimtrail.Added || got[1].Status != claimtrail.Unchanged {
		t.Errorf("one text twice in a batch: %+v", got)
	}
}

func testVersions(t *testing.T, b Backend) {
	s, _ := open(t, b)
	ctx := context.Background()
	const url = "https://example.test/story"
	mk := func(n int, body string, captured time.Time) claimtrail.Record {
		d := newDoc("story-1", url, "Daily Tide", "port", "en", body, day("2025-06-01"))
		d.rec.Article.Captured = captured
		d.claim(claimtrail.Indirect, d.mention("The mayor", "", claimtrail.KindPerson, false, ""), "said", claimtrail.Neutral,
			fmt.Sprintf("version %d holds", n))
		return d.rec
	}
	t1, t2, t3 := day("2025-06-01"), day("2025-06-02"), day("2025-06-03")
	v1 := mk(1, "Story\n\nThe mayor said version 1 holds.", t1)
	v2 := mk(2, "Story\n\nThe mayor said version 2 holds.", t2)
	v3 := mk(3, "Story\n\nThe mayor said version 3 holds. A zeppelin passed.", t3)
	// Saved out of capture order: numbers follow capture time.
	got := save(t, s, v2)
	got = append(got, save(t, s, v1, v3)...)
	wantStatus := []claimtrail.SaveStatus{claimtrail.Added, claimtrail.NewVersion, claimtrail.NewVersion}
	for i, sv := range got {
		if sv.Status != wantStatus[i] {
			t.Errorf("save %d: %s, want %s", i, sv.Status, wantStatus[i])
		}
	}
	if got[1].Version.Number != 1 || got[2].Version.Number != 3 {
		t.Errorf("numbers when saved: %+v", got)
	}
	for _, ref := range []string{url, "story-1", got[0].VersionID} {
		vs, err := s.Versions(ctx, ref)
		if err != nil {
			t.Fatalf("Versions(%q): %v", ref, err)
		}
		if len(vs) != 3 {
			t.Fatalf("Versions(%q): %d, want 3", ref, len(vs))
		}
		for i, v := range vs {
			want := []claimtrail.Record{v1, v2, v3}[i].Article
			if v.Number != i+1 || v.Hash != want.Hash || !v.Captured.Equal(want.Captured) || v.Key != url+" [en]" || v.ArticleID != "story-1" {
				t.Errorf("Versions(%q)[%d] = %+v", ref, i, v)
			}
		}
	}
	latest, err := s.Article(ctx, url)
	if err != nil || latest.Article.Hash != v3.Article.Hash || latest.Version.Number != 3 || latest.Versions != 3 {
		t.Errorf("latest: %+v, %v", latest, err)
	}
	old, err := s.Article(ctx, got[1].VersionID)
	if err != nil || old.Article.Hash != v1.Article.Hash || old.Version.Number != 1 || len(old.Claims) != 1 {
		t.Errorf("version 1 by id: %+v, %v", old, err)
	}
	if c := contents(claims(t, s, claimtrail.ClaimFilter{})); !slices.Equal(c, []string{"version 3 holds"}) {
		t.Errorf("claims of the latest version: %v", c)
	}
	if c := contents(claims(t, s, claimtrail.ClaimFilter{AllVersions: true})); !slices.Equal(c, []string{"version 1 holds", "version 2 holds", "version 3 holds"}) {
		t.Errorf("claims of every version: %v", c)
	}
	if c := contents(claims(t, s, claimtrail.ClaimFilter{Article: got[0].VersionID})); !slices.Equal(c, []string{"version 2 holds"}) {
		t.Errorf("claims of version 2 by id: %v", c)
	}
	if sv := save(t, s, v1)[0]; sv.Status != claimtrail.Unchanged || sv.Version.Number != 1 {
		t.Errorf("version 1 again: %+v", sv)
	}
	arts, err := s.Articles(ctx, claimtrail.ArticleFilter{})
	if err != nil || len(arts) != 1 || arts[0].Versions != 3 || arts[0].Version.Number != 3 {
		t.Errorf("articles: %+v, %v", arts, err)
	}
	// An id without a URL ties versions too; the same text under another
	// key is another article.
	m1 := newDoc("memo", "", "", "", "en", "Memo\n\nFirst draft.", day("2025-01-01")).rec
	m2 := newDoc("memo", "", "", "", "en", "Memo\n\nSecond draft.", day("2025-01-02")).rec
	m3 := newDoc("other", "", "", "", "en", "Memo\n\nFirst draft.", day("2025-01-01")).rec
	if sv := save(t, s, m1, m2, m3); sv[0].Status != claimtrail.Added || sv[1].Status != claimtrail.NewVersion || sv[2].Status != claimtrail.Added {
		t.Errorf("memo: %+v", sv)
	}
	if vs, err := s.Versions(ctx, "memo"); err != nil || len(vs) != 2 {
		t.Errorf("memo versions: %+v, %v", vs, err)
	}
	// A site's other edition at the same URL is another article (a
	// translation), not a version: its key carries its language.
	tr := newDoc("story-ar", url, "Daily Tide", "port", "ar", "قصة\n\nقال رئيس البلدية إن النسخة صامدة.", day("2025-06-04")).rec
	if sv := save(t, s, tr)[0]; sv.Status != claimtrail.Added || sv.Version.Number != 1 || sv.Version.Key != url+" [ar]" {
		t.Errorf("the Arabic edition at the same URL: %+v", sv)
	}
	if vs, err := s.Versions(ctx, url+" [en]"); err != nil || len(vs) != 3 {
		t.Errorf("the English article after its translation: %+v, %v", vs, err)
	}
	if _, err := s.Versions(ctx, url); !errors.Is(err, claimtrail.ErrAmbiguous) {
		t.Errorf("the bare URL of two editions: %v, want ErrAmbiguous", err)
	}
}

func testClaimFilters(t *testing.T, b Backend) {
	s, _ := open(t, b)
	saved := save(t, s, newsroom()...)
	const (
		c1 = "the port would reopen on Monday"
		c2 = "repairs were incomplete"
		c3 = "الميناء سيفتح يوم الاثنين"
		c4 = "تكون الإصلاحات قد اكتملت"
		c5 = "turnout was 61 percent"
		c6 = "the count would be delayed"
	)
	yes, no := true, false
	tests := []struct {
		name string
		f    claimtrail.ClaimFilter
		want []string
	}{
		{"all, newest article first", claimtrail.ClaimFilter{}, []string{c5, c6, c3, c4, c1, c2}},
		{"source id", claimtrail.ClaimFilter{Source: "s-minister"}, []string{c3, c1}},
		{"source name", claimtrail.ClaimFilter{Source: "nadia haddad"}, []string{c3, c1}},
		{"source alias, other script", claimtrail.ClaimFilter{Source: "وزيرُ النقل"}, []string{c3, c1}},
		{"mention text", claimtrail.ClaimFilter{Source: "THE MINISTER"}, []string{c1}},
		{"source via is not the source", claimtrail.ClaimFilter{Source: "s-paper"}, []string{}},
		{"unknown source", claimtrail.ClaimFilter{Source: "nobody"}, []string{}},
		{"outlet", claimtrail.ClaimFilter{Outlet: "daily tide"}, []string{c5, c6, c1, c2}},
		{"outlet in Arabic", claimtrail.ClaimFilter{Outlet: "صحيفة الساحل"}, []string{c3, c4}},
		{"story", claimtrail.ClaimFilter{Story: "port"}, []string{c3, c4, c1, c2}},
		{"kind", claimtrail.ClaimFilter{Kind: claimtrail.KindOfficial}, []string{c6, c2}},
		{"kind anonymous", claimtrail.ClaimFilter{Kind: claimtrail.KindAnonymous}, []string{c4}},
		{"type", claimtrail.ClaimFilter{Type: claimtrail.AccordingTo}, []string{c5}},
		{"anonymous", claimtrail.ClaimFilter{Anonymous: &yes}, []string{c6, c4, c2}},
		{"named", claimtrail.ClaimFilter{Anonymous: &no}, []string{c5, c3, c1}},
		{"stance", claimtrail.ClaimFilter{Stance: claimtrail.Denial}, []string{c4}},
		{"since", claimtrail.ClaimFilter{Since: day("2025-03-02")}, []string{c5, c6, c3, c4}},
		{"until", claimtrail.ClaimFilter{Until: day("2025-03-02")}, []string{c1, c2}},
		{"since and until", claimtrail.ClaimFilter{Since: day("2025-03-02"), Until: day("2025-04-01")}, []string{c3, c4}},
		{"article id", claimtrail.ClaimFilter{Article: "a1"}, []string{c1, c2}},
		{"article URL", claimtrail.ClaimFilter{Article: "https://example.test/ar-port"}, []string{c3, c4}},
		{"version id", claimtrail.ClaimFilter{Article: saved[2].VersionID}, []string{c5, c6}},
		{"unknown article", claimtrail.ClaimFilter{Article: "zzz"}, []string{}},
		{"outlet and anonymous", claimtrail.ClaimFilter{Outlet: "Daily Tide", Anonymous: &yes}, []string{c6, c2}},
		{"limit", claimtrail.ClaimFilter{Limit: 2}, []string{c5, c6}},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
			if got := contents(claims(t, s, tt.f)); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	if _, err := s.Claims(context.Background(), claimtrail.ClaimFilter{Since: day("2025-03-02"), Until: day("2025-03-01")}); !errors.Is(err, claimtrail.ErrInvalidInput) {
		t.Errorf("until before since: %v, want ErrInvalidInput", err)
	}
	// Via mentions come back in order with their sources.
	cs := claims(t, s, claimtrail.ClaimFilter{Article: "a3"})
	if len(cs) != 2 || len(cs[1].Claim.Via) != 1 || cs[1].Claim.Via[0].SourceID != "s-paper" || cs[1].Claim.Source.SourceID != "s-aide" {
		t.Errorf("via: %+v", cs)
	}
}

func testArticleFilters(t *testing.T, b Backend) {
	s, _ := open(t, b)
	save(t, s, newsroom()...)
	ids := func(f claimtrail.ArticleFilter) []string {
		t.Helper()
		as, err := s.Articles(context.Background(), f)
		if err != nil {
			t.Fatalf("articles %+v: %v", f, err)
		}
		out := []string{}
		for _, a := range as {
			if a.Article.Text != "" || a.Claims != nil {
				t.Errorf("Articles returns text or claims for %s", a.Article.ID)
			}
			out = append(out, a.Article.ID)
		}
		return out
	}
	tests := []struct {
		f    claimtrail.ArticleFilter
		want []string
	}{
		{claimtrail.ArticleFilter{}, []string{"a3", "a2", "a1"}},
		{claimtrail.ArticleFilter{Outlet: "DAILY TIDE"}, []string{"a3", "a1"}},
		{claimtrail.ArticleFilter{Story: "port"}, []string{"a2", "a1"}},
		{claimtrail.ArticleFilter{Since: day("2025-03-02")}, []string{"a3", "a2"}},
		{claimtrail.ArticleFilter{Until: day("2025-03-02")}, []string{"a1"}},
		{claimtrail.ArticleFilter{Limit: 1}, []string{"a3"}},
		{claimtrail.ArticleFilter{Outlet: "nobody"}, []string{}},
	}
	for _, tt := range tests {
		if got := ids(tt.f); !slices.Equal(got, tt.want) {
			t.Errorf("Articles(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
	as, _ := s.Articles(context.Background(), claimtrail.ArticleFilter{})
	if len(as) == 3 && (as[2].ClaimCount != 2 || as[2].Versions != 1 || as[2].Article.Outlet != "Daily Tide") {
		t.Errorf("article summary: %+v", as[2])
	}
}

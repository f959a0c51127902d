package storetest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

func search(t *testing.T, s claimtrail.Store, q string, kinds ...claimtrail.HitKind) []claimtrail.Hit {
	t.Helper()
	hs, err := s.Search(context.Background(), q, claimtrail.SearchOptions{Kinds: kinds})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return hs
}

// texts lists the hits as kind:text, sorted, so a test does not depend on
// how a backend ranks.
func texts(hs []claimtrail.Hit) []string {
	out := []string{}
	for _, h := range hs {
		out = append(out, string(h.Kind)+":"+h.Text)
	}
	slices.Sort(out)
	return out
}

func searchCorpus() []claimtrail.Record {
	d := newDoc("s1", "https://example.test/border", "Daily Tide", "border", "ar",
		"اتفاق المعبر\n\nوقال المتحدث إن الوزير اكد التزامه بالاتفاق. وذكرت وكالة الأنباء أن الجيش أكّد سيطرته على المعبر.",
		day("2025-02-01"))
	d.source("s-spokes", "المتحدث", claimtrail.KindOfficial, false)
	d.source("s-agency", "وكالة الأنباء", claimtrail.KindAgency, false, "News Agency")
	d.claim(claimtrail.Indirect, d.mention("المتحدث", "", claimtrail.KindOfficial, false, "s-spokes"), "وقال", claimtrail.Neutral,
		"الوزير اكد التزامه بالاتفاق")
	d.claim(claimtrail.Indirect, d.mention("وكالة الأنباء", "", claimtrail.KindAgency, false, "s-agency"), "وذكرت", claimtrail.Neutral,
		"الجيش أكّد سيطرته على المعبر")
	recs := append(newsroom(), d.rec)
	// An old version's words are not found once a newer one replaced it.
	old := newDoc("s2", "https://example.test/zep", "", "", "en", "Sky\n\nA zeppelin passed over the port.", day("2025-01-01"))
	cur := newDoc("s2", "https://example.test/zep", "", "", "en", "Sky\n\nA balloon passed over the port.", day("2025-01-02"))
	return append(recs, old.rec, cur.rec)
}

func testSearch(t *testing.T, b Backend) {
	s, _ := open(t, b)
	save(t, s, searchCorpus()...)
	const (
		wazir = "claim:الوزير اكد التزامه بالاتفاق"
		army  = "claim:الجيش أكّد سيطرته على المعبر"
		art   = "article:اتفاق المعبر"
	)
	tests := []struct {
		q     string
		kinds []claimtrail.HitKind
		want  []string
	}{
		// Hamza, shadda and their absence do not matter, either way round.
		{"أكد", nil, []string{army, wazir, art, "article:إعادة فتح الميناء"}},
		{"اكد", nil, []string{army, wazir, art, "article:إعادة فتح الميناء"}},
		{"أكّد", []claimtrail.HitKind{claimtrail.HitClaim}, []string{army, wazir}},
		// A proclitic in the text: قال finds وقال.
		{"قال", nil, []string{art}},
		// And in the query: والمعبر finds المعبر.
		{"والمعبر", []claimtrail.HitKind{claimtrail.HitClaim}, []string{army}},
		{"REOPEN", []claimtrail.HitKind{claimtrail.HitClaim}, []string{"claim:the port would reopen on Monday"}},
		{"reop*", []claimtrail.HitKind{claimtrail.HitClaim}, []string{"claim:the port would reopen on Monday"}},
		{`"port would reopen"`, nil, []string{"article:Port to reopen", "claim:the port would reopen on Monday"}},
		{`"would port"`, nil, []string{}},
		{"port monday", []claimtrail.HitKind{claimtrail.HitClaim}, []string{"claim:the port would reopen on Monday"}},
		{"news agency", nil, []string{"source:وكالة الأنباء"}},
		{"haddad", nil, []string{"source:Nadia Haddad"}},
		{"نقل", nil, []string{"article:إعادة فتح الميناء", "source:Nadia Haddad"}}, // النقل without ال
		{"نق", nil, []string{}}, // words match whole
		{"zeppelin", nil, []string{}},
		{"balloon", nil, []string{"article:Sky"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			slices.Sort(tt.want)
			if got := texts(search(t, s, tt.q, tt.kinds...)); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	hs := search(t, s, "اكد", claimtrail.HitClaim)
	for _, h := range hs {
		if h.Claim == nil || h.Article == nil || h.Article.Key != "https://example.test/border [ar]" || h.Claim.Source.Mention == "" ||
			!strings.Contains(h.Snippet, "[") {
			t.Errorf("claim hit lacks its claim, article or snippet: %+v", h)
		}
	}
	// Snippets quote the text as written, not as folded for the index.
	hs = search(t, s, "قال", claimtrail.HitArticle)
	if len(hs) != 1 || !strings.Contains(hs[0].Snippet, "[وقال] المتحدث إن الوزير اكد") {
		t.Errorf("article snippet: %+v", hs)
	}
	hs = search(t, s, "اكد", claimtrail.HitClaim)
	if len(hs) != 2 || !strings.Contains(hs[0].Snippet+hs[1].Snippet, "الجيش [أكّد] سيطرته") {
		t.Errorf("claim snippets: %+v", hs)
	}
	hs = search(t, s, "haddad")
	if len(hs) != 1 || hs[0].Source == nil || hs[0].Source.ID != "s-minister" {
		t.Errorf("source hit: %+v", hs)
	}
	if hs, err := s.Search(context.Background(), "port", claimtrail.SearchOptions{Limit: 2}); err != nil || len(hs) != 2 {
		t.Errorf("limit: %d hits, %v", len(hs), err)
	}
}

func testSearchSyntax(t *testing.T, b Backend) {
	s, _ := open(t, b)
	save(t, s, newsroom()...)
	for _, q := range []string{"", "   ", "***", `""`, "-", "،؟", "ـــ"} {
		if _, err := s.Search(context.Background(), q, claimtrail.SearchOptions{}); !errors.Is(err, claimtrail.ErrInvalidInput) {
			t.Errorf("Search(%q): %v, want ErrInvalidInput", q, err)
		}
	}
	// Whatever is typed is words, never query syntax.
	for _, q := range []string{"OR", "NOT port", "port AND", "NEAR(port monday)", "body:port", "stems:x", "(", ")", `"unclosed`,
		"a-b", "c++", "'", "^port", "port*", "*port", "{a b}", "port OR", `\`, "%", "_", "؛", "\x00", "a\"b\"c", "ﷺ", "ﻻ"} {
		if _, err := s.Search(context.Background(), q, claimtrail.SearchOptions{}); err != nil && !errors.Is(err, claimtrail.ErrInvalidInput) {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	if got := texts(search(t, s, "NOT port", claimtrail.HitClaim)); len(got) != 0 {
		t.Errorf(`"NOT port" is not the word "not" and the word "port": %v`, got)
	}
}

func testSources(t *testing.T, b Backend) {
	s, _ := open(t, b)
	ctx := context.Background()
	save(t, s, newsroom()...)
	all, err := s.Sources(ctx, claimtrail.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sc := range all {
		got = append(got, fmt.Sprintf("%s %d/%d/%d", sc.Source.ID, sc.Claims, sc.Via, sc.Articles))
	}
	want := []string{"s-minister 2/0/2", "s-aide 1/0/1", "s-commission 1/0/1", "s-officials 1/0/1", "s-sources 1/0/1", "s-paper 0/1/1"}
	if !slices.Equal(got, want) {
		t.Errorf("sources:\n got %v\nwant %v", got, want)
	}
	if all[0].Source.Name != "Nadia Haddad" || !slices.Equal(all[0].Source.Aliases, []string{"وزير النقل"}) {
		t.Errorf("first source: %+v", all[0].Source)
	}
	for _, tt := range []struct {
		f    claimtrail.SourceFilter
		want []string
	}{
		{claimtrail.SourceFilter{Kind: claimtrail.KindOfficial}, []string{"s-aide", "s-officials"}},
		{claimtrail.SourceFilter{Name: "وزير النقل"}, []string{"s-minister"}},
		{claimtrail.SourceFilter{Name: "nadia*"}, []string{"s-minister"}},
		{claimtrail.SourceFilter{Name: "the*"}, []string{"s-commission", "s-paper"}},
		{claimtrail.SourceFilter{Limit: 1}, []string{"s-minister"}},
		{claimtrail.SourceFilter{Name: "%"}, []string{}},
	} {
		scs, err := s.Sources(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		ids := []string{}
		for _, sc := range scs {
			ids = append(ids, sc.Source.ID)
		}
		if !slices.Equal(ids, tt.want) {
			t.Errorf("Sources(%+v) = %v, want %v", tt.f, ids, tt.want)
		}
	}
	for _, ref := range []string{"s-minister", "NADIA HADDAD", "وزيرِ النقل"} {
		if src, err := s.Source(ctx, ref); err != nil || src.ID != "s-minister" {
			t.Errorf("Source(%q) = %+v, %v", ref, src, err)
		}
	}
	if _, err := s.Source(ctx, "nobody"); !errors.Is(err, claimtrail.ErrNotFound) {
		t.Errorf("Source(nobody): %v, want ErrNotFound", err)
	}
	d := newDoc("homonym", "", "", "", "en", "Other\n\nAnother Nadia Haddad spoke.", day("2025-01-01"))
	d.source("s-other-nadia", "Nadia Haddad", claimtrail.KindPerson, false)
	save(t, s, d.rec)
	if _, err := s.Source(ctx, "Nadia Haddad"); !errors.Is(err, claimtrail.ErrAmbiguous) {
		t.Errorf("Source(a name of two sources): %v, want ErrAmbiguous", err)
	}
	// Saving a source again adds what is new about it and keeps the rest.
	d2 := newDoc("again", "", "", "", "en", "Again\n\nNadia Haddad spoke again.", day("2025-01-01"))
	d2.source("s-minister", "Minister Haddad", claimtrail.KindPerson, false, "N. Haddad")
	d2.rec.Sources[0].Roles = []string{"transport minister"}
	save(t, s, d2.rec)
	src, err := s.Source(ctx, "s-minister")
	if err != nil || src.Name != "Nadia Haddad" || !slices.Equal(src.Roles, []string{"transport minister"}) ||
		!slices.Contains(src.Aliases, "Minister Haddad") || !slices.Contains(src.Aliases, "N. Haddad") || !slices.Contains(src.Aliases, "وزير النقل") {
		t.Errorf("source after a second save: %+v, %v", src, err)
	}
}

func testMerge(t *testing.T, b Backend) {
	s, _ := open(t, b)
	ctx := context.Background()
	save(t, s, newsroom()...)
	src, err := s.MergeSources(ctx, "s-officials", "s-sources", "s-aide")
	if err != nil {
		t.Fatal(err)
	}
	if src.ID != "s-officials" || !slices.Contains(src.Aliases, "مصادر مطلعة") || !slices.Contains(src.Aliases, "a senior aide") {
		t.Errorf("merged: %+v", src)
	}
	want := []string{"the count would be delayed", "تكون الإصلاحات قد اكتملت", "repairs were incomplete"}
	for _, ref := range []string{"s-officials", "s-sources", "مصادر مطلعة"} {
		if got := contents(claims(t, s, claimtrail.ClaimFilter{Source: ref})); !slices.Equal(got, want) {
			t.Errorf("claims of %s after merge: %q", ref, got)
		}
	}
	for _, ref := range []string{"s-sources", "s-aide"} {
		if got, err := s.Source(ctx, ref); err != nil || got.ID != "s-officials" {
			t.Errorf("Source(%s) after merge = %+v, %v", ref, got, err)
		}
	}
	for _, c := range claims(t, s, claimtrail.ClaimFilter{Source: "s-officials"}) {
		if c.Claim.Source.SourceID != "s-officials" {
			t.Errorf("claim %q still links %s", c.Claim.Content.Text, c.Claim.Source.SourceID)
		}
	}
	scs, _ := s.Sources(ctx, claimtrail.SourceFilter{})
	if len(scs) != 4 {
		t.Errorf("%d sources after merging 3 into 1, want 4", len(scs))
	}
	if hs := search(t, s, "مطلعة", claimtrail.HitSource); len(hs) != 1 || hs[0].Source.ID != "s-officials" {
		t.Errorf("search after merge: %+v", hs)
	}
	// A record saved later with a merged id lands on the merged source.
	d := newDoc("later", "", "", "", "ar", "لاحقا\n\nوقالت مصادر مطلعة إن الاتفاق تأجل.", day("2025-05-01"))
	d.source("s-sources", "مصادر مطلعة", claimtrail.KindAnonymous, true)
	d.claim(claimtrail.Indirect, d.mention("مصادر مطلعة", "", claimtrail.KindAnonymous, true, "s-sources"), "وقالت", claimtrail.Neutral, "الاتفاق تأجل")
	save(t, s, d.rec)
	if got := claims(t, s, claimtrail.ClaimFilter{Article: "later"}); len(got) != 1 || got[0].Claim.Source.SourceID != "s-officials" {
		t.Errorf("later claim: %+v", got)
	}
	// Merging again is harmless; bad merges are refused.
	if _, err := s.MergeSources(ctx, "s-officials", "s-sources"); err != nil {
		t.Errorf("merging a merged source again: %v", err)
	}
	for _, tt := range []struct {
		into string
		from []string
		want error
	}{
		{"s-officials", nil, claimtrail.ErrInvalidInput},
		{"s-officials", []string{"s-officials"}, claimtrail.ErrInvalidInput},
		{"nobody", []string{"s-paper"}, claimtrail.ErrNotFound},
		{"s-paper", []string{"nobody"}, claimtrail.ErrNotFound},
	} {
		if _, err := s.MergeSources(ctx, tt.into, tt.from...); !errors.Is(err, tt.want) {
			t.Errorf("MergeSources(%s, %v): %v, want %v", tt.into, tt.from, err, tt.want)
		}
	}
	// A refused merge changed nothing.
	if got, err := s.Source(ctx, "s-paper"); err != nil || got.ID != "s-paper" {
		t.Errorf("s-paper after a refused merge: %+v, %v", got, err)
	}
}

func testSplit(t *testing.T, b Backend) {
	s, _ := open(t, b)
	ctx := context.Background()
	save(t, s, newsroom()...)
	nw, err := s.SplitSource(ctx, "s-minister", "وزير النقل")
	if err != nil {
		t.Fatal(err)
	}
	if nw.ID == "s-minister" || nw.Name != "وزير النقل" || nw.Kind != claimtrail.KindPerson {
		t.Errorf("new source: %+v", nw)
	}
	if got := contents(claims(t, s, claimtrail.ClaimFilter{Source: nw.ID})); !slices.Equal(got, []string{"الميناء سيفتح يوم الاثنين"}) {
		t.Errorf("claims of the new source: %q", got)
	}
	if got := contents(claims(t, s, claimtrail.ClaimFilter{Source: "s-minister"})); !slices.Equal(got, []string{"the port would reopen on Monday"}) {
		t.Errorf("claims left to the old source: %q", got)
	}
	old, err := s.Source(ctx, "s-minister")
	if err != nil || slices.Contains(old.Aliases, "وزير النقل") {
		t.Errorf("old source keeps the split alias: %+v, %v", old, err)
	}
	if got, err := s.Source(ctx, "وزير النقل"); err != nil || got.ID != nw.ID {
		t.Errorf("the split name now names the new source: %+v, %v", got, err)
	}
	for _, tt := range []struct {
		id    string
		names []string
		want  error
	}{
		{"s-minister", nil, claimtrail.ErrInvalidInput},
		{"s-minister", []string{"  "}, claimtrail.ErrInvalidInput},
		{"s-minister", []string{"nobody"}, claimtrail.ErrInvalidInput},
		{"s-minister", []string{"the minister"}, claimtrail.ErrInvalidInput}, // its only mention
		{"nobody", []string{"x"}, claimtrail.ErrNotFound},
	} {
		if _, err := s.SplitSource(ctx, tt.id, tt.names...); !errors.Is(err, tt.want) {
			t.Errorf("SplitSource(%s, %q): %v, want %v", tt.id, tt.names, err, tt.want)
		}
	}
}

func testInvalid(t *testing.T, b Backend) {
	s, _ := open(t, b)
	ctx := context.Background()
	good := newsroom()[0]
	bad := newsroom()[1]
	bad.Claims[0].Content.Span.End = 10000
	for name, recs := range map[string][]claimtrail.Record{
		"no article":         {{}},
		"empty text":         {{Article: &claimtrail.Article{ID: "x", Text: " \n"}}},
		"span outside":       {good, bad},
		"source without id":  {{Article: good.Article, Sources: []claimtrail.Source{{Name: "x"}}}},
		"invalid UTF-8 text": {{Article: &claimtrail.Article{ID: "x", Text: "a\xffb"}}},
	} {
		if _, err := s.Save(ctx, recs); !errors.Is(err, claimtrail.ErrInvalidInput) {
			t.Errorf("%s: %v, want ErrInvalidInput", name, err)
		}
	}
	if as, err := s.Articles(ctx, claimtrail.ArticleFilter{}); err != nil || len(as) != 0 {
		t.Errorf("a refused batch stored %d articles (%v)", len(as), err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Save(cctx, newsroom()); err == nil {
		t.Errorf("save with a cancelled context succeeded")
	}
	if as, err := s.Articles(ctx, claimtrail.ArticleFilter{}); err != nil || len(as) != 0 {
		t.Errorf("a cancelled save stored %d articles (%v)", len(as), err)
	}
	// A record without hash or id gets them from its text.
	r := claimtrail.Record{Article: &claimtrail.Article{Text: "Bare\n\nNo id."}}
	sv := save(t, s, r)[0]
	if sv.Version.Hash != claimtrail.ContentHash("Bare\n\nNo id.") || sv.Version.Key != claimtrail.ArticleID("Bare\n\nNo id.") {
		t.Errorf("bare record: %+v", sv)
	}
}

// generated is article i of a synthetic corpus with i%7+1 claims; its
// title says how many, so a reader can check that none is missing.
func generated(prefix string, i int) claimtrail.Record {
	n := i%7 + 1
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d claims=%d\n\n", prefix, i, n)
	for j := range n {
		fmt.Fprintf(&b, "Official %d said that item %d of %s %d is ready. ", j, j, prefix, i)
	}
	d := newDoc(fmt.Sprintf("%s-%d", prefix, i), "", "Wire", "gen", "en", b.String(), day("2025-01-01").Add(time.Duration(i)*time.Minute))
	for j := range n {
		id := fmt.Sprintf("s-official-%d", j)
		d.source(id, fmt.Sprintf("Official %d", j), claimtrail.KindPerson, false)
		m := d.mention(fmt.Sprintf("Official %d", j), "", claimtrail.KindPerson, false, id)
		content := fmt.Sprintf("item %d of %s %d is ready", j, prefix, i)
		cs := span(d.rec.Article.Text, content, 0)
		c := d.claim(claimtrail.Indirect, m, "said", claimtrail.Neutral, content)
		c.Content.Span = cs
		c.Cue.Span = span(d.rec.Article.Text, "said", m.Span.End)
	}
	return d.rec
}

func testConcurrent(t *testing.T, b Backend) {
	dsn := b.Create(t)
	ctx := context.Background()
	// Opened at once on a new database: both set it up, neither fails.
	handles := make([]claimtrail.Store, 3)
	var opening sync.WaitGroup
	for i := range handles {
		opening.Add(1)
		go func() {
			defer opening.Done()
			s, err := b.Open(ctx, dsn)
			if err != nil {
				t.Errorf("open %d: %v", i, err)
				return
			}
			handles[i] = s
		}()
	}
	opening.Wait()
	for _, h := range handles {
		if h == nil {
			t.FailNow()
		}
		t.Cleanup(func() { h.Close() })
	}
	w1, w2, r := handles[0], handles[1], handles[2]
	const each, shared, batch = 40, 10, 4
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	added := make([]int, 2)
	for w, s := range []claimtrail.Store{w1, w2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var recs []claimtrail.Record
			for i := range each {
				if i < shared {
					recs = append(recs, generated("shared", i))
				} else {
					recs = append(recs, generated(fmt.Sprintf("w%d", w), i))
				}
			}
			for i := 0; i < len(recs); i += batch {
				out, err := s.Save(ctx, recs[i:min(i+batch, len(recs))])
				if err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
				for _, sv := range out {
					if sv.Status == claimtrail.Added {
						added[w]++
					}
				}
			}
		}()
	}
	done := make(chan struct{})
	readerDone := make(chan struct{})
	go func() { // a reader all along
		defer close(readerDone)
		for {
			select {
			case <-done:
				return
			default:
			}
			if _, err := r.Claims(ctx, claimtrail.ClaimFilter{Source: "s-official-0"}); err != nil {
				errs <- fmt.Errorf("reader: %w", err)
				return
			}
		}
	}()
	wg.Wait()
	close(done)
	<-readerDone
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if added[0]+added[1] != 2*each-shared {
		t.Errorf("added %d+%d, want %d in all (each shared article once)", added[0], added[1], 2*each-shared)
	}
	checkWhole(t, r, 2*each-shared)
}

// checkWhole checks that every stored article has all its claims, each
// with its source, and (when want >= 0) that there are want articles.
func checkWhole(t *testing.T, s claimtrail.Store, want int) int {
	t.Helper()
	ctx := context.Background()
	as, err := s.Articles(ctx, claimtrail.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want >= 0 && len(as) != want {
		t.Errorf("%d articles stored, want %d", len(as), want)
	}
	re := regexp.MustCompile(`claims=(\d+)`)
	for _, a := range as {
		m := re.FindStringSubmatch(a.Article.Title)
		if m == nil {
			t.Errorf("article %s: unexpected title %q", a.Article.ID, a.Article.Title)
			continue
		}
		full, err := s.Article(ctx, a.VersionID)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(len(full.Claims)); got != m[1] || full.ClaimCount != len(full.Claims) {
			t.Errorf("article %s has %s claims (count %d), want %s", a.Article.ID, got, full.ClaimCount, m[1])
		}
		for _, c := range full.Claims {
			if c.Source.Mention == "" || c.Source.SourceID == "" {
				t.Errorf("article %s: claim %s lost its source: %+v", a.Article.ID, c.ID, c.Source)
			}
		}
	}
	return len(as)
}

// childEnv names the database the killed-ingest child writes to.
const childEnv = "CLAIMTRAIL_STORETEST_CHILD"

// testKilled re-executes the test binary as a child that ingests forever,
// kills it in the middle of its writes, and checks that every article the
// database holds is whole.
func testKilled(t *testing.T, b Backend) {
	if dsn := os.Getenv(childEnv); dsn != "" {
		ingestForever(b, dsn)
		return
	}
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	dsn := b.Create(t)
	var parts []string
	for _, p := range strings.Split(t.Name(), "/") {
		parts = append(parts, "^"+regexp.QuoteMeta(p)+"$")
	}
	cmd := exec.Command(os.Args[0], "-test.run="+strings.Join(parts, "/"), "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+dsn)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	s := openAt(t, b, dsn)
	deadline := time.Now().Add(60 * time.Second)
	for {
		as, err := s.Articles(context.Background(), claimtrail.ArticleFilter{})
		if err == nil && len(as) >= 30 {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("child exited early: %v\n%s", err, out.String())
		default:
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("child stored too little in time: %v\n%s", err, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-exited
	// A database server may still be committing what the child sent
	// before it died: count once the number of articles holds still.
	for prev, i := -1, 0; i < 50; i++ {
		as, err := s.Articles(context.Background(), claimtrail.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(as) == prev {
			break
		}
		prev = len(as)
		time.Sleep(200 * time.Millisecond)
	}
	n := checkWhole(t, s, -1)
	// The database takes writes after the crash.
	save(t, s, generated("after", 0))
	if got := checkWhole(t, s, -1); got != n+1 {
		t.Errorf("after the crash: %d articles, want %d", got, n+1)
	}
	t.Logf("killed the child after %d whole articles", n)
}

func ingestForever(b Backend, dsn string) {
	s, err := b.Open(context.Background(), dsn)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(3)
	}
	for i := 0; ; i += 3 {
		recs := []claimtrail.Record{generated("kill", i), generated("kill", i+1), generated("kill", i+2)}
		if _, err := s.Save(context.Background(), recs); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(3)
		}
	}
}

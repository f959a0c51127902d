package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sqlite"
)

// benchRecord is one generated article with n claims, each attributed to
// one of a few named sources and relayed by an agency, so that queries
// meet mentions, aliases and sources as a real corpus has them.
func benchRecord(i int) claimtrail.Record {
	n := i%5 + 2
	var b strings.Builder
	fmt.Fprintf(&b, "Report %d on the port\n\n", i)
	for j := range n {
		fmt.Fprintf(&b, "Minister %d said, according to Agency, that shipment %d of report %d would reach the port on Monday. ", (i+j)%9, j, i)
	}
	body := b.String()
	at := func(sub string, from int) claimtrail.Span {
		k := strings.Index(body[from:], sub) + from
		s := utf8.RuneCountInString(body[:k])
		return claimtrail.Span{Start: s, End: s + utf8.RuneCountInString(sub)}
	}
	published := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
	a := &claimtrail.Article{ID: fmt.Sprintf("bench-%d", i), URL: fmt.Sprintf("https://example.test/%d", i),
		Outlet: fmt.Sprintf("Outlet %d", i%4), Story: fmt.Sprintf("Story %d", i%10), Lang: "en",
		Title: fmt.Sprintf("Report %d on the port", i), Text: body, Published: published, Captured: published.Add(time.Hour)}
	rec := claimtrail.Record{Article: a}
	rec.Sources = append(rec.Sources, claimtrail.Source{ID: "s-agency", Name: "Agency", Kind: claimtrail.KindAgency,
		Aliases: []string{"The Agency"}})
	from := 0
	for j := range n {
		name := fmt.Sprintf("Minister %d", (i+j)%9)
		sid := fmt.Sprintf("s-minister-%d", (i+j)%9)
		rec.Sources = append(rec.Sources, claimtrail.Source{ID: sid, Name: name, Kind: claimtrail.KindPerson,
			Roles: []string{"minister"}, Aliases: []string{"Min. " + fmt.Sprint((i+j)%9)}})
		src := at(name, from)
		content := fmt.Sprintf("shipment %d of report %d would reach the port on Monday", j, i)
		cs := at(content, from)
		rec.Claims = append(rec.Claims, claimtrail.Claim{
			ID: claimtrail.ClaimID(a.ID, cs, content), ArticleID: a.ID, Type: claimtrail.Indirect,
			Source: claimtrail.Mention{Mention: name, Name: name, Kind: claimtrail.KindPerson, SourceID: sid, Span: src},
			Via: []claimtrail.Mention{{Mention: "Agency", Name: "Agency", Kind: claimtrail.KindAgency, SourceID: "s-agency",
				Span: at("Agency", from)}},
			Cue:       claimtrail.Cue{Text: "said", Lemma: "say", Class: claimtrail.ClassSpeech, Stance: claimtrail.Neutral, Span: at("said", from)},
			Content:   claimtrail.Text{Text: content, Span: cs},
			Paragraph: 1, Sentence: j + 1,
		})
		from = strings.Index(body, content) + len(content)
	}
	return rec
}

// benchStore is a store holding n generated articles.
func benchStore(b *testing.B, n int) *sqlite.DB {
	b.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	for i := 0; i < n; i += 50 {
		var recs []claimtrail.Record
		for j := i; j < min(i+50, n); j++ {
			recs = append(recs, benchRecord(j))
		}
		if _, err := db.Save(context.Background(), recs); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

func BenchmarkSave(b *testing.B) {
	db := benchStore(b, 0)
	ctx := context.Background()
	next := 0
	for b.Loop() {
		var recs []claimtrail.Record
		for range 20 {
			recs = append(recs, benchRecord(next))
			next++
		}
		if _, err := db.Save(ctx, recs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQueries(b *testing.B) {
	db := benchStore(b, 600)
	ctx := context.Background()
	anon := false
	b.Run("Claims", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Claims(ctx, claimtrail.ClaimFilter{Limit: 200}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ClaimsFiltered", func(b *testing.B) {
		for b.Loop() {
			cs, err := db.Claims(ctx, claimtrail.ClaimFilter{Source: "Minister 3", Outlet: "Outlet 1", Anonymous: &anon,
				Kind: claimtrail.KindPerson, Since: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)})
			if err != nil || len(cs) == 0 {
				b.Fatal(len(cs), err)
			}
		}
	})
	b.Run("Article", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Article(ctx, "https://example.test/42 [en]"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Articles", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Articles(ctx, claimtrail.ArticleFilter{Story: "Story 3"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Sources", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Sources(ctx, claimtrail.SourceFilter{Name: "Min*"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Search", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Search(ctx, "shipment port", claimtrail.SearchOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Redirects", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Redirects(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

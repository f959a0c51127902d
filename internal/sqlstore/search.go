package sqlstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// defaultHits is the number of hits when SearchOptions.Limit is zero.
const defaultHits = 50

// Search finds claims, sources and articles matching query.
func (s *Store) Search(ctx context.Context, query string, opts claimtrail.SearchOptions) ([]claimtrail.Hit, error) {
	terms := text.ParseQuery(query)
	fq := s.d.FullText.Query(query)
	if fq == "" {
		return nil, fmt.Errorf("search: %w: %q has no word to look for", claimtrail.ErrInvalidInput, query)
	}
	n := opts.Limit
	if n <= 0 {
		n = defaultHits
	}
	want := func(k claimtrail.HitKind) bool { return len(opts.Kinds) == 0 || slices.Contains(opts.Kinds, k) }
	var hits []claimtrail.Hit
	err := s.read(ctx, func(q Querier) error {
		hits = hits[:0]
		for _, kind := range []struct {
			kind   claimtrail.HitKind
			search func(context.Context, Querier, string, []text.QueryTerm, int) ([]claimtrail.Hit, error)
		}{
			{claimtrail.HitClaim, s.d.searchClaims},
			{claimtrail.HitSource, s.d.searchSources},
			{claimtrail.HitArticle, s.d.searchArticles},
		} {
			if !want(kind.kind) {
				continue
			}
			h, err := kind.search(ctx, q, fq, terms, n)
			if err != nil {
				return err
			}
			hits = append(hits, h...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return text.FinishHits(hits, terms, n), nil
}

type ranked[T any] struct {
	id   T
	rank float64
}

func scanRanked[T any](row Row) (r ranked[T], err error) {
	err = row.Scan(&r.id, &r.rank)
	return
}

func (d *Dialect) searchClaims(ctx context.Context, q Querier, fq string, _ []text.QueryTerm, n int) ([]claimtrail.Hit, error) {
	hs, err := queryAll(ctx, q, scanRanked[int64], d.FullText.Claims, fq, n)
	if err != nil || len(hs) == 0 {
		return nil, err
	}
	rowids := make([]int64, len(hs))
	for i, h := range hs {
		rowids[i] = h.id
	}
	in, args := inList(d, d.RowID, rowids)
	crs, err := d.selectClaims(ctx, q, `WHERE `+in, args)
	if err != nil {
		return nil, err
	}
	byRow := map[int64]*claimRow{}
	for i := range crs {
		byRow[crs[i].rowid] = &crs[i]
	}
	var out []claimtrail.Hit
	for _, h := range hs {
		cr, ok := byRow[h.id]
		if !ok {
			continue
		}
		c, ref := cr.Claim, cr.Article
		out = append(out, claimtrail.Hit{Kind: claimtrail.HitClaim, Text: c.Content.Text, Claim: &c, Article: &ref, Rank: h.rank})
	}
	return out, nil
}

func (d *Dialect) searchSources(ctx context.Context, q Querier, fq string, _ []text.QueryTerm, n int) ([]claimtrail.Hit, error) {
	hs, err := queryAll(ctx, q, scanRanked[string], d.FullText.Sources, fq, n)
	if err != nil {
		return nil, err
	}
	var out []claimtrail.Hit
	for _, h := range hs {
		s, err := d.loadSource(ctx, q, h.id)
		if err != nil {
			return nil, err
		}
		out = append(out, claimtrail.Hit{Kind: claimtrail.HitSource, Text: s.Name, Source: s, Rank: h.rank})
	}
	return out, nil
}

func (d *Dialect) searchArticles(ctx context.Context, q Querier, fq string, terms []text.QueryTerm, n int) ([]claimtrail.Hit, error) {
	return queryAll(ctx, q, func(row Row) (claimtrail.Hit, error) {
		r := &claimtrail.ArticleRef{}
		h := claimtrail.Hit{Kind: claimtrail.HitArticle}
		var body string
		if err := row.Scan(append(articleRefDest(r), &h.Rank, &body)...); err != nil {
			return h, err
		}
		h.Snippet = text.Snippet(body, terms)
		h.Text, h.Article = r.Title, r
		return h, nil
	}, d.FullText.Articles, fq, n)
}

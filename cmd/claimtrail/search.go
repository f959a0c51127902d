package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
)

type searchOptions struct {
	DB     string
	Format string
	Query  string
	Kinds  []claimtrail.HitKind
	Limit  int
}

func newSearchCmd(g *globals) *cobra.Command {
	var kinds []string
	var limit int
	cmd := &cobra.Command{
		Use:   "search TEXT...",
		Short: "Search claims, sources and article texts in the store",
		Long: `Search the stored claims' content, the sources' names and aliases and the
articles' titles and texts (the latest version of each). Every word must
match; "quoted words" match as a phrase and a word ending in * as a prefix.
Arabic is folded before matching, in the store and in the query: diacritics,
tatweel and hamza on alef do not matter (أكد finds اكد and أكّد), ى and ي,
ة and ه are one, and a leading و ف ب ل or ال is also tried without it (قال
finds وقال). Latin letters match in any case.

Formats: table (default), json and jsonl (one hit per object) and csv.`,
		Example: `  claimtrail search اكد
  claimtrail search '"coalition forces"' --kind claim
  claimtrail search "new york times" --kind source`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("search needs the TEXT to look for")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := searchOptions{DB: g.cfg.DB, Format: g.cfg.Format, Query: strings.Join(args, " "), Limit: limit}
			for _, k := range kinds {
				hk, err := oneOf("kind", k, claimtrail.HitClaim, claimtrail.HitSource, claimtrail.HitArticle)
				if err != nil {
					return err
				}
				opts.Kinds = append(opts.Kinds, hk)
			}
			if limit < 1 {
				return usagef("--limit must be at least 1, got %d", limit)
			}
			return runSearch(cmd.Context(), opts, g.stdout)
		},
	}
	addDBFlag(cmd)
	cmd.Flags().StringSliceVar(&kinds, "kind", nil, "only hits of `KIND`: claim, source, article (repeat or separate with commas)")
	cmd.Flags().IntVar(&limit, "limit", 20, "print at most `N` hits")
	return cmd
}

func runSearch(ctx context.Context, opts searchOptions, w io.Writer) error {
	if err := checkFormat("search", opts.Format, storeFormats...); err != nil {
		return err
	}
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, opts.Query, claimtrail.SearchOptions{Kinds: opts.Kinds, Limit: opts.Limit})
	if err != nil {
		return err
	}
	switch opts.Format {
	case "json", "jsonl":
		for _, h := range hits {
			if err := encodeJSON(w, opts.Format, h); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		var rows [][]string
		for _, h := range hits {
			rows = append(rows, []string{string(h.Kind), hitWhere(h), hitID(h), h.Text, h.Snippet})
		}
		return writeCSV(w, []string{"kind", "where", "id", "text", "snippet"}, rows)
	}
	if len(hits) == 0 {
		_, err := fmt.Fprintf(w, "no match for %s\n", strconv.Quote(opts.Query))
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tWHERE\tMATCH")
	for _, h := range hits {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", h.Kind, shortKey(hitWhere(h), 48), hitText(h))
	}
	return tw.Flush()
}

// hitWhere locates a hit: the article version of a claim or article, the
// id of a source.
func hitWhere(h claimtrail.Hit) string {
	switch {
	case h.Article != nil:
		return h.Article.Key + " v" + strconv.Itoa(h.Article.Version)
	case h.Source != nil:
		return h.Source.ID
	}
	return ""
}

func hitID(h claimtrail.Hit) string {
	switch {
	case h.Claim != nil:
		return h.Claim.ID
	case h.Source != nil:
		return h.Source.ID
	case h.Article != nil:
		return h.Article.VersionID
	}
	return ""
}

// hitText is what a table shows of a hit: a claim as "source: content", a
// source with its aliases, the words around the match in an article.
func hitText(h claimtrail.Hit) string {
	switch h.Kind {
	case claimtrail.HitClaim:
		if h.Claim != nil {
			return sourceLabel(h.Claim.Source) + ": " + oneLine(h.Claim.Content.Text)
		}
	case claimtrail.HitSource:
		if h.Source != nil && len(h.Source.Aliases) > 0 {
			return h.Source.Name + " (" + strings.Join(h.Source.Aliases, "; ") + ")"
		}
	case claimtrail.HitArticle:
		if h.Snippet != "" {
			return oneLine(h.Snippet)
		}
	}
	return oneLine(h.Text)
}

// shortKey makes an article key fit a table column: a URL loses its scheme
// and percent-encoding (Arabic slugs are unreadable escaped) and, when still
// long, its middle.
func shortKey(k string, max int) string {
	if u, err := url.Parse(k); err == nil && u.Host != "" {
		path := u.Path
		if p, err := url.PathUnescape(u.EscapedPath()); err == nil {
			path = p
		}
		k = u.Host + path
		if u.RawQuery != "" {
			k += "?" + u.RawQuery
		}
	}
	r := []rune(k)
	if len(r) <= max {
		return k
	}
	head := max * 2 / 3
	return string(r[:head]) + "…" + string(r[len(r)-(max-head-1):])
}

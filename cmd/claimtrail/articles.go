package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/report"
	"github.com/spf13/cobra"
)

type articlesOptions struct {
	DB     string
	Format string
	Filter claimtrail.ArticleFilter
}

func newArticlesCmd(g *globals) *cobra.Command {
	var f claimtrail.ArticleFilter
	var since, until string
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List stored articles: the latest version of each",
		Long: `List the articles in the store, the latest version of each, newest first
(by publication date, else capture time), with how many versions and claims
each has. --since and --until are as for claims.

Formats: table (default), json and jsonl (one object per article, without
its text) and csv.`,
		Example: `  claimtrail articles
  claimtrail articles --outlet "Al Jazeera" --since 2025-03`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if f.Since, f.Until, err = dateFlags(since, until, g.Now()); err != nil {
				return err
			}
			if f.Limit < 0 {
				return usagef("--limit must be 0 (no limit) or more, got %d", f.Limit)
			}
			return runArticles(cmd.Context(), articlesOptions{DB: g.cfg.DB, Format: g.cfg.Format, Filter: f}, g.stdout)
		},
	}
	addDBFlag(cmd)
	fs := cmd.Flags()
	fs.StringVar(&f.Outlet, "outlet", "", "articles from `OUTLET`")
	fs.StringVar(&f.Story, "story", "", "articles of `STORY`")
	fs.StringVar(&since, "since", "", "articles dated `WHEN` or later")
	fs.StringVar(&until, "until", "", "articles dated up to `WHEN`")
	fs.IntVar(&f.Limit, "limit", 0, "print at most `N` articles (0: all)")
	return cmd
}

// storedArticleJSON is an article in the articles listing: its metadata
// without the text.
type storedArticleJSON struct {
	VersionID string              `json:"version_id"`
	Key       string              `json:"key"`
	Version   int                 `json:"version"`
	Versions  int                 `json:"versions"`
	Claims    int                 `json:"claims"`
	Article   *claimtrail.Article `json:"article"`
}

func runArticles(ctx context.Context, opts articlesOptions, w io.Writer) error {
	if err := checkFormat("articles", opts.Format, storeFormats...); err != nil {
		return err
	}
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	as, err := st.Articles(ctx, opts.Filter)
	if err != nil {
		return err
	}
	switch opts.Format {
	case "json", "jsonl":
		for _, a := range as {
			art := a.Article
			if err := encodeJSON(w, opts.Format, storedArticleJSON{VersionID: a.VersionID, Key: a.Version.Key,
				Version: a.Version.Number, Versions: a.Versions, Claims: a.ClaimCount, Article: &art}); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		var rows [][]string
		for _, a := range as {
			x := a.Article
			rows = append(rows, []string{a.VersionID, x.ID, a.Version.Key, strconv.Itoa(a.Version.Number), strconv.Itoa(a.Versions),
				strconv.Itoa(a.ClaimCount), x.Outlet, x.Story, x.Lang, report.CSVTime(x.Published), report.CSVTime(x.Captured), x.Title})
		}
		return writeCSV(w, []string{"version_id", "article_id", "key", "version", "versions", "claims", "outlet", "story",
			"lang", "published", "captured", "title"}, rows)
	}
	if len(as) == 0 {
		_, err := fmt.Fprintln(w, "no articles match")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tVERSIONS\tCLAIMS\tOUTLET\tKEY\tTITLE")
	for _, a := range as {
		x := a.Article
		date := x.Published
		if date.IsZero() {
			date = x.Captured
		}
		outlet := x.Outlet
		if outlet == "" {
			outlet = "-"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\n", report.TableTime(date), a.Versions, a.ClaimCount, outlet, a.Version.Key, oneLine(x.Title))
	}
	return tw.Flush()
}

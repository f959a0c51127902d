package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/report"
	"github.com/spf13/cobra"
)

type versionsOptions struct {
	DB     string
	Format string
	Ref    string
}

func newVersionsCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "versions URL|ID",
		Short: "List the stored versions of one article, oldest capture first",
		Long: `List the versions of one article: the texts stored under its URL (or its id
when it has no URL), numbered by capture time, with each version's hash and
number of claims. The argument is the URL, the article id or a version id.

Formats: table (default), json and jsonl (one object per version) and csv.`,
		Example: `  claimtrail versions https://example.com/news/story
  claimtrail versions a-34648275565a3c42 -f json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("versions needs one URL or article id, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVersions(cmd.Context(), versionsOptions{DB: g.cfg.DB, Format: g.cfg.Format, Ref: args[0]}, g.stdout)
		},
	}
	addDBFlag(cmd)
	return cmd
}

// versionJSON is one version in the versions listing.
type versionJSON struct {
	claimtrail.Version
	VersionID string `json:"version_id"`
	Claims    int    `json:"claims"`
	Title     string `json:"title,omitempty"`
}

func runVersions(ctx context.Context, opts versionsOptions, w io.Writer) error {
	if err := checkFormat("versions", opts.Format, storeFormats...); err != nil {
		return err
	}
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	vs, err := st.Versions(ctx, opts.Ref)
	if err != nil {
		return fmt.Errorf("%w\nList what is stored with: claimtrail articles", err)
	}
	out := make([]versionJSON, 0, len(vs))
	for _, v := range vs {
		id := claimtrail.VersionID(v.Key, v.Hash)
		a, err := st.Article(ctx, id)
		if err != nil {
			return err
		}
		out = append(out, versionJSON{Version: v, VersionID: id, Claims: len(a.Claims), Title: a.Article.Title})
	}
	switch opts.Format {
	case "json", "jsonl":
		for _, v := range out {
			if err := encodeJSON(w, opts.Format, v); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		var rows [][]string
		for _, v := range out {
			rows = append(rows, []string{strconv.Itoa(v.Number), report.CSVTime(v.Captured), v.Hash, strconv.Itoa(v.Claims),
				v.ArticleID, v.VersionID, v.Key, v.Title})
		}
		return writeCSV(w, []string{"version", "captured", "hash", "claims", "article_id", "version_id", "key", "title"}, rows)
	}
	fmt.Fprintf(w, "%s: %d versions\n\n", vs[0].Key, len(vs))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "VERSION\tCAPTURED\tHASH\tCLAIMS\tVERSION ID\tTITLE")
	for _, v := range out {
		captured := "-"
		if !v.Captured.IsZero() {
			captured = v.Captured.UTC().Format(time.RFC3339)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\n", v.Number, captured, v.Hash[:12], v.Claims, v.VersionID, oneLine(v.Title))
	}
	return tw.Flush()
}

package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/text"
)

type sourcesOptions struct {
	Inputs    []string
	Format    string
	MaxBytes  int64
	MaxClaims int
	Lexicons  []string
	// Registry is the user's registry file ("" for the built-in one only).
	Registry string
	Stdin    io.Reader
	Report   func(error)
	Debugf   func(format string, args ...any)
}

func newSourcesCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sources FILE|DIR|- ... | sources list|show|merge|split",
		Short: "List the sources of articles' claims, linked to canonical sources",
		Long: `Extract the claims of each article and link their sources and reporters to
canonical sources: outlets and agencies of the built-in registry (and the
file named by the registry setting), and sources proposed from the text.
"The statement" goes with its issuer, a surname with the full name the
article gave, "the newspaper" with the newspaper; unnamed sources stay
apart unless their descriptor and affiliation agree.

For each article, each source is listed with its id, kind, the mentions
that name it, its roles and how many claims it is the source of and how
many it relays. Sources learned in one article are recognised in the next
articles of the same run.

Formats: table (default), json (one object per article:
{"article": {...}, "sources": [...]}) and csv (one row per source and
article).`,
		Example: `  claimtrail sources testdata/seed/aljazeera-coalition-redeploy.ar.txt
  claimtrail sources -f csv articles/ > sources.csv`,
		Args: needInputs("sources"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSources(cmd.Context(), sourcesOptions{
				Inputs:    args,
				Format:    g.cfg.Format,
				MaxBytes:  g.cfg.Limits.MaxArticleBytes,
				MaxClaims: g.cfg.Limits.MaxClaimsPerArticle,
				Lexicons:  g.cfg.Lexicons,
				Registry:  g.cfg.Registry,
				Stdin:     g.stdin,
				Report:    g.warn,
				Debugf:    g.debugf,
			}, g.stdout)
		},
	}
	cmd.AddCommand(newSourcesListCmd(g), newSourcesShowCmd(g), newSourcesMergeCmd(g), newSourcesSplitCmd(g))
	return cmd
}

// articleSources is the JSON form of one article's sources.
type articleSources struct {
	Article articleRef      `json:"article"`
	Sources []sources.Usage `json:"sources"`
}

// articleRef identifies an article without repeating its text.
type articleRef struct {
	ID     string `json:"id"`
	Path   string `json:"path,omitempty"`
	URL    string `json:"url,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	Lang   string `json:"lang,omitempty"`
	Title  string `json:"title,omitempty"`
	Claims int    `json:"claims"`
}

func runSources(ctx context.Context, opts sourcesOptions, w io.Writer) error {
	if err := checkFormat("sources", opts.Format, "table", "json", "csv"); err != nil {
		return err
	}
	x, err := claims.New(claims.Options{Lexicons: opts.Lexicons, MaxClaims: opts.MaxClaims})
	if err != nil {
		return fmt.Errorf("load lexicons: %w", err)
	}
	reg, err := sources.New(sources.Options{Registry: opts.Registry})
	if err != nil {
		return err
	}
	var cw *csv.Writer
	if opts.Format == "csv" {
		cw = csv.NewWriter(w)
		if err := cw.Write(sourcesCSVHeader); err != nil {
			return err
		}
	}
	err = eachArticle(ctx, opts.Inputs, ingest.Options{MaxBytes: opts.MaxBytes, Stdin: opts.Stdin}, opts.Report,
		func(n int, a *claimtrail.Article) error {
			text.Segment(a)
			cs := x.Extract(a)
			srcs := reg.Link(a, cs)
			uses := sources.Uses(cs, srcs)
			if opts.Debugf != nil {
				opts.Debugf("sources %s (%s): %d claims, %d sources", a.Path, a.ID, len(cs), len(srcs))
			}
			ref := articleRef{ID: a.ID, Path: a.Path, URL: a.URL, Outlet: a.Outlet, Lang: a.Lang, Title: oneLine(a.Title), Claims: len(cs)}
			switch opts.Format {
			case "json":
				enc := json.NewEncoder(w)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				if uses == nil {
					uses = []sources.Usage{}
				}
				return enc.Encode(articleSources{Article: ref, Sources: uses})
			case "csv":
				return writeSourcesCSV(cw, ref, uses)
			}
			if n > 1 {
				if _, err := fmt.Fprintln(w); err != nil {
					return err
				}
			}
			return writeSourcesTable(w, ref, uses)
		})
	if cw != nil {
		cw.Flush()
		if ferr := cw.Error(); ferr != nil && err == nil {
			err = ferr
		}
	}
	return err
}

// writeSourcesTable prints one article's sources for people; text comes
// last on each line so right-to-left names cannot disturb the columns.
func writeSourcesTable(w io.Writer, a articleRef, uses []sources.Usage) error {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s  (%s, %s, %d claims, %d sources)\n", a.Path, a.ID, langName(a.Lang), a.Claims, len(uses))
	if a.Title != "" {
		fmt.Fprintf(&b, "   title    %s\n", a.Title)
	}
	for _, u := range uses {
		s := u.Source
		flags := string(s.Kind)
		if s.Anonymous {
			flags += ", unnamed"
		}
		fmt.Fprintf(&b, "\n  %s  %-22s %2d claims %2d relayed  %s\n", s.ID, flags, u.Claims, u.Relayed, s.Name)
		fmt.Fprintf(&b, "     mentions     %s\n", strings.Join(u.Mentions, " · "))
		if s.Affiliation != "" {
			fmt.Fprintf(&b, "     affiliation  %s\n", s.Affiliation)
		}
		for _, r := range s.Roles {
			fmt.Fprintf(&b, "     role         %s\n", oneLine(r))
		}
		if len(s.Aliases) > 0 {
			fmt.Fprintf(&b, "     aliases      %s\n", strings.Join(s.Aliases, " · "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var sourcesCSVHeader = []string{"path", "article_id", "source_id", "name", "kind", "anonymous", "affiliation",
	"claims", "relayed", "mentions", "roles", "aliases"}

func writeSourcesCSV(cw *csv.Writer, a articleRef, uses []sources.Usage) error {
	for _, u := range uses {
		s := u.Source
		if err := cw.Write([]string{a.Path, a.ID, s.ID, s.Name, string(s.Kind), strconv.FormatBool(s.Anonymous),
			s.Affiliation, strconv.Itoa(u.Claims), strconv.Itoa(u.Relayed),
			strings.Join(u.Mentions, "|"), strings.Join(s.Roles, "|"), strings.Join(s.Aliases, "|")}); err != nil {
			return err
		}
	}
	return nil
}

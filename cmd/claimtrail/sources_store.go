package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
)

// The store side of `claimtrail sources`: what ingest linked, across the
// corpus. `sources FILE...` reads articles; these read the database.

type sourcesListOptions struct {
	DB     string
	Format string
	Filter claimtrail.SourceFilter
}

type sourcesShowOptions struct {
	DB     string
	Format string
	Ref    string
}

type sourcesEditOptions struct {
	DB     string
	Format string
	// Merge: Into and From. Split: ID and Names.
	Into  string
	From  []string
	ID    string
	Names []string
}

func newSourcesListCmd(g *globals) *cobra.Command {
	var kind, name string
	var limit int
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the stored canonical sources, most cited first",
		Long: `List the canonical sources of the stored articles (latest versions), with
how many claims each is the source of, how many it relays and in how many
articles it appears. --name matches the name or an alias (end it with * for
a prefix); --kind keeps one kind (person, organization, government,
official, outlet, agency, document, anonymous, other).

Formats: table (default), json, jsonl, csv.`,
		Example: `  claimtrail sources list --kind outlet
  claimtrail sources list --name "Samir*" -f json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSourcesList(cmd.Context(), sourcesListOptions{
				DB: g.cfg.DB, Format: g.cfg.Format,
				Filter: claimtrail.SourceFilter{Name: name, Kind: claimtrail.SourceKind(kind), Limit: limit},
			}, g.stdout)
		},
	}
	addDBFlag(cmd)
	cmd.Flags().StringVar(&kind, "kind", "", "only sources of this `kind`")
	cmd.Flags().StringVar(&name, "name", "", "only sources whose name or an alias is `NAME` (NAME* for a prefix)")
	cmd.Flags().IntVar(&limit, "limit", 0, "at most `N` sources (0: all)")
	return cmd
}

func runSourcesList(ctx context.Context, opts sourcesListOptions, w io.Writer) error {
	if err := checkFormat("sources list", opts.Format, storeFormats...); err != nil {
		return err
	}
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Sources(ctx, opts.Filter)
	if err != nil {
		return err
	}
	switch opts.Format {
	case "json":
		if list == nil {
			list = []claimtrail.SourceCount{}
		}
		return encodeJSON(w, "json", list)
	case "jsonl":
		for _, s := range list {
			if err := encodeJSON(w, "jsonl", s); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		rows := make([][]string, 0, len(list))
		for _, s := range list {
			rows = append(rows, []string{s.Source.ID, s.Source.Name, string(s.Source.Kind), strconv.FormatBool(s.Source.Anonymous),
				strconv.Itoa(s.Claims), strconv.Itoa(s.Via), strconv.Itoa(s.Articles),
				strings.Join(s.Source.Aliases, "|"), strings.Join(s.Source.Roles, "|")})
		}
		return writeCSV(w, []string{"id", "name", "kind", "anonymous", "claims", "via", "articles", "aliases", "roles"}, rows)
	}
	if len(list) == 0 {
		_, err := fmt.Fprintln(w, "no sources match")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tCLAIMS\tVIA\tARTICLES\tNAME\tALSO")
	for _, s := range list {
		kind := string(s.Source.Kind)
		if s.Source.Anonymous {
			kind += " (unnamed)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t%s\n", s.Source.ID, kind, s.Claims, s.Via, s.Articles, s.Source.Name,
			truncate(strings.Join(s.Source.Aliases, "; "), 60))
	}
	return tw.Flush()
}

func newSourcesShowCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "show ID|NAME",
		Short: "Show one stored source: its names, roles and counts",
		Long: `Show one canonical source by its id (an id merged away leads to the source
it was merged into), its name or one of its aliases. A name shared by
several sources is an error that lists them; give an id instead.

Formats: table (default), json, jsonl.`,
		Example: `  claimtrail sources show "Samir Haddad"
  claimtrail sources show s-273d872dead317e3 -f json`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSourcesShow(cmd.Context(), sourcesShowOptions{DB: g.cfg.DB, Format: g.cfg.Format, Ref: args[0]}, g.stdout)
		},
	}
	addDBFlag(cmd)
	return cmd
}

func runSourcesShow(ctx context.Context, opts sourcesShowOptions, w io.Writer) error {
	if err := checkFormat("sources show", opts.Format, "table", "json", "jsonl"); err != nil {
		return err
	}
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	src, err := st.Source(ctx, opts.Ref)
	if err != nil {
		return fmt.Errorf("source %q: %w", opts.Ref, err)
	}
	count := claimtrail.SourceCount{Source: *src}
	if list, err := st.Sources(ctx, claimtrail.SourceFilter{}); err == nil {
		for _, c := range list {
			if c.Source.ID == src.ID {
				count = c
			}
		}
	}
	if opts.Format != "table" {
		return encodeJSON(w, opts.Format, count)
	}
	return writeSource(w, count)
}

func writeSource(w io.Writer, c claimtrail.SourceCount) error {
	s := c.Source
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "id\t%s\n", s.ID)
	fmt.Fprintf(tw, "name\t%s\n", s.Name)
	kind := string(s.Kind)
	if s.Anonymous {
		kind += " (unnamed)"
	}
	fmt.Fprintf(tw, "kind\t%s\n", kind)
	if s.Affiliation != "" {
		fmt.Fprintf(tw, "affiliation\t%s\n", s.Affiliation)
	}
	for i, a := range s.Aliases {
		label := ""
		if i == 0 {
			label = "also named"
		}
		fmt.Fprintf(tw, "%s\t%s\n", label, a)
	}
	for i, r := range s.Roles {
		label := ""
		if i == 0 {
			label = "roles"
		}
		fmt.Fprintf(tw, "%s\t%s\n", label, r)
	}
	fmt.Fprintf(tw, "cited\t%d claims as source, %d as reporter, in %d articles\n", c.Claims, c.Via, c.Articles)
	return tw.Flush()
}

func newSourcesMergeCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "merge INTO FROM...",
		Short: "Make several stored sources one",
		Long: `Merge sources FROM into INTO (ids, names or aliases): their mentions,
names and roles move to INTO, and their ids lead to INTO from now on,
including for articles ingested later. Use it when linking kept apart two
names of one source.`,
		Example: `  claimtrail sources merge "Higher Military Committee" "اللجنة العسكرية العليا"`,
		Args:    usageArgs(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSourcesEdit(cmd.Context(), sourcesEditOptions{DB: g.cfg.DB, Format: g.cfg.Format, Into: args[0], From: args[1:]}, g.stdout)
		},
	}
	addDBFlag(cmd)
	return cmd
}

func newSourcesSplitCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "split ID NAME...",
		Short: "Move some names of a stored source to a new source",
		Long: `Split source ID (an id, name or alias): the mentions that read one of
NAMEs move to a new source named after the first NAME. Use it when linking
merged two sources that are not the same, such as two people who share a
family name.`,
		Example: `  claimtrail sources split s-1a2b3c4d5e6f7a8b "Stephen Lynch"`,
		Args:    usageArgs(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSourcesEdit(cmd.Context(), sourcesEditOptions{DB: g.cfg.DB, Format: g.cfg.Format, ID: args[0], Names: args[1:]}, g.stdout)
		},
	}
	addDBFlag(cmd)
	return cmd
}

// runSourcesEdit merges (Into set) or splits (ID set) and shows the source
// that results.
func runSourcesEdit(ctx context.Context, opts sourcesEditOptions, w io.Writer) error {
	if err := checkFormat("sources merge and split", opts.Format, "table", "json", "jsonl"); err != nil {
		return err
	}
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	resolve := func(ref string) (string, error) {
		s, err := st.Source(ctx, ref)
		if err != nil {
			return "", fmt.Errorf("source %q: %w", ref, err)
		}
		return s.ID, nil
	}
	var res *claimtrail.Source
	if opts.Into != "" {
		into, err := resolve(opts.Into)
		if err != nil {
			return err
		}
		var from []string
		for _, f := range opts.From {
			id, err := resolve(f)
			if err != nil {
				return err
			}
			from = append(from, id)
		}
		if res, err = st.MergeSources(ctx, into, from...); err != nil {
			return fmt.Errorf("merge sources: %w", err)
		}
	} else {
		id, err := resolve(opts.ID)
		if err != nil {
			return err
		}
		if res, err = st.SplitSource(ctx, id, opts.Names...); err != nil {
			return fmt.Errorf("split source: %w", err)
		}
	}
	if opts.Format != "table" {
		return encodeJSON(w, opts.Format, res)
	}
	return writeSource(w, claimtrail.SourceCount{Source: *res})
}

// truncate shortens s to n runes with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

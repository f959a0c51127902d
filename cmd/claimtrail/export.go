package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
)

// exportFormat names the JSON lines export in its header line; import
// refuses other files and newer versions.
const (
	exportFormat  = "claimtrail-export"
	exportVersion = 1
)

// exportLine is one line of an export: the header, then every source,
// every merged id, and every version of every article with its claims.
type exportLine struct {
	Type    string `json:"type"` // header, source, redirect, version
	Format  string `json:"format,omitempty"`
	Version int    `json:"version,omitempty"`

	Source *claimtrail.Source `json:"source,omitempty"`

	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`

	Article *claimtrail.Article `json:"article,omitempty"`
	Claims  []claimtrail.Claim  `json:"claims,omitempty"`
}

// redirecter is what an export needs beyond claimtrail.Store: the ids
// merges retired, which the contract can follow but not list.
type redirecter interface {
	Redirects(ctx context.Context) (map[string]string, error)
	AddRedirects(ctx context.Context, redirects map[string]string) error
}

type exportOptions struct {
	DB string
}

func newExportCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the whole store as JSON lines, to move it to another store",
		Long: `Write everything the store (--db or the db setting) holds to standard output
as JSON lines: a header, then every canonical source (with its aliases and
roles), every merged source id, and every version of every article with its
text, metadata and claims, in a fixed order (sources by id, articles by key,
versions oldest first). claimtrail import reads it into another store, SQLite
or PostgreSQL, and an export of that store is the same file.`,
		Example: `  claimtrail export --db corpus.db > corpus.jsonl
  claimtrail import --db postgres://claimtrail@db.example/news corpus.jsonl`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), exportOptions{DB: g.cfg.DB}, g.stdout)
		},
	}
	addDBFlag(cmd)
	return cmd
}

func runExport(ctx context.Context, opts exportOptions, w io.Writer) error {
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := exportStore(ctx, st, enc); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return bw.Flush()
}

func exportStore(ctx context.Context, st claimtrail.Store, enc *json.Encoder) error {
	if err := enc.Encode(exportLine{Type: "header", Format: exportFormat, Version: exportVersion}); err != nil {
		return err
	}
	srcs, err := st.Sources(ctx, claimtrail.SourceFilter{})
	if err != nil {
		return err
	}
	slices.SortFunc(srcs, func(a, b claimtrail.SourceCount) int { return strings.Compare(a.Source.ID, b.Source.ID) })
	for i := range srcs {
		if err := enc.Encode(exportLine{Type: "source", Source: &srcs[i].Source}); err != nil {
			return err
		}
	}
	if r, ok := st.(redirecter); ok {
		m, err := r.Redirects(ctx)
		if err != nil {
			return err
		}
		olds := make([]string, 0, len(m))
		for o := range m {
			olds = append(olds, o)
		}
		slices.Sort(olds)
		for _, o := range olds {
			if err := enc.Encode(exportLine{Type: "redirect", Old: o, New: m[o]}); err != nil {
				return err
			}
		}
	}
	arts, err := st.Articles(ctx, claimtrail.ArticleFilter{})
	if err != nil {
		return err
	}
	keys := make([]string, len(arts))
	for i, a := range arts {
		keys[i] = a.Version.Key
	}
	slices.Sort(keys)
	for _, k := range keys {
		vs, err := st.Versions(ctx, k)
		if err != nil {
			return err
		}
		for _, v := range vs {
			sa, err := st.Article(ctx, claimtrail.VersionID(v.Key, v.Hash))
			if err != nil {
				return err
			}
			if err := enc.Encode(exportLine{Type: "version", Article: &sa.Article, Claims: sa.Claims}); err != nil {
				return err
			}
		}
	}
	return nil
}

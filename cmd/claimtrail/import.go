package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
)

type importOptions struct {
	DB     string
	Format string
	Quiet  bool
	Input  string // a file, or - for standard input
	Stdin  io.Reader
	Batch  int
	Report func(error)
}

func newImportCmd(g *globals) *cobra.Command {
	var batch int
	cmd := &cobra.Command{
		Use:   "import FILE|-",
		Short: "Read an export (JSON lines) into the store",
		Long: `Read a file written by claimtrail export (or - for standard input) into the
store (--db or the db setting), SQLite or PostgreSQL: its sources with their
aliases and roles, its merged source ids, and every article version with its
claims, exactly as exported. Versions already stored (same text under the same
key) are left alone, so importing twice adds nothing.

The result is a summary line (table), or the counts as one JSON object
(json, jsonl).`,
		Example: `  claimtrail export --db corpus.db | claimtrail import --db postgres://claimtrail@db.example/news -`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("import needs one file (or - for standard input), got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if batch < 1 {
				return usagef("--batch must be at least 1, got %d", batch)
			}
			return runImport(cmd.Context(), importOptions{DB: g.cfg.DB, Format: g.cfg.Format, Quiet: g.cfg.Quiet,
				Input: args[0], Stdin: g.stdin, Batch: batch, Report: g.warn}, g.stdout)
		},
	}
	addDBFlag(cmd)
	cmd.Flags().IntVar(&batch, "batch", defaultBatch, "versions per transaction")
	return cmd
}

// importSummary is the result of an import, and its JSON form.
type importSummary struct {
	ingestSummary
	Sources   int `json:"sources"`
	Redirects int `json:"redirects"`
}

func runImport(ctx context.Context, opts importOptions, w io.Writer) error {
	if err := checkFormat("import", opts.Format, "table", "json", "jsonl"); err != nil {
		return err
	}
	if opts.Batch < 1 {
		opts.Batch = defaultBatch
	}
	var in io.Reader = opts.Stdin
	if opts.Input != "-" {
		f, err := os.Open(opts.Input)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		in = f
	}
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	sum := importSummary{ingestSummary: ingestSummary{DB: redactDSN(opts.DB)}}
	if err := importStore(ctx, st, in, opts, &sum); err != nil {
		return fmt.Errorf("import %s: %w", opts.Input, err)
	}
	if opts.Format != "table" {
		return encodeJSON(w, opts.Format, &sum)
	}
	if opts.Quiet {
		return nil
	}
	_, err = fmt.Fprintf(w, "%d versions read: %d added, %d new versions, %d unchanged; %d claims, %d sources, %d merged ids stored in %s\n",
		sum.Read, sum.Added, sum.NewVersions, sum.Unchanged, sum.Claims, sum.Sources, sum.Redirects, sum.DB)
	return err
}

// importStore reads an export. Every record carries the full sources its
// claims cite, and the first also every other source, so each source is
// stored as exported whatever order the versions come in.
func importStore(ctx context.Context, st claimtrail.Store, in io.Reader, opts importOptions, sum *importSummary) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	sources := map[string]claimtrail.Source{}
	var order []string
	redirects := map[string]string{}
	var batch []claimtrail.Record
	first := true
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := saveBatch(ctx, st, batch, &sum.ingestSummary, opts.Report)
		batch = batch[:0]
		return err
	}
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l exportLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return fmt.Errorf("line %d: %w: %v", line, claimtrail.ErrInvalidInput, err)
		}
		if line == 1 {
			if l.Type != "header" || l.Format != exportFormat {
				return fmt.Errorf("line 1: %w: not a claimtrail export (no %s header)", claimtrail.ErrInvalidInput, exportFormat)
			}
			if l.Version > exportVersion {
				return fmt.Errorf("line 1: %w: export version %d is newer than this claimtrail reads (%d)", claimtrail.ErrInvalidInput, l.Version, exportVersion)
			}
			continue
		}
		switch l.Type {
		case "source":
			if l.Source == nil || l.Source.ID == "" {
				return fmt.Errorf("line %d: %w: a source without an id", line, claimtrail.ErrInvalidInput)
			}
			if _, ok := sources[l.Source.ID]; !ok {
				order = append(order, l.Source.ID)
			}
			sources[l.Source.ID] = *l.Source
		case "redirect":
			redirects[l.Old] = l.New
		case "version":
			if l.Article == nil {
				return fmt.Errorf("line %d: %w: a version without an article", line, claimtrail.ErrInvalidInput)
			}
			rec := claimtrail.Record{Article: l.Article, Claims: l.Claims}
			cited := map[string]bool{}
			if first {
				for _, id := range order {
					rec.Sources = append(rec.Sources, sources[id])
					cited[id] = true
				}
				first = false
			}
			for _, c := range l.Claims {
				for _, m := range append([]claimtrail.Mention{c.Source}, c.Via...) {
					if s, ok := sources[m.SourceID]; ok && !cited[m.SourceID] {
						rec.Sources = append(rec.Sources, s)
						cited[m.SourceID] = true
					}
				}
			}
			batch = append(batch, rec)
			sum.Read++
			if len(batch) >= opts.Batch {
				if err := flush(); err != nil {
					return err
				}
			}
		default:
			return fmt.Errorf("line %d: %w: unknown line type %q", line, claimtrail.ErrInvalidInput, l.Type)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if line == 0 {
		return fmt.Errorf("%w: empty input", claimtrail.ErrInvalidInput)
	}
	if err := flush(); err != nil {
		return err
	}
	if first && len(order) > 0 {
		return fmt.Errorf("%w: %d sources but no article to store them with", claimtrail.ErrInvalidInput, len(order))
	}
	sum.Sources = len(order)
	if len(redirects) > 0 {
		r, ok := st.(redirecter)
		if !ok {
			return errors.New("the store cannot record merged source ids")
		}
		if err := r.AddRedirects(ctx, redirects); err != nil {
			return err
		}
		sum.Redirects = len(redirects)
	}
	return nil
}

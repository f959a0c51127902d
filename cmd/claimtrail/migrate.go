package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

type migrateOptions struct {
	DB     string
	Format string
}

func newMigrateCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "migrate",
		Short: "Create the store or bring its schema up to date",
		Long: `Apply the schema migrations the store (--db or the db setting: a SQLite file
or a postgres:// URL) has not had yet, each in its own transaction, and list
the migrations it has. Every command that opens the store does this too;
migrate does it on purpose, for example before a team's workers start
ingesting into a new PostgreSQL database, or after an upgrade. Running it
again changes nothing.

Formats: table (default), json and jsonl.`,
		Example: `  claimtrail migrate --db postgres://claimtrail@db.example/news
  claimtrail migrate --db corpus.db -f json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMigrate(cmd.Context(), migrateOptions{DB: g.cfg.DB, Format: g.cfg.Format}, g.stdout)
		},
	}
	addDBFlag(cmd)
	return cmd
}

// migrationLister is what both stores offer beyond claimtrail.Store.
type migrationLister interface {
	Migrations(ctx context.Context) ([]string, error)
}

func runMigrate(ctx context.Context, opts migrateOptions, w io.Writer) error {
	if err := checkFormat("migrate", opts.Format, "table", "json", "jsonl"); err != nil {
		return err
	}
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	ml, ok := st.(migrationLister)
	if !ok {
		return fmt.Errorf("migrate: the store at %s does not list its migrations", redactDSN(opts.DB))
	}
	names, err := ml.Migrations(ctx)
	if err != nil {
		return err
	}
	if opts.Format != "table" {
		return encodeJSON(w, opts.Format, struct {
			DB         string   `json:"db"`
			Migrations []string `json:"migrations"`
		}{redactDSN(opts.DB), names})
	}
	_, err = fmt.Fprintf(w, "%s is up to date: %d migrations applied (%s)\n", redactDSN(opts.DB), len(names), strings.Join(names, ", "))
	return err
}

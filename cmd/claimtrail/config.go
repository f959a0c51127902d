package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/config"
)

type configOptions struct {
	Format string
	Config *config.Config
}

func newConfigCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration and where each value comes from",
		Long: `Print the effective configuration and where each value comes from: a flag,
a CLAIMTRAIL_* environment variable, the configuration file, or the default.
Precedence is in that order.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runConfig(cmd.Context(), configOptions{Format: g.cfg.Format, Config: g.cfg}, g.stdout)
		},
	}
}

// configReport is the JSON form of `claimtrail config`.
type configReport struct {
	File     string           `json:"file"`
	Searched []string         `json:"searched,omitempty"`
	Settings []config.Setting `json:"settings"`
}

func runConfig(_ context.Context, opts configOptions, w io.Writer) error {
	if err := checkFormat("config", opts.Format, "table", "json", "jsonl"); err != nil {
		return err
	}
	c := opts.Config
	// a database URL's password is not for the screen or a pasted log
	settings := c.Origins()
	for i := range settings {
		if db, ok := settings[i].Value.(string); ok && settings[i].Key == "db" {
			settings[i].Value = redactDSN(db)
		}
	}
	switch opts.Format {
	case "json", "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		if opts.Format == "json" {
			enc.SetIndent("", "  ")
		}
		return enc.Encode(configReport{File: c.File, Searched: c.Searched, Settings: settings})
	}
	if c.File != "" {
		fmt.Fprintf(w, "config file: %s\n\n", c.File)
	} else {
		fmt.Fprintf(w, "config file: none (looked for %s)\n\n", strings.Join(c.Searched, ", "))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tVALUE\tORIGIN")
	for _, s := range settings {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Key, showValue(s.Value), s.Origin)
	}
	return tw.Flush()
}

func showValue(v any) string {
	switch v := v.(type) {
	case []string:
		if len(v) == 0 {
			return "(none)"
		}
		return strings.Join(v, ", ")
	case string:
		if v == "" {
			return `""`
		}
		return v
	case int64: // the only int64 setting is a size in bytes
		if v >= 1<<20 && v%(1<<10) == 0 {
			return fmt.Sprintf("%d (%.4g MiB)", v, float64(v)/(1<<20))
		}
	}
	return fmt.Sprint(v)
}

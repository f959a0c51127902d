package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/report"
)

type auditOptions struct {
	Select reportSelection
	Format string
	Load   reportLoad
}

func newAuditCmd(g *globals) *cobra.Command {
	var opts auditOptions
	cmd := &cobra.Command{
		Use:   "audit [FILE|DIR|- ...] [--article REF | --story STORY | --source SOURCE | --outlet OUTLET | --all]",
		Short: "Audit the attributions of files, an article, story, source, outlet or the whole store",
		Long: `Measure how the claims of the selected articles are attributed, as an
editor or a media researcher would: claims per article; the share
attributed to named people, to organisations and documents and to unnamed
sources; unnamed sources per article and per outlet; the depth of chains of
reporters (an outlet citing an outlet citing officials); hedged,
distancing and denial cues; stories that rest on a single source;
sentences that state a number or an accusation with no attribution; and
claims whose attribution a later version dropped or weakened (made
unnamed, hedged, stripped of a role).

Every finding names the article, the version, the sentence and the
code-point offsets. Measures count the latest version of each article.
The words that make a sentence an accusation are language data
(report/lexicon/*.yaml).

Formats: md (the default; a summary first), html (the same as one
standalone page with charts), json (everything) and csv (one row per
finding).`,
		Example: `  claimtrail audit testdata/seed/aljazeera-coalition-redeploy.ar.txt
  claimtrail audit --all -f html > audit.html
  claimtrail audit --outlet "Al Jazeera" -f csv > findings.csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Select.Files = args
			opts.Format = g.cfg.Format
			opts.Load = reportLoad{DB: g.cfg.DB, MaxBytes: g.cfg.Limits.MaxArticleBytes, MaxClaims: g.cfg.Limits.MaxClaimsPerArticle,
				Lexicons: g.cfg.Lexicons, Registry: g.cfg.Registry, Stdin: g.stdin, Report: g.warn}
			return runAudit(cmd.Context(), opts, g.stdout)
		},
	}
	addDBFlag(cmd)
	addReportSelectionFlags(cmd, &opts.Select)
	cmd.Flags().BoolVar(&opts.Select.All, "all", false, "audit the whole store")
	return cmd
}

func runAudit(ctx context.Context, opts auditOptions, w io.Writer) error {
	r, format, err := buildReport(ctx, "audit", opts.Format, opts.Select, opts.Load, true)
	if err != nil {
		return err
	}
	a, err := report.NewAudit(r, nil)
	if err != nil {
		return err
	}
	return a.Write(w, format)
}

package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/report"
	"github.com/spf13/cobra"
)

type claimsOptions struct {
	DB     string
	Format string
	Filter claimtrail.ClaimFilter
}

func newClaimsCmd(g *globals) *cobra.Command {
	var f claimtrail.ClaimFilter
	var kind, typ, stance, since, until string
	var anonymous bool
	cmd := &cobra.Command{
		Use:   "claims",
		Short: "List stored claims, filtered by source, outlet, story, kind, stance and date",
		Long: `List the claims in the store (see ingest), by article (newest first) and by
offset. Without --all-versions only the latest version of each article
counts. Names compare as search does: case, Arabic diacritics and hamza on
alef do not matter.

--source takes a source id, a source's name or alias, or the words the text
used (a mention). --since and --until take a day (2025-03-01), a month, a
year, a time (2025-03-01T14:30:00Z) or an age (36h, 7d, 2w) and compare the
article's publication date, else its capture time; --until includes the
day, month or year it names.

Formats: table (default), json and jsonl ({"claim": {...}, "article": {...}}
per claim) and csv.`,
		Example: `  claimtrail claims --source "يحيى رسول"
  claimtrail claims --outlet "Al Jazeera" --stance hedged --since 2025-01
  claimtrail claims --anonymous --story redeploy -f csv > unnamed.csv`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if f.Kind, err = oneOf("kind", kind, sourceKinds...); err != nil {
				return err
			}
			if f.Type, err = oneOf("type", typ, claimTypes...); err != nil {
				return err
			}
			if f.Stance, err = oneOf("stance", stance, stances...); err != nil {
				return err
			}
			if f.Since, f.Until, err = dateFlags(since, until, g.Now()); err != nil {
				return err
			}
			if cmd.Flags().Changed("anonymous") {
				f.Anonymous = &anonymous
			}
			if f.Limit < 0 {
				return usagef("--limit must be 0 (no limit) or more, got %d", f.Limit)
			}
			return runClaims(cmd.Context(), claimsOptions{DB: g.cfg.DB, Format: g.cfg.Format, Filter: f}, g.stdout)
		},
	}
	addDBFlag(cmd)
	fs := cmd.Flags()
	fs.StringVar(&f.Source, "source", "", "claims of `SOURCE` (an id, a name, an alias or a mention)")
	fs.StringVar(&f.Outlet, "outlet", "", "claims of articles from `OUTLET`")
	fs.StringVar(&f.Story, "story", "", "claims of articles of `STORY`")
	fs.StringVar(&kind, "kind", "", "claims whose source is of `KIND`: "+joinValues(sourceKinds))
	fs.StringVar(&typ, "type", "", "claims of `TYPE`: "+joinValues(claimTypes))
	fs.BoolVar(&anonymous, "anonymous", false, "only claims of unnamed sources (--anonymous=false: only named ones)")
	fs.StringVar(&stance, "stance", "", "claims whose cue has `STANCE`: "+joinValues(stances))
	fs.StringVar(&since, "since", "", "claims of articles dated `WHEN` or later")
	fs.StringVar(&until, "until", "", "claims of articles dated up to `WHEN`")
	fs.StringVar(&f.Article, "article", "", "claims of one article: `REF` is a URL, an article id or a version id")
	fs.BoolVar(&f.AllVersions, "all-versions", false, "include the claims of every version, not only the latest")
	fs.IntVar(&f.Limit, "limit", 0, "print at most `N` claims (0: all)")
	return cmd
}

var (
	sourceKinds = []claimtrail.SourceKind{claimtrail.KindPerson, claimtrail.KindOrganization, claimtrail.KindGovernment,
		claimtrail.KindOfficial, claimtrail.KindOutlet, claimtrail.KindAgency, claimtrail.KindDocument,
		claimtrail.KindAnonymous, claimtrail.KindOther}
	claimTypes = []claimtrail.ClaimType{claimtrail.Direct, claimtrail.Indirect, claimtrail.Mixed, claimtrail.Nominal, claimtrail.AccordingTo}
	stances    = []claimtrail.Stance{claimtrail.Neutral, claimtrail.Assertive, claimtrail.Hedged, claimtrail.Distancing, claimtrail.Denial}
)

func joinValues[T ~string](vs []T) string {
	var s []string
	for _, v := range vs {
		s = append(s, string(v))
	}
	return strings.Join(s, ", ")
}

func runClaims(ctx context.Context, opts claimsOptions, w io.Writer) error {
	if err := checkFormat("claims", opts.Format, storeFormats...); err != nil {
		return err
	}
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	cs, err := st.Claims(ctx, opts.Filter)
	if err != nil {
		return err
	}
	return writeStoredClaims(w, opts.Format, cs)
}

func writeStoredClaims(w io.Writer, format string, cs []claimtrail.StoredClaim) error {
	switch format {
	case "json", "jsonl":
		for _, c := range cs {
			if c.Claim.Via == nil {
				c.Claim.Via = []claimtrail.Mention{}
			}
			if err := encodeJSON(w, format, c); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		var rows [][]string
		for _, c := range cs {
			rows = append(rows, claimCSVRow(c))
		}
		return writeCSV(w, claimCSVHeader, rows)
	}
	return writeStoredClaimsTable(w, cs)
}

var claimCSVHeader = []string{"version_id", "article_id", "key", "version", "outlet", "story", "published", "captured",
	"claim_id", "type", "source", "source_name", "source_id", "kind", "anonymous", "role", "via", "cue", "lemma", "class",
	"stance", "negated", "content", "start", "end", "paragraph", "sentence", "nested_in"}

func claimCSVRow(sc claimtrail.StoredClaim) []string {
	c, a := sc.Claim, sc.Article
	var via []string
	for _, v := range c.Via {
		via = append(via, sourceLabel(v))
	}
	return []string{a.VersionID, a.ID, a.Key, strconv.Itoa(a.Version), a.Outlet, a.Story, report.CSVTime(a.Published), report.CSVTime(a.Captured),
		c.ID, string(c.Type), c.Source.Mention, c.Source.Name, c.Source.SourceID, string(c.Source.Kind),
		strconv.FormatBool(c.Source.Anonymous), c.Source.Role, strings.Join(via, " / "), c.Cue.Text, c.Cue.Lemma,
		string(c.Cue.Class), string(c.Cue.Stance), strconv.FormatBool(c.Cue.Negated), c.Content.Text,
		strconv.Itoa(c.Content.Span.Start), strconv.Itoa(c.Content.Span.End), strconv.Itoa(c.Paragraph),
		strconv.Itoa(c.Sentence), c.NestedIn}
}

// articleHeader is the line that opens an article's claims in a table.
func articleHeader(a claimtrail.ArticleRef) string {
	var meta []string
	if a.Outlet != "" {
		meta = append(meta, a.Outlet)
	}
	if a.Story != "" {
		meta = append(meta, "story "+a.Story)
	}
	date := a.Published
	if date.IsZero() {
		date = a.Captured
	}
	meta = append(meta, report.TableTime(date))
	return fmt.Sprintf("== %s v%d  (%s)", a.Key, a.Version, strings.Join(meta, ", "))
}

// writeStoredClaimsTable prints claims as extract does, under a header
// for each article version; text goes last on each line.
func writeStoredClaimsTable(w io.Writer, cs []claimtrail.StoredClaim) error {
	var b strings.Builder
	prev := ""
	n := 0
	for _, sc := range cs {
		c, a := sc.Claim, sc.Article
		if a.VersionID != prev {
			if prev != "" {
				b.WriteString("\n")
			}
			prev, n = a.VersionID, 0
			b.WriteString(articleHeader(a) + "\n")
			if a.Title != "" {
				fmt.Fprintf(&b, "   title    %s\n", oneLine(a.Title))
			}
		}
		n++
		writeClaimBlock(&b, n, c, true)
	}
	if len(cs) == 0 {
		b.WriteString("no claims match\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

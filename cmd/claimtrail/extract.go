package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/text"
)

type extractOptions struct {
	Inputs    []string
	Format    string
	MaxBytes  int64
	MaxClaims int
	Lexicons  []string
	// Jobs is how many articles are segmented and extracted at once; the
	// output is in input order whatever it is.
	Jobs   int
	Stdin  io.Reader
	Report func(error)
	Debugf func(format string, args ...any)
}

func newExtractCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "extract FILE|DIR|- ...",
		Short: "Extract attributed claims: who said what, through whom, how",
		Long: `Extract every attributed claim of each article: its source (resolved when
the text says "the statement" or "he"), the chain of reporters, the cue and
its stance, the content and its type, with code-point offsets into the text
as read.

Formats: table (default), json (one object per article:
{"article": {...}, "claims": [...]}), jsonl (the same, one per line) and md.
The JSON fields are a stable contract, documented in README.md.`,
		Example: `  claimtrail extract testdata/seed/aljazeera-coalition-redeploy.ar.txt
  claimtrail extract -f json articles.jsonl
  claimtrail extract -f md story.txt > claims.md`,
		Args: needInputs("extract"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd.Context(), extractOptions{
				Inputs:    args,
				Format:    g.cfg.Format,
				MaxBytes:  g.cfg.Limits.MaxArticleBytes,
				MaxClaims: g.cfg.Limits.MaxClaimsPerArticle,
				Lexicons:  g.cfg.Lexicons,
				Jobs:      g.cfg.Jobs,
				Stdin:     g.stdin,
				Report:    g.warn,
				Debugf:    g.debugf,
			}, g.stdout)
		},
	}
	cmd.Flags().Int("jobs", 0, "extract `N` articles at once (default: the jobs setting, the number of CPUs); the output order is the input order")
	return cmd
}

// extracted is the JSON contract of one article's claims.
type extracted struct {
	Article *claimtrail.Article `json:"article"`
	Claims  []claimtrail.Claim  `json:"claims"`
}

func runExtract(ctx context.Context, opts extractOptions, w io.Writer) error {
	if err := checkFormat("extract", opts.Format, "table", "json", "jsonl", "md"); err != nil {
		return err
	}
	x, err := claims.New(claims.Options{Lexicons: opts.Lexicons, MaxClaims: opts.MaxClaims})
	if err != nil {
		return fmt.Errorf("load lexicons: %w", err)
	}
	// Each worker also renders its article, so that writing in order is
	// all that is left to do one at a time: encoding costs as much as
	// extracting.
	type rendered struct {
		claims int
		out    []byte
		err    error
	}
	return eachArticleParallel(ctx, opts.Inputs, ingest.Options{MaxBytes: opts.MaxBytes, Stdin: opts.Stdin}, opts.Report, opts.Jobs,
		func(a *claimtrail.Article) rendered {
			text.Segment(a)
			cs := x.Extract(a)
			var b bytes.Buffer
			// n = 1: the separator between articles of a table is written
			// below, where the order is known
			err := writeExtracted(&b, opts.Format, 1, a, cs)
			return rendered{claims: len(cs), out: b.Bytes(), err: err}
		},
		func(n int, a *claimtrail.Article, r rendered) error {
			if opts.Debugf != nil {
				opts.Debugf("extract %s (%s): %d claims", a.Path, a.ID, r.claims)
			}
			if r.err != nil {
				return r.err
			}
			if n > 1 && opts.Format == "table" {
				if _, err := io.WriteString(w, "\n"); err != nil {
					return err
				}
			}
			_, err := w.Write(r.out)
			return err
		})
}

func writeExtracted(w io.Writer, format string, n int, a *claimtrail.Article, cs []claimtrail.Claim) error {
	if cs == nil {
		cs = []claimtrail.Claim{}
	}
	// The paragraphs are segmentation's output (see `segment`); the claims
	// carry their paragraph and sentence indexes.
	art := *a
	art.Paragraphs = nil
	switch format {
	case "json", "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		if format == "json" {
			enc.SetIndent("", "  ")
		}
		return enc.Encode(extracted{Article: &art, Claims: cs})
	case "md":
		return writeClaimsMarkdown(w, &art, cs)
	}
	if n > 1 {
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	return writeClaimsTable(w, &art, cs)
}

// sourceLabel is how a claim's source reads in a report: the mention, with
// what it resolves to when that differs.
func sourceLabel(m claimtrail.Mention) string {
	switch {
	case m.Mention == "":
		return "(" + m.Name + ")"
	case m.Name != "" && m.Name != m.Mention:
		return m.Mention + " → " + m.Name
	}
	return m.Mention
}

func viaLabel(vs []claimtrail.Mention) string {
	var out []string
	for _, v := range vs {
		out = append(out, sourceLabel(v))
	}
	return strings.Join(out, " / ")
}

// writeClaimsTable prints claims for people: one block per claim, text
// last on each line so right-to-left text cannot push columns out of line.
func writeClaimsTable(w io.Writer, a *claimtrail.Article, cs []claimtrail.Claim) error {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s  (%s, %s, %d claims)\n", a.Path, a.ID, langName(a.Lang), len(cs))
	if a.Title != "" {
		fmt.Fprintf(&b, "   title    %s\n", oneLine(a.Title))
	}
	if len(a.SourceLine) > 0 {
		fmt.Fprintf(&b, "   source   %s\n", strings.Join(a.SourceLine, " + "))
	}
	for i, c := range cs {
		writeClaimBlock(&b, i+1, c, false)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeClaimBlock writes one claim as the table formats show it: a
// numbered line of type and flags with its location, then source, role,
// reporters, cue and content; withID adds the linked source id.
func writeClaimBlock(b *strings.Builder, n int, c claimtrail.Claim, withID bool) {
	flags := string(c.Type) + ", " + string(c.Cue.Stance)
	if c.Cue.Negated {
		flags += ", negated"
	}
	if c.Source.Anonymous {
		flags += ", unnamed"
	}
	if c.NestedIn != "" {
		flags += ", nested"
	}
	fmt.Fprintf(b, "\n%3d  %-28s ¶%d s%d %s\n", n, flags, c.Paragraph, c.Sentence, spanString(c.Content.Span))
	src := sourceLabel(c.Source)
	if withID && c.Source.SourceID != "" {
		src += "  [" + c.Source.SourceID + "]"
	}
	fmt.Fprintf(b, "     source   %s\n", src)
	if c.Source.Role != "" {
		fmt.Fprintf(b, "     role     %s\n", c.Source.Role)
	}
	if len(c.Via) > 0 {
		fmt.Fprintf(b, "     via      %s\n", viaLabel(c.Via))
	}
	fmt.Fprintf(b, "     cue      %s\n", c.Cue.Text)
	fmt.Fprintf(b, "     content  %s\n", oneLine(c.Content.Text))
}

func langName(l string) string {
	if l == "" {
		return "unknown language"
	}
	return l
}

// mdCell escapes what would break a Markdown table cell.
func mdCell(s string) string {
	s = oneLine(s)
	s = strings.ReplaceAll(s, "|", `\|`)
	return s
}

func writeClaimsMarkdown(w io.Writer, a *claimtrail.Article, cs []claimtrail.Claim) error {
	var b strings.Builder
	title := a.Title
	if title == "" {
		title = a.Path
	}
	fmt.Fprintf(&b, "## %s\n\n", mdCell(title))
	fmt.Fprintf(&b, "%d claims in `%s` (%s)", len(cs), a.Path, langName(a.Lang))
	if len(a.SourceLine) > 0 {
		fmt.Fprintf(&b, "; article source: %s", mdCell(strings.Join(a.SourceLine, " + ")))
	}
	b.WriteString(".\n\n| # | source | via | cue | stance | type | content |\n|---|---|---|---|---|---|---|\n")
	for i, c := range cs {
		src := sourceLabel(c.Source)
		if c.Source.Role != "" {
			src += " (" + c.Source.Role + ")"
		}
		stance := string(c.Cue.Stance)
		if c.Cue.Negated {
			stance += ", negated"
		}
		n := fmt.Sprint(i + 1)
		if c.NestedIn != "" {
			n += " (nested)"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", n, mdCell(src), mdCell(viaLabel(c.Via)),
			mdCell(c.Cue.Text), stance, c.Type, mdCell(c.Content.Text))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

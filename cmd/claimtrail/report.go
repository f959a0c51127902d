package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/report"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/text"
)

// reportSelection says what a report or an audit covers: files, or one article,
// story, source or outlet of the store, or (All, audit only) the whole
// store.
type reportSelection struct {
	Files   []string
	Article string
	Story   string
	Source  string
	Outlet  string
	All     bool
}

// addReportSelectionFlags gives report and audit the flags that pick from the
// store.
func addReportSelectionFlags(cmd *cobra.Command, s *reportSelection) {
	fs := cmd.Flags()
	fs.StringVar(&s.Article, "article", "", "a stored article with all its versions: `REF` is a URL, an article id or a version id")
	fs.StringVar(&s.Story, "story", "", "the stored articles of `STORY`, with all their versions")
	fs.StringVar(&s.Source, "source", "", "the claims of `SOURCE` (id, name or alias) in the latest stored versions")
	fs.StringVar(&s.Outlet, "outlet", "", "the stored articles of `OUTLET`, with all their versions")
}

// scope checks that exactly one thing is selected and names it.
func (s reportSelection) scope(cmd string, allowAll bool) (report.Scope, string, error) {
	var picked []report.Scope
	var name string
	pick := func(v string, sc report.Scope) {
		if v != "" {
			picked, name = append(picked, sc), v
		}
	}
	pick(s.Article, report.ScopeArticle)
	pick(s.Story, report.ScopeStory)
	pick(s.Source, report.ScopeSource)
	pick(s.Outlet, report.ScopeOutlet)
	if len(s.Files) > 0 {
		picked, name = append(picked, report.ScopeFiles), ""
	}
	if s.All {
		picked, name = append(picked, report.ScopeStore), ""
	}
	choices := "FILE..., --article, --story, --source or --outlet"
	if allowAll {
		choices = "FILE..., --article, --story, --source, --outlet or --all"
	}
	switch len(picked) {
	case 1:
		return picked[0], name, nil
	case 0:
		return "", "", usagef("%s needs %s", cmd, choices)
	}
	return "", "", usagef("%s covers one thing: %s", cmd, choices)
}

// reportLoad is what loading a selection needs beyond the selection.
type reportLoad struct {
	DB        string
	MaxBytes  int64
	MaxClaims int
	Lexicons  []string
	Registry  string
	Stdin     io.Reader
	Report    func(error)
}

// loadReportDocs reads the selected article versions with their claims.
// buildReport is what report and audit share: the format checked, the
// selection read (from files or the store) and the report built, with the
// comparison across outlets when the articles come from several.
func buildReport(ctx context.Context, cmd, format string, sel reportSelection, load reportLoad, all bool) (*report.Report, string, error) {
	f, err := reportFormat(cmd, format)
	if err != nil {
		return nil, "", err
	}
	scope, _, err := sel.scope(cmd, all)
	if err != nil {
		return nil, "", err
	}
	docs, name, err := loadReportDocs(ctx, sel, scope, load)
	if err != nil {
		return nil, "", err
	}
	r, err := report.Build(docs, report.Options{Scope: scope, Name: name, SameSource: sameSource,
		Compare: compareSection, CrossOutlet: crossOutletFindings})
	if err != nil {
		return nil, "", err
	}
	return r, f, nil
}

func loadReportDocs(ctx context.Context, s reportSelection, scope report.Scope, o reportLoad) ([]report.Doc, string, error) {
	if scope == report.ScopeFiles {
		docs, err := reportFileDocs(ctx, s.Files, o)
		return docs, "", err
	}
	st, err := openStore(ctx, o.DB)
	if err != nil {
		return nil, "", err
	}
	defer st.Close()
	return reportStoreDocs(ctx, st, scope, s)
}

// reportFileDocs reads, extracts and links files as ingest would, without
// storing them. Files with one URL (or id) are versions of one article.
func reportFileDocs(ctx context.Context, files []string, o reportLoad) ([]report.Doc, error) {
	x, err := claims.New(claims.Options{Lexicons: o.Lexicons, MaxClaims: o.MaxClaims})
	if err != nil {
		return nil, fmt.Errorf("load lexicons: %w", err)
	}
	reg, err := sources.New(sources.Options{Registry: o.Registry})
	if err != nil {
		return nil, err
	}
	var docs []report.Doc
	err = eachArticle(ctx, files, ingest.Options{MaxBytes: o.MaxBytes, Stdin: o.Stdin}, o.Report, func(_ int, a *claimtrail.Article) error {
		text.Segment(a)
		cs := x.Extract(a)
		reg.Link(a, cs)
		docs = append(docs, report.Doc{Article: a, Claims: cs})
		return nil
	})
	var partial *inputsFailed
	if err != nil && !(errors.As(err, &partial) && len(docs) > 0) {
		return nil, err
	}
	return docs, nil
}

// reportStoreDocs loads a reportSelection from the store. Articles, stories and
// outlets come with every version (so the report shows their changes); a
// source's report holds only its own claims, in the latest versions.
func reportStoreDocs(ctx context.Context, st claimtrail.Store, scope report.Scope, s reportSelection) ([]report.Doc, string, error) {
	switch scope {
	case report.ScopeArticle:
		docs, err := reportVersionDocs(ctx, st, s.Article)
		return docs, s.Article, err
	case report.ScopeSource:
		src, err := st.Source(ctx, s.Source)
		if err != nil {
			return nil, "", fmt.Errorf("source %s: %w", s.Source, err)
		}
		cs, err := st.Claims(ctx, claimtrail.ClaimFilter{Source: src.ID})
		if err != nil {
			return nil, "", err
		}
		var docs []report.Doc
		for _, c := range cs {
			if n := len(docs); n > 0 && docs[n-1].VersionID == c.Article.VersionID {
				docs[n-1].Claims = append(docs[n-1].Claims, c.Claim)
				continue
			}
			sa, err := st.Article(ctx, c.Article.VersionID)
			if err != nil {
				return nil, "", fmt.Errorf("load %s: %w", c.Article.Key, err)
			}
			a := sa.Article
			docs = append(docs, report.Doc{Article: &a, Claims: []claimtrail.Claim{c.Claim}, Version: sa.Version, VersionID: sa.VersionID})
		}
		return docs, src.Name, nil
	}
	f := claimtrail.ArticleFilter{Story: s.Story, Outlet: s.Outlet}
	arts, err := st.Articles(ctx, f)
	if err != nil {
		return nil, "", err
	}
	if len(arts) == 0 && scope != report.ScopeStore {
		return nil, "", fmt.Errorf("%s %s: %w", scope, s.Story+s.Outlet, claimtrail.ErrNotFound)
	}
	var docs []report.Doc
	for _, a := range arts {
		d, err := reportVersionDocs(ctx, st, a.VersionID)
		if err != nil {
			return nil, "", err
		}
		docs = append(docs, d...)
	}
	return docs, s.Story + s.Outlet, nil
}

// reportVersionDocs loads every version of one stored article.
func reportVersionDocs(ctx context.Context, st claimtrail.Store, ref string) ([]report.Doc, error) {
	vs, err := st.Versions(ctx, ref)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", ref, err)
	}
	var docs []report.Doc
	for _, v := range vs {
		sa, err := st.Article(ctx, claimtrail.VersionID(v.Key, v.Hash))
		if err != nil {
			return nil, fmt.Errorf("load version %d of %s: %w", v.Number, v.Key, err)
		}
		a := sa.Article
		docs = append(docs, report.Doc{Article: &a, Claims: sa.Claims, Version: sa.Version, VersionID: sa.VersionID})
	}
	return docs, nil
}

// reportFormat maps the global default (table) to Markdown, the format a
// report reads best in on a terminal.
func reportFormat(cmd, format string) (string, error) {
	if format == "table" {
		format = "md"
	}
	if !slices.Contains(report.Formats, format) {
		return "", checkFormat(cmd, format, report.Formats...)
	}
	return format, nil
}

type reportOptions struct {
	Select reportSelection
	Format string
	Load   reportLoad
}

func newReportCmd(g *globals) *cobra.Command {
	var opts reportOptions
	cmd := &cobra.Command{
		Use:   "report [FILE|DIR|- ...] [--article REF | --story STORY | --source SOURCE | --outlet OUTLET]",
		Short: "Write a claim report of an article, story, source or outlet: md, html, json, csv",
		Long: `Write a report of files, or of one article, story, source or outlet in the
store: every claim with its source, role, chain of reporters, cue and
stance, content and position; the sources with their kinds; the versions
and how their claims changed from one to the next.

Files that share a URL (or id) are read as versions of one article, ordered
by capture time. From the store, an article, a story and an outlet come
with every version; a source's report holds its claims in the latest
versions.

Formats: md (the default), html (one standalone page: claims highlighted
in the text and coloured by stance, a side-by-side diff of each version,
charts; no script), json and csv (one row per claim of every version).`,
		Example: `  claimtrail report testdata/seed/aljazeera-coalition-redeploy.ar.txt
  claimtrail report -f html story.v1.json story.v2.json > story.html
  claimtrail report --story redeploy -f html > redeploy.html
  claimtrail report --source "يحيى رسول" -f csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Select.Files = args
			opts.Format = g.cfg.Format
			opts.Load = reportLoad{DB: g.cfg.DB, MaxBytes: g.cfg.Limits.MaxArticleBytes, MaxClaims: g.cfg.Limits.MaxClaimsPerArticle,
				Lexicons: g.cfg.Lexicons, Registry: g.cfg.Registry, Stdin: g.stdin, Report: g.warn}
			return runReport(cmd.Context(), opts, g.stdout)
		},
	}
	addDBFlag(cmd)
	addReportSelectionFlags(cmd, &opts.Select)
	return cmd
}

func runReport(ctx context.Context, opts reportOptions, w io.Writer) error {
	r, format, err := buildReport(ctx, "report", opts.Format, opts.Select, opts.Load, false)
	if err != nil {
		return err
	}
	return r.Write(w, format)
}

package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/compare"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/text"
)

type compareOptions struct {
	// Inputs are files or directories; or Story names a stored story.
	Inputs []string
	Story  string
	DB     string
	// Glossary is a YAML file mapping terms across languages ("" for the
	// built-in terms only).
	Glossary string
	Format   string
	Quiet    bool
	// All shows clusters with one article too (json always has them).
	All       bool
	MaxBytes  int64
	MaxClaims int
	Lexicons  []string
	Registry  string
	Stdin     io.Reader
	Report    func(error)
	Debugf    func(format string, args ...any)
}

func newCompareCmd(g *globals) *cobra.Command {
	var opts compareOptions
	cmd := &cobra.Command{
		Use:   "compare FILE|DIR|- ... | --story KEY",
		Short: "Compare how outlets report one story, claim by claim",
		Long: `Set the articles of a story side by side: which article republishes which
(shared four-word shingles) and what the republisher changed in the claims,
then a matrix of claim clusters by outlet, each cell the attribution as that
outlet gives it (source, via, cue and stance) or "unattributed" when the
content stands there without attribution. Disagreements are marked:
source_differs, attribution_dropped, chain_shortened, stance_differs,
numbers_differ.

Claims of one language align by their content words; Arabic and English
claims by anchors: numbers, names the sources matcher relates across
scripts (Baghdad ~ بغداد), and terms of the built-in glossary, the sources
registry and --glossary FILE. Each alignment carries its score and evidence.

With files, articles are grouped by their story field when every article
has one, else stories are detected by similarity (with a confidence). With
--story KEY the story's latest versions are read from the store. Formats:
table (default), json (see README.md), md and html (one file).`,
		Example: `  claimtrail compare testdata/compare/qamar-dam
  claimtrail compare -f html --glossary terms.yaml a.txt b.txt c.json > story.html
  claimtrail compare --story qamar -f json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case opts.Story == "" && len(args) == 0:
				return usagef("compare needs FILE, DIR or - arguments, or --story KEY")
			case opts.Story != "" && len(args) > 0:
				return usagef("compare takes files or --story, not both")
			}
			opts.Inputs = args
			opts.DB = g.cfg.DB
			opts.Format = g.cfg.Format
			opts.Quiet = g.cfg.Quiet
			opts.MaxBytes = g.cfg.Limits.MaxArticleBytes
			opts.MaxClaims = g.cfg.Limits.MaxClaimsPerArticle
			opts.Lexicons = g.cfg.Lexicons
			opts.Registry = g.cfg.Registry
			opts.Stdin = g.stdin
			opts.Report = g.warn
			opts.Debugf = g.debugf
			return runCompare(cmd.Context(), opts, g.stdout)
		},
	}
	addDBFlag(cmd)
	fs := cmd.Flags()
	fs.StringVar(&opts.Story, "story", "", "compare the stored articles of story `KEY`")
	fs.StringVar(&opts.Glossary, "glossary", "", "YAML `FILE` of terms across languages (terms: [[English, عربي], ...])")
	fs.BoolVar(&opts.All, "all", false, "also show claims no other article reports")
	return cmd
}

// compareJSON is the JSON contract of compare, documented in README.md.
type compareJSON struct {
	Stories []compare.Story `json:"stories"`
}

func runCompare(ctx context.Context, opts compareOptions, w io.Writer) error {
	if err := checkFormat("compare", opts.Format, "table", "json", "md", "html"); err != nil {
		return err
	}
	var gl *compare.Glossary
	if opts.Glossary != "" {
		data, err := readBounded(opts.Glossary, compare.MaxGlossaryBytes)
		if err != nil {
			return fmt.Errorf("glossary: %w", err)
		}
		if gl, err = compare.ParseGlossary(data); err != nil {
			return fmt.Errorf("%s: %w", opts.Glossary, err)
		}
	}
	reg, err := sources.New(sources.Options{Registry: opts.Registry})
	if err != nil {
		return err
	}
	var docs []compare.Doc
	if opts.Story != "" {
		if docs, err = storedStory(ctx, opts); err != nil {
			return err
		}
	} else {
		x, err := claims.New(claims.Options{Lexicons: opts.Lexicons, MaxClaims: opts.MaxClaims})
		if err != nil {
			return fmt.Errorf("load lexicons: %w", err)
		}
		err = eachArticle(ctx, opts.Inputs, ingest.Options{MaxBytes: opts.MaxBytes, Stdin: opts.Stdin}, opts.Report,
			func(_ int, a *claimtrail.Article) error {
				text.Segment(a)
				cs := x.Extract(a)
				reg.Link(a, cs)
				docs = append(docs, compare.Doc{Article: a, Claims: cs})
				return nil
			})
		if err != nil && len(docs) == 0 {
			return err
		}
		if err != nil && opts.Report != nil {
			opts.Report(err)
		}
	}
	c := compare.New(compare.Options{
		SameSource: sameSource,
		Match:      sources.Match,
		Glossary:   gl,
		Terms:      registryTerms(reg.Sources()),
	})
	var stories []compare.Story
	if opts.Story != "" {
		stories = []compare.Story{c.CompareStory(opts.Story, docs)}
	} else {
		stories = c.Compare(docs)
	}
	if opts.Debugf != nil {
		for _, s := range stories {
			opts.Debugf("compare story %q: %d articles, %d claims, %d clusters, %d derived", s.Key, s.Stats.Articles, s.Stats.Claims, s.Stats.Clusters, s.Stats.Derived)
		}
	}
	v := &compareView{opts: opts, stories: stories}
	switch opts.Format {
	case "json":
		if stories == nil {
			stories = []compare.Story{}
		}
		return encodeJSON(w, "json", compareJSON{Stories: stories})
	case "md":
		return v.markdown(w)
	case "html":
		return v.html(w)
	}
	return v.table(w)
}

// storedStory loads the latest version of each stored article of a story
// with its claims.
func storedStory(ctx context.Context, opts compareOptions) ([]compare.Doc, error) {
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	as, err := st.Articles(ctx, claimtrail.ArticleFilter{Story: opts.Story})
	if err != nil {
		return nil, fmt.Errorf("list story: %w", err)
	}
	if len(as) == 0 {
		return nil, fmt.Errorf("story %q: %w\nList what is stored with: claimtrail articles", opts.Story, claimtrail.ErrNotFound)
	}
	var docs []compare.Doc
	for _, sa := range as {
		cs, err := st.Claims(ctx, claimtrail.ClaimFilter{Article: sa.VersionID})
		if err != nil {
			return nil, fmt.Errorf("load claims: %w", err)
		}
		full, err := st.Article(ctx, sa.VersionID)
		if err != nil {
			return nil, fmt.Errorf("load article: %w", err)
		}
		a := full.Article
		text.Segment(&a)
		var claims []claimtrail.Claim
		for _, c := range cs {
			claims = append(claims, c.Claim)
		}
		docs = append(docs, compare.Doc{Article: &a, Claims: claims})
	}
	return docs, nil
}

// registryTerms turns sources known in both scripts into glossary terms,
// so "Reuters" in one claim and "رويترز" in another are one anchor.
func registryTerms(srcs []claimtrail.Source) [][]string {
	var out [][]string
	for _, s := range srcs {
		if s.Anonymous {
			continue
		}
		forms := append([]string{s.Name}, s.Aliases...)
		var ar, latin bool
		for _, f := range forms {
			if text.DetectLang(f) == claimtrail.LangArabic {
				ar = true
			} else {
				latin = true
			}
		}
		if ar && latin {
			out = append(out, forms)
		}
	}
	return out
}

// readBounded reads a small file, refusing one over limit bytes.
func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w: more than %d bytes", path, claimtrail.ErrInvalidInput, limit)
	}
	return data, nil
}

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/capture"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/text"
)

type fetchOptions struct {
	URLs         []string
	DB, Format   string
	Quiet        bool
	MaxBytes     int64
	MaxClaims    int
	Lexicons     []string
	Registry     string
	Timeout      time.Duration
	MaxRedirects int
	IgnoreRobots bool
	Outlet       string
	Story        string
	// HostInterval spaces requests to one host; 0 is capture's default.
	HostInterval time.Duration
	// Transport replaces the HTTP transport in tests.
	Transport http.RoundTripper
	Now       func() time.Time
	Report    func(error)
}

func newFetchCmd(g *globals) *cobra.Command {
	var opts fetchOptions
	cmd := &cobra.Command{
		Use:   "fetch URL...",
		Short: "Fetch article pages once and store them as versions",
		Long: `Fetch each URL, extract the article from the page (main text, title, outlet,
dates, captions), extract and link its claims and store it (--db or the db
setting) as a version of the URL the redirects led to, captured now. A page
whose text is already stored is counted as unchanged.

Requests name the tool in their User-Agent, honour robots.txt (a page it
disallows is not fetched), follow at most --max-redirects redirects, give up
after --timeout and refuse a page larger than limits.max_article_bytes.`,
		Example: `  claimtrail fetch https://www.example.com/news/story.html
  claimtrail fetch --timeout 10s URL1 URL2`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.URLs, opts.DB, opts.Format, opts.Quiet = args, g.cfg.DB, g.cfg.Format, g.cfg.Quiet
			opts.MaxBytes, opts.MaxClaims, opts.Lexicons, opts.Registry = g.cfg.Limits.MaxArticleBytes, g.cfg.Limits.MaxClaimsPerArticle, g.cfg.Lexicons, g.cfg.Registry
			opts.Now, opts.Report = g.Now, g.warn
			return runFetch(cmd.Context(), opts, g.stdout)
		},
	}
	addDBFlag(cmd)
	addCaptureFlags(cmd, &opts.Timeout, &opts.MaxRedirects, &opts.IgnoreRobots)
	cmd.Flags().StringVar(&opts.Outlet, "outlet", "", "set the outlet of every article to `NAME`")
	cmd.Flags().StringVar(&opts.Story, "story", "", "set the story of every article to `NAME`")
	return cmd
}

func addCaptureFlags(cmd *cobra.Command, timeout *time.Duration, redirects *int, ignoreRobots *bool) {
	fs := cmd.Flags()
	fs.DurationVar(timeout, "timeout", capture.DefaultTimeout, "give up on a request after `DURATION`")
	fs.IntVar(redirects, "max-redirects", capture.DefaultMaxRedirects, "follow at most `N` redirects")
	fs.BoolVar(ignoreRobots, "ignore-robots", false, "do not read robots.txt (only for sites you run)")
}

// userAgent names the tool and its version to the servers it reads.
func userAgent() string {
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	return "claimtrail/" + v + " (+https://github.com/claimtrail/claimtrail)"
}

// fetchResult is one URL's outcome, and its JSON form.
type fetchResult struct {
	URL       string                `json:"url"`
	Status    claimtrail.SaveStatus `json:"status,omitempty"`
	VersionID string                `json:"version_id,omitempty"`
	Claims    int                   `json:"claims"`
	Error     string                `json:"error,omitempty"`
}

func runFetch(ctx context.Context, opts fetchOptions, w io.Writer) error {
	if err := checkFormat("fetch", opts.Format, "table", "json", "jsonl"); err != nil {
		return err
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	p, err := newCapturePipeline(ctx, opts.DB, opts.Lexicons, opts.Registry, opts.MaxClaims)
	if err != nil {
		return err
	}
	defer p.Close()
	f := capture.New(capture.Options{
		UserAgent: userAgent(), Timeout: opts.Timeout, MaxRedirects: opts.MaxRedirects, MaxBytes: opts.MaxBytes,
		IgnoreRobots: opts.IgnoreRobots, HostInterval: opts.HostInterval, Transport: opts.Transport, Now: opts.Now,
	})
	var results []fetchResult
	failed := 0
	for _, u := range opts.URLs {
		if err := ctx.Err(); err != nil {
			return err
		}
		res := fetchResult{URL: u}
		_, a, err := f.Article(ctx, u, capture.Conditional{})
		if err == nil {
			a.Outlet, a.Story = or(opts.Outlet, a.Outlet), or(opts.Story, a.Story)
			var saved claimtrail.Saved
			var cs []claimtrail.Claim
			saved, cs, err = p.save(ctx, a)
			res.Status, res.VersionID, res.Claims = saved.Status, saved.VersionID, len(cs)
		}
		if err != nil {
			failed++
			res.Error = err.Error()
			if opts.Report != nil {
				opts.Report(err)
			}
		}
		results = append(results, res)
	}
	if opts.Format != "table" {
		if err := encodeJSON(w, opts.Format, results); err != nil {
			return err
		}
	} else if !opts.Quiet {
		for _, r := range results {
			if r.Error != "" {
				fmt.Fprintf(w, "failed       %s\n", r.URL)
				continue
			}
			fmt.Fprintf(w, "%-12s %s (%d claims, %s)\n", r.Status, r.URL, r.Claims, r.VersionID)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d URLs could not be fetched or stored (see the messages above)", failed, len(opts.URLs))
	}
	return nil
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// capturePipeline segments, extracts, links and stores one captured
// article at a time, as ingest does for a batch.
type capturePipeline struct {
	x    *claims.Extractor
	link linkFunc
	st   claimtrail.Store
}

func newCapturePipeline(ctx context.Context, db string, lexicons []string, registry string, maxClaims int) (*capturePipeline, error) {
	x, err := claims.New(claims.Options{Lexicons: lexicons, MaxClaims: maxClaims})
	if err != nil {
		return nil, fmt.Errorf("load lexicons: %w", err)
	}
	link, err := newLinker(ingestOptions{Registry: registry})
	if err != nil {
		return nil, err
	}
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, err
	}
	return &capturePipeline{x: x, link: link, st: st}, nil
}

func (p *capturePipeline) Close() error { return p.st.Close() }

// save stores a as a version of its URL; the claims are returned for
// reporting.
func (p *capturePipeline) save(ctx context.Context, a *claimtrail.Article) (claimtrail.Saved, []claimtrail.Claim, error) {
	text.Segment(a)
	cs := p.x.Extract(a)
	srcs := p.link(a, cs)
	a.Paragraphs = nil
	out, err := p.st.Save(context.WithoutCancel(ctx), []claimtrail.Record{{Article: a, Claims: cs, Sources: srcs}})
	if err != nil {
		return claimtrail.Saved{}, nil, fmt.Errorf("store %s: %w", a.URL, err)
	}
	return out[0], cs, nil
}

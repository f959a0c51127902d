package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/capture"
	"github.com/claimtrail/claimtrail/diff"
)

type watchOptions struct {
	Feeds, Articles []string
	DB              string
	MaxBytes        int64
	MaxClaims       int
	Lexicons        []string
	Registry        string
	FeedEvery       time.Duration
	Schedule        capture.Schedule
	HostInterval    time.Duration
	Timeout         time.Duration
	MaxRedirects    int
	IgnoreRobots    bool
	Transport       http.RoundTripper
	Now             func() time.Time
	Debugf          func(format string, args ...any)
}

func newWatchCmd(g *globals) *cobra.Command {
	var opts watchOptions
	var schedule string
	cmd := &cobra.Command{
		Use:   "watch [--feed URL]... [URL]...",
		Short: "Poll feeds and articles and store each new version as it appears",
		Long: `Poll RSS, Atom or JSON feeds (--feed) for the articles they list, and check
those articles, and the article URLs given, again and again: often while an
article is new or changing, less often as it ages (--schedule). A new version
is stored only when the extracted text changes in its letters or digits; a
change of white space or punctuation alone is logged as cosmetic and not
stored. Each new version is logged with its claim changes against the
previous one.

Requests are conditional (ETag, Last-Modified), spaced per host
(--host-interval), bounded in time and size, and honour robots.txt. An
article that answers 404 or 410 is logged as gone once and left alone; other
failures are logged and tried again on schedule. Ctrl-C (or SIGTERM) stops
the watch cleanly between requests.

The schedule is AGE=EVERY steps: "0=5m,1h=30m,24h=3h,168h=stop" checks every
5 minutes in the first hour after the article was first seen or last
changed, every 30 minutes up to a day, every 3 hours up to a week, then
stops.`,
		Example: `  claimtrail watch --feed https://www.example.com/rss.xml
  claimtrail watch --schedule 0=1m,10m=5m,2h=stop https://www.example.com/news/story.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(opts.Feeds) == 0 && len(args) == 0 {
				return usagef("watch needs a --feed or an article URL")
			}
			s, err := capture.ParseSchedule(schedule)
			if err != nil {
				return usagef("--schedule: %v", err)
			}
			opts.Schedule, opts.Articles = s, args
			opts.DB, opts.MaxBytes, opts.MaxClaims, opts.Lexicons, opts.Registry = g.cfg.DB, g.cfg.Limits.MaxArticleBytes, g.cfg.Limits.MaxClaimsPerArticle, g.cfg.Lexicons, g.cfg.Registry
			opts.Now, opts.Debugf = g.Now, g.debugf
			return runWatch(cmd.Context(), opts, g.stdout)
		},
	}
	addDBFlag(cmd)
	addCaptureFlags(cmd, &opts.Timeout, &opts.MaxRedirects, &opts.IgnoreRobots)
	fs := cmd.Flags()
	fs.StringArrayVar(&opts.Feeds, "feed", nil, "poll the feed at `URL` (repeatable)")
	fs.DurationVar(&opts.FeedEvery, "feed-every", 5*time.Minute, "poll feeds every `DURATION`")
	fs.StringVar(&schedule, "schedule", "0=5m,1h=30m,24h=3h,168h=stop", "re-check articles on this `SCHEDULE` of AGE=EVERY steps")
	fs.DurationVar(&opts.HostInterval, "host-interval", capture.DefaultHostInterval, "wait at least `DURATION` between requests to one host")
	return cmd
}

func runWatch(ctx context.Context, opts watchOptions, w io.Writer) error {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	p, err := newCapturePipeline(ctx, opts.DB, opts.Lexicons, opts.Registry, opts.MaxClaims)
	if err != nil {
		return err
	}
	defer p.Close()
	if opts.HostInterval == 0 {
		opts.HostInterval = -1 // --host-interval 0s: no spacing (capture's zero is its default)
	}
	f := capture.New(capture.Options{
		UserAgent: userAgent(), Timeout: opts.Timeout, MaxRedirects: opts.MaxRedirects, MaxBytes: opts.MaxBytes,
		IgnoreRobots: opts.IgnoreRobots, HostInterval: opts.HostInterval, Transport: opts.Transport, Now: opts.Now,
	})
	var mu sync.Mutex
	logf := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(w, format+"\n", args...)
	}
	differ := diff.New(diff.Options{})
	watcher := capture.NewWatcher(f, capture.WatchOptions{
		Feeds: opts.Feeds, Articles: opts.Articles, FeedEvery: opts.FeedEvery, Schedule: opts.Schedule, Now: opts.Now,
		Store: func(ctx context.Context, a *claimtrail.Article) (string, error) {
			return storeWatched(ctx, p, differ, a)
		},
		Log: func(e capture.Event) {
			at := e.At.UTC().Format(time.RFC3339)
			switch e.Kind {
			case capture.EventNew, capture.EventVersion, capture.EventFeedTruncated:
				logf("%s %-11s %s: %s", at, e.Kind, e.URL, e.Note)
			case capture.EventGone, capture.EventError, capture.EventFeedError:
				logf("%s %-11s %s: %v", at, e.Kind, e.URL, e.Err)
			default:
				if opts.Debugf != nil {
					opts.Debugf("watch %s %s", e.Kind, e.URL)
				}
			}
		},
	})
	logf("%s watching %d feeds and %d articles; Ctrl-C stops", opts.Now().UTC().Format(time.RFC3339), len(opts.Feeds), len(opts.Articles))
	err = watcher.Run(ctx)
	logf("%s stopped", opts.Now().UTC().Format(time.RFC3339))
	return err
}

// storeWatched stores a captured article and describes what changed: the
// claim changes against the version stored before it.
func storeWatched(ctx context.Context, p *capturePipeline, differ *diff.Differ, a *claimtrail.Article) (string, error) {
	prev, perr := p.st.Article(ctx, claimtrail.VersionKey(a))
	if perr != nil && !errors.Is(perr, claimtrail.ErrNotFound) {
		return "", fmt.Errorf("read the stored version: %w", perr)
	}
	// The watcher compares fingerprints within a run; against the store
	// the first capture of a run is compared here, so a restart does not
	// store a re-rendered page as an edit.
	if prev != nil && prev.Article.Hash != a.Hash && capture.Fingerprint(prev.Article.Text) == capture.Fingerprint(a.Text) {
		return fmt.Sprintf("only white space or punctuation differs from stored version %d; not stored", prev.Version.Number), nil
	}
	saved, cs, err := p.save(ctx, a)
	if err != nil {
		return "", err
	}
	switch saved.Status {
	case claimtrail.Unchanged:
		return fmt.Sprintf("already stored as version %d", saved.Version.Number), nil
	case claimtrail.Added:
		return fmt.Sprintf("version 1, %d claims", len(cs)), nil
	}
	if prev == nil {
		return fmt.Sprintf("version %d, %d claims", saved.Version.Number, len(cs)), nil
	}
	res := differ.Diff(&prev.Article, a, prev.Claims, cs)
	var added, removed, changed int
	var lines []string
	for _, c := range res.Claims {
		if !c.Notable() {
			continue
		}
		switch c.Change {
		case claimtrail.StatusAdded:
			added++
			lines = append(lines, "    + "+claimLine(c.New))
		case claimtrail.StatusRemoved:
			removed++
			lines = append(lines, "    - "+claimLine(c.Old))
		case claimtrail.StatusChanged:
			changed++
			kinds := make([]string, len(c.Kinds))
			for i, k := range c.Kinds {
				kinds[i] = string(k)
			}
			lines = append(lines, fmt.Sprintf("    ~ %s\n      → %s [%s]", claimLine(c.Old), claimLine(c.New), strings.Join(kinds, ", ")))
		}
	}
	head := fmt.Sprintf("version %d, %d claims (%d added, %d removed, %d changed)", saved.Version.Number, len(cs), added, removed, changed)
	if len(lines) == 0 {
		return head, nil
	}
	return head + "\n" + strings.Join(lines, "\n"), nil
}

func claimLine(c *claimtrail.Claim) string {
	if c == nil {
		return ""
	}
	src := c.Source.Name
	if src == "" {
		src = c.Source.Mention
	}
	return fmt.Sprintf("%s %s: %s", src, c.Cue.Text, c.Content.Text)
}

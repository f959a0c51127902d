package capture

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
)

// Defaults for Options' zero values.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "claimtrail/dev (+https://github.com/claimtrail/claimtrail)"
	// DefaultHostInterval spaces requests to one host.
	DefaultHostInterval = time.Second
)

// Errors a fetch returns, wrapped with the URL.
var (
	// ErrRobots: robots.txt disallows the URL for this tool.
	ErrRobots = errors.New("disallowed by robots.txt")
	// ErrTooLarge: the response is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrTooManyRedirects: more than Options.MaxRedirects redirects.
	ErrTooManyRedirects = errors.New("too many redirects")
)

// StatusError is a response whose status is not 200 or 304.
type StatusError struct {
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("HTTP status %d %s", e.Code, http.StatusText(e.Code))
}

// Gone reports a page that no longer exists (404 or 410): the article was
// taken down, which a watcher records once rather than retries.
func (e *StatusError) Gone() bool {
	return e.Code == http.StatusNotFound || e.Code == http.StatusGone
}

// Options configure a Fetcher. The zero value is usable.
type Options struct {
	// UserAgent names the tool to the servers; "" is DefaultUserAgent.
	UserAgent string
	// Timeout bounds each request, reading the body included.
	Timeout time.Duration
	// MaxRedirects is how many redirects a request follows.
	MaxRedirects int
	// MaxBytes is the largest response body read; 0 is
	// ingest.DefaultMaxBytes.
	MaxBytes int64
	// IgnoreRobots skips robots.txt. It is for tests and for sites the
	// user owns.
	IgnoreRobots bool
	// HostInterval is the least time between two requests to one host; 0
	// is DefaultHostInterval, a negative value no limit.
	HostInterval time.Duration
	// Transport is the HTTP transport; nil is http.DefaultTransport.
	Transport http.RoundTripper
	// Now is the clock; nil is time.Now.
	Now func() time.Time
}

// Fetcher fetches pages. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client

	mu     sync.Mutex
	robots map[string]*robots
	next   map[string]time.Time // when each host may be asked again
}

// New returns a Fetcher.
func New(opts Options) *Fetcher {
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = ingest.DefaultMaxBytes
	}
	if opts.HostInterval == 0 {
		opts.HostInterval = DefaultHostInterval
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	f := &Fetcher{opts: opts, robots: map[string]*robots{}, next: map[string]time.Time{}}
	f.client = &http.Client{
		Transport: opts.Transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opts.MaxRedirects {
				return ErrTooManyRedirects
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %s URL", req.URL.Scheme)
			}
			if !f.opts.IgnoreRobots {
				if err := f.checkRobots(req.Context(), req.URL); err != nil {
					return err
				}
			}
			return f.wait(req.Context(), req.URL.Host)
		},
	}
	return f
}

// Conditional carries the validators of an earlier response, for a
// conditional GET.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is a fetched page.
type Response struct {
	// URL is the URL asked for, FinalURL where the redirects led.
	URL, FinalURL string
	Status        int
	// NotModified: the server answered 304 to a conditional request; Body
	// is empty.
	NotModified  bool
	ContentType  string
	ETag         string
	LastModified string
	Body         []byte
	Fetched      time.Time
}

// Get fetches rawURL. It returns a *StatusError for a status other than
// 200 and 304, ErrRobots, ErrTooLarge, ErrTooManyRedirects, or the
// transport's error (a timeout among them), each wrapped with the URL.
func (f *Fetcher) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	resp, err := f.get(ctx, rawURL, cond)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	return resp, nil
}

func (f *Fetcher) get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: not an http or https URL", claimtrail.ErrInvalidInput)
	}
	if !f.opts.IgnoreRobots {
		if err := f.checkRobots(ctx, u); err != nil {
			return nil, err
		}
	}
	if err := f.wait(ctx, u.Host); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,*/*;q=0.5")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	res, err := f.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("no answer within %s (timeout)", f.opts.Timeout)
		}
		return nil, err
	}
	defer res.Body.Close()
	out := &Response{
		URL: rawURL, FinalURL: res.Request.URL.String(), Status: res.StatusCode,
		ContentType: res.Header.Get("Content-Type"), ETag: res.Header.Get("ETag"),
		LastModified: res.Header.Get("Last-Modified"), Fetched: f.opts.Now(),
	}
	switch res.StatusCode {
	case http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case http.StatusOK:
	default:
		io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
		return out, &StatusError{Code: res.StatusCode}
	}
	if res.ContentLength > f.opts.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, over the limit of %d (limits.max_article_bytes)", ErrTooLarge, res.ContentLength, f.opts.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, f.opts.MaxBytes+1))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("body not read within %s (timeout)", f.opts.Timeout)
		}
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return nil, fmt.Errorf("%w: over the limit of %d bytes (limits.max_article_bytes); the rest was not read", ErrTooLarge, f.opts.MaxBytes)
	}
	out.Body = body
	return out, nil
}

// Article fetches an article page and extracts it. The article's URL is
// where the redirects led, so that captures of one story share a key.
func (f *Fetcher) Article(ctx context.Context, rawURL string, cond Conditional) (*Response, *claimtrail.Article, error) {
	resp, err := f.Get(ctx, rawURL, cond)
	if err != nil || resp.NotModified {
		return resp, nil, err
	}
	a, err := ingest.ParseHTML(resp.Body, ingest.HTMLOptions{
		URL: resp.FinalURL, KeepURL: true, ContentType: resp.ContentType,
		Captured: resp.Fetched.UTC().Truncate(time.Second), Path: rawURL,
	})
	if err != nil {
		return resp, nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	return resp, &a, nil
}

// wait holds a request to host until the host's interval has passed.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	if f.opts.HostInterval < 0 {
		return nil
	}
	f.mu.Lock()
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(f.opts.HostInterval)
	f.mu.Unlock()
	d := at.Sub(now)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// checkRobots fetches the host's robots.txt once and checks u against it.
// A robots.txt that is missing (4xx) allows everything; one that cannot be
// read (5xx, no answer) forbids everything for now, as RFC 9309 asks.
func (f *Fetcher) checkRobots(ctx context.Context, u *url.URL) error {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	r, ok := f.robots[key]
	f.mu.Unlock()
	if !ok {
		var err error
		r, err = f.fetchRobots(ctx, key)
		if err != nil {
			return fmt.Errorf("%w: robots.txt could not be read (%v); try again later", ErrRobots, err)
		}
		f.mu.Lock()
		f.robots[key] = r
		f.mu.Unlock()
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !r.allowed(path) {
		return ErrRobots
	}
	return nil
}

func (f *Fetcher) fetchRobots(ctx context.Context, origin string) (*robots, error) {
	if err := f.wait(ctx, strings.TrimPrefix(strings.TrimPrefix(origin, "https://"), "http://")); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, origin+"/robots.txt", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	// robots.txt redirects are followed by the client without a robots
	// check of their own.
	client := &http.Client{Transport: f.opts.Transport, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) > 5 {
			return ErrTooManyRedirects
		}
		return nil
	}}
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	switch {
	case res.StatusCode >= 400 && res.StatusCode < 500:
		return &robots{}, nil
	case res.StatusCode != http.StatusOK:
		return nil, &StatusError{Code: res.StatusCode}
	}
	data, err := io.ReadAll(io.LimitReader(res.Body, robotsMaxBytes))
	if err != nil {
		return nil, err
	}
	return parseRobots(data, agentToken(f.opts.UserAgent)), nil
}

// agentToken is the product token of a User-Agent ("claimtrail/1.0 (...)"
// gives "claimtrail"), which robots.txt groups name.
func agentToken(ua string) string {
	t, _, _ := strings.Cut(ua, "/")
	t, _, _ = strings.Cut(t, " ")
	return strings.ToLower(t)
}

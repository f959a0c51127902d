package capture

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/mmcdole/gofeed"

	"github.com/claimtrail/claimtrail"
)

// Step is one stage of a re-check schedule: from Age on, an article is
// checked every Every; an Every of zero stops checking it.
type Step struct {
	Age   time.Duration
	Every time.Duration
}

// Schedule says how often an article is checked again as it ages. The age
// counts from when the article was first seen or last changed, whichever
// is later, so an article that keeps changing stays on the first step.
type Schedule []Step

// DefaultSchedule checks every 5 minutes for the first hour, every 30
// minutes up to a day, every 3 hours up to a week, then stops.
var DefaultSchedule = Schedule{
	{0, 5 * time.Minute}, {time.Hour, 30 * time.Minute}, {24 * time.Hour, 3 * time.Hour}, {7 * 24 * time.Hour, 0},
}

// ParseSchedule reads a schedule written as AGE=EVERY pairs separated by
// commas, ages increasing, "stop" for no more checks:
// "0=5m,1h=30m,24h=3h,168h=stop".
func ParseSchedule(s string) (Schedule, error) {
	var out Schedule
	for part := range strings.SplitSeq(s, ",") {
		age, every, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return nil, fmt.Errorf("%w: schedule step %q is not AGE=EVERY (e.g. 1h=30m)", claimtrail.ErrInvalidInput, part)
		}
		var st Step
		var err error
		if age = strings.TrimSpace(age); age != "0" {
			if st.Age, err = time.ParseDuration(age); err != nil {
				return nil, fmt.Errorf("%w: schedule age %q: %v", claimtrail.ErrInvalidInput, age, err)
			}
		}
		if every = strings.TrimSpace(every); every != "stop" {
			if st.Every, err = time.ParseDuration(every); err != nil || st.Every <= 0 {
				return nil, fmt.Errorf("%w: schedule interval %q must be a positive duration or stop", claimtrail.ErrInvalidInput, every)
			}
		}
		if len(out) > 0 && st.Age <= out[len(out)-1].Age {
			return nil, fmt.Errorf("%w: schedule ages must increase (%s after %s)", claimtrail.ErrInvalidInput, st.Age, out[len(out)-1].Age)
		}
		out = append(out, st)
	}
	if len(out) == 0 || out[0].Age != 0 {
		return nil, fmt.Errorf("%w: a schedule starts at age 0", claimtrail.ErrInvalidInput)
	}
	return out, nil
}

// Interval is how long after a check at the given age the next one comes;
// zero means no more checks.
func (s Schedule) Interval(age time.Duration) time.Duration {
	every := time.Duration(0)
	for _, st := range s {
		if age >= st.Age {
			every = st.Every
		}
	}
	return every
}

// Fingerprint is what a new version must change: the letters and digits
// of the text, lower-cased. White space and punctuation alone are no edit
// (a re-rendered page, a curly quote); a changed digit always is.
func Fingerprint(text string) string {
	var b strings.Builder
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			b.WriteRune(unicode.ToLower(r))
		} else if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
	}
	return claimtrail.ContentHash(b.String())
}

// EventKind says what a watch event reports.
type EventKind string

// Event kinds.
const (
	EventNew       EventKind = "new"         // an article's first capture
	EventVersion   EventKind = "new_version" // its text changed
	EventCosmetic  EventKind = "cosmetic"    // only white space or punctuation changed; not stored
	EventGone      EventKind = "gone"        // 404 or 410: taken down; no more checks
	EventError     EventKind = "error"       // a check failed; tried again on schedule
	EventListed    EventKind = "listed"      // a feed lists the article
	EventUnlisted  EventKind = "unlisted"    // a feed no longer lists it; still checked
	EventFeedError EventKind = "feed_error"
	EventDone      EventKind = "done" // the schedule has ended for the article
	// EventFeedTruncated: a feed listed more than MaxFeedItems items; the
	// rest were not read. Note says how many.
	EventFeedTruncated EventKind = "feed_truncated"
)

// Event is one thing a Watcher saw.
type Event struct {
	Kind EventKind
	URL  string
	At   time.Time
	Err  error
	// Note is what Options.Store returned for a stored version.
	Note string
}

// WatchOptions configure a Watcher.
type WatchOptions struct {
	// Feeds are RSS, Atom or JSON Feed URLs; Articles are article URLs
	// watched without a feed.
	Feeds, Articles []string
	// FeedEvery is how often feeds are polled; 0 is 5 minutes.
	FeedEvery time.Duration
	// Schedule is the re-check schedule; nil is DefaultSchedule.
	Schedule Schedule
	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// Store keeps a captured article whose fingerprint changed (or its
	// first capture); the note it returns goes into the event.
	Store func(ctx context.Context, a *claimtrail.Article) (note string, err error)
	// Log receives every event.
	Log func(Event)
	// MaxFeedItems bounds the items read from one feed; 0 is 200.
	MaxFeedItems int
}

// watched is what the Watcher knows of one article.
type watched struct {
	url         string
	fp, hash    string
	etag, lmod  string
	first, last time.Time // first seen, last change
	next        time.Time
	gone, done  bool
	listed      bool
}

type feedState struct {
	etag, lmod string
	next       time.Time
}

// Watcher polls feeds and the articles they list. Its state is in memory;
// the store decides what is already kept, so a restarted watcher stores
// nothing twice.
type Watcher struct {
	f     *Fetcher
	opts  WatchOptions
	arts  map[string]*watched
	order []string
	feeds map[string]*feedState
}

// NewWatcher returns a Watcher that fetches with f.
func NewWatcher(f *Fetcher, opts WatchOptions) *Watcher {
	if opts.FeedEvery <= 0 {
		opts.FeedEvery = 5 * time.Minute
	}
	if opts.Schedule == nil {
		opts.Schedule = DefaultSchedule
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.MaxFeedItems <= 0 {
		opts.MaxFeedItems = 200
	}
	if opts.Log == nil {
		opts.Log = func(Event) {}
	}
	w := &Watcher{f: f, opts: opts, arts: map[string]*watched{}, feeds: map[string]*feedState{}}
	now := opts.Now()
	for _, u := range opts.Feeds {
		w.feeds[u] = &feedState{next: now}
	}
	for _, u := range opts.Articles {
		w.add(u, now, false)
	}
	return w
}

func (w *Watcher) add(u string, now time.Time, listed bool) *watched {
	if a, ok := w.arts[u]; ok {
		return a
	}
	a := &watched{url: u, first: now, last: now, next: now, listed: listed}
	w.arts[u] = a
	w.order = append(w.order, u)
	return a
}

// Run polls until ctx is done, then returns nil: a signal is the normal
// way to stop a watch. Between rounds it sleeps until the next check is
// due.
func (w *Watcher) Run(ctx context.Context) error {
	for {
		next := w.Tick(ctx)
		if ctx.Err() != nil {
			return nil
		}
		d := next.Sub(w.opts.Now())
		if next.IsZero() {
			d = w.opts.FeedEvery
		}
		d = max(d, 50*time.Millisecond)
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// Tick does what is due at Now: polls the feeds due and checks the
// articles due. It returns when the next thing is due (zero if nothing
// is left to check and there are no feeds).
func (w *Watcher) Tick(ctx context.Context) time.Time {
	now := w.opts.Now()
	for _, u := range w.opts.Feeds {
		if ctx.Err() != nil {
			return time.Time{}
		}
		if fs := w.feeds[u]; !fs.next.After(now) {
			w.pollFeed(ctx, u, fs, now)
			fs.next = now.Add(w.opts.FeedEvery)
		}
	}
	for _, u := range w.order {
		if ctx.Err() != nil {
			return time.Time{}
		}
		a := w.arts[u]
		if !a.gone && !a.done && !a.next.After(now) {
			w.check(ctx, a)
		}
	}
	var next time.Time
	for _, fs := range w.feeds {
		if next.IsZero() || fs.next.Before(next) {
			next = fs.next
		}
	}
	for _, a := range w.arts {
		if !a.gone && !a.done && (next.IsZero() || a.next.Before(next)) {
			next = a.next
		}
	}
	return next
}

func (w *Watcher) log(e Event) {
	if e.At.IsZero() {
		e.At = w.opts.Now()
	}
	w.opts.Log(e)
}

func (w *Watcher) pollFeed(ctx context.Context, u string, fs *feedState, now time.Time) {
	resp, err := w.f.Get(ctx, u, Conditional{ETag: fs.etag, LastModified: fs.lmod})
	if err != nil {
		w.log(Event{Kind: EventFeedError, URL: u, Err: err})
		return
	}
	if resp.NotModified {
		return
	}
	fs.etag, fs.lmod = resp.ETag, resp.LastModified
	feed, err := parseFeed(resp.Body)
	if err != nil {
		w.log(Event{Kind: EventFeedError, URL: u, Err: fmt.Errorf("parse feed %s: %w", u, err)})
		return
	}
	base, _ := url.Parse(resp.FinalURL)
	listed := map[string]bool{}
	for i, it := range feed.Items {
		if i >= w.opts.MaxFeedItems {
			break
		}
		link := it.Link
		if link == "" && strings.HasPrefix(it.GUID, "http") {
			link = it.GUID
		}
		ref, err := url.Parse(strings.TrimSpace(link))
		if link == "" || err != nil {
			continue
		}
		abs := base.ResolveReference(ref)
		if abs.Scheme != "http" && abs.Scheme != "https" {
			continue
		}
		abs.Fragment = ""
		s := abs.String()
		listed[s] = true
		a, known := w.arts[s]
		if !known {
			w.add(s, now, true)
			w.log(Event{Kind: EventListed, URL: s})
		} else if !a.listed {
			a.listed = true
			w.log(Event{Kind: EventListed, URL: s})
		}
	}
	if n := len(feed.Items); n > w.opts.MaxFeedItems {
		// A feed of thousands of items is a site's whole archive or a
		// hostile one: watching all of them would flood the schedule.
		w.log(Event{Kind: EventFeedTruncated, URL: u,
			Note: fmt.Sprintf("the feed lists %d items; only the first %d were read", n, w.opts.MaxFeedItems)})
	}
	for _, s := range w.order {
		if a := w.arts[s]; a.listed && !listed[s] {
			a.listed = false
			w.log(Event{Kind: EventUnlisted, URL: s})
		}
	}
}

// parseFeed reads RSS, Atom or JSON Feed, and never panics on a broken
// one.
func parseFeed(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("%w: unreadable feed: %v", claimtrail.ErrInvalidInput, p)
		}
	}()
	feed, err = gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", claimtrail.ErrInvalidInput, err)
	}
	return feed, nil
}

func (w *Watcher) check(ctx context.Context, a *watched) {
	now := w.opts.Now()
	resp, art, err := w.f.Article(ctx, a.url, Conditional{ETag: a.etag, LastModified: a.lmod})
	defer w.schedule(a, now)
	var se *StatusError
	switch {
	case errors.As(err, &se) && se.Gone():
		a.gone = true
		w.log(Event{Kind: EventGone, URL: a.url, Err: err})
		return
	case err != nil:
		if ctx.Err() == nil {
			w.log(Event{Kind: EventError, URL: a.url, Err: err})
		}
		return
	case resp.NotModified:
		return
	}
	a.etag, a.lmod = resp.ETag, resp.LastModified
	// The article keeps the URL it is watched under, so every capture is
	// a version of one key even if the site moves it.
	art.URL = a.url
	fp := Fingerprint(art.Text)
	if fp == a.fp {
		if art.Hash != a.hash {
			a.hash = art.Hash
			w.log(Event{Kind: EventCosmetic, URL: a.url})
		}
		return
	}
	kind := EventVersion
	if a.fp == "" {
		kind = EventNew
	}
	if w.opts.Store != nil {
		note, err := w.opts.Store(ctx, art)
		if err != nil {
			w.log(Event{Kind: EventError, URL: a.url, Err: err})
			return
		}
		if kind == EventVersion {
			a.last = now
		}
		a.fp, a.hash = fp, art.Hash
		w.log(Event{Kind: kind, URL: a.url, Note: note})
		return
	}
	a.fp, a.hash = fp, art.Hash
}

func (w *Watcher) schedule(a *watched, now time.Time) {
	if a.gone {
		return
	}
	every := w.opts.Schedule.Interval(now.Sub(a.last))
	if every <= 0 {
		a.done = true
		w.log(Event{Kind: EventDone, URL: a.url})
		return
	}
	a.next = now.Add(every)
}

// Articles lists the watched URLs in the order they were found.
func (w *Watcher) Articles() []string { return slices.Clone(w.order) }

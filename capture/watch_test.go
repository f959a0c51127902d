package capture

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

// site is a news site whose state the test changes between polls.
type site struct {
	mu       sync.Mutex
	listed   []string          // paths the feed lists
	articles map[string]string // path -> body paragraphs
	hits     map[string]int
}

func (s *site) set(f func()) { s.mu.Lock(); f(); s.mu.Unlock() }

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[r.URL.Path]++
	switch r.URL.Path {
	case "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /private\n")
		return
	case "/feed.xml":
		var items strings.Builder
		for _, p := range s.listed {
			fmt.Fprintf(&items, "<item><title>%s</title><link>%s</link></item>", p, p)
		}
		etag := fmt.Sprintf(`"%x"`, claimtrail.ContentHash(items.String())[:8])
		if r.Header.Get("If-None-Match") == etag {
			s.hits["304 feed"]++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Demo</title><link>/</link>%s</channel></rss>`, items.String())
		return
	case "/moved":
		http.Redirect(w, r, "/a3", http.StatusMovedPermanently)
		return
	case "/slow":
		s.mu.Unlock()
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
		s.mu.Lock()
		return
	case "/huge":
		w.Header().Set("Content-Type", "text/html")
		for range 200 {
			fmt.Fprint(w, "<p>"+strings.Repeat("word ", 200)+"</p>")
		}
		return
	}
	body, ok := s.articles[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	etag := `"` + claimtrail.ContentHash(body)[:8] + `"`
	if r.Header.Get("If-None-Match") == etag {
		s.hits["304 article"]++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>%s</title><meta property="og:site_name" content="Demo"></head><body><nav><a href="/">Home</a></nav><article><h1>Story %s</h1>`, r.URL.Path, r.URL.Path)
	for _, p := range strings.Split(body, "\n") {
		fmt.Fprintf(w, "<p>%s</p>", p)
	}
	fmt.Fprint(w, `</article></body></html>`)
}

const story = "The minister said on Monday that the talks would resume next week in Geneva.\nOfficials said 12 people were hurt in the protest outside the ministry building."

func TestWatch(t *testing.T) {
	s := &site{listed: []string{"/a1", "/a2"}, articles: map[string]string{"/a1": story, "/a2": story + "\nA second story.", "/a3": story + "\nA third story."}, hits: map[string]int{}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	now := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	var stored []string
	var events []string
	f := New(Options{HostInterval: -1, Timeout: 300 * time.Millisecond, MaxBytes: 64 << 10, Now: clock})
	w := NewWatcher(f, WatchOptions{
		Feeds: []string{srv.URL + "/feed.xml"}, Articles: []string{srv.URL + "/slow", srv.URL + "/huge"},
		FeedEvery: time.Minute,
		Schedule:  Schedule{{0, 2 * time.Minute}, {10 * time.Minute, 10 * time.Minute}, {time.Hour, 0}},
		Now:       clock,
		Store: func(ctx context.Context, a *claimtrail.Article) (string, error) {
			stored = append(stored, strings.TrimPrefix(a.URL, srv.URL)+" "+a.Captured.Format("15:04"))
			return "ok", nil
		},
		Log: func(e Event) {
			events = append(events, fmt.Sprintf("%s %s %s", e.At.Format("15:04"), e.Kind, strings.TrimPrefix(e.URL, srv.URL)))
		},
	})
	ctx := context.Background()
	advance := func(d time.Duration) { now = now.Add(d); w.Tick(ctx) }

	w.Tick(ctx) // 10:00: feed lists a1, a2; all four checked
	s.set(func() { s.articles["/a1"] = strings.Replace(story, "12 people", "13 people", 1) })
	advance(time.Minute) // 10:01: feed unchanged (304); nothing due
	advance(time.Minute) // 10:02: a1 edited (a digit): new version; a2 unchanged (304)
	s.set(func() { s.articles["/a1"] = strings.Replace(s.articles["/a1"], "Geneva.", "Geneva !", 1) })
	advance(2 * time.Minute) // 10:04: a1 only punctuation: not stored
	s.set(func() {
		delete(s.articles, "/a2")
		s.listed = []string{"/a1", "/moved"}
	})
	advance(2 * time.Minute) // 10:06: feed: a2 gone from it, /moved listed; a2 404
	advance(2 * time.Minute) // 10:08
	advance(2 * time.Minute) // 10:10
	got := strings.Join(events, "\n")
	for _, want := range []string{
		"10:00 listed /a1", "10:00 listed /a2", "10:00 new /a1", "10:00 new /a2",
		"10:00 error /slow", "10:00 error /huge",
		"10:02 new_version /a1", "10:04 cosmetic /a1",
		"10:06 unlisted /a2", "10:06 listed /moved", "10:06 gone /a2", "10:06 new /moved",
	} {
		if !strings.Contains(got, want+"\n") && !strings.HasSuffix(got, want) {
			t.Errorf("no event %q in\n%s", want, got)
		}
	}
	if strings.Count(got, "gone /a2") != 1 {
		t.Errorf("a deleted article is reported once, then left alone:\n%s", got)
	}
	if want := "/a1 10:00,/a2 10:00,/a1 10:02,/moved 10:06"; strings.Join(stored, ",") != want {
		t.Errorf("stored %q, want %q", strings.Join(stored, ","), want)
	}
	// The slow and huge pages fail each time they are due, no more.
	if n := strings.Count(got, "error /slow"); n < 2 || n > 6 {
		t.Errorf("/slow checked %d times in 10 minutes on a 2-minute schedule", n)
	}
	if !strings.Contains(got, "timeout") && !strings.Contains(fmt.Sprint(events), "error /slow") {
		t.Errorf("no timeout")
	}
	s.mu.Lock()
	if s.hits["/a2"] != 4 { // 10:00, 10:02, 10:04, 10:06 (404)
		t.Errorf("/a2 fetched %d times, want 4", s.hits["/a2"])
	}
	// Unchanged feeds and articles cost a 304: a2 at 10:02 and 10:04, the
	// feed at 10:01 through 10:05.
	if s.hits["304 article"] < 2 || s.hits["304 feed"] < 4 {
		t.Errorf("304s: %d for articles, %d for the feed", s.hits["304 article"], s.hits["304 feed"])
	}
	s.mu.Unlock()

	// The schedule backs off: a1 last changed at 10:02 is checked every
	// 2 minutes until 10:12, then every 10, and not at all after 11:02.
	before := s.hits["/a1"]
	for range 30 {
		advance(2 * time.Minute)
	}
	after := s.hits["/a1"]
	if n := after - before; n < 5 || n > 12 {
		t.Errorf("a1 checked %d times in the next hour, want a backed-off few", n)
	}
	if !strings.Contains(strings.Join(events, "\n"), "done /a1") {
		t.Errorf("a1's schedule did not end")
	}
}

func TestWatchErrorsCarryCause(t *testing.T) {
	s := &site{articles: map[string]string{}, hits: map[string]int{}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	var errs []string
	f := New(Options{HostInterval: -1, Timeout: 200 * time.Millisecond, MaxBytes: 8 << 10})
	w := NewWatcher(f, WatchOptions{Articles: []string{srv.URL + "/slow", srv.URL + "/huge", srv.URL + "/private/x"},
		Log: func(e Event) {
			if e.Err != nil {
				errs = append(errs, e.Err.Error())
			}
		}})
	w.Tick(context.Background())
	got := strings.Join(errs, "\n")
	for _, want := range []string{"timeout", "response too large", "disallowed by robots.txt"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint("قال الوزير إن 12 شخصا أصيبوا.")
	if Fingerprint("قال  الوزير إن 12 شخصا أصيبوا!") != a {
		t.Error("white space and punctuation changed the fingerprint")
	}
	if Fingerprint("قال الوزير إن 13 شخصا أصيبوا.") == a {
		t.Error("a digit did not change the fingerprint")
	}
}

func TestParseSchedule(t *testing.T) {
	s, err := ParseSchedule("0=5m, 1h=30m,24h=stop")
	if err != nil || len(s) != 3 || s.Interval(2*time.Hour) != 30*time.Minute || s.Interval(25*time.Hour) != 0 || s.Interval(0) != 5*time.Minute {
		t.Errorf("%v %v", s, err)
	}
	for _, bad := range []string{"", "1h=5m", "0=5m,0=6m", "0=x", "0=0s", "0"} {
		if _, err := ParseSchedule(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func FuzzFeed(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><item><link>/a</link></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/a"/></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"/a"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		parseFeed(data)
	})
}

func FuzzSchedule(f *testing.F) {
	f.Add("0=5m,1h=30m,24h=3h,168h=stop")
	f.Add("0=1s")
	f.Fuzz(func(t *testing.T, s string) {
		sched, err := ParseSchedule(s)
		if err != nil {
			return
		}
		if sched[0].Age != 0 {
			t.Fatalf("%q: schedule starts at %v", s, sched[0].Age)
		}
		for i := 1; i < len(sched); i++ {
			if sched[i].Age <= sched[i-1].Age {
				t.Fatalf("%q: ages do not increase", s)
			}
		}
		if sched.Interval(0) < 0 {
			t.Fatalf("%q: negative interval", s)
		}
	})
}

// TestWatchHugeFeed polls feeds of 10,000 items in each format: the
// watcher takes the first MaxFeedItems, says that it left the rest, and
// does so in bounded time.
func TestWatchHugeFeed(t *testing.T) {
	const items = 10000
	feeds := map[string]func(w *strings.Builder, i int){
		"/rss.xml": func(w *strings.Builder, i int) {
			fmt.Fprintf(w, "<item><title>Story %d</title><link>/a/%d</link><guid>/a/%d</guid></item>", i, i, i)
		},
		"/atom.xml": func(w *strings.Builder, i int) {
			fmt.Fprintf(w, `<entry><title>Story %d</title><id>tag:demo,2025:%d</id><link href="/a/%d"/><updated>2025-03-01T10:00:00Z</updated></entry>`, i, i, i)
		},
		"/feed.json": func(w *strings.Builder, i int) {
			if i > 0 {
				w.WriteString(",")
			}
			fmt.Fprintf(w, `{"id":"%d","url":"/a/%d","title":"Story %d"}`, i, i, i)
		},
	}
	wrap := map[string][2]string{
		"/rss.xml":   {`<?xml version="1.0"?><rss version="2.0"><channel><title>Demo</title><link>/</link>`, `</channel></rss>`},
		"/atom.xml":  {`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Demo</title><id>tag:demo,2025:feed</id><updated>2025-03-01T10:00:00Z</updated>`, `</feed>`},
		"/feed.json": {`{"version":"https://jsonfeed.org/version/1.1","title":"Demo","items":[`, `]}`},
	}
	bodies := map[string]string{}
	for path, item := range feeds {
		var b strings.Builder
		b.WriteString(wrap[path][0])
		for i := range items {
			item(&b, i)
		}
		b.WriteString(wrap[path][1])
		bodies[path] = b.String()
	}
	var mu sync.Mutex
	articleHits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if body, ok := bodies[r.URL.Path]; ok {
			w.Write([]byte(body))
			return
		}
		if strings.HasPrefix(r.URL.Path, "/a/") {
			mu.Lock()
			articleHits++
			mu.Unlock()
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()

	for _, tt := range []struct {
		path string
		max  int
	}{
		{"/rss.xml", 0}, {"/atom.xml", 0}, {"/feed.json", 0}, {"/rss.xml", 50},
	} {
		t.Run(fmt.Sprintf("%s max %d", tt.path, tt.max), func(t *testing.T) {
			mu.Lock()
			articleHits = 0
			mu.Unlock()
			want := tt.max
			if want == 0 {
				want = 200
			}
			var listed int
			var notes []string
			f := New(Options{HostInterval: -1, Timeout: 5 * time.Second})
			w := NewWatcher(f, WatchOptions{Feeds: []string{srv.URL + tt.path}, MaxFeedItems: tt.max,
				Log: func(e Event) {
					switch e.Kind {
					case EventListed:
						listed++
					case EventFeedTruncated:
						notes = append(notes, e.Note)
					case EventFeedError:
						t.Errorf("feed error: %v", e.Err)
					}
				}})
			start := time.Now()
			w.Tick(context.Background())
			d := time.Since(start)
			t.Logf("%d-item feed %s: %d listed, %d fetched, in %v; %q", items, tt.path, listed, articleHits, d.Round(time.Millisecond), notes)
			if listed != want || len(w.Articles()) != want {
				t.Errorf("%d listed, %d watched; want %d", listed, len(w.Articles()), want)
			}
			mu.Lock()
			if articleHits != want {
				t.Errorf("%d articles fetched, want %d", articleHits, want)
			}
			mu.Unlock()
			wantNote := fmt.Sprintf("the feed lists %d items; only the first %d were read", items, want)
			if len(notes) != 1 || notes[0] != wantNote {
				t.Errorf("notes %q, want one %q", notes, wantNote)
			}
			if d > 20*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

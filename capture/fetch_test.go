package capture

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func page(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("../testdata/html/en-reuters-port.html")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFetchLimitsAndErrors(t *testing.T) {
	body := page(t)
	var ua atomic.Value
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: claimtrail\nDisallow: /no-claimtrail\nAllow: /\n")
	})
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/story", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		// No Content-Length: the limit must hold while reading.
		for range 100 {
			w.Write([]byte(strings.Repeat("x", 1024)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/huge-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100000000")
		w.Write([]byte("x"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := New(Options{MaxBytes: 64 << 10, Timeout: 300 * time.Millisecond, MaxRedirects: 3, HostInterval: -1, UserAgent: "claimtrail/test (+https://example.com)"})
	ctx := context.Background()

	resp, a, err := f.Article(ctx, srv.URL+"/moved", Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	if resp.FinalURL != srv.URL+"/story" || a.URL != srv.URL+"/story" || !strings.Contains(a.Text, "Bimal Rathnayake") || a.Captured.IsZero() {
		t.Errorf("redirected article: %s %s", resp.FinalURL, a.URL)
	}
	if got := ua.Load(); got != "claimtrail/test (+https://example.com)" {
		t.Errorf("User-Agent %q", got)
	}
	resp, a, err = f.Article(ctx, srv.URL+"/story", Conditional{ETag: resp.ETag})
	if err != nil || !resp.NotModified || a != nil {
		t.Errorf("conditional GET: %+v %v %v", resp, a, err)
	}
	for _, c := range []struct {
		path string
		is   error
		msg  string
	}{
		{"/loop", ErrTooManyRedirects, ""},
		{"/huge", ErrTooLarge, "the rest was not read"},
		{"/huge-declared", ErrTooLarge, ""},
		{"/slow", nil, "timeout"},
		{"/private/x", nil, "404"}, // the claimtrail group applies, not the * one
		{"/no-claimtrail", ErrRobots, ""},
	} {
		_, err := f.Get(ctx, srv.URL+c.path, Conditional{})
		if err == nil || (c.is != nil && !errors.Is(err, c.is)) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: error %v, want %v %q", c.path, err, c.is, c.msg)
		}
	}
	_, err = f.Get(ctx, srv.URL+"/gone", Conditional{})
	var se *StatusError
	if !errors.As(err, &se) || !se.Gone() {
		t.Errorf("404: %v", err)
	}
}

func TestRobotsUnreadable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		w.Write(page(t))
	}))
	defer srv.Close()
	_, err := New(Options{HostInterval: -1}).Get(context.Background(), srv.URL+"/a", Conditional{})
	if !errors.Is(err, ErrRobots) {
		t.Errorf("robots.txt 503: %v, want ErrRobots", err)
	}
	// Ignored on request.
	if _, err := New(Options{HostInterval: -1, IgnoreRobots: true}).Get(context.Background(), srv.URL+"/a", Conditional{}); err != nil {
		t.Error(err)
	}
}

func TestHostInterval(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { n.Add(1); w.Write([]byte("ok")) }))
	defer srv.Close()
	f := New(Options{HostInterval: 100 * time.Millisecond, IgnoreRobots: true})
	start := time.Now()
	for range 3 {
		if _, err := f.Get(context.Background(), srv.URL+"/", Conditional{}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("3 requests to one host took %v, want at least 200ms", d)
	}
}

func TestRobotsRules(t *testing.T) {
	r := parseRobots([]byte("User-agent: other\nDisallow: /\n\nuser-agent: *\nDisallow: /news/*.pdf$\nDisallow: /search\nAllow: /search/public\n# comment\nDisallow:\n"), "claimtrail")
	for path, want := range map[string]bool{
		"/": true, "/news/a.pdf": false, "/news/a.pdf?x": true, "/search?q=1": false, "/search/public/x": true, "/robots.txt": true,
	} {
		if got := r.allowed(path); got != want {
			t.Errorf("%s: allowed %v, want %v", path, got, want)
		}
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /a\n"), "/ab")
	f.Add([]byte("user-agent: claimtrail\nuser-agent: x\ndisallow: /\n"), "/")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		r := parseRobots(data, "claimtrail")
		r.allowed(path)
		r.allowed("/" + path)
	})
}

package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// serveTest starts the web view on an ingested store.
func serveTest(t *testing.T) *httptest.Server {
	t.Helper()
	db := ingested(t)
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv := httptest.NewServer(newServeHandler(st, io.Discard))
	t.Cleanup(srv.Close)
	return srv
}

// rawGet sends a request line as written, so that .. and %2e are not
// cleaned by the client.
func rawGet(t *testing.T, srv *httptest.Server, method, target string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+"/", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.URL.Opaque = target
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestServePages(t *testing.T) {
	srv := serveTest(t)
	const article = "https://coastalherald.example/2025/03/02/marsa-lina-port-reopens"
	resp, body := rawGet(t, srv, "GET", "/")
	if resp.StatusCode != 200 || !strings.Contains(body, "Marsa Lina port") {
		t.Fatalf("index: %d", resp.StatusCode)
	}
	// Follow the index's links to an article, a story, an outlet, a source.
	for _, prefix := range []string{"/article/", "/story/", "/outlet/", "/source/", "/audit/story/"} {
		i := strings.Index(body, `href="`+prefix)
		if i < 0 {
			t.Errorf("index has no link to %s", prefix)
			continue
		}
		href := body[i+6:]
		href = href[:strings.IndexByte(href, '"')]
		href = strings.ReplaceAll(href, "&#43;", "+")
		r, page := rawGet(t, srv, "GET", href)
		if r.StatusCode != 200 || !strings.Contains(page, "<h1") {
			t.Errorf("GET %s: %d", href, r.StatusCode)
		}
	}
	for _, p := range []string{"/audit", "/audit/article/" + url.PathEscape(article), "/article/" + url.PathEscape(article), "/story/marsa-lina-port", "/outlet/The%20Coastal%20Herald"} {
		r, page := rawGet(t, srv, "GET", p)
		if r.StatusCode != 200 {
			t.Errorf("GET %s: %d", p, r.StatusCode)
			continue
		}
		if ct := r.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q", p, ct)
		}
		csp := r.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("GET %s: Content-Security-Policy %q", p, csp)
		}
		for _, h := range []string{"X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"} {
			if r.Header.Get(h) == "" {
				t.Errorf("GET %s: no %s", p, h)
			}
		}
		if strings.Contains(page, "<script") {
			t.Errorf("GET %s: the page holds a script", p)
		}
	}
	if r, page := rawGet(t, srv, "GET", "/article/"+url.PathEscape(article)); !strings.Contains(page, `class="diff"`) {
		t.Errorf("article page: no side-by-side diff (%d)", r.StatusCode)
	}
}

func TestServeNotFound(t *testing.T) {
	srv := serveTest(t)
	for _, p := range []string{
		"/nothing", "/article/", "/article/no-such-article", "/story/no-such-story", "/source/nobody",
		"/../etc/passwd", "/article/../audit", "/article/%2e%2e/audit", "/%2e%2e/%2e%2e/etc/passwd",
		"/audit/../", "/./audit", "//audit", "/audit/", "/article/a/b", "/article/..%2faudit", "/static/x.js",
		"/article/%5c..%5caudit",
	} {
		r, _ := rawGet(t, srv, "GET", p)
		if r.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, r.StatusCode)
		}
		if r.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("GET %s: no Content-Security-Policy on the error", p)
		}
	}
}

func TestServeReadOnly(t *testing.T) {
	srv := serveTest(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		r, _ := rawGet(t, srv, m, "/")
		if r.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s /: %d, want 405", m, r.StatusCode)
		}
	}
	req, _ := http.NewRequest("GET", srv.URL+"/", strings.NewReader("a body"))
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("GET with a body: %d, want 413", resp.StatusCode)
	}
	if r, _ := rawGet(t, srv, "HEAD", "/audit"); r.StatusCode != 200 {
		t.Errorf("HEAD /audit: %d", r.StatusCode)
	}
}

// TestServeCommand runs the command on a free port and stops it.
func TestServeCommand(t *testing.T) {
	db := ingested(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var out strings.Builder
	go func() {
		done <- runServe(ctx, serveOptions{DB: db, Addr: "127.0.0.1:0", Ready: func(a string) { ready <- a }, Stderr: io.Discard}, &out)
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET /: %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve stopped with %v", err)
	}
	srv := newServeServer(nil, nil)
	if srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.ReadHeaderTimeout == 0 || srv.MaxHeaderBytes == 0 {
		t.Errorf("server without timeouts or limits: %+v", srv)
	}
}

func FuzzServeCleanPath(f *testing.F) {
	for _, s := range []string{"/", "/audit", "/article/v-1", "/../x", "/a/./b", "//a", "/a/", "/%2e%2e/", `/a\b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if !serveCleanPath(p) {
			return
		}
		for _, seg := range strings.Split(p, "/")[1:] {
			if seg, _ := url.PathUnescape(seg); seg == ".." || seg == "." {
				t.Errorf("%q passed with a %q segment", p, seg)
			}
		}
		if p != "/" && (strings.HasSuffix(p, "/") || strings.Contains(p, "//")) {
			t.Errorf("%q passed with an empty segment", p)
		}
	})
}

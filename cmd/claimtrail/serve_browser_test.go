package main

import (
	"context"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// serveBrowser starts a headless Chromium as report's browser tests do:
// fail without one when CI is set, skip otherwise.
func serveBrowser(tb testing.TB) context.Context {
	tb.Helper()
	exe := os.Getenv("CHROMIUM")
	if exe == "" {
		exe = "chromium"
	}
	exe, err := exec.LookPath(exe)
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatal("Chromium not found and CI is set: the browser tests must run in CI (apt-get install -y chromium, or set CHROMIUM)")
		}
		tb.Skip("Chromium not found: skipping the browser test (apt-get install -y chromium, or set CHROMIUM; in CI this fails)")
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.UserDataDir(tb.TempDir()))
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	tb.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

// TestServeInBrowser browses the web view of a store that holds the
// corpus and the hostile article: pages load from the index's links, the
// Arabic articles read right to left, and the hostile article's markup
// shows as text without running.
func TestServeInBrowser(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	if r := (cli{}).run(t, "ingest", "--db", db, corpus, "../../testdata/report/hostile.json"); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(newServeHandler(st, io.Discard))
	defer srv.Close()

	ctx := serveBrowser(t)
	var mu sync.Mutex
	var opened []string
	evs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range evs {
			if err != nil {
				return
			}
			mu.Lock()
			opened = append(opened, ev.Message)
			mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	links := strings.Split(eval(`Array.from(document.querySelectorAll('a[href^="/article/"]')).map(a => a.getAttribute("href")).join("\n")`), "\n")
	if len(links) < 5 {
		t.Fatalf("index links to %d articles", len(links))
	}
	rtl, hostile := 0, false
	for _, l := range links {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+l), chromedp.WaitReady("body")); err != nil {
			t.Fatal(err)
		}
		if h := eval(`document.querySelector("h1").innerText`); !strings.HasPrefix(h, "Claim report") {
			t.Errorf("%s: heading %q", l, h)
		}
		if eval(`getComputedStyle(document.querySelector(".text p")).direction`) == "rtl" {
			rtl++
		}
		body := eval(`document.body.innerText`)
		if strings.Contains(body, "Hostile headline") {
			hostile = true
			if !strings.Contains(body, "<script>alert(1)</script>") {
				t.Errorf("%s: the hostile markup is not shown as text", l)
			}
			if n := eval(`String(document.querySelectorAll("script, img, [onmouseover], a[href^='javascript:']").length)`); n != "0" {
				t.Errorf("%s: %s hostile elements", l, n)
			}
		}
	}
	if rtl == 0 || !hostile {
		t.Errorf("%d article pages read right to left; hostile article seen: %v", rtl, hostile)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(opened) > 0 {
		t.Errorf("dialogs opened: %q", opened)
	}
}

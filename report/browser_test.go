package report_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/claimtrail/claimtrail/internal/golden"
	"github.com/claimtrail/claimtrail/report"
)

// chromiumPath finds the browser: $CHROMIUM, else Debian's chromium.
// A $CHROMIUM that is not an executable counts as no browser.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if p, err := exec.LookPath(p); err == nil {
			return p
		}
		return ""
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless Chromium for one test, with the flags this
// machine and CI need (no sandbox as root, no network chatter) and a fresh
// profile. Without Chromium the test fails when CI is set, since CI must
// run the browser tests, and is skipped otherwise.
func browser(tb testing.TB) context.Context {
	tb.Helper()
	exe := chromiumPath()
	if exe == "" {
		if os.Getenv("CI") != "" {
			tb.Fatal("Chromium not found and CI is set: the browser tests must run in CI (apt-get install -y chromium, or set CHROMIUM)")
		}
		tb.Skip("Chromium not found: skipping the browser test (apt-get install -y chromium, or set CHROMIUM; in CI this fails)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1200, 1600),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	tb.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

// dialogs records every JavaScript dialog the page opens (and closes it,
// so a page that ran alert() does not hang the test).
type dialogs struct {
	mu   sync.Mutex
	msgs []string
}

func watchDialogs(ctx context.Context) *dialogs {
	d := &dialogs{}
	evs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range evs {
			if err != nil {
				return
			}
			d.mu.Lock()
			d.msgs = append(d.msgs, ev.Message)
			d.mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	return d
}

func (d *dialogs) list() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.msgs...)
}

// open writes page to a file and loads it.
func open(tb testing.TB, ctx context.Context, html []byte) {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), "page.html")
	if err := os.WriteFile(p, html, 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+p), chromedp.WaitReady("body")); err != nil {
		tb.Fatalf("load page: %v", err)
	}
}

func eval[T any](tb testing.TB, ctx context.Context, js string) T {
	tb.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tb.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

func reportHTML(tb testing.TB, r *report.Report) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := r.HTML(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// notBlank decodes a PNG and reports whether it holds more than one
// colour in more than 1% of its pixels.
func notBlank(tb testing.TB, shot []byte) bool {
	tb.Helper()
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		tb.Fatalf("screenshot: %v", err)
	}
	b := img.Bounds()
	bg := img.At(b.Min.X, b.Min.Y)
	br, bgc, bb, _ := bg.RGBA()
	differ, total := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			total++
			if r != br || g != bgc || bl != bb {
				differ++
			}
		}
	}
	return total > 0 && differ*100 > total
}

// TestBrowserSeed loads the seed's report in Chromium: every claim is on
// the page, Arabic blocks compute to right-to-left while the English
// caption stays left-to-right, and the page is not blank. With -update it
// also writes the screenshot the README shows.
func TestBrowserSeed(t *testing.T) {
	r := build(t, report.ScopeFiles, "", seedPath)
	ctx := browser(t)
	dl := watchDialogs(ctx)
	open(t, ctx, reportHTML(t, r))

	claims := r.Articles[0].Latest().Claims
	if n := eval[int](t, ctx, `document.querySelectorAll("table.claims tr.claim").length`); n != len(claims) {
		t.Errorf("claims table has %d rows, want %d", n, len(claims))
	}
	body := eval[string](t, ctx, `document.body.innerText`)
	for _, c := range claims {
		if !strings.Contains(body, c.Content.Text) {
			t.Errorf("claim %q is not on the page", c.Content.Text)
		}
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".text span.cl").length`); n < len(claims)-2 {
		t.Errorf("%d highlighted stretches in the text, want about %d", n, len(claims))
	}
	rtl := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('[dir="rtl"]')).map(e => getComputedStyle(e).direction)`)
	if len(rtl) < 10 {
		t.Errorf("%d right-to-left blocks, want the Arabic paragraphs", len(rtl))
	}
	for i, d := range rtl {
		if d != "rtl" {
			t.Errorf("block %d with dir=rtl computes to direction %q", i, d)
		}
	}
	// The first paragraph of the body, found by its words, not by markup.
	if d := eval[string](t, ctx, `(() => { const p = Array.from(document.querySelectorAll(".text p")).find(e => e.innerText.includes("أعلنت قيادة العمليات المشتركة")); return p ? getComputedStyle(p).direction : "missing" })()`); d != "rtl" {
		t.Errorf("the seed's first body paragraph: direction %q, want rtl", d)
	}
	if d := eval[string](t, ctx, `(() => { const p = Array.from(document.querySelectorAll(".text p")).find(e => e.innerText.startsWith("U.S. soldiers")); return p ? getComputedStyle(p).direction : "missing" })()`); d != "ltr" {
		t.Errorf("the English caption: direction %q, want ltr", d)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("svg rect").length`); n == 0 {
		t.Error("no chart drawn")
	}
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if !notBlank(t, shot) {
		t.Error("the screenshot is blank")
	}
	if golden.Updating() {
		if err := os.WriteFile(filepath.Join("..", "docs", "report-seed.png"), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if d := dl.list(); len(d) > 0 {
		t.Errorf("the page opened dialogs: %q", d)
	}
}

// TestBrowserStory loads the two-version story: the side-by-side diff
// shows the deletions and insertions, and the changed claims are listed.
func TestBrowserStory(t *testing.T) {
	r := build(t, report.ScopeStory, "alder-bay-strike", storyV1, storyV2)
	ctx := browser(t)
	open(t, ctx, reportHTML(t, r))
	if n := eval[int](t, ctx, `document.querySelectorAll("table.diff tr").length`); n < 8 {
		t.Errorf("side-by-side diff has %d rows", n)
	}
	del := eval[string](t, ctx, `Array.from(document.querySelectorAll("table.diff .del")).map(e => e.innerText).join("|")`)
	ins := eval[string](t, ctx, `Array.from(document.querySelectorAll("table.diff .ins")).map(e => e.innerText).join("|")`)
	if !strings.Contains(del, "1,200") || !strings.Contains(ins, "1,500") {
		t.Errorf("number change not shown side by side: deleted %q, inserted %q", del, ins)
	}
	changes := eval[string](t, ctx, `document.querySelector("table.changes").innerText`)
	for _, want := range []string{"attribution_dropped", "anonymized", "number_changed"} {
		if !strings.Contains(changes, want) {
			t.Errorf("claim changes lack %s", want)
		}
	}
	// Side by side means two columns of equal width.
	widths := eval[[]float64](t, ctx, `Array.from(document.querySelector("table.diff tr:nth-child(3)").cells).map(c => c.getBoundingClientRect().width)`)
	if len(widths) != 2 || widths[0] < 0.9*widths[1] || widths[1] < 0.9*widths[0] {
		t.Errorf("diff columns have widths %v", widths)
	}
}

// TestBrowserHostile loads an article whose title, outlet, text and URL
// hold markup and a javascript: URL: they show as text, no script runs,
// no dialog opens, and nothing links to javascript:.
func TestBrowserHostile(t *testing.T) {
	r := build(t, report.ScopeFiles, "", hostile)
	a, err := report.NewAudit(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ab bytes.Buffer
	if err := a.HTML(&ab); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	dl := watchDialogs(ctx)
	for name, html := range map[string][]byte{"report": reportHTML(t, r), "audit": ab.Bytes()} {
		open(t, ctx, html)
		// Give a script that should not be there the time to run.
		if err := chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("script, img, iframe, object, embed").length`); n != 0 {
			t.Errorf("%s: %d script or embedded elements", name, n)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('[onmouseover], [onerror], a[href^="javascript:"], a[href^="data:"]').length`); n != 0 {
			t.Errorf("%s: %d elements with a handler or a javascript:/data: link", name, n)
		}
		body := eval[string](t, ctx, `document.body.innerText`)
		if !strings.Contains(body, "<script>alert(1)</script>") {
			t.Errorf("%s: the script tag is not shown as text", name)
		}
		if name == "report" && !strings.Contains(body, "javascript:alert(2)") {
			t.Errorf("%s: the javascript: URL in the text is not shown", name)
		}
	}
	if d := dl.list(); len(d) > 0 {
		t.Errorf("the pages opened dialogs: %q", d)
	}
}

// TestBrowserAuditSeed loads the seed's audit: it leads with the summary
// and its Arabic findings are right-to-left.
func TestBrowserAuditSeed(t *testing.T) {
	a, err := report.NewAudit(build(t, report.ScopeFiles, "", seedPath), nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := a.HTML(&b); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	open(t, ctx, b.Bytes())
	if h := eval[string](t, ctx, `document.querySelector("h2").innerText`); h != "Summary" {
		t.Errorf("first section %q, want Summary", h)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("tr.finding").length`); n != len(a.Findings) {
		t.Errorf("%d findings on the page, want %d", n, len(a.Findings))
	}
	dirs := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("tr.finding td:nth-child(5)")).map(e => getComputedStyle(e).direction)`)
	for i, d := range dirs {
		if d != "rtl" {
			t.Errorf("finding %d text: direction %q, want rtl", i, d)
		}
	}
}

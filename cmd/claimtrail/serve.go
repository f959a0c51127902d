package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/report"
)

// defaultServeAddr keeps the web view on this machine unless asked.
const defaultServeAddr = "127.0.0.1:7878"

type serveOptions struct {
	DB   string
	Addr string
	// Ready, when set, is told the address the server listens on (tests
	// and --addr 127.0.0.1:0).
	Ready  func(addr string)
	Stderr io.Writer
}

func newServeCmd(g *globals) *cobra.Command {
	opts := serveOptions{Addr: defaultServeAddr}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve a read-only local web view of the store: stories, articles, versions, claims, sources, diffs, audit",
		Long: `Serve the store as web pages on ` + defaultServeAddr + ` (--addr to change): an index
of stories, articles, outlets and sources, and for each the page claimtrail
report -f html writes (claims highlighted in the text, versions side by
side, charts), and the audit of the whole store or any part of it.

The view only reads: every request but GET and HEAD is refused, nothing is
written to the store. Pages carry no script, and a Content-Security-Policy
that forbids any. Stop it with Ctrl-C.`,
		Example: `  claimtrail serve
  claimtrail serve --db news.db --addr 127.0.0.1:9000`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.DB = g.cfg.DB
			opts.Stderr = g.stderr
			return runServe(cmd.Context(), opts, g.stdout)
		},
	}
	addDBFlag(cmd)
	cmd.Flags().StringVar(&opts.Addr, "addr", defaultServeAddr, "listen on `HOST:PORT`")
	return cmd
}

func runServe(ctx context.Context, opts serveOptions, w io.Writer) error {
	if _, _, err := net.SplitHostPort(opts.Addr); err != nil {
		return usagef("--addr %q: %v", opts.Addr, err)
	}
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := newServeServer(st, opts.Stderr)
	fmt.Fprintf(w, "serving %s read-only on http://%s/ (Ctrl-C to stop)\n", redactDSN(opts.DB), ln.Addr())
	if opts.Ready != nil {
		opts.Ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}

// newServeServer is the web view's server with its timeouts and size limits.
func newServeServer(st claimtrail.Store, logw io.Writer) *http.Server {
	return &http.Server{
		Handler:           newServeHandler(st, logw),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
}

// serveHandler answers the web view's pages from a store it only reads.
type serveHandler struct {
	st   claimtrail.Store
	logw io.Writer
}

// newServeHandler routes the pages; anything else, including a path that
// is not clean (.., //, /./), is 404, and every answer carries the
// security headers.
func newServeHandler(st claimtrail.Store, logw io.Writer) http.Handler {
	h := &serveHandler{st: st, logw: logw}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.index)
	for _, kind := range []report.Scope{report.ScopeArticle, report.ScopeStory, report.ScopeSource, report.ScopeOutlet} {
		mux.HandleFunc("GET /"+string(kind)+"/{ref}", h.page(kind, false))
		mux.HandleFunc("GET /audit/"+string(kind)+"/{ref}", h.page(kind, true))
	}
	mux.HandleFunc("GET /audit", h.page(report.ScopeStore, true))
	mux.HandleFunc("/", http.NotFound)
	return serveSecure(mux)
}

// serveSecure sets the headers of every answer, refuses writes and bodies, and
// sends paths that are not clean to 404 before the mux can redirect them.
func serveSecure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", report.ContentSecurityPolicy+"; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		hd.Set("Cache-Control", "no-store")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			hd.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed: the view is read-only", http.StatusMethodNotAllowed)
			return
		}
		if r.ContentLength > 0 || len(r.TransferEncoding) > 0 {
			http.Error(w, "request body not allowed", http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 0)
		if !serveCleanPath(r.URL.EscapedPath()) {
			http.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// serveCleanPath reports whether the escaped path p is absolute and
// clean: no segment that is empty or decodes to . or .., no trailing
// slash (but /), no backslash. A segment may hold an escaped slash: a ref
// such as an article's URL.
func serveCleanPath(p string) bool {
	if p == "/" {
		return true
	}
	if !strings.HasPrefix(p, "/") || strings.Contains(p, `\`) || strings.Contains(strings.ToLower(p), "%5c") {
		return false
	}
	for _, seg := range strings.Split(p[1:], "/") {
		dec, err := url.PathUnescape(seg)
		if err != nil || dec == "" || dec == "." || dec == ".." {
			return false
		}
	}
	return true
}

// serveLink is the web view's address of a page.
func serveLink(kind, ref string) string {
	if ref == "" {
		return ""
	}
	return "/" + kind + "/" + url.PathEscape(ref)
}

var serveNav = [][2]string{{"index", "/"}, {"audit of the store", "/audit"}}

func (h *serveHandler) page(scope report.Scope, audit bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ref := r.PathValue("ref")
		var s reportSelection
		switch scope {
		case report.ScopeArticle:
			s.Article = ref
		case report.ScopeStory:
			s.Story = ref
		case report.ScopeSource:
			s.Source = ref
		case report.ScopeOutlet:
			s.Outlet = ref
		case report.ScopeStore:
			s.All = true
		}
		docs, name, err := reportStoreDocs(r.Context(), h.st, scope, s)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		rep, err := report.Build(docs, report.Options{Scope: scope, Name: name, SameSource: sameSource,
			Compare: compareSection, CrossOutlet: crossOutletFindings})
		if err != nil {
			h.fail(w, r, err)
			return
		}
		o := report.HTMLOptions{Link: serveLink, Nav: serveNav}
		var b bytes.Buffer
		if audit {
			a, err := report.NewAudit(rep, nil)
			if err == nil {
				err = a.HTMLWith(&b, o)
			}
			if err != nil {
				h.fail(w, r, err)
				return
			}
		} else {
			o.Nav = append(o.Nav[:len(o.Nav):len(o.Nav)], [2]string{"audit of this " + string(scope), "/audit" + serveLink(string(scope), ref)})
			if err := rep.HTMLWith(&b, o); err != nil {
				h.fail(w, r, err)
				return
			}
		}
		serveWriteHTML(w, b.Bytes())
	}
}

func (h *serveHandler) index(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	arts, err := h.st.Articles(ctx, claimtrail.ArticleFilter{})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	srcs, err := h.st.Sources(ctx, claimtrail.SourceFilter{Limit: 500})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &report.IndexView{Title: "claimtrail: the store"}
	stories := map[string]int{}
	outlets := map[string]int{}
	var storyList, outletList []string
	arows := [][]report.Cell{}
	for _, a := range arts {
		t := a.Article.Title
		if t == "" {
			t = a.Version.Key
		}
		date := a.Article.Published
		if date.IsZero() {
			date = a.Article.Captured
		}
		arows = append(arows, []report.Cell{{Text: t, Href: serveLink("article", a.VersionID)}, {Text: a.Article.Outlet, Href: serveLink("outlet", a.Article.Outlet)},
			{Text: a.Article.Story, Href: serveLink("story", a.Article.Story)}, {Text: report.TableTime(date)},
			{Text: strconv.Itoa(a.Versions)}, {Text: strconv.Itoa(a.ClaimCount)}})
		if s := a.Article.Story; s != "" {
			if _, ok := stories[s]; !ok {
				storyList = append(storyList, s)
			}
			stories[s]++
		}
		if o := a.Article.Outlet; o != "" {
			if _, ok := outlets[o]; !ok {
				outletList = append(outletList, o)
			}
			outlets[o]++
		}
	}
	count := func(list []string, m map[string]int, kind string) [][]report.Cell {
		var rows [][]report.Cell
		for _, x := range list {
			rows = append(rows, []report.Cell{{Text: x, Href: serveLink(kind, x)}, {Text: strconv.Itoa(m[x])},
				{Text: "audit", Href: "/audit" + serveLink(kind, x)}})
		}
		return rows
	}
	var srows [][]report.Cell
	for _, s := range srcs {
		srows = append(srows, []report.Cell{{Text: s.Source.Name, Href: serveLink("source", s.Source.ID)}, {Text: string(s.Source.Kind)},
			{Text: strconv.Itoa(s.Claims)}, {Text: strconv.Itoa(s.Via)}, {Text: strconv.Itoa(s.Articles)}})
	}
	v.Sections = []report.IndexSection{
		{Title: "Stories", Columns: []string{"story", "articles", ""}, Rows: count(storyList, stories, "story"), Empty: "No story names in the store."},
		{Title: "Articles", Columns: []string{"title", "outlet", "story", "date", "versions", "claims"}, Rows: arows, Empty: "The store is empty: add articles with claimtrail ingest."},
		{Title: "Outlets", Columns: []string{"outlet", "articles", ""}, Rows: count(outletList, outlets, "outlet"), Empty: "No outlets in the store."},
		{Title: "Sources", Columns: []string{"source", "kind", "claims", "via", "articles"}, Rows: srows, Empty: "No sources in the store."},
	}
	var b bytes.Buffer
	if err := report.WriteIndex(&b, v, report.HTMLOptions{Link: serveLink, Nav: serveNav}); err != nil {
		h.fail(w, r, err)
		return
	}
	serveWriteHTML(w, b.Bytes())
}

func serveWriteHTML(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// fail answers an error: 404 for what is not in the store, 500 (with the
// cause logged, not shown) for the rest.
func (h *serveHandler) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, claimtrail.ErrNotFound) || errors.Is(err, claimtrail.ErrAmbiguous) {
		http.NotFound(w, r)
		return
	}
	if h.logw != nil {
		fmt.Fprintf(h.logw, "claimtrail: serve %s: %v\n", r.URL.Path, err)
	}
	http.Error(w, "internal error", http.StatusInternalServerError)
}

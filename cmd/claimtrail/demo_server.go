package main

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
)

func newDemoServerCmd(g *globals) *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "demo-server",
		Short: "Serve a small news site with a feed, to try fetch and watch on",
		Long: `Serve a small news site on --addr: an RSS feed at /feed.xml listing two
stories, one in Arabic and one in English. Opening /edit edits both stories
(a claim changes, one is added, a figure changes), /reset brings them back;
the next check of "claimtrail watch" stores the edits as new versions and
logs their claim changes. Ctrl-C stops the server.`,
		Example: `  claimtrail demo-server --addr 127.0.0.1:8099 &
  claimtrail watch --feed http://127.0.0.1:8099/feed.xml --schedule 0=10s,1h=stop --host-interval 0s`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDemoServer(cmd.Context(), addr, g.stdout)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8099", "listen on `HOST:PORT`")
	return cmd
}

func runDemoServer(ctx context.Context, addr string, w io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another server using the port? choose one with --addr)", addr, err)
	}
	srv := &http.Server{Handler: newDemoSite(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(w, "demo site on http://%s/ (feed http://%s/feed.xml; open /edit to edit the stories, /reset to undo)\n", ln.Addr(), ln.Addr())
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// demoSite is the demo news site: two stories in two states.
type demoSite struct {
	mu     sync.Mutex
	edited bool
}

func newDemoSite() *demoSite { return &demoSite{} }

type demoStory struct {
	path, lang, title, caption string
	body, edited               []string
}

var demoStories = []demoStory{
	{
		path: "/news/truce.html", lang: "ar", title: "مصادر: اتفاق وشيك على هدنة في السودان",
		caption: "وفدا التفاوض خلال جلسة سابقة في جدة (رويترز)",
		body: []string{
			"قالت مصادر مطلعة للجزيرة إن طرفي النزاع في السودان اقتربا من التوصل إلى اتفاق هدنة إنسانية تمتد أسبوعين.",
			`وأكد المتحدث باسم الخارجية السعودية أن "الأجواء إيجابية أكثر من أي وقت مضى".`,
			"وبحسب تقرير للأمم المتحدة، فإن أكثر من 11 مليون شخص نزحوا من منازلهم منذ اندلاع الحرب.",
		},
		edited: []string{
			"قالت مصادر مطلعة للجزيرة إن طرفي النزاع في السودان اقتربا من التوصل إلى اتفاق هدنة إنسانية تمتد ثلاثة أسابيع.",
			`وأكد المتحدث باسم الخارجية السعودية أن "الأجواء إيجابية أكثر من أي وقت مضى".`,
			"ونفى مسؤول في الحكومة السودانية أن يكون الوفد الحكومي قد وافق على أي بند يتعلق بانسحاب القوات.",
			"وبحسب تقرير للأمم المتحدة، فإن أكثر من 12 مليون شخص نزحوا من منازلهم منذ اندلاع الحرب.",
		},
	},
	{
		path: "/news/port.html", lang: "en", title: "Sri Lanka approves port deal, officials say",
		caption: "Cranes at Colombo port (Reuters)",
		body: []string{
			"COLOMBO, Jan 27 (Reuters) - Sri Lanka's cabinet has approved a $700 million deal with India's Adani Group to build a container terminal at Colombo port, two government officials said on Monday.",
			`"This is the largest foreign investment in our port sector," Ports Minister Bimal Rathnayake told reporters.`,
			"Opposition lawmakers criticised the deal, saying it was approved without a competitive tender.",
		},
		edited: []string{
			"COLOMBO, Jan 27 (Reuters) - Sri Lanka's cabinet has approved a $700 million deal with India's Adani Group to build a container terminal at Colombo port, Ports Minister Bimal Rathnayake said on Monday.",
			`"This is the largest foreign investment in our port sector," Rathnayake told reporters.`,
			"Opposition lawmakers criticised the deal, saying it was approved without a competitive tender.",
		},
	},
}

func (s *demoSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	edited := s.edited
	s.mu.Unlock()
	switch r.URL.Path {
	case "/robots.txt":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		return
	case "/edit", "/reset":
		s.mu.Lock()
		s.edited = r.URL.Path == "/edit"
		s.mu.Unlock()
		fmt.Fprintf(w, "stories %sed\n", strings.TrimPrefix(r.URL.Path, "/"))
		return
	case "/feed.xml":
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Demo News</title><link>/</link>`)
		for _, st := range demoStories {
			fmt.Fprintf(w, "<item><title>%s</title><link>%s</link><guid>%s</guid></item>", html.EscapeString(st.title), st.path, st.path)
		}
		fmt.Fprint(w, "</channel></rss>")
		return
	}
	for _, st := range demoStories {
		if r.URL.Path != st.path {
			continue
		}
		paras := st.body
		if edited {
			paras = st.edited
		}
		var b strings.Builder
		dir := "ltr"
		if st.lang == "ar" {
			dir = "rtl"
		}
		fmt.Fprintf(&b, `<!doctype html><html lang="%s" dir="%s"><head><meta charset="utf-8"><title>%s</title>`+
			`<meta property="og:site_name" content="Demo News"><meta property="og:title" content="%s">`+
			`<meta property="article:published_time" content="2025-01-27T06:42:00Z"></head><body>`+
			`<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>`+
			`<article><h1>%s</h1><figure><img src="/p.jpg" alt=""><figcaption>%s</figcaption></figure>`,
			st.lang, dir, html.EscapeString(st.title), html.EscapeString(st.title), html.EscapeString(st.title), html.EscapeString(st.caption))
		for _, p := range paras {
			fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(p))
		}
		b.WriteString(`</article><aside class="related"><h2>Related</h2><ul><li><a href="/x">Another story</a></li></ul></aside><footer>© Demo News</footer></body></html>`)
		page := b.String()
		etag := fmt.Sprintf(`"%s-%t"`, strings.TrimSuffix(strings.TrimPrefix(st.path, "/news/"), ".html"), edited)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
		return
	}
	if r.URL.Path == "/" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><body><h1>Demo News</h1><ul>`)
		for _, st := range demoStories {
			fmt.Fprintf(w, `<li><a href="%s">%s</a></li>`, st.path, html.EscapeString(st.title))
		}
		fmt.Fprint(w, `</ul><p><a href="/edit">edit the stories</a> · <a href="/reset">reset</a></p></body></html>`)
		return
	}
	http.NotFound(w, r)
}

// Command gen serves the small news site that testdata/warc's WARC files
// captured (see README.md). GET /_edit switches the site to its second
// state: the Arabic story is edited, the English one stays the same.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18931", "address to listen on")
	flag.Parse()
	var edited atomic.Bool
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		page(w, "Demo News", `<ul><li><a href="/news/truce.html">هدنة</a></li><li><a href="/news/port.html">Port deal</a></li></ul>`, "")
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	})
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprint(w, `{"version":"https://jsonfeed.org/version/1.1","title":"Demo","items":[{"id":"1","url":"/news/truce.html"}]}`)
	})
	mux.HandleFunc("/old-truce", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/truce.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/_edit", func(w http.ResponseWriter, r *http.Request) {
		edited.Store(true)
		fmt.Fprintln(w, "edited")
	})
	mux.HandleFunc("/news/truce.html", func(w http.ResponseWriter, r *http.Request) {
		body := truceV1
		if edited.Load() {
			body = truceV2
		}
		// A fixed length: this response is not chunked.
		html := article("ar", "الجزيرة نت", "مصادر: اتفاق وشيك على هدنة في السودان", body, "وفدا التفاوض خلال جلسة سابقة في جدة (رويترز)")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Length", fmt.Sprint(len(html)))
		fmt.Fprint(w, html)
	})
	mux.HandleFunc("/news/port.html", func(w http.ResponseWriter, r *http.Request) {
		// No length and more than the server buffers: sent chunked.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, article("en", "Demo Wire", "Sri Lanka approves port deal, officials say", portBody, "Cranes at Colombo port. (Reuters)"))
	})
	log.SetOutput(os.Stderr)
	log.Printf("serving on http://%s", *addr)
	log.Fatal(http.ListenAndServe(*addr, mux))
}

func page(w http.ResponseWriter, title, body, lang string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!doctype html><html lang=%q><head><title>%s</title></head><body>%s</body></html>", lang, title, body)
}

func article(lang, site, title, body, caption string) string {
	dir := "ltr"
	if lang == "ar" {
		dir = "rtl"
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="%s" dir="%s"><head><meta charset="utf-8"><title>%s</title>
<meta property="og:site_name" content="%s"><meta property="og:title" content="%s">
<meta property="article:published_time" content="2025-03-04T09:15:00+03:00"></head><body>
<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/sport/">Sport</a></nav>
<article><h1>%s</h1><figure><img src="/p.jpg"><figcaption>%s</figcaption></figure>`, lang, dir, title, site, title, title, caption)
	for _, p := range strings.Split(strings.TrimSpace(body), "\n\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article><aside class="related"><h2>Related</h2><ul><li><a href="/x">Other story one</a></li><li><a href="/y">Other story two</a></li></ul></aside>`)
	b.WriteString(`<footer><p>© 2025 Demo News</p></footer>`)
	// Padding in a comment keeps the page over the server's buffer.
	b.WriteString("<!--" + strings.Repeat(" ", 5000) + "--></body></html>")
	return b.String()
}

const truceV1 = `قالت مصادر مطلعة للجزيرة إن طرفي النزاع في السودان اقتربا من التوصل إلى اتفاق هدنة إنسانية تمتد أسبوعين.

وأكد المتحدث باسم الخارجية السعودية أن "الأجواء إيجابية أكثر من أي وقت مضى".

وبحسب تقرير للأمم المتحدة، فإن أكثر من 11 مليون شخص نزحوا من منازلهم منذ اندلاع الحرب.`

const truceV2 = `قالت مصادر مطلعة للجزيرة إن طرفي النزاع في السودان اقتربا من التوصل إلى اتفاق هدنة إنسانية تمتد ثلاثة أسابيع.

ونفى مسؤول في الحكومة السودانية أن يكون الوفد الحكومي قد وافق على أي بند يتعلق بانسحاب القوات.

وبحسب تقرير للأمم المتحدة، فإن أكثر من 12 مليون شخص نزحوا من منازلهم منذ اندلاع الحرب.`

const portBody = `COLOMBO, Jan 27 (Reuters) - Sri Lanka's cabinet has approved a $700 million deal with India's Adani Group to build a container terminal at Colombo port, two government officials said on Monday.

"This is the largest foreign investment in our port sector," Ports Minister Bimal Rathnayake told reporters.

Opposition lawmakers criticised the deal, saying it was approved without a competitive tender.`

// Command compare measures the main-content extraction of go-readability and
// go-trafilatura on the saved pages of testdata/html: token precision,
// recall and F1 of each library's text against the hand-written body
// (NAME.body). STRIP=1 first removes the containers ingest removes before
// extraction. Run from this directory: go run . .. ; STRIP=1 go run . ..

package main

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

func tokens(s string) map[string]int {
	m := map[string]int{}
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) }) {
		m[f]++
	}
	return m
}

func f1(got, want string) (p, r, f float64) {
	g, w := tokens(got), tokens(want)
	var ng, nw, both int
	for k, v := range g {
		ng += v
		both += min(v, w[k])
	}
	for _, v := range w {
		nw += v
	}
	if ng == 0 || nw == 0 {
		return 0, 0, 0
	}
	p, r = float64(both)/float64(ng), float64(both)/float64(nw)
	if p+r == 0 {
		return p, r, 0
	}
	return p, r, 2 * p * r / (p + r)
}

func main() {
	files, _ := filepath.Glob(os.Args[1] + "/*.html")
	var sum [2][3]float64
	var dur [2]time.Duration
	for _, fn := range files {
		data, _ := os.ReadFile(fn)
		want, _ := os.ReadFile(strings.TrimSuffix(fn, ".html") + ".body")
		u, _ := url.Parse("https://example.com/a")
		if os.Getenv("STRIP") != "" {
			doc, _ := html.Parse(bytes.NewReader(data))
			dropBoilerplate(doc)
			var b bytes.Buffer
			html.Render(&b, doc)
			data = b.Bytes()
		}
		t0 := time.Now()
		ps := readability.NewParser()
		ra, err := ps.Parse(bytes.NewReader(data), u)
		dur[0] += time.Since(t0)
		var rt bytes.Buffer
		if err == nil {
			ra.RenderText(&rt)
		}
		t0 = time.Now()
		tr, err2 := trafilatura.Extract(bytes.NewReader(data), trafilatura.Options{OriginalURL: u, ExcludeComments: true, EnableFallback: os.Getenv("FB") != ""})
		dur[1] += time.Since(t0)
		tt := ""
		if err2 == nil {
			tt = tr.ContentText
		}
		for i, got := range []string{rt.String(), tt} {
			p, r, f := f1(got, string(want))
			sum[i][0] += p
			sum[i][1] += r
			sum[i][2] += f
			name := []string{"readability", "trafilatura"}[i]
			fmt.Printf("%-28s %-12s P %.3f R %.3f F1 %.3f\n", filepath.Base(fn), name, p, r, f)
		}
		if os.Getenv("SHOW") != "" {
			fmt.Println("--- R:", rt.String(), "\n--- T:", tt)
			if err != nil || err2 != nil {
				fmt.Println(err, err2)
			}
		}
	}
	n := float64(len(files))
	for i, name := range []string{"readability", "trafilatura"} {
		fmt.Printf("MEAN %-12s P %.3f R %.3f F1 %.3f  time %v\n", name, sum[i][0]/n, sum[i][1]/n, sum[i][2]/n, dur[i])
	}
}

var boilerplateWords = []string{"related", "most-read", "mostread", "most-viewed", "read-next", "onward", "newsletter", "promo", "share", "social", "advert", "subscribe"}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func dropBoilerplate(doc *html.Node) {
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && depth > 1 && c.Data != "main" && c.Data != "article" && c.Data != "body" {
				s := strings.ToLower(attr(c, "class") + " " + attr(c, "id"))
				for _, w := range boilerplateWords {
					if strings.Contains(s, w) {
						n.RemoveChild(c)
						c = nil
						break
					}
				}
			}
			if c != nil {
				walk(c, depth+1)
			}
			c = next
		}
	}
	walk(doc, 0)
}

package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/claimtrail/claimtrail"
)

// HTMLOptions say what is known of a page besides its bytes.
type HTMLOptions struct {
	// URL is where the page was fetched from. It is the article's URL when
	// KeepURL is set or the page names no canonical link, and resolves a
	// relative canonical link.
	URL string
	// KeepURL keeps URL as the article's URL even if the page names another
	// canonical one: a capture of a URL is a version of that URL.
	KeepURL bool
	// ContentType is the HTTP Content-Type, whose charset wins over the
	// page's own <meta charset>.
	ContentType string
	// Captured is the capture time, if known.
	Captured time.Time
	// Path names the input in Article.Path.
	Path string
}

// maxHTMLDepth is how deep golang.org/x/net/html lets elements nest.
const maxHTMLDepth = 512

// maxCaptions bounds the captions taken from one page: a gallery page has
// dozens, and they are not what the article says.
const maxCaptions = 12

// minWords is the least main text that makes an article: fewer words are
// a menu or a teaser that the extractor took for want of anything better.
const minWords = 8

// ParseHTML makes an article of a saved or fetched news page: the main
// text chosen by go-trafilatura, laid out one paragraph a line with a blank
// line between, after the title line and the photo captions, each caption
// ending in its parenthesised credit so that text.Segment tells it from the
// body (a caption without a credit is left out). Navigation, advertisements, related-article lists and comments are
// left out. Metadata comes from OpenGraph and article: meta tags, JSON-LD
// (NewsArticle and its kin), the canonical link and the lang attribute.
//
// Returns an error wrapping claimtrail.ErrInvalidInput if the page has no
// main text.
func ParseHTML(data []byte, opts HTMLOptions) (a claimtrail.Article, err error) {
	defer func() {
		// The extraction library is large and third-party: a page that
		// breaks it must cost that page only.
		if p := recover(); p != nil {
			a, err = claimtrail.Article{}, invalidf("HTML extraction failed: %v", p)
		}
	}()
	utf, err := toUTF8(data, opts.ContentType)
	if err != nil {
		return claimtrail.Article{}, err
	}
	doc, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		// golang.org/x/net/html gives up past 512 open elements, which
		// bounds the time and memory of hostile nesting; its error is a
		// bare string, so it is recognised by its text to say so plainly.
		if strings.Contains(err.Error(), "open stack of elements exceeds") {
			return claimtrail.Article{}, invalidf("elements nested more than %d deep: the HTML parser refuses such pages (%v)", maxHTMLDepth, err)
		}
		return claimtrail.Article{}, invalidf("not HTML: %v", err)
	}
	meta := readMeta(doc)
	caps := captions(doc)
	dropBoilerplate(doc)

	var pageURL *url.URL
	if u, err := url.Parse(opts.URL); err == nil && u.IsAbs() {
		pageURL = u
	}
	// Below MinExtractedSize characters trafilatura falls back to the
	// whole <article>'s text run together without breaks, which joins the
	// title, captions and paragraphs of a short story into one line; a
	// short story extracted properly is better, and a page with nothing
	// is refused below.
	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = 1
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		Config:          cfg,
		OriginalURL:     pageURL,
		ExcludeComments: true,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		return claimtrail.Article{}, invalidf("no article text found in the page (is it an index or a gallery page?)")
	}
	if meta.title == "" {
		meta.title = clean(res.Metadata.Title)
	}
	if meta.outlet == "" {
		meta.outlet = clean(res.Metadata.Sitename)
	}
	if meta.byline == "" {
		meta.byline = clean(strings.ReplaceAll(res.Metadata.Author, "; ", ", "))
	}

	capKeys := map[string]bool{}
	for _, c := range caps {
		capKeys[foldLine(c.text)] = true
	}
	var body []string
	for _, b := range blocks(res.ContentNode) {
		k := foldLine(b)
		if k == "" || capKeys[k] || (len(body) == 0 && k == foldLine(meta.title)) {
			continue
		}
		body = append(body, b)
	}
	if words := len(strings.Fields(strings.Join(body, " "))); words < minWords {
		return claimtrail.Article{}, invalidf("no article text found in the page (is it an index or a gallery page?)")
	}

	var sb strings.Builder
	if meta.title != "" {
		sb.WriteString(meta.title)
		sb.WriteString("\n\n")
	}
	for _, c := range caps {
		// A caption without a credit cannot be told from a body line once
		// it is text, so it is left out rather than taken for the body.
		if c.credit != "" {
			sb.WriteString(c.line())
			sb.WriteString("\n\n")
		}
	}
	for i, b := range body {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(b)
	}
	sb.WriteString("\n")
	text := sb.String()

	a = claimtrail.Article{
		ID:        claimtrail.ArticleID(text),
		URL:       opts.URL,
		Outlet:    meta.outlet,
		Lang:      meta.lang,
		Title:     meta.title,
		Byline:    meta.byline,
		Published: meta.published,
		Modified:  meta.modified,
		Captured:  opts.Captured,
		Path:      opts.Path,
		Text:      text,
		Hash:      claimtrail.ContentHash(text),
	}
	if !opts.KeepURL || a.URL == "" {
		if c := resolve(pageURL, meta.canonical); c != "" {
			a.URL = c
		}
	}
	return a, nil
}

// toUTF8 decodes a page to UTF-8: the HTTP charset, else a byte order
// mark or <meta charset>, else UTF-8 if the bytes are valid, else
// windows-1252 as browsers do.
func toUTF8(data []byte, contentType string) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" || enc == nil {
		data = bytes.TrimPrefix(data, bom)
		if !utf8.Valid(data) {
			data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		return data, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, invalidf("cannot decode the page as %s: %v", name, err)
	}
	return out, nil
}

type pageMeta struct {
	title, outlet, byline, lang, canonical string
	published, modified                    time.Time
}

// readMeta reads the metadata a news page declares. OpenGraph and
// article: tags win over JSON-LD, which wins over plain <meta name> tags
// and <title>: the first two are what the outlet tells aggregators.
func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var ld ldArticle
	var docTitle, metaAuthor, ogURL string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				// dir="rtl" without lang names no language (Persian
				// and Urdu are right-to-left too): segmentation tells
				// Arabic by its script, so dir is not read.
				m.lang = langTag(attr(n, "lang"))
			case atom.Title:
				if docTitle == "" {
					docTitle = clean(textOf(n))
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				val := clean(attr(n, "content"))
				switch key {
				case "og:site_name":
					setOnce(&m.outlet, val)
				case "og:title":
					setOnce(&m.title, val)
				case "og:url":
					setOnce(&ogURL, val)
				case "article:published_time":
					if m.published.IsZero() {
						m.published = parseTime(val)
					}
				case "article:modified_time", "og:updated_time":
					if m.modified.IsZero() {
						m.modified = parseTime(val)
					}
				case "author":
					setOnce(&metaAuthor, val)
				}
			case atom.Link:
				for _, rel := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
					if rel == "canonical" {
						setOnce(&m.canonical, strings.TrimSpace(attr(n, "href")))
					}
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && ld.headline == "" {
					ld = findLDArticle(textOf(n))
				}
				return
			case atom.Style, atom.Noscript, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	setOnce(&m.title, ld.headline)
	setOnce(&m.title, docTitle)
	setOnce(&m.outlet, ld.publisher)
	setOnce(&m.byline, ld.author)
	setOnce(&m.byline, metaAuthor)
	setOnce(&m.canonical, ogURL)
	setOnce(&m.canonical, ld.url)
	if m.published.IsZero() {
		m.published = parseTime(ld.published)
	}
	if m.modified.IsZero() {
		m.modified = parseTime(ld.modified)
	}
	if m.lang == "" {
		m.lang = langTag(ld.lang)
	}
	return m
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// langTag keeps the primary subtag of a BCP 47 tag in lower case ("en-GB"
// is "en"): extraction chooses its rules by language, not by region.
func langTag(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	s = strings.ToLower(s)
	if len(s) < 2 || len(s) > 8 {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
}

// parseTime reads the date forms pages use; an unreadable date is no date.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > 4096 {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

// ldArticle is what JSON-LD says of the page's article.
type ldArticle struct {
	headline, published, modified, author, publisher, url, lang string
}

// findLDArticle finds the first object of an article type in a JSON-LD
// script: a single object, an array of them, or an @graph.
func findLDArticle(src string) ldArticle {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return ldArticle{}
	}
	var found map[string]any
	var search func(v any, depth int)
	search = func(v any, depth int) {
		if found != nil || depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				search(e, depth+1)
			}
		case map[string]any:
			if isArticleType(x["@type"]) {
				found = x
				return
			}
			if g, ok := x["@graph"]; ok {
				search(g, depth+1)
			}
		}
	}
	search(v, 0)
	if found == nil {
		return ldArticle{}
	}
	ld := ldArticle{
		headline:  clean(str(found["headline"])),
		published: str(found["datePublished"]),
		modified:  str(found["dateModified"]),
		author:    strings.Join(names(found["author"]), ", "),
		url:       str(found["url"]),
		lang:      str(found["inLanguage"]),
	}
	if p := names(found["publisher"]); len(p) > 0 {
		ld.publisher = p[0]
	}
	if ld.url == "" {
		ld.url = str(found["mainEntityOfPage"])
		if m, ok := found["mainEntityOfPage"].(map[string]any); ok {
			ld.url = str(m["@id"])
		}
	}
	return ld
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || x == "Report" || x == "BlogPosting" || x == "LiveBlogPosting"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}

// names reads a JSON-LD person or organisation: a name, an object with a
// name, or a list of either.
func names(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		if s := clean(x); s != "" && !strings.Contains(s, "://") {
			out = append(out, s)
		}
	case map[string]any:
		if s := clean(str(x["name"])); s != "" {
			out = append(out, s)
		}
	case []any:
		for _, e := range x {
			if len(out) >= 20 {
				break
			}
			out = append(out, names(e)...)
		}
	}
	return out
}

// caption is a photo caption and its credit.
type caption struct{ text, credit string }

// line lays the caption out as text.Segment recognises a caption: the
// words, without a closing full stop, then the credit in parentheses.
func (c caption) line() string {
	if c.credit == "" {
		return c.text
	}
	t := strings.TrimRightFunc(c.text, func(r rune) bool {
		return unicode.IsSpace(r) || r == '.' || r == '،' || r == ',' || r == ':' || r == '-' || r == '—' || r == '|'
	})
	return t + " (" + c.credit + ")"
}

// creditPrefixes introduce a credit inside a caption's text.
var creditPrefixes = []string{
	"Photograph:", "Photo:", "Photos:", "Image:", "Picture:", "Credit:", "Photo credit:",
	"صدر الصورة،", "صدر الصورة:", "مصدر الصورة،", "مصدر الصورة:", "الصورة:", "تصوير:",
}

// captions collects the photo captions of the page that are not in its
// navigation, asides or footer: <figcaption> and elements whose class
// names a caption, with the credit from an element whose class names a
// credit, a trailing parenthesis or a "Photograph:" phrase.
func captions(doc *html.Node) []caption {
	var out []caption
	seen := map[string]bool{}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if len(out) >= maxCaptions || depth > 256 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Nav, atom.Aside, atom.Footer, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Form:
				return
			}
			if isBoilerplate(n) {
				return
			}
			if n.DataAtom == atom.Figcaption || (n.DataAtom != atom.Figure && classHas(n, "caption") && !classHas(n, "credit")) {
				if c, ok := readCaption(n); ok && !seen[foldLine(c.text)] {
					seen[foldLine(c.text)] = true
					out = append(out, c)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return out
}

// isBoilerplate reports a container of related links, most-read lists and
// the like by its class or id.
func isBoilerplate(n *html.Node) bool {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range []string{"related", "most-read", "most-viewed", "more-", "read-next", "onward", "sidebar", "newsletter", "comment", "promo", "card"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// boilerplateWords name, in a class or id, containers that are never the
// article: lists of other stories, sign-up boxes, sharing bars.
var boilerplateWords = []string{"related", "most-read", "mostread", "most-viewed", "read-next", "onward", "newsletter", "promo", "share", "social", "advert", "subscribe"}

// dropBoilerplate removes the containers boilerplateWords name before
// extraction, which otherwise keeps a list that ends the article's column.
func dropBoilerplate(doc *html.Node) {
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && depth > 1 && c.DataAtom != atom.Main && c.DataAtom != atom.Article && c.DataAtom != atom.Body {
				s := strings.ToLower(attr(c, "class") + " " + attr(c, "id"))
				for _, w := range boilerplateWords {
					if strings.Contains(s, w) {
						n.RemoveChild(c)
						c = nil
						break
					}
				}
			}
			if c != nil && depth < 512 {
				walk(c, depth+1)
			}
			c = next
		}
	}
	walk(doc, 0)
}

func readCaption(n *html.Node) (caption, bool) {
	var c caption
	// A credit element may sit beside the caption in its figure.
	fig := n.Parent
	for fig != nil && fig.DataAtom != atom.Figure {
		fig = fig.Parent
	}
	scope := n
	if fig != nil {
		scope = fig
	}
	var credits []string
	var findCredit func(n *html.Node, depth int)
	findCredit = func(n *html.Node, depth int) {
		if depth > 64 {
			return
		}
		if n.Type == html.ElementNode && (classHas(n, "credit") || classHas(n, "copyright")) {
			credits = append(credits, clean(textOf(n)))
			return
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			findCredit(ch, depth+1)
		}
	}
	findCredit(scope, 0)

	var sb strings.Builder
	var collect func(n *html.Node, depth int)
	collect = func(n *html.Node, depth int) {
		if depth > 64 {
			return
		}
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
		case html.ElementNode:
			if classHas(n, "credit") || classHas(n, "copyright") || classHas(n, "hidden") || classHas(n, "sr-only") {
				return
			}
			switch n.DataAtom {
			case atom.Button, atom.Script, atom.Style, atom.Svg:
				return
			case atom.A:
				if t := strings.ToLower(textOf(n)); strings.Contains(t, "licens") || strings.Contains(t, "enlarge") || strings.Contains(t, "expand") {
					return
				}
			}
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				collect(ch, depth+1)
			}
			sb.WriteByte(' ')
		}
	}
	collect(n, 0)
	c.text = clean(sb.String())
	for _, cr := range credits {
		for _, p := range creditPrefixes {
			cr = strings.TrimSpace(strings.TrimPrefix(cr, p))
		}
		if cr != "" {
			c.credit = cr
			break
		}
	}
	if c.credit == "" {
		c.text, c.credit = splitCredit(c.text)
	}
	if c.text == "" || !hasLetterString(c.text) {
		return caption{}, false
	}
	return c, true
}

// splitCredit takes the credit out of a caption's text: a "Photograph: X"
// phrase, or a closing parenthesis.
func splitCredit(t string) (string, string) {
	for _, p := range creditPrefixes {
		if i := strings.LastIndex(t, p); i > 0 {
			if cr := strings.TrimSpace(t[i+len(p):]); cr != "" && utf8.RuneCountInString(cr) <= 80 {
				return strings.TrimSpace(t[:i]), cr
			}
		}
	}
	if strings.HasSuffix(t, ")") {
		if i := strings.LastIndex(t, "("); i > 0 {
			cr := strings.TrimSpace(t[i+1 : len(t)-1])
			if cr != "" && hasLetterString(cr) && len(strings.Fields(cr)) <= 6 {
				return strings.TrimSpace(t[:i]), cr
			}
		}
	}
	return t, ""
}

// blocks lays out the extracted content one block a string: paragraphs,
// headings, list items, quotations and table rows, each with its white
// space collapsed so that it is one line.
func blocks(root *html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if t := clean(cur.String()); t != "" && hasLetterOrDigit(t) {
			out = append(out, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Img, atom.Figure, atom.Figcaption:
				return
			case atom.Br:
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock(n)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if block {
			flush()
		} else if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Td, atom.Th:
				cur.WriteString(" ")
			}
		}
	}
	walk(root, 0)
	flush()
	return out
}

func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol,
		atom.Blockquote, atom.Pre, atom.Tr, atom.Table, atom.Section, atom.Article, atom.Header, atom.Dd, atom.Dt, atom.Hr:
		return true
	}
	// trafilatura's own element names, should any reach the tree.
	switch n.Data {
	case "head", "item", "list", "quote", "row":
		return true
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			if len(a.Val) > 1<<16 {
				return a.Val[:1<<16]
			}
			return a.Val
		}
	}
	return ""
}

func classHas(n *html.Node, word string) bool {
	return strings.Contains(strings.ToLower(attr(n, "class")), word)
}

// textOf returns the text under n, bounded so a pathological page cannot
// make one element's text huge.
func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 || sb.Len() > 1<<20 {
			return
		}
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return sb.String()
}

// clean collapses white space (including no-break and zero-width spaces)
// to single spaces and drops control characters and NULs.
func clean(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == 0 || r == utf8.RuneError:
			continue
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			space = sb.Len() > 0
			continue
		case unicode.IsControl(r):
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// foldLine is a key for telling the same block apart from its layout:
// letters and digits only, lower-cased.
func foldLine(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

func hasLetterString(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// htmlArticle reads one HTML file's bytes.
func htmlArticle(name string, data []byte) (claimtrail.Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return claimtrail.Article{}, invalidf("empty file")
	}
	a, err := ParseHTML(data, HTMLOptions{Path: name})
	if err != nil {
		return claimtrail.Article{}, fmt.Errorf("html: %w", err)
	}
	return a, nil
}

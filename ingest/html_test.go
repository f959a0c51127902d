package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/text"
)

const htmlDir = "../testdata/html"

// tokenF1 compares two texts as bags of lower-cased words.
func tokenF1(got, want string) (p, r, f float64) {
	bag := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
		}) {
			m[w]++
		}
		return m
	}
	g, w := bag(got), bag(want)
	var ng, nw, both int
	for k, v := range g {
		ng += v
		both += min(v, w[k])
	}
	for _, v := range w {
		nw += v
	}
	if ng == 0 || nw == 0 || both == 0 {
		return 0, 0, 0
	}
	p, r = float64(both)/float64(ng), float64(both)/float64(nw)
	return p, r, 2 * p * r / (p + r)
}

// bodyText is what segmentation sees as the article's prose: body,
// dateline and source-line paragraphs, without title, captions and chrome.
func bodyText(a *claimtrail.Article) string {
	text.Segment(a)
	rs := []rune(a.Text)
	var sb strings.Builder
	for _, p := range a.Paragraphs {
		switch p.Kind {
		case claimtrail.ParagraphTitle, claimtrail.ParagraphCaption, claimtrail.ParagraphChrome:
			continue
		}
		sb.WriteString(string(rs[p.Span.Start:p.Span.End]))
		sb.WriteString("\n")
	}
	return sb.String()
}

// TestHTMLBodyQuality measures the body the HTML reader gives for each
// saved page against the body written by hand beside it (NAME.body). The
// figures are logged (go test -v -run HTMLBodyQuality ./ingest).
func TestHTMLBodyQuality(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join(htmlDir, "*.html"))
	if len(pages) < 6 {
		t.Fatalf("want at least 6 saved pages, found %d", len(pages))
	}
	var sumP, sumR, sumF float64
	for _, page := range pages {
		want := mustRead(t, strings.TrimSuffix(page, ".html")+".body")
		arts, errs := collect(t, ingest.NewReader(ingest.Options{}), page)
		if len(errs) > 0 || len(arts) != 1 {
			t.Fatalf("%s: %v", page, errs)
		}
		p, r, f := tokenF1(bodyText(&arts[0]), want)
		sumP, sumR, sumF = sumP+p, sumR+r, sumF+f
		t.Logf("%-32s P %.3f R %.3f F1 %.3f", filepath.Base(page), p, r, f)
		if f < 0.95 {
			t.Errorf("%s: body token F1 %.3f, want at least 0.95", page, f)
		}
	}
	n := float64(len(pages))
	t.Logf("%-32s P %.3f R %.3f F1 %.3f", "mean", sumP/n, sumR/n, sumF/n)
}

func TestHTMLMetadata(t *testing.T) {
	ts := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v.UTC()
	}
	for _, c := range []struct {
		file                         string
		url, outlet, lang, title, by string
		published, modified          time.Time
		credits                      []string
	}{
		{"ar-aljazeera-ceasefire.html", "https://www.aljazeera.net/news/2025/3/4/sudan-truce-talks", "الجزيرة نت", "ar",
			"مصادر: اتفاق وشيك على هدنة في السودان", "محمد العلي",
			ts("2025-03-04T06:15:00Z"), ts("2025-03-04T10:40:00Z"), []string{"رويترز"}},
		{"ar-bbc-water.html", "https://www.bbc.com/arabic/articles/c4n3w7x1yz2o", "BBC News عربي", "ar",
			"العراق: الجفاف يهدد ملايين السكان في الجنوب", "سالي نبيل, أحمد روابة",
			ts("2025-06-12T07:02:11Z"), ts("2025-06-12T10:30:00Z"), []string{"Getty Images"}},
		{"ar-asharq-oil.html", "", "الشرق الأوسط", "ar",
			"السعودية تمدد خفض إنتاج النفط حتى نهاية العام", "الرياض: فهد الشمري",
			ts("2025-09-01T15:20:00Z"), time.Time{}, []string{"أ.ف.ب"}},
		{"en-reuters-port.html", "https://www.reuters.com/world/asia-pacific/sri-lanka-approves-port-deal-2025-01-27/", "Reuters", "en",
			"Sri Lanka approves port deal with Indian conglomerate, officials say", "Uditha Jayasinghe",
			ts("2025-01-27T06:42:00Z"), ts("2025-01-27T08:05:00Z"), []string{"REUTERS/Dinuka Liyanawatte/File Photo"}},
		{"en-ap-wildfire.html", "https://apnews.com/article/california-wildfire-evacuations-3f2a1b", "AP News", "en",
			"Wildfire forces thousands to evacuate in southern California", "Christopher Weber, Amy Taxin",
			ts("2025-07-14T21:03:12Z"), ts("2025-07-15T02:10:44Z"), []string{"AP Photo/Ethan Swope"}},
		{"en-guardian-climate.html", "https://www.theguardian.com/environment/2025/nov/20/un-climate-talks-stall-finance", "the Guardian", "en",
			"UN climate talks stall over finance as deadline nears", "Fiona Harvey",
			ts("2025-11-20T17:45:08Z"), ts("2025-11-20T19:02:31Z"), []string{"Sergio Lima/AFP/Getty Images", "Reuters"}},
	} {
		t.Run(c.file, func(t *testing.T) {
			arts, errs := collect(t, ingest.NewReader(ingest.Options{}), filepath.Join(htmlDir, c.file))
			if len(errs) > 0 || len(arts) != 1 {
				t.Fatalf("%v", errs)
			}
			a := arts[0]
			if c.url != "" && a.URL != c.url {
				t.Errorf("URL %q, want %q", a.URL, c.url)
			}
			if c.url == "" && !strings.HasPrefix(a.URL, "https://aawsat.com/") {
				t.Errorf("URL %q, want the canonical link", a.URL)
			}
			for _, f := range []struct{ name, got, want string }{
				{"Outlet", a.Outlet, c.outlet}, {"Lang", a.Lang, c.lang}, {"Title", a.Title, c.title}, {"Byline", a.Byline, c.by},
			} {
				if f.got != f.want {
					t.Errorf("%s %q, want %q", f.name, f.got, f.want)
				}
			}
			if !a.Published.Equal(c.published) || !a.Modified.Equal(c.modified) {
				t.Errorf("Published %v Modified %v, want %v %v", a.Published, a.Modified, c.published, c.modified)
			}
			if a.Hash != claimtrail.ContentHash(a.Text) || a.ID == "" {
				t.Errorf("hash or id not set from the text")
			}
			text.Segment(&a)
			var credits []string
			for _, cr := range a.Credits {
				credits = append(credits, cr.Text)
			}
			if strings.Join(credits, "|") != strings.Join(c.credits, "|") {
				t.Errorf("credits %q, want %q", credits, c.credits)
			}
			for _, junk := range []string{"Most read", "الأكثر قراءة", "Read Next", "Newsletter", "Subscribe", "اشترك", "Purchase Licensing", "مواضيع ذات صلة", "More on this story"} {
				if strings.Contains(a.Text, junk) {
					t.Errorf("text keeps page furniture %q", junk)
				}
			}
		})
	}
}

func TestHTMLSourceLineAndTitle(t *testing.T) {
	arts, _ := collect(t, ingest.NewReader(ingest.Options{}), filepath.Join(htmlDir, "ar-aljazeera-ceasefire.html"))
	a := arts[0]
	text.Segment(&a)
	if a.Paragraphs[0].Kind != claimtrail.ParagraphTitle {
		t.Errorf("first paragraph is %s, want the title", a.Paragraphs[0].Kind)
	}
	if strings.Join(a.SourceLine, "+") != "الجزيرة+وكالات" {
		t.Errorf("source line %q", a.SourceLine)
	}
}

func TestHTMLCharsetAndSniff(t *testing.T) {
	// windows-1256 Arabic, declared in a meta tag, read from standard input.
	page := "<html><head><meta charset=\"windows-1256\"><title>x</title></head><body><article><h1>\xda\xc7\xcc\xe1</h1>" +
		strings.Repeat("<p>\xe3\xd1\xcd\xc8\xc7 \xc8\xc7\xe1\xda\xc7\xe1\xe3 \xe3\xd1\xcd\xc8\xc7 \xc8\xc7\xe1\xda\xc7\xe1\xe3 \xe3\xd1\xcd\xc8\xc7.</p>", 8) +
		"</article></body></html>"
	r := ingest.NewReader(ingest.Options{Stdin: strings.NewReader(page)})
	arts, errs := collect(t, r, "-")
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("%v", errs)
	}
	if !strings.Contains(arts[0].Text, "مرحبا بالعالم") {
		t.Errorf("windows-1256 not decoded: %q", arts[0].Text)
	}
}

func TestHTMLNoArticle(t *testing.T) {
	r := ingest.NewReader(ingest.Options{Stdin: strings.NewReader("<!doctype html><html><body><nav><a href=/>Home</a></nav></body></html>")})
	_, errs := collect(t, r, "-")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "no article text") {
		t.Fatalf("errors %v, want one saying there is no article text", errs)
	}
}

func TestHTMLDirectoryWalk(t *testing.T) {
	arts, errs := collect(t, ingest.NewReader(ingest.Options{}), htmlDir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(arts) != 6 {
		t.Errorf("walk read %d articles, want the 6 pages (not the .body files)", len(arts))
	}
}

func FuzzHTML(f *testing.F) {
	// Small seeds: extraction costs time in proportion to the page, and
	// the fuzzer's work is in the malformed parts, not the long ones.
	f.Add([]byte(`<!doctype html><html lang="en"><head><meta property="og:site_name" content="X"><meta property="article:published_time" content="2025-01-27T06:42:00Z"><link rel=canonical href="/a"></head><body><nav><a href=/>Home</a></nav><article><h1>T</h1><figure><figcaption>Cranes at the port. <span class="credit">REUTERS/A B</span></figcaption></figure><p>The minister said on Monday that the talks would resume next week.</p><div class="related"><a>x</a></div></article></body></html>`))
	f.Add([]byte(`<html lang="ar" dir="rtl"><script type="application/ld+json">{"@graph":[{"@type":["NewsArticle"],"author":[1,{"name":"x"}],"headline":5}]}</script><figure><figcaption>a (b)</figcaption></figure><p>text here.</p></html>`))
	f.Add([]byte("<!doctype html><meta charset=utf-16><p>\xff\xfe</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ingest.ParseHTML(data, ingest.HTMLOptions{URL: "https://example.com/a"})
		if err != nil {
			return
		}
		if a.Hash != claimtrail.ContentHash(a.Text) || strings.TrimSpace(a.Text) == "" {
			t.Fatalf("bad article: %+v", a)
		}
		text.Segment(&a)
		_ = context.Background()
	})
}

func TestHTMLUncreditedCaptionLeftOut(t *testing.T) {
	page := `<html lang="en"><body><article><h1>Head</h1><figure><img src=x><figcaption>Officials said the bridge was unsafe</figcaption></figure>` +
		`<p>The minister said on Monday that the talks would resume next week in Geneva.</p></article></body></html>`
	a, err := ingest.ParseHTML([]byte(page), ingest.HTMLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "bridge") {
		t.Errorf("an uncredited caption went into the text:\n%s", a.Text)
	}
}

func TestHTMLRightToLeftWithoutLang(t *testing.T) {
	page := `<html dir="rtl"><body><article><h1>عنوان</h1><p>قال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في جنيف.</p></article></body></html>`
	a, err := ingest.ParseHTML([]byte(page), ingest.HTMLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Lang != "" {
		t.Errorf("Lang %q without a lang attribute", a.Lang)
	}
	text.Segment(&a)
	if a.Lang != claimtrail.LangArabic {
		t.Errorf("segmentation gave Lang %q, want ar from the script", a.Lang)
	}
}

// TestHTMLDeepNesting reads pages of deeply nested elements, block and
// inline, around a real paragraph: past the parser's 512 levels the page
// is refused with an error saying why, below it the paragraph is
// extracted; either in bounded time and memory. Nested tables do not nest
// (a <table> in a table's body closes it), so they are read.
func TestHTMLDeepNesting(t *testing.T) {
	body := "<p>The minister said on Monday that the road to the port would open in May, after two years of work.</p>"
	tests := []struct {
		tag   string
		depth int
		want  string // in the error; "" = extracted
	}{
		{"div", 10000, "nested more than 512 deep"},
		{"b", 10000, "nested more than 512 deep"},
		{"span", 10000, "nested more than 512 deep"},
		{"table", 10000, ""},
		{"div", 500, ""},
		{"b", 500, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d %s", tt.depth, tt.tag), func(t *testing.T) {
			page := "<html><head><title>Deep</title></head><body>" +
				strings.Repeat("<"+tt.tag+">", tt.depth) + body + strings.Repeat("</"+tt.tag+">", tt.depth) + "</body></html>"
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			a, err := ingest.ParseHTML([]byte(page), ingest.HTMLOptions{Path: "deep.html"})
			d := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := (after.TotalAlloc - before.TotalAlloc) >> 20
			t.Logf("%d nested <%s>: %v, %d MiB allocated, err %v", tt.depth, tt.tag, d.Round(time.Millisecond), alloc, err)
			if d > 10*time.Second {
				t.Errorf("took %v", d)
			}
			if alloc > 512 {
				t.Errorf("allocated %d MiB", alloc)
			}
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want == "" && !strings.Contains(a.Text, "road to the port"):
				t.Errorf("text %q lacks the paragraph", a.Text)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, claimtrail.ErrInvalidInput)):
				t.Errorf("error %v, want an invalid-input error saying %q", err, tt.want)
			}
		})
	}
}

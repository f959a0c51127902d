package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
)

const warcDir = "../testdata/warc"

type skip struct{ where, why string }

func readWARC(t *testing.T, opts ingest.Options, paths ...string) ([]claimtrail.Article, []error, []skip) {
	t.Helper()
	var skips []skip
	opts.Skipped = func(where, why string) { skips = append(skips, skip{where, why}) }
	arts, errs := collect(t, ingest.NewReader(opts), paths...)
	return arts, errs, skips
}

// The fixtures are two wget captures of testdata/warc/gen: the Arabic story
// is edited between them, the English one is not (a revisit record).
func TestWARCFromWget(t *testing.T) {
	arts, errs, skips := readWARC(t, ingest.Options{}, filepath.Join(warcDir, "capture-1.warc.gz"), filepath.Join(warcDir, "capture-2.warc.gz"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, a := range arts {
		got = append(got, a.URL)
		if a.Captured.IsZero() {
			t.Errorf("%s: no capture time from WARC-Date", a.Path)
		}
		if a.Title == "" || a.Outlet == "" || a.Lang == "" {
			t.Errorf("%s: metadata missing: %+v", a.Path, a)
		}
		if !strings.HasPrefix(a.Path, filepath.Join(warcDir, "capture-")) || !strings.Contains(a.Path, ".warc.gz#") {
			t.Errorf("path %q does not name the record", a.Path)
		}
	}
	const truce, port = "http://127.0.0.1:18931/news/truce.html", "http://127.0.0.1:18931/news/port.html"
	if strings.Join(got, " ") != truce+" "+port+" "+truce {
		t.Fatalf("articles %q, want the two stories of capture 1 and the edited one of capture 2", got)
	}
	if arts[0].Hash == arts[2].Hash || !strings.Contains(arts[2].Text, "12 مليون") {
		t.Errorf("capture 2 does not have the edited text")
	}
	if !arts[2].Captured.After(arts[0].Captured) {
		t.Errorf("capture times %v, %v not in order", arts[0].Captured, arts[2].Captured)
	}
	// The chunked response of the English page is decoded.
	if !strings.Contains(arts[1].Text, "competitive tender.") || strings.Contains(arts[1].Text, "\r\n") {
		t.Errorf("chunked page badly decoded: %q", arts[1].Text)
	}
	why := map[string]int{}
	for _, s := range skips {
		why[s.why]++
	}
	want := map[string]int{ingest.SkipRevisit: 6, ingest.SkipNotHTML: 3, ingest.SkipStatus: 1, ingest.SkipNoArticle: 1}
	if fmt.Sprint(why) != fmt.Sprint(want) {
		t.Errorf("skipped %v, want %v\n%v", why, want, skips)
	}
}

func TestWARCDirectoryAndStdin(t *testing.T) {
	arts, errs, _ := readWARC(t, ingest.Options{}, warcDir)
	if len(errs) > 0 || len(arts) != 3 {
		t.Fatalf("directory: %d articles, errors %v", len(arts), errs)
	}
	data, err := os.ReadFile(filepath.Join(warcDir, "capture-1.warc.gz"))
	if err != nil {
		t.Fatal(err)
	}
	arts, errs, _ = readWARC(t, ingest.Options{Stdin: bytes.NewReader(data)}, "-")
	if len(errs) > 0 || len(arts) != 2 {
		t.Fatalf("stdin: %d articles, errors %v", len(arts), errs)
	}
	// Uncompressed, sniffed from its first bytes.
	zr, _ := gzip.NewReader(bytes.NewReader(data))
	var plain bytes.Buffer
	plain.ReadFrom(zr)
	arts, errs, _ = readWARC(t, ingest.Options{Stdin: &plain}, "-")
	if len(errs) > 0 || len(arts) != 2 {
		t.Fatalf("uncompressed stdin: %d articles, errors %v", len(arts), errs)
	}
}

func record(typ, uri, ctype, block string) string {
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-03-01T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, ctype, len(block), block)
}

const page = "<html lang=en><head><title>T</title></head><body><article><h1>A headline</h1><p>The minister said on Monday that the talks would resume next week in Geneva.</p></article></body></html>"

func httpResp(status, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

func TestWARCErrorsAndLimits(t *testing.T) {
	good := record("response", "https://example.com/a", "application/http; msgtype=response", httpResp("200 OK", "text/html", page))
	for _, c := range []struct {
		name, in string
		arts     int
		err      string
	}{
		{"good", good, 1, ""},
		{"bad content length", "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n", 0, "bad or missing Content-Length"},
		{"truncated", good[:len(good)-60], 0, "truncated"},
		{"garbage after a record", good + "hello\r\n", 1, "not a WARC record"},
		{"wrong length", strings.Replace(good, "Content-Length: 2", "Content-Length: 1", 1), 0, "record"},
		{"huge header", "WARC/1.1\r\n" + strings.Repeat("X-A: b\r\n", 10000), 0, "WARC header"},
		{"too big for the limit", record("response", "https://example.com/b", "application/http; msgtype=response", httpResp("200 OK", "text/html", page+strings.Repeat(" ", 5000))), 0, "larger than the limit"},
		{"resource record", record("resource", "https://example.com/r", "text/html", page), 1, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			arts, errs, _ := readWARC(t, ingest.Options{MaxBytes: 4096, Stdin: strings.NewReader(c.in)}, "-")
			if len(arts) != c.arts {
				t.Errorf("%d articles, want %d", len(arts), c.arts)
			}
			if c.err == "" && len(errs) > 0 || c.err != "" && (len(errs) != 1 || !strings.Contains(errs[0].Error(), c.err)) {
				t.Errorf("errors %v, want one containing %q", errs, c.err)
			}
			for _, err := range errs {
				if !errors.Is(err, claimtrail.ErrInvalidInput) {
					t.Errorf("%v does not wrap ErrInvalidInput", err)
				}
			}
		})
	}
}

func FuzzWARC(f *testing.F) {
	for _, name := range []string{"capture-1.warc.gz", "capture-2.warc.gz"} {
		data, err := os.ReadFile(filepath.Join(warcDir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		zr, _ := gzip.NewReader(bytes.NewReader(data))
		var plain bytes.Buffer
		plain.ReadFrom(zr)
		// The first records uncompressed, so the fuzzer mutates the text.
		f.Add(plain.Bytes()[:min(plain.Len(), 6000)])
	}
	f.Add([]byte(record("response", "https://example.com/a", "application/http; msgtype=response", httpResp("200 OK", "text/html", page))))
	f.Add([]byte(record("response", "https://e.com/a", "application/http", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>hi\r\n0\r\n\r\n")))
	r := ingest.NewReader(ingest.Options{MaxBytes: 1 << 16, Skipped: func(string, string) {}})
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheck(t, r.Decode(context.Background(), "fuzz.warc", bytes.NewReader(data), ingest.FormatWARC))
	})
}

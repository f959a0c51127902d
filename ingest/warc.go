package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// WARC limits. A record header is a few hundred bytes; these bound what a
// broken or hostile file can make the reader hold.
const (
	warcMaxHeaderBytes = 64 << 10
	warcMaxHeaderLines = 512
	// warcHTTPHeaderSlack is room for the HTTP status line and headers on
	// top of MaxBytes of payload.
	warcHTTPHeaderSlack = 1 << 20
)

// Skip reasons passed to Options.Skipped.
const (
	SkipRevisit   = "revisit record"
	SkipNotHTML   = "not HTML"
	SkipStatus    = "HTTP status not 200"
	SkipEncoding  = "unsupported content encoding"
	SkipNoArticle = "no article text"
	// SkipTooLarge: a response record larger than MaxBytes (and room for
	// its HTTP headers), passed over unread.
	SkipTooLarge = "larger than the size limit"
)

var gzipMagic = []byte{0x1f, 0x8b}

// isWARC reports input that opens as a WARC file, compressed or not.
func isWARC(head []byte) bool {
	if bytes.HasPrefix(head, gzipMagic) {
		// A gzip member: a WARC if its first bytes say so.
		zr, err := gzip.NewReader(bytes.NewReader(head))
		if err != nil {
			return false
		}
		var b [5]byte
		n, _ := io.ReadFull(zr, b[:])
		return string(b[:n]) == "WARC/"
	}
	return bytes.HasPrefix(bytes.TrimLeft(head, "\r\n"), []byte("WARC/"))
}

// warcRecord is one record's header fields (names lower-cased) and where it
// starts.
type warcRecord struct {
	n      int
	fields map[string]string
	length int64
}

func (w *warcRecord) get(name string) string { return w.fields[strings.ToLower(name)] }

// decodeWARC yields an article for each HTML page the WARC file captured:
// a response (or resource) record whose HTTP status is 200 and whose
// content type is HTML, as a version of its WARC-Target-URI captured at
// its WARC-Date. Revisit records, other content types and pages without
// article text are passed to Options.Skipped; requests, warcinfo and
// metadata records are not captures and are passed over silently.
//
// A record is read whole only if it may hold an article within MaxBytes;
// a larger one is skipped without being held. A file whose structure breaks
// (a bad header, a truncated gzip member) yields one error and the records
// before it.
func (r *Reader) decodeWARC(ctx context.Context, name string, br *bufio.Reader, yield yieldFunc) bool {
	var in *bufio.Reader = br
	if head, _ := br.Peek(2); bytes.Equal(head, gzipMagic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fail(yield, name, 0, invalidf("not a gzip-compressed WARC file: %v", err))
		}
		defer zr.Close()
		in = bufio.NewReaderSize(zr, 64<<10)
	}
	limit := r.maxBytes()
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			yield(claimtrail.Article{}, err)
			return false
		}
		rec, err := readWARCHeader(in, n)
		if err == io.EOF {
			if n == 1 {
				return fail(yield, name, 0, invalidf("empty WARC file"))
			}
			return true
		}
		if err != nil {
			return fail(yield, name, 0, warcErr(n, err))
		}
		block := &exactReader{r: in, n: rec.length}
		a, ok, err := r.warcArticle(name, rec, block, limit)
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return fail(yield, name, 0, warcErr(n, err))
		}
		// Whatever was not read of the block is passed over.
		if _, derr := io.Copy(io.Discard, block); derr != nil {
			return fail(yield, name, 0, warcErr(n, derr))
		}
		if err := endOfRecord(in); err != nil {
			return fail(yield, name, 0, warcErr(n, err))
		}
		if err != nil {
			if !fail(yield, name, 0, fmt.Errorf("record %d (%s): %w", n, rec.get("WARC-Target-URI"), err)) {
				return false
			}
			continue
		}
		if ok && !yield(a, nil) {
			return false
		}
	}
}

func warcErr(n int, err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return invalidf("record %d: WARC file truncated", n)
	}
	var inv *invalid
	if errors.As(err, &inv) {
		return invalidf("record %d: %s", n, inv.msg)
	}
	return invalidf("record %d: %v", n, err)
}

// readWARCHeader reads a record's version line and header fields. It
// returns io.EOF at the clean end of the input.
func readWARCHeader(in *bufio.Reader, n int) (*warcRecord, error) {
	read := 0
	line := func() (string, error) {
		s, err := warcLine(in, warcMaxHeaderBytes-read)
		read += len(s) + 2
		return s, err
	}
	// Blank lines between records are tolerated.
	var first string
	for i := 0; ; i++ {
		s, err := line()
		if err != nil {
			if err == io.EOF && s == "" {
				return nil, io.EOF
			}
			return nil, err
		}
		if s != "" {
			first = s
			break
		}
		if i > 16 {
			return nil, invalidf("no WARC record where one was expected")
		}
	}
	if !strings.HasPrefix(first, "WARC/") {
		return nil, invalidf("not a WARC record (it starts %q)", truncate(first, 20))
	}
	rec := &warcRecord{n: n, fields: map[string]string{}}
	last := ""
	for i := 0; ; i++ {
		if i >= warcMaxHeaderLines {
			return nil, invalidf("WARC header has more than %d lines", warcMaxHeaderLines)
		}
		s, err := line()
		if err != nil {
			return nil, err
		}
		if s == "" {
			break
		}
		if (s[0] == ' ' || s[0] == '\t') && last != "" {
			rec.fields[last] += " " + strings.TrimSpace(s)
			continue
		}
		k, v, ok := strings.Cut(s, ":")
		if !ok {
			return nil, invalidf("bad WARC header line %q", truncate(s, 40))
		}
		last = strings.ToLower(strings.TrimSpace(k))
		if _, dup := rec.fields[last]; !dup {
			rec.fields[last] = strings.TrimSpace(v)
		}
	}
	cl := rec.get("Content-Length")
	length, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || length < 0 {
		return nil, invalidf("bad or missing Content-Length %q in WARC header", truncate(cl, 20))
	}
	rec.length = length
	return rec, nil
}

// warcLine reads one line without its CRLF or LF, refusing lines longer
// than max bytes.
func warcLine(in *bufio.Reader, max int) (string, error) {
	var buf []byte
	for {
		chunk, err := in.ReadSlice('\n')
		if len(buf)+len(chunk) > max {
			return "", invalidf("WARC header too long")
		}
		buf = append(buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF && len(buf) > 0 {
				return "", io.ErrUnexpectedEOF
			}
			return "", err
		}
		break
	}
	return strings.TrimRight(string(buf), "\r\n"), nil
}

// endOfRecord reads the CRLF CRLF that ends a record. A missing one is
// tolerated at the end of the input, as some writers leave it out.
func endOfRecord(in *bufio.Reader) error {
	for range 2 {
		s, err := warcLine(in, 16)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if s != "" {
			return invalidf("record does not end with a blank line (Content-Length wrong?)")
		}
	}
	return nil
}

// warcArticle makes an article of a record if it is an HTML capture. ok is
// false for a record that is not one; err is set for a capture that could
// not be read.
func (r *Reader) warcArticle(name string, rec *warcRecord, block io.Reader, limit int64) (claimtrail.Article, bool, error) {
	typ := strings.ToLower(rec.get("WARC-Type"))
	uri := strings.Trim(rec.get("WARC-Target-URI"), "<>")
	skip := func(reason string) (claimtrail.Article, bool, error) {
		if r.Skipped != nil {
			r.Skipped(fmt.Sprintf("%s#%d %s", name, rec.n, uri), reason)
		}
		return claimtrail.Article{}, false, nil
	}
	if !strings.HasPrefix(uri, "http://") && !strings.HasPrefix(uri, "https://") {
		// The crawler's own records (wget's arguments and log) capture
		// no page.
		return claimtrail.Article{}, false, nil
	}
	switch typ {
	case "revisit":
		return skip(SkipRevisit)
	case "response", "resource":
	default:
		return claimtrail.Article{}, false, nil
	}
	ctype := rec.get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ctype)
	var payload []byte
	var httpType string
	switch {
	case typ == "response" && mt == "application/http":
		if rec.length > limit+warcHTTPHeaderSlack {
			return skip(SkipTooLarge)
		}
		data, err := io.ReadAll(io.LimitReader(block, rec.length))
		if err != nil {
			return claimtrail.Article{}, false, err
		}
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(data)), nil)
		if err != nil {
			return claimtrail.Article{}, false, invalidf("bad HTTP response in record: %v", err)
		}
		defer resp.Body.Close()
		httpType = resp.Header.Get("Content-Type")
		if !isHTMLType(httpType) {
			return skip(SkipNotHTML)
		}
		if resp.StatusCode != http.StatusOK {
			return skip(SkipStatus)
		}
		body := io.Reader(resp.Body)
		switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
		case "", "identity":
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(body)
			if err != nil {
				return claimtrail.Article{}, false, invalidf("bad gzip content encoding: %v", err)
			}
			defer zr.Close()
			body = zr
		default:
			return skip(SkipEncoding)
		}
		payload, err = io.ReadAll(io.LimitReader(body, limit+1))
		if err != nil && len(payload) == 0 {
			return claimtrail.Article{}, false, invalidf("bad HTTP body in record: %v", err)
		}
	case typ == "resource" && isHTMLType(ctype):
		httpType = ctype
		if rec.length > limit {
			return claimtrail.Article{}, false, invalidf("larger than the limit of %s (limits.max_article_bytes)", formatBytes(limit))
		}
		var err error
		payload, err = io.ReadAll(io.LimitReader(block, rec.length))
		if err != nil {
			return claimtrail.Article{}, false, err
		}
	default:
		return skip(SkipNotHTML)
	}
	if int64(len(payload)) > limit {
		return claimtrail.Article{}, false, invalidf("page larger than the limit of %s (limits.max_article_bytes)", formatBytes(limit))
	}
	a, err := ParseHTML(payload, HTMLOptions{
		URL:         uri,
		KeepURL:     true,
		ContentType: httpType,
		Captured:    parseWARCDate(rec.get("WARC-Date")),
		Path:        fmt.Sprintf("%s#%d", name, rec.n),
	})
	if err != nil {
		return skip(SkipNoArticle)
	}
	return a, true, nil
}

func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

func parseWARCDate(s string) time.Time {
	if t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s)); err == nil {
		return t.UTC()
	}
	return time.Time{}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// exactReader reads exactly n bytes of a record's block: an input that
// ends sooner is truncated, not a shorter record.
type exactReader struct {
	r io.Reader
	n int64
}

func (e *exactReader) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > e.n {
		p = p[:e.n]
	}
	k, err := e.r.Read(p)
	e.n -= int64(k)
	if err == io.EOF && e.n > 0 {
		err = io.ErrUnexpectedEOF
	}
	return k, err
}

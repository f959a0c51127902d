package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// formatSniffed is input that starts like JSON but whose name does not say
// which kind: JSON lines if the first line is a whole object, else a JSON
// document, else (if it does not parse at all) plain text.
const formatSniffed Format = "json?"

// Fields are the JSON fields a record may carry; others are ignored so
// that records exported by other tools can be read as they are.
var Fields = []string{"id", "text", "file", "title", "url", "outlet", "lang", "published", "date", "captured", "story", "byline"}

// decodeLines reads JSON lines: one object per line, blank lines skipped.
// Each line is limited to MaxBytes on its own, so a file may hold any
// number of articles.
func (r *Reader) decodeLines(ctx context.Context, name string, br *bufio.Reader, yield yieldFunc) bool {
	limit := r.maxBytes()
	var off int64 // byte offset of the current line in the input
	seen := false
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			yield(claimtrail.Article{}, err)
			return false
		}
		line, size, tooLong, err := readLine(br, limit)
		if err != nil && err != io.EOF {
			return fail(yield, name, n, unwrapPath(err))
		}
		if size == 0 && err == io.EOF {
			break
		}
		start := off
		off += size
		switch {
		case tooLong:
			seen = true
			if !fail(yield, name, n, invalidf("line is larger than the limit of %s (limits.max_article_bytes)", formatBytes(limit))) {
				return false
			}
		case len(bytes.TrimSpace(line)) == 0:
			// Blank lines separate nothing; skip them.
		default:
			seen = true
			a, lerr := lineArticle(name, line, start, limit)
			if lerr != nil {
				if !fail(yield, name, n, lerr) {
					return false
				}
			} else if !yield(a, nil) {
				return false
			}
		}
		if err == io.EOF {
			break
		}
	}
	if !seen {
		return fail(yield, name, 0, invalidf("empty file"))
	}
	return true
}

// readLine reads one line without its line ending. It never holds more than
// limit bytes of it: a longer line is consumed and reported as tooLong.
// size counts every byte consumed, for offsets.
func readLine(br *bufio.Reader, limit int64) (line []byte, size int64, tooLong bool, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		size += int64(len(chunk))
		if !tooLong {
			if int64(len(line))+int64(len(chunk)) > limit+1 { // +1 for the '\n'
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(e, bufio.ErrBufferFull) {
			continue
		}
		if e != nil {
			err = e
		}
		break
	}
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if tooLong {
		line = nil
	}
	return line, size, tooLong, err
}

func lineArticle(name string, line []byte, off, limit int64) (claimtrail.Article, error) {
	if err := checkText(line, off); err != nil {
		return claimtrail.Article{}, err
	}
	t := bytes.TrimSpace(line)
	if t[0] != '{' {
		return claimtrail.Article{}, invalidf("want a JSON object on each line, got %s", jsonKind(t))
	}
	dec := json.NewDecoder(bytes.NewReader(t))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return claimtrail.Article{}, jsonError(err, t)
	}
	if _, err := dec.Token(); err != io.EOF {
		return claimtrail.Article{}, invalidf("extra data after the object at column %d", dec.InputOffset())
	}
	return objectArticle(name, raw, limit)
}

// decodeDocument reads a JSON document: an object, an array of objects, or
// several of these one after another. A syntax error ends the document; a
// bad element does not.
func decodeDocument(ctx context.Context, name string, data []byte, limit int64, yield yieldFunc) bool {
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(yield, name, 0, invalidf("empty file"))
	}
	if err := checkText(data, 0); err != nil {
		return fail(yield, name, 0, err)
	}
	lines := lineCounter{data: data}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		start := skipSpace(data, int(dec.InputOffset()))
		if start >= len(data) {
			return true
		}
		switch data[start] {
		case '[':
			if _, err := dec.Token(); err != nil {
				return fail(yield, name, lines.at(start), jsonError(err, data))
			}
			for dec.More() {
				if err := ctx.Err(); err != nil {
					yield(claimtrail.Article{}, err)
					return false
				}
				elem := skipSpace(data, int(dec.InputOffset()))
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return fail(yield, name, lines.at(elem), jsonError(err, data))
				}
				if !yieldObject(name, raw, lines.at(elem), limit, yield) {
					return false
				}
			}
			if _, err := dec.Token(); err != nil {
				return fail(yield, name, lines.at(int(dec.InputOffset())), jsonError(err, data))
			}
		case '{':
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return fail(yield, name, lines.at(start), jsonError(err, data))
			}
			if !yieldObject(name, raw, lines.at(start), limit, yield) {
				return false
			}
		default:
			return fail(yield, name, lines.at(start), invalidf("want a JSON object or an array of objects, got %s", jsonKind(data[start:])))
		}
	}
}

func yieldObject(name string, raw json.RawMessage, line int, limit int64, yield yieldFunc) bool {
	if k := jsonKind(raw); k != "object" {
		return fail(yield, name, line, invalidf("want a JSON object, got %s", k))
	}
	a, err := objectArticle(name, raw, limit)
	if err != nil {
		return fail(yield, name, line, err)
	}
	return yield(a, nil)
}

// decodeSniffed handles input that starts like JSON but has no telling
// name, such as standard input.
func (r *Reader) decodeSniffed(ctx context.Context, name string, br *bufio.Reader, yield yieldFunc) bool {
	head, _ := br.Peek(sniffSize)
	t := bytes.TrimLeft(head, " \t\r\n")
	if t[0] == '{' {
		first, _, _ := bytes.Cut(t, []byte("\n"))
		if json.Valid(bytes.TrimSpace(first)) {
			return r.decodeLines(ctx, name, br, yield)
		}
	}
	data, err := r.readAll(br)
	if err != nil {
		return fail(yield, name, 0, err)
	}
	var first json.RawMessage
	var se *json.SyntaxError
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&first); errors.As(err, &se) {
		// Not JSON after all: a text that begins with a bracket.
		a, err := textArticle(name, data)
		if err != nil {
			return fail(yield, name, 0, err)
		}
		return yield(a, nil)
	}
	return decodeDocument(ctx, name, data, r.maxBytes(), yield)
}

// record is a JSON article before its fields are checked.
type record map[string]json.RawMessage

func (rec record) str(field string) (string, bool, error) {
	raw, ok := rec[field]
	if !ok {
		return "", false, nil
	}
	switch k := jsonKind(raw); k {
	case "null":
		return "", false, nil
	case "string":
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", false, invalidf("field %s: %v", field, err)
		}
		return s, true, nil
	default:
		return "", false, invalidf("field %s: want a string, got %s", field, k)
	}
}

func (rec record) time(field string) (time.Time, error) {
	s, ok, err := rec.str(field)
	if err != nil || !ok {
		return time.Time{}, err
	}
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, invalidf("field %s: want RFC 3339 (2021-06-05T14:30:00Z) or YYYY-MM-DD, got %q", field, s)
}

func objectArticle(name string, raw json.RawMessage, limit int64) (claimtrail.Article, error) {
	var rec record
	if err := json.Unmarshal(raw, &rec); err != nil {
		return claimtrail.Article{}, jsonError(err, raw)
	}
	var a claimtrail.Article
	text, ok, err := rec.str("text")
	if err == nil && !ok {
		// A manifest record: metadata for a text file beside it.
		var file string
		if file, ok, err = rec.str("file"); err == nil && ok {
			if text, err = readReferenced(name, file, limit); err != nil {
				return a, err
			}
			name = referencedPath(name, file)
		}
	}
	switch {
	case err != nil:
		return a, err
	case !ok:
		return a, invalidf("field text: missing; every record needs the article's text (or a file field naming a text file beside the list)")
	case strings.TrimSpace(text) == "":
		return a, invalidf("field text: empty")
	case strings.ContainsRune(text, 0):
		return a, invalidf("field text: contains a NUL character")
	}
	a.Text = text
	a.Hash = claimtrail.ContentHash(text)
	a.Path = name

	// An id may be a number in exported data; keep its digits as written.
	if raw, ok := rec["id"]; ok && jsonKind(raw) == "number" {
		a.ID = string(bytes.TrimSpace(raw))
	} else if a.ID, _, err = rec.str("id"); err != nil {
		return a, invalidf("field id: want a string or a number, got %s", jsonKind(rec["id"]))
	}
	if strings.TrimSpace(a.ID) == "" {
		a.ID = claimtrail.ArticleID(text)
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{
		{"title", &a.Title}, {"url", &a.URL}, {"outlet", &a.Outlet}, {"lang", &a.Lang},
		{"story", &a.Story}, {"byline", &a.Byline},
	} {
		if *f.dst, _, err = rec.str(f.name); err != nil {
			return a, err
		}
	}
	if a.Published, err = rec.time("published"); err != nil {
		return a, err
	}
	// Scraped corpora often call the publication date "date".
	if _, ok := rec["published"]; !ok {
		if a.Published, err = rec.time("date"); err != nil {
			return a, err
		}
	}
	if a.Captured, err = rec.time("captured"); err != nil {
		return a, err
	}
	return a, nil
}

// jsonKind names the JSON type of a value by its first byte.
func jsonKind(raw []byte) string {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return "nothing"
	}
	switch t[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "number"
	}
	return "something that is not JSON"
}

// jsonError rewords a decoding error for people: the column of a syntax
// error in a line, the line within a document.
func jsonError(err error, data []byte) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		lc := lineCounter{data: data}
		off := int(min(max(se.Offset-1, 0), int64(len(data))))
		line := lc.at(off)
		col := off - bytes.LastIndexByte(data[:off], '\n')
		if line > 1 {
			return invalidf("invalid JSON at line %d, column %d: %v", line, col, se)
		}
		return invalidf("invalid JSON at column %d: %v", col, se)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return invalidf("invalid JSON: unexpected end of input")
	}
	return invalidf("invalid JSON: %v", err)
}

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\r', '\n', ',':
			i++
		default:
			return i
		}
	}
	return i
}

// lineCounter turns byte offsets into 1-based line numbers, counting
// forward from the last offset asked so that a document is scanned once.
type lineCounter struct {
	data []byte
	off  int
	line int
}

func (lc *lineCounter) at(off int) int {
	off = min(max(off, 0), len(lc.data))
	if off < lc.off {
		lc.off, lc.line = 0, 0
	}
	lc.line += bytes.Count(lc.data[lc.off:off], []byte("\n"))
	lc.off = off
	return lc.line + 1
}

// referencedPath resolves a manifest's file field against the manifest's
// directory (the working directory for standard input).
func referencedPath(manifest, file string) string {
	if filepath.IsAbs(file) || manifest == Stdin {
		return filepath.Clean(file)
	}
	return filepath.Join(filepath.Dir(manifest), file)
}

// readReferenced reads the text file a manifest record names, under the
// same limit as any article.
func readReferenced(manifest, file string, limit int64) (string, error) {
	if strings.TrimSpace(file) == "" {
		return "", invalidf("field file: empty")
	}
	p := referencedPath(manifest, file)
	f, err := os.Open(p)
	if err != nil {
		return "", invalidf("field file: %v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return "", invalidf("field file: %v", unwrapPath(err))
	}
	if int64(len(data)) > limit {
		return "", invalidf("field file: %s is larger than the limit of %s (limits.max_article_bytes)", file, formatBytes(limit))
	}
	data = bytes.TrimPrefix(data, bom)
	if err := checkText(data, 0); err != nil {
		return "", invalidf("field file: %s: %v", file, err)
	}
	return string(data), nil
}

// manifestRefs lists the text files that a JSON or JSON lines manifest
// names in file fields, so a directory walk reads them once, with their
// metadata, and not a second time as bare text.
func manifestRefs(path string, limit int64) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil || int64(len(data)) > limit {
		return nil
	}
	var out []string
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var rec struct {
			Text *string `json:"text"`
			File string  `json:"file"`
		}
		if err := dec.Decode(&rec); err != nil {
			return out
		}
		if rec.Text == nil && rec.File != "" {
			out = append(out, referencedPath(path, rec.File))
		}
	}
}

package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// DefaultMaxBytes is the size limit when Options.MaxBytes is zero; it
// matches config.DefaultMaxArticleBytes.
const DefaultMaxBytes int64 = 16 << 20

// Stdin is the path that names standard input.
const Stdin = "-"

// Format is an input format.
type Format string

// Input formats. FormatAuto decides by the file's extension, then by its
// first bytes.
const (
	FormatAuto      Format = ""
	FormatText      Format = "text"
	FormatJSON      Format = "json"
	FormatJSONLines Format = "jsonl"
	FormatHTML      Format = "html"
	FormatWARC      Format = "warc"
)

// Extensions lists the file extensions a directory walk picks up.
var Extensions = []string{".txt", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".warc", ".warc.gz"}

// Options configure a Reader. The zero value is usable.
type Options struct {
	// MaxBytes is the largest article read: a text file, a JSON document,
	// one JSON line, an HTML page, or one page in a WARC archive. Zero or less means DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// Skipped, if set, is told of each WARC record that is a capture but
	// not an article: a revisit, a page that is not HTML, an error status,
	// a page without article text. where names the file, the record's
	// number and its URL; why is one of the Skip constants. It is called
	// from the goroutine that reads.
	Skipped func(where, why string)
}

// Reader reads articles from paths. It holds no state between calls and may
// be used by several goroutines at once.
type Reader struct {
	Options
}

// NewReader returns a Reader with the given options.
func NewReader(opts Options) *Reader { return &Reader{Options: opts} }

func (r *Reader) maxBytes() int64 {
	if r == nil || r.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	// Leave room for the one extra byte that detects an oversized input.
	return min(r.MaxBytes, 1<<62)
}

// Error is a problem with one input: a file, a JSON line, or an element of
// a JSON array. It wraps claimtrail.ErrInvalidInput when the input itself is
// bad, or the underlying error (fs.ErrNotExist, a permission error) when
// it could not be read.
type Error struct {
	// Path is the file, or "-" for standard input.
	Path string
	// Line is the 1-based line for JSON input, or 0.
	Line int
	Err  error
}

func (e *Error) Error() string {
	name := e.Path
	if name == Stdin {
		name = "standard input"
	}
	if e.Line > 0 {
		return name + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	}
	return name + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// invalid is a message that wraps claimtrail.ErrInvalidInput without
// repeating its text.
type invalid struct{ msg string }

func (e *invalid) Error() string        { return e.msg }
func (e *invalid) Is(target error) bool { return target == claimtrail.ErrInvalidInput }

func invalidf(format string, args ...any) error {
	return &invalid{msg: fmt.Sprintf(format, args...)}
}

// yieldFunc receives articles and errors; it returns false to stop.
type yieldFunc = func(claimtrail.Article, error) bool

func fail(yield yieldFunc, path string, line int, err error) bool {
	return yield(claimtrail.Article{}, &Error{Path: path, Line: line, Err: err})
}

// Read yields the articles of each path in order: a file, a directory
// (walked recursively, in lexical order, for regular files with one of
// Extensions, skipping hidden names and *.gold.json / *.golden.json), or
// "-" for standard input. A bad file or record yields an *Error and
// reading goes on with the next one; a cancelled ctx yields ctx.Err() and
// stops.
func (r *Reader) Read(ctx context.Context, paths ...string) iter.Seq2[claimtrail.Article, error] {
	return func(yield yieldFunc) {
		for _, p := range paths {
			if !r.readPath(ctx, p, yield) {
				return
			}
		}
	}
}

// Decode yields the articles in rd, which is named name in errors and in
// Article.Path. With FormatAuto it sniffs the format from the first bytes.
func (r *Reader) Decode(ctx context.Context, name string, rd io.Reader, f Format) iter.Seq2[claimtrail.Article, error] {
	return func(yield yieldFunc) {
		r.decode(ctx, name, rd, f, yield)
	}
}

func (r *Reader) readPath(ctx context.Context, path string, yield yieldFunc) bool {
	if err := ctx.Err(); err != nil {
		yield(claimtrail.Article{}, err)
		return false
	}
	if path == Stdin {
		in := r.Stdin
		if in == nil {
			in = os.Stdin
		}
		return r.decode(ctx, Stdin, in, FormatAuto, yield)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fail(yield, path, 0, unwrapPath(err))
	}
	if fi.IsDir() {
		return r.readDir(ctx, path, yield)
	}
	return r.readFile(ctx, path, yield)
}

func (r *Reader) readFile(ctx context.Context, path string, yield yieldFunc) bool {
	f, err := os.Open(path)
	if err != nil {
		return fail(yield, path, 0, unwrapPath(err))
	}
	defer f.Close()
	return r.decode(ctx, path, f, formatOf(path), yield)
}

func (r *Reader) readDir(ctx context.Context, root string, yield yieldFunc) bool {
	var files []string
	var walkErrs []error
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			walkErrs = append(walkErrs, &Error{Path: p, Err: unwrapPath(err)})
			if d != nil && d.IsDir() && p != root {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !wanted(d.Name()) {
			return nil
		}
		if !d.Type().IsRegular() {
			// A symlink or special file: take it only if it leads to a
			// regular file.
			fi, err := os.Stat(p)
			if err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		}
		files = append(files, p)
		return ctx.Err()
	})
	for _, e := range walkErrs {
		if !yield(claimtrail.Article{}, e) {
			return false
		}
	}
	if err != nil {
		yield(claimtrail.Article{}, err)
		return false
	}
	if len(files) == 0 && len(walkErrs) == 0 {
		return fail(yield, root, 0, invalidf("directory has no %s files (hidden files and *.gold.json are skipped)",
			strings.Join(Extensions, ", ")))
	}
	// Text files that a manifest in the walk describes are read through
	// the manifest, with their metadata, and only there.
	skip := map[string]bool{}
	for _, p := range files {
		if f := formatOf(p); f == FormatJSON || f == FormatJSONLines {
			for _, ref := range manifestRefs(p, r.maxBytes()*16) {
				skip[filepath.Clean(ref)] = true
			}
		}
	}
	for _, p := range files {
		if skip[filepath.Clean(p)] {
			continue
		}
		if !r.readPath(ctx, p, yield) {
			return false
		}
	}
	return true
}

// wanted reports whether a directory walk reads the file.
func wanted(name string) bool {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".gold.json") || strings.HasSuffix(lower, ".golden.json") {
		return false
	}
	return slices.Contains(Extensions, ext(lower))
}

// Wanted reports whether a directory walk reads a file of this name.
func Wanted(name string) bool { return wanted(filepath.Base(name)) }

// ext is the extension of a file name, with the compression suffix of a
// compressed WARC kept ("x.warc.gz" gives ".warc.gz").
func ext(name string) string {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".warc.gz") {
		return ".warc.gz"
	}
	return filepath.Ext(lower)
}

func formatOf(path string) Format {
	switch ext(path) {
	case ".html", ".htm":
		return FormatHTML
	case ".warc", ".warc.gz":
		return FormatWARC
	case ".txt":
		return FormatText
	case ".json":
		return FormatJSON
	case ".jsonl", ".ndjson":
		return FormatJSONLines
	}
	return FormatAuto
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sniffSize is how much of an input is looked at to guess its format and
// to tell a binary file from text.
const sniffSize = 8 << 10

var bom = []byte{0xEF, 0xBB, 0xBF}

func (r *Reader) decode(ctx context.Context, name string, rd io.Reader, f Format, yield yieldFunc) bool {
	br := bufio.NewReaderSize(rd, 64<<10)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return fail(yield, name, 0, unwrapPath(err))
	}
	// A UTF-8 byte order mark is an encoding marker, not text: offsets
	// count from the first character after it.
	if bytes.HasPrefix(head, bom) {
		br.Discard(len(bom))
		head = head[len(bom):]
	}
	if f == FormatWARC || (f == FormatAuto && isWARC(head)) {
		return r.decodeWARC(ctx, name, br, yield)
	}
	if err := checkHead(head); err != nil {
		return fail(yield, name, 0, err)
	}
	if f == FormatAuto {
		f = sniff(head)
	}
	switch f {
	case FormatJSONLines:
		return r.decodeLines(ctx, name, br, yield)
	case FormatJSON:
		data, err := r.readAll(br)
		if err != nil {
			return fail(yield, name, 0, err)
		}
		return decodeDocument(ctx, name, data, r.maxBytes(), yield)
	case formatSniffed:
		return r.decodeSniffed(ctx, name, br, yield)
	case FormatHTML:
		data, err := r.readAll(br)
		if err != nil {
			return fail(yield, name, 0, err)
		}
		a, err := htmlArticle(name, data)
		if err != nil {
			return fail(yield, name, 0, err)
		}
		return yield(a, nil)
	default:
		data, err := r.readAll(br)
		if err != nil {
			return fail(yield, name, 0, err)
		}
		a, err := textArticle(name, data)
		if err != nil {
			return fail(yield, name, 0, err)
		}
		return yield(a, nil)
	}
}

// checkHead rejects inputs that are not UTF-8 text at all, before any of
// them is parsed: a binary file would otherwise give one error per line.
func checkHead(head []byte) error {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return invalidf("UTF-16 text is not supported; convert it to UTF-8")
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return invalidf("binary file (NUL byte at offset %d), not text", i)
	}
	return nil
}

// isHTML reports input that opens as an HTML document does.
func isHTML(t []byte) bool {
	for _, p := range []string{"<!doctype html", "<html", "<head", "<!--"} {
		if len(t) >= len(p) && strings.EqualFold(string(t[:len(p)]), p) {
			return true
		}
	}
	return false
}

// sniff guesses the format of input whose name does not say it.
func sniff(head []byte) Format {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return formatSniffed
	}
	if isHTML(t) {
		return FormatHTML
	}
	return FormatText
}

func (r *Reader) readAll(rd io.Reader) ([]byte, error) {
	limit := r.maxBytes()
	data, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if int64(len(data)) > limit {
		return nil, invalidf("larger than the limit of %s (limits.max_article_bytes); for many articles use JSON lines, where the limit applies to each line", formatBytes(limit))
	}
	return data, nil
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// checkText applies the checks every article's bytes must pass. base is the
// offset of data in its file, for messages.
func checkText(data []byte, base int64) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return invalidf("binary data (NUL byte at byte offset %d), not text", base+int64(i))
	}
	if i := invalidUTF8(data); i >= 0 {
		return invalidf("invalid UTF-8 at byte offset %d; the input must be UTF-8 text", base+int64(i))
	}
	return nil
}

// invalidUTF8 returns the offset of the first byte that is not valid
// UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		c, size := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// textArticle makes an article of a plain text file.
func textArticle(name string, data []byte) (claimtrail.Article, error) {
	if len(data) == 0 {
		return claimtrail.Article{}, invalidf("empty file")
	}
	if err := checkText(data, 0); err != nil {
		return claimtrail.Article{}, err
	}
	text := string(data)
	if strings.TrimSpace(text) == "" {
		return claimtrail.Article{}, invalidf("empty file (only white space)")
	}
	return claimtrail.Article{
		ID:    claimtrail.ArticleID(text),
		Title: firstLine(text),
		Path:  name,
		Text:  text,
		Hash:  claimtrail.ContentHash(text),
	}, nil
}

func firstLine(text string) string {
	for line := range strings.Lines(text) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

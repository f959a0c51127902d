package ingest_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
)

const dir = "../testdata/ingest"

func td(name string) string { return filepath.Join(dir, name) }

func collect(tb testing.TB, r *ingest.Reader, paths ...string) ([]claimtrail.Article, []error) {
	tb.Helper()
	var arts []claimtrail.Article
	var errs []error
	for a, err := range r.Read(context.Background(), paths...) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}

func mustRead(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestFormats(t *testing.T) {
	enText := mustRead(t, td("plain.en.txt"))
	type want struct {
		id, title, lang, path, url, outlet, story, byline string
		text                                              string // "" means do not check
		published, captured                               time.Time
	}
	tests := []struct {
		name  string
		paths []string
		want  []want
	}{
		{"plain English", []string{td("plain.en.txt")}, []want{{
			id: claimtrail.ArticleID(enText), title: "Harbour authority approves night shifts at the east docks",
			path: td("plain.en.txt"), text: enText}}},
		{"plain Arabic", []string{td("plain.ar.txt")}, []want{{
			title: "بلدية المدينة تعلن خطة لتوسيع شبكة الحافلات", path: td("plain.ar.txt")}}},
		{"one JSON object with every field", []string{td("one.json")}, []want{{
			id: "riverton-001", title: "Ferry timetable changes", lang: "en", path: td("one.json"),
			url: "https://example.org/news/ferry", outlet: "Riverton Daily", story: "ferry-timetable", byline: "J. Okafor",
			text:      "Ferry timetable changes\n\nThe ferry operator said on Saturday that weekend crossings would start an hour later.\n",
			published: time.Date(2024, 3, 2, 8, 15, 0, 0, time.UTC), captured: time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)}}},
		{"JSON array", []string{td("array.json")}, []want{
			{id: "a1", title: "Bridge to reopen", text: "The council said the bridge will reopen in May.\n"},
			{id: claimtrail.ArticleID("قال المتحدث إن الجسر سيفتح في مايو.\n"), lang: "ar", outlet: "صحيفة المدينة"},
		}},
		{"JSON lines with a blank line", []string{td("lines.jsonl")}, []want{
			{id: "l1", published: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), text: "Officials said the reservoir is at 40 percent."},
			{id: "l2", lang: "ar"},
			{id: "l3", url: "https://example.org/water"},
		}},
		{"a date field stands for published, which wins when both are given", []string{td("date-field.jsonl")}, []want{
			{id: "d1", published: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)},
			{id: "d2", published: time.Date(2026, 1, 11, 0, 0, 0, 0, time.UTC)},
		}},
		{"NDJSON with CRLF", []string{td("lines.ndjson")}, []want{{id: "n1", text: "A spokesman said the talks would continue."}}},
		{"directory walk: sorted, extensions, hidden and gold skipped", []string{td("tree")}, []want{
			{path: td("tree/a/first.txt"), title: "First file in the tree"},
			{id: "t2", path: td("tree/b/second.jsonl")},
			{id: "t3", path: td("tree/z.NDJSON")},
		}},
		{"several paths in order", []string{td("lines.ndjson"), td("one.json")}, []want{{id: "n1"}, {id: "riverton-001", lang: "en"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := collect(t, &ingest.Reader{}, tt.paths...)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(arts) != len(tt.want) {
				t.Fatalf("got %d articles, want %d", len(arts), len(tt.want))
			}
			for i, w := range tt.want {
				a := arts[i]
				check := func(field, got, want string) {
					if want != "" && got != want {
						t.Errorf("article %d: %s = %q, want %q", i, field, got, want)
					}
				}
				check("ID", a.ID, w.id)
				check("Title", a.Title, w.title)
				check("Lang", a.Lang, w.lang)
				check("Path", a.Path, w.path)
				check("URL", a.URL, w.url)
				check("Outlet", a.Outlet, w.outlet)
				check("Story", a.Story, w.story)
				check("Byline", a.Byline, w.byline)
				check("Text", a.Text, w.text)
				if !w.published.IsZero() && !a.Published.Equal(w.published) {
					t.Errorf("article %d: Published = %v, want %v", i, a.Published, w.published)
				}
				if !w.captured.IsZero() && !a.Captured.Equal(w.captured) {
					t.Errorf("article %d: Captured = %v, want %v", i, a.Captured, w.captured)
				}
				if a.Hash != claimtrail.ContentHash(a.Text) {
					t.Errorf("article %d: Hash is not ContentHash(Text)", i)
				}
				if a.ID == "" || a.Text == "" || !utf8.ValidString(a.Text) {
					t.Errorf("article %d: bad article %+v", i, a)
				}
				if w.lang == "" && a.Lang != "" {
					t.Errorf("article %d: Lang = %q; readers leave it to segmentation", i, a.Lang)
				}
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		want     string // the whole message, or a part of it
		invalid  bool   // wraps claimtrail.ErrInvalidInput
		notExist bool   // wraps fs.ErrNotExist
		good     int    // articles still read from the same file
	}{
		{name: "missing file", path: td("bad/no-such-file.txt"),
			want: td("bad/no-such-file.txt") + ": no such file or directory", notExist: true},
		{name: "invalid UTF-8", path: td("bad/invalid-utf8.txt"),
			want: td("bad/invalid-utf8.txt") + ": invalid UTF-8 at byte offset 25", invalid: true},
		{name: "empty", path: td("bad/empty.txt"), want: td("bad/empty.txt") + ": empty file", invalid: true},
		{name: "only white space", path: td("bad/blank.txt"), want: td("bad/blank.txt") + ": empty file", invalid: true},
		{name: "binary", path: td("bad/binary.txt"), want: td("bad/binary.txt") + ": binary file (NUL byte at offset 4)", invalid: true},
		{name: "directory with nothing to read", path: td("bad/nothing-to-read"),
			want: td("bad/nothing-to-read") + ": directory has no .txt, .json, .jsonl, .ndjson, .html, .htm, .warc, .warc.gz files", invalid: true},
		{name: "JSON line with a wrong type", path: td("bad/wrong-type.jsonl"),
			want: td("bad/wrong-type.jsonl") + ":3: field text: want a string, got number", invalid: true, good: 3},
		{name: "missing text", path: td("bad/missing-text.json"),
			want: td("bad/missing-text.json") + ":1: field text: missing", invalid: true},
		{name: "broken JSON line", path: td("bad/bad-line.jsonl"),
			want: td("bad/bad-line.jsonl") + ":2: invalid JSON", invalid: true, good: 2},
		{name: "bad date", path: td("bad/bad-date.jsonl"),
			want: `:1: field published: want RFC 3339 (2021-06-05T14:30:00Z) or YYYY-MM-DD, got "last Tuesday"`, invalid: true},
		{name: "JSON that is not an object", path: td("bad/not-object.json"),
			want: ":1: want a JSON object or an array of objects, got string", invalid: true},
		{name: "JSON syntax error names the line", path: td("bad/syntax.json"),
			want: ":1: invalid JSON at line 3, column", invalid: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := collect(t, &ingest.Reader{}, tt.path)
			if len(arts) != tt.good {
				t.Errorf("got %d articles, want %d", len(arts), tt.good)
			}
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
			}
			err := errs[0]
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\n does not contain %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not name the file", err)
			}
			var ie *ingest.Error
			if !errors.As(err, &ie) {
				t.Errorf("error is %T, not *ingest.Error", err)
			}
			if got := errors.Is(err, claimtrail.ErrInvalidInput); got != tt.invalid {
				t.Errorf("errors.Is(err, ErrInvalidInput) = %v, want %v", got, tt.invalid)
			}
			if got := errors.Is(err, fs.ErrNotExist); got != tt.notExist {
				t.Errorf("errors.Is(err, fs.ErrNotExist) = %v, want %v", got, tt.notExist)
			}
		})
	}
}

func TestBadDoesNotStopOthers(t *testing.T) {
	arts, errs := collect(t, &ingest.Reader{},
		td("bad/empty.txt"), td("plain.en.txt"), td("bad/no-such-file.txt"), td("bad/wrong-type.jsonl"), td("one.json"))
	if len(arts) != 5 || len(errs) != 3 {
		t.Fatalf("got %d articles and %d errors (%v), want 5 and 3", len(arts), len(errs), errs)
	}
	if arts[4].ID != "riverton-001" {
		t.Errorf("last article = %s, want riverton-001", arts[4].ID)
	}
}

func TestMaxBytes(t *testing.T) {
	tmp := t.TempDir()
	big := filepath.Join(tmp, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("word ", 300)), 0o644); err != nil {
		t.Fatal(err)
	}
	lines := filepath.Join(tmp, "mixed.jsonl")
	body := `{"text":"short"}` + "\n" + `{"text":"` + strings.Repeat("x", 2000) + `"}` + "\n" + `{"text":"short again"}` + "\n"
	if err := os.WriteFile(lines, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &ingest.Reader{Options: ingest.Options{MaxBytes: 1024}}

	_, errs := collect(t, r, big)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "big.txt: larger than the limit of 1 KiB") ||
		!errors.Is(errs[0], claimtrail.ErrInvalidInput) {
		t.Errorf("big file: %v", errs)
	}
	arts, errs := collect(t, r, lines)
	if len(arts) != 2 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "mixed.jsonl:2: line is larger than the limit") {
		t.Errorf("long line: %d articles, errors %v", len(arts), errs)
	}
	// A limit exactly at the size reads the file.
	r.MaxBytes = 1500
	if arts, errs := collect(t, r, big); len(arts) != 1 || len(errs) != 0 {
		t.Errorf("file at the limit: %d articles, errors %v", len(arts), errs)
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		ids   []string
		title string
		err   string
	}{
		{name: "text", in: "\n Title line \nBody.\n", title: "Title line"},
		{name: "text with a byte order mark", in: "\uFEFFTitle\n\nBody.\n", title: "Title"},
		{name: "JSON lines", in: `{"id":"x","text":"one"}` + "\n" + `{"id":"y","text":"two"}` + "\n", ids: []string{"x", "y"}},
		{name: "pretty JSON object", in: "{\n  \"id\": \"p\",\n  \"text\": \"pretty\"\n}\n", ids: []string{"p"}},
		{name: "JSON array", in: `[{"id":"a","text":"A"},{"id":"b","text":"B"}]`, ids: []string{"a", "b"}},
		{name: "text that starts with a bracket", in: "[Updated] Talks resume\n\nThe talks resumed.\n", title: "[Updated] Talks resume"},
		{name: "empty", in: "", err: "standard input: empty file"},
		{name: "bad JSON line", in: `{"id":"x","text":"one"}` + "\n" + `{"text": true}` + "\n", ids: []string{"x"},
			err: "standard input:2: field text: want a string, got boolean"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &ingest.Reader{Options: ingest.Options{Stdin: strings.NewReader(tt.in)}}
			arts, errs := collect(t, r, "-")
			if tt.err == "" && len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if tt.err != "" && (len(errs) != 1 || errs[0].Error() != tt.err) {
				t.Errorf("errors = %v, want %q", errs, tt.err)
			}
			for i, a := range arts {
				if a.Path != "-" {
					t.Errorf("Path = %q, want -", a.Path)
				}
				if i < len(tt.ids) && a.ID != tt.ids[i] {
					t.Errorf("article %d: ID = %q, want %q", i, a.ID, tt.ids[i])
				}
			}
			if tt.ids != nil && len(arts) != len(tt.ids) {
				t.Errorf("got %d articles, want %d", len(arts), len(tt.ids))
			}
			if tt.title != "" {
				if len(arts) != 1 || arts[0].Title != tt.title {
					t.Errorf("articles %+v, want one titled %q", arts, tt.title)
				} else if strings.HasPrefix(arts[0].Text, "\uFEFF") {
					t.Errorf("Text keeps the byte order mark")
				}
			}
		})
	}
}

func TestStopAndCancel(t *testing.T) {
	r := &ingest.Reader{}
	n := 0
	for range r.Read(context.Background(), td("lines.jsonl"), td("one.json")) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("break did not stop the iterator")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errs []error
	for _, err := range r.Read(ctx, td("plain.en.txt"), td("one.json")) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("cancelled read yielded %v", errs)
	}
}

func fuzzCheck(t *testing.T, seq func(func(claimtrail.Article, error) bool)) {
	for a, err := range seq {
		if err != nil {
			var ie *ingest.Error
			if !errors.As(err, &ie) {
				t.Fatalf("error is %T, not *ingest.Error: %v", err, err)
			}
			continue
		}
		if !utf8.ValidString(a.Text) {
			t.Fatalf("article text is not valid UTF-8: %q", a.Text)
		}
		if strings.TrimSpace(a.Text) == "" || a.ID == "" || a.Hash != claimtrail.ContentHash(a.Text) {
			t.Fatalf("bad article: %+v", a)
		}
	}
}

func FuzzJSONLines(f *testing.F) {
	for _, name := range []string{"lines.jsonl", "lines.ndjson", "bad/wrong-type.jsonl", "bad/bad-line.jsonl", "bad/bad-date.jsonl"} {
		f.Add([]byte(mustRead(f, td(name))))
	}
	f.Add([]byte(`{"text":"x","id":5}` + "\n" + `[1,2]` + "\n" + `{"text":"\u0000"}` + "\n" + `{"text":"\ud800"}`))
	r := &ingest.Reader{Options: ingest.Options{MaxBytes: 4096}}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheck(t, r.Decode(context.Background(), "fuzz.jsonl", strings.NewReader(string(data)), ingest.FormatJSONLines))
		fuzzCheck(t, r.Decode(context.Background(), "fuzz.json", strings.NewReader(string(data)), ingest.FormatJSON))
		fuzzCheck(t, r.Decode(context.Background(), "-", strings.NewReader(string(data)), ingest.FormatAuto))
	})
}

func FuzzPlainText(f *testing.F) {
	for _, name := range []string{"plain.en.txt", "plain.ar.txt", "bad/invalid-utf8.txt", "bad/binary.txt", "bad/blank.txt"} {
		f.Add([]byte(mustRead(f, td(name))))
	}
	f.Add([]byte("\uFEFF\r\n title\r\n"))
	r := &ingest.Reader{Options: ingest.Options{MaxBytes: 4096}}
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for a, err := range r.Decode(context.Background(), "fuzz.txt", strings.NewReader(string(data)), ingest.FormatText) {
			n++
			if err == nil {
				if a.Text != strings.TrimPrefix(string(data), "\uFEFF") {
					t.Fatalf("Text is not the input as read")
				}
				if a.Title != strings.TrimSpace(a.Title) || a.Title == "" {
					t.Fatalf("Title %q", a.Title)
				}
			}
		}
		if n != 1 {
			t.Fatalf("plain text yielded %d results, want 1", n)
		}
		fuzzCheck(t, r.Decode(context.Background(), "fuzz.txt", strings.NewReader(string(data)), ingest.FormatText))
	})
}

// A manifest (JSON lines of metadata with a file field) gives the text
// files beside it their outlet, URL and story; a directory walk reads each
// such file once, through the manifest.
func TestManifest(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Title A\n\nThe ministry said the road was open.\n")
	write("b.txt", "Title B\n\nNo manifest names this one.\n")
	write("corpus.jsonl", `{"id": "art-a", "file": "a.txt", "outlet": "Coast Herald", "url": "https://example.org/a", "story": "roads"}`+"\n")
	r := &ingest.Reader{}
	var got []claimtrail.Article
	for a, err := range r.Read(context.Background(), dir) {
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		got = append(got, a)
	}
	if len(got) != 2 {
		t.Fatalf("read %d articles, want 2 (a.txt once, through the manifest, and b.txt)", len(got))
	}
	var a *claimtrail.Article
	for i := range got {
		if got[i].ID == "art-a" {
			a = &got[i]
		}
	}
	if a == nil {
		t.Fatalf("no article with the manifest's id: %+v", got)
	}
	if a.Outlet != "Coast Herald" || a.URL != "https://example.org/a" || a.Story != "roads" || !strings.HasPrefix(a.Text, "Title A") {
		t.Errorf("manifest metadata not applied: %+v", a)
	}
	if a.Path != filepath.Join(dir, "a.txt") {
		t.Errorf("Path = %q, want the text file", a.Path)
	}

	// a record naming a missing file is an error for that record only
	write("corpus.jsonl", `{"file": "missing.txt"}`+"\n"+`{"file": "a.txt"}`+"\n")
	var errs, ok int
	for _, err := range r.Read(context.Background(), filepath.Join(dir, "corpus.jsonl")) {
		if err != nil {
			errs++
			if !strings.Contains(err.Error(), "missing.txt") {
				t.Errorf("error does not name the file: %v", err)
			}
		} else {
			ok++
		}
	}
	if errs != 1 || ok != 1 {
		t.Errorf("got %d errors and %d articles, want 1 and 1", errs, ok)
	}
}

package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBadInputs feeds ingest one bad input after another into a database
// that already holds the project corpus: each gives a clear error (exit 1)
// naming what was wrong, in bounded time, and the stored articles and
// claims stay exactly as they were (RELIABILITY.md).
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if r := (cli{}).run(t, "ingest", "--db", db, corpus); r.code != 0 {
		t.Fatalf("ingest corpus: exit %d: %s", r.code, r.stderr)
	}
	count := func() (int, int) {
		t.Helper()
		r := cli{}.run(t, "claims", "--db", db, "--all-versions", "-f", "jsonl")
		if r.code != 0 {
			t.Fatalf("claims: exit %d: %s", r.code, r.stderr)
		}
		arts := map[string]bool{}
		for line := range strings.Lines(r.stdout) {
			if i := strings.Index(line, `"version_id":"`); i >= 0 {
				arts[line[i+14:i+32]] = true
			}
		}
		return len(arts), strings.Count(r.stdout, "\n")
	}
	wantArts, wantClaims := count()

	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999999\r\n\r\n"))
	zw.Write(bytes.Repeat([]byte{0}, 64<<20)) // 64 MiB of zeros in a few KiB
	zw.Close()
	nested := func(tag string) []byte {
		return []byte("<html><body>" + strings.Repeat("<"+tag+">", 10000) +
			"<p>The minister said on Monday that the road would open in May.</p>" + strings.Repeat("</"+tag+">", 10000) + "</body></html>")
	}
	long := append(append([]byte(`{"text": "`), bytes.Repeat([]byte("a"), 3<<20)...), []byte("\"}\n")...)
	// A 100 MiB line with the default limit (16 MiB): refused after
	// reading past the limit, not after holding the whole line.
	huge := append(append([]byte(`{"text": "`), bytes.Repeat([]byte("a"), 100<<20)...), []byte("\"}\n")...)

	tests := []struct {
		name string
		file string
		env  map[string]string
		code int
		want string // in the error output
	}{
		{"invalid UTF-8", write("bad.txt", []byte("Title\n\nThe minister said \xff\xfe it was over.\n")), nil, exitFailure, "UTF-8"},
		{"empty file", write("empty.txt", nil), nil, exitFailure, "empty"},
		{"binary file", write("bin.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2}), nil, exitFailure, "binary"},
		{"a line over the limit", write("long.jsonl", long), map[string]string{"CLAIMTRAIL_LIMITS_MAX_ARTICLE_BYTES": "1MiB"}, exitFailure, "larger than the limit"},
		{"a 100 MiB single line", write("huge.jsonl", huge), nil, exitFailure, "larger than the limit"},
		{"malformed JSON line", write("broken.jsonl", []byte(`{"text": "x`+"\n")), nil, exitFailure, "invalid JSON"},
		{"gzip bomb as WARC", write("bomb.warc.gz", bomb.Bytes()), map[string]string{"CLAIMTRAIL_LIMITS_MAX_ARTICLE_BYTES": "1MiB"}, exitFailure, "bomb.warc.gz"},
		{"truncated WARC", write("cut.warc", []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nshort")), nil, exitFailure, "cut.warc"},
		{"10,000 nested <div>", write("deep-div.html", nested("div")), nil, exitFailure, "nested more than 512 deep"},
		{"10,000 nested <b>", write("deep-b.html", nested("b")), nil, exitFailure, "nested more than 512 deep"},
		{"a setting of the wrong type", write("ok.txt", []byte("Title\n\nThe minister said it was over.\n")), map[string]string{"CLAIMTRAIL_JOBS": "many"}, exitFailure, "CLAIMTRAIL_JOBS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			r := cli{env: tt.env}.run(t, "ingest", "--db", db, tt.file)
			if d := time.Since(start); d > time.Minute {
				t.Errorf("took %v", d)
			}
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\nstdout %s\nstderr %s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("error output %q does not say %q", r.stderr, tt.want)
			}
			if a, c := count(); a != wantArts || c != wantClaims {
				t.Errorf("store changed: %d versions and %d claims, want %d and %d", a, c, wantArts, wantClaims)
			}
		})
	}

	// a file that is not a database: a clear error, and the file untouched
	notDB := write("not.db", []byte("hello, I am not a database\n"))
	r := cli{}.run(t, "claims", "--db", notDB)
	if r.code != exitFailure || !strings.Contains(r.stderr, "not a database") {
		t.Errorf("claims on a text file: exit %d, stderr %q", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(notDB); string(data) != "hello, I am not a database\n" {
		t.Errorf("the file was changed: %q", data)
	}
}

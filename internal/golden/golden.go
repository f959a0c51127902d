package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// update is registered on the test binary of every package that imports
// golden, so `go test ./... -update` rewrites all golden files at once.
var update = flag.Bool("update", false, "rewrite golden files in testdata")

// Updating reports whether the run was asked to rewrite golden files.
func Updating() bool { return *update }

// Assert compares got with the file at path, or writes it under -update.
// A mismatch fails the test with a line-level hint and the way to accept it.
func Assert(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatalf("golden: %v", err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatalf("golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("golden: %v (run go test with -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		tb.Errorf("golden: %s differs (run go test with -update to accept):\n%s", path, firstDiff(want, got))
	}
}

// AssertJSON marshals v indented, with a final newline, and compares it.
func AssertJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		tb.Fatalf("golden: marshal: %v", err)
	}
	Assert(tb, path, buf.Bytes())
}

func firstDiff(want, got []byte) string {
	wl := bytes.Split(want, []byte("\n"))
	gl := bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + strconv.Itoa(i+1) + ":\n- " + string(w) + "\n+ " + string(g)
		}
	}
	return "(no line differs; check the final newline)"
}

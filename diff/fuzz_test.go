package diff_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/diff"
	"github.com/claimtrail/claimtrail/text"
)

// seedPairs adds the version pairs of testdata/diff (cut short: the fuzzer
// mutates small inputs best) to a fuzz corpus.
func seedPairs(f *testing.F) {
	files, _ := filepath.Glob(testdata + "*.old.txt")
	for _, p := range files {
		o, err1 := os.ReadFile(p)
		n, err2 := os.ReadFile(p[:len(p)-len(".old.txt")] + ".new.txt")
		if err1 != nil || err2 != nil {
			f.Fatal(err1, err2)
		}
		f.Add(prefix(string(o), 300), prefix(string(n), 300))
	}
	f.Add("", "")
	f.Add("3,000", "٣٠٠٠")
	f.Add("\xff\xfe a", "a \xff")
	f.Add("قالَ", "قال")
}

// FuzzWords: the word diff never panics, every edit's text is the text at
// its span, and the edits rebuild both texts' tokens in order.
func FuzzWords(f *testing.F) {
	seedPairs(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		es := diff.Words(a, b)
		ar, br := []rune(a), []rune(b)
		checkEdits(t, es, ar, br)
		var oldToks, newToks []string
		for _, e := range es {
			switch e.Op {
			case claimtrail.OpEqual:
				oldToks = append(oldToks, tokens(e.Text)...)
				nt := e.Text
				if e.NewText != "" {
					nt = e.NewText
				}
				newToks = append(newToks, tokens(nt)...)
			case claimtrail.OpDelete:
				oldToks = append(oldToks, tokens(e.Text)...)
			case claimtrail.OpInsert:
				newToks = append(newToks, tokens(e.Text)...)
			}
		}
		// Edits carry text as code points, so an invalid byte comes out as
		// U+FFFD, as it does for []rune.
		if want := tokens(string(ar)); !equalStrings(oldToks, want) {
			t.Errorf("edits do not rebuild the old tokens:\n%q\n%q", oldToks, want)
		}
		if want := tokens(string(br)); !equalStrings(newToks, want) {
			t.Errorf("edits do not rebuild the new tokens:\n%q\n%q", newToks, want)
		}
	})
}

// prefix is the first n code points of s.
func prefix(s string, n int) string {
	rs := []rune(s)
	return string(rs[:min(n, len(rs))])
}

func tokens(s string) []string {
	var out []string
	for _, t := range text.Tokenize(s) {
		out = append(out, t.Text)
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzDiff: diffing two arbitrary texts with their extracted claims never
// panics, accounts for every claim and sentence once, and keeps spans
// inside the texts.
func FuzzDiff(f *testing.F) {
	seedPairs(f)
	d := diff.New(diff.Options{})
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			// Readers reject invalid UTF-8 before anything is diffed.
			return
		}
		o, n := extract(t, "old", a), extract(t, "new", b)
		r := d.Diff(o.a, n.a, o.cs, n.cs)
		checkResult(t, o, n, r)
	})
}

package claims_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// FuzzExtract: no panic; every span inside the text; every reported text
// equal to the text at its span.
func FuzzExtract(f *testing.F) {
	if body, err := os.ReadFile(filepath.Join(seedDir, "aljazeera-coalition-redeploy.ar.txt")); err == nil {
		f.Add(string(body))
	}
	for _, tc := range arabicCases {
		f.Add(tc.text)
	}
	for _, tc := range englishCases {
		f.Add(tc.text)
	}
	f.Add("“A,” he said. “B")
	f.Add("X, citing")
	f.Add("WALLACE:\n\nPENCE: yes")
	f.Add("The governor added:")
	f.Add("(D-N.Y.), said")
	f.Add("وقال «")
	f.Add("وفقا ل")
	f.Add("وكانت قد نقلت عن")
	x, err := newFuzzExtractor()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			t.Skip() // readers reject invalid UTF-8 before extraction
		}
		a := &claimtrail.Article{ID: "fuzz", Text: body}
		text.Segment(a)
		runes := []rune(body)
		for _, c := range x.Extract(a) {
			check := func(what string, s claimtrail.Span, want string) {
				if s.Start < 0 || s.End > len(runes) || s.Start > s.End {
					t.Fatalf("%s span %v outside the text (%d runes)", what, s, len(runes))
				}
				if want != "" && string(runes[s.Start:s.End]) != want {
					t.Fatalf("%s %q is not the text at %v (%q)", what, want, s, string(runes[s.Start:s.End]))
				}
			}
			check("content", c.Content.Span, c.Content.Text)
			check("cue", c.Cue.Span, c.Cue.Text)
			check("source", c.Source.Span, c.Source.Mention)
			for _, v := range c.Via {
				check("via", v.Span, v.Mention)
			}
			if c.Content.Text == "" {
				t.Fatalf("claim with no content: %+v", c)
			}
		}
	})
}

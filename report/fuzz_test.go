package report_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/report"
	"github.com/claimtrail/claimtrail/text"
)

// FuzzLexicon: a lexicon file never panics the parser; a file it accepts
// gives words the audit then finds in an unattributed sentence.
func FuzzLexicon(f *testing.F) {
	for _, p := range []string{"lexicon/ar.yaml", "lexicon/en.yaml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("language: en\naccusation: [smuggled]\n"))
	f.Add([]byte("language: en\naccusation: [\"\"]\n"))
	f.Add([]byte("accusation: [x]\n"))
	f.Add([]byte("language: en\nverbs: []\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		base, err := report.DefaultLexicon()
		if err != nil {
			t.Fatal(err)
		}
		lx := base.Clone()
		if err := lx.Add(data); err != nil {
			return
		}
	})
}

// FuzzReportHTML: any text, with the claims extraction finds in it,
// renders in every format without panicking, and no markup from the text
// reaches the HTML as markup.
func FuzzReportHTML(f *testing.F) {
	// The head of the seed: long inputs make each run slow and add little.
	b, err := os.ReadFile(seedPath)
	if err != nil {
		f.Fatal(err)
	}
	head := []rune(string(b))
	f.Add(string(head[:min(len(head), 900)]), "")
	f.Add("The mayor said that <script>alert(1)</script> was fine.\n\nHe was accused of fraud in 2024 and 3 more.", "javascript:alert(1)")
	f.Add("قال الوزير إن 5 أشخاص قتلوا.\n\nواتهمت الشرطة المتظاهرين.", "https://example.org/a?b=<c>")
	x, err := claims.New(claims.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body, u string) {
		if !utf8.ValidString(body) || len(body) > 4<<10 {
			return
		}
		a := &claimtrail.Article{ID: "a-fuzz", URL: u, Title: "t", Text: body, Hash: claimtrail.ContentHash(body)}
		text.Segment(a)
		doc := report.Doc{Article: a, Claims: x.Extract(a)}
		r, err := report.Build([]report.Doc{doc}, report.Options{Scope: report.ScopeFiles})
		if err != nil {
			t.Fatal(err)
		}
		au, err := report.NewAudit(r, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, fm := range report.Formats {
			var b bytes.Buffer
			if err := r.Write(&b, fm); err != nil {
				t.Fatal(err)
			}
			if fm == "html" {
				page := b.String()
				if strings.Contains(body, "<") && strings.Count(page, "<script") > 0 {
					t.Errorf("markup from the text reached the page")
				}
				if strings.Contains(strings.ToLower(page), `href="javascript:`) {
					t.Errorf("a javascript: link")
				}
			}
			b.Reset()
			if err := au.Write(&b, fm); err != nil {
				t.Fatal(err)
			}
		}
		runes := []rune(body)
		for _, fd := range au.Findings {
			if fd.Span.Start < 0 || fd.Span.End > len(runes) || fd.Span.Slice(runes) != fd.Text {
				t.Errorf("finding %s at %v does not point at its text %q", fd.Kind, fd.Span, fd.Text)
			}
		}
	})
}

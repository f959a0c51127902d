package compare_test

import (
	"errors"
	"os"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/compare"
)

// FuzzParseGlossary: any input gives a glossary or an ErrInvalidInput,
// never a panic, and a glossary it accepts works in a Comparer.
func FuzzParseGlossary(f *testing.F) {
	if data, err := os.ReadFile("../testdata/compare/qamar-dam.glossary.yaml"); err == nil {
		f.Add(data)
	}
	if data, err := os.ReadFile("lexicon/default.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("terms:\n  - [a, ب]\n"))
	f.Add([]byte("terms: [[\"\", x]]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := compare.ParseGlossary(data)
		if err != nil {
			if !errors.Is(err, claimtrail.ErrInvalidInput) {
				t.Fatalf("error not ErrInvalidInput: %v", err)
			}
			return
		}
		c := compare.New(compare.Options{Glossary: g})
		c.CompareStory("k", []compare.Doc{{Article: &claimtrail.Article{ID: "a", Text: "The coalition said the base closed."}}})
	})
}

package compare

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// MaxGlossaryBytes bounds a glossary file; a glossary is a list of terms,
// not a corpus.
const MaxGlossaryBytes = 4 << 20

//go:embed lexicon/default.yaml
var defaultLexicon []byte

// Glossary maps terms across languages: each concept is a list of forms
// (words or phrases, in any language) that mean the same thing.
type Glossary struct {
	// Terms are the concepts, each with its forms.
	Terms [][]string `yaml:"terms"`
	// Stopwords per language code are left out of content similarity.
	Stopwords map[string][]string `yaml:"stopwords,omitempty"`
}

// ParseGlossary reads a glossary file: YAML with a `terms` list of lists,
//
//	terms:
//	  - [Joint Operations Command, قيادة العمليات المشتركة]
//	  - [redeploy, إعادة نشر]
//
// Returns ErrInvalidInput (wrapped) if the file is too large, is not such
// YAML, or has a concept with fewer than two forms or an empty form.
func ParseGlossary(data []byte) (*Glossary, error) {
	if len(data) > MaxGlossaryBytes {
		return nil, fmt.Errorf("glossary: %w: %d bytes, more than %d", claimtrail.ErrInvalidInput, len(data), MaxGlossaryBytes)
	}
	var g Glossary
	if err := yaml.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("glossary: %w: %v", claimtrail.ErrInvalidInput, err)
	}
	for i, t := range g.Terms {
		if len(t) < 2 {
			return nil, fmt.Errorf("glossary: %w: term %d has %d forms; a term maps at least two", claimtrail.ErrInvalidInput, i+1, len(t))
		}
		for _, f := range t {
			if len(normWords(f)) == 0 {
				return nil, fmt.Errorf("glossary: %w: term %d has an empty form", claimtrail.ErrInvalidInput, i+1)
			}
		}
	}
	return &g, nil
}

// defaultGlossary is the built-in lexicon; it is embedded, so failing to
// parse it is a programming error caught by the tests.
var defaultGlossary = sync.OnceValue(func() *Glossary {
	g, err := ParseGlossary(defaultLexicon)
	if err != nil {
		panic(err)
	}
	return g
})

// termIndex finds glossary forms in word sequences.
type termIndex struct {
	// byFirst maps a form's first normalised word to its forms.
	byFirst map[string][]termForm
}

type termForm struct {
	words []string
	id    string // the concept, named by its first form
}

func newTermIndex(lists ...[][]string) *termIndex {
	ix := &termIndex{byFirst: map[string][]termForm{}}
	for _, terms := range lists {
		for _, t := range terms {
			if len(t) == 0 {
				continue
			}
			id := strings.Join(normWords(t[0]), " ")
			for _, f := range t {
				ws := normWords(f)
				if len(ws) == 0 {
					continue
				}
				ix.byFirst[ws[0]] = append(ix.byFirst[ws[0]], termForm{words: ws, id: id})
			}
		}
	}
	for k, fs := range ix.byFirst {
		// Longest form first, so "prime minister" wins over "minister".
		slices.SortStableFunc(fs, func(a, b termForm) int { return len(b.words) - len(a.words) })
		ix.byFirst[k] = fs
	}
	return ix
}

// find returns the concepts whose forms occur in ws, sorted, once each.
func (ix *termIndex) find(ws []string) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		for _, f := range ix.byFirst[ws[i]] {
			if i+len(f.words) <= len(ws) && slices.Equal(ws[i:i+len(f.words)], f.words) {
				out = append(out, f.id)
				i += len(f.words) - 1
				break
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// normWords splits s into normalised word keys: text.Key folding, and for
// Arabic one proclitic group stripped, so وقوات and القوات both read قوات.
// Numbers keep their ASCII key; punctuation is dropped.
func normWords(s string) []string {
	var out []string
	for _, t := range text.Tokenize(s) {
		if k := normToken(t); k != "" {
			out = append(out, k)
		}
	}
	return out
}

func normToken(t text.Token) string {
	switch t.Kind {
	case text.Number:
		return t.Key
	case text.Word:
		k := t.Key
		if isArabic(k) {
			return text.StripClitics(k)
		}
		return strings.Trim(k, "'’")
	}
	return ""
}

func isArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return true
		}
	}
	return false
}

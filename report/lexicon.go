package report

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

//go:embed lexicon/*.yaml
var lexiconFS embed.FS

// maxLexiconBytes bounds a lexicon file: a word list, not a corpus.
const maxLexiconBytes = 1 << 20

// Lexicon holds the words of the audit that are language data: which
// words make a sentence an accusation. Phrases are sequences of folded
// words (text.Key).
type Lexicon struct {
	// accusation maps a phrase's first word to the phrases it starts.
	accusation map[string][][]string
}

type lexiconFile struct {
	Language   string   `yaml:"language"`
	Accusation []string `yaml:"accusation"`
}

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	l := &Lexicon{accusation: map[string][][]string{}}
	names, err := fs.Glob(lexiconFS, "lexicon/*.yaml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	for _, n := range names {
		data, err := lexiconFS.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", n, err)
		}
		if err := l.Add(data); err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
	}
	return l, nil
})

// DefaultLexicon returns the embedded lexicons of every language. It is
// shared: extend a Clone of it, not it.
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

// Clone returns a copy that can be extended without touching l.
func (l *Lexicon) Clone() *Lexicon {
	c := &Lexicon{accusation: make(map[string][][]string, len(l.accusation))}
	for k, v := range l.accusation {
		c.accusation[k] = slices.Clone(v)
	}
	return c
}

// Add reads one lexicon file (YAML: language, accusation) into l.
//
// Returns ErrInvalidInput (wrapped) if the file is too large, not YAML of
// that shape, names no language or lists an empty word.
func (l *Lexicon) Add(data []byte) error {
	if len(data) > maxLexiconBytes {
		return fmt.Errorf("%w: lexicon of %d bytes; at most %d", claimtrail.ErrInvalidInput, len(data), maxLexiconBytes)
	}
	var f lexiconFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("%w: lexicon: %v", claimtrail.ErrInvalidInput, err)
	}
	if strings.TrimSpace(f.Language) == "" {
		return fmt.Errorf("%w: lexicon: no language", claimtrail.ErrInvalidInput)
	}
	for i, w := range f.Accusation {
		var keys []string
		for _, t := range text.Tokenize(w) {
			if t.Kind == text.Word || t.Kind == text.Number {
				keys = append(keys, t.Key)
			}
		}
		if len(keys) == 0 {
			return fmt.Errorf("%w: lexicon %s: accusation %d has no word", claimtrail.ErrInvalidInput, f.Language, i+1)
		}
		if !slices.ContainsFunc(l.accusation[keys[0]], func(p []string) bool { return slices.Equal(p, keys) }) {
			l.accusation[keys[0]] = append(l.accusation[keys[0]], keys)
		}
	}
	return nil
}

// accusationAt reports the accusation phrase starting at word i of ws
// (words only, no marks), trying each word as written and without a
// leading proclitic.
func (l *Lexicon) accusationAt(ws []text.Token, i int) (int, bool) {
	for _, k := range []string{ws[i].Key, text.StripClitics(ws[i].Key)} {
		for _, p := range l.accusation[k] {
			if i+len(p) > len(ws) {
				continue
			}
			ok := true
			for j := 1; j < len(p); j++ {
				if ws[i+j].Key != p[j] && text.StripClitics(ws[i+j].Key) != p[j] {
					ok = false
					break
				}
			}
			if ok {
				return len(p), true
			}
		}
	}
	return 0, false
}

package sources

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/claimtrail/claimtrail/text"
)

//go:embed lexicon/*.yaml registry/*.yaml
var builtin embed.FS

// wordsFile is the schema of lexicon/names.yaml.
type wordsFile struct {
	Honorifics   []string         `yaml:"honorifics"`
	Titles       []string         `yaml:"titles"`
	Descriptors  []string         `yaml:"descriptors"`
	Particles    []string         `yaml:"particles"`
	Suffixes     []string         `yaml:"suffixes"`
	Affiliations []affiliationDef `yaml:"affiliations"`
	Generic      []string         `yaml:"generic"`
	Unnamed      []string         `yaml:"unnamed"`
}

type affiliationDef struct {
	Name  string   `yaml:"name"`
	Stems []string `yaml:"stems"`
	Words []string `yaml:"words"`
}

type affiliation struct {
	name  string
	stems []string
}

// words is the compiled language data the matcher needs: phrase lists as
// token sequences in matching form, built once.
type words struct {
	honorifics   [][]string
	titles       [][]string // longest first
	descriptors  [][]string // longest first
	particles    map[string]bool
	suffixes     []string
	affiliations []affiliation
	affWords     map[string]string // exact word → affiliation name
	// generic holds the word keys that describe rather than name: the
	// generic words and every word of a title, honorific or descriptor.
	generic map[string]bool
	// unnamed holds the heads of unnamed sources.
	unnamed map[string]bool
}

var defaultWords = sync.OnceValues(func() (*words, error) {
	data, err := builtin.ReadFile("lexicon/names.yaml")
	if err != nil {
		return nil, fmt.Errorf("read built-in names: %w", err)
	}
	return compileWords(data)
})

func compileWords(data []byte) (*words, error) {
	var wf wordsFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&wf); err != nil {
		return nil, fmt.Errorf("names: %w", err)
	}
	w := &words{
		particles: map[string]bool{},
		affWords:  map[string]string{},
		suffixes:  wf.Suffixes,
		generic:   map[string]bool{},
		unnamed:   map[string]bool{},
	}
	for _, u := range wf.Unnamed {
		for _, t := range splitWords(u) {
			w.unnamed[t] = true
			w.unnamed[text.StripClitics(t)] = true
			w.generic[t] = true
			w.generic[text.StripClitics(t)] = true
		}
	}
	for _, list := range [][]string{wf.Generic, wf.Titles, wf.Honorifics, wf.Descriptors} {
		for _, p := range list {
			for _, t := range splitWords(p) {
				w.generic[t] = true
				w.generic[text.StripClitics(t)] = true
			}
		}
	}
	w.honorifics = phraseList(wf.Honorifics)
	w.titles = phraseList(wf.Titles)
	w.descriptors = phraseList(wf.Descriptors)
	for _, p := range wf.Particles {
		w.particles[wordKey(p)] = true
	}
	for _, a := range wf.Affiliations {
		if a.Name == "" {
			return nil, fmt.Errorf("names: an affiliation has no name")
		}
		af := affiliation{name: a.Name}
		for _, s := range a.Stems {
			af.stems = append(af.stems, wordKey(s))
		}
		for _, s := range a.Words {
			k := wordKey(s)
			w.affWords[k] = a.Name
			// Names compare with clitics stripped, and StripClitics
			// cannot tell the و of واشنطن from a conjunction.
			w.affWords[text.StripClitics(k)] = a.Name
			af.stems = append(af.stems, k)
		}
		w.affiliations = append(w.affiliations, af)
	}
	return w, nil
}

// phraseList turns phrases into token sequences, longest first, so that
// "الفريق أول" is taken whole before "الفريق".
func phraseList(list []string) [][]string {
	var out [][]string
	for _, p := range list {
		if t := splitWords(p); len(t) > 0 {
			out = append(out, t)
		}
	}
	// A stable insertion sort by length, longest first: lists are short.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// wordKey is the matching form of one word: text.Key without dots,
// apostrophes and hyphens.
func wordKey(s string) string {
	return strings.Join(splitWords(s), "")
}

// splitWords splits a name into word keys: text.Key, then words are runs of
// letters and digits; dots and apostrophes inside a word are dropped ("U.S."
// is "us", "Ma'rib" is "marib"), and everything else separates words
// (hyphens, quotation marks, brackets, slashes).
func splitWords(s string) []string {
	k := text.Key(s)
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range k {
		switch {
		case isNameRune(r):
			b.WriteRune(r)
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʼ':
			// inside a word: dropped
		default:
			flush()
		}
	}
	flush()
	return out
}

func isNameRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return true
	case r < 0x80:
		return false
	case r >= 0x0621 && r <= 0x064A:
		return true
	case r == 0x067E || r == 0x0686 || r == 0x06A4 || r == 0x06AF || r == 0x06A9 || r == 0x06CC:
		return true // پ چ ڤ گ ک ی
	case r >= 0x00C0 && r <= 0x024F:
		return r != 0x00D7 && r != 0x00F7
	}
	return false
}

// affiliationOf returns the affiliation a word names, if any: "أميركيين",
// "الأمريكية" and "US" all name the United States government.
func (w *words) affiliationOf(tok string) string {
	if a, ok := w.affWords[tok]; ok {
		return a
	}
	for _, af := range w.affiliations {
		for _, st := range af.stems {
			if rest, ok := strings.CutPrefix(tok, st); ok {
				for _, suf := range w.suffixes {
					if rest == suf {
						return af.name
					}
				}
			}
		}
	}
	return ""
}

// hasPrefix reports whether toks starts with phrase p.
func hasPrefix(toks, p []string) bool {
	if len(p) > len(toks) {
		return false
	}
	for i := range p {
		if toks[i] != p[i] {
			return false
		}
	}
	return true
}

// linkWords follow a title that is not before a name: "President of",
// "spokesman for", "المتحدث باسم".
var linkWords = map[string]bool{"of": true, "for": true, "at": true, "باسم": true, "لشوون": true, "لشؤون": true}

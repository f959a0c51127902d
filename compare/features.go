package compare

import (
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// shingleSize is the number of words in a shingle: four-word runs are
// rare enough by chance that sharing many of them means copying.
const shingleSize = 4

// doc is an article with what comparing needs, computed once.
type doc struct {
	a      *claimtrail.Article
	ref    string // the id shown to people and in JSON
	lang   string
	date   string
	col    int
	runes  []rune
	claims []*claimF
	raw    []claimtrail.Claim
	// words are the body's normalised words in order, stop words kept
	// (shingles need the run as written).
	words    []string
	content  map[string]bool // body content words, stop words left out
	shingles map[uint64]bool
	numbers  map[string]bool
	terms    map[string]bool
	names    []string // capitalised English words, or Arabic content words
	sources  map[string]bool
	// sentences are the body sentences with their content words, for
	// finding a claim's content without attribution.
	sentences []sentF
}

type sentF struct {
	span  claimtrail.Span
	text  string
	words map[string]bool
}

// claimF is a claim with its content's features.
type claimF struct {
	c       *claimtrail.Claim
	d       *doc
	words   map[string]bool
	numbers []string
	terms   []string
	names   []string
}

func (d *doc) outlet() string {
	if d.a.Outlet != "" {
		return d.a.Outlet
	}
	if len(d.a.SourceLine) > 0 {
		return d.a.SourceLine[0]
	}
	if d.a.Path != "" {
		return d.a.Path
	}
	return d.a.ID
}

func (c *Comparer) prepare(in []Doc) []*doc {
	var out []*doc
	seen := map[string]int{}
	for i := range in {
		a := in[i].Article
		if a == nil {
			continue
		}
		if len(a.Paragraphs) == 0 && a.Text != "" {
			text.Segment(a)
		}
		d := &doc{a: a, ref: a.ID, lang: a.Lang, runes: []rune(a.Text), content: map[string]bool{},
			shingles: map[uint64]bool{}, numbers: map[string]bool{}, terms: map[string]bool{}, sources: map[string]bool{}}
		if d.ref == "" {
			d.ref = a.Hash
		}
		// The same text given twice keeps two columns with distinct ids.
		base := d.ref
		if n := seen[base]; n > 0 {
			d.ref += "#" + strconv.Itoa(n+1)
		}
		seen[base]++
		if d.lang == "" || d.lang == claimtrail.LangMixed {
			d.lang = text.DetectLang(a.Text)
		}
		switch {
		case !a.Published.IsZero():
			d.date = a.Published.UTC().Format("2006-01-02T15:04:05Z")
		case !a.Captured.IsZero():
			d.date = a.Captured.UTC().Format("2006-01-02T15:04:05Z")
		}
		c.bodyFeatures(d)
		d.raw = in[i].Claims
		title := map[int]bool{}
		for _, p := range a.Paragraphs {
			if p.Kind == claimtrail.ParagraphTitle {
				title[p.Index] = true
			}
		}
		for j := range in[i].Claims {
			cl := &in[i].Claims[j]
			if title[cl.Paragraph] {
				// A headline restates the body in a verb ("Iraq and US
				// agree ..."); its body claim is the one to compare.
				continue
			}
			f := c.claimFeatures(d, cl)
			d.claims = append(d.claims, f)
			for _, m := range append([]claimtrail.Mention{cl.Source}, cl.Via...) {
				if m.SourceID != "" && !m.Anonymous {
					d.sources[m.SourceID] = true
				}
			}
		}
		slices.SortStableFunc(d.claims, func(x, y *claimF) int {
			return cmpInts(x.c.Content.Span.Start, y.c.Content.Span.Start, x.c.Content.Span.End, y.c.Content.Span.End)
		})
		out = append(out, d)
	}
	return out
}

func (c *Comparer) bodyFeatures(d *doc) {
	var names []string
	for _, p := range d.a.Paragraphs {
		if p.Kind != claimtrail.ParagraphBody && p.Kind != claimtrail.ParagraphTitle && p.Kind != "" {
			continue
		}
		for _, s := range p.Sentences {
			toks := text.TokenizeAt(s.Text, s.Span.Start)
			ws, cw, nums, nm := c.tokenFeatures(toks, d.lang)
			d.words = append(d.words, ws...)
			sw := map[string]bool{}
			for _, w := range cw {
				d.content[w] = true
				sw[w] = true
			}
			for _, n := range nums {
				d.numbers[n] = true
			}
			for _, t := range c.terms.find(ws) {
				d.terms[t] = true
			}
			names = append(names, nm...)
			if p.Kind != claimtrail.ParagraphTitle {
				d.sentences = append(d.sentences, sentF{span: s.Span, text: s.Text, words: sw})
			}
		}
	}
	slices.Sort(names)
	d.names = slices.Compact(names)
	for i := 0; i+shingleSize <= len(d.words); i++ {
		h := fnv.New64a()
		for _, w := range d.words[i : i+shingleSize] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		d.shingles[h.Sum64()] = true
	}
}

// tokenFeatures returns the normalised words (all), the content words
// (stop words and one-letter words left out), the numbers and the name
// candidates of a run of tokens: for English, runs of capitalised words
// ("Bir Tala", "Laila Haddad"), each one anchor; for Arabic, which has no
// capitals, every run of one to three content words, for the matcher to
// test against the English names.
func (c *Comparer) tokenFeatures(toks []text.Token, lang string) (ws, content, nums, names []string) {
	var run []string
	flush := func() {
		if len(run) == 0 {
			return
		}
		if isArabic(run[0]) {
			for n := 1; n <= 3; n++ {
				for i := 0; i+n <= len(run); i++ {
					// One short Arabic word matches too many skeletons
					// (وأن ~ Ain); places of one word are longer.
					if n == 1 && len([]rune(text.StripClitics(text.KeyWord(run[i])))) < 4 {
						continue
					}
					names = append(names, strings.Join(run[i:i+n], " "))
				}
			}
		} else {
			for i := 0; i < len(run); i += 4 {
				nm := strings.Join(run[i:min(i+4, len(run))], " ")
				if strings.Contains(nm, " ") || len([]rune(nm)) >= 4 {
					names = append(names, nm)
				}
			}
		}
		run = run[:0]
	}
	for i, t := range toks {
		k := normToken(t)
		if k == "" {
			flush()
			continue
		}
		ws = append(ws, k)
		if t.Kind == text.Number {
			flush()
			nums = append(nums, k)
			content = append(content, k)
			continue
		}
		if c.stop[k] || c.stop[t.Key] || len([]rune(k)) < 2 {
			flush()
			continue
		}
		content = append(content, k)
		if len(c.terms.byFirst[k]) > 0 {
			flush() // a glossary term is an anchor already
			continue
		}
		if isArabic(k) {
			run = append(run, t.Text)
			continue
		}
		r := []rune(t.Text)
		if len(run) > 0 && (strings.HasPrefix(t.Text, "al-") || strings.HasPrefix(t.Text, "el-")) {
			run = append(run, t.Text) // Ain al-Asad
			continue
		}
		if unicode.IsUpper(r[0]) && (len(r) >= 3 || len(run) > 0) && (i > 0 || !c.stop[strings.ToLower(t.Text)]) {
			run = append(run, t.Text)
			continue
		}
		flush()
	}
	flush()
	return ws, content, nums, names
}

func (c *Comparer) claimFeatures(d *doc, cl *claimtrail.Claim) *claimF {
	toks := text.TokenizeAt(cl.Content.Text, cl.Content.Span.Start)
	ws, cw, nums, names := c.tokenFeatures(toks, d.lang)
	f := &claimF{c: cl, d: d, words: map[string]bool{}, terms: c.terms.find(ws)}
	for _, w := range cw {
		f.words[w] = true
	}
	slices.Sort(nums)
	f.numbers = slices.Compact(nums)
	slices.Sort(names)
	f.names = slices.Compact(names)
	return f
}

// dice is 2|A∩B| / (|A|+|B|), with the shared keys.
func dice(a, b map[string]bool) (float64, int) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b)), n
}

func shared(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func cmpInts(xs ...int) int {
	for i := 0; i+1 < len(xs); i += 2 {
		if xs[i] != xs[i+1] {
			if xs[i] < xs[i+1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

func round(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}

func tokensOf(s *sentF) []text.Token { return text.TokenizeAt(s.text, s.span.Start) }

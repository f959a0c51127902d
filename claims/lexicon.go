package claims

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

//go:embed lexicon/*.yaml
var builtin embed.FS

// Complement names what a cue may be followed by.
type Complement uint8

// Complements, as bit flags.
const (
	CompThat    Complement = 1 << iota // a complementizer: إن، أن، that
	CompQuote                          // a colon or a quotation mark
	CompNominal                        // a noun phrase
	CompPrep                           // the cue's own preposition
	CompTo                             // an infinitive: wants to ..., declined to ...
	CompObjTo                          // an object and its infinitive: urged X to ...
)

// VerbDef is one cue verb as written in a lexicon file.
type VerbDef struct {
	Lemma       string   `yaml:"lemma"`
	Class       string   `yaml:"class"`
	Stance      string   `yaml:"stance"`
	Past        []string `yaml:"past"`
	Present     []string `yaml:"present"`
	Forms       []string `yaml:"forms"`
	Participles []string `yaml:"participles"`
	// ParticipleForms are participles taken verbatim.
	ParticipleForms []string `yaml:"participle_forms"`
	// Participle says whether the -ing form after a comma is a cue of its
	// own (..., describing the talks as ...). English only; by default it is
	// for verbs that take a clause, a quotation or their preposition, since
	// "..., echoing the 2008 disaster" reports nothing.
	Participle  *bool    `yaml:"participle"`
	Complements []string `yaml:"complements"`
	Preps       []string `yaml:"preps"`
	Relay       bool     `yaml:"relay"`
	// Adjective marks a predicate adjective (confident that, critical
	// of, willing to): English only, a cue after a form of be, its lemma
	// its only form.
	Adjective bool `yaml:"adjective"`
}

// NounDef is a verbal noun that makes a cue after a light verb.
type NounDef struct {
	Lemma       string   `yaml:"lemma"`
	Stance      string   `yaml:"stance"`
	Complements []string `yaml:"complements"`
	Preps       []string `yaml:"preps"`
}

// OutletDef is a gazetteer entry.
type OutletDef struct {
	Name    string   `yaml:"name"`
	Kind    string   `yaml:"kind"`
	Aliases []string `yaml:"aliases"`
}

// LexiconFile is the YAML schema of a lexicon file. Every list is optional,
// so a user's file can add a few verbs or outlets and nothing else.
type LexiconFile struct {
	Language          string              `yaml:"language"`
	Verbs             []VerbDef           `yaml:"verbs"`
	Nouns             []NounDef           `yaml:"nouns"`
	LightVerbs        []string            `yaml:"light_verbs"`
	NounPreps         []string            `yaml:"noun_preps"`
	AccordingTo       []string            `yaml:"according_to"`
	ClosingDistancing []string            `yaml:"closing_distancing"`
	AccordingFrames   []string            `yaml:"according_frames"`
	Complementizers   []string            `yaml:"complementizers"`
	ComplementPreps   []string            `yaml:"complement_preps"`
	Negators          []string            `yaml:"negators"`
	NotCues           []string            `yaml:"not_cues"`
	Impersonal        []string            `yaml:"impersonal"`
	Channels          []string            `yaml:"channels"`
	ChannelReporters  []string            `yaml:"channel_reporters"`
	Adverbials        []string            `yaml:"adverbials"`
	SubjectBreaks     []string            `yaml:"subject_breaks"`
	SourceNouns       map[string][]string `yaml:"source_nouns"`
	Unnamed           map[string][]string `yaml:"unnamed"`
	UnnamedMarkers    []string            `yaml:"unnamed_markers"`
	Anaphors          map[string][]string `yaml:"anaphors"`
	Relatives         []string            `yaml:"relatives"`
	TitleLinks        []string            `yaml:"title_links"`
	Honorifics        []string            `yaml:"honorifics"`
	Outlets           []OutletDef         `yaml:"outlets"`
}

// cueDef is a compiled cue: what the extractor needs once a form matched.
type cueDef struct {
	lemma  string
	class  claimtrail.CueClass
	stance claimtrail.Stance
	comps  Complement
	preps  map[string]bool
	relay  bool
	adj    bool
}

type anaphorClass uint8

const (
	anaNone anaphorClass = iota
	anaDocument
	anaOutlet
	anaGroup
	anaPronoun
)

// phrase is a sequence of token keys. A final one-letter element is a
// proclitic of the next word (وفقا لـ: "وفقا لوزارة").
type phrase []string

type outlet struct {
	name string
	kind claimtrail.SourceKind
}

// Lexicon is the compiled language knowledge of one language: every form
// keyed by its normalised spelling, built once and shared by all calls.
type Lexicon struct {
	Lang string

	verbs       map[string]*cueDef
	adjectives  map[string]*cueDef // predicate adjectives (English), also when a verb form is spelt alike
	participles map[string]*cueDef
	// progressive holds every English -ing form, for "is demanding",
	// whether or not the participle alone makes a cue.
	progressive map[string]*cueDef
	nouns       map[string]*cueDef
	lightVerbs  map[string]bool
	nounPreps   map[string]bool

	according phraseIndex
	closing   phraseIndex
	channels  phraseIndex
	markers   phraseIndex

	complementizers map[string]bool
	compPreps       map[string]bool
	negators        map[string]bool
	frames          map[string]bool
	notCues         map[string]bool
	impersonal      map[string]bool
	reporters       map[string]bool
	adverbials      map[string]bool
	breaks          map[string]bool
	relatives       map[string]bool
	titleLinks      map[string]bool
	honorifics      map[string]bool

	nounKind    map[string]claimtrail.SourceKind // head noun → kind
	unnamed     map[string]claimtrail.SourceKind // unnamed head → official or anonymous
	anaphors    map[string]anaphorClass
	outlets     map[string]outlet // alias key (spaces kept) → outlet
	outletFirst map[string]int    // first word of an alias → longest alias in words
}

// Lexicons holds one compiled lexicon per language.
type Lexicons map[string]*Lexicon

// LoadLexicons compiles the built-in lexicons and then the user's files,
// which extend them: entries are appended, verbs with the same lemma merge.
func LoadLexicons(extra ...string) (Lexicons, error) {
	files := map[string]*LexiconFile{}
	var outlets []OutletDef
	entries, err := fs.ReadDir(builtin, "lexicon")
	if err != nil {
		return nil, fmt.Errorf("read built-in lexicons: %w", err)
	}
	add := func(name string, data []byte) error {
		var lf LexiconFile
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(&lf); err != nil {
			return fmt.Errorf("lexicon %s: %w", name, err)
		}
		outlets = append(outlets, lf.Outlets...)
		if lf.Language == "" {
			if len(lf.Outlets) == 0 {
				return fmt.Errorf("lexicon %s: no language: set `language: ar` or `language: en`", name)
			}
			return nil
		}
		if cur, ok := files[lf.Language]; ok {
			cur.merge(&lf)
		} else {
			files[lf.Language] = &lf
		}
		return nil
	}
	for _, e := range entries {
		data, err := builtin.ReadFile("lexicon/" + e.Name())
		if err != nil {
			return nil, err
		}
		if err := add("built-in "+e.Name(), data); err != nil {
			return nil, err
		}
	}
	for _, path := range extra {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read lexicon: %w", err)
		}
		if err := add(path, data); err != nil {
			return nil, err
		}
	}
	out := Lexicons{}
	for lang, lf := range files {
		lx, err := compile(lf, outlets)
		if err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", lang, err)
		}
		out[lang] = lx
	}
	return out, nil
}

func (lf *LexiconFile) merge(o *LexiconFile) {
	byLemma := map[string]int{}
	for i, v := range lf.Verbs {
		byLemma[v.Lemma] = i
	}
	for _, v := range o.Verbs {
		if i, ok := byLemma[v.Lemma]; ok {
			cur := &lf.Verbs[i]
			cur.Past = append(cur.Past, v.Past...)
			cur.Present = append(cur.Present, v.Present...)
			cur.Forms = append(cur.Forms, v.Forms...)
			cur.Participles = append(cur.Participles, v.Participles...)
			cur.ParticipleForms = append(cur.ParticipleForms, v.ParticipleForms...)
			cur.Complements = append(cur.Complements, v.Complements...)
			cur.Preps = append(cur.Preps, v.Preps...)
			if v.Stance != "" {
				cur.Stance = v.Stance
			}
			if v.Class != "" {
				cur.Class = v.Class
			}
			cur.Adjective = cur.Adjective || v.Adjective
			continue
		}
		lf.Verbs = append(lf.Verbs, v)
	}
	lf.Nouns = append(lf.Nouns, o.Nouns...)
	for _, l := range []struct{ dst, src *[]string }{
		{&lf.LightVerbs, &o.LightVerbs}, {&lf.NounPreps, &o.NounPreps}, {&lf.AccordingTo, &o.AccordingTo},
		{&lf.ClosingDistancing, &o.ClosingDistancing}, {&lf.AccordingFrames, &o.AccordingFrames},
		{&lf.Complementizers, &o.Complementizers}, {&lf.ComplementPreps, &o.ComplementPreps},
		{&lf.Negators, &o.Negators}, {&lf.NotCues, &o.NotCues}, {&lf.Impersonal, &o.Impersonal},
		{&lf.Channels, &o.Channels}, {&lf.ChannelReporters, &o.ChannelReporters},
		{&lf.Adverbials, &o.Adverbials}, {&lf.SubjectBreaks, &o.SubjectBreaks},
		{&lf.UnnamedMarkers, &o.UnnamedMarkers}, {&lf.Relatives, &o.Relatives},
		{&lf.TitleLinks, &o.TitleLinks}, {&lf.Honorifics, &o.Honorifics},
	} {
		*l.dst = append(*l.dst, *l.src...)
	}
	lf.SourceNouns = mergeMap(lf.SourceNouns, o.SourceNouns)
	lf.Unnamed = mergeMap(lf.Unnamed, o.Unnamed)
	lf.Anaphors = mergeMap(lf.Anaphors, o.Anaphors)
}

func mergeMap(a, b map[string][]string) map[string][]string {
	if a == nil {
		a = map[string][]string{}
	}
	for k, v := range b {
		a[k] = append(a[k], v...)
	}
	return a
}

var (
	stances = map[string]claimtrail.Stance{"neutral": claimtrail.Neutral, "assertive": claimtrail.Assertive,
		"hedged": claimtrail.Hedged, "distancing": claimtrail.Distancing, "denial": claimtrail.Denial}
	classes = map[string]claimtrail.CueClass{"speech": claimtrail.ClassSpeech, "writing": claimtrail.ClassWriting,
		"thought": claimtrail.ClassThought, "evidence": claimtrail.ClassEvidence, "intention": claimtrail.ClassIntention,
		"relay": claimtrail.ClassRelay, "according": claimtrail.ClassAccording}
	complements = map[string]Complement{"that": CompThat, "quote": CompQuote, "nominal": CompNominal, "prep": CompPrep,
		"to": CompTo, "object_to": CompObjTo}
	kinds = map[string]claimtrail.SourceKind{"person": claimtrail.KindPerson, "organization": claimtrail.KindOrganization,
		"government": claimtrail.KindGovernment, "official": claimtrail.KindOfficial, "outlet": claimtrail.KindOutlet,
		"agency": claimtrail.KindAgency, "document": claimtrail.KindDocument, "anonymous": claimtrail.KindAnonymous,
		"other": claimtrail.KindOther}
	anaphorClasses = map[string]anaphorClass{"document": anaDocument, "outlet": anaOutlet, "group": anaGroup, "pronoun": anaPronoun}
)

func compile(lf *LexiconFile, outlets []OutletDef) (*Lexicon, error) {
	lx := &Lexicon{
		Lang:        lf.Language,
		verbs:       map[string]*cueDef{},
		participles: map[string]*cueDef{},
		progressive: map[string]*cueDef{},
		nouns:       map[string]*cueDef{},
		nounKind:    map[string]claimtrail.SourceKind{},
		unnamed:     map[string]claimtrail.SourceKind{},
		anaphors:    map[string]anaphorClass{},
		outlets:     map[string]outlet{},
		outletFirst: map[string]int{},
	}
	arabic := lf.Language == claimtrail.LangArabic
	english := lf.Language == claimtrail.LangEnglish
	// Predicate adjectives are added after the verbs: a form that is both
	// ("worried", "concerned") keeps its verb reading in lx.verbs for
	// "regulators worried that", and its adjective reading in lx.adjectives
	// for "were worried that".
	type adjForm struct {
		key string
		d   *cueDef
	}
	var adjs []adjForm
	for _, v := range lf.Verbs {
		d, err := newCueDef(v.Lemma, v.Class, v.Stance, v.Complements, v.Preps)
		if err != nil {
			return nil, err
		}
		d.relay = v.Relay
		if english && v.Adjective {
			d.adj = true
			for _, f := range append([]string{v.Lemma}, v.Forms...) {
				adjs = append(adjs, adjForm{text.KeyWord(f), d})
			}
			continue
		}
		forms := append([]string{}, v.Forms...)
		for _, p := range v.Past {
			forms = append(forms, p)
			if arabic {
				forms = append(forms, p+"ت", p+"وا", p+"ا", p+"تا")
			}
		}
		for _, p := range v.Present {
			forms = append(forms, p)
			if arabic {
				r := []rune(p)
				if r[0] == 'ي' {
					forms = append(forms, "ت"+string(r[1:]))
				}
				forms = append(forms, p+"ون", p+"ان")
			}
		}
		if english {
			forms = append(forms, englishForms(v.Lemma, len(v.Past) > 0)...)
			ing := d.comps&(CompThat|CompQuote|CompPrep|CompTo|CompObjTo) != 0 || d.relay
			if v.Participle != nil {
				ing = *v.Participle
			}
			lx.progressive[text.KeyWord(englishIng(v.Lemma))] = d
			for _, f := range v.Participles {
				lx.progressive[text.KeyWord(f)] = d
			}
			if len(v.Participles) == 0 && ing {
				lx.participles[text.KeyWord(englishIng(v.Lemma))] = d
			}
		}
		for _, f := range forms {
			lx.verbs[text.KeyWord(f)] = d
		}
		for _, f := range v.ParticipleForms {
			lx.participles[text.KeyWord(f)] = d
		}
		for _, p := range v.Participles {
			lx.participles[text.KeyWord(p)] = d
			if arabic {
				for _, suf := range []string{"ا", "ة", "ين", "ون", "تين", "تان"} {
					lx.participles[text.KeyWord(p+suf)] = d
				}
			}
		}
	}
	if len(adjs) > 0 {
		lx.adjectives = map[string]*cueDef{}
	}
	for _, a := range adjs {
		if lx.verbs[a.key] == nil {
			lx.verbs[a.key] = a.d
		}
		lx.adjectives[a.key] = a.d
	}
	for _, n := range lf.Nouns {
		d, err := newCueDef(n.Lemma, "speech", n.Stance, n.Complements, n.Preps)
		if err != nil {
			return nil, err
		}
		forms := []string{n.Lemma, "ال" + n.Lemma}
		if english {
			forms = []string{n.Lemma, englishThird(n.Lemma)} // claim, claims
		}
		for _, f := range forms {
			lx.nouns[text.KeyWord(f)] = d
		}
		if arabic {
			base := strings.TrimSuffix(n.Lemma, "ة")
			if base != n.Lemma {
				base += "ت"
			}
			for _, suf := range []string{"ه", "ها", "هم", "هما", "هن"} {
				lx.nouns[text.KeyWord(base+suf)] = d
			}
		}
	}
	lx.lightVerbs = keySet(lf.LightVerbs)
	lx.nounPreps = keySet(lf.NounPreps)
	lx.according = indexPhrases(lf.AccordingTo)
	lx.closing = indexPhrases(lf.ClosingDistancing)
	lx.channels = indexPhrases(lf.Channels)
	lx.markers = indexPhrases(lf.UnnamedMarkers)
	lx.complementizers = keySet(lf.Complementizers)
	lx.compPreps = keySet(lf.ComplementPreps)
	lx.negators = keySet(lf.Negators)
	lx.frames = keySet(lf.AccordingFrames)
	lx.notCues = keySet(lf.NotCues)
	lx.impersonal = keySet(lf.Impersonal)
	lx.reporters = keySet(lf.ChannelReporters)
	lx.adverbials = keySet(lf.Adverbials)
	lx.breaks = keySet(lf.SubjectBreaks)
	lx.relatives = keySet(lf.Relatives)
	lx.titleLinks = keySet(lf.TitleLinks)
	lx.honorifics = keySet(lf.Honorifics)
	if err := classify(lx.nounKind, lf.SourceNouns, kinds, "source_nouns", "person, organization, government, outlet, document, ..."); err != nil {
		return nil, err
	}
	if err := classify(lx.unnamed, lf.Unnamed, kinds, "unnamed", "official or anonymous"); err != nil {
		return nil, err
	}
	if english {
		// the plural of a one-word source noun is one too (polls, studies)
		plurals := map[string]claimtrail.SourceKind{}
		for k, kind := range lx.nounKind {
			if !strings.Contains(k, " ") && !strings.HasSuffix(k, "s") {
				if pl := englishThird(k); lx.nounKind[pl] == "" {
					plurals[pl] = kind
				}
			}
		}
		for k, kind := range plurals {
			lx.nounKind[k] = kind
		}
	}
	if err := classify(lx.anaphors, lf.Anaphors, anaphorClasses, "anaphors", "document, outlet, group or pronoun"); err != nil {
		return nil, err
	}
	for _, o := range outlets {
		kind, ok := kinds[o.Kind]
		if !ok {
			kind = claimtrail.KindOutlet
		}
		for _, a := range append([]string{o.Name}, o.Aliases...) {
			k := text.Key(a)
			if k == "" {
				continue
			}
			lx.outlets[k] = outlet{name: o.Name, kind: kind}
			ws := strings.Fields(k)
			if n := len(ws); n > lx.outletFirst[ws[0]] {
				lx.outletFirst[ws[0]] = n
			}
		}
	}
	return lx, nil
}

func newCueDef(lemma, class, stance string, comps, preps []string) (*cueDef, error) {
	d := &cueDef{lemma: lemma, preps: map[string]bool{}}
	var ok bool
	if d.stance, ok = stances[stance]; !ok {
		return nil, fmt.Errorf("cue %s: unknown stance %q (want neutral, assertive, hedged, distancing or denial)", lemma, stance)
	}
	if class == "" {
		class = "speech"
	}
	if d.class, ok = classes[class]; !ok {
		return nil, fmt.Errorf("cue %s: unknown class %q (want speech, writing, thought, evidence, intention or relay)", lemma, class)
	}
	for _, c := range comps {
		f, ok := complements[c]
		if !ok {
			return nil, fmt.Errorf("cue %s: unknown complement %q (want that, quote, nominal, prep, to or object_to)", lemma, c)
		}
		d.comps |= f
	}
	for _, p := range preps {
		d.preps[text.KeyWord(p)] = true
	}
	return d, nil
}

func keySet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[text.Key(w)] = true
	}
	return m
}

// phraseIndex holds phrases by their first word, longest first, so that a
// token is compared only with the phrases that can start at it: the
// subject parser asks at every word whether a channel phrase starts there.
type phraseIndex map[string][]phrase

func indexPhrases(list []string) phraseIndex {
	ix := phraseIndex{}
	for _, p := range phrases(list) {
		ix[p[0]] = append(ix[p[0]], p)
	}
	for _, ps := range ix {
		// longer first, so that "وفق ما" wins over "وفق"
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i]) > len(ps[j]) })
	}
	return ix
}

func phrases(list []string) []phrase {
	out := make([]phrase, 0, len(list))
	for _, s := range list {
		var p phrase
		for _, t := range text.Tokenize(s) {
			if t.Kind == text.Punct && t.Text != "." {
				continue
			}
			p = append(p, t.Key)
		}
		if len(p) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// classify fills dst with the class of every word of a YAML map from class
// name to words, rejecting a class name the lexicon does not know.
func classify[C any](dst map[string]C, src map[string][]string, classes map[string]C, section, want string) error {
	for name, words := range src {
		c, ok := classes[name]
		if !ok {
			return fmt.Errorf("%s: unknown class %q (want %s)", section, name, want)
		}
		for _, w := range words {
			dst[text.Key(w)] = c
		}
	}
	return nil
}

// englishForms derives the regular finite forms of an English verb: the
// lemma, the third person (says, denies, pushes) and, unless the lexicon
// gives irregular past forms, the -ed form (stated, denied, stressed).
func englishForms(lemma string, irregularPast bool) []string {
	out := []string{lemma, englishThird(lemma)}
	if !irregularPast {
		out = append(out, englishPast(lemma))
	}
	return out
}

func englishThird(l string) string {
	switch {
	case strings.HasSuffix(l, "y") && !vowelBefore(l, 1):
		return l[:len(l)-1] + "ies"
	case strings.HasSuffix(l, "s"), strings.HasSuffix(l, "sh"), strings.HasSuffix(l, "ch"),
		strings.HasSuffix(l, "x"), strings.HasSuffix(l, "z"), strings.HasSuffix(l, "o"):
		return l + "es"
	}
	return l + "s"
}

func englishPast(l string) string {
	switch {
	case strings.HasSuffix(l, "e"):
		return l + "d"
	case strings.HasSuffix(l, "y") && !vowelBefore(l, 1):
		return l[:len(l)-1] + "ied"
	case doubles(l):
		return l + l[len(l)-1:] + "ed"
	}
	return l + "ed"
}

func englishIng(l string) string {
	switch {
	case strings.HasSuffix(l, "ie"):
		return l[:len(l)-2] + "ying"
	case strings.HasSuffix(l, "e") && !strings.HasSuffix(l, "ee"):
		return l[:len(l)-1] + "ing"
	case doubles(l):
		return l + l[len(l)-1:] + "ing"
	}
	return l + "ing"
}

// doubles reports a one-syllable verb ending consonant-vowel-consonant,
// whose last letter doubles before -ed and -ing (plan, planned; admit is
// stressed on its last syllable and doubles too, so two-syllable verbs
// that double are listed with their forms).
func doubles(l string) bool {
	n := len(l)
	if n < 3 || strings.ContainsAny(l[n-1:], "aeiouwxy") || !strings.ContainsAny(l[n-2:n-1], "aeiou") || strings.ContainsAny(l[n-3:n-2], "aeiou") {
		return false
	}
	vowels := 0
	for _, r := range l {
		if strings.ContainsRune("aeiouy", r) {
			vowels++
		}
	}
	return vowels == 1 || l == "admit" || l == "commit" || l == "regret" || l == "refer"
}

func vowelBefore(l string, k int) bool {
	i := len(l) - k - 1
	return i >= 0 && strings.ContainsRune("aeiou", rune(l[i]))
}

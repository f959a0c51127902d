package claims

import (
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// Options configure an Extractor.
type Options struct {
	// Lexicons are extra lexicon files that extend the built-in ones.
	Lexicons []string
	// MaxClaims bounds the claims of one article; 0 means no bound.
	MaxClaims int
}

// Extractor turns segmented articles into claims. It is safe for concurrent
// use: the lexicons are compiled once and only read afterwards.
type Extractor struct {
	lex  Lexicons
	opts Options
}

// New compiles the lexicons once.
func New(opts Options) (*Extractor, error) {
	lex, err := LoadLexicons(opts.Lexicons...)
	if err != nil {
		return nil, err
	}
	return &Extractor{lex: lex, opts: opts}, nil
}

// entity is a source as the discourse knows it, for anaphora.
type entity struct {
	mention   string
	name      string
	kind      claimtrail.SourceKind
	anonymous bool
	statement bool
	keys      []string // the mention's word keys
	roleKeys  []string // the keys of its apposition, for "the spokesman"
	// last is how the text last named the source (العليمي after رشاد
	// محمد العليمي): an implicit subject refers to it.
	last string
}

// discourse carries what later sentences may refer back to.
type discourse struct {
	sources []*entity
	outlets []*entity
	// lastSent is the index of the last sentence that gave a claim: a
	// quotation with no cue right after it continues that source's words.
	lastSent int
	// colonPending: the paragraph before ended with "X added:", so the
	// next paragraph is X's.
	colonPending bool
}

// Extract returns the claims of a segmented article (text.Segment must
// have filled its paragraphs), sorted by offset.
func (x *Extractor) Extract(a *claimtrail.Article) []claimtrail.Claim {
	runes := []rune(a.Text)
	d := &discourse{lastSent: -2}
	var buf tokBuf
	transcript := x.isTranscript(a, runes)
	var out []claimtrail.Claim
	for _, para := range a.Paragraphs {
		switch para.Kind {
		case claimtrail.ParagraphSource, claimtrail.ParagraphChrome, claimtrail.ParagraphDateline:
			continue
		}
		sents := para.Sentences
		pending := d.colonPending
		d.colonPending = false
		if len(sents) > 0 && x.lex[claimtrail.LangEnglish] != nil && (pending || transcript && maybeLabel(sents[0].Text) || maybeSigned(sents)) &&
			text.DetectLang(sents[0].Text) == claimtrail.LangEnglish {
			whole := claimtrail.Sentence{Index: sents[0].Index, Span: claimtrail.Span{Start: sents[0].Span.Start, End: sents[len(sents)-1].Span.End}}
			whole.Text = string(runes[whole.Span.Start:whole.Span.End])
			p := &parser{lx: x.lex[claimtrail.LangEnglish], runes: runes, toks: buf.tokens(whole), kind: para.Kind}
			r := p.englishParagraph(transcript)
			if r == nil && pending {
				r = p.paragraphAfterColon()
			}
			if r != nil {
				built := x.build(a, p, d, []*raw{r}, para.Index, whole.Index)
				if len(built) > 0 {
					d.lastSent = sents[len(sents)-1].Index
				}
				out = append(out, built...)
				continue
			}
		}
		for si := 0; si < len(sents); si++ {
			s := sents[si]
			lang := text.DetectLang(s.Text)
			if lang == claimtrail.LangMixed || lang == claimtrail.LangUnknown {
				lang = a.Lang
			}
			lx := x.lex[lang]
			if lx == nil {
				continue
			}
			toks := buf.tokens(s)
			if lang == claimtrail.LangEnglish {
				// a quotation of several sentences is read as one unit, so
				// that “A. B,” he said gives one claim with both
				for si+1 < len(sents) && quoteLeftOpen(toks) {
					si++
					s.Span.End = sents[si].Span.End
					s.Text = string(runes[s.Span.Start:s.Span.End])
					toks = buf.tokens(s)
				}
			}
			p := &parser{lx: lx, runes: runes, toks: toks, kind: para.Kind, text: s.Text}
			var raws []*raw
			if lang == claimtrail.LangEnglish {
				raws = p.englishSentence()
				if len(raws) == 0 && d.lastSent == s.Index-1 && s.Index > 0 {
					// “A,” he said. “B.”: the second quotation is his too
					if r := p.quoteContinues(); r != nil {
						raws = []*raw{r}
					}
				}
			} else {
				raws = p.sentence()
			}
			built := x.build(a, p, d, raws, para.Index, s.Index)
			if len(built) > 0 {
				d.lastSent = s.Index
			}
			if n := len(raws); n > 0 && raws[n-1].frame && raws[n-1].ctype == claimtrail.Direct && si == len(sents)-1 {
				d.colonPending = true
			}
			out = append(out, built...)
			if x.opts.MaxClaims > 0 && len(out) >= x.opts.MaxClaims {
				out = out[:x.opts.MaxClaims]
				sortClaims(out)
				return out
			}
		}
	}
	sortClaims(out)
	return out
}

// isTranscript reports an English article in which two or more paragraphs
// open with an upper-case speaker label (WALLACE: ... PENCE: ...).
func (x *Extractor) isTranscript(a *claimtrail.Article, runes []rune) bool {
	lx := x.lex[claimtrail.LangEnglish]
	if lx == nil {
		return false
	}
	n := 0
	for _, para := range a.Paragraphs {
		if len(para.Sentences) == 0 || !maybeLabel(para.Sentences[0].Text) {
			continue
		}
		p := &parser{lx: lx, runes: runes, toks: sentenceTokens(para.Sentences[0])}
		if i, k := p.speakerLabel(); k > i && p.toks[k].colon() {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// maybeLabel is a cheap test before tokenizing: a speaker label opens with
// a capital Latin letter (or a quotation mark) and has a colon soon after.
func maybeLabel(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if c == '"' && len(s) > 1 {
		c = s[1]
	}
	head := s[:min(len(s), 48)]
	return c >= 'A' && c <= 'Z' && strings.IndexByte(head, ':') > 0
}

// maybeSigned is a cheap test before tokenizing: a paragraph that opens
// with a quotation mark and has a dash near its end may be a signed quote.
func maybeSigned(sents []claimtrail.Sentence) bool {
	first, last := sents[0].Text, sents[len(sents)-1].Text
	if first == "" || !strings.ContainsAny(first[:min(len(first), 4)], "\"“”'") {
		return false
	}
	tail := last[max(0, len(last)-80):]
	return strings.ContainsAny(tail, "―—–-")
}

func sortClaims(cs []claimtrail.Claim) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := start(cs[i]), start(cs[j])
		if a != b {
			return a < b
		}
		return cs[i].Content.Span.Start < cs[j].Content.Span.Start
	})
}

func start(c claimtrail.Claim) int {
	s := c.Cue.Span.Start
	if c.Content.Span.Start < s {
		s = c.Content.Span.Start
	}
	if !c.Source.Span.Empty() && c.Source.Span.Start < s {
		s = c.Source.Span.Start
	}
	return s
}

// build resolves the raw claims of one sentence against the discourse.
func (x *Extractor) build(a *claimtrail.Article, p *parser, d *discourse, raws []*raw, para, sent int) []claimtrail.Claim {
	claims := make([]claimtrail.Claim, len(raws))
	ents := make([]*entity, len(raws))
	var lastTop *entity
	lastTopIdx := -1
	for i, r := range raws {
		c := claimtrail.Claim{
			ArticleID: a.ID,
			Type:      r.ctype,
			Paragraph: para,
			Sentence:  sent,
			Via:       []claimtrail.Mention{},
			Cue: claimtrail.Cue{Text: r.cueText, Lemma: r.lemma, Class: r.class, Stance: r.stance,
				Negated: r.c.neg, Span: r.cue},
		}
		cs := p.rangeSpan(r.content)
		c.Content = claimtrail.Text{Text: p.slice(cs.Start, cs.End), Span: cs}
		// the chain of reporters
		for _, v := range r.via {
			c.Via = append(c.Via, x.mention(p, d, v, nil, true))
		}
		var e *entity
		switch {
		case r.implicit || r.src.empty():
			ante := lastTop
			if ante == nil || r.nested >= 0 {
				ante = d.previous()
			}
			if ante == nil {
				continue
			}
			e = ante
			c.Source = claimtrail.Mention{Name: ante.name, Kind: ante.kind, Anonymous: ante.anonymous,
				ResolvedFrom: r.cueText, Span: claimtrail.Span{Start: r.cue.Start, End: r.cue.Start}}
			if ante.last != "" && ante.last != ante.name {
				c.Source.Aliases = []string{ante.last}
			}
			c.Implicit = r.c.kind == candVerb
			if lastTopIdx >= 0 && r.c.kind == candParticiple && len(c.Via) == 0 {
				c.Via = append(c.Via, claims[lastTopIdx].Via...)
			}
		default:
			m := x.mention(p, d, r.src, r, false)
			c.Source = m
			e = &entity{mention: m.Mention, name: m.Name, kind: m.Kind, anonymous: m.Anonymous,
				statement: r.statement, keys: p.mentionKeys(m.Mention, m.Span)}
			if m.RoleSpan != nil {
				e.roleKeys = p.mentionKeys(m.Role, *m.RoleSpan)
			}
			if m.ResolvedFrom != "" {
				if ante := d.find(m.Name); ante != nil {
					e = ante
				}
			}
			e.last = m.Mention
		}
		if r.nested >= 0 {
			outer := claims[r.nested]
			via := append([]claimtrail.Mention{}, outer.Via...)
			src := outer.Source
			// an implicit outer source has no words in the text: the
			// reporter keeps its name and no mention, as the source did
			via = append(via, claimtrail.Mention{Mention: src.Mention, Name: src.Name, Kind: src.Kind, Span: src.Span,
				ResolvedFrom: src.ResolvedFrom})
			c.Via = append(via, c.Via...)
			c.NestedIn = outer.ID
		}
		if r.frame {
			c.Content = claimtrail.Text{}
		}
		c.ID = claimtrail.ClaimID(a.ID, c.Content.Span, c.Content.Text)
		claims[i] = c
		ents[i] = e
		if r.nested < 0 {
			lastTop, lastTopIdx = e, i
			d.add(e, r.statement)
			for _, v := range c.Via {
				if (v.Kind == claimtrail.KindOutlet || v.Kind == claimtrail.KindAgency) && v.ResolvedFrom == "" {
					d.addOutlet(&entity{mention: v.Mention, name: v.Name, kind: v.Kind, keys: p.mentionKeys(v.Mention, v.Span)})
				}
			}
			if e.kind == claimtrail.KindOutlet || e.kind == claimtrail.KindAgency {
				d.addOutlet(e)
			}
		}
	}
	out := claims[:0]
	for i, c := range claims {
		if ents[i] == nil || c.Content.Text == "" {
			continue
		}
		out = append(out, c)
	}
	return out
}

// mentionKeys are the word keys of a mention. English mentions are whole
// tokens of the sentence, whose keys are known already; an Arabic mention
// may start inside a token (after a proclitic), so it is tokenized anew.
func (p *parser) mentionKeys(s string, sp claimtrail.Span) []string {
	if p.lx.Lang != claimtrail.LangEnglish || sp.Empty() {
		return keysOf(s)
	}
	var out []string
	i := sort.Search(len(p.toks), func(i int) bool { return p.toks[i].Span.Start >= sp.Start })
	for ; i < len(p.toks) && p.toks[i].Span.End <= sp.End; i++ {
		if p.toks[i].Kind == text.Word {
			out = append(out, p.toks[i].Key)
		}
	}
	return out
}

func keysOf(s string) []string {
	var out []string
	for _, t := range text.Tokenize(s) {
		if t.Kind == text.Word {
			out = append(out, t.Key)
		}
	}
	return out
}

func (d *discourse) add(e *entity, statement bool) {
	if e == nil {
		return
	}
	if statement {
		e.statement = true
	}
	for i, s := range d.sources {
		if s == e {
			d.sources = append(d.sources[:i], d.sources[i+1:]...)
			break
		}
	}
	d.sources = append(d.sources, e)
}

func (d *discourse) addOutlet(e *entity) {
	d.outlets = append(d.outlets, e)
}

// previous is the antecedent of an implicit subject: the last source.
// Gender agreement is not used: institutions take masculine verbs (وأضاف
// البيان، وقال الجيش) as often as feminine ones, so the verb's ending would
// mislead as often as it helps.
func (d *discourse) previous() *entity {
	if len(d.sources) == 0 {
		return nil
	}
	return d.sources[len(d.sources)-1]
}

func (d *discourse) find(name string) *entity {
	for i := len(d.sources) - 1; i >= 0; i-- {
		if d.sources[i].name == name {
			return d.sources[i]
		}
	}
	return nil
}

// mention turns a source or reporter phrase into a Mention: trims
// honorifics, splits a title from the name it introduces, classifies it
// and resolves anaphors against the discourse.
func (x *Extractor) mention(p *parser, d *discourse, n np, r *raw, reporter bool) claimtrail.Mention {
	if p.lx.Lang == claimtrail.LangEnglish {
		return x.mentionEn(p, d, n, r, reporter)
	}
	lx := p.lx
	start, end, skip := n.start, n.end, n.skip
	// honorifics: الدكتور هيثم → هيثم
	for start+1 < end && skip == 0 && lx.honorifics[p.toks[start].Key] {
		start++
	}
	var role *claimtrail.Span
	if r != nil {
		role = r.role
	}
	// a title and the name after it: وزير الطاقة السعودي خالد الفالح
	if !reporter && skip == 0 && end-start >= 3 && lx.isTitle(p.toks[start].Key) {
		seenDef := false
		for k := start + 1; k < end; k++ {
			t := &p.toks[k]
			if lx.titleLinks[t.Key] {
				seenDef = true
				k++ // the word linked to is part of the title
				continue
			}
			if t.definite() || lx.honorifics[t.Key] {
				seenDef = true
				continue
			}
			if seenDef && t.word() && t.Kind == text.Word && !lx.sourceHead(t.Key) {
				if role == nil {
					sp := claimtrail.Span{Start: p.toks[start].Span.Start, End: p.toks[k-1].Span.End}
					// drop a trailing honorific from the role
					for kk := k - 1; kk > start && lx.honorifics[p.toks[kk].Key]; kk-- {
						sp.End = p.toks[kk-1].Span.End
					}
					role = &sp
				}
				start = k
				// a name ends at its first definite word (خالد الفالح) or
				// after four words; what follows is the verb's object
				for e := k + 1; e < end; e++ {
					if p.toks[e].definite() || e-k >= 4 {
						if e+1 < end {
							end = e + 1
						}
						break
					}
				}
				break
			}
		}
	}
	// a name and the title after it: مصطفى عزام الأمين العام للاتحاد
	if !reporter && skip == 0 && role == nil && end-start >= 3 {
		for k := start + 2; k < end; k++ {
			t := &p.toks[k]
			if !(lx.isTitle(t.Key) || k+1 < end && lx.isTitle(t.Key+" "+p.toks[k+1].Key)) || !t.definite() {
				if t.definite() {
					break
				}
				continue
			}
			sp := claimtrail.Span{Start: t.Span.Start, End: p.toks[end-1].Span.End}
			role = &sp
			end = k
			break
		}
	}
	sp := p.npSpan(np{start: start, end: end, skip: skip})
	m := claimtrail.Mention{Mention: p.slice(sp.Start, sp.End), Span: sp}
	if role != nil {
		m.Role = strings.Trim(p.slice(role.Start, role.End), " -–—،,")
		rs := *role
		m.RoleSpan = &rs
	}
	if n.gloss != "" {
		m.Aliases = append(m.Aliases, n.gloss)
	}
	m.Name = definiteForm(strings.Trim(m.Mention, "\"«»“” "))
	keys := keysOf(m.Mention)
	if len(keys) > 0 {
		keys[0] = definiteForm(keys[0])
	}
	headKey := definiteForm(p.toks[start].Key)
	if skip > 0 {
		headKey = string([]rune(p.toks[start].Key)[skip:])
	}
	full := strings.Join(keys, " ")
	// gazetteer
	if o, _, ok := lx.outletIn(p.toks, start, end); ok {
		m.Kind = o.kind
		m.Name = o.name
		m.Aliases = appendNew(m.Aliases, strings.Trim(m.Mention, "\"«»“” "))
		return m
	}
	if ana := lx.anaphors[full]; ana != anaNone || (len(keys) <= 2 && lx.anaphors[headKey] != anaNone && len(keys) == 1) {
		if ana == anaNone {
			ana = lx.anaphors[headKey]
		}
		if e := d.resolve(lx, ana, keys); e != nil {
			m.Name, m.Kind, m.Anonymous, m.ResolvedFrom = e.name, e.kind, e.anonymous, m.Mention
			m.Aliases = appendNew(m.Aliases, e.mention)
			if ana == anaDocument {
				m.Kind = claimtrail.KindDocument
			}
			return m
		}
	}
	m.Kind, m.Anonymous = lx.classify(keys, headKey)
	if !m.Anonymous && lx.withheld(keys) {
		// "موظف فضل عدم الكشف عن اسمه": unnamed whatever its head
		m.Anonymous = true
		if m.Kind == claimtrail.KindPerson || m.Kind == claimtrail.KindOther {
			m.Kind = claimtrail.KindAnonymous
		}
	}
	// a definite description or a surname that names an earlier source
	if e := d.describe(lx, keys); e != nil {
		m.Name, m.ResolvedFrom = e.name, m.Mention
		m.Aliases = appendNew(m.Aliases, e.mention)
		if m.Kind == "" || m.Kind == claimtrail.KindOther {
			m.Kind = e.kind
		}
		m.Anonymous = e.anonymous
	}
	if m.Kind == "" {
		m.Kind = claimtrail.KindOther
	}
	return m
}

// classify tells a source's kind from its head noun.
func (lx *Lexicon) classify(keys []string, head string) (claimtrail.SourceKind, bool) {
	if len(keys) == 0 {
		return claimtrail.KindOther, false
	}
	if len(keys) >= 2 {
		if k, ok := lx.unnamed[keys[0]+" "+keys[1]]; ok {
			return k, true
		}
		if k, ok := lx.nounKind[keys[0]+" "+keys[1]]; ok {
			return k, k == claimtrail.KindPerson && len(keys) <= 3
		}
	}
	if k, ok := lx.unnamed[head]; ok {
		return k, true
	}
	if k, ok := lx.unnamed[text.StripClitics(head)]; ok && strings.HasPrefix(head, "ال") {
		return k, true
	}
	if k, ok := lx.nounKind[head]; ok {
		if k == claimtrail.KindPerson {
			// a title with no name after it is an unnamed official
			for _, w := range keys[1:] {
				if !strings.HasPrefix(w, "ال") && !strings.HasPrefix(w, "لل") && !strings.HasPrefix(w, "بال") && lx.nounKind[w] == "" {
					return claimtrail.KindPerson, false
				}
			}
			return claimtrail.KindOfficial, true
		}
		return k, false
	}
	if strings.HasPrefix(head, "ال") {
		return claimtrail.KindOrganization, false
	}
	return claimtrail.KindPerson, false
}

// resolve finds the antecedent of an anaphor.
func (d *discourse) resolve(lx *Lexicon, ana anaphorClass, keys []string) *entity {
	switch ana {
	case anaDocument:
		for i := len(d.sources) - 1; i >= 0; i-- {
			if d.sources[i].statement {
				return d.sources[i]
			}
		}
		for i := len(d.sources) - 1; i >= 0; i-- {
			s := d.sources[i]
			if !s.anonymous && s.kind != claimtrail.KindDocument && s.kind != claimtrail.KindOutlet && s.kind != claimtrail.KindAgency {
				return s
			}
		}
	case anaOutlet:
		if len(d.outlets) > 0 {
			return d.outlets[len(d.outlets)-1]
		}
	case anaGroup:
		stem := stemOf(keys[0])
		for i := len(d.sources) - 1; i >= 0; i-- {
			s := d.sources[i]
			if len(s.keys) > 0 && stemOf(s.keys[0]) == stem {
				return s
			}
		}
		for i := len(d.sources) - 1; i >= 0; i-- {
			if d.sources[i].anonymous {
				return d.sources[i]
			}
		}
	case anaPronoun:
		if len(d.sources) > 0 {
			return d.sources[len(d.sources)-1]
		}
	}
	return nil
}

// stemOf strips the article and the plural endings, so that المسؤولون
// finds مسؤولين and مسؤول.
func stemOf(k string) string {
	k = strings.TrimPrefix(k, "ال")
	for _, suf := range []string{"ون", "ين", "ات", "ه"} {
		if r := []rune(k); len(r) > 4 && strings.HasSuffix(k, suf) {
			return strings.TrimSuffix(k, suf)
		}
	}
	return k
}

// describe resolves a short definite description (اللجنة، الوزير، رئيس
// الهيئة) or a surname (العليمي) to an earlier, longer source.
func (d *discourse) describe(lx *Lexicon, keys []string) *entity {
	if len(keys) == 0 || len(keys) > 3 {
		return nil
	}
	for i := len(d.sources) - 1; i >= 0; i-- {
		s := d.sources[i]
		if len(s.keys) <= len(keys) {
			continue
		}
		// surname: the last word of a longer name
		if len(keys) == 1 && s.keys[len(s.keys)-1] == keys[0] && !lx.sourceHead(keys[0]) {
			return s
		}
		// description: same head noun, article aside
		if len(keys) <= 2 && stemOf(keys[0]) == stemOf(s.keys[0]) && (strings.HasPrefix(keys[0], "ال") || len(keys) == 2) {
			if len(keys) == 2 && !contains(s.keys, keys[1]) {
				continue
			}
			return s
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func appendNew(list []string, s string) []string {
	if s == "" || contains(list, s) {
		return list
	}
	return append(list, s)
}

package claims

import (
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// Arabic rules. News Arabic is mostly verb–subject–object:
//
//	[و|ف] CUE  SOURCE  [-role-]  [channel, addressee]  COMPLEMENTIZER  CONTENT
//
// with the source fronted after a complementizer (أن الجانب الأميركي أكد)
// and in headlines. The parser walks that template from each cue; every
// step that does not fit stops the walk, so an unexpected shape gives no
// claim rather than a wrong one.

type candKind uint8

const (
	candVerb candKind = iota
	candParticiple
	candAccording
	candColon
	candClosing
)

// cand is a cue found in a sentence, before it is parsed.
type cand struct {
	kind   candKind
	def    *cueDef
	start  int // first token of the cue
	end    int // token after the cue
	neg    bool
	nounAt int // for a light verb + noun cue, the noun's index; else -1
	// noun: the cue is a noun after its possessor (his claim that ...).
	noun bool
	// issuer is, for an English participle after a message ("sent a
	// letter urging"), the index of the verb that sends it; else -1 or 0.
	issuer int
	// from is where an English noun cue's content starts (after "that",
	// at "to", after the cue's preposition).
	from int
	// skip is the number of runes of token end already read by the cue
	// (the ل of وفقا لـ).
	skip int
	// boundary: the cue opens a new claim and so ends the content before it.
	boundary bool
}

// colonDef is the cue of a headline "Source: content".
var colonDef = &cueDef{lemma: ":", class: claimtrail.ClassSpeech, stance: claimtrail.Neutral,
	comps: CompThat | CompQuote | CompNominal, preps: map[string]bool{}}

// closingDef marks "على حد قوله", which only ends a content.
var closingDef = &cueDef{class: claimtrail.ClassSpeech, stance: claimtrail.Distancing, preps: map[string]bool{}}

// np is a stretch of tokens naming a source, possibly starting inside its
// first token (after a proclitic).
type np struct {
	start, end int
	skip       int
	// gloss is a Latin name given in parentheses after it.
	gloss string
}

func (n np) empty() bool { return n.end <= n.start }

// findCands lists the cues of a sentence in order.
func (p *parser) findCands() []cand {
	lx, toks := p.lx, p.toks
	var out []cand
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.quoted || !t.word() || lx.notCues[t.Key] {
			if t.colon() && p.headlineColon(i) {
				out = append(out, cand{kind: candColon, def: colonDef, start: i, end: i + 1, nounAt: -1})
			}
			continue
		}
		if n, skip := p.matchPhrase(lx.closing, i); n > 0 {
			out = append(out, cand{kind: candClosing, def: closingDef, start: i, end: i + n, skip: skip, boundary: true, nounAt: -1})
			i += n - 1
			continue
		}
		if n, skip := p.matchPhrase(lx.according, i); n > 0 && !p.falseAccording(i, n, skip) {
			c := cand{kind: candAccording, start: i, end: i + n, skip: skip, nounAt: -1,
				def: &cueDef{lemma: p.phraseText(i, i+n), class: claimtrail.ClassAccording, stance: claimtrail.Neutral}}
			c.boundary = i > 0 && (toks[i-1].comma() || toks[i-1].dash())
			out = append(out, c)
			i += n - 1
			continue
		}
		if lx.lightVerbs[t.Key] || lx.lightVerbs[t.bare] {
			if i+1 < len(toks) {
				if d := lx.nouns[toks[i+1].Key]; d != nil {
					out = append(out, cand{kind: candVerb, def: d, start: i, end: i + 2, nounAt: i + 1,
						boundary: i > 0 && toks[i-1].comma(), neg: p.negated(i)})
					i++
					continue
				}
			}
		}
		if d := lx.nouns[t.Key]; d != nil && i > 0 && lx.nounPreps[toks[i-1].Key] && i+2 < len(toks) && toks[i+1].word() &&
			!lx.complementizers[toks[i+1].Key] && !masdarShape(strings.TrimPrefix(toks[i+1].Key, "ال")) {
			// بعد تأكيد العليمي إتمام ...: a verbal noun with its subject
			// after it reports like the verb
			out = append(out, cand{kind: candVerb, def: d, start: i, end: i + 1, nounAt: -1})
			continue
		}
		if d := lx.participles[t.Key]; d != nil {
			c := cand{kind: candParticiple, def: d, start: i, end: i + 1, nounAt: -1}
			c.boundary = i > 0 && toks[i-1].comma() || p.complementFollows(i+1, d)
			out = append(out, c)
			continue
		}
		if d := lookup(lx.verbs, t); d != nil {
			if (lx.impersonal[t.Key] || lx.impersonal[t.bare]) && i+1 < len(toks) && lx.complementizers[toks[i+1].Key] {
				continue // يذكر أن: a formula, not a report
			}
			if i > 0 && toks[i-1].Key == "ما" && p.accordingBefore(i-1) {
				continue // وفق ما ذكرت: part of the according-to phrase
			}
			c := cand{kind: candVerb, def: d, start: i, end: i + 1, nounAt: -1, neg: p.negated(i)}
			c.boundary = i > 0 && (toks[i-1].comma() && t.bare != "" || lx.adverbials[toks[i-1].Key] && toks[i-1].Key != "اليوم")
			out = append(out, c)
		}
	}
	return out
}

func lookup(m map[string]*cueDef, t *tk) *cueDef {
	if d := m[t.Key]; d != nil {
		return d
	}
	if t.bare != "" {
		return m[t.bare]
	}
	return nil
}

func (p *parser) negated(i int) bool {
	return i > 0 && (p.lx.negators[p.toks[i-1].Key] || p.toks[i-1].bare != "" && p.lx.negators[p.toks[i-1].bare])
}

// accordingBefore reports whether an according-to word stands just before i.
func (p *parser) accordingBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		for _, key := range []string{p.toks[k].Key, p.toks[k].bare} {
			for _, ph := range p.lx.according[key] {
				if len(ph) == 1 {
					return true
				}
			}
		}
	}
	return false
}

// falseAccording rejects وفق خطة ("under a plan"): an according-to word
// must be followed by ما + verb or by something that can be a source.
func (p *parser) falseAccording(i, n, skip int) bool {
	j := i + n
	if skip > 0 {
		j = i + n - 1
	}
	if j >= len(p.toks) {
		return true
	}
	t := &p.toks[j]
	if !t.word() && t.Kind != text.Quote {
		return true
	}
	key := t.Key
	if skip > 0 {
		key = string([]rune(key)[skip:])
	}
	if key == "ما" {
		return false
	}
	if p.lx.frames[key] || p.lx.frames[text.StripClitics(key)] {
		return true
	}
	if p.lx.sourceHead(key) || p.isOutletAt(j) {
		return false
	}
	// A bare definite noun that is not a source noun (الخطة، الاتفاق) is
	// the content's frame, not its source.
	if strings.HasPrefix(key, "ال") {
		return !p.lx.anaphorKey(key)
	}
	return false
}

// headlineColon: "السفارة الأمريكية: ..." in a headline or at a sentence
// start, a short name before a colon.
func (p *parser) headlineColon(i int) bool {
	from := 0
	for k := i - 1; k >= 0; k-- {
		if p.toks[k].final() {
			from = k + 1
			break
		}
	}
	if i == from || i-from > 6 || i+1 >= len(p.toks) {
		return false
	}
	if p.kind != claimtrail.ParagraphTitle && p.kind != claimtrail.ParagraphHeading {
		return false
	}
	for k := from; k < i; k++ {
		if !p.toks[k].word() {
			return false
		}
		if lookup(p.lx.verbs, &p.toks[k]) != nil {
			return false
		}
	}
	return true
}

// matchPhrase matches one of ps at token i and returns how many tokens it
// spans. A final one-letter element matches as the proclitic of the next
// word; then skip is 1 and the last token is only partly read.
func (p *parser) matchPhrase(ix phraseIndex, i int) (n, skip int) {
	if i >= len(p.toks) {
		return 0, 0
	}
	if n, skip = p.matchAt(ix[p.toks[i].Key], i); n > 0 || p.toks[i].bare == "" {
		return n, skip
	}
	return p.matchAt(ix[p.toks[i].bare], i)
}

func (p *parser) matchAt(ps []phrase, i int) (n, skip int) {
	toks := p.toks
outer:
	for _, ph := range ps {
		if i+len(ph) > len(toks) {
			continue
		}
		for k, w := range ph {
			t := &toks[i+k]
			if k == len(ph)-1 && k > 0 && utf8.RuneCountInString(w) == 1 {
				r := []rune(t.Key)
				if len(r) > 2 && string(r[0]) == w && t.Kind == text.Word {
					return len(ph), 1
				}
				// لـ written apart: "وفقا لـ وزارة"
				if t.Key == w && i+k+1 < len(toks) {
					return len(ph), 0
				}
				continue outer
			}
			if t.Key != w && !(k == 0 && t.bare == w) {
				continue outer
			}
		}
		return len(ph), 0
	}
	return 0, 0
}

// phraseText is the text of tokens [a, b) as it stands in the article.
func (p *parser) phraseText(a, b int) string {
	return p.slice(p.toks[a].Span.Start, p.toks[b-1].Span.End)
}

// complementFollows: a complementizer, a colon or a quotation mark comes
// right after j (through the verb's own preposition): what makes a
// participle the start of a claim rather than an adjective (بشكل لافت).
func (p *parser) complementFollows(j int, d *cueDef) bool {
	t := p.at(j)
	if t == nil {
		return false
	}
	if p.lx.complementizers[t.Key] || t.colon() || t.Kind == text.Quote {
		return true
	}
	if (d.preps[t.Key] || p.lx.compPreps[t.Key]) && j+1 < len(p.toks) {
		return true
	}
	return false
}

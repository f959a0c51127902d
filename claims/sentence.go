package claims

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// sentence parses every cue of one sentence into raw claims, in order.
func (p *parser) sentence() []*raw {
	cands := p.findCands()
	var out []*raw
	top := -1 // index in out of the last top-level claim of this sentence
	for ci, c := range cands {
		limit := len(p.toks)
		for _, n := range cands[ci+1:] {
			if n.boundary {
				limit = n.start
				break
			}
		}
		// inside the content of an earlier claim: a nested attribution
		outer := p.enclosing(out, c)
		if outer == -2 {
			continue
		}
		if outer >= 0 {
			if c.kind == candVerb {
				if r := p.nested(c, out[outer]); r != nil {
					r.nested = outer
					out = append(out, r)
				}
			}
			continue
		}
		var r *raw
		switch c.kind {
		case candVerb:
			r = p.verb(c, limit)
		case candParticiple:
			r = p.participle(c, limit)
		case candAccording:
			if top >= 0 && c.boundary {
				// a trailing "حسبما نقل التلفزيون": the reporter of the claim
				// before it, not a claim of its own
				if v := p.accordingSource(c); !v.empty() {
					if p.isOutletNP(v) || c.def.lemma != "" && p.reportingAccording(c) {
						for _, o := range out {
							if o.nested < 0 && !o.frame {
								o.via = append([]np{v}, o.via...)
							}
						}
					}
				}
				continue
			}
			r = p.according(c, limit, out)
		case candColon:
			r = p.colon(c)
		case candClosing:
			continue
		}
		if r == nil {
			continue
		}
		r.nested = -1
		out = append(out, r)
		top = len(out) - 1
	}
	return out
}

// enclosing returns the index of the claim whose content holds the cue.
func (p *parser) enclosing(out []*raw, c cand) int {
	for i := len(out) - 1; i >= 0; i-- {
		r := out[i]
		if r.nested >= 0 {
			continue
		}
		if c.start >= r.content.start && c.start < r.content.end {
			return i
		}
		if c.start > r.c.start && c.start < r.content.start {
			return -2 // between a cue and its content: part of that claim
		}
	}
	return -1
}

func (p *parser) newRaw(c cand) *raw {
	r := &raw{c: c, stance: c.def.stance, class: c.def.class, lemma: c.def.lemma}
	end := c.end
	if c.skip > 0 {
		end = c.end - 1
	}
	sp := claimtrail.Span{Start: p.toks[c.start].Span.Start, End: p.toks[end-1].Span.End}
	if c.skip > 0 {
		sp.End = p.toks[c.end-1].Span.Start + c.skip
	}
	if c.nounAt >= 0 {
		sp.End = p.toks[c.nounAt].Span.End
	}
	r.cue = sp
	r.cueText = p.slice(sp.Start, sp.End)
	if c.nounAt >= 0 {
		r.lemma = p.lx.lemmaOfLight(p.toks[c.start].Key) + " " + c.def.lemma
	}
	return r
}

// verb parses a verb cue at the top level of a sentence.
func (p *parser) verb(c cand, limit int) *raw {
	r := p.newRaw(c)
	r.stance = c.def.stance
	j := c.end
	// pluperfect: وكانت صحيفة X قد نقلت
	if c.start >= 2 && p.toks[c.start-1].Key == "قد" {
		for k := c.start - 2; k >= 0 && k >= c.start-12; k-- {
			key := p.toks[k].Key
			if key == "كان" || key == "كانت" || p.toks[k].bare == "كان" || p.toks[k].bare == "كانت" {
				if k+1 < c.start-1 {
					r.src = np{start: k + 1, end: c.start - 1}
					for m := k + 1; m < c.start-1; m++ {
						if p.toks[m].Text == "(" {
							r.src.end = m
							if e := p.findClose(m, c.start, func(x *tk) bool { return x.Text == ")" }, 10); e > m+1 && p.latin(m+1, e) {
								r.src.gloss = p.slice(p.toks[m+1].Span.Start, p.toks[e-1].Span.End)
							}
							break
						}
					}
				}
				break
			}
		}
	}
	if r.src.empty() && c.start >= 2 && p.toks[c.start-1].comma() && p.toks[c.start].bare == "" {
		// a relative clause on a source noun: "في بيان عسكري أمريكي، أكد"
		e := c.start - 1
		s := e
		for s > 0 && e-s < 5 && p.toks[s-1].word() && !p.lx.breaks[p.toks[s-1].Key] && lookup(p.lx.verbs, &p.toks[s-1]) == nil {
			s--
		}
		if s < e && s > 0 && p.lx.breaks[p.toks[s-1].Key] && p.lx.nounKind[p.toks[s].Key] == claimtrail.KindDocument {
			r.src = np{start: s, end: e}
		}
	}
	if r.src.empty() {
		for j < limit && p.lx.adverbials[p.toks[j].Key] {
			j++
		}
		if c.def.relay && j < limit && p.toks[j].Key == "عن" {
			// نُقل عن X: a passive relay, no reporter named
		} else if ok, _, _ := p.complementAt(j, limit, c.def); !ok && j < limit && p.toks[j].word() {
			headline := p.kind == claimtrail.ParagraphTitle || p.kind == claimtrail.ParagraphHeading || p.kind == claimtrail.ParagraphCaption
			if svo := p.fronted(c); !svo.empty() && p.toks[c.start].bare == "" && headline {
				r.src = svo
			} else {
				r.src, j = p.subjectNP(j, limit, c.def)
			}
		} else if svo := p.fronted(c); !svo.empty() {
			r.src = svo
		}
	}
	j = p.modifiers(j, limit, r)
	// relay: نقلت X عن Y، قالت X نقلا عن Y
	if j < limit && (c.def.relay && p.toks[j].Key == "عن" || p.isCitingAt(j)) {
		n := 1
		if p.toks[j].Key != "عن" {
			n, _ = p.matchPhrase(p.lx.according, j)
			cs := claimtrail.Span{Start: p.toks[j].Span.Start, End: p.toks[j+n-1].Span.End}
			r.cue, r.cueText, r.class = cs, p.slice(cs.Start, cs.End), claimtrail.ClassRelay
		} else {
			r.class = claimtrail.ClassRelay
			if j == c.end {
				// نقلت عن: the preposition is part of the cue when it follows it
				r.cue.End = p.toks[j].Span.End
				r.cueText = p.slice(r.cue.Start, r.cue.End)
			}
		}
		if !r.src.empty() {
			r.via = append([]np{r.src}, r.via...)
		}
		r.src, j = p.subjectNP(j+n, limit, &cueDef{comps: CompThat | CompQuote | CompNominal, preps: map[string]bool{}})
		r.role = nil
		j = p.modifiers(j, limit, r)
		if j < limit {
			if d := p.lx.nouns[p.toks[j].Key]; d != nil {
				r.stance = d.stance // نقلت عن مسؤول تقديره أن
				j++
			}
		}
	}
	if j+1 < limit && p.toks[j].comma() && c.def.comps&CompNominal != 0 && p.toks[j+1].word() && p.nominalStart(j+1) {
		j++ // "أعلنت اللجنة ...، يوم الأحد، إكمال"
	}
	start, typ, how := p.complement(j, limit, c.def)
	if how == compNone {
		return p.frame(r)
	}
	if typ == claimtrail.Indirect && c.def.comps&CompThat == 0 && c.def.comps&CompPrep == 0 {
		return p.frame(r)
	}
	if out := p.finish(r, start, typ, limit); out != nil {
		return out
	}
	return p.frame(r)
}

// isCitingAt: "نقلا عن" inside a verb's subject makes the subject a reporter.
func (p *parser) isCitingAt(j int) bool {
	if j+1 >= len(p.toks) {
		return false
	}
	k := p.toks[j].Key
	return (k == "نقلا" || p.toks[j].bare == "نقلا") && p.toks[j+1].Key == "عن"
}

// fronted finds a source before its verb: at the start of a headline-like
// sentence (إعلان أمريكي يؤكد ...), or after a complementizer inside
// content (أن الجانب الأميركي جدد تأكيده).
func (p *parser) fronted(c cand) np {
	from := 0
	for k := c.start - 1; k >= 0; k-- {
		if p.toks[k].colon() {
			from = k + 1
			break
		}
	}
	if c.start == from || c.start-from > 8 {
		return np{}
	}
	for k := from; k < c.start; k++ {
		t := &p.toks[k]
		if !t.word() && t.Kind != text.Quote {
			return np{}
		}
		if p.lx.breaks[t.Key] || p.lx.complementizers[t.Key] || p.lx.adverbials[t.Key] || lookup(p.lx.verbs, t) != nil {
			return np{}
		}
	}
	if p.toks[from].bare != "" && !p.lx.sourceHead(p.toks[from].bare) {
		return np{} // وتعليقا على ...: an adverbial, the source follows the verb
	}
	return np{start: from, end: c.start}
}

// participle: مؤكدا، موضحة أن: a new claim by the source of the claim before.
func (p *parser) participle(c cand, limit int) *raw {
	r := p.newRaw(c)
	r.implicit = true
	j := p.modifiers(c.end, limit, r)
	start, typ, how := p.complement(j, limit, c.def)
	if how == compNone {
		return nil
	}
	return p.finish(r, start, typ, limit)
}

// nested parses a cue inside another claim's content. Only a cue with its
// own source counts: a fronted one (أن الجانب الأميركي أكد) or one after
// the verb.
func (p *parser) nested(c cand, outer *raw) *raw {
	limit := outer.content.end
	r := p.newRaw(c)
	// the clause the cue stands in starts after the last complementizer,
	// comma or وأن before it
	cs := outer.content.start
	for k := c.start - 1; k >= outer.content.start; k-- {
		t := &p.toks[k]
		if t.comma() || p.lx.complementizers[t.Key] || (t.bare != "" && p.lx.complementizers[t.bare]) {
			cs = k + 1
			break
		}
	}
	j := c.end
	if cs != outer.content.start && !(cs > 0 && p.isComplementizerAt(cs-1)) {
		return nil // only a clause that the content itself opens
	}
	if c.start > cs {
		end := c.start
		if c.neg {
			end--
		}
		for k := cs; k < c.start; k++ {
			if p.lx.breaks[p.toks[k].Key] {
				end = k
				break
			}
			if !p.toks[k].word() {
				return nil
			}
		}
		if end == cs || end-cs > 8 {
			return nil
		}
		r.src = np{start: cs, end: end}
	} else {
		for j < limit && p.lx.adverbials[p.toks[j].Key] {
			j++
		}
		if ok, _, _ := p.complementAt(j, limit, c.def); ok {
			return nil
		}
		r.src, j = p.subjectNP(j, limit, c.def)
		if r.src.empty() {
			return nil
		}
		j = p.modifiers(j, limit, r)
	}
	// a nested content ends where the outer content's next conjunct starts
	for k := j; k < limit; k++ {
		t := &p.toks[k]
		if t.comma() && k+1 < limit && (p.lx.complementizers[p.toks[k+1].bare] || p.toks[k+1].Key == "و") {
			limit = k
			break
		}
		if t.bare != "" && p.lx.complementizers[t.bare] {
			limit = k
			break
		}
	}
	start, typ, how := p.complement(j, limit, c.def)
	if how == compNone {
		return nil
	}
	if k := p.toks[c.start].Key; how == compBare && c.nounAt < 0 && (strings.HasPrefix(k, "ي") || strings.HasPrefix(k, "ت")) {
		return nil // الحادث يعتبر حالة نادرة: "is considered", not a report
	}
	return p.finish(r, start, typ, limit)
}

func (p *parser) isComplementizerAt(k int) bool {
	t := &p.toks[k]
	return p.lx.complementizers[t.Key] || t.bare != "" && p.lx.complementizers[t.bare]
}

// finish sets the content from start to the end of the clause.
func (p *parser) finish(r *raw, start tokRange, typ claimtrail.ClaimType, limit int) *raw {
	end := limit
	if t := p.at(start.start); t != nil && t.Kind == text.Quote && start.skip == 0 && start.start < limit {
		if t.pair > start.start && !p.quoteRunsOn(t.pair, limit) {
			end = t.pair + 1
		}
	}
	// stop at a closing distancing phrase or at the sentence's last mark
	rng := p.trimContent(tokRange{start: start.start, end: end, skip: start.skip})
	if rng.end <= rng.start {
		return nil
	}
	// direct: the whole content is one quotation
	first := &p.toks[rng.start]
	if first.Kind == text.Quote && first.pair == rng.end-1 && rng.skip == 0 {
		rng.start++
		rng.end--
		typ = claimtrail.Direct
	} else if first.Kind == text.Quote && first.pair < 0 && rng.skip == 0 {
		rng.start++ // a quotation the excerpt cut off
		typ = claimtrail.Direct
	} else {
		quoted := false
		for k := rng.start; k < rng.end; k++ {
			if p.toks[k].Kind == text.Quote && p.toks[k].Text != "'" {
				quoted = true
				break
			}
		}
		switch {
		case typ == claimtrail.Direct && quoted:
			typ = claimtrail.Mixed
		case typ == claimtrail.Direct && r.c.kind != candColon:
			// "قال:" followed by unquoted words is still direct speech
		case quoted && !(typ == claimtrail.Nominal && p.scareQuotesOnly(rng)):
			typ = claimtrail.Mixed
		}
	}
	rng = p.trimContent(rng)
	if rng.end <= rng.start {
		return nil
	}
	r.content = rng
	r.ctype = typ
	return r
}

// according parses وفق X / بحسب ما ذكرت X / نقلا عن X.
func (p *parser) according(c cand, limit int, before []*raw) *raw {
	r := p.newRaw(c)
	r.ctype = claimtrail.AccordingTo
	src := p.accordingSource(c)
	if src.empty() {
		return nil
	}
	r.src = src
	// ما + verb belongs to the cue: "بحسب ما أعلنه"
	if j := c.end; c.skip == 0 && j < src.start {
		r.cue.End = p.toks[src.start-1].Span.End
		r.cueText = p.slice(r.cue.Start, r.cue.End)
	}
	srcEnd := src.end
	// an apposition after the source: "نائب الرئيس التركي، فؤاد أوقطاي،"
	if srcEnd+1 < len(p.toks) && p.toks[srcEnd].comma() && p.lx.isTitle(p.toks[src.start].Key) {
		e := srcEnd + 1
		for e < len(p.toks) && e-srcEnd <= 4 && p.toks[e].word() && !p.toks[e].definite() {
			e++
		}
		if e > srcEnd+1 && (e == len(p.toks) || p.toks[e].comma() || p.toks[e].final()) {
			role := p.npSpan(src)
			r.role = &role
			r.src = np{start: srcEnd + 1, end: e}
		}
	}
	// content before the cue, from the clause start
	cs := 0
	for _, b := range before {
		if b.content.end > cs && b.content.end <= c.start {
			cs = b.content.end
		}
	}
	if c.start-cs >= 2 {
		rng := p.trimContent(tokRange{start: cs, end: c.start})
		if rng.end > rng.start {
			r.content = rng
			return r
		}
	}
	// content after the source: "وفق X، فإن ..."
	j := srcEnd
	for j < limit && (p.toks[j].comma() || p.toks[j].Kind == text.Punct && !p.toks[j].final()) {
		j++
	}
	if j < limit && (p.toks[j].Key == "فان" || p.toks[j].Key == "ان") {
		j++
	}
	rng := p.trimContent(tokRange{start: j, end: limit})
	if rng.end-rng.start < 2 {
		return nil
	}
	r.content = rng
	return r
}

// accordingSource reads the source after an according-to phrase.
func (p *parser) accordingSource(c cand) np {
	j := c.end
	skip := 0
	if c.skip > 0 {
		j, skip = c.end-1, c.skip
		if strings.HasPrefix(p.toks[j].Key, "لل") {
			skip = 0 // للشرطة is ل + الشرطة: keep the whole word as the mention
		}
	}
	if skip == 0 && j < len(p.toks) && p.toks[j].Key == "ما" {
		j++
	}
	if skip == 0 && j < len(p.toks) && (lookup(p.lx.verbs, &p.toks[j]) != nil || p.isVerbish(j)) {
		j++ // بحسب ما أعلنه، حسبما نقل
	}
	k := j
	for k < len(p.toks) && k-j < 10 {
		t := &p.toks[k]
		if t.Kind == text.Quote && t.pair > k && t.pair-k <= 6 {
			k = t.pair + 1
			continue
		}
		if !t.word() || p.lx.adverbials[t.Key] || p.lx.relatives[t.Key] || p.lx.complementizers[t.Key] {
			break
		}
		if k > j && (p.lx.breaks[t.Key] || lookup(p.lx.verbs, t) != nil) {
			break
		}
		k++
	}
	return np{start: j, end: k, skip: skip}
}

// isVerbish: a past verb after ما with an object pronoun (أعلنه، ذكرته).
func (p *parser) isVerbish(j int) bool {
	k := p.toks[j].Key
	for _, suf := range []string{"ه", "ها", "ته", "تها"} {
		if strings.HasSuffix(k, suf) {
			t := p.toks[j]
			t.Key = strings.TrimSuffix(k, suf)
			t.bare = ""
			if lookup(p.lx.verbs, &t) != nil {
				return true
			}
		}
	}
	return false
}

func (p *parser) reportingAccording(c cand) bool {
	for k := c.start; k < c.end && k < len(p.toks); k++ {
		if d := lookup(p.lx.verbs, &p.toks[k]); d != nil && d.relay {
			return true
		}
	}
	j := c.end
	if j < len(p.toks) && p.toks[j].Key == "ما" && j+1 < len(p.toks) {
		if d := lookup(p.lx.verbs, &p.toks[j+1]); d != nil {
			return true
		}
	}
	return false
}

// colon: a headline "المصدر: المحتوى".
func (p *parser) colon(c cand) *raw {
	r := p.newRaw(c)
	r.cue = p.toks[c.start].Span
	r.cueText = p.toks[c.start].Text
	r.lemma = ":"
	from := 0
	for k := c.start - 1; k >= 0; k-- {
		if p.toks[k].final() {
			from = k + 1
			break
		}
	}
	r.src = np{start: from, end: c.start}
	if p.toks[from].bare != "" && p.lx.sourceHead(p.toks[from].bare) {
		r.src.skip = 1 // والقاضي: the conjunction is not part of the name
	}
	for k := c.end; k < len(p.toks); k++ {
		if !p.toks[k].quoted && lookup(p.lx.verbs, &p.toks[k]) != nil {
			return nil // "اليمن: العليمي يعلن ...": a place, and the claim is the verb's
		}
	}
	rng := p.trimContent(tokRange{start: c.start + 1, end: len(p.toks)})
	if rng.end-rng.start < 2 {
		return nil
	}
	typ := claimtrail.Indirect
	if t := &p.toks[rng.start]; t.Kind == text.Quote {
		typ = claimtrail.Direct
	}
	return p.finish(r, tokRange{start: rng.start}, typ, rng.end)
}

func (p *parser) isOutletNP(n np) bool {
	if n.empty() {
		return false
	}
	k := p.toks[n.start].Key
	if n.skip > 0 {
		k = string([]rune(k)[n.skip:])
	}
	return p.lx.nounKind[k] == claimtrail.KindOutlet || p.isOutletAt(n.start)
}

// isOutletAt: a gazetteer outlet starts at token j.
func (p *parser) isOutletAt(j int) bool {
	_, _, ok := p.lx.outletIn(p.toks, j, j+6)
	return ok
}

// scareQuotesOnly: every quotation in the range is one or two words, the
// way news marks a term ("القتالي") rather than quotes speech.
func (p *parser) scareQuotesOnly(r tokRange) bool {
	for k := r.start; k < r.end; k++ {
		t := &p.toks[k]
		if t.Kind == text.Quote && t.pair > k {
			if t.pair-k-1 > 2 {
				return false
			}
			k = t.pair
		}
	}
	return true
}

// frame keeps a cue that names a source but has no content of its own
// ("وعلق ممثل النيابة على الجدل، موضحة أن"): the participle after it needs
// that source, but no claim is made.
func (p *parser) frame(r *raw) *raw {
	if r.src.empty() {
		return nil
	}
	r.frame = true
	r.content = tokRange{}
	return r
}

// How a content was found after a cue.
const (
	compNone   = iota // no content
	compMarked        // after a complementizer, a colon, a quotation mark or the cue's preposition
	compBare          // a bare noun phrase (nominal)
)

// complement finds where a cue's content starts at j: through an object
// before the cue's own preposition (دعا الجميع إلى), a marked complement,
// or, for a cue that takes one, a bare noun phrase.
func (p *parser) complement(j, limit int, d *cueDef) (tokRange, claimtrail.ClaimType, int) {
	if k := p.objectThenPrep(j, limit, d); k >= 0 {
		if ok, _, _ := p.complementAt(j, limit, d); !ok {
			j = k
		}
	}
	if ok, start, typ := p.complementAt(j, limit, d); ok {
		return start, typ, compMarked
	}
	if d.comps&CompNominal == 0 || j >= limit || !p.toks[j].word() {
		return tokRange{}, "", compNone
	}
	return tokRange{start: j}, claimtrail.Nominal, compBare
}

// quoteRunsOn: in English, words follow the closing quotation mark in the
// same clause (claimed “Trump exaggerates” the level of ...), so the
// quotation is a fragment of the content, not all of it.
func (p *parser) quoteRunsOn(closeAt, limit int) bool {
	if p.lx.Lang != claimtrail.LangEnglish {
		return false
	}
	n := p.at(closeAt + 1)
	return n != nil && closeAt+1 < limit && n.word() && !isCapitalized(n.Text) && p.lx.verbs[n.Key] == nil
}

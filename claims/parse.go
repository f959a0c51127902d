package claims

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// parser holds one sentence while its cues are parsed.
type parser struct {
	lx    *Lexicon
	runes []rune
	toks  []tk
	kind  claimtrail.ParagraphKind
	// first is the first token of the sentence proper, after a dateline.
	first int
	// text is the sentence as it stands, when the caller has it.
	text string
}

// raw is a claim before its sources are resolved.
type raw struct {
	c        cand
	cue      claimtrail.Span
	cueText  string
	lemma    string
	stance   claimtrail.Stance
	class    claimtrail.CueClass
	src      np
	implicit bool
	role     *claimtrail.Span
	via      []np
	ctype    claimtrail.ClaimType
	content  tokRange
	// statement is set when the channel was a statement (في بيان), so that
	// a later البيان resolves to this source.
	statement bool
	nested    int // index of the enclosing raw claim, or -1
	// frame: a source with no content, kept for the cues after it.
	frame bool
	// withheld: a relative clause on the source says it is kept unnamed
	// (who spoke on condition of anonymity).
	withheld bool
}

// tokRange is a content range: tokens [start, end), where the first may be
// read from rune offset skip and the quotation marks may be dropped.
type tokRange struct {
	start, end int
	skip       int
}

func (p *parser) at(i int) *tk {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return &p.toks[i]
}

// complementAt reports whether a complement starts at j, and where the
// content then starts, and its type.
func (p *parser) complementAt(j, limit int, d *cueDef) (ok bool, start tokRange, typ claimtrail.ClaimType) {
	t := p.at(j)
	if t == nil || j >= limit {
		return false, tokRange{}, ""
	}
	lx := p.lx
	switch {
	case lx.complementizers[t.Key] || lx.complementizers[t.bare] && t.bare != "":
		return true, tokRange{start: j + 1}, claimtrail.Indirect
	case t.colon():
		return true, tokRange{start: j + 1}, claimtrail.Direct
	case t.Kind == text.Quote && (t.pair > j || t.pair < 0) && d.comps&(CompQuote|CompThat|CompNominal) != 0:
		return true, tokRange{start: j}, claimtrail.Direct
	}
	if lx.compPreps[t.Key] && j+1 < limit {
		if n := p.at(j + 1); lx.complementizers[n.Key] {
			return true, tokRange{start: j + 2}, claimtrail.Indirect
		}
	}
	if d.preps[t.Key] && d.comps&CompPrep != 0 && j+1 < limit {
		return true, tokRange{start: j + 1}, claimtrail.Nominal
	}
	// a one-letter preposition written on its noun: بوقف، لوقف
	if d.comps&CompPrep != 0 && t.Kind == text.Word {
		r := []rune(t.Key)
		if len(r) > 3 && d.preps[string(r[0])] {
			if rest := string(r[1:]); lx.complementizers[rest] {
				return true, tokRange{start: j + 1}, claimtrail.Indirect
			}
			return true, tokRange{start: j, skip: 1}, claimtrail.Nominal
		}
	}
	return false, tokRange{}, ""
}

// complementAhead reports whether a complementizer, colon or quotation mark
// comes before the clause ends, which decides how long a subject may be.
func (p *parser) complementAhead(j, limit int) bool {
	for k := j; k < limit; k++ {
		t := &p.toks[k]
		if t.final() {
			return false
		}
		if p.lx.complementizers[t.Key] || t.colon() || (t.Kind == text.Quote && !t.quoted && k-j < 6) {
			return true
		}
	}
	return false
}

// subjectNP reads the source after a verb.
func (p *parser) subjectNP(j, limit int, d *cueDef) (np, int) {
	lx := p.lx
	ahead := p.complementAhead(j, limit)
	k := j
	for k < limit && k-j < 14 {
		t := &p.toks[k]
		if t.Kind == text.Quote && k > j && t.pair > k && t.pair-k <= 6 && t.pair < limit && lx.sourceHead(p.toks[k-1].Key) {
			k = t.pair + 1 // a quoted name: صحيفة "نيويورك تايمز"
			continue
		}
		if !t.word() {
			break
		}
		if lx.complementizers[t.Key] || (t.bare != "" && lx.complementizers[t.bare] && k > j) {
			break
		}
		if k > j {
			if lx.compPreps[t.Key] && k+1 < limit && lx.complementizers[p.toks[k+1].Key] {
				break
			}
			if d.preps[t.Key] || (d.relay && t.Key == "عن") {
				break
			}
			if lx.relatives[t.Key] || lx.adverbials[t.Key] || lx.nouns[t.Key] != nil {
				break
			}
			if lookup(lx.verbs, t) != nil || lookup(lx.participles, t) != nil {
				break
			}
			if p.addresseeAt(k) || lx.negators[t.Key] {
				break
			}
			if !ahead && d.comps&CompNominal != 0 && p.nominalStart(k) {
				break
			}
			// وصف العليمي القرارات بأنها ...: a one-word definite name
			// (a family name, not a source noun) cannot take a second
			// definite noun; that noun starts the object
			if k == j+1 && d.comps&CompNominal != 0 && p.toks[j].definite() && !lx.sourceHead(p.toks[j].Key) &&
				lx.nounKind[p.toks[j].Key] == "" && t.definite() && !adjectival(t.Key) && !lx.sourceHead(t.Key) {
				break
			}
			// أكدت اللجنة جاهزية ...: a definite source noun, then an
			// indefinite noun that is the object
			if !ahead && d.comps&(CompNominal|CompPrep) != 0 && t.Kind == text.Word && !proclitic(t.Key) &&
				p.toks[j].definite() && lx.sourceHead(p.toks[j].Key) && p.allDefinite(j, k) &&
				(!t.definite() || !adjectival(t.Key) && !lx.sourceHead(p.toks[k-1].Key+" "+t.Key)) {
				break
			}
		}
		if n, _ := p.matchPhrase(lx.channels, k); n > 0 {
			break
		}
		if n, _ := p.matchPhrase(lx.according, k); n > 0 {
			break
		}
		k++
	}
	return np{start: j, end: k}, k
}

// nominalStart guesses where a noun-phrase complement starts when no
// complementizer marks it: at a verbal noun (إكمال، اتفاق، تشكيل،
// استهداف), at ما ("what was said"), or at صحة ("the truth of").
func (p *parser) nominalStart(k int) bool {
	t := &p.toks[k]
	key := t.Key
	if key == "ما" || key == "صحه" {
		return true
	}
	return masdarShape(strings.TrimPrefix(key, "ال"))
}

// masdarShape matches the commonest verbal-noun templates on a normalised
// key: إفعال/افتعال (اكمال، اتفاق)، انفعال/افتعال (انسحاب، اعتراض)،
// استفعال (استهداف)، تفعيل (تشكيل، تأكيد). Names rarely fit these shapes,
// and a wrong guess only shortens a source by a word.
func masdarShape(key string) bool {
	r := []rune(key)
	switch len(r) {
	case 5:
		if r[0] == 'ا' && r[3] == 'ا' && r[1] != 'ي' && r[1] != 'و' {
			return true
		}
		if r[0] == 'ت' && r[3] == 'ي' && r[4] != 'ا' {
			return true
		}
	case 6:
		if r[0] == 'ا' && r[4] == 'ا' && (r[1] == 'ن' || r[2] == 'ت') {
			return true
		}
	case 7:
		if string(r[:3]) == "است" && r[5] == 'ا' {
			return true
		}
	}
	return false
}

// addresseeAt: ل + an outlet (للصحيفة، لرويترز، لقناة "خبر ترك").
func (p *parser) addresseeAt(k int) bool {
	t := &p.toks[k]
	rest, ok := withoutPreposition(t.Key)
	if t.Kind != text.Word || !ok {
		return false
	}
	if p.lx.anaphors[rest] == anaOutlet || p.lx.nounKind[rest] == claimtrail.KindOutlet {
		return true
	}
	if !strings.HasPrefix(t.Key, "ل") {
		return false // بـ + an outlet's own name is a place or a means, not an addressee
	}
	_, ok = p.lx.outlets[rest]
	if !ok {
		_, ok = p.lx.outlets["ال"+rest]
	}
	return ok
}

// outletNP reads an outlet's name from token k, skipping skip runes of the
// first token: a gazetteer name, or an outlet noun with what names it.
func (p *parser) outletNP(k, limit, skip int) (np, int) {
	end := k + 1
	for end < limit && end-k < 6 {
		t := &p.toks[end]
		if t.Kind == text.Quote && t.pair > end && t.pair < limit {
			end = t.pair + 1
			continue
		}
		if !t.word() || p.lx.complementizers[t.Key] || p.lx.compPreps[t.Key] || t.Key == "عن" ||
			p.lx.adverbials[t.Key] || lookup(p.lx.verbs, t) != nil || p.lx.relatives[t.Key] {
			break
		}
		if p.lx.anaphors[p.toks[k].Key] == anaOutlet && skip == 0 {
			break
		}
		if skip == 1 && p.lx.anaphors["ا"+string([]rune(p.toks[k].Key)[1:])] == anaOutlet {
			break
		}
		end++
	}
	return np{start: k, end: end, skip: skip}, end
}

// modifiers reads what may stand between a source and its content: a role
// in dashes or after a comma, a Latin gloss, time words, channel phrases
// and addressees. It fills r and returns where the complement should be.
func (p *parser) modifiers(j, limit int, r *raw) int {
	lx := p.lx
	for j < limit {
		t := &p.toks[j]
		switch {
		case t.dash():
			if c := p.findClose(j, limit, func(x *tk) bool { return x.dash() }, 20); c > j+1 {
				if r.role == nil && !r.src.empty() {
					sp := p.rangeSpan(tokRange{start: j + 1, end: c})
					r.role = &sp
				}
				j = c + 1
				continue
			}
			return j
		case t.Text == "(":
			c := p.findClose(j, limit, func(x *tk) bool { return x.Text == ")" }, 12)
			if c < 0 {
				return j
			}
			if p.latin(j+1, c) && !r.src.empty() && r.src.gloss == "" {
				r.src.gloss = p.slice(p.toks[j+1].Span.Start, p.toks[c-1].Span.End)
			}
			j = c + 1
			continue
		case t.comma():
			n := p.at(j + 1)
			if n == nil || j+1 >= limit {
				return j
			}
			// an apposition giving a role: "X، وزير الصحة السوداني، إن"
			if !r.src.empty() && r.role == nil && lx.isTitle(n.Key) {
				end := j + 1
				for end < limit && end-j < 12 && p.toks[end].word() && !lx.complementizers[p.toks[end].Key] {
					end++
				}
				if end < limit && (p.toks[end].comma() || lx.complementizers[p.toks[end].Key]) {
					sp := p.rangeSpan(tokRange{start: j + 1, end: end})
					r.role = &sp
					j = end
					continue
				}
			}
			if lx.adverbials[n.Key] || lx.complementizers[n.Key] || n.colon() || n.Kind == text.Quote {
				j++
				continue
			}
			if m, _ := p.matchPhrase(lx.channels, j+1); m > 0 {
				j++
				continue
			}
			if p.addresseeAt(j + 1) {
				j++
				continue
			}
			// a comma before a relative report: "في خطاب، نشرته وكالة سبأ"
			if lx.reporters[n.Key] {
				j++
				continue
			}
			if ok, _, _ := p.complementAt(j+1, limit, r.c.def); ok {
				j++
				continue
			}
			return j
		case t.Kind == text.Number && r.c.kind != candColon:
			j++
			continue
		}
		if !t.word() {
			return j
		}
		if lx.adverbials[t.Key] {
			j++
			continue
		}
		if n, _ := p.matchPhrase(lx.channels, j); n > 0 {
			if strings.Contains(p.toks[j+n-1].Key, "بيان") {
				r.statement = true
			}
			j += n
			// the rest of the channel phrase, up to the complement
			for j < limit {
				u := &p.toks[j]
				if u.Kind == text.Quote && u.pair > j && u.pair-j <= 5 && u.pair < limit && j+1 < limit && !lx.complementizers[p.toks[j-1].Key] {
					j = u.pair + 1 // a quoted name: منصة "إكس"
					continue
				}
				if lx.complementizers[u.Key] || u.colon() || (u.Kind == text.Quote && !u.quoted) || u.comma() || u.final() {
					break
				}
				if ok, _, _ := p.complementAt(j, limit, r.c.def); ok && r.c.def.preps[u.Key] {
					break
				}
				if v, e, ok := p.reporterAt(j, limit); ok {
					r.via = append(r.via, v)
					j = e
					continue
				}
				j++
			}
			continue
		}
		if v, e, ok := p.reporterAt(j, limit); ok {
			r.via = append(r.via, v)
			j = e
			continue
		}
		if lx.relatives[t.Key] {
			// a relative clause describing the source: skip to the complement
			k := j + 1
			for k < limit {
				if ok, _, _ := p.complementAt(k, limit, r.c.def); ok {
					break
				}
				if p.toks[k].comma() || p.toks[k].final() {
					break
				}
				k++
			}
			j = k
			continue
		}
		return j
	}
	return j
}

func (p *parser) findClose(j, limit int, is func(*tk) bool, max int) int {
	for k := j + 1; k < limit && k-j <= max; k++ {
		if is(&p.toks[k]) {
			return k
		}
		if p.toks[k].final() {
			return -1
		}
	}
	return -1
}

func (p *parser) latin(a, b int) bool {
	if b <= a {
		return false
	}
	for k := a; k < b; k++ {
		for _, r := range p.toks[k].Text {
			if r >= 0x0600 && r <= 0x06FF {
				return false
			}
		}
	}
	return true
}

func (p *parser) slice(a, b int) string {
	if a < 0 {
		a = 0
	}
	if b > len(p.runes) {
		b = len(p.runes)
	}
	if a >= b {
		return ""
	}
	return string(p.runes[a:b])
}

func (p *parser) npSpan(n np) claimtrail.Span {
	if n.empty() {
		return claimtrail.Span{}
	}
	return claimtrail.Span{Start: p.toks[n.start].Span.Start + n.skip, End: p.toks[n.end-1].Span.End}
}

func (p *parser) rangeSpan(r tokRange) claimtrail.Span {
	if r.end <= r.start {
		return claimtrail.Span{}
	}
	return claimtrail.Span{Start: p.toks[r.start].Span.Start + r.skip, End: p.toks[r.end-1].Span.End}
}

// trimContent drops punctuation at either end of a content range.
func (p *parser) trimContent(r tokRange) tokRange {
	for r.start < r.end {
		t := &p.toks[r.start]
		if t.Kind == text.Punct && r.skip == 0 {
			r.start++
			continue
		}
		break
	}
	for r.end > r.start {
		t := &p.toks[r.end-1]
		if t.Kind == text.Punct && t.Text != ")" || (t.Kind == text.Punct && t.Text == ")" && !p.hasOpenParen(r)) {
			r.end--
			continue
		}
		break
	}
	return r
}

func (p *parser) hasOpenParen(r tokRange) bool {
	for k := r.start; k < r.end; k++ {
		if p.toks[k].Text == "(" {
			return true
		}
	}
	return false
}

// procliticSkip is how much of an addressee token is the preposition: one
// letter in لرويترز, none in للصحيفة, whose لل is ل + ال and cannot be cut
// into a mention that stands in the text.
func (p *parser) procliticSkip(j int) int {
	if strings.HasPrefix(p.toks[j].Key, "لل") {
		return 0
	}
	return 1
}

func (p *parser) allDefinite(a, b int) bool {
	for k := a; k < b; k++ {
		if !p.toks[k].definite() {
			return false
		}
	}
	return true
}

// proclitic: a word carrying a prepositional proclitic (لإنهاء، بقيادة),
// which continues the noun phrase before it.
func proclitic(key string) bool {
	return strings.HasPrefix(key, "ل") || strings.HasPrefix(key, "ب") || strings.HasPrefix(key, "ك")
}

// objectThenPrep: "دعا الجميع إلى ...": up to four words of object before
// the cue's own preposition. It returns the preposition's index or -1.
func (p *parser) objectThenPrep(j, limit int, d *cueDef) int {
	if d.comps&CompPrep == 0 || d.comps&CompNominal != 0 {
		return -1 // أكد اتفاق الجانبين على: the preposition is inside the object
	}
	for k := j; k < limit && k-j <= 4; k++ {
		t := &p.toks[k]
		if d.preps[t.Key] && k > j {
			return k
		}
		if !t.word() || p.lx.complementizers[t.Key] {
			return -1
		}
	}
	return -1
}

// adjectival: a relational adjective (الإسرائيلي، الوطنية، الأميركيين),
// which follows its noun; any other definite word after a definite source
// starts the object (أعلن الجيش السيطرة).
func adjectival(key string) bool {
	for _, suf := range []string{"ي", "يه", "يون", "يين", "يان", "يات", "ا"} {
		if strings.HasSuffix(key, suf) {
			return true
		}
	}
	// participles used as adjectives: المشتركة، المسلحة، المتحدة; a plural
	// in -ات is a noun (المفاوضات، المحادثات)
	return strings.HasPrefix(key, "الم") && len([]rune(key)) >= 6 && !strings.HasSuffix(key, "ات")
}

// reporterAt reads a reporter standing between a source and its content:
// the subject of a relative report (نشرته وكالة سبأ، نقلتها العربية) or an
// addressee outlet (للصحيفة، لقناة الجزيرة). It returns the reporter and
// the token after it.
func (p *parser) reporterAt(j, limit int) (np, int, bool) {
	if p.lx.reporters[p.toks[j].Key] && j+1 < limit {
		v, e := p.outletNP(j+1, limit, 0)
		return v, e, true
	}
	if p.addresseeAt(j) {
		v, e := p.outletNP(j, limit, p.procliticSkip(j))
		return v, e, true
	}
	return np{}, j, false
}

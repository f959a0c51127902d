package claims

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// mentionEn turns an English source or reporter phrase into a Mention:
// splits a title from the name after it (Central Bank Governor Arjuna
// Mahendran), classifies it by its head noun, and resolves pronouns,
// relative pronouns, definite descriptions and surnames against the
// discourse.
func (x *Extractor) mentionEn(p *parser, d *discourse, n np, r *raw, reporter bool) claimtrail.Mention {
	lx := p.lx
	start, end := n.start, n.end
	var role *claimtrail.Span
	if r != nil && !reporter {
		role = r.role
	}
	// a title before a name: the title is the role, the name the mention
	if !reporter && end-start >= 2 {
		for k := end - 2; k >= start; k-- {
			t := &p.toks[k]
			// a title, or a lower-case honorific used as one ("council
			// president Rashad Al-Alimi"), before a capitalized name
			title := lx.isTitle(t.Key) || lx.honorifics[t.Key] && !isCapitalized(t.Text) && t.Kind == text.Word
			if !title || !isCapitalized(p.toks[k+1].Text) || !p.enAllNameWords(k+1, end) {
				continue
			}
			if role == nil {
				sp := claimtrail.Span{Start: p.toks[start].Span.Start, End: t.Span.End}
				role = &sp
			}
			start = k + 1
			break
		}
	}
	sp := p.npSpan(np{start: start, end: end})
	if t := p.slice(sp.End-2, sp.End); sp.End-sp.Start > 2 && (t == "'s" || t == "’s") {
		sp.End -= 2 // Trump's claim: the source is Trump
	}
	m := claimtrail.Mention{Mention: p.slice(sp.Start, sp.End), Span: sp}
	if start > n.start {
		// "Homeland Security Secretary Jeh Johnson" is also a name for him
		full := p.npSpan(np{start: n.start, end: end})
		m.Aliases = append(m.Aliases, p.slice(full.Start, full.End))
	}
	if role != nil {
		m.Role = strings.Trim(p.slice(role.Start, role.End), " -–—,")
		rs := *role
		m.RoleSpan = &rs
		// "Phil Smith, a spokesman for the union" as it stands is also a
		// way the text names him, when the two are side by side
		a, b := min(rs.Start, sp.Start), max(rs.End, sp.End)
		if b-a <= (rs.End-rs.Start)+(sp.End-sp.Start)+3 {
			m.Aliases = appendNew(m.Aliases, strings.Trim(p.slice(a, b), " ,"))
		}
	}
	m.Name = p.enName(start, end)
	keys := p.mentionKeys(m.Mention, m.Span)
	if len(keys) == 0 {
		m.Kind = claimtrail.KindOther
		return m
	}
	if o, _, ok := lx.outletIn(p.toks, start, end); ok {
		m.Kind, m.Name = o.kind, o.name
		if m.Mention != o.name {
			m.Aliases = appendNew(m.Aliases, m.Mention)
		}
		return m
	}
	full := strings.Join(keys, " ")
	head := enHead(keys)
	// pronouns and relative pronouns
	if len(keys) == 1 {
		switch keys[0] {
		case "his":
			keys = []string{"he"}
		case "her":
			keys = []string{"she"}
		case "their":
			keys = []string{"they"}
		case "its":
			keys = []string{"it"}
		}
	}
	if len(keys) == 1 && (enPronouns[keys[0]] || enRelatives[keys[0]]) {
		var e *entity
		if enRelatives[keys[0]] {
			e = p.enRelativeAntecedent(x, d, start)
		}
		if e == nil {
			e = d.enPronoun(keys[0])
		}
		if e != nil {
			x.resolvedTo(&m, e)
		} else {
			m.Kind = claimtrail.KindOther
		}
		return m
	}
	// the statement, the newspaper, the officials
	if ana := lx.anaphors[full]; ana != anaNone {
		var e *entity
		switch ana {
		case anaDocument:
			e = d.resolve(lx, anaDocument, keys)
		case anaOutlet:
			e = d.resolve(lx, anaOutlet, keys)
		default:
			e = d.enDescribe(keys, head)
		}
		if e != nil {
			x.resolvedTo(&m, e)
			if ana == anaDocument {
				m.Kind = claimtrail.KindDocument
			}
			return m
		}
	}
	m.Kind, m.Anonymous = p.enClassify(start, end, keys, head)
	if !m.Anonymous && r != nil && r.role != nil && lx.withheldEn(p.slice(r.role.Start, r.role.End)) {
		m.Anonymous = true
	}
	if !m.Anonymous && (r != nil && r.withheld || len(keys) >= 3 && lx.withheldEn(m.Mention)) {
		m.Anonymous = true
	}
	if m.Anonymous && m.Kind == claimtrail.KindPerson {
		m.Kind = claimtrail.KindOfficial
	}
	// a definite description or a surname that names an earlier source
	if keys[0] == "the" && len(keys) <= 4 || len(keys) <= 2 && !m.Anonymous {
		if e := d.enDescribe(keys, head); e != nil && e.name != m.Name {
			x.resolvedTo(&m, e)
		}
	}
	return m
}

func (x *Extractor) resolvedTo(m *claimtrail.Mention, e *entity) {
	m.Name, m.Kind, m.Anonymous, m.ResolvedFrom = e.name, e.kind, e.anonymous, m.Mention
	if e.mention != m.Mention {
		m.Aliases = appendNew(m.Aliases, e.mention)
	}
}

// enAllNameWords: tokens [a, b) are capitalized words, initials or hyphens.
func (p *parser) enAllNameWords(a, b int) bool {
	for k := a; k < b; k++ {
		t := &p.toks[k]
		if t.Kind == text.Word && isCapitalized(t.Text) || t.Text == "." || t.Text == "-" {
			continue
		}
		if t.Kind == text.Word && (t.Key == "al" || t.Key == "bin" || t.Key == "de" || t.Key == "van" || t.Key == "von") {
			continue
		}
		return false
	}
	return true
}

// enName is the mention without its honorifics and ranks (Mr., Lt. Gen.),
// the form sources are linked by.
func (p *parser) enName(start, end int) string {
	k := start
	for k < end-1 {
		t := &p.toks[k]
		if p.lx.honorifics[t.Key] || p.lx.honorifics[t.Key+"."] {
			k++
			if k < end-1 && p.toks[k].Text == "." {
				k++
			}
			continue
		}
		break
	}
	if k >= end || !isCapitalized(p.toks[k].Text) {
		k = start
	}
	sp := p.npSpan(np{start: k, end: end})
	return p.slice(sp.Start, sp.End)
}

// enHead is the head noun of a phrase: the last word before a preposition
// or relative that starts its modifiers (spokesperson for his campaign,
// people familiar with the matter).
func enHead(keys []string) string {
	for i, k := range keys {
		if i > 0 && (k == "of" || k == "for" || k == "with" || k == "who" || k == "familiar" || k == "close" || k == "in" || k == "at" || k == "on") {
			return keys[i-1]
		}
	}
	return keys[len(keys)-1]
}

// enClassify tells a source's kind from its head noun, and whether it is
// unnamed: a title with no name (a spokesperson for the campaign) or an
// unnamed head (officials, sources, people familiar with the matter).
func (p *parser) enClassify(start, end int, keys []string, head string) (claimtrail.SourceKind, bool) {
	lx := p.lx
	named := false
	for k := start; k < end; k++ {
		t := &p.toks[k]
		if t.Kind == text.Word && isCapitalized(t.Text) && !lx.honorifics[t.Key] && !lx.isTitle(t.Key) && lx.nounKind[t.Key] == "" &&
			!(k == start && enDeterminers[t.Key]) && lx.unnamed[t.Key] == "" {
			named = true
		}
	}
	if len(keys) >= 2 {
		if k, ok := lx.unnamed[keys[0]+" "+keys[1]]; ok && !named {
			return k, true
		}
	}
	// capitals before an unnamed head modify it (two US officials, Israeli
	// sources); they do not name anyone
	if k, ok := lx.unnamed[head]; ok && (!named || !p.enNamedAfterHead(start, end, head)) {
		return k, true
	}
	if k, ok := lx.nounKind[head]; ok {
		if k == claimtrail.KindPerson && !named {
			return claimtrail.KindOfficial, true
		}
		return k, false
	}
	for _, w := range keys {
		if k, ok := lx.nounKind[w]; ok && k != claimtrail.KindPerson {
			return k, false
		}
	}
	if named {
		return claimtrail.KindPerson, false
	}
	return claimtrail.KindOther, false
}

// withheldEn: the phrase says the source is kept unnamed (who spoke on
// condition of anonymity, familiar with the matter).
func (lx *Lexicon) withheldEn(s string) bool {
	k := text.Key(s)
	for _, ps := range lx.markers {
		for _, ph := range ps {
			if strings.Contains(" "+k+" ", " "+strings.Join(ph, " ")+" ") {
				return true
			}
		}
	}
	return false
}

// enPronoun: he and she refer to the last person, it to the last
// institution, document or outlet, they to the last group.
func (d *discourse) enPronoun(key string) *entity {
	for i := len(d.sources) - 1; i >= 0; i-- {
		s := d.sources[i]
		person := s.kind == claimtrail.KindPerson || s.kind == claimtrail.KindOfficial && !plural(s.keys)
		switch key {
		case "he", "she", "i":
			if person {
				return s
			}
		case "it", "which":
			if !person && !plural(s.keys) {
				return s
			}
		case "they", "we":
			if plural(s.keys) || !person {
				return s
			}
		default:
			return s
		}
	}
	return nil
}

func plural(keys []string) bool {
	if len(keys) == 0 {
		return false
	}
	h := enHead(keys)
	return strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && !strings.HasSuffix(h, "us") || h == "people" || h == "police"
}

// enDescribe resolves a definite description (the commission, the Yemeni
// leader, the spokesman) or a surname (Mahendran) to an earlier source
// whose name or role holds its head.
func (d *discourse) enDescribe(keys []string, head string) *entity {
	surname := len(keys) == 1 || len(keys) == 2 && (keys[0] == "mr" || keys[0] == "ms" || keys[0] == "mrs" || keys[0] == "dr")
	for i := len(d.sources) - 1; i >= 0; i-- {
		s := d.sources[i]
		if len(s.keys) <= len(keys) && !(len(s.roleKeys) > 0) {
			continue
		}
		if surname && len(s.keys) > 1 && s.keys[len(s.keys)-1] == keys[len(keys)-1] {
			return s
		}
		if keys[0] != "the" {
			continue
		}
		if contains(headPart(s.keys), head) && len(s.keys) > len(keys) || contains(s.roleKeys, head) {
			return s
		}
	}
	return nil
}

// headPart is a name's words before its first preposition: "the port
// authority" names the authority, not "a senior official at the port
// authority", whose head is the official.
func headPart(keys []string) []string {
	for i, k := range keys {
		if i > 0 && enPreps[k] {
			return keys[:i]
		}
	}
	return keys
}

// enRelativeAntecedent: "who" refers to the noun phrase before the comma
// that precedes it (Trump, who said ...).
func (p *parser) enRelativeAntecedent(x *Extractor, d *discourse, who int) *entity {
	c := who - 1
	if c < p.first || !p.toks[c].comma() {
		return nil
	}
	n := p.enSubjectBack(c, nil)
	if n.empty() {
		return nil
	}
	m := x.mentionEn(p, d, n, nil, false)
	return &entity{mention: m.Mention, name: m.Name, kind: m.Kind, anonymous: m.Anonymous, keys: p.mentionKeys(m.Mention, m.Span)}
}

// enNamedAfterHead: a capitalized word follows the head of the phrase
// (officials of Acme Corp): the phrase may then name an organization.
func (p *parser) enNamedAfterHead(start, end int, head string) bool {
	seen := false
	for k := start; k < end; k++ {
		t := &p.toks[k]
		if t.Key == head {
			seen = true
			continue
		}
		if seen && t.Kind == text.Word && isCapitalized(t.Text) {
			return true
		}
	}
	return false
}

package sources

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// group is one source as one article names it: the mentions that the
// article's own context says are the same.
type group struct {
	names     []string // surface names, first seen first
	forms     []form
	lookup    []form   // forms for the registry: see Matcher.lookupForms
	generic   []string // names that describe rather than name
	kinds     []claimtrail.SourceKind
	anonymous bool
	roles     []string
	refs      []*claimtrail.Mention
	// descriptor and affiliation of an anonymous group.
	descriptor  string
	affiliation string
	merged      *group // set when merged into another group
}

func (g *group) root() *group {
	for g.merged != nil {
		g = g.merged
	}
	return g
}

// Link links the sources of one article's claims: it sets SourceID on
// each claim's Source and on each mention in its Via chain, in place, and
// returns the canonical sources they reference, sorted by id: entries of
// the registry (built-in, the user's, or learned from earlier articles)
// and newly proposed ones, which the registry then learns.
//
// Within the article, an anaphor or implicit subject (Mention.ResolvedFrom
// set) is linked to its antecedent (Mention.Name); a surname alone is
// linked to the full name of a person the article names; names that Match
// are one source; glosses (Mention.Aliases) become aliases and appositions
// (Mention.Role) roles. Unnamed sources are grouped within the article by
// their descriptor; across articles two of them are one source only when
// descriptor and affiliation agree and the affiliation is known.
// Descriptions ("the ministry"), a lone first name or surname, and bodies
// that every country has named without saying whose ("وزارة الصحة") get
// ids scoped to the article. A returned built-in or user entry carries the
// aliases and roles this article gave it; the registry keeps those only
// for the sources it learned.
//
// Link is deterministic for a given sequence of calls; the sources it
// learns make later calls recognise earlier names.
func (r *Registry) Link(a *claimtrail.Article, cs []claimtrail.Claim) []claimtrail.Source {
	var refs []*claimtrail.Mention
	for i := range cs {
		// Reporters stand before the source in the text; the order only
		// decides which spelling names a new source.
		for j := range cs[i].Via {
			refs = append(refs, &cs[i].Via[j])
		}
		refs = append(refs, &cs[i].Source)
	}
	articleID := ""
	if a != nil {
		articleID = a.ID
	}

	var groups []*group
	var anaphors []*claimtrail.Mention
	named := groupIndex{}
	// Unnamed groups by descriptor and affiliation, and the last one by
	// descriptor alone.
	unnamed := map[string]*group{}
	lastUnnamed := map[string]*group{}
	newGroup := func() *group {
		g := &group{}
		groups = append(groups, g)
		return g
	}

	// 1. Named and unnamed mentions, each in its own group or one that
	// matches.
	for _, m := range refs {
		name := surface(m)
		resolved := m.Name
		if m.Name != "" && name != cleanName(m.Name) && !r.m.Match(name, m.Name) {
			if !r.m.contains(name, m.Name) {
				// An anaphor, a surname resolved to the full name, or a
				// document standing for its issuer ("البيان" as a
				// reporter): the words are no alias of the source.
				anaphors = append(anaphors, m)
				continue
			}
			// The words hold the resolution and more ("The Independent
			// Election Commission" resolved to the outlet "The
			// Independent"): the words are the better name.
			resolved = ""
		} else if m.ResolvedFrom != "" && m.Name != "" {
			anaphors = append(anaphors, m)
			continue
		}
		if name == "" {
			continue
		}
		if isAnonymous(m) || r.m.unnamed(name) {
			desc, aff := r.describe(name)
			g := unnamed[desc+"\x00"+aff]
			if g == nil && aff == "" && definite(name) {
				// "the officials" after "US officials": the last group so
				// described.
				g = lastUnnamed[desc]
			}
			if g == nil {
				g = newGroup()
				g.anonymous, g.descriptor, g.affiliation = true, desc, aff
				unnamed[desc+"\x00"+aff] = g
			}
			lastUnnamed[desc] = g
			g.addMention(r.m, m, rawName(m), m.Name)
			continue
		}
		fs := r.m.forms(rawName(m))
		if resolved != "" && resolved != name {
			fs = append(fs, r.m.forms(resolved)...)
		}
		g := named.find(groups, fs)
		if g == nil {
			g = newGroup()
		}
		n := len(g.forms)
		g.addMention(r.m, m, rawName(m), resolved)
		named.add(g, g.forms[n:])
	}

	// 2. A surname alone, or any shorter tail of a person's name, is that
	// person when the article names one person so.
	for _, g := range groups {
		if g.merged != nil || g.anonymous {
			continue
		}
		if !partialKind(g) {
			continue
		}
		if full := partialOf(g, groups); full != nil {
			full.absorb(g)
		}
	}

	// 3. Anaphors and implicit subjects go with their antecedent.
	byName := map[string]*group{}
	for _, g := range groups {
		for _, n := range g.root().names {
			if _, ok := byName[n]; !ok {
				byName[n] = g.root()
			}
		}
	}
	for _, m := range anaphors {
		fs := r.m.forms(m.Name)
		g := byName[cleanName(m.Name)]
		if g == nil {
			g = named.find(groups, fs)
		}
		if g == nil {
			g = newGroup()
			if isAnonymous(m) {
				g.anonymous = true
				g.descriptor, g.affiliation = r.describe(m.Name)
			}
			g.addName(r.m, m.Name)
			if !g.anonymous {
				named.add(g, g.forms)
			}
			for _, n := range g.names {
				byName[n] = g
			}
		}
		g.refs = append(g.refs, m)
		if m.Kind != claimtrail.KindDocument {
			g.kinds = append(g.kinds, m.Kind)
		}
		if m.Role != "" {
			g.roles = appendUnique(g.roles, oneLine(m.Role))
		}
	}

	// 4. Each group becomes a registry source.
	r.mu.Lock()
	defer r.mu.Unlock()
	byID := map[string]claimtrail.Source{}
	for _, g := range groups {
		if g.merged != nil || len(g.refs) == 0 {
			continue
		}
		s := r.resolve(g, articleID)
		for _, m := range g.refs {
			m.SourceID = s.ID
		}
		if prev, ok := byID[s.ID]; ok {
			s = mergeSources(prev, s)
		}
		byID[s.ID] = s
	}
	out := make([]claimtrail.Source, 0, len(byID))
	for _, s := range byID {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// groupIndex maps the index keys of named groups' forms (words, loose
// words, skeletons: see indexKeys) to the groups, so that a mention is
// compared only with the groups that share one; an article with thousands
// of sources stays linear.
type groupIndex map[string][]*group

func (ix groupIndex) add(g *group, fs []form) {
	for i := range fs {
		for _, k := range indexKeys(&fs[i]) {
			if l := ix[k]; len(l) == 0 || l[len(l)-1] != g {
				ix[k] = append(l, g)
			}
		}
	}
}

// find returns the first group, in the order of groups, that matches one
// of the forms.
func (ix groupIndex) find(groups []*group, fs []form) *group {
	cands := map[*group]bool{}
	for i := range fs {
		for _, k := range indexKeys(&fs[i]) {
			for _, g := range ix[k] {
				cands[g.root()] = true
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	for _, x := range groups {
		if x.merged == nil && cands[x] && !x.anonymous && x.matches(fs) {
			return x
		}
	}
	return nil
}

// surface is how a mention names its source: the words of the text, or the
// resolved name when the text has none (an implicit subject).
func surface(m *claimtrail.Mention) string {
	if s := cleanName(m.Mention); s != "" {
		return s
	}
	return cleanName(m.Name)
}

// cleanName removes quotation marks and collapses spaces: `صحيفة "نيويورك
// تايمز"` is listed as صحيفة نيويورك تايمز.
func cleanName(s string) string {
	// A name has no comma: what follows one is an apposition that an
	// antecedent brought along ("Yahya Rasool, the spokesman for ...").
	if i := strings.IndexAny(s, ",،"); i > 0 && strings.TrimSpace(s[:i]) != "" {
		s = s[:i]
	}
	// Nor a parenthesis: "(D-Mass.)" and a gloss "(New York Times)" are
	// said about the name (the gloss is kept as an alias).
	if i := strings.IndexByte(s, '('); i > 0 && strings.TrimSpace(s[:i]) != "" {
		s = s[:i]
	}
	s = strings.Map(func(r rune) rune {
		if isQuoteMark(r) {
			return ' '
		}
		return r
	}, s)
	return oneLine(strings.Trim(oneLine(s), "-–—,،:;()[]"))
}

func isAnonymous(m *claimtrail.Mention) bool {
	return m.Anonymous || m.Kind == claimtrail.KindAnonymous
}

// describe splits an unnamed source into its descriptor (the words that
// are not an affiliation, clitics stripped) and its affiliation.
func (r *Registry) describe(name string) (desc, aff string) {
	f := r.m.form(name)
	var ds []string
	for _, k := range f.keys {
		if a := r.m.w.affiliationOf(k); a != "" {
			if aff == "" {
				aff = a
			}
			continue
		}
		ds = append(ds, k)
	}
	if aff == "" {
		aff = f.affiliation
	}
	return strings.Join(ds, " "), aff
}

// definite reports a description that refers back: "the officials",
// "المسؤولون".
func definite(name string) bool {
	w := splitWords(name)
	if len(w) == 0 {
		return false
	}
	return w[0] == "the" || strings.HasPrefix(w[0], "ال")
}

// oneWord reports a name of one word once its title is dropped: "Obama",
// "Mr. Obama".
func oneWord(m *Matcher, name string) bool {
	rest, _ := m.display(name)
	return len(strings.Fields(rest)) == 1
}

// rawName is surface before cleaning: quotation marks tell the matcher
// which words are the name (`وكالة "سبأ" اليمنية`).
func rawName(m *claimtrail.Mention) string {
	if strings.TrimSpace(m.Mention) != "" {
		return m.Mention
	}
	return m.Name
}

func (g *group) addMention(m *Matcher, x *claimtrail.Mention, raw, resolved string) {
	g.refs = append(g.refs, x)
	g.kinds = append(g.kinds, x.Kind)
	g.addName(m, raw)
	if resolved != "" {
		g.addName(m, resolved)
	}
	if strings.TrimSpace(x.Mention) != "" {
		// The aliases of a mention are glosses; those of an implicit
		// subject only repeat how the source was last named.
		for _, a := range x.Aliases {
			g.addName(m, a)
		}
	}
	if x.Role != "" {
		g.roles = appendUnique(g.roles, oneLine(x.Role))
	}
}

// addName adds a name as the text gives it: its title becomes a role, the
// rest a name.
func (g *group) addName(m *Matcher, raw string) {
	name := cleanName(raw)
	if name == "" {
		return
	}
	rest, title := m.display(name)
	if rest != name && definiteAdjective(rest) {
		// وكالة الأنباء الرسمية: what follows the descriptor describes
		// it ("the official") rather than naming it; keep the whole
		rest, title = name, ""
	}
	if title != "" && !g.anonymous {
		g.roles = appendUnique(g.roles, title)
	}
	if g.anonymous {
		rest = name
	}
	if slices.Contains(g.names, rest) {
		return
	}
	g.names = append(g.names, rest)
	g.forms = append(g.forms, m.forms(raw)...)
	if m.generic(rest) {
		// "the newspaper" or an unresolved "he" is no name to look up
		// or to teach the registry.
		g.generic = append(g.generic, rest)
		return
	}
	g.lookup = append(g.lookup, m.lookupForms(raw)...)
}

func (g *group) matches(fs []form) bool {
	for i := range fs {
		for j := range g.forms {
			if matchForms(&fs[i], &g.forms[j]) {
				return true
			}
		}
	}
	return false
}

// absorb merges o into g.
func (g *group) absorb(o *group) {
	for _, n := range o.names {
		if !slices.Contains(g.names, n) {
			g.names = append(g.names, n)
		}
	}
	g.forms = append(g.forms, o.forms...)
	g.lookup = append(g.lookup, o.lookup...)
	g.generic = append(g.generic, o.generic...)
	g.kinds = append(g.kinds, o.kinds...)
	g.refs = append(g.refs, o.refs...)
	for _, r := range o.roles {
		g.roles = appendUnique(g.roles, r)
	}
	o.merged = g
	o.refs = nil
}

// partialOf returns the one person group whose longest name ends with all
// the words of g's names, g having no name of two words or more of its own
// that another group lacks: "رسول" → "يحيى رسول", "Rasool" → "Yahya
// Rasool". With two candidates ("Rasool" when the article names two
// Rasools) it returns nil.
func partialOf(g *group, groups []*group) *group {
	short := shortest(g)
	if short == nil || len(short.keys) == 0 {
		return nil
	}
	var found *group
	for _, x := range groups {
		if x == g || x.merged != nil || x.anonymous || !personLike(x) {
			continue
		}
		for i := range x.forms {
			if slices.Contains(x.forms[i].keys, "and") {
				continue // "Trump and Clinton" is two people
			}
			if len(x.forms[i].keys) > len(short.keys) && tailMatch(short, &x.forms[i]) {
				if found != nil && found != x {
					return nil
				}
				found = x
				break
			}
		}
	}
	return found
}

// shortest is the form of g with the fewest words, if all of g's forms
// are shorter than three words (a partial name).
func shortest(g *group) *form {
	var best *form
	for i := range g.forms {
		f := &g.forms[i]
		if f.empty() {
			continue
		}
		if len(f.keys) > 2 {
			return nil
		}
		if best == nil || len(f.keys) < len(best.keys) {
			best = f
		}
	}
	if best != nil && len(best.keys) > 1 && personLike(g) {
		// Two words of a person ("Yahya Rasool") are a full name.
		return nil
	}
	return best
}

// tailMatch reports whether the words of s are the last words of l.
func tailMatch(s, l *form) bool {
	off := len(l.keys) - len(s.keys)
	for i := range s.keys {
		if !matchWord(s, i, l, off+i) {
			return false
		}
	}
	return true
}

// personLike: extraction marks a person's surname alone as a person or,
// lacking a first name, an organization; anything else is not a person.
func personLike(g *group) bool {
	for _, k := range g.kinds {
		if k == claimtrail.KindPerson {
			return true
		}
	}
	return false
}

// partialKind: only a mention that may be a person's surname is resolved
// to a person's full name; "واشنطن" the government is not George
// Washington.
func partialKind(g *group) bool {
	for _, k := range g.kinds {
		switch k {
		case claimtrail.KindPerson, claimtrail.KindOrganization, claimtrail.KindOther, "":
		default:
			return false
		}
	}
	return true
}

// kindRank orders kinds for choosing a group's kind when its mentions
// disagree, most specific first.
var kindRank = map[claimtrail.SourceKind]int{
	claimtrail.KindPerson: 0, claimtrail.KindAgency: 1, claimtrail.KindOutlet: 2,
	claimtrail.KindGovernment: 3, claimtrail.KindOfficial: 4, claimtrail.KindOrganization: 5,
	claimtrail.KindAnonymous: 6, claimtrail.KindDocument: 7, claimtrail.KindOther: 8, "": 9,
}

// kindOf is the most frequent kind of the group's mentions, ties going to
// the more specific.
func kindOf(g *group) claimtrail.SourceKind {
	count := map[claimtrail.SourceKind]int{}
	for _, k := range g.kinds {
		if k != "" {
			count[k]++
		}
	}
	best := claimtrail.KindOther
	for k, n := range count {
		if n > count[best] || (n == count[best] && kindRank[k] < kindRank[best]) {
			best = k
		}
	}
	return best
}

// canonicalName picks the group's display name: the first of its names
// with the most words (the full name rather than the surname), a name
// rather than a description.
func canonicalName(g *group, m *Matcher) string {
	best, bestN := "", -1
	for _, n := range g.names {
		if slices.Contains(g.generic, n) && len(g.generic) < len(g.names) {
			continue // a name beats a description
		}
		f := m.form(n)
		if len(f.keys) > bestN {
			best, bestN = n, len(f.keys)
		}
	}
	return best
}

// resolve finds or proposes the canonical source of a group. The caller
// holds r.mu.
func (r *Registry) resolve(g *group, articleID string) claimtrail.Source {
	kind := kindOf(g)
	if g.anonymous {
		return r.resolveAnonymous(g, kind, articleID)
	}
	e := r.lookupForms(g.lookup, kind)
	if e == nil {
		name := canonicalName(g, r.m)
		s := claimtrail.Source{ID: ID(name), Name: name, Kind: kind}
		if r.m.generic(name) || (kind == claimtrail.KindPerson && oneWord(r.m, name)) || r.ambiguousBody(g, kind) {
			// A description ("the ministry"), a lone first name or
			// surname, or a body that every country has ("وزارة
			// الصحة", "اللجنة العسكرية العليا") names a source only
			// within its article.
			s.ID = claimtrail.SourceID("", text.Key(cleanName(name)), articleID)
			e = &entry{src: s}
		} else if old, ok := r.byID[s.ID]; ok {
			e = old
		} else {
			e = r.put(s, true)
		}
	}
	s := cloneSource(e.src)
	changed := false
	for _, n := range g.names {
		if slices.Contains(g.generic, n) || (s.Kind == claimtrail.KindPerson && e.learned && oneWord(r.m, n)) {
			// A description, or a surname that this article gave to
			// this person and another article may give to another.
			continue
		}
		if !hasAliasKey(s, r.m, n) {
			s.Aliases = append(s.Aliases, n)
			changed = true
		}
	}
	if len(s.Aliases) > 0 && !slices.Contains(s.Aliases, s.Name) {
		s.Aliases = append([]string{s.Name}, s.Aliases...)
	}
	for _, ro := range g.roles {
		if !slices.Contains(s.Roles, ro) {
			s.Roles = append(s.Roles, ro)
			changed = true
		}
	}
	if s.Affiliation == "" {
		s.Affiliation = r.affiliationOf(g, s.Kind)
		changed = changed || s.Affiliation != ""
	}
	if changed && e.learned {
		// What one article taught about a learned source helps the next.
		r.put(s, true)
	}
	return s
}

// hasAliasKey reports whether n is, by key, already a name of s.
func hasAliasKey(s claimtrail.Source, m *Matcher, n string) bool {
	k := m.Key(n)
	if k == "" || k == m.Key(s.Name) {
		return true
	}
	for _, a := range s.Aliases {
		if m.Key(a) == k {
			return true
		}
	}
	return false
}

// ambiguousBody reports a government body or organization whose name
// starts with a generic word (ministry, committee, وزارة, اللجنة) and
// says nowhere whose it is: the health ministry of one article is not
// that of the next.
func (r *Registry) ambiguousBody(g *group, kind claimtrail.SourceKind) bool {
	switch kind {
	case claimtrail.KindGovernment, claimtrail.KindOrganization, claimtrail.KindOfficial:
	default:
		return false
	}
	head := false
	for _, n := range g.names {
		f := r.m.form(n)
		for i, k := range f.keys {
			if r.m.w.affiliationOf(k) != "" {
				return false
			}
			if i == 0 && r.m.w.generic[k] {
				head = true
			}
		}
	}
	return head
}

// affiliationOf derives an affiliation from a group's roles ("وزير الصحة
// السوداني") and, for a government or an official, its names ("الجانب
// الأميركي"); a person's or an organization's name says where it is, not
// whom it speaks for.
func (r *Registry) affiliationOf(g *group, kind claimtrail.SourceKind) string {
	lists := [][]string{g.roles}
	if kind == claimtrail.KindGovernment || kind == claimtrail.KindOfficial {
		lists = append(lists, g.names)
	}
	for _, list := range lists {
		for _, n := range list {
			if _, aff := r.describe(n); aff != "" {
				return aff
			}
		}
	}
	return ""
}

// resolveAnonymous gives an unnamed group its id: shared across articles
// when the affiliation is known (descriptor and affiliation agree), or
// scoped to the article when it is not.
func (r *Registry) resolveAnonymous(g *group, kind claimtrail.SourceKind, articleID string) claimtrail.Source {
	var id string
	if g.affiliation != "" {
		id = claimtrail.SourceID(claimtrail.KindAnonymous, g.descriptor+" @ "+g.affiliation, "")
	} else {
		id = claimtrail.SourceID(claimtrail.KindAnonymous, g.descriptor, articleID)
	}
	if kind != claimtrail.KindOfficial {
		// Extraction may call "US officials" a person; unnamed is what
		// matters.
		kind = claimtrail.KindAnonymous
	}
	s := claimtrail.Source{ID: id, Name: g.names[0], Kind: kind, Anonymous: true, Affiliation: g.affiliation}
	if e, ok := r.byID[id]; ok {
		s = cloneSource(e.src)
	} else if g.affiliation != "" {
		// Only shared groups are worth remembering: an article-scoped one
		// can never be met again.
		r.put(s, true)
	}
	for _, n := range g.names {
		if !slices.Contains(s.Aliases, n) && n != s.Name {
			s.Aliases = append(s.Aliases, n)
		}
	}
	if len(s.Aliases) > 0 && !slices.Contains(s.Aliases, s.Name) {
		s.Aliases = append([]string{s.Name}, s.Aliases...)
	}
	for _, ro := range g.roles {
		s.Roles = appendUnique(s.Roles, ro)
	}
	return s
}

// mergeSources combines two groups of one article that resolved to the
// same source.
func mergeSources(a, b claimtrail.Source) claimtrail.Source {
	for _, x := range b.Aliases {
		a.Aliases = appendUnique(a.Aliases, x)
	}
	for _, x := range b.Roles {
		a.Roles = appendUnique(a.Roles, x)
	}
	if a.Affiliation == "" {
		a.Affiliation = b.Affiliation
	}
	return a
}

// definiteAdjective reports a single Arabic word with the article, the
// shape of an adjective after a descriptor (الرسمية، الوطنية), where a
// name after a descriptor is a proper noun without it (سبأ، "نيويورك
// تايمز").
func definiteAdjective(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && !strings.ContainsAny(s, " \u00a0") && strings.HasPrefix(s, "ال") && utf8.RuneCountInString(s) > 3
}

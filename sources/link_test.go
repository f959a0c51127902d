package sources_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/internal/golden"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/text"
)

const seedPath = "../testdata/seed/aljazeera-coalition-redeploy.ar.txt"

// seed reads and extracts the seed article.
func seed(tb testing.TB) (*claimtrail.Article, []claimtrail.Claim) {
	tb.Helper()
	body, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Fatal(err)
	}
	a := &claimtrail.Article{ID: claimtrail.ArticleID(string(body)), Text: string(body), Hash: claimtrail.ContentHash(string(body))}
	text.Segment(a)
	x, err := claims.New(claims.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return a, x.Extract(a)
}

func newRegistry(tb testing.TB) *sources.Registry {
	tb.Helper()
	r, err := sources.New(sources.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// idOf returns the SourceID of the first mention (source or via) whose
// words are m.
func idOf(tb testing.TB, cs []claimtrail.Claim, m string) string {
	tb.Helper()
	for _, c := range cs {
		if c.Source.Mention == m {
			return c.Source.SourceID
		}
		for _, v := range c.Via {
			if v.Mention == m {
				return v.SourceID
			}
		}
	}
	tb.Fatalf("no mention %q", m)
	return ""
}

func sourceByID(tb testing.TB, srcs []claimtrail.Source, id string) claimtrail.Source {
	tb.Helper()
	for _, s := range srcs {
		if s.ID == id {
			return s
		}
	}
	tb.Fatalf("no source %s among %d returned", id, len(srcs))
	return claimtrail.Source{}
}

func TestLinkSeed(t *testing.T) {
	a, cs := seed(t)
	srcs := newRegistry(t).Link(a, cs)

	if !slices.IsSortedFunc(srcs, func(x, y claimtrail.Source) int {
		if x.ID < y.ID {
			return -1
		}
		return 1
	}) {
		t.Errorf("sources are not sorted by id")
	}
	// Every mention that names something is linked to a returned source.
	for _, c := range cs {
		for _, m := range append([]claimtrail.Mention{c.Source}, c.Via...) {
			if m.SourceID == "" {
				t.Errorf("mention %q (%s) not linked", m.Mention, m.Name)
				continue
			}
			sourceByID(t, srcs, m.SourceID)
		}
	}

	joc := idOf(t, cs, "قيادة العمليات المشتركة بالعراق")
	if got := idOf(t, cs, "البيان"); got != joc {
		t.Errorf("البيان → %s, want the Joint Operations Command %s", got, joc)
	}
	nyt := idOf(t, cs, `صحيفة "نيويورك تايمز"`)
	for _, m := range []string{"الصحيفة", "للصحيفة"} {
		if got := idOf(t, cs, m); got != nyt {
			t.Errorf("%s → %s, want the New York Times %s", m, got, nyt)
		}
	}
	s := sourceByID(t, srcs, nyt)
	if s.Kind != claimtrail.KindOutlet || !slices.Contains(s.Aliases, "New York Times") || s.Anonymous {
		t.Errorf("New York Times source = %+v", s)
	}
	us := idOf(t, cs, "مسؤولين أميركيين")
	if got := idOf(t, cs, "المسؤولون"); got != us {
		t.Errorf("المسؤولون → %s, want the US officials %s", got, us)
	}
	s = sourceByID(t, srcs, us)
	if !s.Anonymous || s.Affiliation != "United States government" {
		t.Errorf("US officials = %+v, want anonymous, United States government", s)
	}
	iq := idOf(t, cs, "مسؤول بالأمن القومي العراقي")
	if iq == us || !sourceByID(t, srcs, iq).Anonymous {
		t.Errorf("the Iraqi national-security official is %s (US officials %s), want a different anonymous source", iq, us)
	}
	rasool := sourceByID(t, srcs, idOf(t, cs, "يحيى رسول"))
	if rasool.Kind != claimtrail.KindPerson || len(rasool.Roles) != 1 || rasool.Roles[0] != "الناطق الإعلامي للقائد العام للقوات المسلحة العراقية" {
		t.Errorf("يحيى رسول = %+v, want a person with his role", rasool)
	}

	type link struct {
		Claim    int    `json:"claim"`
		As       string `json:"as"`
		Mention  string `json:"mention"`
		Name     string `json:"name,omitempty"`
		SourceID string `json:"source_id"`
	}
	var links []link
	for i, c := range cs {
		for _, v := range c.Via {
			links = append(links, link{i + 1, "via", v.Mention, v.Name, v.SourceID})
		}
		links = append(links, link{i + 1, "source", c.Source.Mention, c.Source.Name, c.Source.SourceID})
	}
	golden.AssertJSON(t, "../testdata/sources/aljazeera-coalition-redeploy.golden.json", struct {
		Sources []claimtrail.Source `json:"sources"`
		Links   []link              `json:"links"`
	}{srcs, links})
}

func TestLinkDeterministic(t *testing.T) {
	a, cs1 := seed(t)
	_, cs2 := seed(t)
	s1 := newRegistry(t).Link(a, cs1)
	s2 := newRegistry(t).Link(a, cs2)
	if !reflect.DeepEqual(s1, s2) || !reflect.DeepEqual(cs1, cs2) {
		t.Errorf("two runs on the same article differ")
	}
	// Linking again with the same registry changes nothing either.
	r := newRegistry(t)
	r.Link(a, cs1)
	again := r.Link(a, cs1)
	if !reflect.DeepEqual(again, s1) {
		t.Errorf("a second Link of the same article differs:\n%v\n%v", again, s1)
	}
}

// m builds a mention.
func m(mention string, kind claimtrail.SourceKind, opts ...func(*claimtrail.Mention)) claimtrail.Mention {
	x := claimtrail.Mention{Mention: mention, Name: mention, Kind: kind}
	for _, o := range opts {
		o(&x)
	}
	return x
}

func resolved(from, to string) func(*claimtrail.Mention) {
	return func(x *claimtrail.Mention) { x.ResolvedFrom, x.Mention, x.Name = from, from, to }
}
func implicit(cue, to string) func(*claimtrail.Mention) {
	return func(x *claimtrail.Mention) { x.ResolvedFrom, x.Mention, x.Name = cue, "", to }
}
func named(n string) func(*claimtrail.Mention) { return func(x *claimtrail.Mention) { x.Name = n } }
func role(r string) func(*claimtrail.Mention)  { return func(x *claimtrail.Mention) { x.Role = r } }
func aliases(as ...string) func(*claimtrail.Mention) {
	return func(x *claimtrail.Mention) { x.Aliases = as }
}
func anon(x *claimtrail.Mention) { x.Anonymous = true }

// claim builds a claim with a source and reporters.
func claim(src claimtrail.Mention, via ...claimtrail.Mention) claimtrail.Claim {
	return claimtrail.Claim{Source: src, Via: via}
}

const (
	person  = claimtrail.KindPerson
	org     = claimtrail.KindOrganization
	outlet  = claimtrail.KindOutlet
	agency  = claimtrail.KindAgency
	docKind = claimtrail.KindDocument
	officl  = claimtrail.KindOfficial
	anonK   = claimtrail.KindAnonymous
	govt    = claimtrail.KindGovernment
)

func TestLinkArticles(t *testing.T) {
	type article struct {
		claims []claimtrail.Claim
	}
	tests := []struct {
		name     string
		articles []article
		// same and differ list pairs of (article, claim, -1 for the
		// source or the index of the via) that must share or not share a
		// source id.
		same, differ [][2]ref
		check        func(t *testing.T, srcs [][]claimtrail.Source, arts [][]claimtrail.Claim)
	}{
		{
			name: "surname and pronoun resolve to the full name",
			articles: []article{{[]claimtrail.Claim{
				claim(m("Yahya Rasool", person, role("the spokesman for the commander-in-chief"))),
				claim(m("Rasool", person)),
				claim(m("He", person, resolved("He", "Yahya Rasool"))),
			}}},
			same: [][2]ref{{{0, 0, -1}, {0, 1, -1}}, {{0, 0, -1}, {0, 2, -1}}},
			check: func(t *testing.T, srcs [][]claimtrail.Source, _ [][]claimtrail.Claim) {
				if len(srcs[0]) != 1 || srcs[0][0].Name != "Yahya Rasool" || len(srcs[0][0].Roles) != 1 {
					t.Errorf("sources = %+v", srcs[0])
				}
			},
		},
		{
			name: "a surname two people share stays apart",
			articles: []article{{[]claimtrail.Claim{
				claim(m("Yahya Rasool", person)),
				claim(m("Ahmed Rasool", person)),
				claim(m("Rasool", person)),
			}}},
			differ: [][2]ref{{{0, 0, -1}, {0, 1, -1}}, {{0, 2, -1}, {0, 0, -1}}, {{0, 2, -1}, {0, 1, -1}}},
		},
		{
			name: "two people of one family in one article",
			articles: []article{{[]claimtrail.Claim{
				claim(m("نوري المالكي", person)),
				claim(m("حيدر المالكي", person)),
			}}},
			differ: [][2]ref{{{0, 0, -1}, {0, 1, -1}}},
		},
		{
			name: "title dropped, kept as a role",
			articles: []article{{[]claimtrail.Claim{
				claim(m("اللواء يحيى رسول", person)),
				claim(m("يحيى رسول", person)),
			}}},
			same: [][2]ref{{{0, 0, -1}, {0, 1, -1}}},
			check: func(t *testing.T, srcs [][]claimtrail.Source, _ [][]claimtrail.Claim) {
				s := srcs[0][0]
				if s.Name != "يحيى رسول" || !slices.Contains(s.Roles, "اللواء") {
					t.Errorf("source = %+v, want يحيى رسول with the role اللواء", s)
				}
			},
		},
		{
			name: "a person across articles and scripts",
			articles: []article{
				{[]claimtrail.Claim{claim(m("يحيى رسول", person))}},
				{[]claimtrail.Claim{claim(m("Yehia Rasool", person))}},
				{[]claimtrail.Claim{claim(m("Brig. Gen. Yahya Rasul", person))}},
				{[]claimtrail.Claim{claim(m("يحيى سريع", person))}},
			},
			same:   [][2]ref{{{0, 0, -1}, {1, 0, -1}}, {{0, 0, -1}, {2, 0, -1}}},
			differ: [][2]ref{{{0, 0, -1}, {3, 0, -1}}},
		},
		{
			name: "glosses and outlets in both scripts link to the registry",
			articles: []article{{[]claimtrail.Claim{
				claim(m("مسؤولين أميركيين", officl, anon), m(`صحيفة "نيويورك تايمز"`, outlet, named("The New York Times"), aliases("New York Times"))),
				claim(m("مصدر", anonK, anon), m(`وكالة "سبأ" اليمنية للأنباء`, agency)),
				claim(m("مصدر", anonK, anon), m("لرويترز", agency)),
				claim(m("مصادر عسكرية أمريكية", anonK, anon), m(`قناة "سي إن إن" الأمريكية`, outlet)),
				claim(m("the official", officl, anon), m("The New York Times", outlet)),
			}}},
			same: [][2]ref{{{0, 0, 0}, {0, 4, 0}}},
			check: func(t *testing.T, srcs [][]claimtrail.Source, arts [][]claimtrail.Claim) {
				for i, want := range []string{"The New York Times", "Saba News Agency", "Reuters", "CNN"} {
					if s := sourceByID(t, srcs[0], arts[0][i].Via[0].SourceID); s.Name != want {
						t.Errorf("via of claim %d = %q, want %q", i, s.Name, want)
					}
				}
			},
		},
		{
			name: "unnamed sources: one group per descriptor in an article",
			articles: []article{{[]claimtrail.Claim{
				claim(m("مسؤولين أميركيين", officl, anon)),
				claim(m("المسؤولون", officl, anon, resolved("المسؤولون", "مسؤولين أميركيين"))),
				claim(m("مسؤول بالأمن القومي العراقي", officl, anon)),
				claim(m("مصادر مطلعة", anonK, anon)),
				claim(m("مصادر مطلعة", anonK, anon)),
			}}},
			same:   [][2]ref{{{0, 0, -1}, {0, 1, -1}}, {{0, 3, -1}, {0, 4, -1}}},
			differ: [][2]ref{{{0, 0, -1}, {0, 2, -1}}, {{0, 2, -1}, {0, 3, -1}}},
		},
		{
			name: "unnamed sources across articles: only when descriptor and affiliation agree",
			articles: []article{
				{[]claimtrail.Claim{claim(m("مسؤولين أميركيين", officl, anon)), claim(m("مصادر مطلعة", anonK, anon)), claim(m("US officials", officl, anon))}},
				{[]claimtrail.Claim{claim(m("مسؤولين أمريكيين", officl, anon)), claim(m("مصادر مطلعة", anonK, anon)), claim(m("Iraqi officials", officl, anon))}},
			},
			same:   [][2]ref{{{0, 0, -1}, {1, 0, -1}}},
			differ: [][2]ref{{{0, 1, -1}, {1, 1, -1}}, {{0, 2, -1}, {1, 2, -1}}, {{0, 0, -1}, {0, 2, -1}}},
			check: func(t *testing.T, srcs [][]claimtrail.Source, arts [][]claimtrail.Claim) {
				for _, ss := range srcs {
					for _, s := range ss {
						if !s.Anonymous {
							t.Errorf("%s is not marked anonymous", s.Name)
						}
					}
				}
			},
		},
		{
			name: "a statement and an implicit subject go with the issuer",
			articles: []article{{[]claimtrail.Claim{
				claim(m("وزارة الدفاع العراقية", govt)),
				claim(m("البيان", docKind, resolved("البيان", "وزارة الدفاع العراقية"))),
				claim(m("", govt, implicit("وأضافت", "وزارة الدفاع العراقية"))),
				claim(m("الجانب الأميركي", govt), m("البيان", docKind, named("وزارة الدفاع العراقية"))),
			}}},
			same:   [][2]ref{{{0, 0, -1}, {0, 1, -1}}, {{0, 0, -1}, {0, 2, -1}}, {{0, 0, -1}, {0, 3, 0}}},
			differ: [][2]ref{{{0, 0, -1}, {0, 3, -1}}},
			check: func(t *testing.T, srcs [][]claimtrail.Source, arts [][]claimtrail.Claim) {
				s := sourceByID(t, srcs[0], arts[0][0].Source.SourceID)
				if s.Kind != govt || slices.Contains(s.Aliases, "البيان") || s.Affiliation != "Iraqi government" {
					t.Errorf("issuer = %+v", s)
				}
			},
		},
		{
			name: "descriptions are not one source across articles",
			articles: []article{
				{[]claimtrail.Claim{claim(m("الوزارة", govt)), claim(m("Abdullah", person))}},
				{[]claimtrail.Claim{claim(m("الوزارة", govt)), claim(m("Abdullah", person))}},
			},
			differ: [][2]ref{{{0, 0, -1}, {1, 0, -1}}, {{0, 1, -1}, {1, 1, -1}}},
		},
		{
			name: "a body every country has is one source only when the name says whose",
			articles: []article{
				{[]claimtrail.Claim{claim(m("وزارة الصحة", govt)), claim(m("وزارة الصحة السودانية", govt)), claim(m("اللجنة العسكرية العليا", org))}},
				{[]claimtrail.Claim{claim(m("وزارة الصحة", govt)), claim(m("وزارة الصحة السودانية", govt)), claim(m("اللجنة العسكرية العليا", org))}},
			},
			same:   [][2]ref{{{0, 1, -1}, {1, 1, -1}}},
			differ: [][2]ref{{{0, 0, -1}, {1, 0, -1}}, {{0, 2, -1}, {1, 2, -1}}, {{0, 0, -1}, {0, 1, -1}}},
		},
		{
			name: "a shared surname does not join two people across articles",
			articles: []article{
				{[]claimtrail.Claim{claim(m("Rep. Stephen Lynch (D-Mass.)", person, named("Stephen Lynch (D-Mass.)"))), claim(m("Lynch", person))}},
				{[]claimtrail.Claim{
					claim(m("Loretta E. Lynch", person)),
					claim(m("Lynch", person, resolved("Lynch", "Loretta E. Lynch"))),
					claim(m("", person, named("Loretta E. Lynch"), aliases("Lynch"), func(x *claimtrail.Mention) { x.Mention = "" })),
				}},
			},
			same:   [][2]ref{{{0, 0, -1}, {0, 1, -1}}, {{1, 0, -1}, {1, 1, -1}}, {{1, 0, -1}, {1, 2, -1}}},
			differ: [][2]ref{{{0, 0, -1}, {1, 0, -1}}, {{0, 1, -1}, {1, 1, -1}}},
			check: func(t *testing.T, srcs [][]claimtrail.Source, arts [][]claimtrail.Claim) {
				s := sourceByID(t, srcs[0], arts[0][0].Source.SourceID)
				if s.Name != "Stephen Lynch" || !slices.Contains(s.Roles, "Rep.") {
					t.Errorf("source = %+v, want Stephen Lynch with the role Rep.", s)
				}
			},
		},
		{
			name: "a middle name left out, across articles",
			articles: []article{
				{[]claimtrail.Claim{claim(m("رشاد محمد العليمي", person))}},
				{[]claimtrail.Claim{claim(m("رشاد العليمي", person))}},
				{[]claimtrail.Claim{claim(m("council president Rashad Al-Alimi", org))}},
				{[]claimtrail.Claim{claim(m("محمد العليمي", person))}},
			},
			same:   [][2]ref{{{0, 0, -1}, {1, 0, -1}}, {{0, 0, -1}, {2, 0, -1}}},
			differ: [][2]ref{{{0, 0, -1}, {3, 0, -1}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRegistry(t)
			var srcs [][]claimtrail.Source
			var arts [][]claimtrail.Claim
			for i, a := range tt.articles {
				art := &claimtrail.Article{ID: "a" + string(rune('0'+i))}
				srcs = append(srcs, r.Link(art, a.claims))
				arts = append(arts, a.claims)
			}
			get := func(x ref) string {
				c := arts[x.article][x.claim]
				if x.via < 0 {
					return c.Source.SourceID
				}
				return c.Via[x.via].SourceID
			}
			for _, p := range tt.same {
				if a, b := get(p[0]), get(p[1]); a != b || a == "" {
					t.Errorf("%v and %v: %s and %s, want one source", p[0], p[1], a, b)
				}
			}
			for _, p := range tt.differ {
				if a, b := get(p[0]), get(p[1]); a == b {
					t.Errorf("%v and %v: both %s, want two sources", p[0], p[1], a)
				}
			}
			if tt.check != nil {
				tt.check(t, srcs, arts)
			}
		})
	}
}

// ref points at a mention: an article, a claim, and -1 for its source or
// the index of a reporter.
type ref struct{ article, claim, via int }

func TestUses(t *testing.T) {
	a, cs := seed(t)
	uses := sources.Uses(cs, newRegistry(t).Link(a, cs))
	var nyt *sources.Usage
	for i := range uses {
		if uses[i].Source.Name == "The New York Times" {
			nyt = &uses[i]
		}
	}
	if nyt == nil || nyt.Claims != 0 || nyt.Relayed != 3 || len(nyt.Mentions) != 3 {
		t.Fatalf("New York Times usage = %+v", nyt)
	}
	total := 0
	for _, u := range uses {
		total += u.Claims
	}
	if total != len(cs) {
		t.Errorf("claims counted %d, want %d", total, len(cs))
	}
}

func BenchmarkLinkSeed(b *testing.B) {
	a, cs := seed(b)
	r := newRegistry(b)
	b.ReportAllocs()
	for b.Loop() {
		r.Link(a, cs)
	}
}

func BenchmarkLinkSeedFreshRegistry(b *testing.B) {
	a, cs := seed(b)
	b.ReportAllocs()
	for b.Loop() {
		r, err := sources.New(sources.Options{})
		if err != nil {
			b.Fatal(err)
		}
		r.Link(a, cs)
	}
}

func TestUserRegistry(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sources.yaml")
	const file = `sources:
  - {id: person-yahya-rasool, name: Yahya Rasool, kind: person, affiliation: Iraqi government, roles: [spokesman for the Commander-in-Chief], aliases: [يحيى رسول, اللواء يحيى رسول]}
  - {name: Reuters, kind: agency, affiliation: Thomson Reuters, aliases: [رويترز, Reuters]}
`
	if err := os.WriteFile(p, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := sources.New(sources.Options{Registry: p})
	if err != nil {
		t.Fatal(err)
	}
	a, cs := seed(t)
	srcs := r.Link(a, cs)
	if id := idOf(t, cs, "يحيى رسول"); id != "person-yahya-rasool" {
		t.Errorf("يحيى رسول → %s, want the user's entry", id)
	}
	s := sourceByID(t, srcs, "person-yahya-rasool")
	if s.Name != "Yahya Rasool" || !slices.Contains(s.Roles, "الناطق الإعلامي للقائد العام للقوات المسلحة العراقية") {
		t.Errorf("user entry after linking = %+v", s)
	}
	reuters, ok := r.Lookup("رويترز")
	if !ok || reuters.Affiliation != "Thomson Reuters" || reuters.ID != sources.ID("Reuters") {
		t.Errorf("Reuters = %+v, want the user's override", reuters)
	}
	n := 0
	for _, s := range r.Sources() {
		if s.Name == "Reuters" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d Reuters entries, want the override only", n)
	}
}

// TestBuiltinCoversGazetteer holds the registry to the extractor's
// gazetteer: every name the extractor recognises as an outlet is a
// registry entry, and every alias leads to that entry.
func TestBuiltinCoversGazetteer(t *testing.T) {
	data, err := os.ReadFile("../claims/lexicon/outlets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var lf struct {
		Outlets []struct {
			Name    string   `yaml:"name"`
			Kind    string   `yaml:"kind"`
			Aliases []string `yaml:"aliases"`
		} `yaml:"outlets"`
	}
	if err := yamlUnmarshal(data, &lf); err != nil {
		t.Fatal(err)
	}
	if len(lf.Outlets) < 40 {
		t.Fatalf("read %d gazetteer entries", len(lf.Outlets))
	}
	r := newRegistry(t)
	for _, o := range lf.Outlets {
		want, ok := r.Lookup(o.Name)
		if !ok {
			t.Errorf("gazetteer entry %q is not in the registry", o.Name)
			continue
		}
		if string(want.Kind) != o.Kind {
			t.Errorf("%s: kind %s, gazetteer says %s", o.Name, want.Kind, o.Kind)
		}
		for _, al := range o.Aliases {
			if got, ok := r.Lookup(al); !ok || got.ID != want.ID {
				t.Errorf("alias %q of %s → %q", al, o.Name, got.Name)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	r := newRegistry(t)
	for _, tt := range []struct{ name, want string }{
		{"البنتاغون", "The Pentagon"},
		{"Pentagon", "The Pentagon"},
		{"لرويترز", "Reuters"},
		{"وكالة الصحافة الفرنسية", "Agence France-Presse"},
		{"وكالة أنباء الشرق الأوسط", "MENA"},
		{"الشرق الأوسط", "Asharq Al-Awsat"},
		{`قناة "سي إن إن" الأمريكية`, "CNN"},
		{"صحيفة واشنطن بوست الأمريكية", "The Washington Post"},
		{"the Washington Post", "The Washington Post"},
		{"Anadolu news agency", "Anadolu Agency"},
		{"شبكة روداو", "Rudaw"},
		{"Kurdistan 24", "Kurdistan24"},
		{"وكالة الأنباء العراقية (واع)", "Iraqi News Agency"},
	} {
		if s, ok := r.Lookup(tt.name); !ok || s.Name != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.name, s.Name, ok, tt.want)
		}
	}
}

func TestLookupDoesNotOverreach(t *testing.T) {
	r := newRegistry(t)
	for _, name := range []string{"Washington", "واشنطن", "الصحيفة", "وكالة", "The Independent Election Commission", "Apple", "New York", "Sky"} {
		if s, ok := r.Lookup(name); ok {
			t.Errorf("Lookup(%q) = %s, want nothing", name, s.Name)
		}
	}
}

// TestLinkConcurrent links articles from several goroutines with one
// registry; run with -race.
func TestLinkConcurrent(t *testing.T) {
	r := newRegistry(t)
	a, _ := seed(t)
	done := make(chan []claimtrail.Source)
	for range 4 {
		_, cs := seed(t)
		go func() { done <- r.Link(a, cs) }()
	}
	first := <-done
	for range 3 {
		if got := <-done; !reflect.DeepEqual(got, first) {
			t.Errorf("concurrent links differ")
		}
	}
}

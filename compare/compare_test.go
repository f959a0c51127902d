package compare_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/compare"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/internal/golden"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/text"
)

const dir = "../testdata/compare"

// load reads, segments, extracts and links the articles of paths, as the
// command does.
func load(tb testing.TB, paths ...string) []compare.Doc {
	tb.Helper()
	x, err := claims.New(claims.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	reg, err := sources.New(sources.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	var docs []compare.Doc
	for a, err := range ingest.NewReader(ingest.Options{}).Read(context.Background(), paths...) {
		if err != nil {
			tb.Fatal(err)
		}
		text.Segment(&a)
		cs := x.Extract(&a)
		reg.Link(&a, cs)
		docs = append(docs, compare.Doc{Article: &a, Claims: cs})
	}
	return docs
}

func newComparer(tb testing.TB, glossary string) *compare.Comparer {
	tb.Helper()
	opts := compare.Options{Match: sources.Match}
	if glossary != "" {
		data, err := os.ReadFile(glossary)
		if err != nil {
			tb.Fatal(err)
		}
		if opts.Glossary, err = compare.ParseGlossary(data); err != nil {
			tb.Fatal(err)
		}
	}
	return compare.New(opts)
}

// strip leaves the articles' texts out of the golden files, which hold
// what compare decided, not the inputs again.
func strip(ss []compare.Story) []compare.Story {
	for i := range ss {
		for j := range ss[i].Derived {
			for k := range ss[i].Derived[j].Changes {
				ch := &ss[i].Derived[j].Changes[k]
				ch.ContentDiff = nil
			}
		}
	}
	return ss
}

func TestCompareGolden(t *testing.T) {
	seed := "../testdata/seed/aljazeera-coalition-redeploy.ar.txt"
	for _, tc := range []struct {
		name     string
		paths    []string
		glossary string
	}{
		{"qamar-dam", []string{filepath.Join(dir, "qamar-dam")}, ""},
		{"qamar-dam-glossary", []string{filepath.Join(dir, "qamar-dam")}, filepath.Join(dir, "qamar-dam.glossary.yaml")},
		{"two-stories", []string{filepath.Join(dir, "qamar-dam"), filepath.Join(dir, "ferry-strike")}, ""},
		{"seed-coalition", []string{seed, filepath.Join(dir, "coalition-redeploy.en.json")}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := newComparer(t, tc.glossary).Compare(load(t, tc.paths...))
			golden.AssertJSON(t, filepath.Join(dir, tc.name+".golden.json"), strip(got))
		})
	}
}

// cellFor returns the cell of article id in the cluster holding claim
// content like want, or nil.
func clusterWith(ss []compare.Story, content string) *compare.Cluster {
	for i := range ss {
		for j := range ss[i].Clusters {
			for _, x := range ss[i].Clusters[j].Cells {
				if strings.Contains(x.Content, content) {
					return &ss[i].Clusters[j]
				}
			}
		}
	}
	return nil
}

func hasKind(c *compare.Cluster, kind string) bool {
	for _, d := range c.Disagreements {
		if d.Kind == kind {
			return true
		}
	}
	return false
}

// The acceptance case: the seed's agreement claim and the English report
// of the same event align across languages, and the different sources
// are shown.
func TestSeedAgreementAcrossLanguages(t *testing.T) {
	ss := newComparer(t, "").Compare(load(t, "../testdata/seed/aljazeera-coalition-redeploy.ar.txt", filepath.Join(dir, "coalition-redeploy.en.json")))
	if len(ss) != 1 {
		t.Fatalf("%d stories, want the two articles in one", len(ss))
	}
	c := clusterWith(ss, "اتفاق الجانبين على خطة")
	if c == nil || !c.CrossLanguage {
		t.Fatalf("the agreement claim is not aligned across languages: %+v", c)
	}
	var en, ar bool
	for _, x := range c.Cells {
		en = en || (x.Lang == "en" && strings.Contains(x.Content, "agreed on a plan to redeploy"))
		ar = ar || (x.Lang == "ar" && strings.Contains(x.Source, "قيادة العمليات المشتركة"))
	}
	if !en || !ar {
		t.Errorf("cells %+v", c.Cells)
	}
	if !hasKind(c, compare.SourceDiffers) {
		t.Errorf("no source_differs in %+v", c.Disagreements)
	}
}

func TestDisagreements(t *testing.T) {
	ss := newComparer(t, "").Compare(load(t, filepath.Join(dir, "qamar-dam")))
	if len(ss) != 1 || len(ss[0].Articles) != 6 {
		t.Fatalf("stories %d", len(ss))
	}
	for _, tc := range []struct {
		content string
		kinds   []string
	}{
		{"evacuated 3,400 families", []string{compare.SourceDiffers, compare.NumbersDiffer}},
		{"210 million cubic metres", []string{compare.AttributionDropped, compare.NumbersDiffer}},
		{"40 metres long", []string{compare.StanceDiffers, compare.ChainShortened}},
		{"cracks in the dam's eastern wall were spreading", []string{compare.ChainShortened}},
	} {
		c := clusterWith(ss, tc.content)
		if c == nil {
			t.Errorf("%q: no cluster", tc.content)
			continue
		}
		for _, k := range tc.kinds {
			if !hasKind(c, k) {
				t.Errorf("%q: no %s in %+v", tc.content, k, c.Disagreements)
			}
		}
	}
	if len(ss[0].Derived) != 1 || ss[0].Derived[0].Article != "herald-dam" || ss[0].Derived[0].From != "sahelwire-dam" {
		t.Errorf("derived %+v", ss[0].Derived)
	}
}

func TestStoriesGivenAndDetected(t *testing.T) {
	docs := load(t, filepath.Join(dir, "qamar-dam"), filepath.Join(dir, "ferry-strike"))
	ss := newComparer(t, "").Compare(docs)
	if len(ss) != 2 || !ss[0].Detected || len(ss[0].Articles)+len(ss[1].Articles) != 8 {
		t.Fatalf("detected %d stories", len(ss))
	}
	for _, d := range docs {
		d.Article.Story = "s-" + d.Article.Outlet
	}
	ss = newComparer(t, "").Compare(docs)
	if len(ss) != 6 || ss[0].Detected || ss[0].Confidence != 1 {
		t.Errorf("given stories: %d, detected %v", len(ss), ss[0].Detected)
	}
}

func TestEmpty(t *testing.T) {
	c := newComparer(t, "")
	if ss := c.Compare(nil); len(ss) != 0 {
		t.Errorf("stories from nothing: %d", len(ss))
	}
	s := c.CompareStory("k", []compare.Doc{{Article: &claimtrail.Article{ID: "a", Text: "Nothing here."}}})
	if s.Stats.Articles != 1 || s.Clusters == nil || s.Derived == nil {
		t.Errorf("%+v", s)
	}
}

func TestParseGlossary(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		ok       bool
	}{
		{"terms", "terms:\n  - [coalition, التحالف]\n", true},
		{"empty", "", true},
		{"one form", "terms:\n  - [coalition]\n", false},
		{"empty form", "terms:\n  - [coalition, \"  \"]\n", false},
		{"not a list", "terms: 3\n", false},
		{"not yaml", "terms: [[", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compare.ParseGlossary([]byte(tc.in))
			if (err == nil) != tc.ok {
				t.Errorf("err = %v", err)
			}
			if err != nil && !strings.Contains(err.Error(), "glossary") {
				t.Errorf("error without context: %v", err)
			}
		})
	}
}

// The order of the inputs does not change the result: articles are
// ordered by date, outlet and id, clusters by their first cell.
func TestOrderIndependent(t *testing.T) {
	docs := load(t, filepath.Join(dir, "qamar-dam"))
	a := newComparer(t, "").CompareStory("s", docs)
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	c := newComparer(t, "").CompareStory("s", rev)
	ja, _ := json.Marshal(a)
	jc, _ := json.Marshal(c)
	if string(ja) != string(jc) {
		t.Errorf("reversed input gives another result")
	}
}

// TestTranslationAtOneURL: a site's English edition served at the URL of
// its Arabic report is a translation of it, and its claims align with the
// original's one for one, though the two share few words an anchor
// could catch; the same texts at two addresses are two outlets' reports.
func TestTranslationAtOneURL(t *testing.T) {
	docs := load(t, filepath.Join(dir, "edition"))
	ss := newComparer(t, "").Compare(docs)
	if len(ss) != 1 || len(ss[0].Derived) != 1 {
		t.Fatalf("stories %d, derived %+v", len(ss), ss[0].Derived)
	}
	d := ss[0].Derived[0]
	if d.Kind != compare.Translation || d.Article != "marsad-wheat-en" || d.From != "marsad-wheat-ar" || d.Aligned != 5 {
		t.Errorf("derivation %+v, want marsad-wheat-en translating marsad-wheat-ar with 5 clusters aligned", d)
	}
	for _, cl := range ss[0].Clusters {
		if len(cl.Cells) != 2 || len(cl.Disagreements) != 0 {
			t.Errorf("cluster %s: %d cells, disagreements %+v; want the claim and its translation, agreeing", cl.ID, len(cl.Cells), cl.Disagreements)
		}
	}
	docs[1].Article.URL = "https://other.example/wheat"
	if ss := newComparer(t, "").Compare(docs); len(ss[0].Derived) != 0 {
		t.Errorf("two addresses: derived %+v, want none", ss[0].Derived)
	}
}

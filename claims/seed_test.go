package claims_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/golden"
	"github.com/claimtrail/claimtrail/text"
)

const seedDir = "../testdata/seed"

type goldClaim struct {
	N             int      `json:"n"`
	Source        string   `json:"source"`
	ResolvesTo    string   `json:"resolves_to"`
	Role          string   `json:"role"`
	Kind          string   `json:"source_kind"`
	Anonymous     bool     `json:"anonymous"`
	Via           []string `json:"via"`
	ViaResolvesTo []string `json:"via_resolves_to"`
	Cue           string   `json:"cue"`
	Stance        string   `json:"stance"`
	Type          string   `json:"type"`
	Content       string   `json:"content"`
	Optional      bool     `json:"optional"`
}

type goldFile struct {
	ID            string      `json:"id"`
	File          string      `json:"file"`
	ArticleSource []string    `json:"article_source"`
	Claims        []goldClaim `json:"claims"`
	Credits       []string    `json:"credits"`
}

func readSeed(t testing.TB) (goldFile, *claimtrail.Article) {
	t.Helper()
	var g goldFile
	data, err := os.ReadFile(filepath.Join(seedDir, "aljazeera-coalition-redeploy.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(filepath.Join(seedDir, g.File))
	if err != nil {
		t.Fatal(err)
	}
	a := &claimtrail.Article{ID: g.ID, Text: string(body), Hash: claimtrail.ContentHash(string(body))}
	text.Segment(a)
	return g, a
}

// TestSeedGold holds the extractor to every field of the seed's hand
// annotation: the mission's example must come out right, exactly.
func TestSeedGold(t *testing.T) {
	g, a := readSeed(t)
	got := newExtractor(t).Extract(a)
	if len(got) != len(g.Claims) {
		t.Fatalf("got %d claims, want %d (10 + 2 nested):\n%s", len(got), len(g.Claims), dump(got))
	}
	runes := []rune(a.Text)
	for i, w := range g.Claims {
		c := got[i]
		name := func(field string) string { return "claim " + w.Cue + " #" + string(rune('0'+w.N%10)) + ": " + field }
		if c.Content.Text != w.Content {
			t.Errorf("%s = %q, want %q", name("content"), c.Content.Text, w.Content)
		}
		if s := c.Content.Span; string(runes[s.Start:s.End]) != c.Content.Text {
			t.Errorf("%s span %v does not hold the content", name("content"), s)
		}
		if c.Cue.Text != w.Cue {
			t.Errorf("%s = %q, want %q", name("cue"), c.Cue.Text, w.Cue)
		}
		if string(c.Type) != w.Type {
			t.Errorf("%s = %s, want %s", name("type"), c.Type, w.Type)
		}
		if string(c.Cue.Stance) != w.Stance {
			t.Errorf("%s = %s, want %s", name("stance"), c.Cue.Stance, w.Stance)
		}
		if c.Source.Anonymous != w.Anonymous {
			t.Errorf("%s = %v, want %v", name("anonymous"), c.Source.Anonymous, w.Anonymous)
		}
		if w.Role != "" && c.Source.Role != w.Role {
			t.Errorf("%s = %q, want %q", name("role"), c.Source.Role, w.Role)
		}
		// the source as written, or its antecedent for an implicit subject
		if c.Source.Mention != "" && c.Source.Mention != w.Source {
			t.Errorf("%s = %q, want %q", name("source"), c.Source.Mention, w.Source)
		}
		if c.Source.Mention == "" && !mentionNames(c.Source, w.Source) {
			t.Errorf("%s (implicit) = %q %v, want %q", name("source"), c.Source.Name, c.Source.Aliases, w.Source)
		}
		if w.ResolvesTo != "" && c.Source.Name != w.ResolvesTo {
			t.Errorf("%s = %q, want %q", name("resolved name"), c.Source.Name, w.ResolvesTo)
		}
		if (c.NestedIn != "") != w.Optional {
			t.Errorf("%s = %q, want nested %v", name("nested_in"), c.NestedIn, w.Optional)
		}
		if len(c.Via) != len(w.Via) {
			t.Errorf("%s has %d reporters, want %d", name("via"), len(c.Via), len(w.Via))
			continue
		}
		for k, v := range w.Via {
			ok := mentionNames(c.Via[k], v)
			if len(w.ViaResolvesTo) > k {
				ok = ok && mentionNames(c.Via[k], w.ViaResolvesTo[k])
			}
			if !ok {
				t.Errorf("%s[%d] = %q (%q, %v), want %q", name("via"), k, c.Via[k].Mention, c.Via[k].Name, c.Via[k].Aliases, v)
			}
		}
	}
	// article-level lines are recorded, never claims
	if strings.Join(a.SourceLine, "+") != strings.Join(g.ArticleSource, "+") {
		t.Errorf("source line = %v, want %v", a.SourceLine, g.ArticleSource)
	}
	var credits []string
	for _, c := range a.Credits {
		credits = append(credits, c.Text)
	}
	if strings.Join(credits, "+") != strings.Join(g.Credits, "+") {
		t.Errorf("credits = %v, want %v", credits, g.Credits)
	}
}

// TestSeedGolden pins the whole JSON output on the seed, so that any change
// to it is seen and accepted with -update.
func TestSeedGolden(t *testing.T) {
	_, a := readSeed(t)
	got := newExtractor(t).Extract(a)
	golden.AssertJSON(t, "../testdata/extract/aljazeera-coalition-redeploy.golden.json", got)
}

// TestDeterministic: the same text gives the same ids and order.
func TestDeterministic(t *testing.T) {
	_, a := readSeed(t)
	x := newExtractor(t)
	first, second := x.Extract(a), x.Extract(a)
	for i := range first {
		if first[i].ID != second[i].ID {
			t.Fatalf("claim %d id changed between runs: %s, %s", i, first[i].ID, second[i].ID)
		}
	}
}

func BenchmarkExtractSeed(b *testing.B) {
	_, a := readSeed(b)
	x := newExtractor(b)
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	for b.Loop() {
		x.Extract(a)
	}
}

// BenchmarkSegmentExtractSeed is the whole per-article path after reading.
func BenchmarkSegmentExtractSeed(b *testing.B) {
	_, a := readSeed(b)
	x := newExtractor(b)
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	for b.Loop() {
		c := claimtrail.Article{ID: a.ID, Text: a.Text}
		text.Segment(&c)
		x.Extract(&c)
	}
}

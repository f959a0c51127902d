package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/internal/golden"
)

const compareD = "../../testdata/compare"

func TestCompareFormats(t *testing.T) {
	seed := "../../testdata/seed/aljazeera-coalition-redeploy.ar.txt"
	dam := filepath.Join(compareD, "qamar-dam")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"seed-coalition.table", []string{seed, filepath.Join(compareD, "coalition-redeploy.en.json")}},
		{"qamar-dam.table", []string{dam}},
		{"qamar-dam.md", []string{"-f", "md", dam}},
		{"qamar-dam.html", []string{"-f", "html", "--glossary", filepath.Join(compareD, "qamar-dam.glossary.yaml"), dam}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := cli{}.run(t, append([]string{"compare"}, tc.args...)...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			ext := ".txt"
			if strings.HasSuffix(tc.name, ".html") {
				ext = ""
			}
			golden.Assert(t, filepath.Join(compareD, tc.name+".golden"+ext), []byte(r.stdout))
		})
	}
}

func TestCompareHTMLIsRightToLeft(t *testing.T) {
	r := cli{}.run(t, "compare", "-f", "html", filepath.Join(compareD, "qamar-dam"))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"<!doctype html>", "<style>", `dir="rtl"`, `dir="ltr"`, "unattributed"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, "<script") || strings.Contains(r.stdout, "<link") {
		t.Errorf("html is not one self-contained file")
	}
}

func TestCompareJSON(t *testing.T) {
	r := cli{}.run(t, "compare", "-f", "json", filepath.Join(compareD, "qamar-dam"), filepath.Join(compareD, "ferry-strike"))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Stories []struct {
			Key        string           `json:"key"`
			Detected   bool             `json:"detected"`
			Confidence float64          `json:"confidence"`
			Articles   []map[string]any `json:"articles"`
			Derived    []map[string]any `json:"derived"`
			Clusters   []struct {
				Cells         []map[string]any `json:"cells"`
				Alignments    []map[string]any `json:"alignments"`
				Disagreements []map[string]any `json:"disagreements"`
			} `json:"clusters"`
			Stats map[string]int `json:"stats"`
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Stories) != 2 || !out.Stories[0].Detected || out.Stories[0].Confidence <= 0 {
		t.Fatalf("stories: %.300s", r.stdout)
	}
	s := out.Stories[0]
	if len(s.Derived) != 1 || s.Stats["aligned_cross_language"] == 0 || s.Stats["aligned_same_language"] == 0 {
		t.Errorf("derived %v, stats %v", s.Derived, s.Stats)
	}
	for _, c := range s.Clusters {
		for _, x := range c.Cells {
			for _, k := range []string{"article", "outlet", "lang", "status", "content", "span"} {
				if _, ok := x[k]; !ok {
					t.Errorf("cell without %q: %v", k, x)
				}
			}
		}
		for _, a := range c.Alignments {
			if a["evidence"] == nil || a["score"] == nil {
				t.Errorf("alignment without score or evidence: %v", a)
			}
		}
	}
}

func TestCompareStoredStory(t *testing.T) {
	c := cli{dir: t.TempDir()}
	db := filepath.Join(c.dir, "c.db")
	if r := c.run(t, "ingest", "--db", db, "--story", "qamar", filepath.Join(compareD, "qamar-dam")); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	r := c.run(t, "compare", "--db", db, "--story", "qamar")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"== story qamar  (given)", "6 articles", "[3] republishes [1]", "source_differs", "numbers_differ", "unattributed"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := c.run(t, "compare", "--db", db, "--story", "nothing"); r.code != 1 || !strings.Contains(r.stderr, "not found") {
		t.Errorf("unknown story: exit %d: %s", r.code, r.stderr)
	}
}

func TestCompareUsage(t *testing.T) {
	for _, args := range [][]string{
		{"compare"},
		{"compare", "--story", "x", "a.txt"},
		{"compare", "-f", "csv", filepath.Join(compareD, "qamar-dam")},
	} {
		if r := (cli{}).run(t, args...); r.code != 2 {
			t.Errorf("%v: exit %d: %s", args, r.code, r.stderr)
		}
	}
	r := cli{}.run(t, "compare", "--glossary", filepath.Join(compareD, "nope.yaml"), filepath.Join(compareD, "qamar-dam"))
	if r.code != 1 || !strings.Contains(r.stderr, "glossary") {
		t.Errorf("missing glossary: exit %d: %s", r.code, r.stderr)
	}
}

package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/internal/golden"
)

const diffD = "../../testdata/diff"

func diffPair(name string) (string, string) {
	return filepath.Join(diffD, name+".old.txt"), filepath.Join(diffD, name+".new.txt")
}

func TestDiffJSON(t *testing.T) {
	o, n := diffPair("en-several")
	r := cli{}.run(t, "diff", "-f", "json", o, n)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Old  struct{ Article map[string]any } `json:"old"`
		New  struct{ Article map[string]any } `json:"new"`
		Text struct {
			WordsAdded   *int             `json:"words_added"`
			WordsRemoved *int             `json:"words_removed"`
			Sentences    []map[string]any `json:"sentences"`
		} `json:"text"`
		Claims []map[string]any `json:"claims"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Old.Article["text"] == nil || out.New.Article["path"] != n || out.Text.WordsAdded == nil || len(out.Text.Sentences) == 0 {
		t.Errorf("shape: %.400s", r.stdout)
	}
	if _, ok := out.Old.Article["paragraphs"]; ok {
		t.Errorf("the articles repeat the segmentation")
	}
	var kinds []string
	for _, c := range out.Claims {
		for _, k := range []string{"change", "kinds", "old", "new"} {
			if _, ok := c[k]; !ok {
				t.Errorf("claim without %q: %v", k, c)
			}
		}
		if c["change"] == "changed" {
			for _, k := range c["kinds"].([]any) {
				kinds = append(kinds, k.(string))
			}
		}
	}
	got := strings.Join(kinds, ",")
	for _, want := range []string{"number_changed", "stance_changed", "anonymized"} {
		if !strings.Contains(got, want) {
			t.Errorf("kinds %s lack %s", got, want)
		}
	}
}

func TestDiffTable(t *testing.T) {
	o, n := diffPair("ar-number")
	r := cli{}.run(t, "diff", o, n)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"CLAIMS", "number_changed", "[-12-] {+15+}", "TEXT"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Index(r.stdout, "CLAIMS") > strings.Index(r.stdout, "TEXT") {
		t.Errorf("claims must come before the text diff")
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("colours when not writing to a terminal")
	}
}

// TestDiffCosmeticHidden: cosmetic changes show only with --all.
func TestDiffCosmeticHidden(t *testing.T) {
	o, n := diffPair("ar-cosmetic")
	r := cli{}.run(t, "diff", o, n)
	if r.code != 0 || strings.Contains(r.stdout, "cosmetic ") || !strings.Contains(r.stdout, "(no claim changed)") {
		t.Errorf("default: exit %d\n%s", r.code, r.stdout)
	}
	r = cli{}.run(t, "diff", "--all", o, n)
	if r.code != 0 || !strings.Contains(r.stdout, "cosmetic") {
		t.Errorf("--all: exit %d\n%s", r.code, r.stdout)
	}
}

func TestDiffFormats(t *testing.T) {
	o, n := diffPair("en-quote")
	for _, tt := range []struct{ format, want string }{
		{"md", "| # | change | kinds | source | cue | content |"},
		{"html", "<del>is ready</del> <ins>hopes</ins>"},
	} {
		r := cli{}.run(t, "diff", "-f", tt.format, o, n)
		if r.code != 0 || !strings.Contains(r.stdout, tt.want) {
			t.Errorf("%s: exit %d, output lacks %q:\n%s", tt.format, r.code, tt.want, r.stdout)
		}
	}
	for _, f := range []string{"csv", "jsonl"} {
		if r := (cli{}).run(t, "diff", "-f", f, o, n); r.code != 2 {
			t.Errorf("%s: exit %d, want 2", f, r.code)
		}
	}
}

func TestDiffUsage(t *testing.T) {
	o, n := diffPair("en-quote")
	for _, args := range [][]string{
		{"diff"},
		{"diff", o, n, o},
		{"diff", "--from", "1", o, n},
		{"diff", "-", "-"},
	} {
		if r := (cli{}).run(t, args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2: %s", args, r.code, r.stderr)
		}
	}
	if r := (cli{}).run(t, "diff", o, filepath.Join(diffD, "missing.txt")); r.code != 1 || !strings.Contains(r.stderr, "missing.txt") {
		t.Errorf("missing file: %+v", r)
	}
}

// TestDiffStored compares two stored versions of an article.
func TestDiffStored(t *testing.T) {
	db := ingested(t)
	const url = "https://coastalherald.example/2025/03/02/marsa-lina-port-reopens"
	r := cli{}.run(t, "diff", "--db", db, "-f", "json", url)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Claims []struct {
			Change string   `json:"change"`
			Kinds  []string `json:"kinds"`
		} `json:"claims"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	changed := 0
	for _, c := range out.Claims {
		if c.Change != "unchanged" {
			changed++
		}
	}
	if changed == 0 {
		t.Errorf("the second version changes claims; got none: %s", r.stdout)
	}
	if r2 := (cli{}).run(t, "diff", "--db", db, "-f", "json", "--from", "1", "--to", "2", url); r2.stdout != r.stdout {
		t.Errorf("--from 1 --to 2 differs from the default")
	}
	if r := (cli{}).run(t, "diff", "--db", db, "--from", "7", url); r.code != 2 {
		t.Errorf("unknown version: exit %d", r.code)
	}
	if r := (cli{}).run(t, "diff", "--db", db, "--from", "2", "--to", "2", url); r.code != 2 {
		t.Errorf("same version: exit %d", r.code)
	}
}

// TestDiffColor: with colours on (a terminal without NO_COLOR), deletions
// are red and insertions green.
func TestDiffColor(t *testing.T) {
	o, n := diffPair("en-number")
	var b strings.Builder
	err := runDiff(t.Context(), diffOptions{Old: o, New: n, Format: "table", Color: true}, &b)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[31m[-3,000-]\x1b[0m") || !strings.Contains(b.String(), "\x1b[32m{+2,500+}\x1b[0m") {
		t.Errorf("no colours:\n%s", b.String())
	}
}

// TestDiffGoldenOutput pins the table and Markdown renderings of one pair
// in each language.
func TestDiffGoldenOutput(t *testing.T) {
	for _, name := range []string{"en-several", "ar-attribution-dropped"} {
		o, n := diffPair(name)
		for _, f := range []string{"table", "md"} {
			r := cli{}.run(t, "diff", "-f", f, o, n)
			if r.code != 0 {
				t.Fatalf("%s %s: exit %d: %s", name, f, r.code, r.stderr)
			}
			golden.Assert(t, filepath.Join(diffD, name+"."+f+".golden.txt"), []byte(r.stdout))
		}
	}
}

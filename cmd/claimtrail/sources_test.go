package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

func TestSourcesSeedJSON(t *testing.T) {
	r := cli{}.run(t, "sources", "--format", "json", seed)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out articleSources
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatal(err)
	}
	if out.Article.Path != seed || out.Article.Claims != 12 || len(out.Sources) == 0 {
		t.Fatalf("article = %+v, %d sources", out.Article, len(out.Sources))
	}
	by := map[string]sources.Usage{}
	claims := 0
	for _, u := range out.Sources {
		by[u.Source.Name] = u
		claims += u.Claims
	}
	if claims != out.Article.Claims {
		t.Errorf("claim counts add up to %d, want %d", claims, out.Article.Claims)
	}
	nyt := by["The New York Times"]
	if nyt.Relayed != 3 || nyt.Source.Kind != "outlet" || strings.Join(nyt.Mentions, "|") != `صحيفة "نيويورك تايمز"|للصحيفة|الصحيفة` {
		t.Errorf("New York Times = %+v", nyt)
	}
	joc := by["قيادة العمليات المشتركة بالعراق"]
	if joc.Claims != 5 || !contains(joc.Mentions, "البيان") {
		t.Errorf("Joint Operations Command = %+v", joc)
	}
	us := by["مسؤولين أميركيين"]
	if !us.Source.Anonymous || us.Claims != 2 || !contains(us.Mentions, "المسؤولون") {
		t.Errorf("US officials = %+v", us)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSourcesFormats(t *testing.T) {
	r := cli{}.run(t, "sources", seed)
	for _, want := range []string{"== " + seed, "12 claims", "outlet", "3 relayed  The New York Times",
		"mentions     صحيفة \"نيويورك تايمز\" · للصحيفة · الصحيفة", "official, unnamed", "role         الناطق الإعلامي"} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q (exit %d):\n%s", want, r.code, r.stdout)
		}
	}

	r = cli{}.run(t, "sources", "-f", "csv", seed, seed)
	if r.code != 0 {
		t.Fatalf("csv: exit %d: %s", r.code, r.stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(sourcesCSVHeader, ",") {
		t.Errorf("header = %v", rows[0])
	}
	n := (len(rows) - 1) / 2
	if n == 0 || len(rows) != 1+2*n {
		t.Fatalf("%d rows for the seed twice", len(rows))
	}
	// The second reading of the same article links to the same sources.
	for i := 1; i <= n; i++ {
		if rows[i][2] != rows[i+n][2] {
			t.Errorf("row %d: %s, then %s", i, rows[i][2], rows[i+n][2])
		}
	}

	for _, f := range []string{"jsonl", "md"} {
		if r := (cli{}).run(t, "sources", "-f", f, seed); r.code != 2 || !strings.Contains(r.stderr, `sources does not write format "`+f+`"; use table, json, csv`) {
			t.Errorf("%s: exit %d, %q", f, r.code, r.stderr)
		}
	}
	if r := (cli{}).run(t, "sources"); r.code != 2 || !strings.Contains(r.stderr, "sources needs at least one FILE") {
		t.Errorf("no inputs: exit %d, %q", r.code, r.stderr)
	}
}

func TestSourcesUserRegistry(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "reg", "people.yaml")
	if err := os.MkdirAll(filepath.Dir(reg), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(reg, []byte("sources:\n  - {id: p-rasool, name: Yahya Rasool, kind: person, aliases: [يحيى رسول]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A relative path in the configuration file is relative to the file.
	if err := os.WriteFile(filepath.Join(dir, "claimtrail.yaml"), []byte("registry: reg/people.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := cli{dir: dir}.run(t, "sources", "-f", "csv", seed)
	if r.code != 0 || !strings.Contains(r.stdout, ",p-rasool,Yahya Rasool,person,") {
		t.Errorf("with the registry: exit %d, %s %s", r.code, r.stdout, r.stderr)
	}

	if err := os.WriteFile(reg, []byte("sources:\n  - {name: X, kind: blog}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = cli{dir: dir}.run(t, "sources", seed)
	if r.code != 1 || !strings.Contains(r.stderr, "claimtrail: registry "+reg+`: entry 1 (X): unknown kind "blog"`) || r.stdout != "" {
		t.Errorf("bad registry: exit %d, %q", r.code, r.stderr)
	}
	r = cli{env: map[string]string{"CLAIMTRAIL_REGISTRY": filepath.Join(dir, "none.yaml")}}.run(t, "sources", seed)
	if r.code != 1 || !strings.Contains(r.stderr, "none.yaml: no such file or directory") {
		t.Errorf("missing registry: exit %d, %q", r.code, r.stderr)
	}
}

func TestSourcesBadInputKeepsOthers(t *testing.T) {
	r := cli{}.run(t, "sources", "-f", "json", filepath.Join(ingestD, "bad/empty.txt"), seed)
	if r.code != 1 || !strings.Contains(r.stderr, "empty file") || !strings.Contains(r.stdout, "The New York Times") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

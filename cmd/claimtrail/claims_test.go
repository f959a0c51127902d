package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/golden"
)

// goldenDir holds the expected output of the store commands on the corpus.
const goldenDir = "../../testdata/sqlite"

func storedClaims(t *testing.T, db string, args ...string) []claimtrail.StoredClaim {
	t.Helper()
	r := cli{}.run(t, append([]string{"claims", "--db", db, "-f", "jsonl"}, args...)...)
	if r.code != 0 {
		t.Fatalf("claims %v: exit %d: %s", args, r.code, r.stderr)
	}
	var out []claimtrail.StoredClaim
	for line := range strings.Lines(r.stdout) {
		var c claimtrail.StoredClaim
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		out = append(out, c)
	}
	return out
}

// TestClaimsFilters checks each filter against the same filter applied to
// every claim, so the test holds whatever extraction finds in the corpus.
func TestClaimsFilters(t *testing.T) {
	db := ingested(t)
	latest := storedClaims(t, db)
	every := storedClaims(t, db, "--all-versions")
	if len(latest) == 0 || len(every) <= len(latest) {
		t.Fatalf("%d claims in the latest versions, %d in all", len(latest), len(every))
	}
	date := func(c claimtrail.StoredClaim) string { return c.Article.Published.Format("2006-01-02") }
	var haddad string
	for _, c := range latest {
		if c.Claim.Source.Name == "سمير حداد" {
			haddad = c.Claim.Source.SourceID
		}
	}
	tests := []struct {
		args []string
		all  bool // among every version's claims
		keep func(claimtrail.StoredClaim) bool
	}{
		// the source is found by name, and every claim linked to it counts,
		// in either script (Samir Haddad in the English outlet)
		{[]string{"--source", "سمير حداد"}, false, func(c claimtrail.StoredClaim) bool {
			return c.Claim.Source.SourceID != "" && c.Claim.Source.SourceID == haddad
		}},
		{[]string{"--outlet", "أخبار الساحل"}, false, func(c claimtrail.StoredClaim) bool { return c.Article.Outlet == "أخبار الساحل" }},
		{[]string{"--outlet", "the coastal herald"}, false, func(c claimtrail.StoredClaim) bool { return c.Article.Outlet == "The Coastal Herald" }},
		{[]string{"--story", "cholera-vaccination"}, false, func(c claimtrail.StoredClaim) bool { return c.Article.Story == "cholera-vaccination" }},
		{[]string{"--anonymous"}, false, func(c claimtrail.StoredClaim) bool { return c.Claim.Source.Anonymous }},
		{[]string{"--anonymous=false"}, false, func(c claimtrail.StoredClaim) bool { return !c.Claim.Source.Anonymous }},
		{[]string{"--stance", "assertive"}, false, func(c claimtrail.StoredClaim) bool { return c.Claim.Cue.Stance == claimtrail.Assertive }},
		{[]string{"--type", "direct"}, false, func(c claimtrail.StoredClaim) bool { return c.Claim.Type == claimtrail.Direct }},
		{[]string{"--kind", "person"}, false, func(c claimtrail.StoredClaim) bool { return c.Claim.Source.Kind == claimtrail.KindPerson }},
		{[]string{"--since", "2025-03-05"}, false, func(c claimtrail.StoredClaim) bool { return date(c) >= "2025-03-05" }},
		{[]string{"--until", "2025-03-02"}, false, func(c claimtrail.StoredClaim) bool { return date(c) <= "2025-03-02" }},
		{[]string{"--since", "2025-03-03", "--until", "2025-03-04"}, false, func(c claimtrail.StoredClaim) bool { return false }},
		{[]string{"--article", "herald-port"}, false, func(c claimtrail.StoredClaim) bool { return c.Article.ID == "herald-port" }},
		{[]string{"--article", "herald-port", "--all-versions"}, true, func(c claimtrail.StoredClaim) bool { return c.Article.ID == "herald-port" }},
		{[]string{"--outlet", "أخبار الساحل", "--anonymous"}, false, func(c claimtrail.StoredClaim) bool {
			return c.Article.Outlet == "أخبار الساحل" && c.Claim.Source.Anonymous
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			from := latest
			if tt.all {
				from = every
			}
			var want []string
			for _, c := range from {
				if tt.keep(c) {
					want = append(want, c.Article.VersionID+" "+c.Claim.ID)
				}
			}
			var got []string
			for _, c := range storedClaims(t, db, tt.args...) {
				got = append(got, c.Article.VersionID+" "+c.Claim.ID)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
	if got := storedClaims(t, db, "--limit", "2"); len(got) != 2 {
		t.Errorf("--limit 2: %d claims", len(got))
	}
	if got := storedClaims(t, db, "--source", "سمير حداد"); len(got) == 0 {
		t.Errorf("the minister has no claims in the corpus")
	}
}

func TestClaimsFormats(t *testing.T) {
	db := ingested(t)
	r := cli{}.run(t, "claims", "--db", db, "--source", "سمير حداد")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden.Assert(t, filepath.Join(goldenDir, "claims-source.golden.txt"), []byte(r.stdout))
	r = cli{}.run(t, "claims", "--db", db, "-f", "csv", "--outlet", "The Coastal Herald")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) != 9 || rows[0][0] != "version_id" || len(rows[1]) != len(claimCSVHeader) {
		t.Errorf("csv: %d rows, %v", len(rows), err)
	}
	r = cli{}.run(t, "claims", "--db", db, "-f", "json", "--limit", "1")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "{\n  \"claim\": {") || !strings.Contains(r.stdout, `"via": []`) {
		t.Errorf("json: %s", r.stdout)
	}
	if r := (cli{}).run(t, "claims", "--db", db, "--source", "nobody"); r.code != 0 || r.stdout != "no claims match\n" {
		t.Errorf("no match: %+v", r)
	}
}

func TestClaimsUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "robot"}, `--kind: unknown value "robot"; use one of person,`},
		{[]string{"--stance", "loud"}, `--stance: unknown value "loud"`},
		{[]string{"--since", "last week"}, `--since: "last week" is not a date`},
		{[]string{"--since", "2025-03-05", "--until", "2025-03-01"}, "--until 2025-03-01 is not after --since 2025-03-05"},
		{[]string{"-f", "md"}, `claims does not write format "md"`},
		{[]string{"extra"}, `unknown command "extra"`},
		{[]string{"--limit", "-1"}, "--limit must be 0"},
	} {
		r := cli{}.run(t, append([]string{"claims", "--db", db}, tt.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("claims %v: exit %d, stderr %q, want %q", tt.args, r.code, r.stderr, tt.want)
		}
	}
}

func TestSearchCommand(t *testing.T) {
	db := ingested(t)
	r := cli{}.run(t, "search", "--db", db, "أكد")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden.Assert(t, filepath.Join(goldenDir, "search-akkada.golden.txt"), []byte(r.stdout))
	// Without the hamza, the same hits.
	if r2 := (cli{}).run(t, "search", "--db", db, "اكد"); r2.stdout != r.stdout {
		t.Errorf("اكد and أكد differ:\n%s\n%s", r.stdout, r2.stdout)
	}
	r = cli{}.run(t, "search", "--db", db, "--kind", "claim", "breakwater")
	if r.code != 0 || !strings.Contains(r.stdout, "Samir Haddad: The repairs to the northern breakwater") || strings.Contains(r.stdout, "article ") {
		t.Errorf("claim search: %s", r.stdout)
	}
	r = cli{}.run(t, "search", "--db", db, "-f", "jsonl", "--kind", "source", "منصور")
	if r.code != 0 || !strings.Contains(r.stdout, `"kind":"source"`) {
		t.Errorf("source search: %s %s", r.stdout, r.stderr)
	}
	if r := (cli{}).run(t, "search", "--db", db, "zeppelin"); r.code != 0 || r.stdout != "no match for \"zeppelin\"\n" {
		t.Errorf("no match: %+v", r)
	}
	if r := (cli{}).run(t, "search", "--db", db); r.code != 2 {
		t.Errorf("no text: exit %d", r.code)
	}
	if r := (cli{}).run(t, "search", "--db", db, "***"); r.code != 1 || !strings.Contains(r.stderr, "has no word to look for") {
		t.Errorf("no word: %+v", r)
	}
	if r := (cli{}).run(t, "search", "--db", db, "--kind", "person", "x"); r.code != 2 {
		t.Errorf("bad kind: exit %d", r.code)
	}
}

func TestVersionsCommand(t *testing.T) {
	db := ingested(t)
	const url = "https://coastalherald.example/2025/03/02/marsa-lina-port-reopens"
	r := cli{}.run(t, "versions", "--db", db, url)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden.Assert(t, filepath.Join(goldenDir, "versions.golden.txt"), []byte(r.stdout))
	if r2 := (cli{}).run(t, "versions", "--db", db, "herald-port"); r2.stdout != r.stdout {
		t.Errorf("by id and by URL differ")
	}
	r = cli{}.run(t, "versions", "--db", db, "-f", "jsonl", url)
	if n := strings.Count(r.stdout, "\n"); n != 2 || !strings.Contains(r.stdout, `"number":2`) {
		t.Errorf("jsonl: %s", r.stdout)
	}
	r = cli{}.run(t, "versions", "--db", db, "https://nowhere.example/")
	if r.code != 1 || !strings.Contains(r.stderr, `article "https://nowhere.example/": not found`) || !strings.Contains(r.stderr, "claimtrail articles") {
		t.Errorf("unknown: %+v", r)
	}
	if r := (cli{}).run(t, "versions", "--db", db); r.code != 2 {
		t.Errorf("no argument: exit %d", r.code)
	}
}

func TestArticlesCommand(t *testing.T) {
	db := ingested(t)
	r := cli{}.run(t, "articles", "--db", db)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden.Assert(t, filepath.Join(goldenDir, "articles.golden.txt"), []byte(r.stdout))
	r = cli{}.run(t, "articles", "--db", db, "--outlet", "أخبار الساحل", "-f", "csv")
	if n := strings.Count(r.stdout, "\n"); r.code != 0 || n != 3 {
		t.Errorf("csv by outlet: %d lines: %s", n, r.stdout)
	}
	r = cli{}.run(t, "articles", "--db", db, "--since", "2025-03-04", "-f", "jsonl")
	if n := strings.Count(r.stdout, "\n"); n != 2 || strings.Contains(r.stdout, `"text"`) && strings.Contains(r.stdout, "Monday") {
		t.Errorf("since: %s", r.stdout)
	}
}

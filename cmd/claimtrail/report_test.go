package main

import (
	"encoding/json"
	"strings"
	"testing"
)

const (
	reportSeed    = "../../testdata/seed/aljazeera-coalition-redeploy.ar.txt"
	reportStoryV1 = "../../testdata/report/story-port.v1.json"
	reportStoryV2 = "../../testdata/report/story-port.v2.json"
)

// TestReportFiles: a report of files, in every format; the two files of
// the story are two versions of one article.
func TestReportFiles(t *testing.T) {
	for _, f := range []string{"md", "html", "json", "csv"} {
		r := cli{}.run(t, "report", "-f", f, reportSeed, reportStoryV1, reportStoryV2)
		if r.code != 0 || r.stdout == "" {
			t.Fatalf("-f %s: exit %d: %s", f, r.code, r.stderr)
		}
	}
	r := cli{}.run(t, "report", "-f", "json", reportStoryV1, reportStoryV2)
	var out struct {
		Articles []struct {
			Versions []struct {
				Changes *struct {
					Claims []struct {
						Kinds []string `json:"kinds"`
					} `json:"claims"`
				} `json:"changes"`
			} `json:"versions"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Articles) != 1 || len(out.Articles[0].Versions) != 2 || out.Articles[0].Versions[1].Changes == nil {
		t.Fatalf("want one article with two versions and changes: %s", r.stdout)
	}
	// The default format (table) writes Markdown.
	if r := (cli{}).run(t, "report", reportSeed); r.code != 0 || !strings.HasPrefix(r.stdout, "# Claim report") {
		t.Errorf("default format: exit %d: %.200s", r.code, r.stdout)
	}
}

func TestReportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"report"},
		{"report", "--story", "x", reportSeed},
		{"report", "--story", "x", "--outlet", "y"},
		{"report", "-f", "jsonl", reportSeed},
		{"audit"},
		{"audit", "--all", reportSeed},
		{"serve", "extra"},
	} {
		if r := (cli{}).run(t, args...); r.code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", args, r.code, r.stderr)
		}
	}
}

// TestReportStored: reports and audits from the store, by article, story,
// source, outlet and the whole store.
func TestReportStored(t *testing.T) {
	db := ingested(t)
	const url = "https://coastalherald.example/2025/03/02/marsa-lina-port-reopens"
	for _, args := range [][]string{
		{"report", "--article", url},
		{"report", "--story", "marsa-lina-port", "-f", "html"},
		{"report", "--outlet", "The Coastal Herald", "-f", "csv"},
		{"audit", "--all"},
		{"audit", "--story", "marsa-lina-port", "-f", "json"},
		{"audit", "--article", url, "-f", "html"},
	} {
		r := cli{}.run(t, append(args, "--db", db)...)
		if r.code != 0 || r.stdout == "" {
			t.Errorf("%q: exit %d: %s", args, r.code, r.stderr)
		}
	}
	r := cli{}.run(t, "report", "--article", url, "-f", "json", "--db", db)
	if !strings.Contains(r.stdout, `"number": 2`) || !strings.Contains(r.stdout, `"changes"`) {
		t.Errorf("stored article: no second version with changes")
	}
	r = cli{}.run(t, "report", "--source", "Samir Haddad", "-f", "json", "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, `"scope": "source"`) || !strings.Contains(r.stdout, "Samir Haddad") {
		t.Errorf("source report: exit %d: %.300s %s", r.code, r.stdout, r.stderr)
	}
	if r := (cli{}).run(t, "report", "--story", "no-such-story", "--db", db); r.code != 1 {
		t.Errorf("unknown story: exit %d", r.code)
	}
	if r := (cli{}).run(t, "report", "--source", "nobody at all", "--db", db); r.code != 1 {
		t.Errorf("unknown source: exit %d", r.code)
	}
}

// TestAuditFiles: the seed's audit leads with its summary.
func TestAuditFiles(t *testing.T) {
	r := cli{}.run(t, "audit", reportSeed)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "## Summary") || strings.Index(r.stdout, "## Summary") > strings.Index(r.stdout, "## Findings") {
		t.Errorf("the summary does not lead: %.300s", r.stdout)
	}
	r = cli{}.run(t, "audit", "-f", "csv", reportStoryV1, reportStoryV2)
	for _, want := range []string{"attribution_dropped", "attribution_weakened", "unattributed_accusation"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("story audit lacks %s", want)
		}
	}
}

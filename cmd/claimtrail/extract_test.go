package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestExtractSeedJSON(t *testing.T) {
	r := cli{}.run(t, "extract", "--format", "json", seed)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Article *claimtrail.Article `json:"article"`
		Claims  []claimtrail.Claim  `json:"claims"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Claims) != 12 {
		t.Fatalf("got %d claims, want 12 (10 and 2 nested)", len(out.Claims))
	}
	runes := []rune(out.Article.Text)
	for _, c := range out.Claims {
		if got := string(runes[c.Content.Span.Start:c.Content.Span.End]); got != c.Content.Text {
			t.Errorf("claim %s: content %q is not the text at its span (%q)", c.ID, c.Content.Text, got)
		}
	}
	if len(out.Article.Paragraphs) != 0 {
		t.Errorf("extract output repeats the segmentation")
	}
}

func TestExtractFormats(t *testing.T) {
	for _, tt := range []struct{ format, want string }{
		{"table", "source   يحيى رسول"},
		{"md", "| # | source | via | cue | stance | type | content |"},
		{"jsonl", `"cue":{"text":"نقلت عن"`},
	} {
		r := cli{}.run(t, "extract", "-f", tt.format, seed)
		if r.code != 0 || !strings.Contains(r.stdout, tt.want) {
			t.Errorf("%s: exit %d, output lacks %q:\n%s", tt.format, r.code, tt.want, r.stdout)
		}
	}
	if r := (cli{}).run(t, "extract", "-f", "csv", seed); r.code != 2 {
		t.Errorf("csv: exit %d, want 2 (not written by extract)", r.code)
	}
}

func TestExtractBadInputKeepsOthers(t *testing.T) {
	r := cli{}.run(t, "extract", "-f", "jsonl", filepath.Join(ingestD, "bad/invalid-utf8.txt"), seed)
	if r.code != 1 || !strings.Contains(r.stderr, "invalid UTF-8") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, "يحيى رسول") {
		t.Errorf("the good input was not extracted: %q", r.stdout)
	}
}

// TestExtractUserLexicon: a lexicon file named in the configuration adds
// cues without touching the built-in ones.
func TestExtractUserLexicon(t *testing.T) {
	dir := t.TempDir()
	lex := filepath.Join(dir, "extra.yaml")
	if err := os.WriteFile(lex, []byte("language: ar\nverbs:\n  - {lemma: غمز, class: speech, stance: distancing, past: [غمز], complements: [that]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	story := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(story, []byte("عنوان\n\nوغمز النائب بأن الصفقة مشبوهة.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := cli{}.run(t, "extract", "-f", "jsonl", story)
	if r.code != 0 || strings.Contains(r.stdout, "غمز") && strings.Contains(r.stdout, `"cue":{"text":"وغمز"`) {
		t.Fatalf("without the lexicon: exit %d, %s", r.code, r.stdout)
	}
	r = cli{env: map[string]string{"CLAIMTRAIL_LEXICONS": lex}}.run(t, "extract", "-f", "jsonl", story)
	if r.code != 0 || !strings.Contains(r.stdout, `"cue":{"text":"وغمز"`) || !strings.Contains(r.stdout, `"stance":"distancing"`) {
		t.Fatalf("with the lexicon: exit %d, %s %s", r.code, r.stdout, r.stderr)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("language: ar\nverbs:\n  - {lemma: x, stance: loud}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = cli{env: map[string]string{"CLAIMTRAIL_LEXICONS": bad}}.run(t, "extract", story)
	if r.code != 1 || !strings.Contains(r.stderr, `unknown stance "loud"`) {
		t.Errorf("bad lexicon: exit %d, %q", r.code, r.stderr)
	}
}

// TestExtractJobs: spreading extraction over several goroutines changes
// nothing in the output, bad records included, which are reported in their
// place.
func TestExtractJobs(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := range 40 {
		if i == 17 {
			lines = append(lines, `{"id": "broken"`)
			continue
		}
		lines = append(lines, fmt.Sprintf(`{"id": "a%d", "text": "Title %d\n\nThe ministry said on day %d that the road was open. “We are ready,” the mayor said."}`, i, i, i))
	}
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	one := cli{}.run(t, "extract", "-f", "jsonl", "--jobs", "1", in)
	many := cli{}.run(t, "extract", "-f", "jsonl", "--jobs", "4", in)
	if one.code != exitFailure || many.code != exitFailure {
		t.Fatalf("exit %d and %d, want %d for the broken record", one.code, many.code, exitFailure)
	}
	if one.stdout != many.stdout || one.stderr != many.stderr {
		t.Errorf("--jobs 4 differs from --jobs 1:\n%s\n---\n%s\n%s\n---\n%s", one.stdout, many.stdout, one.stderr, many.stderr)
	}
	if n := strings.Count(many.stdout, "\n"); n != 39 {
		t.Errorf("%d articles written, want 39", n)
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

const (
	seed    = "../../testdata/seed/aljazeera-coalition-redeploy.ar.txt"
	ingestD = "../../testdata/ingest"
)

type result struct {
	code           int
	stdout, stderr string
}

// cli runs one command line the way main does, with a fake environment
// (HOME in a temporary directory, so no real configuration leaks in) and
// dir as the working directory for ./claimtrail.yaml.
type cli struct {
	env   map[string]string
	dir   string
	stdin string
}

func (c cli) run(tb testing.TB, args ...string) result {
	tb.Helper()
	if c.dir == "" {
		c.dir = tb.TempDir()
	}
	env := map[string]string{"HOME": filepath.Join(c.dir, "home")}
	for k, v := range c.env {
		env[k] = v
	}
	var stdout, stderr bytes.Buffer
	g := newGlobals(strings.NewReader(c.stdin), &stdout, &stderr)
	g.lookupEnv = func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	g.environ = func() []string {
		var out []string
		for k, v := range env {
			out = append(out, k+"="+v)
		}
		return out
	}
	g.workDir = c.dir
	code := execute(context.Background(), g, args)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

func TestRunUsesProcessStreams(t *testing.T) {
	var out, errw bytes.Buffer
	if code := run(context.Background(), []string{"version"}, strings.NewReader(""), &out, &errw); code != 0 {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	if !strings.HasPrefix(out.String(), "claimtrail ") {
		t.Errorf("stdout = %q", out.String())
	}
}

func TestVersion(t *testing.T) {
	r := cli{}.run(t, "version")
	if r.code != 0 || !strings.Contains(r.stdout, runtime.Version()) || r.stderr != "" {
		t.Errorf("version: %+v", r)
	}
	r = cli{}.run(t, "version", "--format", "json")
	var v versionInfo
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil || r.code != 0 {
		t.Fatalf("version --format json: %v: %+v", err, r)
	}
	if v.Go != runtime.Version() || v.Version == "" || v.OS != runtime.GOOS {
		t.Errorf("version json = %+v", v)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"bogus"}, `claimtrail: unknown command "bogus" for "claimtrail"`},
		{[]string{"segmnt", "x"}, "did you mean segment?"},
		{[]string{"--bogus", "version"}, "claimtrail: unknown flag: --bogus"},
		{[]string{"segment", "--nope", seed}, "claimtrail: unknown flag: --nope"},
		{[]string{"version", "extra"}, `claimtrail: unknown command "extra" for "claimtrail version"`},
		{[]string{"segment"}, "claimtrail: segment needs at least one FILE, DIR or -"},
		{[]string{"--format", "xml", "version"}, `claimtrail: flag --format: unknown format "xml"`},
		{[]string{"segment", "-f", "md", seed}, `claimtrail: segment does not write format "md"; use table, json, jsonl`},
		{[]string{"-q", "-v", "version"}, "claimtrail: --quiet and --verbose cannot be used together"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := cli{}.run(t, tt.args...)
			if r.code != 2 {
				t.Errorf("exit %d, want 2", r.code)
			}
			if !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "--help' for usage") {
				t.Errorf("stderr = %q, want %q and a hint", r.stderr, tt.want)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
		})
	}
	if r := (cli{}).run(t); r.code != 0 || !strings.Contains(r.stdout, "Available Commands") {
		t.Errorf("no arguments: %+v", r)
	}
}

// configSetting reads one key's value and origin from `config -f json`.
func configSettings(tb testing.TB, r result) map[string]configSettingJSON {
	tb.Helper()
	if r.code != 0 {
		tb.Fatalf("config: exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		File     string              `json:"file"`
		Settings []configSettingJSON `json:"settings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		tb.Fatalf("config json: %v\n%s", err, r.stdout)
	}
	out := map[string]configSettingJSON{}
	for _, s := range rep.Settings {
		out[s.Key] = s
	}
	return out
}

type configSettingJSON struct {
	Key    string `json:"key"`
	Value  any    `json:"value"`
	Origin struct {
		Kind string `json:"kind"`
		Name string `json:"name"`
	} `json:"origin"`
}

func TestConfigPrecedence(t *testing.T) {
	const file = "format: md\nquiet: true\nlimits:\n  max_claims_per_article: 10\n"
	tests := []struct {
		name   string
		file   bool
		env    map[string]string
		args   []string
		format string // in the settings
		origin map[string]string
		quiet  bool
		claims float64
	}{
		{name: "defaults", args: []string{"-f", "json"}, format: "json", claims: 5000,
			origin: map[string]string{"format": "flag", "quiet": "default", "limits.max_claims_per_article": "default"}},
		{name: "file", file: true, args: []string{"-f", "json"}, format: "json", quiet: true, claims: 10,
			origin: map[string]string{"format": "flag", "quiet": "file", "limits.max_claims_per_article": "file"}},
		{name: "env over file", file: true, env: map[string]string{"CLAIMTRAIL_QUIET": "false", "CLAIMTRAIL_LIMITS_MAX_CLAIMS_PER_ARTICLE": "20", "CLAIMTRAIL_FORMAT": "json"},
			format: "json", quiet: false, claims: 20,
			origin: map[string]string{"format": "env", "quiet": "env", "limits.max_claims_per_article": "env"}},
		{name: "flag over env over file", file: true, env: map[string]string{"CLAIMTRAIL_QUIET": "false", "CLAIMTRAIL_FORMAT": "table"},
			args: []string{"--quiet", "--format=json"}, format: "json", quiet: true, claims: 10,
			origin: map[string]string{"format": "flag", "quiet": "flag", "limits.max_claims_per_article": "file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file {
				if err := os.WriteFile(filepath.Join(dir, "claimtrail.yaml"), []byte(file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s := configSettings(t, cli{dir: dir, env: tt.env}.run(t, append([]string{"config"}, tt.args...)...))
			if s["format"].Value != tt.format || s["quiet"].Value != tt.quiet || s["limits.max_claims_per_article"].Value != tt.claims {
				t.Errorf("values: format %v quiet %v claims %v", s["format"].Value, s["quiet"].Value, s["limits.max_claims_per_article"].Value)
			}
			for k, want := range tt.origin {
				if got := s[k].Origin.Kind; got != want {
					t.Errorf("origin of %s = %s, want %s", k, got, want)
				}
			}
		})
	}
}

func TestConfigTable(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(p, []byte("jobs: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := cli{dir: dir, env: map[string]string{"CLAIMTRAIL_VERBOSE": "1"}}.run(t, "config", "--config", p)
	for _, want := range []string{"config file: " + p, "jobs ", "file " + p, "env CLAIMTRAIL_VERBOSE", "flag --config" /* not a key */} {
		if want == "flag --config" {
			if strings.Contains(r.stdout, want) {
				t.Errorf("--config is reported as a setting")
			}
			continue
		}
		if !strings.Contains(r.stdout, want) {
			t.Errorf("config output lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "claimtrail.yaml")
	if err := os.WriteFile(bad, []byte("formt: json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := cli{dir: dir}.run(t, "segment", seed)
	if r.code != 1 || !strings.Contains(r.stderr, "claimtrail: config file "+bad+": key formt: unknown key") || r.stdout != "" {
		t.Errorf("unknown key: %+v", r)
	}
	r = cli{}.run(t, "config", "--config", "/nonexistent/claimtrail.yaml")
	if r.code != 1 || !strings.Contains(r.stderr, "/nonexistent/claimtrail.yaml: named by --config, does not exist") {
		t.Errorf("missing --config file: %+v", r)
	}
}

func TestSegmentSeedJSON(t *testing.T) {
	r := cli{}.run(t, "segment", "--format", "json", seed)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Article *claimtrail.Article `json:"article"`
	}
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatal(err)
	}
	if dec.More() {
		t.Errorf("more than one object for one article")
	}
	a := out.Article
	raw, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	if a == nil || a.Text != string(raw) || a.ID != claimtrail.ArticleID(string(raw)) || a.Path != seed || a.Lang != "ar" {
		t.Fatalf("article header wrong: %+v", a)
	}
	if a.Title == "" || len(a.Paragraphs) == 0 || len(a.Sentences()) == 0 {
		t.Fatalf("not segmented: %d paragraphs", len(a.Paragraphs))
	}
	runes := []rune(a.Text)
	for _, s := range a.Sentences() {
		if s.Text != s.Span.Slice(runes) {
			t.Errorf("sentence %d: text %q is not the text at %v", s.Index, s.Text, s.Span)
		}
	}
	// jsonl: the same article, one line.
	r = cli{}.run(t, "segment", "-f", "jsonl", seed)
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1 || !strings.HasPrefix(r.stdout, `{"article":{`) {
		t.Errorf("jsonl: %q", r.stdout[:min(len(r.stdout), 80)])
	}
}

func TestSegmentTable(t *testing.T) {
	r := cli{}.run(t, "segment", seed, filepath.Join(ingestD, "plain.en.txt"))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"== " + seed, "  id        a-", "  lang      ar", "  title     واشنطن وبغداد",
		"  source    ", "  ¶0 ", "title", "[0:62]",
		"== " + filepath.Join(ingestD, "plain.en.txt"), "  lang      en",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q", want)
		}
	}
}

func TestSegmentStdin(t *testing.T) {
	r := cli{stdin: "Title\n\nThe minister said the port would reopen.\n"}.run(t, "segment", "-f", "jsonl", "-")
	if r.code != 0 || !strings.Contains(r.stdout, `"path":"-"`) || !strings.Contains(r.stdout, "port would reopen") {
		t.Errorf("stdin: %+v", r)
	}
}

func TestSegmentBadInputs(t *testing.T) {
	good := filepath.Join(ingestD, "plain.en.txt")
	tests := []struct {
		name, path, want string
		goodFromBad      int // articles the bad input still gives
	}{
		{"missing file", "no/such/file.txt", "no/such/file.txt: no such file or directory", 0},
		{"invalid UTF-8", "bad/invalid-utf8.txt", "bad/invalid-utf8.txt: invalid UTF-8 at byte offset 25", 0},
		{"empty", "bad/empty.txt", "bad/empty.txt: empty file", 0},
		{"binary", "bad/binary.txt", "bad/binary.txt: binary file", 0},
		{"directory with nothing to read", "bad/nothing-to-read", "bad/nothing-to-read: directory has no", 0},
		{"bad JSON line", "bad/wrong-type.jsonl", "bad/wrong-type.jsonl:3: field text: want a string, got number", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if !strings.HasPrefix(path, "no/") {
				path = filepath.Join(ingestD, path)
			}
			r := cli{}.run(t, "segment", "-f", "jsonl", path, good)
			if r.code != 1 {
				t.Errorf("exit %d, want 1", r.code)
			}
			if !strings.Contains(r.stderr, "claimtrail: ") || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr = %q, want %q", r.stderr, tt.want)
			}
			if !strings.Contains(r.stderr, "1 of ") {
				t.Errorf("stderr has no summary: %q", r.stderr)
			}
			if n := strings.Count(r.stdout, "\n"); n != 1+tt.goodFromBad {
				t.Errorf("stdout has %d articles, want %d", n, 1+tt.goodFromBad)
			}
			if !strings.Contains(r.stdout, `"path":"`+good+`"`) {
				t.Errorf("the good input was not printed")
			}
			// --quiet keeps the errors and drops the summary.
			r = cli{}.run(t, "segment", "-q", "-f", "jsonl", path, good)
			if r.code != 1 || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "inputs could not be read") {
				t.Errorf("--quiet: %q", r.stderr)
			}
		})
	}
}

func TestSegmentVerbose(t *testing.T) {
	r := cli{}.run(t, "segment", "-v", "-f", "jsonl", seed)
	if r.code != 0 || !strings.Contains(r.stderr, "claimtrail: segment "+seed) {
		t.Errorf("verbose: %q", r.stderr)
	}
}

// TestConfigHidesPassword: `config` shows where the store is, not the
// password in its URL.
func TestConfigHidesPassword(t *testing.T) {
	for _, f := range []string{"table", "json"} {
		r := cli{env: map[string]string{"CLAIMTRAIL_DB": "postgres://u:s3cret@db.example:5432/news"}}.run(t, "config", "-f", f)
		if r.code != 0 || strings.Contains(r.stdout, "s3cret") || !strings.Contains(r.stdout, "db.example") {
			t.Errorf("%s: exit %d\n%s", f, r.code, r.stdout)
		}
	}
}

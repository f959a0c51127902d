package config_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/config"
)

// env is a fake environment; HOME points into the test's directory so the
// user's own configuration never leaks in.
type env map[string]string

func (e env) lookup(k string) (string, bool) { v, ok := e[k]; return v, ok }
func (e env) environ() []string {
	var out []string
	for k, v := range e {
		out = append(out, k+"="+v)
	}
	return out
}

func writeFile(tb testing.TB, dir, name, body string) string {
	tb.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// flags builds the flag set a command line would, and parses args.
func flags(tb testing.TB, args ...string) *pflag.FlagSet {
	tb.Helper()
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	fs.StringP("format", "f", "table", "")
	fs.BoolP("quiet", "q", false, "")
	fs.Int("jobs", 0, "")
	fs.String("max-article-bytes", "", "")
	fs.StringSlice("lexicons", nil, "")
	if err := fs.Parse(args); err != nil {
		tb.Fatal(err)
	}
	return fs
}

func load(tb testing.TB, dir string, e env, fs *pflag.FlagSet, file string) (*config.Config, error) {
	tb.Helper()
	if e == nil {
		e = env{}
	}
	if _, ok := e["HOME"]; !ok {
		e["HOME"] = filepath.Join(dir, "home")
	}
	return config.Load(config.LoadOptions{File: file, WorkDir: dir, LookupEnv: e.lookup, Environ: e.environ, Flags: fs})
}

func originOf(tb testing.TB, c *config.Config, key string) config.Origin {
	tb.Helper()
	for _, s := range c.Origins() {
		if s.Key == key {
			return s.Origin
		}
	}
	tb.Fatalf("no key %s in Origins", key)
	return config.Origin{}
}

func TestDefaults(t *testing.T) {
	dir := t.TempDir()
	c, err := load(t, dir, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Format != "table" || c.Quiet || c.Verbose || c.Jobs < 1 ||
		c.Limits.MaxArticleBytes != 16<<20 || c.Limits.MaxClaimsPerArticle != 5000 || len(c.Lexicons) != 0 || c.Registry != "" {
		t.Errorf("defaults = %+v", c)
	}
	if c.File != "" {
		t.Errorf("File = %q, want none", c.File)
	}
	wantDB := filepath.Join(dir, "home", ".local", "share", "claimtrail", "claimtrail.db")
	if c.DB != wantDB {
		t.Errorf("DB = %q, want %q", c.DB, wantDB)
	}
	for _, s := range c.Origins() {
		if s.Origin.Kind != config.OriginDefault {
			t.Errorf("%s origin = %v, want default", s.Key, s.Origin)
		}
	}
	if got, want := len(c.Searched), 2; got != want {
		t.Errorf("Searched = %v, want %d places", c.Searched, want)
	}
}

func TestPrecedence(t *testing.T) {
	const file = "format: md\njobs: 3\nlimits:\n  max_article_bytes: 1MiB\n"
	tests := []struct {
		name      string
		file      bool
		env       env
		args      []string
		format    string
		formatO   config.OriginKind
		jobs      int
		jobsO     config.OriginKind
		maxBytes  int64
		maxBytesO config.OriginKind
	}{
		{name: "default", format: "table", formatO: config.OriginDefault,
			jobs: -1, jobsO: config.OriginDefault, maxBytes: 16 << 20, maxBytesO: config.OriginDefault},
		{name: "file over default", file: true, format: "md", formatO: config.OriginFile,
			jobs: 3, jobsO: config.OriginFile, maxBytes: 1 << 20, maxBytesO: config.OriginFile},
		{name: "env over file", file: true,
			env:    env{"CLAIMTRAIL_FORMAT": "csv", "CLAIMTRAIL_JOBS": "5", "CLAIMTRAIL_LIMITS_MAX_ARTICLE_BYTES": "2048"},
			format: "csv", formatO: config.OriginEnv, jobs: 5, jobsO: config.OriginEnv, maxBytes: 2048, maxBytesO: config.OriginEnv},
		{name: "flag over env over file", file: true,
			env:    env{"CLAIMTRAIL_FORMAT": "csv", "CLAIMTRAIL_JOBS": "5", "CLAIMTRAIL_LIMITS_MAX_ARTICLE_BYTES": "2048"},
			args:   []string{"--format", "json", "--jobs=7", "--max-article-bytes", "4KiB"},
			format: "json", formatO: config.OriginFlag, jobs: 7, jobsO: config.OriginFlag, maxBytes: 4096, maxBytesO: config.OriginFlag},
		{name: "flag over default, file elsewhere untouched",
			args:   []string{"-f", "jsonl"},
			format: "jsonl", formatO: config.OriginFlag, jobs: -1, jobsO: config.OriginDefault, maxBytes: 16 << 20, maxBytesO: config.OriginDefault},
		{name: "unchanged flag does not override", file: true, args: []string{"--quiet"},
			format: "md", formatO: config.OriginFile, jobs: 3, jobsO: config.OriginFile, maxBytes: 1 << 20, maxBytesO: config.OriginFile},
		{name: "empty env is unset", file: true, env: env{"CLAIMTRAIL_FORMAT": ""},
			format: "md", formatO: config.OriginFile, jobs: 3, jobsO: config.OriginFile, maxBytes: 1 << 20, maxBytesO: config.OriginFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file {
				writeFile(t, dir, "claimtrail.yaml", file)
			}
			c, err := load(t, dir, tt.env, flags(t, tt.args...), "")
			if err != nil {
				t.Fatal(err)
			}
			if c.Format != tt.format {
				t.Errorf("Format = %q, want %q", c.Format, tt.format)
			}
			if tt.jobs > 0 && c.Jobs != tt.jobs {
				t.Errorf("Jobs = %d, want %d", c.Jobs, tt.jobs)
			}
			if c.Limits.MaxArticleBytes != tt.maxBytes {
				t.Errorf("MaxArticleBytes = %d, want %d", c.Limits.MaxArticleBytes, tt.maxBytes)
			}
			for key, want := range map[string]config.OriginKind{"format": tt.formatO, "jobs": tt.jobsO, "limits.max_article_bytes": tt.maxBytesO} {
				if got := originOf(t, c, key).Kind; got != want {
					t.Errorf("origin of %s = %s, want %s", key, got, want)
				}
			}
		})
	}
}

func TestFileLocations(t *testing.T) {
	t.Run("explicit file wins over ./claimtrail.yaml", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "claimtrail.yaml", "format: md\n")
		p := writeFile(t, dir, "other.yaml", "format: csv\n")
		c, err := load(t, dir, nil, nil, "other.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if c.Format != "csv" || c.File != p {
			t.Errorf("Format %q from %q, want csv from %q", c.Format, c.File, p)
		}
		if o := originOf(t, c, "format"); o.Kind != config.OriginFile || o.Name != p {
			t.Errorf("origin = %v", o)
		}
	})
	t.Run("CLAIMTRAIL_CONFIG", func(t *testing.T) {
		dir := t.TempDir()
		p := writeFile(t, dir, "x/c.yaml", "quiet: true\n")
		c, err := load(t, dir, env{"CLAIMTRAIL_CONFIG": p}, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		if !c.Quiet || c.File != p {
			t.Errorf("Quiet %v from %q", c.Quiet, c.File)
		}
	})
	t.Run("user config dir", func(t *testing.T) {
		dir := t.TempDir()
		p := writeFile(t, dir, "xdg/claimtrail/config.yaml", "verbose: true\n")
		c, err := load(t, dir, env{"XDG_CONFIG_HOME": filepath.Join(dir, "xdg")}, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		if !c.Verbose || c.File != p {
			t.Errorf("Verbose %v from %q, want from %q", c.Verbose, c.File, p)
		}
	})
	t.Run("relative paths in a file are relative to the file", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "conf/c.yaml", "db: data/x.db\nlexicons: [lex/extra.yaml, /abs/l.yaml]\nregistry: reg/sources.yaml\n")
		c, err := load(t, dir, nil, nil, "conf/c.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join(dir, "conf", "data", "x.db"); c.DB != want {
			t.Errorf("DB = %q, want %q", c.DB, want)
		}
		if want := filepath.Join(dir, "conf", "reg", "sources.yaml"); c.Registry != want {
			t.Errorf("Registry = %q, want %q", c.Registry, want)
		}
		want := []string{filepath.Join(dir, "conf", "lex", "extra.yaml"), "/abs/l.yaml"}
		if !reflect.DeepEqual(c.Lexicons, want) {
			t.Errorf("Lexicons = %q, want %q", c.Lexicons, want)
		}
	})
	t.Run("registry from env stays relative to the working directory", func(t *testing.T) {
		dir := t.TempDir()
		c, err := load(t, dir, env{"CLAIMTRAIL_REGISTRY": "reg.yaml"}, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		if c.Registry != "reg.yaml" || originOf(t, c, "registry").Kind != config.OriginEnv {
			t.Errorf("Registry = %q from %v", c.Registry, originOf(t, c, "registry"))
		}
	})
	t.Run("lexicons from env and flag", func(t *testing.T) {
		dir := t.TempDir()
		c, err := load(t, dir, env{"CLAIMTRAIL_LEXICONS": "a.yaml, b.yaml,"}, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"a.yaml", "b.yaml"}; !reflect.DeepEqual(c.Lexicons, want) {
			t.Errorf("Lexicons = %q, want %q", c.Lexicons, want)
		}
		c, err = load(t, dir, env{"CLAIMTRAIL_LEXICONS": "a.yaml"}, flags(t, "--lexicons", "c.yaml", "--lexicons", "d.yaml"), "")
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"c.yaml", "d.yaml"}; !reflect.DeepEqual(c.Lexicons, want) {
			t.Errorf("Lexicons = %q, want %q", c.Lexicons, want)
		}
	})
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		file  string // contents of ./claimtrail.yaml, if not empty
		env   env
		args  []string
		named string // --config
		want  []string
		usage bool // also wraps ErrUsage
		nf    bool // also wraps fs.ErrNotExist
	}{
		{name: "unknown key", file: "format: json\nformt: md\n",
			want: []string{"claimtrail.yaml", "key formt", "unknown key", "allowed keys: format, quiet"}},
		{name: "unknown nested key", file: "limits:\n  max_bytes: 5\n",
			want: []string{"key limits.max_bytes", "unknown key", "limits.max_article_bytes"}},
		{name: "wrong type string", file: "format: 5\n",
			want: []string{"claimtrail.yaml", "key format", "want a string, got integer", "table, json, jsonl, md, csv, html"}},
		{name: "wrong type int", file: "jobs: many\n",
			want: []string{"key jobs", "want an integer, got string", "at least 1"}},
		{name: "wrong type bool", file: "quiet: \"yes\"\n",
			want: []string{"key quiet", "want a boolean, got string"}},
		{name: "wrong type list", file: "lexicons: extra.yaml\n",
			want: []string{"key lexicons", "want a list, got string"}},
		{name: "registry not a path", file: "registry: [a.yaml]\n",
			want: []string{"key registry", "want a string, got list", "sources registry YAML file"}},
		{name: "registry empty", file: "registry: \"\"\n",
			want: []string{"key registry", "empty"}},
		{name: "list item type", file: "lexicons: [a.yaml, 3]\n",
			want: []string{"key lexicons", "item 2: want a string, got integer"}},
		{name: "section as scalar", file: "limits: 5\n",
			want: []string{"key limits", "want a mapping with keys max_article_bytes, max_claims_per_article, got integer"}},
		{name: "key as mapping", file: "format:\n  kind: json\n",
			want: []string{"key format", "got mapping"}},
		{name: "unknown format", file: "format: xml\n",
			want: []string{"key format", `unknown format "xml"`, "allowed: one of table, json, jsonl, md, csv, html"}},
		{name: "negative limit", file: "limits:\n  max_article_bytes: -1\n",
			want: []string{"key limits.max_article_bytes", "-1 is not a positive size"}},
		{name: "zero claims", file: "limits:\n  max_claims_per_article: 0\n",
			want: []string{"key limits.max_claims_per_article", "0 is less than 1"}},
		{name: "not a mapping", file: "- format\n- json\n",
			want: []string{"claimtrail.yaml", "not valid YAML", "cannot unmarshal"}},
		{name: "syntax", file: "format: [json\n",
			want: []string{"claimtrail.yaml", "not valid YAML"}},
		{name: "missing explicit file", named: "nope.yaml",
			want: []string{"nope.yaml", "named by --config, does not exist"}, nf: true},
		{name: "missing CLAIMTRAIL_CONFIG file", env: env{"CLAIMTRAIL_CONFIG": "/nonexistent/c.yaml"},
			want: []string{"/nonexistent/c.yaml", "named by CLAIMTRAIL_CONFIG"}, nf: true},
		{name: "bad env value", env: env{"CLAIMTRAIL_JOBS": "x"},
			want: []string{"environment variable CLAIMTRAIL_JOBS", `not a whole number: "x"`}},
		{name: "bad env bool", env: env{"CLAIMTRAIL_QUIET": "sometimes"},
			want: []string{"CLAIMTRAIL_QUIET", "not a boolean"}},
		{name: "unknown env", env: env{"CLAIMTRAIL_FROMAT": "json"},
			want: []string{"CLAIMTRAIL_FROMAT", "unknown variable", "CLAIMTRAIL_FORMAT"}},
		{name: "bad flag value", args: []string{"--format", "xml"},
			want: []string{"flag --format", `unknown format "xml"`}, usage: true},
		{name: "several problems at once", file: "format: xml\njobs: 0\n",
			want: []string{"key format", "key jobs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != "" {
				writeFile(t, dir, "claimtrail.yaml", tt.file)
			}
			_, err := load(t, dir, tt.env, flags(t, tt.args...), tt.named)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, claimtrail.ErrConfig) {
				t.Errorf("error does not wrap ErrConfig: %v", err)
			}
			if got := errors.Is(err, claimtrail.ErrUsage); got != tt.usage {
				t.Errorf("wraps ErrUsage = %v, want %v", got, tt.usage)
			}
			if tt.nf && !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("error does not wrap fs.ErrNotExist: %v", err)
			}
			var ce *config.Error
			if !errors.As(err, &ce) {
				t.Errorf("error is not a *config.Error: %T", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestOrigins(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "claimtrail.yaml", "format: md\nlimits:\n  max_claims_per_article: 10\n")
	c, err := load(t, dir, env{"CLAIMTRAIL_QUIET": "true"}, flags(t, "--jobs", "2"), "")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	var keys []string
	for _, s := range c.Origins() {
		got[s.Key] = s.Origin.String()
		keys = append(keys, s.Key)
	}
	if !reflect.DeepEqual(keys, config.Keys()) {
		t.Errorf("Origins keys = %v, want %v", keys, config.Keys())
	}
	want := map[string]string{
		"format":                        "file " + p,
		"quiet":                         "env CLAIMTRAIL_QUIET",
		"verbose":                       "default",
		"db":                            "default",
		"jobs":                          "flag --jobs",
		"lexicons":                      "default",
		"registry":                      "default",
		"limits.max_article_bytes":      "default",
		"limits.max_claims_per_article": "file " + p,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("origins:\n got %v\nwant %v", got, want)
	}
	for _, s := range c.Origins() {
		if s.Key == "limits.max_claims_per_article" && s.Value != 10 {
			t.Errorf("value = %#v, want 10", s.Value)
		}
	}
}

func TestNames(t *testing.T) {
	if got := config.EnvName("limits.max_article_bytes"); got != "CLAIMTRAIL_LIMITS_MAX_ARTICLE_BYTES" {
		t.Errorf("EnvName = %q", got)
	}
	if got := config.FlagName("limits.max_claims_per_article"); got != "max-claims-per-article" {
		t.Errorf("FlagName = %q", got)
	}
}

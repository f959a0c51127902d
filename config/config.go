package config

import (
	"runtime"
	"slices"
	"strings"
)

// Defaults for the settings that have a fixed default. DB and Jobs depend on
// the machine; see Default.
const (
	DefaultFormat                    = "table"
	DefaultMaxArticleBytes     int64 = 16 << 20
	DefaultMaxClaimsPerArticle       = 5000
)

// Names of the files and variables Load looks for.
const (
	// FileName is the project-local configuration file, looked for in the
	// working directory.
	FileName = "claimtrail.yaml"
	// EnvPrefix starts every environment variable Load reads.
	EnvPrefix = "CLAIMTRAIL_"
	// EnvConfigFile names a configuration file, like --config; the flag wins.
	EnvConfigFile = "CLAIMTRAIL_CONFIG"
)

// Formats are the output formats a command may be asked for. Not every
// command supports every format; each says which it does.
var Formats = []string{"table", "json", "jsonl", "md", "csv", "html"}

// Config is the effective configuration. The rest of the program reads its
// fields and never sees where they came from, except through Origins.
type Config struct {
	// Format is the output format: one of Formats.
	Format string
	// Quiet leaves out progress and summaries; errors are still printed.
	Quiet bool
	// Verbose adds diagnostics on standard error.
	Verbose bool
	// DB is the store: a file path for SQLite, or a URL for a server.
	DB string
	// Jobs bounds how many articles are processed at once.
	Jobs int
	// Lexicons are extra lexicon YAML files that extend the built-in cue
	// lexicons; the claims package loads them.
	Lexicons []string
	// Registry is a sources registry YAML file that adds to or overrides
	// the built-in registry of outlets and agencies; the sources package
	// loads it. "" means none.
	Registry string
	// Limits guard against inputs that would exhaust memory or time.
	Limits Limits

	// File is the configuration file that was read, or "" if none was.
	File string
	// Searched lists the files looked for, in order, when none was named.
	Searched []string

	settings []Setting
}

// Limits are per-article resource limits.
type Limits struct {
	// MaxArticleBytes is the largest input read as one article: a text
	// file, a JSON document or one JSON line.
	MaxArticleBytes int64
	// MaxClaimsPerArticle stops extraction on pathological texts.
	MaxClaimsPerArticle int
}

// OriginKind says which layer a value came from.
type OriginKind string

// Origin kinds, from lowest to highest precedence.
const (
	OriginDefault OriginKind = "default"
	OriginFile    OriginKind = "file"
	OriginEnv     OriginKind = "env"
	OriginFlag    OriginKind = "flag"
)

// Origin is where one setting's value came from: the file path, the
// variable name or the flag ("--format").
type Origin struct {
	Kind OriginKind `json:"kind"`
	Name string     `json:"name,omitempty"`
}

// String gives "default", "file PATH", "env NAME" or "flag --NAME".
func (o Origin) String() string {
	if o.Name == "" {
		return string(o.Kind)
	}
	return string(o.Kind) + " " + o.Name
}

// Setting is one key's effective value and its origin.
type Setting struct {
	Key    string `json:"key"`
	Value  any    `json:"value"`
	Origin Origin `json:"origin"`
}

// Origins lists every key in a fixed order with its effective value and
// where it came from. A Config not made by Load reports every key as a
// default.
func (c *Config) Origins() []Setting {
	if c.settings != nil {
		return slices.Clone(c.settings)
	}
	out := make([]Setting, 0, len(specs))
	for _, s := range specs {
		out = append(out, Setting{Key: s.key, Value: s.get(c), Origin: Origin{Kind: OriginDefault}})
	}
	return out
}

// Default returns the configuration with nothing set, for the machine the
// program runs on.
func Default() *Config {
	return defaults(osEnv)
}

func defaults(env envFunc) *Config {
	return &Config{
		Format: DefaultFormat,
		DB:     defaultDB(env),
		Jobs:   runtime.NumCPU(),
		Limits: Limits{
			MaxArticleBytes:     DefaultMaxArticleBytes,
			MaxClaimsPerArticle: DefaultMaxClaimsPerArticle,
		},
	}
}

// Keys lists the configuration keys in the order Origins reports them.
// Nested keys are written with a dot: "limits.max_article_bytes".
func Keys() []string {
	out := make([]string, len(specs))
	for i, s := range specs {
		out[i] = s.key
	}
	return out
}

// EnvName is the environment variable for a key:
// "limits.max_article_bytes" is CLAIMTRAIL_LIMITS_MAX_ARTICLE_BYTES.
func EnvName(key string) string {
	return EnvPrefix + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// FlagName is the flag Load consults for a key, if the flag set has it: the
// key without its section, with hyphens ("limits.max_article_bytes" is
// --max-article-bytes). The command line decides which flags exist.
func FlagName(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		key = key[i+1:]
	}
	return strings.ReplaceAll(key, "_", "-")
}

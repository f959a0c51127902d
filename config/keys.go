package config

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// spec describes one key: how to decode a raw value from each layer, check
// it, and store it. Keeping the keys as data makes the file check, the
// environment names, the flag names and the origin report agree by
// construction.
type spec struct {
	key string
	// want describes the allowed values for error messages.
	want string
	// decode turns a raw value into the typed one. From a file, raw keeps
	// its YAML type; from the environment or a flag it is a string (or a
	// []string from a slice flag). base is the directory relative paths in
	// a file are resolved against, "" for the other layers.
	decode func(raw any, base string) (any, error)
	set    func(c *Config, v any)
	get    func(c *Config) any
}

var specs = []spec{
	{
		key:    "format",
		want:   "one of " + strings.Join(Formats, ", "),
		decode: decodeFormat,
		set:    func(c *Config, v any) { c.Format = v.(string) },
		get:    func(c *Config) any { return c.Format },
	},
	{
		key:    "quiet",
		want:   "true or false",
		decode: decodeBool,
		set:    func(c *Config, v any) { c.Quiet = v.(bool) },
		get:    func(c *Config) any { return c.Quiet },
	},
	{
		key:    "verbose",
		want:   "true or false",
		decode: decodeBool,
		set:    func(c *Config, v any) { c.Verbose = v.(bool) },
		get:    func(c *Config) any { return c.Verbose },
	},
	{
		key:    "db",
		want:   "a file path or a database URL",
		decode: decodePath,
		set:    func(c *Config, v any) { c.DB = v.(string) },
		get:    func(c *Config) any { return c.DB },
	},
	{
		key:    "jobs",
		want:   "a whole number of at least 1",
		decode: decodePositiveInt,
		set:    func(c *Config, v any) { c.Jobs = v.(int) },
		get:    func(c *Config) any { return c.Jobs },
	},
	{
		key:    "lexicons",
		want:   "a list of file paths (comma-separated in the environment)",
		decode: decodePathList,
		set:    func(c *Config, v any) { c.Lexicons = v.([]string) },
		get:    func(c *Config) any { return slices.Clone(c.Lexicons) },
	},
	{
		key:    "registry",
		want:   "a file path (a sources registry YAML file)",
		decode: decodePath,
		set:    func(c *Config, v any) { c.Registry = v.(string) },
		get:    func(c *Config) any { return c.Registry },
	},
	{
		key:    "limits.max_article_bytes",
		want:   "a positive number of bytes, optionally with a unit (512KiB, 16MiB, 1GiB)",
		decode: decodeSize,
		set:    func(c *Config, v any) { c.Limits.MaxArticleBytes = v.(int64) },
		get:    func(c *Config) any { return c.Limits.MaxArticleBytes },
	},
	{
		key:    "limits.max_claims_per_article",
		want:   "a whole number of at least 1",
		decode: decodePositiveInt,
		set:    func(c *Config, v any) { c.Limits.MaxClaimsPerArticle = v.(int) },
		get:    func(c *Config) any { return c.Limits.MaxClaimsPerArticle },
	},
}

func lookupSpec(key string) (spec, bool) {
	for _, s := range specs {
		if s.key == key {
			return s, true
		}
	}
	return spec{}, false
}

// sections are the keys that hold a mapping rather than a value.
func sections() []string {
	var out []string
	for _, s := range specs {
		if i := strings.IndexByte(s.key, '.'); i >= 0 && !slices.Contains(out, s.key[:i]) {
			out = append(out, s.key[:i])
		}
	}
	return out
}

// typeName names a raw value's type the way a YAML author thinks of it.
func typeName(raw any) string {
	switch raw.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case bool:
		return "boolean"
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return "integer"
	case float32, float64:
		return "number"
	case []any, []string:
		return "list"
	case map[string]any, map[any]any:
		return "mapping"
	case time.Time:
		return "date"
	default:
		return fmt.Sprintf("%T", raw)
	}
}

func wrongType(want string, raw any) error {
	return fmt.Errorf("want %s, got %s", want, typeName(raw))
}

func decodeFormat(raw any, _ string) (any, error) {
	s, ok := raw.(string)
	if !ok {
		return nil, wrongType("a string", raw)
	}
	f := strings.ToLower(strings.TrimSpace(s))
	if !slices.Contains(Formats, f) {
		return nil, fmt.Errorf("unknown format %q", s)
	}
	return f, nil
}

func decodeBool(raw any, base string) (any, error) {
	switch v := raw.(type) {
	case bool:
		return v, nil
	case string:
		if base != "" {
			// A quoted "true" in a file is a string; say so rather
			// than guess.
			return nil, wrongType("a boolean", raw)
		}
		b, err := strconv.ParseBool(strings.TrimSpace(v))
		if err != nil {
			return nil, fmt.Errorf("not a boolean: %q", v)
		}
		return b, nil
	}
	return nil, wrongType("a boolean", raw)
}

// toInt64 accepts the integer types a YAML decoder produces, and strings
// only from the environment or flags (base == "").
func toInt64(raw any, base string) (int64, error) {
	switch v := raw.(type) {
	case int:
		return int64(v), nil
	case int64:
		return v, nil
	case int32:
		return int64(v), nil
	case uint64:
		if v > math.MaxInt64 {
			return 0, fmt.Errorf("%d is too large", v)
		}
		return int64(v), nil
	case uint32:
		return int64(v), nil
	case uint:
		if uint64(v) > math.MaxInt64 {
			return 0, fmt.Errorf("%d is too large", v)
		}
		return int64(v), nil
	case float64:
		if v != math.Trunc(v) || math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) > 1<<53 {
			return 0, fmt.Errorf("%v is not a whole number", v)
		}
		return int64(v), nil
	case string:
		if base == "" {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("not a whole number: %q", v)
			}
			return n, nil
		}
	}
	return 0, wrongType("an integer", raw)
}

func decodePositiveInt(raw any, base string) (any, error) {
	n, err := toInt64(raw, base)
	if err != nil {
		return nil, err
	}
	if n < 1 {
		return nil, fmt.Errorf("%d is less than 1", n)
	}
	if n > math.MaxInt32 {
		return nil, fmt.Errorf("%d is too large", n)
	}
	return int(n), nil
}

var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	// Longest suffixes first, so "KiB" is not read as "B".
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1000}, {"mb", 1000 * 1000}, {"gb", 1000 * 1000 * 1000},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30},
	{"b", 1},
}

func decodeSize(raw any, base string) (any, error) {
	var n int64
	if s, ok := raw.(string); ok {
		t := strings.ToLower(strings.TrimSpace(s))
		mult := int64(1)
		for _, u := range sizeUnits {
			if strings.HasSuffix(t, u.suffix) {
				t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
				break
			}
		}
		v, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("not a size: %q", s)
		}
		if v > 0 && v > math.MaxInt64/mult {
			return nil, fmt.Errorf("%q is too large", s)
		}
		n = v * mult
	} else {
		v, err := toInt64(raw, base)
		if err != nil {
			return nil, err
		}
		n = v
	}
	if n < 1 {
		return nil, fmt.Errorf("%d is not a positive size", n)
	}
	return n, nil
}

// isURL tells a database URL or a special name (":memory:") from a path.
func isURL(s string) bool {
	return strings.Contains(s, "://") || strings.HasPrefix(s, ":")
}

// resolve makes a relative path in a file relative to the file's directory,
// so a project's claimtrail.yaml means the same wherever it is run from.
// Paths from the environment and flags stay relative to the working
// directory, as any command line's do.
func resolve(p, base string) string {
	if base == "" || p == "" || isURL(p) || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(base, p)
}

func decodePath(raw any, base string) (any, error) {
	s, ok := raw.(string)
	if !ok {
		return nil, wrongType("a string", raw)
	}
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("empty")
	}
	return resolve(s, base), nil
}

func decodePathList(raw any, base string) (any, error) {
	var items []string
	switch v := raw.(type) {
	case []string: // a slice flag
		items = v
	case string:
		if base != "" {
			return nil, wrongType("a list", raw)
		}
		items = strings.Split(v, ",")
	case []any:
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("item %d: want a string, got %s", i+1, typeName(e))
			}
			items = append(items, s)
		}
	default:
		return nil, wrongType("a list", raw)
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, resolve(it, base))
		}
	}
	return out, nil
}

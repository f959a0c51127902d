package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/claimtrail/claimtrail"
)

// maxFileBytes bounds a configuration file; a larger one is a mistake
// (usually the wrong file), not a configuration.
const maxFileBytes = 1 << 20

type envFunc func(string) (string, bool)

func osEnv(name string) (string, bool) { return os.LookupEnv(name) }

// LoadOptions says where Load looks. The zero value reads the process's
// environment and working directory and no flags.
type LoadOptions struct {
	// File is an explicit configuration file (--config). It must exist.
	File string
	// WorkDir is where ./claimtrail.yaml is looked for and what a relative
	// File is resolved against; "" means the process's working directory.
	WorkDir string
	// LookupEnv reads one environment variable; nil means os.LookupEnv.
	LookupEnv func(string) (string, bool)
	// Environ lists the environment as KEY=VALUE, to catch misspelt
	// CLAIMTRAIL_ variables; nil means os.Environ when LookupEnv is nil,
	// and no check when only LookupEnv is given.
	Environ func() []string
	// Flags are the parsed command-line flags. A flag overrides its key
	// only if it was set on the command line (Changed); see FlagName.
	Flags *pflag.FlagSet
}

// Error is a problem with one configuration value or with the file. It
// wraps claimtrail.ErrConfig, and also claimtrail.ErrUsage when the value
// came from a flag, since then the command line is what is wrong.
type Error struct {
	// Key is the configuration key, or "" for a problem with the file as a
	// whole.
	Key string
	// Origin is where the bad value came from.
	Origin Origin
	// Err says what is wrong and, where it helps, what is allowed.
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	switch e.Origin.Kind {
	case OriginFile:
		b.WriteString("config file " + e.Origin.Name)
		if e.Key != "" {
			b.WriteString(": key " + e.Key)
		}
	case OriginEnv:
		b.WriteString("environment variable " + e.Origin.Name)
	case OriginFlag:
		b.WriteString("flag " + e.Origin.Name)
	default:
		b.WriteString("config")
		if e.Key != "" {
			b.WriteString(": key " + e.Key)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap lets errors.Is find claimtrail.ErrConfig (and ErrUsage for flags)
// and the underlying cause, such as fs.ErrNotExist.
func (e *Error) Unwrap() []error {
	out := []error{claimtrail.ErrConfig, e.Err}
	if e.Origin.Kind == OriginFlag {
		out = append(out, claimtrail.ErrUsage)
	}
	return out
}

// Load resolves the configuration. Precedence, highest first: a flag set on
// the command line, a CLAIMTRAIL_* environment variable, the configuration
// file, the default. The file is the one named by opts.File, else by
// $CLAIMTRAIL_CONFIG, else ./claimtrail.yaml if it exists, else
// <user config dir>/claimtrail/config.yaml if it exists; a named file that
// does not exist is an error, a missing default file is not.
//
// Every problem found is returned at once (joined); each is an *Error that
// wraps claimtrail.ErrConfig.
func Load(opts LoadOptions) (*Config, error) {
	env := envFunc(opts.LookupEnv)
	environ := opts.Environ
	if env == nil {
		env = osEnv
		if environ == nil {
			environ = os.Environ
		}
	}
	workDir := opts.WorkDir
	if workDir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, &Error{Err: fmt.Errorf("working directory: %w", err)}
		}
		workDir = wd
	}

	cfg := defaults(env)
	origins := make(map[string]Origin, len(specs))
	for _, s := range specs {
		origins[s.key] = Origin{Kind: OriginDefault}
	}
	var errs []error

	// The file.
	path, searched, err := findFile(opts.File, workDir, env)
	cfg.Searched = searched
	if err != nil {
		return nil, err
	}
	if path != "" {
		cfg.File = path
		data, err := readFile(path)
		if err != nil {
			return nil, err
		}
		errs = append(errs, applyFile(cfg, origins, path, data)...)
	}

	// The environment.
	if environ != nil {
		errs = append(errs, unknownEnv(environ())...)
	}
	for _, s := range specs {
		name := EnvName(s.key)
		raw, ok := env(name)
		if !ok || raw == "" {
			continue
		}
		o := Origin{Kind: OriginEnv, Name: name}
		if err := apply(cfg, origins, s, raw, "", o); err != nil {
			errs = append(errs, err)
		}
	}

	// The flags.
	if opts.Flags != nil {
		for _, s := range specs {
			f := opts.Flags.Lookup(FlagName(s.key))
			if f == nil || !f.Changed {
				continue
			}
			var raw any = f.Value.String()
			if sv, ok := f.Value.(pflag.SliceValue); ok {
				raw = sv.GetSlice()
			}
			o := Origin{Kind: OriginFlag, Name: "--" + f.Name}
			if err := apply(cfg, origins, s, raw, "", o); err != nil {
				errs = append(errs, err)
			}
		}
	}

	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	cfg.settings = make([]Setting, 0, len(specs))
	for _, s := range specs {
		cfg.settings = append(cfg.settings, Setting{Key: s.key, Value: s.get(cfg), Origin: origins[s.key]})
	}
	return cfg, nil
}

func apply(cfg *Config, origins map[string]Origin, s spec, raw any, base string, o Origin) error {
	v, err := s.decode(raw, base)
	if err != nil {
		return &Error{Key: s.key, Origin: o, Err: fmt.Errorf("%w; allowed: %s", err, s.want)}
	}
	s.set(cfg, v)
	origins[s.key] = o
	return nil
}

// findFile picks the configuration file. It returns "" when none is named
// and none of the default places has one.
func findFile(explicit, workDir string, env envFunc) (path string, searched []string, err error) {
	named, how := explicit, "--config"
	if named == "" {
		if v, ok := env(EnvConfigFile); ok && v != "" {
			named, how = v, EnvConfigFile
		}
	}
	if named != "" {
		if !filepath.IsAbs(named) {
			named = filepath.Join(workDir, named)
		}
		fi, err := os.Stat(named)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return "", nil, &Error{Origin: Origin{Kind: OriginFile, Name: named},
					Err: fmt.Errorf("named by %s, does not exist: %w", how, fs.ErrNotExist)}
			}
			return "", nil, &Error{Origin: Origin{Kind: OriginFile, Name: named}, Err: unwrapPath(err)}
		}
		if fi.IsDir() {
			return "", nil, &Error{Origin: Origin{Kind: OriginFile, Name: named},
				Err: fmt.Errorf("named by %s, is a directory, not a YAML file", how)}
		}
		return named, nil, nil
	}

	candidates := []string{filepath.Join(workDir, FileName)}
	if dir := userConfigDir(env); dir != "" {
		candidates = append(candidates, filepath.Join(dir, "claimtrail", "config.yaml"))
	}
	for _, c := range candidates {
		fi, err := os.Stat(c)
		if err == nil && fi.Mode().IsRegular() {
			return c, candidates, nil
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", candidates, &Error{Origin: Origin{Kind: OriginFile, Name: c}, Err: unwrapPath(err)}
		}
	}
	return "", candidates, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Origin: Origin{Kind: OriginFile, Name: path}, Err: unwrapPath(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, &Error{Origin: Origin{Kind: OriginFile, Name: path}, Err: unwrapPath(err)}
	}
	if len(data) > maxFileBytes {
		return nil, &Error{Origin: Origin{Kind: OriginFile, Name: path},
			Err: fmt.Errorf("larger than %d bytes; is this the right file?", maxFileBytes)}
	}
	return data, nil
}

// applyFile parses a YAML file with a private viper and applies its keys.
func applyFile(cfg *Config, origins map[string]Origin, path string, data []byte) []error {
	o := Origin{Kind: OriginFile, Name: path}
	fileErr := func(key string, err error) error { return &Error{Key: key, Origin: o, Err: err} }

	v := viper.New()
	v.SetConfigType("yaml")
	if err := readConfig(v, data); err != nil {
		msg := strings.TrimPrefix(err.Error(), "While parsing config: ")
		msg = strings.Join(strings.Fields(strings.ReplaceAll(msg, "\n", "; ")), " ")
		return []error{fileErr("", fmt.Errorf("not valid YAML (want a mapping of keys to values): %s", msg))}
	}
	keys := v.AllKeys()
	sort.Strings(keys)
	base := filepath.Dir(path)
	secs := sections()
	var errs []error
	for _, key := range keys {
		if s, ok := lookupSpec(key); ok {
			raw := v.Get(key)
			if raw == nil {
				continue // "key:" with no value leaves the default
			}
			if err := apply(cfg, origins, s, raw, base, o); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		// A known key or section holding the wrong shape shows up as an
		// unknown nested or flat key; name the real mistake.
		if i := strings.IndexByte(key, '.'); i >= 0 {
			if s, ok := lookupSpec(key[:i]); ok {
				errs = append(errs, fileErr(s.key, fmt.Errorf("want %s, got mapping", s.want)))
				continue
			}
		}
		if slices.Contains(secs, key) {
			raw := v.Get(key)
			if m, ok := raw.(map[string]any); raw == nil || (ok && len(m) == 0) {
				continue // an empty section
			}
			errs = append(errs, fileErr(key, fmt.Errorf("want a mapping with keys %s, got %s",
				strings.Join(sectionKeys(key), ", "), typeName(raw))))
			continue
		}
		errs = append(errs, fileErr(key, fmt.Errorf("unknown key; allowed keys: %s", strings.Join(Keys(), ", "))))
	}
	return errs
}

// readConfig calls viper, turning a panic in a YAML corner case into an
// error: a configuration file must never crash the program.
func readConfig(v *viper.Viper, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot parse: %v", r)
		}
	}()
	return v.ReadConfig(bytes.NewReader(data))
}

func sectionKeys(section string) []string {
	var out []string
	for _, s := range specs {
		if rest, ok := strings.CutPrefix(s.key, section+"."); ok {
			out = append(out, rest)
		}
	}
	return out
}

func unknownEnv(environ []string) []error {
	known := map[string]bool{EnvConfigFile: true}
	for _, s := range specs {
		known[EnvName(s.key)] = true
	}
	var errs []error
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		// CLAIMTRAIL_TEST_* configure the test suite (a PostgreSQL
		// server to test against), not the program.
		if strings.HasPrefix(name, EnvPrefix) && !known[name] && !strings.HasPrefix(name, EnvPrefix+"TEST_") {
			names := make([]string, 0, len(specs)+1)
			for _, s := range specs {
				names = append(names, EnvName(s.key))
			}
			names = append(names, EnvConfigFile)
			errs = append(errs, &Error{Origin: Origin{Kind: OriginEnv, Name: name},
				Err: fmt.Errorf("unknown variable; allowed: %s", strings.Join(names, ", "))})
		}
	}
	return errs
}

// userConfigDir follows os.UserConfigDir but reads the environment through
// env, so tests can point it elsewhere: $XDG_CONFIG_HOME or ~/.config on
// Unix, ~/Library/Application Support on macOS, %AppData% on Windows.
func userConfigDir(env envFunc) string {
	return userDir(env, "AppData", "XDG_CONFIG_HOME", ".config")
}

// userDataDir is where the store lives by default: $XDG_DATA_HOME or
// ~/.local/share on Unix, ~/Library/Application Support on macOS,
// %LocalAppData% on Windows. Go has no os.UserDataDir, and the data should
// not sit in the config directory, which people copy between machines.
func userDataDir(env envFunc) string {
	return userDir(env, "LocalAppData", "XDG_DATA_HOME", filepath.Join(".local", "share"))
}

// userDir is a per-user directory: windowsVar on Windows, the XDG variable
// or unixRel under the home directory elsewhere; "" if none can be found.
func userDir(env envFunc, windowsVar, xdgVar, unixRel string) string {
	get := func(k string) string { v, _ := env(k); return v }
	switch runtime.GOOS {
	case "windows":
		return get(windowsVar)
	case "darwin", "ios":
		if h := get("HOME"); h != "" {
			return filepath.Join(h, "Library", "Application Support")
		}
	case "plan9":
		if h := get("home"); h != "" {
			return filepath.Join(h, "lib")
		}
	default:
		if d := get(xdgVar); filepath.IsAbs(d) {
			return d
		}
		if h := get("HOME"); h != "" {
			return filepath.Join(h, unixRel)
		}
	}
	return ""
}

// defaultDB is claimtrail/claimtrail.db in the user data directory, or
// claimtrail.db in the working directory when there is no home.
func defaultDB(env envFunc) string {
	if d := userDataDir(env); d != "" {
		return filepath.Join(d, "claimtrail", "claimtrail.db")
	}
	return "claimtrail.db"
}

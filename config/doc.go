// Package config resolves claimtrail's settings from defaults, a YAML file,
// CLAIMTRAIL_* environment variables and command-line flags, and hands the
// rest of the program a plain Config.
//
// It is the only package that imports viper, and it uses a private
// viper.New() instance rather than the global one: the other packages take
// their settings as struct fields, so they can be tested and reused without
// a configuration system, and two Loads in one process (as in tests) never
// see each other's state.
//
// Configuration is strict on purpose. A misspelt key or a value of the wrong
// type is an error naming the key, where it came from and what is allowed,
// because a silently ignored setting produces results that look right and
// are not. Load also records the origin of every value, so `claimtrail
// config` can answer "why is it doing that?".
package config

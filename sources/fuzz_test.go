package sources_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sources"
)

// FuzzMatch feeds arbitrary names to the key functions and the matcher,
// seeded with the pair table. Invariants: no panic; keys and skeletons are
// valid UTF-8 without surrounding spaces; a name with a key matches itself;
// Match is symmetric.
func FuzzMatch(f *testing.F) {
	for _, p := range pairs {
		f.Add(p.a, p.b)
	}
	f.Add("", "")
	f.Add("\xff\xfe", "Al-")
	f.Add(`"""`, `وكالة "`)
	f.Add("الرئيس الرئيس الرئيس", "President President")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, s := range []string{a, b} {
			k, sk := sources.Key(s), sources.Skeleton(s)
			for _, x := range []string{k, sk} {
				if !utf8.ValidString(x) || strings.TrimSpace(x) != x {
					t.Fatalf("key or skeleton of %q = %q", s, x)
				}
			}
			if k != "" && !sources.Match(s, s) {
				t.Fatalf("%q (key %q) does not match itself", s, k)
			}
		}
		if sources.Match(a, b) != sources.Match(b, a) {
			t.Fatalf("Match(%q, %q) is not symmetric", a, b)
		}
	})
}

// FuzzParseRegistry feeds arbitrary bytes to the registry loader.
// Invariants: no panic; an error wraps ErrInvalidInput; every source has an
// id, a name, a known kind, and its name among its aliases.
func FuzzParseRegistry(f *testing.F) {
	for _, s := range []string{
		"", "sources: []\n", "sources:\n  - {name: Rudaw, kind: outlet, aliases: [روداو]}\n",
		"sources:\n  - {name: X, kind: blog}\n", "- a\n", "sources: {a: 1}\n", "a: &a [*a]\n",
		"sources:\n  - {id: x, name: A}\n  - {id: x, name: B}\n", "sources:\n  - name: \"\\u0000\"\n",
	} {
		f.Add([]byte(s))
	}
	kinds := []claimtrail.SourceKind{"person", "organization", "government", "official", "outlet", "agency", "document", "anonymous", "other"}
	f.Fuzz(func(t *testing.T, data []byte) {
		srcs, err := sources.ParseRegistry(data)
		if err != nil {
			if !errors.Is(err, claimtrail.ErrInvalidInput) {
				t.Fatalf("error does not wrap ErrInvalidInput: %v", err)
			}
			return
		}
		for _, s := range srcs {
			if s.ID == "" || s.Name == "" || !slices.Contains(kinds, s.Kind) || !slices.Contains(s.Aliases, s.Name) {
				t.Fatalf("invalid source without error: %+v", s)
			}
		}
	})
}

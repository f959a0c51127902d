package sources_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sources"
)

func yamlUnmarshal(data []byte, v any) error { return yaml.Unmarshal(data, v) }

func TestParseRegistry(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		err      string
	}{
		{name: "empty", in: "", n: 0},
		{name: "empty list", in: "sources: []\n", n: 0},
		{name: "one", in: "sources:\n  - {name: Rudaw, kind: outlet, aliases: [روداو]}\n", n: 1},
		{name: "kind defaults to other", in: "sources:\n  - {name: X}\n", n: 1},
		{name: "unknown key", in: "sources:\n  - {name: X, knd: outlet}\n", err: "field knd not found"},
		{name: "unknown top key", in: "source: []\n", err: "field source not found"},
		{name: "no name", in: "sources:\n  - {kind: outlet}\n", err: "entry 1: no name"},
		{name: "name without letters", in: "sources:\n  - {name: '...'}\n", err: "no letters or digits"},
		{name: "bad kind", in: "sources:\n  - {name: X, kind: blog}\n", err: `entry 1 (X): unknown kind "blog"; allowed: person`},
		{name: "duplicate id", in: "sources:\n  - {name: X}\n  - {name: x}\n", err: "entry 2 (x): id"},
		{name: "not a mapping", in: "- a\n- b\n", err: "not a registry"},
		{name: "wrong type", in: "sources: {name: X}\n", err: "not a registry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sources.ParseRegistry([]byte(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !errors.Is(err, claimtrail.ErrInvalidInput) {
					t.Fatalf("err = %v, want %q wrapping ErrInvalidInput", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.n {
				t.Fatalf("%d sources, want %d", len(got), tt.n)
			}
			for _, s := range got {
				if s.ID != sources.ID(s.Name) || s.Kind == "" || s.Aliases[0] != s.Name {
					t.Errorf("source = %+v", s)
				}
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("sources:\n  - {name: X, kind: blog}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := sources.New(sources.Options{Registry: bad})
	if err == nil || !errors.Is(err, claimtrail.ErrConfig) || !errors.Is(err, claimtrail.ErrInvalidInput) ||
		!strings.HasPrefix(err.Error(), "registry "+bad+": entry 1 (X): unknown kind") {
		t.Errorf("bad kind: %v", err)
	}
	missing := filepath.Join(dir, "none.yaml")
	_, err = sources.New(sources.Options{Registry: missing})
	if err == nil || !errors.Is(err, claimtrail.ErrConfig) || !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: %v", err)
	}
}

func TestGet(t *testing.T) {
	r := newRegistry(t)
	id := sources.ID("Reuters")
	s, err := r.Get(id)
	if err != nil || s.Name != "Reuters" || s.Kind != claimtrail.KindAgency {
		t.Errorf("Get(%s) = %+v, %v", id, s, err)
	}
	if _, err := r.Get("s-nope"); !errors.Is(err, claimtrail.ErrNotFound) {
		t.Errorf("Get(s-nope) error = %v, want ErrNotFound", err)
	}
	// The registry hands out copies.
	s.Aliases[0] = "changed"
	if again, _ := r.Get(id); again.Aliases[0] == "changed" {
		t.Errorf("Get returned the registry's own slice")
	}
}

func TestID(t *testing.T) {
	if sources.ID("Reuters") != sources.ID("REUTERS") || sources.ID("يحيى رسول") != sources.ID("يَحيي  رسول") {
		t.Errorf("ID depends on spelling details the key ignores")
	}
	if sources.ID("Reuters") == sources.ID("Axios") || !strings.HasPrefix(sources.ID("Reuters"), "s-") || len(sources.ID("Reuters")) != 18 {
		t.Errorf("ID(Reuters) = %s", sources.ID("Reuters"))
	}
}

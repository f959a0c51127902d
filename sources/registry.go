package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// maxLearnedAliases bounds the aliases a learned source keeps.
const maxLearnedAliases = 64

// MaxRegistryBytes bounds a user registry file; a larger one is almost
// certainly the wrong file.
const MaxRegistryBytes = 8 << 20

// Options configure a Registry.
type Options struct {
	// Registry is a user registry YAML file whose entries add to the
	// built-in registry or override its entries (by id, or by a name
	// whose id is the same). "" means none.
	Registry string
}

// EntryDef is one registry entry as written in YAML.
type EntryDef struct {
	// ID is optional: by default ID(Name).
	ID          string   `yaml:"id"`
	Name        string   `yaml:"name"`
	Kind        string   `yaml:"kind"`
	Anonymous   bool     `yaml:"anonymous"`
	Affiliation string   `yaml:"affiliation"`
	Roles       []string `yaml:"roles"`
	Aliases     []string `yaml:"aliases"`
}

// RegistryFile is the YAML schema of a registry file.
type RegistryFile struct {
	Sources []EntryDef `yaml:"sources"`
}

var kinds = []claimtrail.SourceKind{
	claimtrail.KindPerson, claimtrail.KindOrganization, claimtrail.KindGovernment,
	claimtrail.KindOfficial, claimtrail.KindOutlet, claimtrail.KindAgency,
	claimtrail.KindDocument, claimtrail.KindAnonymous, claimtrail.KindOther,
}

// ID is the stable id of a source with this canonical name:
// claimtrail.SourceID of the name's text.Key, so the same name gets the
// same id in every run and every article whatever its case, hamza or
// diacritics. It hashes text.Key rather than the matcher's Key so that ids
// survive changes to the matcher's language data.
func ID(name string) string {
	return claimtrail.SourceID("", text.Key(cleanName(name)), "")
}

// ParseRegistry reads a registry file: a mapping with a `sources:` list of
// entries (name, kind, and optionally id, anonymous, affiliation, roles,
// aliases). Unknown keys, a missing name, an unknown kind or two entries
// with one id are errors wrapping claimtrail.ErrInvalidInput. The sources
// come back in file order with their ids filled and the name among the
// aliases.
func ParseRegistry(data []byte) (out []claimtrail.Source, err error) {
	defer func() {
		// The YAML decoder has panicked on hostile input before; a
		// registry file must never crash the program.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("cannot parse: %v: %w", r, claimtrail.ErrInvalidInput)
		}
	}()
	var rf RegistryFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&rf); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil // an empty file
		}
		return nil, fmt.Errorf("not a registry (want a mapping with a sources: list): %s: %w",
			oneLine(err.Error()), claimtrail.ErrInvalidInput)
	}
	seen := map[string]int{}
	for i, e := range rf.Sources {
		n := i + 1
		name := oneLine(e.Name)
		if name == "" {
			return nil, fmt.Errorf("entry %d: no name: %w", n, claimtrail.ErrInvalidInput)
		}
		if Key(name) == "" {
			return nil, fmt.Errorf("entry %d (%s): the name has no letters or digits: %w", n, name, claimtrail.ErrInvalidInput)
		}
		kind := claimtrail.SourceKind(strings.ToLower(strings.TrimSpace(e.Kind)))
		if kind == "" {
			kind = claimtrail.KindOther
		}
		if !slices.Contains(kinds, kind) {
			return nil, fmt.Errorf("entry %d (%s): unknown kind %q; allowed: %s: %w", n, name, e.Kind, kindList(), claimtrail.ErrInvalidInput)
		}
		id := strings.TrimSpace(e.ID)
		if id == "" {
			id = ID(name)
		}
		if prev, ok := seen[id]; ok {
			return nil, fmt.Errorf("entry %d (%s): id %s is also entry %d's: %w", n, name, id, prev, claimtrail.ErrInvalidInput)
		}
		seen[id] = n
		s := claimtrail.Source{
			ID:          id,
			Name:        name,
			Kind:        kind,
			Anonymous:   e.Anonymous || kind == claimtrail.KindAnonymous,
			Affiliation: oneLine(e.Affiliation),
		}
		for _, r := range e.Roles {
			s.Roles = appendUnique(s.Roles, oneLine(r))
		}
		s.Aliases = appendUnique(s.Aliases, name)
		for _, a := range e.Aliases {
			s.Aliases = appendUnique(s.Aliases, oneLine(a))
		}
		out = append(out, s)
	}
	return out, nil
}

func kindList() string {
	var b []string
	for _, k := range kinds {
		b = append(b, string(k))
	}
	return strings.Join(b, ", ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// appendUnique appends s unless it is empty or already in list.
func appendUnique(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// registryError is a problem with the user's registry file: a
// configuration error that names the file.
type registryError struct {
	path string
	err  error
}

func (e *registryError) Error() string { return "registry " + e.path + ": " + e.err.Error() }

func (e *registryError) Unwrap() []error { return []error{claimtrail.ErrConfig, e.err} }

// entry is a registry source with the forms of its names.
type entry struct {
	src   claimtrail.Source
	forms []form
	// learned entries were proposed by Link, not loaded.
	learned bool
	// seq orders entries as they were first added: the built-in registry
	// first, so it wins a tie.
	seq int
}

// Registry holds canonical sources: the built-in outlets and agencies, the
// user's entries, and the sources Link proposed so far, so that a source
// seen in one article is recognised in the next. It is safe for concurrent
// use.
type Registry struct {
	m *Matcher

	mu      sync.RWMutex
	entries []*entry
	byID    map[string]*entry
	// index maps a word key or a word skeleton of any name to the entries
	// that have it: the candidates a name is compared with.
	index map[string][]*entry
}

// New loads the built-in registry and then opts.Registry, if set. Errors
// in the user's file wrap claimtrail.ErrConfig and name the file.
func New(opts Options) (*Registry, error) {
	m, err := NewMatcher()
	if err != nil {
		return nil, err
	}
	r := &Registry{m: m, byID: map[string]*entry{}, index: map[string][]*entry{}}
	files, err := fs.Glob(builtin, "registry/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		data, err := builtin.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read built-in registry: %w", err)
		}
		srcs, err := ParseRegistry(data)
		if err != nil {
			return nil, fmt.Errorf("built-in %s: %w", f, err)
		}
		for _, s := range srcs {
			r.put(s, false)
		}
	}
	if opts.Registry != "" {
		data, err := readBounded(opts.Registry)
		if err != nil {
			return nil, &registryError{path: opts.Registry, err: err}
		}
		srcs, err := ParseRegistry(data)
		if err != nil {
			return nil, &registryError{path: opts.Registry, err: err}
		}
		for _, s := range srcs {
			r.put(s, false)
		}
	}
	return r, nil
}

func readBounded(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxRegistryBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxRegistryBytes {
		return nil, fmt.Errorf("larger than %d bytes", MaxRegistryBytes)
	}
	return data, nil
}

// put adds s, replacing an entry with the same id. The caller holds mu or
// owns r exclusively.
func (r *Registry) put(s claimtrail.Source, learned bool) *entry {
	seq := len(r.entries)
	if old, ok := r.byID[s.ID]; ok {
		r.unindex(old)
		i := slices.Index(r.entries, old)
		r.entries = slices.Delete(r.entries, i, i+1)
		seq = old.seq
	}
	if learned && len(s.Aliases) > maxLearnedAliases {
		// A learned source gains the names of every article that cites
		// it; past this many, new ones are not worth the matching time.
		s.Aliases = s.Aliases[:maxLearnedAliases]
	}
	e := &entry{src: s, learned: learned, seq: seq}
	seen := map[string]bool{}
	for _, n := range names(s) {
		e.addForm(r.m, n, seen)
	}
	r.entries = append(r.entries, e)
	r.byID[s.ID] = e
	r.indexEntry(e)
	return e
}

func names(s claimtrail.Source) []string {
	out := []string{s.Name}
	for _, a := range s.Aliases {
		out = appendUnique(out, a)
	}
	return out
}

func (e *entry) addForm(m *Matcher, name string, seen map[string]bool) {
	for _, f := range m.forms(name) {
		if k := f.key(); !f.empty() && !seen[k] {
			seen[k] = true
			e.forms = append(e.forms, f)
		}
	}
}

func indexKeys(f *form) []string {
	var out []string
	out = append(out, "k:"+f.key(), "f:"+f.fullKey())
	if j := f.joined(); len(j) >= 3 {
		out = append(out, "j:"+j)
	}
	for i, k := range f.keys {
		out = append(out, "w:"+k)
		if len(f.skels[i]) >= 2 {
			out = append(out, "s:"+f.skels[i])
		}
		if len(f.alts[i]) >= 2 {
			out = append(out, "s:"+f.alts[i])
		}
		if f.scripts[i] == scriptArabic {
			out = append(out, "w:"+f.loose[i])
		}
	}
	return out
}

func (r *Registry) indexEntry(e *entry) {
	for i := range e.forms {
		for _, k := range indexKeys(&e.forms[i]) {
			if l := r.index[k]; len(l) == 0 || l[len(l)-1] != e {
				r.index[k] = append(l, e)
			}
		}
	}
}

func (r *Registry) unindex(e *entry) {
	for fi := range e.forms {
		for _, k := range indexKeys(&e.forms[fi]) {
			l := r.index[k]
			i := slices.Index(l, e)
			if i < 0 {
				continue
			}
			l = slices.Delete(slices.Clone(l), i, i+1)
			if len(l) == 0 {
				delete(r.index, k)
			} else {
				r.index[k] = l
			}
		}
	}
}

// Sources returns every entry, built-in, user and learned, sorted by id.
func (r *Registry) Sources() []claimtrail.Source {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]claimtrail.Source, 0, len(r.entries))
	for _, e := range r.entries {
		out = append(out, cloneSource(e.src))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Get returns the entry with the given id; the error wraps
// claimtrail.ErrNotFound when there is none.
func (r *Registry) Get(id string) (claimtrail.Source, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	e, ok := r.byID[id]
	if !ok {
		return claimtrail.Source{}, fmt.Errorf("source %s: %w", id, claimtrail.ErrNotFound)
	}
	return cloneSource(e.src), nil
}

// Lookup returns the named source the registry knows under this name
// (any of its aliases, in either script), if any. Anonymous entries are
// never returned: a descriptor names a group, not one source.
func (r *Registry) Lookup(name string) (claimtrail.Source, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	e := r.lookupForms(r.m.lookupForms(name), "")
	if e == nil {
		return claimtrail.Source{}, false
	}
	return cloneSource(e.src), true
}

// lookupForms finds the best entry for any of the forms: an entry with an
// equal key first, then one the matcher accepts among the candidates that
// share a word or a skeleton, in registry order. kind, when set, keeps
// people apart from outlets: a person's name matches an outlet only by an
// equal key. The caller holds mu.
func (r *Registry) lookupForms(fs []form, kind claimtrail.SourceKind) *entry {
	for _, k := range exactKeys(fs) {
		for _, e := range r.index[k] {
			if !e.src.Anonymous {
				return e
			}
		}
	}
	var best *entry
	for i := range fs {
		f := &fs[i]
		seen := map[*entry]bool{}
		for _, k := range indexKeys(f) {
			for _, e := range r.index[k] {
				if seen[e] || e.src.Anonymous || !kindsCompatible(kind, e.src.Kind) {
					continue
				}
				seen[e] = true
				for j := range e.forms {
					if !fuzzyOK(f, &e.forms[j]) || !matchForms(f, &e.forms[j]) {
						continue
					}
					if best == nil || e.seq < best.seq {
						best = e
					}
					break
				}
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

// exactKeys are the index keys an exact lookup tries, best first: the
// name as written against names as written, then the name without its
// descriptor against names as written ("صحيفة نيويورك تايمز" is "نيويورك
// تايمز"), then against names without theirs.
func exactKeys(fs []form) []string {
	var out []string
	for i := range fs {
		out = append(out, "f:"+fs[i].fullKey())
	}
	for i := range fs {
		out = append(out, "f:"+fs[i].key())
	}
	for i := range fs {
		out = append(out, "k:"+fs[i].key())
	}
	return out
}

// fuzzyOK keeps very short names out of fuzzy matching against the
// registry: "AP" and "واس" match only exactly.
func fuzzyOK(a, b *form) bool {
	return len(a.joined()) >= 3 && len(b.joined()) >= 3
}

// kindsCompatible keeps people and news media apart in fuzzy matching.
// Extraction's other kinds are too often wrong (a surname alone reads as an
// organization) to keep anything else apart.
func kindsCompatible(mention, entry claimtrail.SourceKind) bool {
	media := func(k claimtrail.SourceKind) bool { return k == claimtrail.KindOutlet || k == claimtrail.KindAgency }
	person := func(k claimtrail.SourceKind) bool { return k == claimtrail.KindPerson }
	return !(person(mention) && media(entry) || media(mention) && person(entry))
}

func cloneSource(s claimtrail.Source) claimtrail.Source {
	s.Roles = slices.Clone(s.Roles)
	s.Aliases = slices.Clone(s.Aliases)
	return s
}

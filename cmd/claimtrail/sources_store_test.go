package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func sourcesList(t *testing.T, db string, args ...string) []claimtrail.SourceCount {
	t.Helper()
	r := cli{}.run(t, append([]string{"sources", "list", "--db", db, "-f", "json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("sources list %v: exit %d: %s", args, r.code, r.stderr)
	}
	var out []claimtrail.SourceCount
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	return out
}

// TestSourcesStore: list, show, merge and split on the ingested corpus.
// The corpus names two ministers in both scripts; linking makes each one
// source, and merge and split change that and can be undone.
func TestSourcesStore(t *testing.T) {
	db := ingested(t)
	all := sourcesList(t, db)
	if len(all) == 0 {
		t.Fatal("no sources stored")
	}
	for i := 1; i < len(all); i++ {
		if all[i].Claims > all[i-1].Claims {
			t.Errorf("not most cited first: %d before %d", all[i-1].Claims, all[i].Claims)
		}
	}
	haddad := sourcesList(t, db, "--name", "Samir Haddad")
	if len(haddad) != 1 || haddad[0].Articles != 2 {
		t.Fatalf("Samir Haddad: %+v, want one source cited in both outlets' articles", haddad)
	}
	if !strings.Contains(strings.Join(haddad[0].Source.Aliases, "|"), "سمير حداد") {
		t.Errorf("aliases %v lack the Arabic name", haddad[0].Source.Aliases)
	}
	for _, s := range sourcesList(t, db, "--kind", "anonymous") {
		if s.Source.Kind != claimtrail.KindAnonymous {
			t.Errorf("--kind anonymous listed %+v", s.Source)
		}
	}

	// show by an alias in the other script
	r := cli{}.run(t, "sources", "show", "--db", db, "سمير حداد")
	if r.code != 0 || !strings.Contains(r.stdout, haddad[0].Source.ID) || !strings.Contains(r.stdout, "in 2 articles") {
		t.Fatalf("show: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := (cli{}).run(t, "sources", "show", "--db", db, "nobody at all"); r.code != exitFailure || !strings.Contains(r.stderr, "not found") {
		t.Errorf("show unknown: exit %d, stderr %q", r.code, r.stderr)
	}

	// split the Arabic name off, then merge it back
	r = cli{}.run(t, "sources", "split", "--db", db, "-f", "json", haddad[0].Source.ID, "سمير حداد")
	if r.code != 0 {
		t.Fatalf("split: exit %d: %s", r.code, r.stderr)
	}
	var split claimtrail.Source
	if err := json.Unmarshal([]byte(r.stdout), &split); err != nil || split.ID == haddad[0].Source.ID {
		t.Fatalf("split gave %+v (%v)", split, err)
	}
	if got := sourcesList(t, db, "--name", "Samir Haddad"); len(got) != 1 || got[0].Articles != 1 {
		t.Errorf("after split, Samir Haddad: %+v, want one article", got)
	}
	r = cli{}.run(t, "sources", "merge", "--db", db, "Samir Haddad", split.ID)
	if r.code != 0 || !strings.Contains(r.stdout, "in 2 articles") && !strings.Contains(r.stdout, haddad[0].Source.ID) {
		t.Fatalf("merge: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := sourcesList(t, db, "--name", "Samir Haddad"); len(got) != 1 || got[0].Articles != 2 {
		t.Errorf("after merge, Samir Haddad: %+v, want both articles again", got)
	}
	// the claims follow: --source by the merged-away id still works
	if got := storedClaims(t, db, "--source", split.ID); len(got) != haddad[0].Claims {
		t.Errorf("claims of the merged id: %d, want %d", len(got), haddad[0].Claims)
	}
}

func TestSourcesStoreUsage(t *testing.T) {
	db := ingested(t)
	for _, args := range [][]string{
		{"sources", "list", "--db", db, "extra"},
		{"sources", "show", "--db", db},
		{"sources", "merge", "--db", db, "only-one"},
		{"sources", "split", "--db", db, "only-one"},
		{"sources", "list", "--db", db, "-f", "md"},
	} {
		if r := (cli{}).run(t, args...); r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d (usage): %s", args, r.code, exitUsage, r.stderr)
		}
	}
}

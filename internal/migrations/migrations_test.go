package migrations_test

import (
	"testing"
	"testing/fstest"

	"github.com/claimtrail/claimtrail/internal/migrations"
)

func TestList(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0002_more.sql": {Data: []byte("B")},
		"m/0001_init.sql": {Data: []byte("A")},
		"m/README":        {Data: []byte("not a migration")},
	}
	got, err := migrations.List(fsys, "m")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Version != 1 || got[0].SQL != "A" || got[1].Name != "0002_more.sql" {
		t.Fatalf("got %+v", got)
	}
	if _, err := migrations.List(fstest.MapFS{"m/init.sql": {}}, "m"); err == nil {
		t.Error("a file without a number was accepted")
	}
}

package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/config"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/text"
)

// The tests below run the command line in a child process, to kill it or
// to give it another user or a file size limit: the test binary re-runs
// itself with childArgsEnv set, and TestMain then runs the command as main
// does.
const (
	childArgsEnv  = "CLAIMTRAIL_TEST_CHILD_ARGS"  // the command line, a JSON array
	childFsizeEnv = "CLAIMTRAIL_TEST_CHILD_FSIZE" // RLIMIT_FSIZE in bytes, if set
)

func TestMain(m *testing.M) {
	if args := os.Getenv(childArgsEnv); args != "" {
		os.Exit(childMain(args))
	}
	os.Exit(m.Run())
}

func childMain(argsJSON string) int {
	var args []string
	if err := json.Unmarshal([]byte(argsJSON), &args); err != nil {
		os.Stderr.WriteString("child: " + err.Error() + "\n")
		return 3
	}
	if v := os.Getenv(childFsizeEnv); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			os.Stderr.WriteString("child: " + err.Error() + "\n")
			return 3
		}
		// A write past the limit must fail with EFBIG, as on a full disk,
		// not stop the process with SIGXFSZ.
		signal.Ignore(syscall.SIGXFSZ)
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
			os.Stderr.WriteString("child: " + err.Error() + "\n")
			return 3
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, os.Stdin, os.Stdout, os.Stderr)
}

// child is the command line in a child process.
type child struct {
	bin   string // the test binary; "" is os.Args[0]
	home  string
	fsize int64               // RLIMIT_FSIZE, 0 for none
	cred  *syscall.Credential // another user, if set
}

func (c child) cmd(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	js, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	bin := c.bin
	if bin == "" {
		bin = os.Args[0]
	}
	cmd := exec.Command(bin)
	cmd.Env = []string{childArgsEnv + "=" + string(js), "HOME=" + c.home, "PATH=" + os.Getenv("PATH")}
	if c.fsize > 0 {
		cmd.Env = append(cmd.Env, childFsizeEnv+"="+strconv.FormatInt(c.fsize, 10))
	}
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	cmd.Dir = c.home
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	return cmd, &stdout, &stderr
}

// run runs a child to its end.
func (c child) run(t *testing.T, args ...string) result {
	t.Helper()
	cmd, stdout, stderr := c.cmd(t, args...)
	err := cmd.Run()
	var ee *exec.ExitError
	code := 0
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// expectedClaims reads a corpus the way ingest does and gives the number
// of claims extraction finds in each version, by version id.
func expectedClaims(t *testing.T, input string) map[string]int {
	t.Helper()
	x, err := claims.New(claims.Options{MaxClaims: config.DefaultMaxClaimsPerArticle})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for a, err := range ingest.NewReader(ingest.Options{}).Read(context.Background(), input) {
		if err != nil {
			t.Fatal(err)
		}
		text.Segment(&a)
		want[claimtrail.VersionID(claimtrail.VersionKey(&a), a.Hash)] = len(x.Extract(&a))
	}
	return want
}

// checkStore checks a SQLite file after a crash: PRAGMA integrity_check
// says ok, and every stored version has all its claims: the number
// extraction gives for its text, which is also its claim_count, in claim
// rows. It returns the number of versions stored.
func checkStore(t *testing.T, db string, want map[string]int) int {
	t.Helper()
	if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
		return 0 // killed before it made the file
	}
	// Opened for writing, as the next run would: a killed writer leaves a
	// WAL to recover.
	h, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var ok string
	if err := h.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q, %v", ok, err)
	}
	// Killed after it made the file but before its schema committed (the
	// migrations are one transaction): an empty database, which the next
	// run migrates.
	var tables int
	if err := h.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'versions'`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables == 0 {
		return 0
	}
	rows, err := h.Query(`SELECT v.id, v.claim_count, (SELECT count(*) FROM claims c WHERE c.version_id = v.id) FROM versions v`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id string
		var stored, actual int
		if err := rows.Scan(&id, &stored, &actual); err != nil {
			t.Fatal(err)
		}
		n++
		w, known := want[id]
		if !known || stored != w || actual != w {
			t.Errorf("version %s: claim_count %d, %d claim rows, extraction gives %d (in corpus: %v)", id, stored, actual, w, known)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestIngestKilled kills a real ingest with SIGKILL at 20 random points.
// After each kill the file passes PRAGMA integrity_check and every stored
// version holds all its claims; the next run goes on from there. In the
// end two runs in a row complete the corpus and then find nothing new.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts subprocesses")
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "corpus.jsonl")
	if err := writeBenchCorpus(input, 1000); err != nil {
		t.Fatal(err)
	}
	want := expectedClaims(t, input)
	db := filepath.Join(dir, "k.db")
	c := child{home: dir}

	// How long a whole run takes sets the range of the kill delays.
	start := time.Now()
	if r := c.run(t, "ingest", "--db", db, "--batch", "16", input); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	whole := time.Since(start)
	if n := checkStore(t, db, want); n != len(want) {
		t.Fatalf("uninterrupted ingest stored %d versions, want %d", n, len(want))
	}
	removeDB(t, db)

	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("CLAIMTRAIL_KILL_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (CLAIMTRAIL_KILL_SEED=%d repeats it); a whole run takes %v", seed, seed, whole.Round(time.Millisecond))
	rng := rand.New(rand.NewPCG(seed, 0))
	var counts []string
	// A run that finishes before its kill does not count; one that leaves
	// more than three quarters stored is the last on that file, so that
	// the next kill still lands while articles are being written.
	kills, finished := 0, 0
	for attempt := 0; kills < 20; attempt++ {
		if attempt == 60 {
			t.Fatalf("only %d of %d runs were killed before they finished", kills, attempt)
		}
		delay := time.Duration(rng.Int64N(int64(whole))) + 20*time.Millisecond
		cmd, _, stderr := c.cmd(t, "ingest", "--db", db, "--batch", "16", input)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		if err != nil && ee.ExitCode() > 0 {
			t.Fatalf("attempt %d: exit %d: %s", attempt, ee.ExitCode(), stderr)
		}
		n := checkStore(t, db, want)
		if t.Failed() {
			t.Fatalf("attempt %d: killed after %v: the store is not whole", attempt, delay)
		}
		if err == nil {
			finished++
			removeDB(t, db)
			continue
		}
		kills++
		counts = append(counts, strconv.Itoa(n))
		if n > len(want)*3/4 {
			removeDB(t, db)
		}
	}
	t.Logf("20 kills (and %d runs that finished first); versions stored whole after each kill: %s (of %d)", finished, strings.Join(counts, " "), len(want))

	r := c.run(t, "ingest", "--db", db, input)
	if r.code != 0 {
		t.Fatalf("ingest after the kills: exit %d: %s", r.code, r.stderr)
	}
	if n := checkStore(t, db, want); n != len(want) {
		t.Errorf("after the last run: %d versions, want %d", n, len(want))
	}
	r = c.run(t, "ingest", "--db", db, input)
	if r.code != 0 || !strings.Contains(r.stdout, "Nothing new") {
		t.Errorf("ingest once more: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func removeDB(t *testing.T, db string) {
	t.Helper()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(db + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
	}
}

// storeCounts is the number of versions and claims stored.
func storeCounts(t *testing.T, db string) (versions, claims int) {
	t.Helper()
	h, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := h.QueryRow(`SELECT (SELECT count(*) FROM versions), (SELECT count(*) FROM claims)`).Scan(&versions, &claims); err != nil {
		t.Fatal(err)
	}
	return versions, claims
}

// TestReadOnlyDatabase ingests into a database file its user cannot
// write: exit 1 and a message saying so and what to do; the read commands
// still work, and nothing stored changes. Root ignores file modes, so as
// root the child runs as nobody (65534). Two setups: the directory
// writable (SQLite can make the -shm file and reads the file with
// mode=ro) and not (it reads the file as immutable).
func TestReadOnlyDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("starts subprocesses")
	}
	// t.TempDir is private to its owner; nobody must reach the files.
	base, err := os.MkdirTemp("", "claimtrail-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	c := child{home: base}
	if os.Getuid() == 0 {
		c.cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		c.bin = filepath.Join(base, "claimtrail.test")
		copyFile(t, os.Args[0], c.bin, 0o755)
	}
	input := filepath.Join(base, "more.txt")
	if err := os.WriteFile(input, []byte("A new article\n\nThe minister said the road would open in May.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		dirMode os.FileMode
	}{
		{"writable directory", 0o777},
		{"read-only directory", 0o555},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(base, strings.ReplaceAll(tt.name, " ", "-"))
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(dir, "c.db")
			if r := (cli{}).run(t, "ingest", "--db", db, corpus); r.code != 0 {
				t.Fatalf("ingest corpus: exit %d: %s", r.code, r.stderr)
			}
			wantV, wantC := storeCounts(t, db)
			if err := os.Chmod(db, 0o444); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, tt.dirMode); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			r := c.run(t, "ingest", "--db", db, input)
			if r.code != exitFailure || !strings.Contains(r.stderr, "is read-only") || !strings.Contains(r.stderr, "make the file and its directory writable") {
				t.Errorf("ingest: exit %d, want 1 and a message saying the database is read-only\nstderr %q", r.code, r.stderr)
			}
			r = c.run(t, "articles", "--db", db, "-f", "jsonl")
			if r.code != 0 || strings.Count(r.stdout, "\n") != 4 {
				t.Errorf("articles: exit %d, %d lines, want 4\nstderr %q", r.code, strings.Count(r.stdout, "\n"), r.stderr)
			}
			r = c.run(t, "claims", "--db", db, "--all-versions", "-f", "jsonl")
			if r.code != 0 || strings.Count(r.stdout, "\n") != wantC {
				t.Errorf("claims: exit %d, %d lines, want %d\nstderr %q", r.code, strings.Count(r.stdout, "\n"), wantC, r.stderr)
			}
			if v, cs := storeCounts(t, db); v != wantV || cs != wantC {
				t.Errorf("store changed: %d versions, %d claims; want %d, %d", v, cs, wantV, wantC)
			}
		})
	}
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestDiskFull ingests into a database that already holds articles, with
// a file size limit (RLIMIT_FSIZE) that stops the database and its WAL
// growing: writes fail as on a full disk. The ingest exits 1 saying the
// disk is full and what to do, the file passes PRAGMA integrity_check,
// what was stored before is still there, every version stored is whole,
// and without the limit the same command completes the corpus.
func TestDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("starts subprocesses")
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "corpus.jsonl")
	if err := writeBenchCorpus(input, 300); err != nil {
		t.Fatal(err)
	}
	want := expectedClaims(t, input)
	db := filepath.Join(dir, "c.db")
	if r := (cli{}).run(t, "ingest", "--db", db, corpus); r.code != 0 {
		t.Fatalf("ingest corpus: exit %d: %s", r.code, r.stderr)
	}
	before := claimsJSONL(t, db)
	for k, v := range expectedClaims(t, corpus) {
		want[k] = v
	}
	fi, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	c := child{home: dir, fsize: fi.Size() + 64<<10}
	r := c.run(t, "ingest", "--db", db, input)
	if r.code != exitFailure || !strings.Contains(r.stderr, "disk full") || !strings.Contains(r.stderr, "free some space") {
		t.Fatalf("ingest with a file size limit: exit %d, want 1 and a message saying the disk is full\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}
	t.Logf("limit %d bytes: %s", c.fsize, strings.TrimSpace(r.stderr))
	n := checkStore(t, db, want)
	after := claimsJSONL(t, db)
	for line := range strings.Lines(before) {
		if !strings.Contains(after, line) {
			t.Fatalf("a claim stored before is gone or changed: %s", line)
		}
	}
	t.Logf("%d versions stored whole when the disk filled", n)
	if r := (child{home: dir}).run(t, "ingest", "--db", db, input); r.code != 0 {
		t.Fatalf("ingest without the limit: exit %d: %s", r.code, r.stderr)
	}
	if n := checkStore(t, db, want); n != len(want) {
		t.Errorf("after the re-run: %d versions, want %d", n, len(want))
	}
}

// claimsJSONL is every stored claim, one JSON line each.
func claimsJSONL(t *testing.T, db string) string {
	t.Helper()
	r := cli{}.run(t, "claims", "--db", db, "--all-versions", "-f", "jsonl")
	if r.code != 0 {
		t.Fatalf("claims: exit %d: %s", r.code, r.stderr)
	}
	return r.stdout
}

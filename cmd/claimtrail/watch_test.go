package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/capture"
)

// syncBuffer is written by the watcher while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func waitFor(t *testing.T, out *syncBuffer, want ...string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(out.String(), w)
		}
		if ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %q in the watch log:\n%s", want, out.String())
}

// The README walkthrough, in-process: watch the demo site's feed, edit the
// stories, see the claim changes logged and the versions stored.
func TestWatchDemoSite(t *testing.T) {
	srv := httptest.NewServer(newDemoSite())
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "w.db")
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	sched, _ := capture.ParseSchedule("0=50ms,1h=stop")
	go func() {
		done <- runWatch(ctx, watchOptions{
			Feeds: []string{srv.URL + "/feed.xml"}, DB: db, FeedEvery: time.Hour, Schedule: sched,
			HostInterval: -1, Timeout: 2 * time.Second, MaxRedirects: 3,
		}, out)
	}()
	truce, port := srv.URL+"/news/truce.html", srv.URL+"/news/port.html"
	waitFor(t, out, "new         "+truce+": version 1", "new         "+port+": version 1")
	http.Get(srv.URL + "/edit")
	waitFor(t, out, truce+": version 2", port+": version 2")
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("watch ended with %v", err)
	}
	log := out.String()
	for _, want := range []string{"[number_changed]", "+ مسؤول في الحكومة السودانية", "stopped"} {
		if !strings.Contains(log, want) {
			t.Errorf("no %q in the log:\n%s", want, log)
		}
	}
	if strings.Contains(log, "version 3") {
		t.Errorf("a version stored without an edit:\n%s", log)
	}
	r := cli{}.run(t, "versions", "--db", db, truce)
	if r.code != 0 || !strings.Contains(r.stdout, "2 versions") {
		t.Errorf("versions: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

func TestFetch(t *testing.T) {
	srv := httptest.NewServer(newDemoSite())
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "f.db")
	var out bytes.Buffer
	var reported []error
	opts := fetchOptions{URLs: []string{srv.URL + "/news/port.html", srv.URL + "/missing"}, DB: db, Format: "table",
		Timeout: time.Second, MaxRedirects: 2, HostInterval: -1, Report: func(err error) { reported = append(reported, err) }}
	err := runFetch(context.Background(), opts, &out)
	if err == nil || !strings.Contains(err.Error(), "1 of 2 URLs") {
		t.Errorf("error %v", err)
	}
	if len(reported) != 1 || !strings.Contains(reported[0].Error(), "404") {
		t.Errorf("reported %v", reported)
	}
	if !strings.Contains(out.String(), "added        "+srv.URL+"/news/port.html (") || !strings.Contains(out.String(), "failed       "+srv.URL+"/missing") {
		t.Errorf("output:\n%s", out.String())
	}
	out.Reset()
	opts.URLs = opts.URLs[:1]
	if err := runFetch(context.Background(), opts, &out); err != nil || !strings.HasPrefix(out.String(), "unchanged") {
		t.Errorf("second fetch: %v\n%s", err, out.String())
	}
}

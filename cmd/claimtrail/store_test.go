package main

import (
	"strings"
	"testing"
	"time"
)

func TestParseWhen(t *testing.T) {
	now := time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in       string
		end      bool
		want     string
		wantFail bool
	}{
		{in: "2025-03-01", want: "2025-03-01T00:00:00Z"},
		{in: "2025-03-01", end: true, want: "2025-03-02T00:00:00Z"},
		{in: "2025-03", end: true, want: "2025-04-01T00:00:00Z"},
		{in: "2025", want: "2025-01-01T00:00:00Z"},
		{in: "2025", end: true, want: "2026-01-01T00:00:00Z"},
		{in: "2025-03-01T14:30:00+03:00", end: true, want: "2025-03-01T11:30:00Z"},
		{in: "2025-03-01T14:30", end: true, want: "2025-03-01T14:31:00Z"},
		{in: "36h", want: "2025-03-09T00:00:00Z"},
		{in: "7d", want: "2025-03-03T12:00:00Z"},
		{in: " 2w ", want: "2025-02-24T12:00:00Z"},
		{in: "", wantFail: true},
		{in: "yesterday", wantFail: true},
		{in: "7y", wantFail: true},
		{in: "2025-13-01", wantFail: true},
		{in: "-5d", wantFail: true},
	}
	for _, tt := range tests {
		got, err := parseWhen(tt.in, now, tt.end)
		if tt.wantFail {
			if err == nil {
				t.Errorf("parseWhen(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got.UTC().Format(time.RFC3339) != tt.want {
			t.Errorf("parseWhen(%q, end=%v) = %v, %v; want %s", tt.in, tt.end, got, err, tt.want)
		}
	}
}

// FuzzParseWhen: any input gives a time or an error that shows the forms
// allowed, never a panic; an end is never before the start.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"2025-03-01", "2025-03", "2025", "2025-03-01T14:30:00Z", "2025-03-01T14:30", "36h", "7d", "2w", "", "x", "99999999d"} {
		f.Add(s)
	}
	now := time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		start, err := parseWhen(s, now, false)
		if err != nil {
			if !strings.Contains(err.Error(), "2025-03-01") {
				t.Errorf("error without the allowed forms: %v", err)
			}
			return
		}
		end, err := parseWhen(s, now, true)
		if err != nil {
			t.Fatalf("start parses, end does not: %v", err)
		}
		if end.Before(start) {
			t.Errorf("%q: end %v before start %v", s, end, start)
		}
	})
}

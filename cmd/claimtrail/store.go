package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/postgres"
	"github.com/claimtrail/claimtrail/sqlite"
)

// addDBFlag gives a store command --db; config.Load reads it into cfg.DB.
func addDBFlag(cmd *cobra.Command) {
	cmd.Flags().String("db", "", "the store: a SQLite `FILE` or a postgres:// URL (default: the db setting, <user data dir>/claimtrail/claimtrail.db)")
}

// openStore opens the store the db setting names, creating its directory
// on first use. Only cmd/claimtrail knows which backend a setting means.
func openStore(ctx context.Context, db string) (claimtrail.Store, error) {
	if postgres.IsDSN(db) {
		return postgres.Open(ctx, db, postgres.Options{})
	}
	if strings.Contains(db, "://") {
		scheme, _, _ := strings.Cut(db, "://")
		return nil, fmt.Errorf("%w: db %q: %s databases are not supported; give a file path for SQLite or a postgres:// URL", claimtrail.ErrConfig, redactDSN(db), scheme)
	}
	if dir := filepath.Dir(db); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	s, err := sqlite.Open(ctx, db, sqlite.Options{})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// redactDSN hides the password of a database URL, for messages.
func redactDSN(db string) string {
	if u, err := url.Parse(db); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			return u.Redacted()
		}
	}
	return db
}

// storeFormats are the formats the query commands write.
var storeFormats = []string{"table", "json", "jsonl", "csv"}

// encodeJSON writes v as one indented object (json) or one line (jsonl).
func encodeJSON(w io.Writer, format string, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if format == "json" {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}

// writeCSV writes a header and rows.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// parseWhen reads a --since, --until or --captured value: RFC 3339
// (2025-03-01T14:30:00Z), a day (2025-03-01), a month (2025-03), a year
// (2025), or an age before now (36h, 7d, 2w). With end set, a day, month
// or year means the moment it ends, so --until 2025-03-01 takes in all of
// that day.
func parseWhen(s string, now time.Time, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if n := len(s); n >= 2 && unicode.IsLetter(rune(s[n-1])) && !strings.ContainsAny(s, "-:") {
		num, err := strconv.Atoi(s[:n-1])
		if err == nil && num >= 0 && num <= 100000 {
			var d time.Duration
			switch s[n-1] {
			case 'h':
				d = time.Hour
			case 'd':
				d = 24 * time.Hour
			case 'w':
				d = 7 * 24 * time.Hour
			}
			if d > 0 {
				return now.Add(-time.Duration(num) * d).UTC(), nil
			}
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, l := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02T15:04", func(t time.Time) time.Time { return t.Add(time.Minute) }},
		{time.DateOnly, func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if t, err := time.Parse(l.layout, s); err == nil {
			if end {
				t = l.next(t)
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date: use 2025-03-01, 2025-03, 2025, 2025-03-01T14:30:00Z or an age such as 36h, 7d, 2w", s)
}

// dateFlags parses --since and --until.
func dateFlags(since, until string, now time.Time) (s, u time.Time, err error) {
	if since != "" {
		if s, err = parseWhen(since, now, false); err != nil {
			return s, u, usagef("--since: %v", err)
		}
	}
	if until != "" {
		if u, err = parseWhen(until, now, true); err != nil {
			return s, u, usagef("--until: %v", err)
		}
	}
	if !s.IsZero() && !u.IsZero() && !u.After(s) {
		return s, u, usagef("--until %s is not after --since %s", until, since)
	}
	return s, u, nil
}

// oneOf checks a flag value against its allowed values.
func oneOf[T ~string](flag, v string, allowed ...T) (T, error) {
	if v == "" {
		return "", nil
	}
	var names []string
	for _, a := range allowed {
		if string(a) == v {
			return a, nil
		}
		names = append(names, string(a))
	}
	return "", usagef("--%s: unknown value %q; use one of %s", flag, v, strings.Join(names, ", "))
}

package postgres_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/postgres"
)

// lexeme is one quoted word of a tsquery; a quote inside is doubled.
var lexeme = regexp.MustCompile(`'(?:[^']|'')+'`)

// FuzzTSQuery: whatever is typed, the tsquery PostgreSQL gets quotes every
// word and has nothing else but its operators, with balanced parentheses,
// so no input can be read as tsquery syntax or fail to parse. (The
// contract suite sends the awkward cases through a real server.)
func FuzzTSQuery(f *testing.F) {
	for _, s := range []string{"port", `"port would"`, "reop*", "أكّد", "وقال", "NOT OR AND", "a & b | !c", "x:*", `a "b`,
		"(", "*", `"`, "'", "''", `\`, "\x00", "ﷺ", "a-b c+d", "ـــ", "<->", "it's"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		tq := postgres.TSQuery(q)
		rest := lexeme.ReplaceAllString(tq, "")
		if strings.Trim(rest, "&|<->:*() ") != "" {
			t.Fatalf("TSQuery(%q) = %q: %q outside the quoted words", q, tq, rest)
		}
		depth := 0
		for _, r := range rest {
			switch r {
			case '(':
				depth++
			case ')':
				depth--
			}
			if depth < 0 {
				t.Fatalf("TSQuery(%q) = %q: unbalanced parentheses", q, tq)
			}
		}
		if depth != 0 {
			t.Fatalf("TSQuery(%q) = %q: unbalanced parentheses", q, tq)
		}
		if strings.Contains(tq, "\x00") {
			t.Fatalf("TSQuery(%q) = %q holds a NUL", q, tq)
		}
	})
}

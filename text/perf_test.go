package text_test

import (
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// TestLinearTime guards against quadratic behaviour on hostile input: each
// case is 200k runes, which takes milliseconds when linear and minutes when
// quadratic. The bound is loose on purpose, so that a loaded CI machine
// does not fail it; it is a guard, not a measure (benchmarks measure).
func TestLinearTime(t *testing.T) {
	cases := map[string]string{
		"dotted":      strings.Repeat("a.", 100_000),
		"quotes":      strings.Repeat("«", 100_000) + strings.Repeat("»", 100_000),
		"open quotes": strings.Repeat("« ", 100_000),
		"straight":    strings.Repeat("\" x. ", 40_000),
		"stops":       strings.Repeat(". ", 100_000),
		"brackets":    "..." + strings.Repeat("(", 200_000),
		"long word":   strings.Repeat("ب", 200_000) + ".",
		"numbers":     strings.Repeat("1,", 100_000),
		"lines":       strings.Repeat("x (y)\n", 40_000),
		"blank":       strings.Repeat(" \u200f\n", 70_000),
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			a := &claimtrail.Article{Text: s}
			text.Segment(a)
			_ = text.Tokenize(s)
			_ = text.Key(s)
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

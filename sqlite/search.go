package sqlite

import (
	"strings"

	"github.com/claimtrail/claimtrail/text"
)

// FTSQuery turns what a person typed into an FTS5 query over folded text:
// every word must match (AND), "quoted words" match as a phrase, a word
// ending in * matches as a prefix, and a word with a leading proclitic
// (وقال) also matches without it. Words are folded with text.Key and then
// quoted, so nothing typed is ever read as FTS5 syntax (OR, NOT, NEAR,
// column filters, parentheses). It returns "" when nothing is left to
// look for.
func FTSQuery(q string) string {
	var out []string
	for _, t := range text.ParseQuery(q) {
		quoted := `"` + strings.Join(t.Words, " ") + `"`
		switch {
		case t.Prefix:
			out = append(out, quoted+"*")
		case t.Alt != "":
			out = append(out, "("+quoted+` OR "`+t.Alt+`")`)
		default:
			out = append(out, quoted)
		}
	}
	return strings.Join(out, " AND ")
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// defaultHits is the number of hits when SearchOptions.Limit is zero.
const defaultHits = 50

// term is one thing a query looks for: a word (with the form without its
// proclitic, or as a prefix) or a phrase of folded words.
type term struct {
	words  []string
	alt    string // the word without a leading proclitic, if that differs
	prefix bool
}

// parseQuery splits what a person typed into terms: words, "quoted
// phrases" (an unclosed quote runs to the end) and word* prefixes, each
// folded with text.Key.
func parseQuery(q string) []term {
	var terms []term
	add := func(chunk string, phrase bool) {
		prefix := !phrase && strings.HasSuffix(chunk, "*")
		ws := words(text.Key(chunk))
		switch {
		case len(ws) == 0:
		case len(ws) > 1 || phrase:
			terms = append(terms, term{words: ws})
		case prefix:
			terms = append(terms, term{words: ws, prefix: true})
		default:
			t := term{words: ws}
			if st := text.StripClitics(ws[0]); st != ws[0] {
				t.alt = st
			}
			terms = append(terms, t)
		}
	}
	for len(q) > 0 {
		i := strings.IndexByte(q, '"')
		if i < 0 {
			i = len(q)
		}
		for _, w := range strings.Fields(q[:i]) {
			add(w, false)
		}
		if i == len(q) {
			break
		}
		rest := q[i+1:]
		j := strings.IndexByte(rest, '"')
		if j < 0 {
			j = len(rest)
		}
		add(rest[:j], true)
		q = rest[min(j+1, len(rest)):]
	}
	return terms
}

// FTSQuery turns what a person typed into an FTS5 query over folded text:
// every word must match (AND), "quoted words" match as a phrase, a word
// ending in * matches as a prefix, and a word with a leading proclitic
// (وقال) also matches without it. Words are folded with text.Key and then
// quoted, so nothing typed is ever read as FTS5 syntax (OR, NOT, NEAR,
// column filters, parentheses). It returns "" when nothing is left to
// look for.
func FTSQuery(q string) string {
	var out []string
	for _, t := range parseQuery(q) {
		quoted := `"` + strings.Join(t.words, " ") + `"`
		switch {
		case t.prefix:
			out = append(out, quoted+"*")
		case t.alt != "":
			out = append(out, "("+quoted+` OR "`+t.alt+`")`)
		default:
			out = append(out, quoted)
		}
	}
	return strings.Join(out, " AND ")
}

// matches reports whether a word of the text (its key) is what a term
// looks for, directly or without its proclitic.
func (t term) matches(key string) bool {
	forms := []string{key}
	if st := text.StripClitics(key); st != key {
		forms = append(forms, st)
	}
	for _, f := range forms {
		for _, w := range t.words {
			if f == w || t.alt != "" && f == t.alt || t.prefix && strings.HasPrefix(f, w) {
				return true
			}
		}
	}
	return false
}

// snippetWords is how many words a snippet shows around the first match.
const snippetWords = 8

// snippet shows the first match of terms in s as written, with the
// matched words in [brackets] and a few words either side. The index
// holds folded text; a snippet made from it would show ه for ة and no
// hamza, which reads as misspelt.
func snippet(s string, terms []term) string {
	toks := text.Tokenize(s)
	var ws []text.Token
	for _, tk := range toks {
		if tk.Kind == text.Word || tk.Kind == text.Number {
			ws = append(ws, tk)
		}
	}
	hit := func(tk text.Token) bool {
		for _, t := range terms {
			if t.matches(tk.Key) {
				return true
			}
		}
		return false
	}
	first := -1
	for i, tk := range ws {
		if hit(tk) {
			first = i
			break
		}
	}
	if first < 0 {
		return ""
	}
	lo, hi := max(0, first-snippetWords), min(len(ws), first+snippetWords+1)
	runes := []rune(s)
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	pos := ws[lo].Span.Start
	for _, tk := range ws[lo:hi] {
		b.WriteString(string(runes[pos:tk.Span.Start]))
		if hit(tk) {
			b.WriteString("[" + tk.Text + "]")
		} else {
			b.WriteString(tk.Text)
		}
		pos = tk.Span.End
	}
	if hi < len(ws) {
		b.WriteString("…")
	} else {
		b.WriteString(string(runes[pos:]))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Search finds claims, sources and articles matching query.
func (db *DB) Search(ctx context.Context, query string, opts claimtrail.SearchOptions) ([]claimtrail.Hit, error) {
	terms := parseQuery(query)
	fq := FTSQuery(query)
	if fq == "" {
		return nil, fmt.Errorf("search: %w: %q has no word to look for", claimtrail.ErrInvalidInput, query)
	}
	n := opts.Limit
	if n <= 0 {
		n = defaultHits
	}
	want := func(k claimtrail.HitKind) bool { return len(opts.Kinds) == 0 || slices.Contains(opts.Kinds, k) }
	var hits []claimtrail.Hit
	err := db.read(ctx, func(tx dbtx) error {
		if want(claimtrail.HitClaim) {
			h, err := searchClaims(ctx, tx, fq, n)
			if err != nil {
				return err
			}
			hits = append(hits, h...)
		}
		if want(claimtrail.HitSource) {
			h, err := searchSources(ctx, tx, fq, n)
			if err != nil {
				return err
			}
			hits = append(hits, h...)
		}
		if want(claimtrail.HitArticle) {
			h, err := searchArticles(ctx, tx, fq, terms, n)
			if err != nil {
				return err
			}
			hits = append(hits, h...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	for i := range hits {
		h := &hits[i]
		switch {
		case h.Claim != nil:
			h.Snippet = snippet(h.Claim.Content.Text, terms)
		case h.Source != nil:
			h.Snippet = snippet(strings.Join(append([]string{h.Source.Name}, h.Source.Aliases...), "; "), terms)
		}
		if h.Snippet == "" {
			h.Snippet = h.Text
		}
	}
	order := map[claimtrail.HitKind]int{claimtrail.HitClaim: 0, claimtrail.HitSource: 1, claimtrail.HitArticle: 2}
	slices.SortStableFunc(hits, func(a, b claimtrail.Hit) int {
		switch {
		case a.Rank < b.Rank:
			return -1
		case a.Rank > b.Rank:
			return 1
		}
		if c := order[a.Kind] - order[b.Kind]; c != 0 {
			return c
		}
		return strings.Compare(a.Text, b.Text)
	})
	return hits[:min(n, len(hits))], nil
}

type ftsRow struct {
	rowid   int64
	rank    float64
	snippet string
}

func ftsRows(ctx context.Context, tx dbtx, q string, args ...any) ([]ftsRow, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ftsRow
	for rows.Next() {
		var r ftsRow
		if err := rows.Scan(&r.rowid, &r.rank, &r.snippet); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func searchClaims(ctx context.Context, tx dbtx, fq string, n int) ([]claimtrail.Hit, error) {
	rs, err := ftsRows(ctx, tx, `SELECT f.rowid, bm25(claims_fts), ''
		FROM claims_fts f JOIN claims c ON c.rowid = f.rowid JOIN articles a ON a.latest_version = c.version_id
		WHERE claims_fts MATCH ? ORDER BY bm25(claims_fts) LIMIT ?`, fq, n)
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	args := make([]any, len(rs))
	for i, r := range rs {
		args[i] = r.rowid
	}
	crs, err := selectClaims(ctx, tx, `WHERE c.rowid IN (`+placeholders(len(rs))+`)`, args)
	if err != nil {
		return nil, err
	}
	byRow := map[int64]*claimRow{}
	for i := range crs {
		byRow[crs[i].rowid] = &crs[i]
	}
	var out []claimtrail.Hit
	for _, r := range rs {
		cr, ok := byRow[r.rowid]
		if !ok {
			continue
		}
		c, ref := cr.Claim, cr.Article
		out = append(out, claimtrail.Hit{Kind: claimtrail.HitClaim, Text: c.Content.Text, Snippet: r.snippet,
			Claim: &c, Article: &ref, Rank: r.rank})
	}
	return out, nil
}

func searchSources(ctx context.Context, tx dbtx, fq string, n int) ([]claimtrail.Hit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, bm25(sources_fts), ''
		FROM sources_fts f JOIN sources s ON s.rowid = f.rowid WHERE sources_fts MATCH ? ORDER BY bm25(sources_fts) LIMIT ?`, fq, n)
	if err != nil {
		return nil, err
	}
	type hit struct {
		id      string
		rank    float64
		snippet string
	}
	var hs []hit
	for rows.Next() {
		var h hit
		if err := rows.Scan(&h.id, &h.rank, &h.snippet); err != nil {
			rows.Close()
			return nil, err
		}
		hs = append(hs, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []claimtrail.Hit
	for _, h := range hs {
		s, err := loadSource(ctx, tx, h.id)
		if err != nil {
			return nil, err
		}
		out = append(out, claimtrail.Hit{Kind: claimtrail.HitSource, Text: s.Name, Snippet: h.snippet, Source: s, Rank: h.rank})
	}
	return out, nil
}

func searchArticles(ctx context.Context, tx dbtx, fq string, terms []term, n int) ([]claimtrail.Hit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT v.id, v.article_id, a.key, v.number, v.url, coalesce(o.name, ''), coalesce(st.name, ''),
		v.title, v.published, v.captured, bm25(versions_fts), v.text
		FROM versions_fts f JOIN versions v ON v.rowid = f.rowid JOIN articles a ON a.latest_version = v.id
		LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN stories st ON st.id = a.story_id
		WHERE versions_fts MATCH ? ORDER BY bm25(versions_fts) LIMIT ?`, fq, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []claimtrail.Hit
	for rows.Next() {
		var r claimtrail.ArticleRef
		var published, captured sql.NullInt64
		h := claimtrail.Hit{Kind: claimtrail.HitArticle}
		if err := rows.Scan(&r.VersionID, &r.ID, &r.Key, &r.Version, &r.URL, &r.Outlet, &r.Story, &r.Title,
			&published, &captured, &h.Rank, &h.Snippet); err != nil {
			return nil, err
		}
		r.Published, r.Captured = fromMicros(published), fromMicros(captured)
		h.Snippet = snippet(h.Snippet, terms)
		h.Text, h.Article = r.Title, &r
		out = append(out, h)
	}
	return out, rows.Err()
}

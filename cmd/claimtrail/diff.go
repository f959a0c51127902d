package main

import (
	"context"
	"fmt"
	"html"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/diff"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/report"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/text"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	// Old and New are two files (or - for one of them); or Ref names a
	// stored article and From and To two of its versions.
	Old, New string
	Ref      string
	From, To string
	DB       string

	Format string
	// Quiet leaves the summary lines out of the table.
	Quiet bool
	// All shows unchanged claims and cosmetic changes in the table, md
	// and html formats (json always has everything).
	All bool
	// Color marks insertions and deletions with ANSI colours (table only).
	Color     bool
	MaxBytes  int64
	MaxClaims int
	Lexicons  []string
	Stdin     io.Reader
	Debugf    func(format string, args ...any)
}

func newDiffCmd(g *globals) *cobra.Command {
	var opts diffOptions
	cmd := &cobra.Command{
		Use:   "diff OLD NEW | ARTICLE",
		Short: "Show how the claims of an article changed from one version to another",
		Long: `Compare two versions of an article: which claims were added, removed or
changed and how (content_reworded, quote_changed, number_changed,
source_changed, source_mention_changed, role_changed, anonymized, named,
cue_changed, stance_changed, negation_changed, via_changed, type_changed,
attribution_dropped, attribution_added, moved, cosmetic), then the text
diff by sentence, word by word.

With two arguments, OLD and NEW are files (text or JSON, one article each).
With one, it is a stored article (URL, id or version id) and --from and
--to name two of its versions (a number or a version id; by default the
last two).

Changes that touch only spelling, punctuation, spacing, diacritics, hamza
or tatweel are cosmetic and hidden unless --all is given; a change to a
digit is never cosmetic. Formats: table (default; coloured on a terminal
unless NO_COLOR is set), json (everything, see README.md), md and html.`,
		Example: `  claimtrail diff story.v1.txt story.v2.txt
  claimtrail diff -f json old.json new.json
  claimtrail diff https://example.com/news/story --from 1 --to 3
  claimtrail diff -f html old.txt new.txt > diff.html`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch len(args) {
			case 1, 2:
				return nil
			}
			return usagef("diff needs two files (OLD NEW) or one stored article, got %d arguments", len(args))
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = g.cfg.Format
			opts.Quiet = g.cfg.Quiet
			opts.DB = g.cfg.DB
			opts.MaxBytes = g.cfg.Limits.MaxArticleBytes
			opts.MaxClaims = g.cfg.Limits.MaxClaimsPerArticle
			opts.Lexicons = g.cfg.Lexicons
			opts.Stdin = g.stdin
			opts.Debugf = g.debugf
			if len(args) == 2 {
				if cmd.Flags().Changed("from") || cmd.Flags().Changed("to") {
					return usagef("--from and --to go with one stored article, not two files")
				}
				opts.Old, opts.New = args[0], args[1]
			} else {
				opts.Ref = args[0]
			}
			// https://no-color.org: set and not empty turns colours off.
			noColor, _ := g.lookupEnv("NO_COLOR")
			if f, ok := g.stdout.(*os.File); ok && noColor == "" && isTerminal(f) {
				opts.Color = true
			}
			return runDiff(cmd.Context(), opts, g.stdout)
		},
	}
	addDBFlag(cmd)
	fs := cmd.Flags()
	fs.StringVar(&opts.From, "from", "", "the old `version` of a stored article (number or version id; default the one before --to)")
	fs.StringVar(&opts.To, "to", "", "the new `version` of a stored article (number or version id; default the latest)")
	fs.BoolVar(&opts.All, "all", false, "also show unchanged claims and cosmetic changes")
	return cmd
}

// diffJSON is the JSON contract of a diff, documented in README.md.
type diffJSON struct {
	Old    articleOnly         `json:"old"`
	New    articleOnly         `json:"new"`
	Text   diff.TextDiff       `json:"text"`
	Claims []claimtrail.Change `json:"claims"`
}

type articleOnly struct {
	Article *claimtrail.Article `json:"article"`
}

func runDiff(ctx context.Context, opts diffOptions, w io.Writer) error {
	if err := checkFormat("diff", opts.Format, "table", "json", "md", "html"); err != nil {
		return err
	}
	var (
		oldA, newA *claimtrail.Article
		oldC, newC []claimtrail.Claim
		labels     [2]string
		err        error
	)
	if opts.Ref != "" {
		oldA, newA, oldC, newC, labels, err = storedVersions(ctx, opts)
		if err != nil {
			return err
		}
	} else {
		if opts.Old == "-" && opts.New == "-" {
			return usagef("only one of OLD and NEW can be standard input")
		}
		ro := ingest.Options{MaxBytes: opts.MaxBytes, Stdin: opts.Stdin}
		if oldA, err = readOne(ctx, ro, opts.Old); err != nil {
			return err
		}
		if newA, err = readOne(ctx, ro, opts.New); err != nil {
			return err
		}
		x, err := claims.New(claims.Options{Lexicons: opts.Lexicons, MaxClaims: opts.MaxClaims})
		if err != nil {
			return fmt.Errorf("load lexicons: %w", err)
		}
		text.Segment(oldA)
		text.Segment(newA)
		oldC, newC = x.Extract(oldA), x.Extract(newA)
	}
	res := diff.New(diff.Options{SameSource: sameSource}).Diff(oldA, newA, oldC, newC)
	if opts.Debugf != nil {
		opts.Debugf("diff %s (%d claims) → %s (%d claims): %d changes", oldA.Path, len(oldC), newA.Path, len(newC), len(res.Claims))
	}
	d := &diffView{opts: opts, old: oldA, new: newA, oldR: []rune(oldA.Text), newR: []rune(newA.Text), res: res,
		oldLabel: oldA.Path, newLabel: newA.Path}
	if opts.Ref != "" {
		d.oldLabel, d.newLabel = labels[0], labels[1]
	}
	switch opts.Format {
	case "json":
		o, n := *oldA, *newA
		o.Paragraphs, n.Paragraphs = nil, nil
		cs := res.Claims
		if cs == nil {
			cs = []claimtrail.Change{}
		}
		td := res.Text
		if td.Sentences == nil {
			td.Sentences = []diff.Sentence{}
		}
		return encodeJSON(w, "json", diffJSON{Old: articleOnly{&o}, New: articleOnly{&n}, Text: td, Claims: cs})
	case "md":
		return d.markdown(w)
	case "html":
		return d.html(w)
	}
	return d.table(w)
}

// readOne reads the one article of a diff argument.
func readOne(ctx context.Context, ro ingest.Options, path string) (*claimtrail.Article, error) {
	var got []claimtrail.Article
	for a, err := range ingest.NewReader(ro).Read(ctx, path) {
		if err != nil {
			return nil, err
		}
		got = append(got, a)
	}
	switch len(got) {
	case 0:
		return nil, fmt.Errorf("%s: %w: no article to compare", path, claimtrail.ErrInvalidInput)
	case 1:
		return &got[0], nil
	}
	return nil, fmt.Errorf("%s: %w: %d articles; diff compares one article with one", path, claimtrail.ErrInvalidInput, len(got))
}

// storedVersions loads two versions of a stored article with their claims.
func storedVersions(ctx context.Context, opts diffOptions) (oldA, newA *claimtrail.Article, oldC, newC []claimtrail.Claim, labels [2]string, err error) {
	st, err := openStore(ctx, opts.DB)
	if err != nil {
		return nil, nil, nil, nil, labels, err
	}
	defer st.Close()
	vs, err := st.Versions(ctx, opts.Ref)
	if err != nil {
		return nil, nil, nil, nil, labels, fmt.Errorf("%w\nList what is stored with: claimtrail articles", err)
	}
	pick := func(flag, v string, def int) (int, error) {
		if v == "" {
			return def, nil
		}
		for i, x := range vs {
			if strconv.Itoa(x.Number) == v || claimtrail.VersionID(x.Key, x.Hash) == v {
				return i, nil
			}
		}
		return 0, usagef("--%s %s: %s has versions 1 to %d", flag, v, opts.Ref, len(vs))
	}
	to, err := pick("to", opts.To, len(vs)-1)
	if err != nil {
		return nil, nil, nil, nil, labels, err
	}
	from, err := pick("from", opts.From, to-1)
	if err != nil {
		return nil, nil, nil, nil, labels, err
	}
	if from < 0 {
		return nil, nil, nil, nil, labels, fmt.Errorf("%s has only one version stored before --to; nothing to compare", opts.Ref)
	}
	if from == to {
		return nil, nil, nil, nil, labels, usagef("--from and --to name the same version")
	}
	load := func(v claimtrail.Version) (*claimtrail.Article, []claimtrail.Claim, error) {
		sa, err := st.Article(ctx, claimtrail.VersionID(v.Key, v.Hash))
		if err != nil {
			return nil, nil, fmt.Errorf("load version %d: %w", v.Number, err)
		}
		a := sa.Article
		text.Segment(&a)
		return &a, sa.Claims, nil
	}
	labels = [2]string{vs[from].Key + " " + versionLabel(vs[from]), versionLabel(vs[to])}
	if oldA, oldC, err = load(vs[from]); err != nil {
		return nil, nil, nil, nil, labels, err
	}
	if newA, newC, err = load(vs[to]); err != nil {
		return nil, nil, nil, nil, labels, err
	}
	return oldA, newA, oldC, newC, labels, nil
}

// versionLabel names a stored version for people: its number and capture
// time.
func versionLabel(v claimtrail.Version) string {
	return fmt.Sprintf("v%d (%s)", v.Number, report.TableTime(v.Captured))
}

// diffView renders a diff for people.
type diffView struct {
	opts               diffOptions
	oldLabel, newLabel string
	old, new           *claimtrail.Article
	oldR, newR         []rune
	res                *diff.Result
}

// shown reports whether a claim change is listed: notable ones always,
// cosmetic and unchanged ones with --all.
func (d *diffView) shown(c *claimtrail.Change) bool {
	return d.opts.All || c.Notable() || c.Has(claimtrail.ChangeMoved)
}

func (d *diffView) sentenceShown(s *diff.Sentence) bool {
	switch {
	case s.Change == claimtrail.StatusUnchanged:
		return s.Moved || d.opts.All
	case s.Cosmetic:
		return d.opts.All || s.Moved
	}
	return true
}

// summary counts claim changes by status and kind.
func (d *diffView) summary() (claimLine, textLine string) {
	var changed, added, removed, unchanged, cosmetic int
	for i := range d.res.Claims {
		c := &d.res.Claims[i]
		switch {
		case c.Change == claimtrail.StatusAdded:
			added++
		case c.Change == claimtrail.StatusRemoved:
			removed++
		case c.Change == claimtrail.StatusUnchanged:
			unchanged++
		case !c.Notable() && !c.Has(claimtrail.ChangeMoved):
			cosmetic++
		default:
			changed++
		}
	}
	claimLine = fmt.Sprintf("%d changed, %d added, %d removed, %d unchanged", changed, added, removed, unchanged)
	if cosmetic > 0 {
		claimLine += fmt.Sprintf(", %d cosmetic", cosmetic)
	}
	var sc, sa, sr, sm int
	for _, s := range d.res.Text.Sentences {
		switch {
		case s.Change == claimtrail.StatusAdded:
			sa++
		case s.Change == claimtrail.StatusRemoved:
			sr++
		case s.Change == claimtrail.StatusChanged && !s.Cosmetic:
			sc++
		}
		if s.Moved {
			sm++
		}
	}
	textLine = fmt.Sprintf("+%d −%d words; sentences: %d changed, %d added, %d removed, %d moved",
		d.res.Text.WordsAdded, d.res.Text.WordsRemoved, sc, sa, sr, sm)
	return claimLine, textLine
}

// marks are how insertions and deletions look in one format.
type marks struct {
	delOpen, delClose, insOpen, insClose string
	esc                                  func(string) string
}

var (
	plainMarks = marks{"[-", "-]", "{+", "+}", oneLine}
	colorMarks = marks{"\x1b[31m[-", "-]\x1b[0m", "\x1b[32m{+", "+}\x1b[0m", oneLine}
	mdMarks    = marks{"~~", "~~", "**", "**", func(s string) string { return mdCell(s) }}
	htmlMarks  = marks{"<del>", "</del>", "<ins>", "</ins>", func(s string) string { return html.EscapeString(oneLine(s)) }}
)

// inline renders a word diff as one line, with the text between words
// taken from the side each word comes from.
func (d *diffView) inline(es []claimtrail.Edit, m marks) string {
	var b strings.Builder
	lastOld, lastNew := -1, -1
	gap := func(rs []rune, last, start int) {
		if b.Len() == 0 {
			return
		}
		if last < 0 || start < last || start > len(rs) {
			b.WriteString(" ")
			return
		}
		if g := string(rs[last:start]); strings.TrimSpace(g) == "" {
			if g != "" {
				b.WriteString(" ")
			}
		} else {
			b.WriteString(m.esc(g))
		}
	}
	for _, e := range es {
		switch e.Op {
		case claimtrail.OpEqual:
			gap(d.oldR, lastOld, e.Old.Start)
			t := e.Text
			if e.NewText != "" {
				t = e.NewText
			}
			b.WriteString(m.esc(t))
			lastOld, lastNew = e.Old.End, e.New.End
		case claimtrail.OpDelete:
			gap(d.oldR, lastOld, e.Old.Start)
			b.WriteString(m.delOpen + m.esc(e.Text) + m.delClose)
			lastOld = e.Old.End
		case claimtrail.OpInsert:
			gap(d.newR, lastNew, e.New.Start)
			b.WriteString(m.insOpen + m.esc(e.Text) + m.insClose)
			lastNew = e.New.End
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func kindList(c *claimtrail.Change) string {
	var ks []string
	for _, k := range c.Kinds {
		if k != claimtrail.ChangeAdded && k != claimtrail.ChangeRemoved {
			ks = append(ks, string(k))
		}
	}
	return strings.Join(ks, ", ")
}

// claimWhere is "¶P sS" of the claim's newest side.
func claimWhere(c *claimtrail.Change) string {
	x := c.New
	if x == nil {
		x = c.Old
	}
	return fmt.Sprintf("¶%d s%d", x.Paragraph, x.Sentence)
}

// fieldChange shows a field's old and new values, or the one value.
func fieldChange(old, new string) string {
	if old == new {
		return old
	}
	if old == "" {
		old = "—"
	}
	if new == "" {
		new = "—"
	}
	return old + "  →  " + new
}

func cueLabel(c claimtrail.Cue) string {
	s := c.Text + " (" + string(c.Stance)
	if c.Negated {
		s += ", negated"
	}
	return s + ")"
}

// claimFields lists the labelled lines that describe a change.
func (d *diffView) claimFields(c *claimtrail.Change, m marks) [][2]string {
	var out [][2]string
	o, n := c.Old, c.New
	get := func(x *claimtrail.Claim, f func(*claimtrail.Claim) string) string {
		if x == nil {
			return ""
		}
		return f(x)
	}
	both := func(f func(*claimtrail.Claim) string) string {
		if o == nil || n == nil {
			return get(o, f) + get(n, f)
		}
		return fieldChange(f(o), f(n))
	}
	out = append(out, [2]string{"source", both(func(x *claimtrail.Claim) string { return sourceLabel(x.Source) })})
	if r := both(func(x *claimtrail.Claim) string { return x.Source.Role }); r != "" {
		out = append(out, [2]string{"role", r})
	}
	if v := both(func(x *claimtrail.Claim) string { return viaLabel(x.Via) }); v != "" {
		out = append(out, [2]string{"via", v})
	}
	out = append(out, [2]string{"cue", both(func(x *claimtrail.Claim) string { return cueLabel(x.Cue) })})
	if o != nil && n != nil && o.Type != n.Type {
		out = append(out, [2]string{"type", string(o.Type) + "  →  " + string(n.Type)})
	}
	switch {
	case len(c.ContentDiff) > 0:
		out = append(out, [2]string{"content", d.inline(c.ContentDiff, m)})
	case n != nil:
		out = append(out, [2]string{"content", m.esc(n.Content.Text)})
	default:
		out = append(out, [2]string{"content", m.esc(o.Content.Text)})
	}
	return out
}

func (d *diffView) marks() marks {
	if d.opts.Color {
		return colorMarks
	}
	return plainMarks
}

// table prints claim changes first, then the sentences that changed.
func (d *diffView) table(w io.Writer) error {
	var b strings.Builder
	m := d.marks()
	cl, tl := d.summary()
	if !d.opts.Quiet {
		fmt.Fprintf(&b, "== %s → %s  (%s)\n", d.oldLabel, d.newLabel, langName(d.new.Lang))
		fmt.Fprintf(&b, "   claims   %s\n", cl)
		fmt.Fprintf(&b, "   text     %s\n\n", tl)
	}
	b.WriteString("CLAIMS\n")
	n := 0
	for i := range d.res.Claims {
		c := &d.res.Claims[i]
		if !d.shown(c) {
			continue
		}
		n++
		label := string(c.Change)
		if c.Change == claimtrail.StatusChanged && c.Has(claimtrail.ChangeAttributionDropped) {
			label = "unattributed"
		}
		fmt.Fprintf(&b, "\n%3d  %-12s %-8s %s\n", n, label, claimWhere(c), kindList(c))
		for _, f := range d.claimFields(c, m) {
			fmt.Fprintf(&b, "     %-8s %s\n", f[0], f[1])
		}
	}
	if n == 0 {
		b.WriteString("\n  (no claim changed)\n")
	}
	b.WriteString("\nTEXT\n")
	n = 0
	for i := range d.res.Text.Sentences {
		s := &d.res.Text.Sentences[i]
		if !d.sentenceShown(s) {
			continue
		}
		n++
		sign, line := "~", ""
		switch s.Change {
		case claimtrail.StatusAdded:
			sign, line = "+", m.insOpen+oneLine(s.NewText)+m.insClose
		case claimtrail.StatusRemoved:
			sign, line = "-", m.delOpen+oneLine(s.OldText)+m.delClose
		case claimtrail.StatusUnchanged:
			sign, line = "=", oneLine(refsText(s.New, d.newR))
		default:
			line = d.inline(s.Edits, m)
		}
		if s.Moved {
			sign = "↕"
		}
		fmt.Fprintf(&b, "  %s %-10s %s\n", sign, refsLabel(s), line)
	}
	if n == 0 {
		b.WriteString("  (no sentence changed)\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func refsText(rs []diff.Ref, runes []rune) string {
	if len(rs) == 0 {
		return ""
	}
	return claimtrail.Span{Start: rs[0].Span.Start, End: rs[len(rs)-1].Span.End}.Slice(runes)
}

// refsLabel names a sentence by its new position, or its old one.
func refsLabel(s *diff.Sentence) string {
	rs := s.New
	if len(rs) == 0 {
		rs = s.Old
	}
	if len(rs) == 0 {
		return ""
	}
	l := "¶" + strconv.Itoa(rs[0].Paragraph)
	if rs[0].Sentence >= 0 {
		l += " s" + strconv.Itoa(rs[0].Sentence)
	}
	if len(s.Old) > 1 {
		l += " merged"
	} else if len(s.New) > 1 {
		l += " split"
	}
	return l
}

func (d *diffView) markdown(w io.Writer) error {
	var b strings.Builder
	cl, tl := d.summary()
	title := d.new.Title
	if title == "" {
		title = d.new.Path
	}
	fmt.Fprintf(&b, "## %s\n\n`%s` → `%s`: claims %s; text %s.\n\n### Claims\n\n", mdCell(title), d.oldLabel, d.newLabel, cl, tl)
	b.WriteString("| # | change | kinds | source | cue | content |\n|---|---|---|---|---|---|\n")
	n := 0
	for i := range d.res.Claims {
		c := &d.res.Claims[i]
		if !d.shown(c) {
			continue
		}
		n++
		f := d.claimFields(c, mdMarks)
		val := func(name string) string { return fieldValue(f, name) }
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s |\n", n, c.Change, kindList(c), mdCell(val("source")), mdCell(val("cue")), val("content"))
	}
	b.WriteString("\n### Text\n\n")
	for i := range d.res.Text.Sentences {
		s := &d.res.Text.Sentences[i]
		if !d.sentenceShown(s) {
			continue
		}
		fmt.Fprintf(&b, "- %s%s: %s\n", refsLabel(s), movedNote(s), d.sentenceLine(s, mdMarks))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (d *diffView) html(w io.Writer) error {
	var b strings.Builder
	esc := html.EscapeString
	cl, tl := d.summary()
	title := d.new.Title
	if title == "" {
		title = d.new.Path
	}
	b.WriteString("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>\n")
	b.WriteString("<style>body{font-family:sans-serif;max-width:60em;margin:auto}del{background:#fdd}ins{background:#dfd;text-decoration:none}td,th{border-bottom:1px solid #ddd;padding:.3em;vertical-align:top}table{border-collapse:collapse}.k{font-size:.85em;color:#555}</style>\n</head><body>\n")
	fmt.Fprintf(&b, "<h1 dir=\"auto\">%s</h1>\n<p><code>%s</code> → <code>%s</code><br>claims %s<br>text %s</p>\n", esc(title), esc(d.oldLabel), esc(d.newLabel), esc(cl), esc(tl))
	b.WriteString("<h2>Claims</h2>\n<table>\n<tr><th>change</th><th>source</th><th>cue</th><th>content</th></tr>\n")
	for i := range d.res.Claims {
		c := &d.res.Claims[i]
		if !d.shown(c) {
			continue
		}
		f := d.claimFields(c, htmlMarks)
		val := func(name string) string { return fieldValue(f, name) }
		fmt.Fprintf(&b, "<tr><td>%s<div class=\"k\">%s</div></td><td dir=\"auto\">%s</td><td dir=\"auto\">%s</td><td dir=\"auto\">%s</td></tr>\n",
			esc(string(c.Change)), esc(kindList(c)), esc(val("source")), esc(val("cue")), val("content"))
	}
	b.WriteString("</table>\n<h2>Text</h2>\n")
	for i := range d.res.Text.Sentences {
		s := &d.res.Text.Sentences[i]
		if !d.sentenceShown(s) {
			continue
		}
		fmt.Fprintf(&b, "<p dir=\"auto\"><span class=\"k\">%s%s</span> %s</p>\n", esc(refsLabel(s)), movedNote(s), d.sentenceLine(s, htmlMarks))
	}
	b.WriteString("</body></html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// sameSource tells the diff whether two mentions name one source: by name
// and id as the diff package does, or by the sources matcher, which also
// matches across scripts and spellings (يحيى رسول ~ Yahya Rasool) and
// drops titles (Lt. Gen. Yahya Rasool ~ Yahya Rasool).
func sameSource(a, b claimtrail.Mention) bool {
	if diff.SameSourceByName(a, b) {
		return true
	}
	name := func(m claimtrail.Mention) string {
		if m.Name != "" {
			return m.Name
		}
		return m.Mention
	}
	return name(a) != "" && name(b) != "" && sources.Match(name(a), name(b))
}

// sentenceLine renders one sentence of the text diff with the marks of a
// format: a whole sentence added or removed, unchanged, or edited inside.
func (d *diffView) sentenceLine(s *diff.Sentence, m marks) string {
	switch s.Change {
	case claimtrail.StatusAdded:
		return m.insOpen + m.esc(s.NewText) + m.insClose
	case claimtrail.StatusRemoved:
		return m.delOpen + m.esc(s.OldText) + m.delClose
	case claimtrail.StatusUnchanged:
		return m.esc(refsText(s.New, d.newR))
	}
	return d.inline(s.Edits, m)
}

func movedNote(s *diff.Sentence) string {
	if s.Moved {
		return " (moved)"
	}
	return ""
}

// fieldValue finds a named field among claimFields' pairs.
func fieldValue(f [][2]string, name string) string {
	for _, x := range f {
		if x[0] == name {
			return x[1]
		}
	}
	return ""
}

package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Formats are the formats reports and audits are rendered in.
var Formats = []string{"md", "html", "json", "csv"}

// Write renders the report in format (md, html, json or csv).
//
// Returns ErrUsage (wrapped) for another format.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "md":
		return r.Markdown(w)
	case "html":
		return r.HTML(w)
	case "json":
		return writeJSON(w, r)
	case "csv":
		return r.CSV(w)
	}
	return fmt.Errorf("%w: report format %q; use %s", claimtrail.ErrUsage, format, strings.Join(Formats, ", "))
}

// Write renders the audit in format (md, html, json or csv).
//
// Returns ErrUsage (wrapped) for another format.
func (a *Audit) Write(w io.Writer, format string) error {
	switch format {
	case "md":
		return a.Markdown(w)
	case "html":
		return a.HTML(w)
	case "json":
		return writeJSON(w, a)
	case "csv":
		return a.CSV(w)
	}
	return fmt.Errorf("%w: audit format %q; use %s", claimtrail.ErrUsage, format, strings.Join(Formats, ", "))
}

func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

func itoa(n int) string { return strconv.Itoa(n) }

// oneLine folds line breaks and runs of spaces into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// mdCell escapes what would break a Markdown table cell or be read as
// markup or HTML by a Markdown renderer.
func mdCell(s string) string {
	s = oneLine(s)
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`)
	return r.Replace(s)
}

// TableTime is a stored time for tables: the day when the time is
// midnight UTC, else minutes in UTC, "-" when unknown. The commands use it
// too, so that a time reads the same in a report and in a listing.
func TableTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format("2006-01-02 15:04Z")
}

// CSVTime is a stored time for CSV: RFC 3339 in UTC, empty when unknown.
func CSVTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func spanString(s claimtrail.Span) string { return "[" + itoa(s.Start) + ":" + itoa(s.End) + "]" }

// mentionLabel is how a source reads: the words of the text, with what
// they resolve to when that differs.
func mentionLabel(m claimtrail.Mention) string {
	switch {
	case m.Mention == "" && m.Name == "":
		return ""
	case m.Mention == "":
		return "(" + m.Name + ")"
	case m.Name != "" && m.Name != m.Mention:
		return m.Mention + " → " + m.Name
	}
	return m.Mention
}

func viaLabel(vs []claimtrail.Mention) string {
	var out []string
	for _, v := range vs {
		out = append(out, mentionLabel(v))
	}
	return strings.Join(out, " / ")
}

func stanceLabel(c claimtrail.Cue) string {
	s := string(c.Stance)
	if c.Negated {
		s += ", negated"
	}
	return s
}

func kindsLabel(ks []claimtrail.ChangeKind) string {
	var s []string
	for _, k := range ks {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

func changedKinds(m map[claimtrail.ChangeKind]int) string {
	var ks []string
	for k := range m {
		ks = append(ks, string(k))
	}
	slices.Sort(ks)
	for i, k := range ks {
		ks[i] = k + " " + itoa(m[claimtrail.ChangeKind(k)])
	}
	return strings.Join(ks, ", ")
}

// Title is a report's heading.
func (r *Report) Title() string { return scopeTitle("Claim report", r.Scope, r.Name, r.Articles) }

// Title is an audit's heading.
func (a *Audit) Title() string {
	t := "Attribution audit"
	switch {
	case a.Scope == ScopeStore:
		return t + ": the whole store"
	case a.Name != "":
		return t + ": " + string(a.Scope) + " " + a.Name
	case len(a.Articles) == 1 && a.Articles[0].Title != "":
		return t + ": " + a.Articles[0].Title
	}
	return t
}

func scopeTitle(t string, s Scope, name string, arts []ArticleReport) string {
	switch {
	case s == ScopeStore:
		return t + ": the whole store"
	case len(arts) == 1 && arts[0].Title != "" && (s == ScopeArticle || s == ScopeFiles):
		return t + ": " + arts[0].Title
	case name != "":
		return t + ": " + string(s) + " " + name
	}
	return t
}

// Markdown writes the report: a summary, the sources, then each article's
// latest claims and its versions' changes.
func (r *Report) Markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdCell(r.Title()))
	s := r.Summary
	fmt.Fprintf(&b, "%d article(s), %d version(s), %d claim(s) in the latest versions (%d named, %d unnamed), %d source(s), %d claim change(s) between versions.\n\n",
		s.Articles, s.Versions, s.Claims, s.Named, s.Unnamed, s.Sources, s.Changes)
	b.WriteString("## Sources\n\n| source | kind | unnamed | claims | via | articles | outlets |\n|---|---|---|---|---|---|---|\n")
	for _, x := range r.Sources {
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %d | %d | %s |\n", mdCell(x.Name), x.Kind, yesNo(x.Anonymous), x.Claims, x.Via, x.Articles, mdCell(strings.Join(x.Outlets, ", ")))
	}
	if r.Compare != nil {
		writeCompareMarkdown(&b, r.Compare)
	}
	for i := range r.Articles {
		a := &r.Articles[i]
		v := a.Latest()
		title := a.Title
		if title == "" {
			title = a.Key
		}
		fmt.Fprintf(&b, "\n## %s\n\n", mdCell(title))
		var meta []string
		meta = append(meta, "key `"+strings.ReplaceAll(a.Key, "`", "'")+"`")
		if a.Outlet != "" {
			meta = append(meta, "outlet "+mdCell(a.Outlet))
		}
		if a.Story != "" {
			meta = append(meta, "story "+mdCell(a.Story))
		}
		if a.Lang != "" {
			meta = append(meta, "language "+a.Lang)
		}
		meta = append(meta, fmt.Sprintf("%d version(s)", len(a.Versions)))
		b.WriteString(strings.Join(meta, "; ") + ".\n\n")
		fmt.Fprintf(&b, "### Claims (v%d, %d)\n\n", v.Number, len(v.Claims))
		b.WriteString("| # | source | role | via | cue | stance | type | content | position |\n|---|---|---|---|---|---|---|---|---|\n")
		for j, c := range v.Claims {
			n := itoa(j + 1)
			if c.NestedIn != "" {
				n += " (nested)"
			}
			src := mentionLabel(c.Source)
			if c.Source.Kind != "" {
				src += " [" + string(c.Source.Kind)
				if Unnamed(c.Source) {
					src += ", unnamed"
				}
				src += "]"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | ¶%d s%d %s |\n", n, mdCell(src), mdCell(c.Source.Role),
				mdCell(viaLabel(c.Via)), mdCell(c.Cue.Text), stanceLabel(c.Cue), c.Type, mdCell(c.Content.Text), c.Paragraph, c.Sentence, spanString(c.Content.Span))
		}
		if len(a.Versions) > 1 {
			b.WriteString("\n### Versions\n\n| version | captured | claims | added | removed | changed | words +/- | kinds |\n|---|---|---|---|---|---|---|---|\n")
			for _, x := range a.Versions {
				if x.Changes == nil {
					fmt.Fprintf(&b, "| v%d | %s | %d | | | | | |\n", x.Number, TableTime(x.Captured), len(x.Claims))
					continue
				}
				ch := x.Changes
				fmt.Fprintf(&b, "| v%d | %s | %d | %d | %d | %d | +%d −%d | %s |\n", x.Number, TableTime(x.Captured), len(x.Claims),
					ch.Added, ch.Removed, ch.Changed, ch.WordsAdded, ch.WordsRemoved, changedKinds(ch.Kinds))
			}
			for _, x := range a.Versions {
				if x.Changes == nil || len(x.Changes.Claims) == 0 {
					continue
				}
				fmt.Fprintf(&b, "\n#### Claim changes v%d → v%d\n\n| change | kinds | source | cue | content |\n|---|---|---|---|---|\n", x.Changes.From, x.Number)
				for _, ch := range x.Changes.Claims {
					src, cue, content := changeFields(&ch)
					fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", ch.Change, kindsLabel(ch.Kinds), mdCell(src), mdCell(cue), mdCell(content))
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCompareMarkdown(b *strings.Builder, c *CompareSection) {
	fmt.Fprintf(b, "\n## %s\n\n", mdCell(c.Caption))
	var cols []string
	for _, x := range c.Columns {
		cols = append(cols, mdCell(x))
	}
	b.WriteString("| " + strings.Join(cols, " | ") + " |\n|" + strings.Repeat("---|", len(cols)) + "\n")
	for _, row := range c.Rows {
		var cells []string
		for _, x := range row {
			cells = append(cells, mdCell(x))
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
}

// changeFields shows a change's source, cue and content, old → new.
func changeFields(c *claimtrail.Change) (src, cue, content string) {
	pick := func(f func(*claimtrail.Claim) string) string {
		switch {
		case c.Old == nil:
			return f(c.New)
		case c.New == nil:
			return f(c.Old)
		}
		o, n := f(c.Old), f(c.New)
		if o == n {
			return o
		}
		if o == "" {
			o = "—"
		}
		if n == "" {
			n = "—"
		}
		return o + " → " + n
	}
	src = pick(func(x *claimtrail.Claim) string { return mentionLabel(x.Source) })
	cue = pick(func(x *claimtrail.Claim) string { return x.Cue.Text + " (" + stanceLabel(x.Cue) + ")" })
	content = pick(func(x *claimtrail.Claim) string { return x.Content.Text })
	return src, cue, content
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// csvHeader is the header of a report's CSV: one row per claim of every
// version.
var csvHeader = []string{"key", "version", "version_id", "article_id", "outlet", "story", "published", "captured",
	"claim_id", "type", "source", "source_name", "source_id", "kind", "unnamed", "role", "via", "depth", "cue", "lemma",
	"class", "stance", "negated", "content", "start", "end", "paragraph", "sentence", "nested_in"}

// CSV writes one row per claim of every version.
func (r *Report) CSV(w io.Writer) error {
	var rows [][]string
	for i := range r.Articles {
		a := &r.Articles[i]
		for _, v := range a.Versions {
			for _, c := range v.Claims {
				rows = append(rows, []string{a.Key, itoa(v.Number), v.VersionID, v.ArticleID, a.Outlet, a.Story,
					CSVTime(v.Published), CSVTime(v.Captured), c.ID, string(c.Type), c.Source.Mention, c.Source.Name,
					c.Source.SourceID, string(c.Source.Kind), strconv.FormatBool(Unnamed(c.Source)), c.Source.Role,
					viaLabel(c.Via), itoa(Depth(&c)), c.Cue.Text, c.Cue.Lemma, string(c.Cue.Class), string(c.Cue.Stance),
					strconv.FormatBool(c.Cue.Negated), c.Content.Text, itoa(c.Content.Span.Start), itoa(c.Content.Span.End),
					itoa(c.Paragraph), itoa(c.Sentence), c.NestedIn})
			}
		}
	}
	return writeCSV(w, csvHeader, rows)
}

var auditCSVHeader = []string{"finding", "key", "version", "version_id", "article_id", "outlet", "paragraph", "sentence",
	"start", "end", "claim_id", "text", "detail"}

// CSV writes one row per finding.
func (a *Audit) CSV(w io.Writer) error {
	var rows [][]string
	for _, f := range a.Findings {
		rows = append(rows, []string{string(f.Kind), f.Key, itoa(f.Version), f.VersionID, f.ArticleID, f.Outlet,
			itoa(f.Paragraph), itoa(f.Sentence), itoa(f.Span.Start), itoa(f.Span.End), f.ClaimID, f.Text, f.Detail})
	}
	return writeCSV(w, auditCSVHeader, rows)
}

func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, row := range rows {
		for i, c := range row {
			row[i] = csvSafe(c)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// csvSafe keeps a spreadsheet from reading an article's words as a
// formula (CSV injection): a cell that starts with = + - @ or a tab gets a
// leading apostrophe.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}

// Markdown writes the audit: a summary first, then the measures and the
// findings.
func (a *Audit) Markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdCell(a.Title()))
	b.WriteString("## Summary\n\n")
	for _, line := range a.SummaryLines() {
		b.WriteString("- " + mdCell(line) + "\n")
	}
	b.WriteString("\n## Articles\n\n| article | outlet | version | claims | named people | orgs & documents | unnamed | unnamed share | max depth | hedged | distancing | denial |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, x := range a.Articles {
		t := x.Title
		if t == "" {
			t = x.Key
		}
		fmt.Fprintf(&b, "| %s | %s | v%d | %d | %d | %d | %d | %s | %d | %d | %d | %d |\n", mdCell(t), mdCell(x.Outlet), x.Version, x.Claims,
			x.Named, x.Orgs, x.Unnamed, pct(x.UnnamedShare), x.MaxDepth, x.Hedged, x.Distancing, x.Denial)
	}
	if len(a.Outlets) > 0 {
		b.WriteString("\n## Outlets\n\n| outlet | articles | claims | unnamed | unnamed share |\n|---|---|---|---|---|\n")
		for _, o := range a.Outlets {
			fmt.Fprintf(&b, "| %s | %d | %d | %d | %s |\n", mdCell(o.Outlet), o.Articles, o.Claims, o.Unnamed, pct(o.UnnamedShare))
		}
	}
	b.WriteString("\n## Chain depth\n\n| depth | claims |\n|---|---|\n")
	for _, d := range a.Depths {
		fmt.Fprintf(&b, "| %d | %d |\n", d.Depth, d.Claims)
	}
	b.WriteString("\n## Stories\n\n| story | articles | claims | sources | single source |\n|---|---|---|---|---|\n")
	for _, st := range a.Stories {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %s |\n", mdCell(st.Story), st.Articles, st.Claims, len(st.Sources), yesNo(st.Single))
	}
	fmt.Fprintf(&b, "\n## Findings (%d)\n\n| finding | article | v | position | text | detail |\n|---|---|---|---|---|---|\n", len(a.Findings))
	for _, f := range a.Findings {
		fmt.Fprintf(&b, "| %s | %s | %d | ¶%d s%d %s | %s | %s |\n", f.Kind, mdCell(f.Key), f.Version, f.Paragraph, f.Sentence,
			spanString(f.Span), mdCell(f.Text), mdCell(f.Detail))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pct(x float64) string { return strconv.FormatFloat(x*100, 'f', 1, 64) + "%" }

// SummaryLines is the audit in a few sentences, for the head of the
// Markdown and HTML.
func (a *Audit) SummaryLines() []string {
	s := a.Summary
	lines := []string{
		fmt.Sprintf("%d article(s), %d claim(s), %s per article.", s.Articles, s.Claims, strconv.FormatFloat(s.ClaimsPerArticle, 'f', -1, 64)),
		fmt.Sprintf("Attributed to named people %d (%s), to organisations and documents %d (%s), to unnamed sources %d (%s), other %d.",
			s.Named, pct(s.NamedShare), s.Orgs, pct(s.OrgsShare), s.Unnamed, pct(s.UnnamedShare), s.Other),
		fmt.Sprintf("Chains of reporters up to %d deep (mean %s).", s.MaxDepth, strconv.FormatFloat(s.MeanDepth, 'f', -1, 64)),
		fmt.Sprintf("Cues: %d hedged, %d distancing, %d denial.", s.Hedged, s.Distancing, s.Denial),
		fmt.Sprintf("Single-source stories: %d of %d.", s.SingleSourceStories, s.Stories),
		fmt.Sprintf("Sentences with no attribution stating a number: %d; an accusation: %d.", s.UnattributedNumbers, s.Accusations),
		fmt.Sprintf("Between versions: %d attribution(s) dropped, %d weakened.", s.Dropped, s.Weakened),
	}
	if s.AcrossOutlets {
		lines = append(lines, fmt.Sprintf("Between outlets: %d attribution(s) dropped, %d weakened.", s.DroppedAcrossOutlets, s.WeakenedAcrossOutlets))
	}
	return lines
}

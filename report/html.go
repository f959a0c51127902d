package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/diff"
	"github.com/claimtrail/claimtrail/text"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

var pageTemplate = template.Must(template.New("page.tmpl").Funcs(template.FuncMap{
	"pct": pct,
}).ParseFS(templateFS, "templates/*.tmpl"))

// ContentSecurityPolicy is the policy of every page: no script of any
// kind, styles only inline, nothing fetched. The standalone files carry it
// in a meta element (written out in templates/page.tmpl, which a test keeps
// equal to this); the web view also sends it as a header.
const ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"

// Linker gives the address of a page of the web view, or "" for none: kind
// is article, story, source, outlet or audit, ref what names it. Reports
// written to files have no Linker, so they link nowhere.
type Linker func(kind, ref string) string

// HTMLOptions tune the HTML of reports and audits.
type HTMLOptions struct {
	Link Linker
	// Nav lists links shown at the head of the page (label, address).
	Nav [][2]string
}

// page is what the template renders.
type page struct {
	Title  string
	Nav    []link
	Report *reportView
	Audit  *auditView
	Index  *IndexView
}

type link struct {
	Text, Href string
}

// HTML writes the report as one standalone page.
func (r *Report) HTML(w io.Writer) error { return r.HTMLWith(w, HTMLOptions{}) }

// HTMLWith writes the report with links for the web view.
func (r *Report) HTMLWith(w io.Writer, o HTMLOptions) error {
	return render(w, page{Title: r.Title(), Nav: navLinks(o.Nav), Report: r.view(o)})
}

// HTML writes the audit as one standalone page.
func (a *Audit) HTML(w io.Writer) error { return a.HTMLWith(w, HTMLOptions{}) }

// HTMLWith writes the audit with links for the web view.
func (a *Audit) HTMLWith(w io.Writer, o HTMLOptions) error {
	return render(w, page{Title: a.Title(), Nav: navLinks(o.Nav), Audit: a.view(o)})
}

// IndexView is a page of lists, for the web view's index pages.
type IndexView struct {
	Title    string
	Sections []IndexSection
}

// IndexSection is one table of an index page.
type IndexSection struct {
	Title   string
	Columns []string
	Rows    [][]Cell
	// Empty is shown when there are no rows.
	Empty string
}

// Cell is one table cell; Href, when set, must be a path of the web view.
type Cell struct {
	Text string
	Href string
}

// WriteIndex writes an index page.
func WriteIndex(w io.Writer, v *IndexView, o HTMLOptions) error {
	return render(w, page{Title: v.Title, Nav: navLinks(o.Nav), Index: v})
}

func navLinks(n [][2]string) []link {
	var out []link
	for _, x := range n {
		out = append(out, link{x[0], x[1]})
	}
	return out
}

func render(w io.Writer, p page) error {
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, p); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// dirOf gives the direction of a block from its script.
func dirOf(s string) string {
	switch text.DetectLang(s) {
	case claimtrail.LangArabic:
		return "rtl"
	case claimtrail.LangEnglish:
		return "ltr"
	}
	return "auto"
}

// webURL returns u if it is an absolute http(s) address, the only kind a
// page links to; anything else (javascript:, data:, relative) is shown as
// text.
func webURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

type reportView struct {
	Summary  Summary
	Charts   []Chart
	Sources  []sourceView
	Articles []articleView
	Compare  *CompareSection
}

type sourceView struct {
	SourceRow
	Dir, Href string
}

type articleView struct {
	Title, TitleDir, Key, Href, URL, Outlet, OutletHref, Story, StoryHref, Lang string
	Version                                                                     int
	Versions                                                                    int
	Blocks                                                                      []block
	Claims                                                                      []claimView
	Steps                                                                       []stepView
	History                                                                     []versionRow
}

type versionRow struct {
	Number                  int
	Captured, Published, ID string
	Claims                  int
	Changes                 string
}

type block struct {
	Dir, Kind string
	Segs      []seg
}

type seg struct {
	Text, Class, Title string
}

type claimView struct {
	N                                       string
	Source, SourceDir, Kind, Role, Via, Cue string
	Stance, Type, Content, ContentDir, Pos  string
	Unnamed                                 bool
	Class                                   string
}

type stepView struct {
	From, To                           int
	Added, Removed, Changed, Unchanged int
	WordsAdded, WordsRemoved           int
	Kinds                              string
	Claims                             []changeView
	Rows                               []diffRow
}

type changeView struct {
	Change, Kinds, Source, Cue, Content, Dir string
}

type diffRow struct {
	Class          string
	OldDir, NewDir string
	Old, New       []seg
}

func (r *Report) view(o HTMLOptions) *reportView {
	v := &reportView{Summary: r.Summary, Charts: r.Charts(), Compare: r.Compare}
	link := func(kind, ref string) string {
		if o.Link == nil || ref == "" {
			return ""
		}
		return o.Link(kind, ref)
	}
	for _, s := range r.Sources {
		v.Sources = append(v.Sources, sourceView{SourceRow: s, Dir: dirOf(s.Name), Href: link("source", s.ID)})
	}
	for i := range r.Articles {
		a := &r.Articles[i]
		latest := a.Latest()
		av := articleView{Title: a.Title, Key: a.Key, URL: webURL(a.URL), Outlet: a.Outlet, Story: a.Story, Lang: a.Lang,
			Version: latest.Number, Versions: len(a.Versions), Href: link("article", latest.VersionID),
			OutletHref: link("outlet", a.Outlet), StoryHref: link("story", a.Story)}
		if av.Title == "" {
			av.Title = a.Key
		}
		av.TitleDir = dirOf(av.Title)
		av.Blocks = blocks(latest.doc.Article, latest.Claims)
		av.Claims = claimViews(latest.Claims)
		for k := range a.Versions {
			x := &a.Versions[k]
			row := versionRow{Number: x.Number, Captured: TableTime(x.Captured), Published: TableTime(x.Published), ID: x.VersionID, Claims: len(x.Claims)}
			if x.Changes != nil {
				row.Changes = fmt.Sprintf("%d added, %d removed, %d changed", x.Changes.Added, x.Changes.Removed, x.Changes.Changed)
			}
			av.History = append(av.History, row)
			if x.Changes == nil || x.diff == nil {
				continue
			}
			sv := stepView{From: x.Changes.From, To: x.Number, Added: x.Changes.Added, Removed: x.Changes.Removed,
				Changed: x.Changes.Changed, Unchanged: x.Changes.Unchanged, WordsAdded: x.Changes.WordsAdded,
				WordsRemoved: x.Changes.WordsRemoved, Kinds: changedKinds(x.Changes.Kinds)}
			for _, ch := range x.Changes.Claims {
				src, cue, content := changeFields(&ch)
				sv.Claims = append(sv.Claims, changeView{Change: string(ch.Change), Kinds: kindsLabel(ch.Kinds), Source: src,
					Cue: cue, Content: content, Dir: dirOf(content)})
			}
			sv.Rows = diffRows(x.diff, []rune(x.prev.Article.Text), []rune(x.doc.Article.Text))
			av.Steps = append(av.Steps, sv)
		}
		v.Articles = append(v.Articles, av)
	}
	return v
}

func claimViews(cs []claimtrail.Claim) []claimView {
	var out []claimView
	for i, c := range cs {
		n := itoa(i + 1)
		if c.NestedIn != "" {
			n += " (nested)"
		}
		src := mentionLabel(c.Source)
		out = append(out, claimView{N: n, Source: src, SourceDir: dirOf(src), Kind: string(c.Source.Kind), Role: c.Source.Role,
			Via: viaLabel(c.Via), Cue: c.Cue.Text, Stance: stanceLabel(c.Cue), Type: string(c.Type), Content: c.Content.Text,
			ContentDir: dirOf(c.Content.Text), Unnamed: Unnamed(c.Source), Class: "st-" + string(c.Cue.Stance),
			Pos: fmt.Sprintf("¶%d s%d %s", c.Paragraph, c.Sentence, spanString(c.Content.Span))})
	}
	return out
}

// blocks lays out an article's paragraphs with its claims highlighted: the
// content coloured by the cue's stance (the innermost claim where claims
// nest), the cue and the source marked.
func blocks(a *claimtrail.Article, cs []claimtrail.Claim) []block {
	runes := []rune(a.Text)
	var out []block
	for _, p := range a.Paragraphs {
		if p.Kind == claimtrail.ParagraphChrome {
			continue
		}
		ps, pe := max(0, p.Span.Start), min(len(runes), p.Span.End)
		if ps >= pe {
			continue
		}
		cuts := []int{ps, pe}
		in := func(s claimtrail.Span) {
			for _, x := range []int{s.Start, s.End} {
				if x > ps && x < pe {
					cuts = append(cuts, x)
				}
			}
		}
		for _, c := range cs {
			in(c.Content.Span)
			in(c.Cue.Span)
			in(c.Source.Span)
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		b := block{Dir: dirOf(string(runes[ps:pe])), Kind: string(p.Kind)}
		for i := 0; i+1 < len(cuts); i++ {
			s := claimtrail.Span{Start: cuts[i], End: cuts[i+1]}
			var class, title []string
			best := -1
			for j, c := range cs {
				if c.Content.Span.Contains(s) && (best < 0 || c.Content.Span.Len() < cs[best].Content.Span.Len()) {
					best = j
				}
			}
			if best >= 0 {
				c := cs[best]
				class = append(class, "cl", "st-"+string(c.Cue.Stance))
				title = append(title, fmt.Sprintf("claim %d: %s, %s (%s)", best+1, SourceName(c.Source), c.Cue.Text, c.Cue.Stance))
			}
			for j, c := range cs {
				if !c.Cue.Span.Empty() && c.Cue.Span.Contains(s) {
					class = append(class, "cue")
					title = append(title, fmt.Sprintf("cue of claim %d", j+1))
					break
				}
			}
			for j, c := range cs {
				if !c.Source.Span.Empty() && c.Source.Span.Contains(s) {
					class = append(class, "src")
					title = append(title, fmt.Sprintf("source of claim %d", j+1))
					break
				}
			}
			sg := seg{Text: string(runes[s.Start:s.End]), Class: strings.Join(class, " "), Title: strings.Join(title, "; ")}
			if n := len(b.Segs); n > 0 && b.Segs[n-1].Class == sg.Class && b.Segs[n-1].Title == sg.Title {
				b.Segs[n-1].Text += sg.Text
				continue
			}
			b.Segs = append(b.Segs, sg)
		}
		out = append(out, b)
	}
	return out
}

// diffRows lays the aligned sentences side by side: the old text with its
// deletions, the new with its insertions.
func diffRows(res *diff.Result, oldR, newR []rune) []diffRow {
	var rows []diffRow
	for _, s := range res.Text.Sentences {
		r := diffRow{Class: string(s.Change)}
		if s.Moved {
			r.Class += " moved"
		}
		switch {
		case s.Change == claimtrail.StatusAdded:
			r.New = []seg{{Text: s.NewText, Class: "ins"}}
		case s.Change == claimtrail.StatusRemoved:
			r.Old = []seg{{Text: s.OldText, Class: "del"}}
		case len(s.Edits) == 0:
			r.Old = []seg{{Text: refsText(s.Old, oldR)}}
			r.New = []seg{{Text: refsText(s.New, newR)}}
		default:
			r.Old, r.New = sides(s.Edits, oldR, newR)
		}
		r.OldDir, r.NewDir = dirOf(segsText(r.Old)), dirOf(segsText(r.New))
		rows = append(rows, r)
	}
	return rows
}

func segsText(ss []seg) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.Text)
	}
	return b.String()
}

func refsText(rs []diff.Ref, runes []rune) string {
	if len(rs) == 0 {
		return ""
	}
	return claimtrail.Span{Start: rs[0].Span.Start, End: rs[len(rs)-1].Span.End}.Slice(runes)
}

// sides splits a word diff into the old side (kept and deleted words) and
// the new side (kept and inserted words), with the text between words
// taken from each version.
func sides(es []claimtrail.Edit, oldR, newR []rune) (old, new []seg) {
	lastO, lastN := -1, -1
	gap := func(out []seg, rs []rune, last, start int) []seg {
		if last < 0 || start <= last || start > len(rs) {
			return out
		}
		return appendSeg(out, seg{Text: string(rs[last:start])})
	}
	for _, e := range es {
		switch e.Op {
		case claimtrail.OpEqual:
			if e.Old != nil {
				old = gap(old, oldR, lastO, e.Old.Start)
				old = appendSeg(old, seg{Text: e.Old.Slice(oldR)})
				lastO = e.Old.End
			}
			if e.New != nil {
				new = gap(new, newR, lastN, e.New.Start)
				new = appendSeg(new, seg{Text: e.New.Slice(newR)})
				lastN = e.New.End
			}
		case claimtrail.OpDelete:
			if e.Old != nil {
				old = gap(old, oldR, lastO, e.Old.Start)
				old = appendSeg(old, seg{Text: e.Old.Slice(oldR), Class: "del"})
				lastO = e.Old.End
			}
		case claimtrail.OpInsert:
			if e.New != nil {
				new = gap(new, newR, lastN, e.New.Start)
				new = appendSeg(new, seg{Text: e.New.Slice(newR), Class: "ins"})
				lastN = e.New.End
			}
		}
	}
	return old, new
}

func appendSeg(ss []seg, s seg) []seg {
	if n := len(ss); n > 0 && ss[n-1].Class == s.Class {
		ss[n-1].Text += s.Text
		return ss
	}
	return append(ss, s)
}

type auditView struct {
	Summary  []string
	Figures  AuditSummary
	Charts   []Chart
	Articles []ArticleAudit
	Outlets  []OutletAudit
	Depths   []DepthCount
	Stories  []StoryAudit
	Findings []findingView
}

type findingView struct {
	Finding
	Pos, Dir, Href string
}

func (a *Audit) view(o HTMLOptions) *auditView {
	v := &auditView{Summary: a.SummaryLines(), Figures: a.Summary, Charts: a.Charts(), Articles: a.Articles,
		Outlets: a.Outlets, Depths: a.Depths, Stories: a.Stories}
	for _, f := range a.Findings {
		fv := findingView{Finding: f, Pos: fmt.Sprintf("¶%d s%d %s", f.Paragraph, f.Sentence, spanString(f.Span)), Dir: dirOf(f.Text)}
		if o.Link != nil && f.VersionID != "" {
			fv.Href = o.Link("article", f.VersionID)
		}
		v.Findings = append(v.Findings, fv)
	}
	return v
}

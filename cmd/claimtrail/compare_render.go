package main

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/compare"
)

// compareView renders compare's stories for people.
type compareView struct {
	opts    compareOptions
	stories []compare.Story
}

// shown: clusters reported by two or more articles, or all with --all.
func (v *compareView) shown(c *compare.Cluster) bool {
	return v.opts.All || len(c.Cells) > 1
}

func storyHead(s *compare.Story) string {
	if s.Detected {
		return fmt.Sprintf("detected, confidence %.2f", s.Confidence)
	}
	return "given"
}

func statsLine(s *compare.Story) string {
	return fmt.Sprintf("%d claims in %d articles; %d clusters across articles, %d disagree; aligned claims: %d within a language, %d across languages; %d unattributed, %d derived",
		s.Stats.Claims, s.Stats.Articles, s.Stats.Clusters, s.Stats.Disagreeing, s.Stats.AlignedSame, s.Stats.AlignedCross, s.Stats.Unattributed, s.Stats.Derived)
}

func columns(s *compare.Story) map[string]int {
	m := map[string]int{}
	for _, a := range s.Articles {
		m[a.ID] = a.Index + 1
	}
	return m
}

func dayOf(d string) string {
	if len(d) >= 10 {
		return d[:10]
	}
	return d
}

func cellAttribution(x compare.Cell) string {
	if x.Status == compare.CellUnattributed {
		return "unattributed"
	}
	s := x.Source
	if len(x.Via) > 0 {
		s += " via " + strings.Join(x.Via, " / ")
	}
	return s
}

func cellCue(x compare.Cell) string {
	if x.Status == compare.CellUnattributed {
		return "—"
	}
	return fmt.Sprintf("%s (%s, %s)", x.Cue, x.Stance, x.Type)
}

func kindsOf(ds []compare.Disagreement) string {
	var ks []string
	for _, d := range ds {
		if len(ks) == 0 || ks[len(ks)-1] != d.Kind {
			ks = append(ks, d.Kind)
		}
	}
	return strings.Join(ks, ", ")
}

func changeKinds(cs []claimtrail.Change) string {
	n := map[claimtrail.ChangeKind]int{}
	var order []claimtrail.ChangeKind
	for _, c := range cs {
		for _, k := range c.Kinds {
			if n[k] == 0 {
				order = append(order, k)
			}
			n[k]++
		}
	}
	var out []string
	for _, k := range order {
		out = append(out, fmt.Sprintf("%s %d", k, n[k]))
	}
	if len(out) == 0 {
		return "no claim changed"
	}
	return strings.Join(out, ", ")
}

// table prints each story: its articles, republications, then one block
// per cluster with a line per outlet. Text goes last on each line so
// right-to-left text cannot push the columns out of line.
func (v *compareView) table(w io.Writer) error {
	var b strings.Builder
	for si := range v.stories {
		s := &v.stories[si]
		col := columns(s)
		if si > 0 && (len(s.Articles) > 1 || v.opts.All || len(v.stories[si-1].Articles) > 1) {
			b.WriteString("\n")
		}
		if len(s.Articles) == 1 && !v.opts.All {
			// An article that tells no story with another has nothing to
			// set beside it; one line says so.
			a := s.Articles[0]
			fmt.Fprintf(&b, "== alone: %s (%s, %d claims): %s\n", a.Outlet, a.Lang, a.Claims, oneLine(a.Title))
			continue
		}
		fmt.Fprintf(&b, "== story %s  (%s)\n", s.Key, storyHead(s))
		if !v.opts.Quiet {
			fmt.Fprintf(&b, "   %s\n", statsLine(s))
		}
		b.WriteString("\nARTICLES\n")
		for _, a := range s.Articles {
			fmt.Fprintf(&b, "  [%d] %-4s %-10s %3d claims  %s: %s\n", a.Index+1, a.Lang, dayOf(a.Date), a.Claims, a.Outlet, oneLine(a.Title))
		}
		if len(s.Links) > 0 {
			b.WriteString("\nSTORY LINKS\n")
			for _, l := range s.Links {
				fmt.Fprintf(&b, "  [%d]–[%d] %.2f  %s\n", col[l.A], col[l.B], l.Score, strings.Join(l.Evidence, "; "))
			}
		}
		b.WriteString("\nDERIVED\n")
		if len(s.Derived) == 0 {
			b.WriteString("  (no article republishes or translates another)\n")
		}
		for _, d := range s.Derived {
			fmt.Fprintf(&b, "  %s\n", derivationLine(&d, col))
			for _, c := range d.Changes {
				o, n := c.Old, c.New
				switch {
				case o != nil && n != nil:
					fmt.Fprintf(&b, "      %-28s %s  →  %s: %s\n", kindListShort(&c), sourceLabel(o.Source), sourceLabel(n.Source), oneLine(n.Content.Text))
				case o != nil:
					fmt.Fprintf(&b, "      %-28s %s: %s\n", kindListShort(&c), sourceLabel(o.Source), oneLine(o.Content.Text))
				case n != nil:
					fmt.Fprintf(&b, "      %-28s %s: %s\n", kindListShort(&c), sourceLabel(n.Source), oneLine(n.Content.Text))
				}
			}
		}
		b.WriteString("\nCLUSTERS\n")
		n := 0
		for ci := range s.Clusters {
			c := &s.Clusters[ci]
			if !v.shown(c) {
				continue
			}
			n++
			flag := ""
			if c.CrossLanguage {
				flag = ", across languages"
			}
			mark := ""
			if len(c.Disagreements) > 0 {
				mark = "  ! " + kindsOf(c.Disagreements)
			}
			fmt.Fprintf(&b, "\n  %s  %d articles%s%s\n", c.ID, articlesIn(c), flag, mark)
			for _, x := range c.Cells {
				fmt.Fprintf(&b, "    [%d] %-12s %s  |  %s\n", col[x.Article], x.Status, cellCue(x), cellAttribution(x))
				fmt.Fprintf(&b, "        content  %s\n", oneLine(x.Content))
			}
			for _, a := range c.Alignments {
				fmt.Fprintf(&b, "    ~ %.2f  %s\n", a.Score, strings.Join(a.Evidence, "; "))
			}
			for _, d := range c.Disagreements {
				fmt.Fprintf(&b, "    ! %-19s %s\n", d.Kind, d.Detail)
			}
		}
		if n == 0 {
			b.WriteString("  (no claim is reported by two articles)\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func articlesIn(c *compare.Cluster) int {
	seen := map[string]bool{}
	for _, x := range c.Cells {
		seen[x.Article] = true
	}
	return len(seen)
}

func kindListShort(c *claimtrail.Change) string {
	if l := kindList(c); l != "" {
		return l
	}
	return string(c.Change)
}

// markdown writes one matrix per story: a row per cluster, a column per
// article.
func (v *compareView) markdown(w io.Writer) error {
	var b strings.Builder
	for si := range v.stories {
		s := &v.stories[si]
		col := columns(s)
		fmt.Fprintf(&b, "## Story %s (%s)\n\n%s.\n\n", mdCell(s.Key), storyHead(s), statsLine(s))
		for _, a := range s.Articles {
			fmt.Fprintf(&b, "%d. **%s** (%s, %s) %s\n", a.Index+1, mdCell(a.Outlet), a.Lang, dayOf(a.Date), mdCell(a.Title))
		}
		if len(s.Derived) > 0 {
			b.WriteString("\n### Republished or translated\n\n")
			for _, d := range s.Derived {
				fmt.Fprintf(&b, "- %s\n", mdCell(derivationLine(&d, col)))
			}
		}
		b.WriteString("\n### Claims by outlet\n\n| cluster |")
		for _, a := range s.Articles {
			fmt.Fprintf(&b, " [%d] %s |", a.Index+1, mdCell(a.Outlet))
		}
		b.WriteString(" disagreements |\n|---|")
		for range s.Articles {
			b.WriteString("---|")
		}
		b.WriteString("---|\n")
		for ci := range s.Clusters {
			c := &s.Clusters[ci]
			if !v.shown(c) {
				continue
			}
			cells := make([]string, len(s.Articles))
			for _, x := range c.Cells {
				t := "**" + mdCell(cellAttribution(x)) + "**"
				if x.Status == compare.CellAttributed {
					t += " " + mdCell(cellCue(x))
				}
				if i := col[x.Article] - 1; cells[i] != "" {
					cells[i] += "<br>" + t + "<br>" + mdCell(x.Content)
				} else {
					cells[i] = t + "<br>" + mdCell(x.Content)
				}
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", c.ID, strings.Join(cells, " | "), mdCell(kindsOf(c.Disagreements)))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var compareHTML = template.Must(template.New("compare").Funcs(template.FuncMap{
	"attribution": cellAttribution,
	"cue":         cellCue,
	"kinds":       kindsOf,
	"changes":     changeKinds,
	"stats":       statsLine,
	"head":        storyHead,
	"day":         dayOf,
	"dir": func(lang string) string {
		if lang == claimtrail.LangArabic {
			return "rtl"
		}
		return "ltr"
	},
}).Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>claimtrail compare</title>
<style>
body{font-family:sans-serif;margin:1em auto;max-width:90em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;font-size:.9em}
th{background:#f4f4f4}.un{background:#fff3cd}.dis{background:#fde8e8}.k{color:#555;font-size:.85em}
.src{font-weight:bold}[dir=rtl]{text-align:right}
</style></head><body>
{{range .}}<h1 dir="auto">{{.Key}}</h1>
<p class="k">{{head .Story}} · {{stats .Story}}</p>
<ol>{{range .Articles}}<li><b dir="auto">{{.Outlet}}</b> ({{.Lang}}, {{day .Date}}) <span dir="{{dir .Lang}}">{{.Title}}</span></li>{{end}}</ol>
{{if .Republished}}<h2>Republished</h2><ul>{{range .Republished}}<li dir="auto">{{.}}</li>{{end}}</ul>{{end}}
<h2>Claims by outlet</h2>
<table><tr><th>cluster</th>{{range .Articles}}<th dir="auto">{{.Outlet}}</th>{{end}}</tr>
{{range .Rows}}<tr{{if .Cluster.Disagreements}} class="dis"{{end}}><td>{{.Cluster.ID}}{{if .Cluster.Disagreements}}<div class="k">{{kinds .Cluster.Disagreements}}</div>{{end}}</td>{{range .Cells}}<td>{{range .}}<div dir="{{dir .Lang}}"{{if eq .Status "unattributed"}} class="un"{{end}}><div class="src">{{attribution .}}</div><div class="k">{{cue .}}</div><div>{{.Content}}</div></div>{{end}}</td>{{end}}</tr>
{{end}}</table>
{{end}}</body></html>
`))

type htmlStory struct {
	*compare.Story
	Rows []htmlRow
	// Republished says which outlet republishes which, by name.
	Republished []string
}

type htmlRow struct {
	Cluster compare.Cluster
	Cells   [][]compare.Cell
}

func (v *compareView) html(w io.Writer) error {
	var data []htmlStory
	for si := range v.stories {
		s := v.stories[si]
		col := columns(&s)
		hs := htmlStory{Story: &s}
		for _, d := range s.Derived {
			a, f := s.Articles[col[d.Article]-1], s.Articles[col[d.From]-1]
			verb := "republishes"
			if d.Kind == compare.Translation {
				verb = "translates"
			}
			hs.Republished = append(hs.Republished, fmt.Sprintf("%s %s %s (%s)", a.Outlet, verb, f.Outlet, derivationLine(&d, col)))
		}
		for ci := range s.Clusters {
			c := s.Clusters[ci]
			if !v.shown(&c) {
				continue
			}
			cells := make([][]compare.Cell, len(s.Articles))
			for _, x := range c.Cells {
				i := col[x.Article] - 1
				cells[i] = append(cells[i], x)
			}
			hs.Rows = append(hs.Rows, htmlRow{Cluster: c, Cells: cells})
		}
		data = append(data, hs)
	}
	return compareHTML.Execute(w, data)
}

// derivationLine says what a derivation rests on and what it changed.
func derivationLine(d *compare.Derivation, col map[string]int) string {
	if d.Kind == compare.Translation {
		return fmt.Sprintf("[%d] translates [%d]: %s; %d claim clusters hold both", col[d.Article], col[d.From], d.Evidence, d.Aligned)
	}
	return fmt.Sprintf("[%d] republishes [%d]: %s; %s", col[d.Article], col[d.From], d.Evidence, changeKinds(d.Changes))
}

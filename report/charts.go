package report

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/claimtrail/claimtrail"
)

// Chart is an inline SVG chart with its geometry computed in Go; the
// template only places what is here, escaping every label.
type Chart struct {
	Title  string
	Width  int
	Height int
	Bars   []Bar
	Labels []Label
	Legend []Label
	// Empty says there was nothing to draw.
	Empty bool
}

// Bar is one rectangle; Class picks its colour from the page's CSS.
type Bar struct {
	X, Y, W, H int
	Class      string
	Title      string
}

// Label is a piece of text at a point; Class is set for legend swatches.
type Label struct {
	X, Y   int
	Text   string
	Anchor string
	Class  string
}

var kindOrder = []claimtrail.SourceKind{claimtrail.KindPerson, claimtrail.KindOrganization, claimtrail.KindGovernment,
	claimtrail.KindOfficial, claimtrail.KindOutlet, claimtrail.KindAgency, claimtrail.KindDocument,
	claimtrail.KindAnonymous, claimtrail.KindOther}

const (
	chartW     = 640
	labelW     = 230
	barH       = 18
	barGap     = 8
	legendRowH = 18
)

// stacked draws one horizontal stacked bar per row, segments in the order
// of series, with a legend of the series used.
func stacked(title string, rows []string, series []string, classes []string, value func(row, s int) int) Chart {
	c := Chart{Title: title, Width: chartW}
	maxTotal := 0
	used := make([]bool, len(series))
	for r := range rows {
		t := 0
		for s := range series {
			v := value(r, s)
			t += v
			if v > 0 {
				used[s] = true
			}
		}
		maxTotal = max(maxTotal, t)
	}
	if maxTotal == 0 {
		c.Empty = true
		c.Height = 30
		return c
	}
	plotW := chartW - labelW - 40
	y := 10
	for r, name := range rows {
		c.Labels = append(c.Labels, Label{X: labelW - 6, Y: y + barH - 5, Text: clip(name, 32), Anchor: "end"})
		x, total := labelW, 0
		for s := range series {
			v := value(r, s)
			if v == 0 {
				continue
			}
			w := max(1, v*plotW/maxTotal)
			c.Bars = append(c.Bars, Bar{X: x, Y: y, W: w, H: barH, Class: classes[s], Title: name + ": " + series[s] + " " + strconv.Itoa(v)})
			x += w
			total += v
		}
		c.Labels = append(c.Labels, Label{X: x + 4, Y: y + barH - 5, Text: strconv.Itoa(total), Anchor: "start"})
		y += barH + barGap
	}
	x := 10
	y += 6
	for s, name := range series {
		if !used[s] {
			continue
		}
		if x+14+len(name)*7+16 > chartW {
			x = 10
			y += legendRowH
		}
		c.Legend = append(c.Legend, Label{X: x, Y: y, Text: name, Class: classes[s]})
		x += 14 + len(name)*7 + 16
	}
	c.Height = y + legendRowH
	return c
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Charts returns the report's charts: sources by kind per outlet, named
// against unnamed claims over time, claim changes per version.
func (r *Report) Charts() []Chart {
	// Sources by kind per outlet (claims of the latest versions).
	var outlets []string
	per := map[string]map[claimtrail.SourceKind]int{}
	for i := range r.Articles {
		a := &r.Articles[i]
		o := a.Outlet
		if o == "" {
			o = "(no outlet)"
		}
		if per[o] == nil {
			per[o] = map[claimtrail.SourceKind]int{}
			outlets = append(outlets, o)
		}
		for _, c := range a.Latest().Claims {
			k := c.Source.Kind
			if k == "" {
				k = claimtrail.KindOther
			}
			per[o][k]++
		}
	}
	slices.Sort(outlets)
	var kinds, kclasses []string
	for _, k := range kindOrder {
		kinds = append(kinds, string(k))
		kclasses = append(kclasses, "k-"+string(k))
	}
	byKind := stacked("Claims by source kind, per outlet", outlets, kinds, kclasses, func(row, s int) int {
		return per[outlets[row]][kindOrder[s]]
	})

	// Named against unnamed, by the day of each version.
	type nu struct{ named, unnamed int }
	days := map[string]*nu{}
	var dayList []string
	for i := range r.Articles {
		for _, v := range r.Articles[i].Versions {
			d := "undated"
			if t := articleDate(&v); !t.IsZero() {
				d = t.UTC().Format("2006-01-02")
			}
			x, ok := days[d]
			if !ok {
				x = &nu{}
				days[d] = x
				dayList = append(dayList, d)
			}
			for _, c := range v.Claims {
				if Unnamed(c.Source) {
					x.unnamed++
				} else {
					x.named++
				}
			}
		}
	}
	slices.Sort(dayList)
	overTime := stacked("Named and unnamed sources over time (claims of every version, by day)", dayList,
		[]string{"named", "unnamed"}, []string{"named", "unnamed"}, func(row, s int) int {
			if s == 0 {
				return days[dayList[row]].named
			}
			return days[dayList[row]].unnamed
		})

	// Claim changes per version.
	type step struct {
		label string
		ch    *VersionChanges
	}
	var steps []step
	for i := range r.Articles {
		a := &r.Articles[i]
		for _, v := range a.Versions {
			if v.Changes != nil {
				name := a.Title
				if name == "" {
					name = a.Key
				}
				steps = append(steps, step{clip(name, 18) + " v" + strconv.Itoa(v.Changes.From) + "→v" + strconv.Itoa(v.Number), v.Changes})
			}
		}
	}
	slices.SortStableFunc(steps, func(a, b step) int { return cmp.Compare(a.label, b.label) })
	var labels []string
	for _, s := range steps {
		labels = append(labels, s.label)
	}
	changes := stacked("Claim changes per version", labels, []string{"added", "removed", "changed"},
		[]string{"added", "removed", "changed"}, func(row, s int) int {
			ch := steps[row].ch
			return [3]int{ch.Added, ch.Removed, ch.Changed}[s]
		})
	return []Chart{byKind, overTime, changes}
}

// Charts returns the audit's charts: how claims are attributed per
// article, and how deep their chains go.
func (a *Audit) Charts() []Chart {
	var rows []string
	for _, x := range a.Articles {
		t := x.Title
		if t == "" {
			t = x.Key
		}
		rows = append(rows, t)
	}
	attr := stacked("Attribution per article", rows, []string{"named people", "organisations & documents", "unnamed", "other"},
		[]string{"named", "k-organization", "unnamed", "k-other"}, func(row, s int) int {
			x := a.Articles[row]
			return [4]int{x.Named, x.Orgs, x.Unnamed, x.Other}[s]
		})
	var drows []string
	for _, d := range a.Depths {
		drows = append(drows, "depth "+strconv.Itoa(d.Depth))
	}
	depth := stacked("Claims by chain depth", drows, []string{"claims"}, []string{"k-outlet"}, func(row, s int) int {
		return a.Depths[row].Claims
	})
	return []Chart{attr, depth}
}

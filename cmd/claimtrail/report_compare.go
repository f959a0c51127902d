package main

import (
	"fmt"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/compare"
	"github.com/claimtrail/claimtrail/report"
	"github.com/claimtrail/claimtrail/sources"
)

// The report package leaves the comparison across outlets to hooks, so
// that it does not depend on package compare; these fill them in. Both run
// compare on the latest version of every article of the report, and give
// nothing when the articles come from one outlet.

func newComparer() *compare.Comparer {
	return compare.New(compare.Options{SameSource: sameSource, Match: sources.Match})
}

func compareDocs(latest []report.Doc) ([]compare.Story, bool) {
	outlets := map[string]bool{}
	docs := make([]compare.Doc, 0, len(latest))
	for _, d := range latest {
		outlets[d.Article.Outlet] = true
		docs = append(docs, compare.Doc{Article: d.Article, Claims: d.Claims})
	}
	if len(outlets) < 2 {
		return nil, false
	}
	return newComparer().Compare(docs), true
}

// compareSection is the report's matrix: one row per proposition that two
// or more outlets report, one column per article, each cell the
// attribution as that article gives it.
func compareSection(latest []report.Doc) *report.CompareSection {
	stories, ok := compareDocs(latest)
	if !ok {
		return nil
	}
	sec := &report.CompareSection{Caption: "The same claims across outlets: who each outlet says said it"}
	for _, st := range stories {
		if len(st.Articles) < 2 {
			continue
		}
		cols := []string{"claim"}
		for _, a := range st.Articles {
			cols = append(cols, articleColumn(a))
		}
		cols = append(cols, "differences")
		if len(sec.Columns) == 0 {
			sec.Columns = cols
		} else if len(cols) != len(sec.Columns) {
			// stories with other articles start their own header row
			sec.Rows = append(sec.Rows, cols)
		}
		for _, cl := range st.Clusters {
			if len(cl.Cells) < 2 {
				continue
			}
			row := make([]string, len(cols))
			row[0] = excerpt(cl.Cells[0].Content, 80)
			for i, a := range st.Articles {
				row[i+1] = cellText(cl.Cells, a.ID)
			}
			var diffs []string
			for _, d := range cl.Disagreements {
				diffs = append(diffs, strings.ReplaceAll(d.Kind, "_", " "))
			}
			row[len(row)-1] = strings.Join(diffs, ", ")
			sec.Rows = append(sec.Rows, row)
		}
	}
	if len(sec.Rows) == 0 {
		return nil
	}
	return sec
}

func articleColumn(a compare.ArticleInfo) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return a.ID
}

func cellText(cells []compare.Cell, article string) string {
	var parts []string
	for _, c := range cells {
		if c.Article != article {
			continue
		}
		if c.Status == compare.CellUnattributed {
			parts = append(parts, "unattributed")
			continue
		}
		s := c.Source
		if len(c.Via) > 0 {
			s += " via " + strings.Join(c.Via, " → ")
		}
		parts = append(parts, fmt.Sprintf("%s · %s (%s)", s, c.Cue, c.Stance))
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, "; ")
}

func excerpt(s string, n int) string { return truncate(oneLine(s), n) }

// crossOutletFindings are the audit's findings across outlets: a claim
// that one outlet attributes and another states as fact, or gives with a
// shorter chain or another stance.
func crossOutletFindings(latest []report.Doc) []report.Finding {
	stories, ok := compareDocs(latest)
	if !ok {
		return nil
	}
	byID := map[string]report.Doc{}
	for _, d := range latest {
		byID[d.Article.ID] = d
	}
	var out []report.Finding
	for _, st := range stories {
		for _, cl := range st.Clusters {
			for _, dis := range cl.Disagreements {
				kind := report.FindWeakenedOutlet
				switch dis.Kind {
				case compare.AttributionDropped:
					kind = report.FindDroppedOutlet
				case compare.ChainShortened, compare.StanceDiffers:
				default:
					continue
				}
				for _, c := range cl.Cells {
					if kind == report.FindDroppedOutlet && c.Status != compare.CellUnattributed {
						continue
					}
					if kind == report.FindWeakenedOutlet && !containsStr(dis.Articles, c.Article) {
						continue
					}
					d, ok := byID[c.Article]
					if !ok {
						continue
					}
					out = append(out, report.Finding{
						Kind: kind, Key: claimtrail.VersionKey(d.Article), VersionID: d.VersionID, Version: d.Version.Number,
						ArticleID: d.Article.ID, Outlet: d.Article.Outlet, Span: c.Span, Text: c.Content,
						Detail: dis.Detail, ClaimID: c.ClaimID,
					})
				}
			}
		}
	}
	return out
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

package sources_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
	"github.com/claimtrail/claimtrail/text"
)

// TestEvalDistinctSources measures linking on a directory of articles
// kept outside the repository: the number of distinct sources before
// linking (one per distinct wording) and after (one per source id), and
// every merge made. It runs only when CLAIMTRAIL_EVAL_DIR names the
// directory (for example ../shared/eval/real-dev):
//
//	CLAIMTRAIL_EVAL_DIR=/path/to/real-dev go test ./sources/ -run TestEvalDistinctSources -v
func TestEvalDistinctSources(t *testing.T) {
	dir := os.Getenv("CLAIMTRAIL_EVAL_DIR")
	if dir == "" {
		t.Skip("CLAIMTRAIL_EVAL_DIR is not set: set it to a directory of .txt articles (such as shared/eval/real-dev) to measure linking")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .txt articles in %s (%v)", dir, err)
	}
	sort.Strings(files)
	x, err := claims.New(claims.Options{})
	if err != nil {
		t.Fatal(err)
	}
	reg, err := sources.New(sources.Options{})
	if err != nil {
		t.Fatal(err)
	}
	type seen struct{ words, names, articles []string }
	wordings := map[string]bool{}  // before: distinct wordings, whole set
	extracted := map[string]bool{} // distinct names as extraction resolved them
	builtin := map[string]bool{}
	for _, s := range reg.Sources() {
		builtin[s.ID] = true
	}
	toBuiltin := 0
	perArticleBefore, perArticleAfter, perArticleNames := 0, 0, 0
	bySource := map[string]*seen{}
	names := map[string]claimtrail.Source{}
	mentions, claimsN := 0, 0
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		a := &claimtrail.Article{ID: id, Text: string(body)}
		text.Segment(a)
		cs := x.Extract(a)
		claimsN += len(cs)
		for _, s := range reg.Link(a, cs) {
			names[s.ID] = s
		}
		artWords, artIDs, artNames := map[string]bool{}, map[string]bool{}, map[string]bool{}
		note := func(m *claimtrail.Mention) {
			w := strings.Join(strings.Fields(m.Mention), " ")
			if w == "" {
				w = strings.Join(strings.Fields(m.Name), " ")
			}
			if w == "" || m.SourceID == "" {
				return
			}
			mentions++
			k := text.Key(w)
			wordings[k] = true
			artWords[k] = true
			artIDs[m.SourceID] = true
			s := bySource[m.SourceID]
			if s == nil {
				s = &seen{}
				bySource[m.SourceID] = s
			}
			if !slices.Contains(s.words, w) {
				s.words = append(s.words, w)
			}
			n := strings.Join(strings.Fields(m.Name), " ")
			if n == "" {
				n = w
			}
			extracted[text.Key(n)] = true
			artNames[text.Key(n)] = true
			if !slices.Contains(s.names, n) {
				s.names = append(s.names, n)
			}
			if builtin[m.SourceID] {
				toBuiltin++
			}
			if !slices.Contains(s.articles, id) {
				s.articles = append(s.articles, id)
			}
		}
		for i := range cs {
			for j := range cs[i].Via {
				note(&cs[i].Via[j])
			}
			note(&cs[i].Source)
		}
		perArticleBefore += len(artWords)
		perArticleAfter += len(artIDs)
		perArticleNames += len(artNames)
	}
	t.Logf("%d articles, %d claims, %d linked mentions", len(files), claimsN, mentions)
	t.Logf("distinct sources across the set: %d wordings, %d names as extraction resolved them, %d sources after linking",
		len(wordings), len(extracted), len(bySource))
	t.Logf("%d mentions linked to the built-in registry", toBuiltin)
	t.Logf("summed per article: %d wordings, %d resolved names, %d sources after linking", perArticleBefore, perArticleNames, perArticleAfter)
	var ids []string
	for id, s := range bySource {
		if len(s.words) > 1 {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return names[ids[i]].Name < names[ids[j]].Name })
	t.Logf("%d merges (sources named more than one way):", len(ids))
	for _, id := range ids {
		s, src := bySource[id], names[id]
		t.Logf("  %s %s [%s] in %s: %s", id, src.Name, src.Kind, strings.Join(s.articles, ","), strings.Join(s.words, " | "))
	}
	var own []string
	for id, s := range bySource {
		if len(s.names) > 1 {
			own = append(own, fmt.Sprintf("  %s %s: %s", id, names[id].Name, strings.Join(s.names, " | ")))
		}
	}
	sort.Strings(own)
	t.Logf("%d merges beyond extraction's own resolution (sources with more than one resolved name):\n%s", len(own), strings.Join(own, "\n"))
	var cross []string
	for id, s := range bySource {
		if len(s.articles) > 1 {
			cross = append(cross, fmt.Sprintf("  %s %s: %s", id, names[id].Name, strings.Join(s.articles, ",")))
		}
	}
	sort.Strings(cross)
	t.Logf("%d sources seen in more than one article:\n%s", len(cross), strings.Join(cross, "\n"))
}

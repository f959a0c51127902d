package report_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/internal/golden"
	"github.com/claimtrail/claimtrail/report"
	"github.com/claimtrail/claimtrail/text"
)

const (
	seedPath = "../testdata/seed/aljazeera-coalition-redeploy.ar.txt"
	storyV1  = "../testdata/report/story-port.v1.json"
	storyV2  = "../testdata/report/story-port.v2.json"
	hostile  = "../testdata/report/hostile.json"
)

// docs reads files and extracts their claims, as `claimtrail report FILE`
// does.
func docs(tb testing.TB, paths ...string) []report.Doc {
	tb.Helper()
	x, err := claims.New(claims.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	var out []report.Doc
	for _, p := range paths {
		for a, err := range ingest.NewReader(ingest.Options{}).Read(context.Background(), p) {
			if err != nil {
				tb.Fatalf("read %s: %v", p, err)
			}
			// The path as a test sees it differs from the one the CLI
			// shows; keep it out of the golden files.
			a.Path = filepath.Base(a.Path)
			text.Segment(&a)
			out = append(out, report.Doc{Article: &a, Claims: x.Extract(&a)})
		}
	}
	return out
}

func build(tb testing.TB, scope report.Scope, name string, paths ...string) *report.Report {
	tb.Helper()
	r, err := report.Build(docs(tb, paths...), report.Options{Scope: scope, Name: name})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

var cases = []struct {
	name  string
	scope report.Scope
	story string
	paths []string
}{
	{"seed", report.ScopeFiles, "", []string{seedPath}},
	{"story-port", report.ScopeStory, "alder-bay-strike", []string{storyV1, storyV2}},
}

func TestReportGolden(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := build(t, c.scope, c.story, c.paths...)
			for _, f := range []string{"md", "json", "csv"} {
				var b bytes.Buffer
				if err := r.Write(&b, f); err != nil {
					t.Fatal(err)
				}
				golden.Assert(t, filepath.Join("..", "testdata", "report", c.name+".report."+f), b.Bytes())
			}
		})
	}
}

func TestAuditGolden(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := report.NewAudit(build(t, c.scope, c.story, c.paths...), nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{"md", "json", "csv"} {
				var b bytes.Buffer
				if err := a.Write(&b, f); err != nil {
					t.Fatal(err)
				}
				golden.Assert(t, filepath.Join("..", "testdata", "report", c.name+".audit."+f), b.Bytes())
			}
		})
	}
}

// TestAuditStory checks the findings the two-version story was written
// to produce.
func TestAuditStory(t *testing.T) {
	a, err := report.NewAudit(build(t, report.ScopeStory, "alder-bay-strike", storyV1, storyV2), nil)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[report.FindingKind]int{}
	for _, f := range a.Findings {
		kinds[f.Kind]++
		if f.Text == "" || f.Span.Empty() {
			t.Errorf("finding %+v has no text or span", f)
		}
	}
	for _, k := range []report.FindingKind{report.FindDropped, report.FindWeakened, report.FindAccusation, report.FindUnnamed} {
		if kinds[k] == 0 {
			t.Errorf("no %s finding; got %v", k, kinds)
		}
	}
}

// TestFindingsPointIntoText checks every finding's offsets: the text at
// the span of the version it names is the finding's text.
func TestFindingsPointIntoText(t *testing.T) {
	r := build(t, report.ScopeFiles, "", seedPath, storyV1, storyV2)
	a, err := report.NewAudit(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, ar := range r.Articles {
		for _, v := range ar.Versions {
			texts[ar.Key+"#"+strconv.Itoa(v.Number)] = v.Text
		}
	}
	for _, f := range a.Findings {
		txt, ok := texts[f.Key+"#"+strconv.Itoa(f.Version)]
		if !ok {
			t.Errorf("finding %s points to %s v%d, not in the report", f.Kind, f.Key, f.Version)
			continue
		}
		if got := f.Span.Slice([]rune(txt)); got != f.Text {
			t.Errorf("finding %s at %v: text %q, span holds %q", f.Kind, f.Span, f.Text, got)
		}
	}
}

func TestFormats(t *testing.T) {
	r := build(t, report.ScopeFiles, "", seedPath)
	if err := r.Write(&bytes.Buffer{}, "pdf"); err == nil {
		t.Error("pdf: no error")
	}
}

// TestHTMLEscapes checks the hostile article without a browser: no tag
// from its text, title, outlet or URL reaches the page as markup, and its
// javascript: URL is not a link.
func TestHTMLEscapes(t *testing.T) {
	r := build(t, report.ScopeFiles, "", hostile)
	var b bytes.Buffer
	if err := r.HTML(&b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script", "<img", "<b onmouseover", `href="javascript:`, "href=\"data:"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the script tag is not shown as text")
	}
	var md bytes.Buffer
	if err := r.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "<script") || strings.Contains(md.String(), "<b ") {
		t.Error("the Markdown passes markup through")
	}
	if !strings.Contains(page, report.ContentSecurityPolicy) {
		t.Error("the page's Content-Security-Policy differs from report.ContentSecurityPolicy")
	}
}

func TestMain(m *testing.M) {
	if _, err := os.Stat(seedPath); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// TestAccusationWords: the accusation words are found in both languages,
// through Arabic proclitics, only in sentences without a claim; dates are
// not figures.
func TestAccusationWords(t *testing.T) {
	cases := []struct {
		text  string
		kinds []report.FindingKind
	}{
		{"واتهمت الشرطة المتظاهرين بالتخريب.", []report.FindingKind{report.FindAccusation}},
		{"ووجهت إليه تهم بالفساد والرشوة.", []report.FindingKind{report.FindAccusation}},
		{"قتل 12 شخصا في القصف.", []report.FindingKind{report.FindNumber}},
		{"عقد الاجتماع في 5/ 6/ 2021 في بغداد.", nil},
		{"Managers were accused of fraud.", []report.FindingKind{report.FindAccusation}},
		{"The minister said that managers were accused of fraud.", nil},
		{"Twelve people were killed in 2024.", nil},
		{"Police arrested 40 people.", []report.FindingKind{report.FindNumber}},
	}
	x, err := claims.New(claims.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		// The first paragraph is the headline; the sentence is the body.
		body := "عنوان الخبر\n\n" + c.text + "\n"
		a := &claimtrail.Article{ID: "a", Text: body, Hash: claimtrail.ContentHash(body)}
		text.Segment(a)
		r, err := report.Build([]report.Doc{{Article: a, Claims: x.Extract(a)}}, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		au, err := report.NewAudit(r, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []report.FindingKind
		for _, f := range au.Findings {
			if f.Kind == report.FindNumber || f.Kind == report.FindAccusation {
				got = append(got, f.Kind)
			}
		}
		if !slices.Equal(got, c.kinds) {
			t.Errorf("%s: findings %v, want %v", c.text, got, c.kinds)
		}
	}
}

// TestCharts: the story's charts have bars for its outlet, its day and its
// version step; an empty chart says so.
func TestCharts(t *testing.T) {
	r := build(t, report.ScopeStory, "alder-bay-strike", storyV1, storyV2)
	cs := r.Charts()
	if len(cs) != 3 {
		t.Fatalf("%d charts", len(cs))
	}
	for _, c := range cs {
		if c.Empty || len(c.Bars) == 0 || c.Height <= 0 {
			t.Errorf("chart %q is empty", c.Title)
		}
		for _, b := range c.Bars {
			if b.X < 0 || b.W <= 0 || b.X+b.W > c.Width+1 {
				t.Errorf("chart %q: bar %+v outside width %d", c.Title, b, c.Width)
			}
		}
	}
	if seed := build(t, report.ScopeFiles, "", seedPath).Charts(); !seed[2].Empty {
		t.Error("the seed has one version; its changes chart should be empty")
	}
}

// TestCrossOutletHook: findings from the cross-outlet hook join the
// audit and its summary; without the hook the summary does not mention
// outlets.
func TestCrossOutletHook(t *testing.T) {
	ds := docs(t, storyV1, storyV2)
	hook := func(latest []report.Doc) []report.Finding {
		a := latest[0].Article
		return []report.Finding{{Kind: report.FindDroppedOutlet, Key: claimtrail.VersionKey(a), Version: 2, ArticleID: a.ID,
			Span: claimtrail.Span{Start: 0, End: 4}, Text: "Port", Detail: "another outlet states it as fact"}}
	}
	r, err := report.Build(ds, report.Options{Scope: report.ScopeStory, CrossOutlet: hook})
	if err != nil {
		t.Fatal(err)
	}
	a, err := report.NewAudit(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Summary.AcrossOutlets || a.Summary.DroppedAcrossOutlets != 1 {
		t.Errorf("summary %+v", a.Summary)
	}
	if l := a.SummaryLines(); !strings.HasPrefix(l[len(l)-1], "Between outlets: 1") {
		t.Errorf("summary lines %q", l)
	}
	plain, err := report.NewAudit(build(t, report.ScopeStory, "", storyV1, storyV2), nil)
	if err != nil {
		t.Fatal(err)
	}
	if plain.Summary.AcrossOutlets || strings.Contains(strings.Join(plain.SummaryLines(), " "), "outlets:") {
		t.Error("without the hook the audit speaks of outlets")
	}
}

// TestDeepChainAndSingleSource: a claim cited through two reporters is a
// deep chain, and a story whose claims all rest on it is single-source.
func TestDeepChainAndSingleSource(t *testing.T) {
	body := "Headline\n\nThe agency, citing the paper, said officials confirmed the plan.\n"
	a := &claimtrail.Article{ID: "a-deep", Story: "plan", Text: body, Hash: claimtrail.ContentHash(body)}
	text.Segment(a)
	c := claimtrail.Claim{ID: "c-1", Type: claimtrail.Indirect,
		Source:  claimtrail.Mention{Mention: "officials", Kind: claimtrail.KindOfficial, Anonymous: true, Span: claimtrail.Span{Start: 45, End: 54}},
		Via:     []claimtrail.Mention{{Mention: "The agency", Kind: claimtrail.KindAgency}, {Mention: "the paper", Kind: claimtrail.KindOutlet}},
		Cue:     claimtrail.Cue{Text: "confirmed", Stance: claimtrail.Assertive, Span: claimtrail.Span{Start: 55, End: 64}},
		Content: claimtrail.Text{Text: "the plan", Span: claimtrail.Span{Start: 65, End: 73}}, Paragraph: 1, Sentence: 1}
	r, err := report.Build([]report.Doc{{Article: a, Claims: []claimtrail.Claim{c}}}, report.Options{Scope: report.ScopeStory, Name: "plan"})
	if err != nil {
		t.Fatal(err)
	}
	au, err := report.NewAudit(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[report.FindingKind]string{}
	for _, f := range au.Findings {
		got[f.Kind] = f.Text
	}
	if got[report.FindDeepChain] != "officials" || got[report.FindSingleSource] != "officials" || got[report.FindUnnamed] != "officials" {
		t.Errorf("findings %v", got)
	}
	if au.Summary.MaxDepth != 3 || au.Summary.SingleSourceStories != 1 {
		t.Errorf("summary %+v", au.Summary)
	}
}

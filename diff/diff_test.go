package diff_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/diff"
	"github.com/claimtrail/claimtrail/internal/golden"
)

func pairNames(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(testdata + "*.old.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".old.txt"))
	}
	if len(names) < 25 {
		tb.Fatalf("found %d version pairs in %s, want at least 25", len(names), testdata)
	}
	return names
}

// TestGolden diffs every version pair in testdata/diff and compares the
// claim changes and changed sentences with NAME.golden.json.
func TestGolden(t *testing.T) {
	d := diff.New(diff.Options{})
	for _, name := range pairNames(t) {
		t.Run(name, func(t *testing.T) {
			o, n := readPair(t, name)
			r := d.Diff(o.a, n.a, o.cs, n.cs)
			checkResult(t, o, n, r)
			golden.AssertJSON(t, testdata+name+".golden.json", toGolden(r))
		})
	}
}

// expect lists, for pairs whose name says what changed, the kinds the diff
// must report; the golden files pin the rest.
var expect = map[string][]claimtrail.ChangeKind{
	"number":              {claimtrail.ChangeNumber},
	"reworded":            {claimtrail.ChangeReworded},
	"quote":               {claimtrail.ChangeQuote},
	"source":              {claimtrail.ChangeSource},
	"mention":             {claimtrail.ChangeSourceMention},
	"role":                {claimtrail.ChangeRole},
	"anonymized":          {claimtrail.ChangeAnonymized},
	"named":               {claimtrail.ChangeNamed},
	"cue":                 {claimtrail.ChangeCue},
	"stance":              {claimtrail.ChangeCue, claimtrail.ChangeStance},
	"negation":            {claimtrail.ChangeNegation},
	"via":                 {claimtrail.ChangeVia},
	"type":                {claimtrail.ChangeType},
	"attribution-dropped": {claimtrail.ChangeAttributionDropped},
	"attribution-added":   {claimtrail.ChangeAttributionAdded},
	"added-removed":       {claimtrail.ChangeAdded, claimtrail.ChangeRemoved},
	"cosmetic":            {claimtrail.ChangeCosmetic},
	"reordered":           {claimtrail.ChangeMoved},
	"reordered-pronoun":   {claimtrail.ChangeMoved},
	"reordered-implicit":  {claimtrail.ChangeMoved},
	"unchanged":           nil,
	"split":               nil,
	"merge":               nil,
	"several":             {claimtrail.ChangeNumber, claimtrail.ChangeStance, claimtrail.ChangeAnonymized},
}

// TestKinds checks each pair reports the kinds its name promises and, where
// nothing notable changed, no notable change at all.
func TestKinds(t *testing.T) {
	d := diff.New(diff.Options{})
	seen := map[claimtrail.ChangeKind]bool{}
	for _, name := range pairNames(t) {
		want, ok := expect[name[3:]]
		if !ok {
			t.Errorf("%s: no expectation for this pair", name)
			continue
		}
		o, n := readPair(t, name)
		r := d.Diff(o.a, n.a, o.cs, n.cs)
		got := map[claimtrail.ChangeKind]bool{}
		notable := 0
		for _, c := range r.Claims {
			for _, k := range c.Kinds {
				got[k] = true
				seen[k] = true
			}
			if c.Notable() {
				notable++
			}
		}
		for _, k := range want {
			if !got[k] {
				t.Errorf("%s: no %s among %v", name, k, keys(got))
			}
		}
		switch name[3:] {
		case "unchanged", "reordered", "reordered-pronoun", "reordered-implicit", "cosmetic", "split", "merge":
			if notable > 0 {
				t.Errorf("%s: %d notable changes, want none: %v", name, notable, keys(got))
			}
		}
		if name[3:] == "unchanged" && (r.Text.WordsAdded+r.Text.WordsRemoved > 0 || len(got) > 0) {
			t.Errorf("%s: same text, got %v and +%d -%d words", name, keys(got), r.Text.WordsAdded, r.Text.WordsRemoved)
		}
		if strings.HasPrefix(name[3:], "reordered") {
			for k := range got {
				if k != claimtrail.ChangeMoved {
					t.Errorf("%s: reordered paragraphs gave %s, want only moved", name, k)
				}
			}
		}
	}
	for _, k := range []claimtrail.ChangeKind{
		claimtrail.ChangeReworded, claimtrail.ChangeQuote, claimtrail.ChangeNumber, claimtrail.ChangeSource,
		claimtrail.ChangeSourceMention, claimtrail.ChangeRole, claimtrail.ChangeAnonymized, claimtrail.ChangeNamed,
		claimtrail.ChangeCue, claimtrail.ChangeStance, claimtrail.ChangeNegation, claimtrail.ChangeVia, claimtrail.ChangeType,
		claimtrail.ChangeAttributionDropped, claimtrail.ChangeAttributionAdded, claimtrail.ChangeMoved, claimtrail.ChangeCosmetic,
		claimtrail.ChangeAdded, claimtrail.ChangeRemoved,
	} {
		if !seen[k] {
			t.Errorf("no pair exercises %s", k)
		}
	}
}

func keys(m map[claimtrail.ChangeKind]bool) []claimtrail.ChangeKind {
	var out []claimtrail.ChangeKind
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// checkResult checks what must hold for any diff: every claim of either
// version is in exactly one change, every sentence in exactly one entry,
// and every edit's text is the text at its span.
func checkResult(tb testing.TB, o, n prepared, r *diff.Result) {
	tb.Helper()
	seenO := map[*claimtrail.Claim]int{}
	seenN := map[*claimtrail.Claim]int{}
	or, nr := []rune(o.a.Text), []rune(n.a.Text)
	for _, c := range r.Claims {
		if c.Old == nil && c.New == nil {
			tb.Errorf("a change with no claim: %+v", c)
		}
		if c.Old != nil {
			seenO[c.Old]++
		}
		if c.New != nil {
			seenN[c.New]++
		}
		if c.Change == claimtrail.StatusUnchanged && len(c.Kinds) != 0 {
			tb.Errorf("unchanged with kinds %v", c.Kinds)
		}
		checkEdits(tb, c.ContentDiff, or, nr)
	}
	for i := range o.cs {
		if seenO[&o.cs[i]] != 1 {
			tb.Errorf("old claim %d (%s) is in %d changes", i, o.cs[i].Content.Text, seenO[&o.cs[i]])
		}
	}
	for i := range n.cs {
		if seenN[&n.cs[i]] != 1 {
			tb.Errorf("new claim %d (%s) is in %d changes", i, n.cs[i].Content.Text, seenN[&n.cs[i]])
		}
	}
	sentO, sentN := map[int]int{}, map[int]int{}
	for _, s := range r.Text.Sentences {
		for _, x := range s.Old {
			sentO[x.Span.Start]++
		}
		for _, x := range s.New {
			sentN[x.Span.Start]++
		}
		checkEdits(tb, s.Edits, or, nr)
	}
	for _, s := range o.a.Sentences() {
		if sentO[s.Span.Start] != 1 {
			tb.Errorf("old sentence %d is in %d entries", s.Index, sentO[s.Span.Start])
		}
	}
	for _, s := range n.a.Sentences() {
		if sentN[s.Span.Start] != 1 {
			tb.Errorf("new sentence %d is in %d entries", s.Index, sentN[s.Span.Start])
		}
	}
}

func checkEdits(tb testing.TB, es []claimtrail.Edit, or, nr []rune) {
	tb.Helper()
	for _, e := range es {
		switch e.Op {
		case claimtrail.OpEqual:
			if e.Old == nil || e.New == nil || e.Old.Slice(or) != e.Text {
				tb.Errorf("equal edit %q does not match its old span", e.Text)
			} else if e.NewText != "" && e.New.Slice(nr) != e.NewText {
				tb.Errorf("equal edit %q: new text %q is not at its span", e.Text, e.NewText)
			}
		case claimtrail.OpDelete:
			if e.Old == nil || e.Old.Slice(or) != e.Text {
				tb.Errorf("delete %q does not match its span", e.Text)
			}
		case claimtrail.OpInsert:
			if e.New == nil || e.New.Slice(nr) != e.Text {
				tb.Errorf("insert %q does not match its span", e.Text)
			}
		default:
			tb.Errorf("unknown op %q", e.Op)
		}
	}
}

func TestWords(t *testing.T) {
	for _, tt := range []struct{ name, old, new, want string }{
		{"numbers stay whole", "3,000 troops will leave", "2,500 troops will leave", "[-3,000-] {+2,500+} troops will leave"},
		{"digits of one number", "in 2012 and", "in 2021 and", "in [-2012-] {+2021+} and"},
		{"digits in a word", "the F-16 jets", "the F-35 jets", "the [-F-16-] {+F-35+} jets"},
		{"arabic digits are the same number", "وصل 12 جنديا", "وصل ١٢ جنديا", "وصل {~12 → ١٢~} جنديا"},
		{"diacritics are cosmetic", "قال الوزير", "قالَ الوزيرُ", "{~قال الوزير → قالَ الوزيرُ~}"},
		{"hamza on alef is cosmetic", "إعادة نشر", "اعادة نشر", "{~إعادة → اعادة~} نشر"},
		{"tatweel is cosmetic", "الميناء مستعد", "الميـناء مستعد", "{~الميناء → الميـناء~} مستعد"},
		{"arabic words are whole", "اجتماعها الأول في بغداد", "اجتماعها الثاني في بغداد", "اجتماعها [-الأول-] {+الثاني+} في بغداد"},
		{"quote style is cosmetic", `he said "yes"`, "he said “yes”", "he said {~\" → “~} yes {~\" → ”~}"},
		{"insertion", "the port will open", "the port will open on Friday", "the port will open {+on Friday+}"},
		{"deletion", "the firm political will", "the political will", "the [-firm-] political will"},
		{"semantic cleanup merges small equalities", "a b c d e", "a x c y e", "a [-b c d-] {+x c y+} e"},
		{"empty", "", "", ""},
		{"all new", "", "new words", "{+new words+}"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			es := diff.Words(tt.old, tt.new)
			if got := inline(es); got != tt.want {
				t.Errorf("Words(%q, %q)\n got %s\nwant %s", tt.old, tt.new, got, tt.want)
			}
			checkEdits(t, es, []rune(tt.old), []rune(tt.new))
		})
	}
}

func TestSameSourceByName(t *testing.T) {
	m := func(mention, name string, aliases ...string) claimtrail.Mention {
		return claimtrail.Mention{Mention: mention, Name: name, Aliases: aliases}
	}
	for _, tt := range []struct {
		a, b claimtrail.Mention
		want bool
	}{
		{m("Al-Alimi", "Rashad Al-Alimi"), m("Rashad Al-Alimi", ""), true},
		{m("Al-Alimi", ""), m("council president Rashad Al-Alimi", ""), true},
		{m("he", "The Yemeni leader"), m("He", "the Yemeni leader"), true},
		{m("البيان", "قيادة العمليات المشتركة بالعراق"), m("قيادة العمليات المشتركة بالعراق", ""), true},
		{m("الصحيفة", "The New York Times", "نيويورك تايمز"), m("نيويورك تايمز", ""), true},
		{m("أحمد", "أَحمد"), m("احمد", ""), true},
		{m("يحيى رسول", ""), m("مصدر عسكري عراقي", ""), false},
		{m("الجانب الأميركي", ""), m("الجانب العراقي", ""), false},
		{m("Iraq", ""), m("Iraq’s Higher Military Committee", ""), false},
		{m("The harbour authority", ""), m("The dock workers' union", ""), false},
		{claimtrail.Mention{Mention: "x", SourceID: "s-1"}, claimtrail.Mention{Mention: "y", SourceID: "s-1"}, true},
		{claimtrail.Mention{Mention: "Reuters", SourceID: "s-1"}, claimtrail.Mention{Mention: "AP", SourceID: "s-2"}, false},
		{claimtrail.Mention{Mention: "the ministry", SourceID: "s-1"}, claimtrail.Mention{Mention: "The ministry", SourceID: "s-2"}, true},
	} {
		if got := diff.SameSourceByName(tt.a, tt.b); got != tt.want {
			t.Errorf("SameSourceByName(%q/%q, %q/%q) = %v", tt.a.Mention, tt.a.Name, tt.b.Mention, tt.b.Name, got)
		}
		if got := diff.SameSourceByName(tt.b, tt.a); got != tt.want {
			t.Errorf("not symmetric for %q and %q", tt.a.Mention, tt.b.Mention)
		}
	}
}

// TestSameSourceInjected: the caller's matcher decides what is the same
// source (a cross-script matcher would call Yahya Rasool and يحيى رسول one).
func TestSameSourceInjected(t *testing.T) {
	o := extract(t, "old", "عنوان\n\nوقال يحيى رسول إن القوات ستغادر البلاد قبل نهاية العام.\n")
	n := extract(t, "new", "عنوان\n\nوقال يحيى رسول الناطق العسكري إن القوات ستغادر البلاد قبل نهاية العام.\n")
	if len(o.cs) != 1 || len(n.cs) != 1 {
		t.Fatalf("extraction gave %d and %d claims", len(o.cs), len(n.cs))
	}
	never := diff.New(diff.Options{SameSource: func(a, b claimtrail.Mention) bool { return false }})
	r := never.Diff(o.a, n.a, o.cs, n.cs)
	if len(r.Claims) != 1 || !r.Claims[0].Has(claimtrail.ChangeSource) {
		t.Errorf("with a matcher that matches nothing: %+v", r.Claims)
	}
	always := diff.New(diff.Options{SameSource: func(a, b claimtrail.Mention) bool { return true }})
	r = always.Diff(o.a, n.a, o.cs, n.cs)
	if len(r.Claims) != 1 || r.Claims[0].Has(claimtrail.ChangeSource) {
		t.Errorf("with a matcher that matches everything: %+v", r.Claims)
	}
}

// TestSplitAndMerge: a sentence split in two, or two merged into one, is
// aligned as a group, not reported as removed and added.
func TestSplitAndMerge(t *testing.T) {
	d := diff.New(diff.Options{})
	for _, name := range []string{"en-split", "ar-merge"} {
		o, n := readPair(t, name)
		r := d.Diff(o.a, n.a, o.cs, n.cs)
		group := false
		for _, s := range r.Text.Sentences {
			if s.Change == claimtrail.StatusAdded || s.Change == claimtrail.StatusRemoved {
				t.Errorf("%s: sentence %s, want it aligned", name, s.Change)
			}
			if len(s.Old) > 1 || len(s.New) > 1 {
				group = true
			}
		}
		if !group {
			t.Errorf("%s: no split or merged group", name)
		}
	}
}

// TestLongArticle: a 5,000-word article with one number changed gives one
// changed claim and one changed sentence, whatever else is the same.
func TestLongArticle(t *testing.T) {
	d := diff.New(diff.Options{})
	for _, lang := range []string{"en", "ar"} {
		ot, nt := longArticle(lang, 5000)
		if w := len(strings.Fields(ot)); w < 4900 {
			t.Fatalf("%s: long article has %d words", lang, w)
		}
		o, n := extract(t, "old", ot), extract(t, "new", nt)
		r := d.Diff(o.a, n.a, o.cs, n.cs)
		checkResult(t, o, n, r)
		var changed []claimtrail.Change
		for _, c := range r.Claims {
			if c.Change != claimtrail.StatusUnchanged {
				changed = append(changed, c)
			}
		}
		if len(changed) != 1 || !slices.Equal(changed[0].Kinds, []claimtrail.ChangeKind{claimtrail.ChangeNumber}) {
			t.Errorf("%s: want one number_changed claim of %d, got %d changes", lang, len(r.Claims), len(changed))
			for _, c := range changed {
				t.Logf("  %s %v %s", c.Change, c.Kinds, inline(c.ContentDiff))
			}
		}
		if r.Text.WordsAdded != 1 || r.Text.WordsRemoved != 1 {
			t.Errorf("%s: +%d -%d words, want +1 -1", lang, r.Text.WordsAdded, r.Text.WordsRemoved)
		}
		if lang == "en" {
			golden.AssertJSON(t, testdata+"en-long-one-number-5000.golden.json", toGolden(r))
		}
	}
}

// TestDeterministic: the same inputs give the same result, claim for claim.
func TestDeterministic(t *testing.T) {
	d := diff.New(diff.Options{})
	o, n := readPair(t, "en-several")
	a := toGolden(d.Diff(o.a, n.a, o.cs, n.cs))
	for range 5 {
		o, n := readPair(t, "en-several")
		b := toGolden(d.Diff(o.a, n.a, o.cs, n.cs))
		if !slices.EqualFunc(a.Claims, b.Claims, func(x, y goldenClaim) bool {
			return x.Change == y.Change && slices.Equal(x.Kinds, y.Kinds) && x.Old == y.Old
		}) {
			t.Fatal("two runs differ")
		}
	}
}

// TestUnsegmented: Diff segments articles that come without paragraphs.
func TestUnsegmented(t *testing.T) {
	a := &claimtrail.Article{Text: "Title\n\nThe port said 3,000 ships came.\n"}
	b := &claimtrail.Article{Text: "Title\n\nThe port said 2,000 ships came.\n"}
	r := diff.New(diff.Options{}).Diff(a, b, nil, nil)
	if len(a.Paragraphs) == 0 || r.Text.WordsAdded != 1 || r.Text.WordsRemoved != 1 {
		t.Errorf("got +%d -%d words, %d paragraphs", r.Text.WordsAdded, r.Text.WordsRemoved, len(a.Paragraphs))
	}
}

// TestClaimKindsSmall covers kinds on one-sentence articles.
func TestClaimKindsSmall(t *testing.T) {
	d := diff.New(diff.Options{})
	for _, tt := range []struct {
		name, old, new string
		want           claimtrail.ChangeKind
	}{
		{"digits in a word", "The air force said the F-16 jets had landed.", "The air force said the F-35 jets had landed.", claimtrail.ChangeNumber},
		{"arabic-indic digits changed", "وقال الجيش إن ١٢ جنديا أصيبوا.", "وقال الجيش إن ١٥ جنديا أصيبوا.", claimtrail.ChangeNumber},
		{"arabic-indic digits, same number", "وقال الجيش إن ١٢ جنديا أصيبوا.", "وقال الجيش إن 12 جنديا أصيبوا.", claimtrail.ChangeCosmetic},
		{"diacritics", "وقال الجيش إن الجنود أصيبوا.", "وقالَ الجيشُ إنّ الجنودَ أُصيبوا.", claimtrail.ChangeCosmetic},
	} {
		o := extract(t, "old", "Title\n\n"+tt.old+"\n")
		n := extract(t, "new", "Title\n\n"+tt.new+"\n")
		r := d.Diff(o.a, n.a, o.cs, n.cs)
		if len(r.Claims) != 1 || !r.Claims[0].Has(tt.want) {
			var got [][]claimtrail.ChangeKind
			for _, c := range r.Claims {
				got = append(got, c.Kinds)
			}
			t.Errorf("%s: got %v, want %s", tt.name, got, tt.want)
			continue
		}
		if tt.want == claimtrail.ChangeCosmetic && r.Claims[0].Notable() {
			t.Errorf("%s: cosmetic change is notable: %v", tt.name, r.Claims[0].Kinds)
		}
	}
}

// TestAcrossOutlets diffs every ordered pair of one story's articles from
// different outlets, as compare does for a republication: texts far apart,
// claims found on one side only. Nothing may panic, and every claim of
// both sides is accounted for.
func TestAcrossOutlets(t *testing.T) {
	data, err := os.ReadFile("../testdata/compare/qamar-dam/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var docs []prepared
	for line := range strings.Lines(string(data)) {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, extract(t, rec.ID, rec.Text))
	}
	d := diff.New(diff.Options{})
	for i := range docs {
		for j := range docs {
			if i == j {
				continue
			}
			res := d.Diff(docs[i].a, docs[j].a, docs[i].cs, docs[j].cs)
			olds, news := 0, 0
			for _, c := range res.Claims {
				if c.Old != nil {
					olds++
				}
				if c.New != nil {
					news++
				}
			}
			if olds != len(docs[i].cs) || news != len(docs[j].cs) {
				t.Errorf("%s → %s: %d old and %d new claims in the changes, want %d and %d",
					docs[i].a.Path, docs[j].a.Path, olds, news, len(docs[i].cs), len(docs[j].cs))
			}
		}
	}
}

// TestOneSidedClaimFarApart: a quotation that is a claim in the new version
// only (its antecedent is new) and stands far down the old one, which is
// longer. Its sentence is matched by index in the right version.
func TestOneSidedClaimFarApart(t *testing.T) {
	var old strings.Builder
	old.WriteString("Roads reopen after the storm\n\n")
	for i := range 12 {
		fmt.Fprintf(&old, "Crews cleared section %d of the coast road overnight.\n\n", i+1)
	}
	old.WriteString("“The road is open to all traffic.”\n")
	newText := "Roads reopen after the storm\n\nThe transport minister said the bridge would stay closed.\n\n“The road is open to all traffic.”\n"
	o := extract(t, "old.txt", old.String())
	n := extract(t, "new.txt", newText)
	res := diff.New(diff.Options{}).Diff(o.a, n.a, o.cs, n.cs)
	if len(res.Claims) == 0 {
		t.Fatal("no claim changes")
	}
}

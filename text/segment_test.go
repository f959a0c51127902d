package text_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/golden"
	"github.com/claimtrail/claimtrail/text"
)

const (
	segmentDir = "../testdata/segment"
	seedPath   = "../testdata/seed/aljazeera-coalition-redeploy.ar.txt"
)

// segmentInput is one golden case: an input file and the golden file it is
// paired with by name.
type segmentInput struct {
	name, input, golden string
}

// segmentInputs lists the golden cases: every NAME.txt in testdata/segment,
// and the seed article, read where it lives.
func segmentInputs(tb testing.TB) []segmentInput {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(segmentDir, "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var ins []segmentInput
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		ins = append(ins, segmentInput{name, p, filepath.Join(segmentDir, name+".golden.json")})
	}
	seed := strings.TrimSuffix(filepath.Base(seedPath), ".txt")
	ins = append(ins, segmentInput{seed, seedPath, filepath.Join(segmentDir, seed+".golden.json")})
	return ins
}

// The golden form is meant to be read: spans as "[start,end)" strings and
// each paragraph's text next to its sentences.
type goldenArticle struct {
	Lang           string            `json:"lang"`
	Title          string            `json:"title"`
	SourceLine     []string          `json:"article_source,omitempty"`
	SourceLineSpan string            `json:"article_source_span,omitempty"`
	Dateline       string            `json:"dateline,omitempty"`
	Credits        []goldenText      `json:"credits,omitempty"`
	Chrome         []goldenText      `json:"chrome,omitempty"`
	Paragraphs     []goldenParagraph `json:"paragraphs"`
}

type goldenParagraph struct {
	Index     int          `json:"index"`
	Kind      string       `json:"kind"`
	Span      string       `json:"span"`
	Text      string       `json:"text"`
	Sentences []goldenText `json:"sentences"`
}

type goldenText struct {
	Index *int   `json:"index,omitempty"`
	Span  string `json:"span"`
	Text  string `json:"text"`
}

func spanString(s claimtrail.Span) string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }

func toGolden(a *claimtrail.Article) goldenArticle {
	g := goldenArticle{Lang: a.Lang, Title: a.Title, SourceLine: a.SourceLine, Dateline: a.Dateline, Paragraphs: []goldenParagraph{}}
	if a.SourceLineSpan != nil {
		g.SourceLineSpan = spanString(*a.SourceLineSpan)
	}
	for _, c := range a.Credits {
		g.Credits = append(g.Credits, goldenText{Span: spanString(c.Span), Text: c.Text})
	}
	for _, c := range a.Chrome {
		g.Chrome = append(g.Chrome, goldenText{Span: spanString(c), Text: sliceRunes(a.Text, c)})
	}
	for _, p := range a.Paragraphs {
		gp := goldenParagraph{Index: p.Index, Kind: string(p.Kind), Span: spanString(p.Span),
			Text: sliceRunes(a.Text, p.Span), Sentences: []goldenText{}}
		for _, s := range p.Sentences {
			idx := s.Index
			gp.Sentences = append(gp.Sentences, goldenText{Index: &idx, Span: spanString(s.Span), Text: s.Text})
		}
		g.Paragraphs = append(g.Paragraphs, gp)
	}
	return g
}

// sliceRunes returns the original bytes of s at the rune span sp, counting
// runes the way range does (an invalid byte is one rune), so it works on
// invalid UTF-8 where Span.Slice would substitute U+FFFD.
func sliceRunes(s string, sp claimtrail.Span) string {
	b0, b1 := -1, -1
	ri := 0
	for i := range s {
		if ri == sp.Start {
			b0 = i
		}
		if ri == sp.End {
			b1 = i
		}
		ri++
	}
	if sp.Start == ri {
		b0 = len(s)
	}
	if sp.End == ri {
		b1 = len(s)
	}
	if b0 < 0 || b1 < 0 || b1 < b0 {
		return "\x00bad span " + spanString(sp)
	}
	return s[b0:b1]
}

func TestSegmentGolden(t *testing.T) {
	for _, in := range segmentInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			data, err := os.ReadFile(in.input)
			if err != nil {
				t.Fatal(err)
			}
			a := &claimtrail.Article{Text: string(data)}
			text.Segment(a)
			checkArticle(t, a)
			golden.AssertJSON(t, in.golden, toGolden(a))
		})
	}
}

// checkArticle checks the invariants of a segmentation: paragraph and
// sentence spans inside the text, increasing and non-overlapping, each
// sentence inside its paragraph, indexes dense, and Sentence.Text equal to
// the text at its span.
func checkArticle(tb testing.TB, a *claimtrail.Article) {
	tb.Helper()
	n := utf8.RuneCountInString(a.Text)
	prevPara, sentIdx, prevSent := 0, 0, 0
	for i, p := range a.Paragraphs {
		if p.Index != i {
			tb.Fatalf("paragraph %d has index %d", i, p.Index)
		}
		if p.Span.Start < prevPara || p.Span.Empty() || p.Span.End > n {
			tb.Fatalf("paragraph %d span %v out of order or bounds (prev end %d, len %d)", i, p.Span, prevPara, n)
		}
		prevPara = p.Span.End
		if p.Kind == "" {
			tb.Fatalf("paragraph %d has no kind", i)
		}
		if p.Sentences == nil {
			tb.Fatalf("paragraph %d has nil sentences", i)
		}
		for _, s := range p.Sentences {
			if s.Index != sentIdx {
				tb.Fatalf("sentence index %d, want %d", s.Index, sentIdx)
			}
			sentIdx++
			if !p.Span.Contains(s.Span) || s.Span.Empty() || s.Span.Start < prevSent {
				tb.Fatalf("sentence %d span %v not inside paragraph %v or overlaps previous end %d", s.Index, s.Span, p.Span, prevSent)
			}
			prevSent = s.Span.End
			if got := sliceRunes(a.Text, s.Span); got != s.Text {
				tb.Fatalf("sentence %d text %q, text at span %q", s.Index, s.Text, got)
			}
		}
	}
	for _, c := range a.Credits {
		if got := sliceRunes(a.Text, c.Span); got != c.Text || c.Span.End > n {
			tb.Fatalf("credit %q at %v holds %q", c.Text, c.Span, got)
		}
	}
	if len(a.Sentences()) != sentIdx {
		tb.Fatalf("Sentences() has %d, paragraphs %d", len(a.Sentences()), sentIdx)
	}
}

func TestSegmentTitle(t *testing.T) {
	tests := []struct {
		name, title, text string
		wantTitle         string
		wantKinds         []claimtrail.ParagraphKind
	}{
		{"empty title is set", "", "Headline here\n\nBody text follows here today.", "Headline here",
			[]claimtrail.ParagraphKind{claimtrail.ParagraphTitle, claimtrail.ParagraphBody}},
		{"title matches by key", "HEADLINE  here", "Headline here\nBody text follows here today.", "HEADLINE  here",
			[]claimtrail.ParagraphKind{claimtrail.ParagraphTitle, claimtrail.ParagraphBody}},
		{"other title leaves first line alone", "Another title", "Short line\nBody text follows here today.", "Another title",
			[]claimtrail.ParagraphKind{claimtrail.ParagraphHeading, claimtrail.ParagraphBody}},
		{"chrome before the title", "", "Advertisement\nThe headline\nBody.", "The headline",
			[]claimtrail.ParagraphKind{claimtrail.ParagraphChrome, claimtrail.ParagraphTitle, claimtrail.ParagraphBody}},
		{"empty text", "", "  \n\n ", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &claimtrail.Article{Title: tt.title, Text: tt.text}
			text.Segment(a)
			checkArticle(t, a)
			if a.Title != tt.wantTitle {
				t.Errorf("Title = %q, want %q", a.Title, tt.wantTitle)
			}
			var kinds []claimtrail.ParagraphKind
			for _, p := range a.Paragraphs {
				kinds = append(kinds, p.Kind)
			}
			if fmt.Sprint(kinds) != fmt.Sprint(tt.wantKinds) {
				t.Errorf("kinds = %v, want %v", kinds, tt.wantKinds)
			}
		})
	}
}

// TestSegmentTwice checks that a second Segment replaces the first instead
// of appending to it.
func TestSegmentTwice(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	a := &claimtrail.Article{Text: string(data)}
	text.Segment(a)
	first, _ := json.Marshal(a)
	text.Segment(a)
	if second, _ := json.Marshal(a); string(second) != string(first) {
		t.Errorf("second Segment differs:\n%s\n%s", first, second)
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, lang, in string
		want           []string
	}{
		{"arabic question", claimtrail.LangArabic, "هل انتهى؟ نعم انتهى.", []string{"هل انتهى؟", "نعم انتهى."}},
		{"arabic semicolon joins", claimtrail.LangArabic, "عقد اجتماعا؛ بهدف المراجعة.", []string{"عقد اجتماعا؛ بهدف المراجعة."}},
		{"arabic exclamation", claimtrail.LangArabic, "كفى! قال الرجل.", []string{"كفى!", "قال الرجل."}},
		{"quote with period", claimtrail.LangArabic, "قال «انتهى. لا شيء» ثم مضى.", []string{"قال «انتهى. لا شيء» ثم مضى."}},
		{"period inside closing quote", claimtrail.LangArabic, "قال «انتهى.» ثم مضى.", []string{"قال «انتهى.»", "ثم مضى."}},
		{"unclosed quote falls back", claimtrail.LangArabic, "قال «انتهى. لا شيء", []string{"قال «انتهى.", "لا شيء"}},
		{"decimal", claimtrail.LangEnglish, "It rose 3.5 percent. Then fell.", []string{"It rose 3.5 percent.", "Then fell."}},
		{"title abbreviation", claimtrail.LangEnglish, "Mr. Smith left. Dr. Jones stayed.", []string{"Mr. Smith left.", "Dr. Jones stayed."}},
		{"U.S. never breaks", claimtrail.LangEnglish, "He flew to the U.S. Army base.", []string{"He flew to the U.S. Army base."}},
		{"Lt. Gen.", claimtrail.LangEnglish, "Lt. Gen. Ruiz spoke.", []string{"Lt. Gen. Ruiz spoke."}},
		{"St. and No.", claimtrail.LangEnglish, "He lives at No. 5 St. James Road.", []string{"He lives at No. 5 St. James Road."}},
		{"initials", claimtrail.LangEnglish, "J. K. Rowling wrote it.", []string{"J. K. Rowling wrote it."}},
		{"a.m. before a day", claimtrail.LangEnglish, "It began at 9 a.m. Monday in Basra.", []string{"It began at 9 a.m. Monday in Basra."}},
		{"Inc. then sentence", claimtrail.LangEnglish, "He joined Acme Inc. The firm grew.", []string{"He joined Acme Inc.", "The firm grew."}},
		{"ellipsis lower", claimtrail.LangEnglish, "Well... maybe not.", []string{"Well... maybe not."}},
		{"ellipsis upper", claimtrail.LangEnglish, "Well… Maybe not.", []string{"Well…", "Maybe not."}},
		{"quote closes after period", claimtrail.LangEnglish, `"We will stay." He left.`, []string{`"We will stay."`, "He left."}},
		{"comma quote said", claimtrail.LangEnglish, "“We stay now,” he said. Then he left.", []string{"“We stay now,” he said.", "Then he left."}},
		{"question lower", claimtrail.LangEnglish, `"Why?" she asked.`, []string{`"Why?" she asked.`}},
		{"dateline", claimtrail.LangEnglish, "BAGHDAD (Reuters) - Talks ended. More soon.", []string{"BAGHDAD (Reuters) - Talks ended.", "More soon."}},
		{"dateline with D.C.", claimtrail.LangEnglish, "WASHINGTON, D.C. (AP) - Talks ended.", []string{"WASHINGTON, D.C. (AP) - Talks ended."}},
		{"list number", claimtrail.LangEnglish, "1. The first point.", []string{"1. The first point."}},
		{"URL", claimtrail.LangEnglish, "See aljazeera.net for more.", []string{"See aljazeera.net for more."}},
		{"surrounding space trimmed", claimtrail.LangEnglish, "  One.   Two.  ", []string{"One.", "Two."}},
		{"empty", claimtrail.LangEnglish, "   ", nil},
		{"dates", claimtrail.LangArabic, "في 5/ 6/ 2021. وقال", []string{"في 5/ 6/ 2021.", "وقال"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := text.SplitSentences(tt.in, tt.lang)
			rs := []rune(tt.in)
			var got []string
			for _, s := range spans {
				got = append(got, s.Slice(rs))
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzSegment(f *testing.F) {
	for _, in := range segmentInputs(f) {
		data, err := os.ReadFile(in.input)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("«a. b\n\"x. y\" z.\n(c)")
	f.Add("A (B)\nSource: \n\xff\xfe.")
	f.Fuzz(func(t *testing.T, s string) {
		a := &claimtrail.Article{Text: s}
		text.Segment(a)
		checkArticle(t, a)
	})
}

func BenchmarkSegment(b *testing.B) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		a := &claimtrail.Article{Text: s}
		text.Segment(a)
	}
}

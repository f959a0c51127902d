package text_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// tok renders a token as text/kind/key@start-end for compact comparisons.
func tok(t text.Token) string {
	return fmt.Sprintf("%s/%v/%s@%d-%d", t.Text, t.Kind, t.Key, t.Span.Start, t.Span.End)
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"thousands and decimal", "2,500 and 3.5",
			[]string{"2,500/number/2500@0-5", "and/word/and@6-9", "3.5/number/3.5@10-13"}},
		{"grouped decimal", "1,234.56", []string{"1,234.56/number/1234.56@0-8"}},
		{"decimal comma", "3,5", []string{"3,5/number/3.5@0-3"}},
		{"arabic-indic digits", "٢٥٠٠ ٢٬٥٠٠ ٣٫٥",
			[]string{"٢٥٠٠/number/2500@0-4", "٢٬٥٠٠/number/2500@5-10", "٣٫٥/number/3.5@11-14"}},
		{"percent", "50%", []string{"50/number/50@0-2", "%/punct/%@2-3"}},
		{"date with slashes", "5/ 6/ 2021",
			[]string{"5/number/5@0-1", "//punct//@1-2", "6/number/6@3-4", "//punct//@4-5", "2021/number/2021@6-10"}},
		{"clitic words are one token", "وقال، بالعراق",
			[]string{"وقال/word/وقال@0-4", "،/punct/،@4-5", "بالعراق/word/بالعراق@6-13"}},
		{"diacritics stay in the word", "قَالَ", []string{"قَالَ/word/قال@0-5"}},
		{"latin hyphen", "al-Asad F-16", []string{"al-Asad/word/al-asad@0-7", "F-16/word/f-16@8-12"}},
		{"number range is not a word", "2020-2021",
			[]string{"2020/number/2020@0-4", "-/punct/-@4-5", "2021/number/2021@5-9"}},
		{"arabic dash aside", "رسول -الناطق-",
			[]string{"رسول/word/رسول@0-4", "-/punct/-@5-6", "الناطق/word/الناطق@6-12", "-/punct/-@12-13"}},
		{"apostrophes", "don't O’Brien", []string{"don't/word/don't@0-5", "O’Brien/word/o’brien@6-13"}},
		{"trailing apostrophe is a quote", "soldiers'", []string{"soldiers/word/soldiers@0-8", "'/quote/'@8-9"}},
		{"quotes", "«نص» \"a\" “b”",
			[]string{"«/quote/«@0-1", "نص/word/نص@1-3", "»/quote/»@3-4", "\"/quote/\"@5-6", "a/word/a@6-7",
				"\"/quote/\"@7-8", "“/quote/“@9-10", "b/word/b@10-11", "”/quote/”@11-12"}},
		{"arabic punctuation", "نعم؟ لا؛ ربما.",
			[]string{"نعم/word/نعم@0-3", "؟/punct/؟@3-4", "لا/word/لا@5-7", "؛/punct/؛@7-8", "ربما/word/ربما@9-13", "./punct/.@13-14"}},
		{"brackets and dashes", "(a) [b] – —",
			[]string{"(/punct/(@0-1", "a/word/a@1-2", ")/punct/)@2-3", "[/punct/[@4-5", "b/word/b@5-6", "]/punct/]@6-7",
				"–/punct/–@8-9", "—/punct/—@10-11"}},
		{"invisible marks", "a\u200fb \u200f c", []string{"a\u200fb/word/ab@0-3", "c/word/c@6-7"}},
		{"digits and letters", "G7 2nd", []string{"G7/word/g7@0-2", "2nd/word/2nd@3-6"}},
		{"white space only", " \t\n ", nil},
		{"invalid utf-8", "a\xffb", []string{"a/word/a@0-1", "\xff/punct/\xff@1-2", "b/word/b@2-3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, k := range text.Tokenize(tt.in) {
				got = append(got, tok(k))
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizeAt(t *testing.T) {
	toks := text.TokenizeAt("قال إن", 100)
	if len(toks) != 2 || toks[0].Span != (claimtrail.Span{Start: 100, End: 103}) ||
		toks[1].Span != (claimtrail.Span{Start: 104, End: 106}) {
		t.Errorf("TokenizeAt spans: %v", toks)
	}
}

func TestDetectLang(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"arabic", "قال المتحدث إن القوات انسحبت", claimtrail.LangArabic},
		{"english", "The spokesman said troops withdrew", claimtrail.LangEnglish},
		{"arabic with a latin gloss", "وكانت صحيفة نيويورك تايمز (New York Times) قد نقلت عن مسؤولين أميركيين", claimtrail.LangArabic},
		{"mixed", "Baghdad بغداد Basra البصرة", claimtrail.LangMixed},
		{"digits and punctuation", "123, 456 — !!", claimtrail.LangUnknown},
		{"empty", "", claimtrail.LangUnknown},
		{"other script only", "Привет мир", claimtrail.LangUnknown},
		{"diacritics do not count", "قَالَ", claimtrail.LangArabic},
	}
	for _, tt := range tests {
		if got := text.DetectLang(tt.in); got != tt.want {
			t.Errorf("%s: DetectLang(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, in := range segmentInputs(f) {
		data, err := os.ReadFile(in.input)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data), 0)
	}
	f.Add("a\xff-b 1,2.3 don't \u200f«x»", 7)
	f.Fuzz(func(t *testing.T, s string, base int) {
		base = base % 1_000_000
		prev := base
		for _, k := range text.TokenizeAt(s, base) {
			if k.Span.Empty() || k.Span.Start < prev {
				t.Fatalf("token %q span %v empty or before %d", k.Text, k.Span, prev)
			}
			prev = k.Span.End
			sp := claimtrail.Span{Start: k.Span.Start - base, End: k.Span.End - base}
			if got := sliceRunes(s, sp); got != k.Text {
				t.Fatalf("token %q at %v, text there %q", k.Text, k.Span, got)
			}
			if strings.TrimSpace(k.Text) == "" {
				t.Fatalf("blank token %q", k.Text)
			}
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		_ = text.Tokenize(s)
	}
}

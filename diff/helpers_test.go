package diff_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/diff"
	"github.com/claimtrail/claimtrail/text"
)

const testdata = "../testdata/diff/"

// prepared is one version, read, segmented and extracted.
type prepared struct {
	a  *claimtrail.Article
	cs []claimtrail.Claim
}

var extractor *claims.Extractor

func extract(tb testing.TB, path, body string) prepared {
	tb.Helper()
	if extractor == nil {
		x, err := claims.New(claims.Options{})
		if err != nil {
			tb.Fatal(err)
		}
		extractor = x
	}
	a := &claimtrail.Article{Path: path, Text: body, Hash: claimtrail.ContentHash(body), ID: claimtrail.ArticleID(body)}
	a.Lang = text.DetectLang(body)
	text.Segment(a)
	return prepared{a: a, cs: extractor.Extract(a)}
}

func readPair(tb testing.TB, name string) (prepared, prepared) {
	tb.Helper()
	o, err := os.ReadFile(testdata + name + ".old.txt")
	if err != nil {
		tb.Fatal(err)
	}
	n, err := os.ReadFile(testdata + name + ".new.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return extract(tb, name+".old.txt", string(o)), extract(tb, name+".new.txt", string(n))
}

// inline renders a word diff for golden files and messages.
func inline(es []claimtrail.Edit) string {
	var parts []string
	for _, e := range es {
		switch e.Op {
		case claimtrail.OpEqual:
			if e.NewText != "" {
				parts = append(parts, "{~"+e.Text+" → "+e.NewText+"~}")
			} else {
				parts = append(parts, e.Text)
			}
		case claimtrail.OpDelete:
			parts = append(parts, "[-"+e.Text+"-]")
		case claimtrail.OpInsert:
			parts = append(parts, "{+"+e.Text+"+}")
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// goldenDiff is what the golden files hold: the claim changes and the
// sentences that changed, compact enough to review by eye.
type goldenDiff struct {
	Claims       []goldenClaim    `json:"claims"`
	WordsAdded   int              `json:"words_added"`
	WordsRemoved int              `json:"words_removed"`
	Sentences    []goldenSentence `json:"sentences"`
}

type goldenClaim struct {
	Change  string   `json:"change"`
	Kinds   []string `json:"kinds,omitempty"`
	Old     string   `json:"old,omitempty"`
	New     string   `json:"new,omitempty"`
	Source  string   `json:"source"`
	Cue     string   `json:"cue"`
	Content string   `json:"content_diff,omitempty"`
}

type goldenSentence struct {
	Change   string   `json:"change"`
	Moved    bool     `json:"moved,omitempty"`
	Cosmetic bool     `json:"cosmetic,omitempty"`
	Old      []string `json:"old,omitempty"`
	New      []string `json:"new,omitempty"`
	Diff     string   `json:"diff,omitempty"`
}

func both(o, n *claimtrail.Claim, f func(*claimtrail.Claim) string) string {
	switch {
	case o == nil:
		return f(n)
	case n == nil:
		return f(o)
	case f(o) == f(n):
		return f(o)
	}
	return f(o) + " → " + f(n)
}

func toGolden(r *diff.Result) goldenDiff {
	g := goldenDiff{Claims: []goldenClaim{}, Sentences: []goldenSentence{}, WordsAdded: r.Text.WordsAdded, WordsRemoved: r.Text.WordsRemoved}
	for _, c := range r.Claims {
		gc := goldenClaim{Change: string(c.Change), Content: inline(c.ContentDiff)}
		for _, k := range c.Kinds {
			gc.Kinds = append(gc.Kinds, string(k))
		}
		if c.Old != nil {
			gc.Old = c.Old.Content.Text
		}
		if c.New != nil {
			gc.New = c.New.Content.Text
			if gc.New == gc.Old {
				gc.New = ""
			}
		}
		gc.Source = both(c.Old, c.New, func(x *claimtrail.Claim) string {
			s := x.Source.Mention
			if x.Source.Role != "" {
				s += " (" + x.Source.Role + ")"
			}
			for _, v := range x.Via {
				s += " via " + v.Mention
			}
			return s
		})
		gc.Cue = both(c.Old, c.New, func(x *claimtrail.Claim) string { return x.Cue.Text + " " + string(x.Cue.Stance) })
		g.Claims = append(g.Claims, gc)
	}
	for _, s := range r.Text.Sentences {
		if s.Change == claimtrail.StatusUnchanged && !s.Moved {
			continue
		}
		gs := goldenSentence{Change: string(s.Change), Moved: s.Moved, Cosmetic: s.Cosmetic, Diff: inline(s.Edits)}
		for _, x := range s.Old {
			gs.Old = append(gs.Old, fmt.Sprintf("¶%d s%d", x.Paragraph, x.Sentence))
		}
		for _, x := range s.New {
			gs.New = append(gs.New, fmt.Sprintf("¶%d s%d", x.Paragraph, x.Sentence))
		}
		switch s.Change {
		case claimtrail.StatusAdded:
			gs.Diff = s.NewText
		case claimtrail.StatusRemoved:
			gs.Diff = s.OldText
		}
		g.Sentences = append(g.Sentences, gs)
	}
	return g
}

// longArticle writes a news story of about words words, each paragraph
// different (names, places and numbers vary), and a second version with
// one number changed in the paragraph at the middle.
func longArticle(lang string, words int) (old, new string) {
	names := []string{"Omar Saleh", "Lina Farah", "Samir Haddad", "Nadia Karim", "Yusuf Bakr", "Hana Nasser", "Tariq Mansour", "Rania Aziz", "Fadi Qasim", "Mona Zaki", "Karim Hilal", "Salma Idris", "Walid Amin", "Dina Sabri", "Nabil Rahman", "Layla Hamdan", "Ziad Nouri"}
	districts := []string{"Bab al-Bahr", "Harbour Hill", "Old Quarter", "Salt Market", "East Pier", "Palm Gardens", "North Gate", "Lighthouse Point", "Fishers' Row", "Customs Square", "Station Road", "Green Valley", "Stone Bridge", "Cedar Lane", "Sand Dunes", "Upper Town", "River Bend", "Olive Grove", "Mill Street"}
	topics := []string{"roads", "schools", "clinics", "water", "lighting", "markets", "parks", "buses", "drainage", "housing", "libraries", "bridges", "waste"}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	complaints := []string{"stopped twice since the spring", "left the pavements broken", "blocked the only road to the school", "run far over their schedule", "gone better than anyone expected", "cut the water supply for a week"}
	arNames := []string{"عمر صالح", "لينا فرح", "سمير حداد", "نادية كريم", "يوسف بكر", "هناء ناصر", "طارق منصور", "رانيا عزيز", "فادي قاسم", "منى زكي", "كريم هلال", "سلمى إدريس", "وليد أمين", "دينا صبري", "نبيل رحمن", "ليلى حمدان", "زياد نوري"}
	arDistricts := []string{"باب البحر", "تلة الميناء", "الحي القديم", "سوق الملح", "الرصيف الشرقي", "حدائق النخيل", "البوابة الشمالية", "رأس المنارة", "صف الصيادين", "ساحة الجمارك", "طريق المحطة", "الوادي الأخضر", "الجسر الحجري", "درب الأرز", "الكثبان", "المدينة العليا", "منعطف النهر", "بستان الزيتون", "شارع الطاحونة"}
	arTopics := []string{"الطرق", "المدارس", "العيادات", "المياه", "الإنارة", "الأسواق", "الحدائق", "الحافلات", "الصرف الصحي", "الإسكان", "المكتبات", "الجسور", "النفايات"}
	arMonths := []string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}
	arComplaints := []string{"توقفت مرتين منذ الربيع", "تركت الأرصفة محطمة", "أغلقت الطريق الوحيد إلى المدرسة", "تجاوزت موعدها بكثير", "سارت أفضل مما توقع الجميع", "قطعت المياه أسبوعا كاملا"}
	para := func(i, n int) string {
		if lang == "ar" {
			return fmt.Sprintf("وقال %s رئيس لجنة %s في حي %s إن %d مشروعا ستنجز قبل شهر %s. وخصص المجلس %d دينار للأعمال في حي %s، بحسب وثائق الميزانية. وقال سكان حي %s للصحفيين إن أعمال %s %s.",
				arNames[i%len(arNames)], arTopics[i%len(arTopics)], arDistricts[i%len(arDistricts)], n, arMonths[i%len(arMonths)],
				1000+i*137, arDistricts[(i+3)%len(arDistricts)], arDistricts[(i+7)%len(arDistricts)], arTopics[(i+5)%len(arTopics)], arComplaints[i%len(arComplaints)])
		}
		return fmt.Sprintf("%s, who chairs the %s committee in %s, said that %d projects would be finished before %s. The council set aside %d dinars for the work in %s, according to budget papers seen by the Herald. Residents of %s told reporters that the %s works had %s.",
			names[i%len(names)], topics[i%len(topics)], districts[i%len(districts)], n, months[i%len(months)],
			1000+i*137, districts[(i+3)%len(districts)], districts[(i+7)%len(districts)], topics[(i+5)%len(topics)], complaints[i%len(complaints)])
	}
	title := "Marsa Lina council sets out its works for the year"
	if lang == "ar" {
		title = "مجلس مرسى لينا يعلن خطة أعمال العام"
	}
	var ob, nb strings.Builder
	ob.WriteString(title + "\n")
	nb.WriteString(title + "\n")
	per := len(strings.Fields(para(0, 10)))
	count := words / per
	for i := range count {
		n := 10 + i*7
		ob.WriteString("\n" + para(i, n) + "\n")
		if i == count/2 {
			n += 3
		}
		nb.WriteString("\n" + para(i, n) + "\n")
	}
	return ob.String(), nb.String()
}

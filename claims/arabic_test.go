package claims_test

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/text"
)

// want describes one expected claim; empty fields are not checked.
type want struct {
	src     string // the mention as it stands, or the resolved name for an implicit subject
	name    string // the resolved name
	cue     string
	content string
	typ     claimtrail.ClaimType
	stance  claimtrail.Stance
	via     []string // mentions or names, outermost first
	anon    bool
	neg     bool
	nested  bool
	role    string
	alias   string
	class   claimtrail.CueClass
	kind    claimtrail.SourceKind
	implied bool // the claim has no cue word of its own
}

func extractText(t testing.TB, x *claims.Extractor, body string) (*claimtrail.Article, []claimtrail.Claim) {
	t.Helper()
	a := &claimtrail.Article{ID: claimtrail.ArticleID(body), Text: body, Hash: claimtrail.ContentHash(body)}
	text.Segment(a)
	return a, x.Extract(a)
}

func newExtractor(t testing.TB) *claims.Extractor {
	t.Helper()
	x, err := claims.New(claims.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// Each case is written for the project, one or more per form the Arabic
// rules cover, and the negative cases that must give no claim. A title line
// comes first so that the sentence under test is body text.
var arabicCases = []struct {
	name string
	text string
	want []want
}{
	{"qala-inna-title-name", "وقال وزير المالية أحمد سالم إن العجز تراجع إلى 3 في المئة.",
		[]want{{src: "أحمد سالم", role: "وزير المالية", cue: "وقال", content: "العجز تراجع إلى 3 في المئة", typ: claimtrail.Indirect, stance: claimtrail.Neutral}}},
	{"qalat-feminine-channel", "وقالت الوزارة في بيان إن الحدود ستفتح غدا.",
		[]want{{src: "الوزارة", cue: "وقالت", content: "الحدود ستفتح غدا", typ: claimtrail.Indirect}}},
	{"qalu-plural-implicit", "قال المحتجون إن مطالبهم واضحة.\nوقالوا إن الاعتصام سيستمر.",
		[]want{{src: "المحتجون", content: "مطالبهم واضحة"}, {name: "المحتجون", cue: "وقالوا", content: "الاعتصام سيستمر"}}},
	{"present-yaqul", "يقول الخبراء إن الأسعار سترتفع.",
		[]want{{src: "الخبراء", cue: "يقول", content: "الأسعار سترتفع", anon: true}}},
	{"passive-relay-qawluhu", "ونقل عن الوزير قوله إن الخطة جاهزة.",
		[]want{{src: "الوزير", cue: "ونقل عن", content: "الخطة جاهزة"}}},
	{"pluperfect", "وكانت الحكومة قد أعلنت أن الانتخابات ستجرى في موعدها.",
		[]want{{src: "الحكومة", cue: "أعلنت", content: "الانتخابات ستجرى في موعدها"}}},
	{"participle-muakkidan", "قال المدير إن المشروع اكتمل، مؤكدا أن التكلفة لم تتجاوز الميزانية.",
		[]want{{src: "المدير", content: "المشروع اكتمل"}, {name: "المدير", cue: "مؤكدا", content: "التكلفة لم تتجاوز الميزانية", stance: claimtrail.Assertive}}},
	{"participle-mushiran-ila", "وأعلن الجيش السيطرة على المدينة، مشيرا إلى أن المعارك توقفت.",
		[]want{{src: "الجيش", content: "السيطرة على المدينة", typ: claimtrail.Nominal}, {name: "الجيش", cue: "مشيرا", content: "المعارك توقفت"}}},
	{"participle-feminine-mudifa", "وقالت المنظمة إن المساعدات وصلت، مضيفة أن الحاجة ما زالت كبيرة.",
		[]want{{src: "المنظمة"}, {name: "المنظمة", cue: "مضيفة", content: "الحاجة ما زالت كبيرة"}}},
	{"participle-lafitan", "وقال الطبيب إن الحالات تراجعت، لافتا إلى أن المستشفى استقبل مرضى جددا.",
		[]want{{src: "الطبيب"}, {name: "الطبيب", cue: "لافتا", content: "المستشفى استقبل مرضى جددا"}}},
	{"complementizer-bianna-witnesses", "وأفاد شهود عيان بأن الانفجار وقع قرب السوق.",
		[]want{{src: "شهود عيان", cue: "وأفاد", content: "الانفجار وقع قرب السوق", anon: true}}},
	{"complementizer-ila-anna-document", "وأشار التقرير إلى أن البطالة ارتفعت.",
		[]want{{src: "التقرير", content: "البطالة ارتفعت"}}},
	{"complementizer-ala-anna-assertive", "وشدد الرئيس على أن الحوار هو الحل الوحيد.",
		[]want{{src: "الرئيس", cue: "وشدد", content: "الحوار هو الحل الوحيد", stance: claimtrail.Assertive}}},
	{"complementizer-min-anna-warning", "وحذر الخبير من أن الجفاف سيطول.",
		[]want{{src: "الخبير", cue: "وحذر", content: "الجفاف سيطول"}}},
	{"complementizer-without-hamza", "وقال المتحدث ان القوات انسحبت من المواقع.",
		[]want{{src: "المتحدث", content: "القوات انسحبت من المواقع"}}},
	{"nominal-complement", "وأعلنت الشركة إطلاق منتج جديد.",
		[]want{{src: "الشركة", cue: "وأعلنت", content: "إطلاق منتج جديد", typ: claimtrail.Nominal}}},
	{"channel-press-conference", "وقال رئيس الوزراء في مؤتمر صحفي إن الحكومة ستدعم المزارعين.",
		[]want{{src: "رئيس الوزراء", content: "الحكومة ستدعم المزارعين"}}},
	{"addressee-agency", "وقال مسؤول أمني لرويترز إن الهجوم أسفر عن قتيلين.",
		[]want{{src: "مسؤول أمني", via: []string{"رويترز"}, content: "الهجوم أسفر عن قتيلين", anon: true}}},
	{"addressee-in-channel", "وقال الوزير في تصريح لقناة الجزيرة إن المفاوضات مستمرة.",
		[]want{{src: "الوزير", via: []string{"الجزيرة"}, content: "المفاوضات مستمرة"}}},
	{"according-after-content", "ارتفع عدد الضحايا إلى 40 شخصا، بحسب وزارة الصحة.",
		[]want{{src: "وزارة الصحة", cue: "بحسب", content: "ارتفع عدد الضحايا إلى 40 شخصا", typ: claimtrail.AccordingTo}}},
	{"according-before-content", "ووفقا للشرطة، فإن المشتبه به فر من المكان.",
		[]want{{name: "الشرطة", content: "المشتبه به فر من المكان", typ: claimtrail.AccordingTo}}},
	{"according-hasab-unnamed", "وحسب مصادر مطلعة، فإن الاجتماع تأجل إلى الأسبوع المقبل.",
		[]want{{src: "مصادر مطلعة", content: "الاجتماع تأجل إلى الأسبوع المقبل", anon: true, typ: claimtrail.AccordingTo}}},
	{"according-wafq-ma-dhakarat", "وأصيب 15 شخصا في الحادث، وفق ما ذكرت الشرطة المحلية.",
		[]want{{src: "الشرطة المحلية", cue: "وفق ما ذكرت", content: "وأصيب 15 شخصا في الحادث", typ: claimtrail.AccordingTo}}},
	{"citing-naqlan-an", "وذكرت وكالة الأنباء الرسمية نقلا عن مصدر مسؤول أن الرئيس سيزور القاهرة.",
		[]want{{src: "مصدر مسؤول", via: []string{"وكالة الأنباء الرسمية"}, content: "الرئيس سيزور القاهرة", anon: true}}},
	{"ala-lisan", "الوضع تحت السيطرة تماما، على لسان قائد الشرطة.",
		[]want{{src: "قائد الشرطة", content: "الوضع تحت السيطرة تماما", typ: claimtrail.AccordingTo}}},
	{"relay-naqalat-an", "ونقلت صحيفة الغارديان عن دبلوماسيين غربيين أن المحادثات متعثرة.",
		[]want{{src: "دبلوماسيين غربيين", cue: "ونقلت", via: []string{"صحيفة الغارديان"}, content: "المحادثات متعثرة", anon: true}}},
	{"unnamed-withheld-identity", "وقال مسؤول طلب عدم الكشف عن هويته إن القرار اتخذ أمس.",
		[]want{{src: "مسؤول طلب عدم الكشف عن هويته", content: "القرار اتخذ أمس", anon: true}}},
	{"unnamed-marker-any-head", "وقال موظف في الوزارة فضل عدم الكشف عن اسمه إن الرواتب تأخرت.",
		[]want{{src: "موظف في الوزارة فضل عدم الكشف عن اسمه", content: "الرواتب تأخرت", anon: true}}},
	{"anaphor-statement", "أعلنت وزارة الدفاع في بيان أن التدريبات انتهت.\nوأضاف البيان أن الجنود عادوا إلى قواعدهم.",
		[]want{{src: "وزارة الدفاع"}, {src: "البيان", name: "وزارة الدفاع", content: "الجنود عادوا إلى قواعدهم"}}},
	{"anaphor-newspaper-officials", "ونقلت صحيفة واشنطن بوست عن مسؤولين أميركيين أن المحادثات توقفت.\nوقال المسؤولون للصحيفة إن الجولة المقبلة لم تحدد.",
		[]want{{src: "مسؤولين أميركيين", via: []string{"واشنطن بوست"}}, {src: "المسؤولون", name: "مسؤولين أميركيين", via: []string{"واشنطن بوست"}, content: "الجولة المقبلة لم تحدد"}}},
	{"implicit-wa-adafa", "قال المحافظ إن الطرق أغلقت.\nوأضاف أن فرق الإنقاذ تعمل منذ الفجر.",
		[]want{{src: "المحافظ"}, {name: "المحافظ", cue: "وأضاف", content: "فرق الإنقاذ تعمل منذ الفجر"}}},
	{"implicit-feminine", "قالت الوزيرة إن الخطة جاهزة.\nوأشارت إلى أن التمويل متوفر.",
		[]want{{src: "الوزيرة"}, {name: "الوزيرة", cue: "وأشارت", content: "التمويل متوفر"}}},
	{"definite-description", "أعلنت اللجنة الوطنية للانتخابات تأجيل الاقتراع.\nوقالت اللجنة إن الموعد الجديد سيعلن لاحقا.",
		[]want{{src: "اللجنة الوطنية للانتخابات", typ: claimtrail.Nominal}, {src: "اللجنة", name: "اللجنة الوطنية للانتخابات", content: "الموعد الجديد سيعلن لاحقا"}}},
	{"direct-guillemets", "وقال الوزير: «لن نتراجع عن قرارنا».",
		[]want{{src: "الوزير", content: "لن نتراجع عن قرارنا", typ: claimtrail.Direct}}},
	{"direct-curly", "وقالت النائبة “الميزانية غير عادلة”.",
		[]want{{src: "النائبة", content: "الميزانية غير عادلة", typ: claimtrail.Direct}}},
	{"direct-straight-implicit", "قال المدرب إن الفريق جاهز.\nوأضاف: \"سنلعب من أجل الفوز\".",
		[]want{{src: "المدرب"}, {name: "المدرب", content: "سنلعب من أجل الفوز", typ: claimtrail.Direct}}},
	{"direct-after-complementizer", "وقال المحافظ إن \"الوضع مستقر وتحت السيطرة\".",
		[]want{{src: "المحافظ", content: "الوضع مستقر وتحت السيطرة", typ: claimtrail.Direct}}},
	{"mixed-quoted-fragment", "وقال المحافظ إن المدينة عاشت \"ليلة صعبة جدا\" بسبب العاصفة.",
		[]want{{src: "المحافظ", typ: claimtrail.Mixed}}},
	{"latin-gloss-alias", "وذكرت صحيفة \"لوس أنجلوس تايمز\" (Los Angeles Times) أن الحرائق امتدت إلى الأحياء.",
		[]want{{src: "صحيفة \"لوس أنجلوس تايمز\"", alias: "Los Angeles Times", content: "الحرائق امتدت إلى الأحياء"}}},
	{"stance-hedged", "ورجح المحللون أن تنخفض الأسعار.",
		[]want{{src: "المحللون", stance: claimtrail.Hedged}}},
	{"stance-distancing", "وزعم المتهم أنه كان خارج البلاد.",
		[]want{{src: "المتهم", stance: claimtrail.Distancing, content: "كان خارج البلاد"}}},
	{"stance-denial-nominal", "ونفت الوزارة صحة التقارير عن إغلاق المعبر.",
		[]want{{src: "الوزارة", stance: claimtrail.Denial, typ: claimtrail.Nominal, content: "صحة التقارير عن إغلاق المعبر"}}},
	{"negated-assertive", "ولم يؤكد المتحدث أن الاتفاق وقع.",
		[]want{{src: "المتحدث", stance: claimtrail.Assertive, neg: true, content: "الاتفاق وقع"}}},
	{"negated-denial", "ولم ينف الوزير أن الحكومة تدرس الخطة.",
		[]want{{src: "الوزير", stance: claimtrail.Denial, neg: true}}},
	{"stance-hedged-itabara", "واعتبر الكاتب أن القرار متسرع.",
		[]want{{src: "الكاتب", stance: claimtrail.Hedged, content: "القرار متسرع"}}},
	{"role-dash-aside", "وقال سامي خليل -المتحدث باسم الهيئة- إن التسجيل يبدأ غدا.",
		[]want{{src: "سامي خليل", role: "المتحدث باسم الهيئة", content: "التسجيل يبدأ غدا"}}},
	{"role-comma-apposition", "وقال سامي خليل، المتحدث باسم الهيئة، إن التسجيل يبدأ غدا.",
		[]want{{src: "سامي خليل", role: "المتحدث باسم الهيئة", content: "التسجيل يبدأ غدا"}}},
	{"headline-colon", "الخارجية: لا تغيير في موقفنا من الأزمة\n\nنص الخبر.",
		[]want{{src: "الخارجية", cue: ":", content: "لا تغيير في موقفنا من الأزمة"}}},
	{"nested-in-content", "وقال الوزير إن الرئيس أكد دعمه للخطة.",
		[]want{{src: "الوزير", content: "الرئيس أكد دعمه للخطة"}, {src: "الرئيس", nested: true, via: []string{"الوزير"}, content: "دعمه للخطة"}}},
	{"calls-dua-ila", "ودعا الأمين العام الأطراف إلى وقف القتال فورا.",
		[]want{{src: "الأمين العام", cue: "ودعا", content: "وقف القتال فورا"}}},
	{"masdar-after-preposition", "ويأتي القرار بعد تأكيد الوزير إتمام الانسحاب من المدينة.",
		[]want{{src: "الوزير", cue: "تأكيد", content: "إتمام الانسحاب من المدينة", stance: claimtrail.Assertive}}},
	{"masdar-distancing", "وجاء البيان عقب ادعاء الحوثيين إسقاط طائرة مسيرة.",
		[]want{{src: "الحوثيين", cue: "ادعاء", stance: claimtrail.Distancing}}},
	{"wasafa-name-then-object", "وصف الغامدي المفاوضات الأخيرة بأنها \"مثمرة\".",
		[]want{{src: "الغامدي", cue: "وصف", content: "المفاوضات الأخيرة بأنها \"مثمرة\""}}},
	// negative cases: no attribution
	{"neg-expected-anna", "من المتوقع أن ترتفع درجات الحرارة غدا.", nil},
	{"neg-headline", "ارتفاع أسعار النفط في الأسواق العالمية\n\nتراجعت المخزونات.", nil},
	{"neg-numeric-fact", "وقتل 12 شخصا وأصيب 30 آخرون في الحادث.", nil},
	{"neg-credit-line", "جنود في موقع الانفجار (رويترز)\n\nتراجعت المخزونات.", nil},
	{"neg-source-line", "تراجعت المخزونات.\n\nالمصدر : الجزيرة + وكالات", nil},
	{"neg-wafq-plan", "انسحبت القوات وفق خطة متفق عليها.", nil},
	{"neg-yudhkar-anna", "يذكر أن المدينة شهدت احتجاجات مماثلة العام الماضي.", nil},
	{"neg-warada", "وورد اسمه في القائمة النهائية.", nil},
	{"neg-adjective-participle", "وارتفعت الأسعار بشكل لافت خلال الشهر.", nil},
	{"neg-truncated-participle", "وقال المدير إن العمل مستمر. مشيرا", []want{{src: "المدير", content: "العمل مستمر"}}},
}

func TestArabicCases(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range arabicCases {
		t.Run(tc.name, func(t *testing.T) {
			// a title line first, so that the case is body text unless it
			// is itself about titles
			body := tc.text
			if !strings.HasPrefix(tc.name, "headline") && !strings.HasPrefix(tc.name, "neg-headline") && !strings.HasPrefix(tc.name, "neg-credit") {
				body = "عنوان الخبر\n\n" + body
			}
			_, got := extractText(t, x, body)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d claims, want %d:\n%s", len(got), len(tc.want), dump(got))
			}
			for i, w := range tc.want {
				checkClaim(t, i, got[i], w, got)
			}
		})
	}
}

func checkClaim(t *testing.T, i int, c claimtrail.Claim, w want, all []claimtrail.Claim) {
	t.Helper()
	fail := func(field, got, want string) {
		t.Errorf("claim %d: %s = %q, want %q\n%s", i+1, field, got, want, dump(all))
	}
	if w.src != "" && c.Source.Mention != w.src {
		fail("source.mention", c.Source.Mention, w.src)
	}
	if w.name != "" && c.Source.Name != w.name {
		fail("source.name", c.Source.Name, w.name)
	}
	if w.cue != "" && c.Cue.Text != w.cue {
		fail("cue.text", c.Cue.Text, w.cue)
	}
	if w.content != "" && c.Content.Text != w.content {
		fail("content.text", c.Content.Text, w.content)
	}
	if w.typ != "" && c.Type != w.typ {
		fail("type", string(c.Type), string(w.typ))
	}
	if w.stance != "" && c.Cue.Stance != w.stance {
		fail("cue.stance", string(c.Cue.Stance), string(w.stance))
	}
	if w.role != "" && c.Source.Role != w.role {
		fail("source.role", c.Source.Role, w.role)
	}
	if w.anon && !c.Source.Anonymous {
		fail("source.anonymous", "false", "true")
	}
	if c.Cue.Negated != w.neg {
		t.Errorf("claim %d: cue.negated = %v, want %v", i+1, c.Cue.Negated, w.neg)
	}
	if (c.NestedIn != "") != w.nested {
		t.Errorf("claim %d: nested_in = %q, want nested %v", i+1, c.NestedIn, w.nested)
	}
	if w.class != "" && c.Cue.Class != w.class {
		fail("cue.class", string(c.Cue.Class), string(w.class))
	}
	if w.kind != "" && c.Source.Kind != w.kind {
		fail("source.kind", string(c.Source.Kind), string(w.kind))
	}
	if c.Implicit != w.implied && w.implied {
		t.Errorf("claim %d: implicit = %v, want %v", i+1, c.Implicit, w.implied)
	}
	if w.alias != "" && !containsString(c.Source.Aliases, w.alias) {
		fail("source.aliases", strings.Join(c.Source.Aliases, "|"), w.alias)
	}
	if w.via != nil {
		if len(c.Via) != len(w.via) {
			t.Errorf("claim %d: via has %d reporters, want %d\n%s", i+1, len(c.Via), len(w.via), dump(all))
			return
		}
		for k, v := range w.via {
			if !mentionNames(c.Via[k], v) {
				fail("via", c.Via[k].Mention+" / "+c.Via[k].Name, v)
			}
		}
	}
}

// mentionNames: the mention, name or an alias holds the wanted words.
func mentionNames(m claimtrail.Mention, want string) bool {
	wk := wordKeys(want)
	for _, s := range append([]string{m.Mention, m.Name}, m.Aliases...) {
		if k := wordKeys(s); k != "" && (strings.Contains(k, wk) || strings.Contains(wk, k)) {
			return true
		}
	}
	return false
}

// wordKeys is a phrase's words with their clitics stripped, so that
// للصحيفة and الصحيفة compare equal.
func wordKeys(s string) string {
	var out []string
	for _, t := range text.Tokenize(s) {
		if t.Kind == text.Word {
			k := t.Key
			if strings.HasPrefix(k, "لل") {
				k = "ا" + strings.TrimPrefix(k, "ل")
			}
			out = append(out, text.StripClitics(k))
		}
	}
	return strings.Join(out, " ")
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func dump(cs []claimtrail.Claim) string {
	var b strings.Builder
	for i, c := range cs {
		b.WriteString("  ")
		b.WriteString(string(rune('1' + i)))
		b.WriteString(" [" + c.Cue.Text + "|" + string(c.Type) + "|" + string(c.Cue.Stance) + "] src=" + c.Source.Mention + " name=" + c.Source.Name + " content=" + c.Content.Text)
		for _, v := range c.Via {
			b.WriteString(" via=" + v.Mention)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func newFuzzExtractor() (*claims.Extractor, error) { return claims.New(claims.Options{}) }

package sources_test

import (
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

// pair is one row of the matcher's table: two names and whether they name
// the same source. kind says which comparison the row exercises, for the
// precision and recall per kind.
type pair struct {
	a, b string
	same bool
	kind string // ar, en, cross
}

var pairs = []pair{
	// Arabic, same source.
	{"بالعراق", "العراق", true, "ar"},
	{"قيادة العمليات المشتركة بالعراق", "قيادة العمليات المشتركة في العراق", true, "ar"},
	{"اللواء يحيى رسول", "يحيى رسول", true, "ar"},
	{"العميد يحيى سريع", "يحيى سريع", true, "ar"},
	{"الرئيس عبد الفتاح السيسي", "عبد الفتاح السيسي", true, "ar"},
	{"الرئيس الأمريكي جو بايدن", "جو بايدن", true, "ar"},
	{"عبدالله", "عبد الله", true, "ar"},
	{"رشاد العليمي", "رشاد محمد العليمي", true, "ar"},
	{"الدكتور هيثم محمد إبراهيم", "هيثم محمد ابراهيم", true, "ar"},
	{"مسؤولين أميركيين", "مسؤولين أمريكيين", true, "ar"},
	{"يحيى رسول", "يحيي رسول", true, "ar"},
	{"وكالة الأناضول", "الأناضول", true, "ar"},
	{`صحيفة "نيويورك تايمز"`, "نيويورك تايمز", true, "ar"},
	{"الشيخ تميم بن حمد", "تميم بن حمد", true, "ar"},
	{"فؤاد أوقطاي", "فؤاد اوقطاي", true, "ar"},
	{`قناة "خبر ترك"`, "خبر ترك", true, "ar"},
	{"يَحيى رَسول", "يحيى رسول", true, "ar"},
	{"للصحيفة", "الصحيفة", true, "ar"},

	// Arabic, different sources.
	{"يحيى رسول", "يحيى سريع", false, "ar"},
	{"أحمد رسول", "محمد رسول", false, "ar"},
	{"نوري المالكي", "حيدر المالكي", false, "ar"},
	{"بشار الأسد", "حافظ الأسد", false, "ar"},
	{"جو بايدن", "هانتر بايدن", false, "ar"},
	{"رشاد العليمي", "محمد العليمي", false, "ar"},
	{"عمر", "عمرو", false, "ar"},
	{"رسول", "رسولي", false, "ar"},
	{"مسؤول بالأمن القومي العراقي", "مسؤولين أميركيين", false, "ar"},
	{"واشنطن بوست", "واشنطن تايمز", false, "ar"},
	{"الجزيرة", "الجزائر", false, "ar"},
	{"العربية", "الحدث", false, "ar"},
	{"مصطفى عزام", "مصطفى الكاظمي", false, "ar"},
	{"محمد بن سلمان", "محمد بن زايد", false, "ar"},
	{"عبد الله الثاني", "عبد الله غل", false, "ar"},
	{"حسن نصر الله", "حسن روحاني", false, "ar"},
	{"الرئيس", "رئيس الهيئة", false, "ar"},
	{"وزارة الصحة", "وزارة الخارجية", false, "ar"},
	{"مصادر أمنية", "مصادر دبلوماسية", false, "ar"},
	{"رئيس الهيئة", "الهيئة", false, "ar"},

	// English, same source.
	{"Yahya Rasool", "Yehia Rasool", true, "en"},
	{"Yahya Rasool", "Yahya Rasul", true, "en"},
	{"Lt. Gen. Abdul Amir Yarallah", "Abdul Amir Yarallah", true, "en"},
	{"Dr. Haitham Mohamed Ibrahim", "Haitham Muhammad Ibrahim", true, "en"},
	{"President Joe Biden", "Joe Biden", true, "en"},
	{"The New York Times", "New York Times", true, "en"},
	{"Al Jazeera", "Al-Jazeera", true, "en"},
	{"Al Jazeera", "Aljazeera", true, "en"},
	{"Mohammed Shia al-Sudani", "Mohammed Shia' Al Sudani", true, "en"},
	{"Brig. Gen. Yahya Rasool", "Yahya Rasool", true, "en"},
	{"Hadi al-Amiri", "Hadi Al-Ameri", true, "en"},
	{"Abdel Fattah el-Sisi", "Abdel-Fattah al-Sisi", true, "en"},
	{"Muqtada al-Sadr", "Moqtada al-Sadr", true, "en"},
	{"Sen. Lindsey Graham", "Lindsey Graham", true, "en"},
	{"Mr. Hussein", "Hussain", true, "en"},
	{"REUTERS", "Reuters", true, "en"},
	{"U.S. officials", "US officials", true, "en"},

	// English, different sources.
	{"Yahya Rasool", "Yahya Saree", false, "en"},
	{"Ahmed Rasool", "Mohammed Rasool", false, "en"},
	{"Nouri al-Maliki", "Haider al-Maliki", false, "en"},
	{"Bashar al-Assad", "Hafez al-Assad", false, "en"},
	{"Joe Biden", "Hunter Biden", false, "en"},
	{"Amr Moussa", "Omar Moussa", false, "en"},
	{"The New York Times", "The New York Post", false, "en"},
	{"Washington Post", "Washington Times", false, "en"},
	{"Al Arabiya", "Al Jazeera", false, "en"},
	{"Sky News", "Fox News", false, "en"},
	{"CNN", "CBS", false, "en"},
	{"Mustafa al-Kadhimi", "Mustafa Azzam", false, "en"},
	{"Mohammed bin Salman", "Mohammed bin Zayed", false, "en"},
	{"Ali Khamenei", "Ali Larijani", false, "en"},
	{"Hassan Nasrallah", "Hassan Rouhani", false, "en"},
	{"Ministry of Health", "Ministry of Defense", false, "en"},
	{"US officials", "Iraqi officials", false, "en"},
	{"Shafaq News", "Sky News", false, "en"},
	{"President of Egypt", "Egypt", false, "en"},
	{"Kurdistan24", "Kurdistan 25", false, "en"},

	// Across scripts, same source.
	{"يحيى رسول", "Yahya Rasool", true, "cross"},
	{"يحيى رسول", "Yehia Rasool", true, "cross"},
	{"يحيى رسول", "Yahya Rasul", true, "cross"},
	{"نيويورك تايمز", "New York Times", true, "cross"},
	{"واشنطن بوست", "The Washington Post", true, "cross"},
	{"رويترز", "Reuters", true, "cross"},
	{"الجزيرة", "Al Jazeera", true, "cross"},
	{"الأناضول", "Anadolu", true, "cross"},
	{"تسنيم", "Tasnim", true, "cross"},
	{"محمد شياع السوداني", "Mohammed Shia al-Sudani", true, "cross"},
	{"هادي العامري", "Hadi al-Amiri", true, "cross"},
	{"مقتدى الصدر", "Muqtada al-Sadr", true, "cross"},
	{"عبد الفتاح السيسي", "Abdel Fattah el-Sisi", true, "cross"},
	{"رشاد العليمي", "Rashad al-Alimi", true, "cross"},
	{"هانس غروندبرغ", "Hans Grundberg", true, "cross"},
	{"يحيى سريع", "Yahya Saree", true, "cross"},
	{"الغارديان", "The Guardian", true, "cross"},
	{"أكسيوس", "Axios", true, "cross"},
	{"شفق نيوز", "Shafaq News", true, "cross"},
	{"روداو", "Rudaw", true, "cross"},
	{"كردستان 24", "Kurdistan24", true, "cross"},
	{"خالد الفالح", "Khalid al-Falih", true, "cross"},
	{"سليمان صويلو", "Suleyman Soylu", true, "cross"},
	{"بنيامين نتنياهو", "Benjamin Netanyahu", true, "cross"},
	{"دونالد ترامب", "Donald Trump", true, "cross"},
	{"علي خامنئي", "Ali Khamenei", true, "cross"},
	{"اللواء يحيى رسول", "Brig. Gen. Yahya Rasool", true, "cross"},
	{"عبدالله", "Abdullah", true, "cross"},
	{"فؤاد أوقطاي", "Fuat Oktay", true, "cross"}, // Turkish spelling: a known miss

	// Across scripts, same source: written after the rules were settled,
	// as a check on pairs they were not tuned on.
	{"محمود عباس", "Mahmoud Abbas", true, "cross"},
	{"رجب طيب أردوغان", "Recep Tayyip Erdogan", true, "cross"},
	{"إسماعيل هنية", "Ismail Haniyeh", true, "cross"},
	{"أيمن الصفدي", "Ayman Safadi", true, "cross"},
	{"فؤاد حسين", "Fuad Hussein", true, "cross"},
	{"مسرور بارزاني", "Masrour Barzani", true, "cross"},
	{"نيجيرفان بارزاني", "Nechirvan Barzani", true, "cross"},
	{"قاسم سليماني", "Qassem Soleimani", true, "cross"},
	{"أبو بكر البغدادي", "Abu Bakr al-Baghdadi", true, "cross"},
	{"حيدر العبادي", "Haider al-Abadi", true, "cross"},
	{"مصطفى الكاظمي", "Mustafa al-Kadhimi", true, "cross"},
	{"فالح الفياض", "Faleh al-Fayyadh", true, "cross"},
	{"جينين هينيس بلاسخارت", "Jeanine Hennis-Plasschaert", true, "cross"},
	{"أنتوني بلينكن", "Antony Blinken", true, "cross"},
	{"لويد أوستن", "Lloyd Austin", true, "cross"},
	{"علي السيستاني", "Ali al-Sistani", true, "cross"},
	{"Mahmoud Abbas", "Mahmud Abbas", true, "en"},
	{"Qassem Soleimani", "Qasem Suleimani", true, "en"},

	// Across scripts, different sources.
	{"محمود عباس", "Mahmoud Ahmadinejad", false, "cross"},
	{"مسعود بارزاني", "Masrour Barzani", false, "cross"},
	{"نيجيرفان بارزاني", "Masrour Barzani", false, "cross"},
	{"قاسم سليماني", "Qassem al-Araji", false, "cross"},
	{"علي السيستاني", "Ali Shamkhani", false, "cross"},
	{"أيمن الظواهري", "Ayman Safadi", false, "cross"},
	{"خالد بن سلمان", "Mohammed bin Salman", false, "cross"},
	{"Masoud Barzani", "Masrour Barzani", false, "en"},
	{"Khalid bin Salman", "Mohammed bin Salman", false, "en"},
	{"يحيى رسول", "Yahya Saree", false, "cross"},
	{"أحمد رسول", "Mohammed Rasool", false, "cross"},
	{"نوري المالكي", "Haider al-Maliki", false, "cross"},
	{"نيويورك تايمز", "New York Post", false, "cross"},
	{"الجزيرة", "Algeria", false, "cross"},
	{"العربية", "Al Jazeera", false, "cross"},
	{"محمد بن سلمان", "Mohammed bin Zayed", false, "cross"},
	{"جو بايدن", "Hunter Biden", false, "cross"},
	{"رويترز", "Routers International", false, "cross"},
	{"تسنيم", "Fars", false, "cross"},
}

// knownMiss are the same-source pairs the matcher misses, by their first
// name: Turkish spellings, where c is the sound of ج and a final d is
// written t, follow rules the skeleton does not know.
var knownMiss = map[string]bool{"فؤاد أوقطاي": true, "رجب طيب أردوغان": true}

func TestMatchPairs(t *testing.T) {
	for _, p := range pairs {
		if got := sources.Match(p.a, p.b); got != p.same {
			if p.same && knownMiss[p.a] {
				t.Logf("known miss: Match(%q, %q) = false (skeletons %q, %q)", p.a, p.b, sources.Skeleton(p.a), sources.Skeleton(p.b))
				continue
			}
			t.Errorf("Match(%q, %q) = %v, want %v (keys %q, %q; skeletons %q, %q)", p.a, p.b, got, p.same,
				sources.Key(p.a), sources.Key(p.b), sources.Skeleton(p.a), sources.Skeleton(p.b))
		}
		if sources.Match(p.a, p.b) != sources.Match(p.b, p.a) {
			t.Errorf("Match(%q, %q) is not symmetric", p.a, p.b)
		}
	}
}

// TestMatchPrecisionRecall reports the matcher's precision and recall on
// the pair table, overall and per kind of pair, and holds them to a floor.
func TestMatchPrecisionRecall(t *testing.T) {
	type counts struct{ tp, fp, fn, tn int }
	by := map[string]*counts{"ar": {}, "en": {}, "cross": {}, "all": {}}
	for _, p := range pairs {
		got := sources.Match(p.a, p.b)
		for _, k := range []string{p.kind, "all"} {
			c := by[k]
			switch {
			case got && p.same:
				c.tp++
			case got && !p.same:
				c.fp++
			case !got && p.same:
				c.fn++
			default:
				c.tn++
			}
		}
	}
	for _, k := range []string{"ar", "en", "cross", "all"} {
		c := by[k]
		p := float64(c.tp) / float64(max(1, c.tp+c.fp))
		r := float64(c.tp) / float64(max(1, c.tp+c.fn))
		t.Logf("%-5s pairs %3d  same %3d  precision %.3f  recall %.3f  (tp %d fp %d fn %d tn %d)",
			k, c.tp+c.fp+c.fn+c.tn, c.tp+c.fn, p, r, c.tp, c.fp, c.fn, c.tn)
	}
	all := by["all"]
	if n := all.tp + all.fp + all.fn + all.tn; n < 60 {
		t.Errorf("the table has %d pairs, want at least 60", n)
	}
	if all.fp > 0 {
		t.Errorf("%d false merges in the table", all.fp)
	}
	if r := float64(all.tp) / float64(all.tp+all.fn); r < 0.95 {
		t.Errorf("recall %.3f below 0.95", r)
	}
}

func TestKeyAndSkeleton(t *testing.T) {
	tests := []struct{ in, key, skel string }{
		{"اللواء يحيى رسول", "يحيي رسول", "h rsl"},
		{"Yahya Rasool", "yahya rasool", "h rsl"},
		{"Yehia Rasul", "yehia rasul", "h rsl"},
		{"بالعراق", "عراق", "rk"},
		{"Lt. Gen. Abdul Amir Yarallah", "abd amir yarallah", "bd mr rl"},
		{`صحيفة "نيويورك تايمز"`, "نيويورك تايمز", "nrk tms"},
		{"New York Times", "new york times", "n rk tms"},
		{"الرئيس", "رييس", "rs"},
		{"", "", ""},
		{"  ...  ", "", ""},
	}
	for _, tt := range tests {
		if got := sources.Key(tt.in); got != tt.key {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.key)
		}
		if got := sources.Skeleton(tt.in); got != tt.skel {
			t.Errorf("Skeleton(%q) = %q, want %q", tt.in, got, tt.skel)
		}
	}
}

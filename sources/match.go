package sources

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/text"
)

// script says which alphabet a word is written in; the matcher compares
// two Arabic words more strictly than a Latin spelling or a transliteration.
type script uint8

const (
	scriptNone script = iota
	scriptArabic
	scriptLatin
)

// form is a name prepared for matching, computed once per name.
type form struct {
	// keys are the word keys with honorifics, titles, descriptors and
	// particles dropped and Arabic clitics stripped.
	keys []string
	// loose are the Arabic keys with hamza dropped: the second, looser
	// key the reference describes for names.
	loose []string
	// skels are the consonant skeletons of the words.
	skels []string
	// vskels are the skeletons of Latin words with each run of vowels
	// kept as one mark: two Latin spellings differ in their vowels, not
	// in where the vowels are (Omar and Amr are two names).
	vskels []string
	// alts are the skeletons of Latin words that begin with a fused
	// article ("Aljazeera", "Alhurra") without it; "" for other words.
	alts, valts []string
	// scripts of the words.
	scripts []script
	// affiliation named by a word of the name or its title ("الرئيس
	// الأمريكي"), if any.
	affiliation string
	// dropped is the number of leading words dropped as titles; full is
	// the key with them kept, for exact lookups in the registry, where
	// "وكالة أنباء الشرق الأوسط" is MENA and not the newspaper "الشرق
	// الأوسط".
	dropped int
	full    string
}

func (f *form) key() string { return strings.Join(f.keys, " ") }

// fullKey is the key with the dropped titles and descriptors kept.
func (f *form) fullKey() string {
	if f.full != "" {
		return f.full
	}
	return f.key()
}

func (f *form) empty() bool { return len(f.keys) == 0 }

// joined is the skeleton of the whole name with the word breaks removed,
// which absorbs "نيويورك" against "New York".
func (f *form) joined() string { return strings.Join(f.skels, "") }

func (f *form) script() script {
	var s script
	for _, x := range f.scripts {
		if x == scriptNone {
			continue
		}
		if s != scriptNone && s != x {
			return scriptNone // mixed
		}
		s = x
	}
	return s
}

// Matcher compares names of sources. Its language data (honorifics,
// titles, outlet descriptors, affiliations) is compiled once; a Matcher is
// safe for concurrent use.
type Matcher struct {
	w *words

	// cache holds the forms of recent names: linking compares the same
	// few names of an article many times. It is cleared when full, which
	// bounds it without bookkeeping.
	mu    sync.Mutex
	cache map[string]form
}

const maxCachedForms = 4096

// NewMatcher returns a matcher with the built-in language data.
func NewMatcher() (*Matcher, error) {
	w, err := defaultWords()
	if err != nil {
		return nil, err
	}
	return &Matcher{w: w, cache: make(map[string]form)}, nil
}

var defaultMatcher = sync.OnceValue(func() *Matcher {
	m, err := NewMatcher()
	if err != nil {
		// The data is embedded: a failure is a build defect that every
		// test run catches.
		panic("sources: built-in names: " + err.Error())
	}
	return m
})

// Match reports whether two names may name the same source, using the
// built-in language data. See Matcher.Match.
func Match(a, b string) bool { return defaultMatcher().Match(a, b) }

// Key returns the matching key of a name with the built-in language data.
// See Matcher.Key.
func Key(name string) string { return defaultMatcher().Key(name) }

// Skeleton returns the cross-script skeleton of a name with the built-in
// language data. See Matcher.Skeleton.
func Skeleton(name string) string { return defaultMatcher().Skeleton(name) }

// Key returns the name's matching key: normalised (text.Key), honorifics,
// titles and outlet descriptors dropped from the front, Arabic clitics
// stripped from each word. Two names with equal keys are the same name.
// "اللواء يحيى رسول" and "يحيى رسول" have the same key, and so do
// "بالعراق" and "العراق".
func (m *Matcher) Key(name string) string {
	f := m.form(name)
	return f.key()
}

// Skeleton returns the words of the name as consonant skeletons, one per
// word, separated by spaces: "يحيى رسول", "Yahya Rasool" and "Yehia Rasul"
// all give "h rsl".
func (m *Matcher) Skeleton(name string) string {
	f := m.form(name)
	var out []string
	for _, s := range f.skels {
		if s != "" {
			out = append(out, s) // a word of vowels only has none
		}
	}
	return strings.Join(out, " ")
}

// Match reports whether a and b may name the same source:
//
//   - their keys are equal; or
//   - they have as many words and every pair of words matches: equal
//     keys; for two Arabic words, equal loose keys (hamza dropped) or one
//     edit apart when both have six letters or more; for two Latin words,
//     equal skeletons with the vowels in the same places (Yahya, Yehia;
//     not Omar, Amr); across scripts, equal skeletons; and for Latin and
//     cross-script pairs, skeletons one edit apart when both have four
//     consonants or more; a fused article is tried without it
//     (Aljazeera); or
//   - the word breaks differ but the whole names are equal without them:
//     skeletons ("نيويورك تايمز", "New York Times"), or loose keys for two
//     Arabic names ("عبدالله", "عبد الله"); or
//   - the shorter has two words or more, both start and end with matching
//     words, and its middle words appear in the longer in order ("رشاد
//     العليمي", "رشاد محمد العليمي").
//
// A quoted part of a name ("وكالة \"سبأ\" اليمنية") and a parenthesised
// gloss are tried as names of their own. A surname alone never matches a full name here: that needs the
// context of one article (see Registry.Link).
func (m *Matcher) Match(a, b string) bool {
	fa, fb := m.forms(a), m.forms(b)
	for i := range fa {
		for j := range fb {
			if matchForms(&fa[i], &fb[j]) {
				return true
			}
		}
	}
	return false
}

// forms returns the forms of a name: the whole name, each quoted part, and
// the name without a parenthesised gloss and the gloss itself
// ("وكالة الأنباء العراقية (واع)").
func (m *Matcher) forms(name string) []form {
	out := []form{m.form(name)}
	add := func(s string) {
		f := m.form(s)
		if f.empty() {
			return
		}
		for i := range out {
			if out[i].key() == f.key() {
				return
			}
		}
		out = append(out, f)
	}
	for _, q := range quoted(name) {
		add(q)
	}
	if open := strings.IndexByte(name, '('); open >= 0 {
		if end := strings.IndexByte(name[open:], ')'); end > 0 {
			add(name[:open] + " " + name[open+end+1:])
			add(name[open+1 : open+end])
		}
	}
	return out
}

// lookupForms are the forms of a name for finding it in the registry: its
// forms, and each without a trailing affiliation ("قناة سي إن إن
// الأمريكية" is CNN). Within an article the trailing affiliation matters
// ("الجانب الأميركي" is not "الجانب العراقي"), so only lookups use these.
func (m *Matcher) lookupForms(name string) []form {
	out := m.forms(name)
	for i := range out {
		f := out[i]
		if n := len(f.keys); n > 1 && m.w.affiliationOf(f.keys[n-1]) != "" {
			// Full slice expressions: the form may be cached, and
			// nothing may write past the end of its words.
			k := n - 1
			g := form{keys: f.keys[:k:k], loose: f.loose[:k:k], skels: f.skels[:k:k], vskels: f.vskels[:k:k],
				alts: f.alts[:k:k], valts: f.valts[:k:k], scripts: f.scripts[:k:k], affiliation: f.affiliation}
			out = append(out, g)
		}
	}
	return out
}

// generic reports whether a name only describes its source: every word is
// a generic word, a title or an affiliation ("the ministry", "الصحيفة",
// "The Yemeni leader").
func (m *Matcher) generic(name string) bool {
	f := m.form(name)
	if f.empty() {
		return true
	}
	if f.script() == scriptLatin && !m.capitalized(name) {
		return true // "the appeals court", "the group": English names are capitalised
	}
	for _, k := range f.keys {
		if !m.w.generic[k] && m.w.affiliationOf(k) == "" && !digits(k) {
			return false
		}
	}
	return true
}

// unnamed reports whether a name describes an unnamed source: a generic
// description ("US officials", "مصادر مطلعة" is not: مطلعة is no generic
// word, so extraction's flag decides there) whose words include the head
// of an unnamed source.
func (m *Matcher) unnamed(name string) bool {
	if !m.generic(name) {
		return false
	}
	for _, k := range m.form(name).keys {
		if m.w.unnamed[k] {
			return true
		}
	}
	return false
}

// capitalized reports whether a Latin name has a capitalised word that is
// neither a particle, a generic word nor an affiliation: "The White House"
// does, "the appeals court" and "An Iraqi national security official" do
// not.
func (m *Matcher) capitalized(name string) bool {
	for _, w := range strings.Fields(name) {
		w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		for _, k := range splitWords(w) {
			if !m.w.particles[k] && !m.w.generic[k] && m.w.affiliationOf(k) == "" {
				return true
			}
		}
	}
	return false
}

// contains reports whether every word of part is a word of whole, and
// whole has more.
func (m *Matcher) contains(whole, part string) bool {
	w, p := m.form(whole), m.form(part)
	if len(p.keys) == 0 || len(p.keys) >= len(w.keys) {
		return false
	}
	for _, k := range p.keys {
		if !slices.Contains(w.keys, k) {
			return false
		}
	}
	return true
}

func digits(k string) bool {
	for _, r := range k {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// display splits a name into the words that name the source and the
// title before them: "الرئيس عبد الفتاح السيسي" is عبد الفتاح السيسي with
// the title الرئيس, "council president Rashad Al-Alimi" is Rashad
// Al-Alimi with the title council president. An honorific is dropped.
func (m *Matcher) display(name string) (rest, title string) {
	var f form
	words := strings.Fields(name)
	// Leading particles go ("a Donald Trump", "which Mr. Clarke").
	lead := 0
	for lead < len(words)-1 && len(m.nameTokens(words[lead])) == 0 {
		lead++
	}
	words = words[lead:]
	m.dropFront(m.nameTokens(strings.Join(words, " ")), &f)
	if f.dropped == 0 {
		return strings.Join(words, " "), ""
	}
	n, i := 0, 0
	for i < len(words) && n < f.dropped {
		n += len(m.nameTokens(words[i]))
		i++
	}
	if n != f.dropped || i >= len(words) {
		return strings.Join(words, " "), "" // the words do not line up with the tokens
	}
	head := words[:i]
	// Keep what was a title; honorifics and descriptors are no role.
	hk := splitWords(strings.Join(head, " "))
	for _, p := range m.w.honorifics {
		if hasPrefix(hk, p) && len(p) == len(hk) {
			head = nil
		}
	}
	for _, p := range m.w.descriptors {
		if hasPrefix(hk, p) && len(p) == len(hk) {
			head = nil
		}
	}
	return strings.Join(words[i:], " "), strings.Join(head, " ")
}

// quoted returns the parts of s between quotation marks. Right-to-left text
// often has « » and “ ” reversed, so any mark opens and any closes.
func quoted(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if !isQuoteMark(r) {
			continue
		}
		if start < 0 {
			start = i + utf8.RuneLen(r)
			continue
		}
		if q := strings.TrimSpace(s[start:i]); q != "" {
			out = append(out, q)
		}
		start = -1
	}
	if start >= 0 && strings.TrimSpace(s[start:]) != "" && start > 0 {
		// An unclosed quote at the end: `وكالة "سبأ`.
		out = append(out, strings.TrimSpace(s[start:]))
	}
	return out
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '«', '»', '“', '”', '„', '‟', '‹', '›':
		return true
	}
	return false
}

// form prepares one name for matching. The form's slices are shared with
// the cache: callers never modify them.
func (m *Matcher) form(name string) form {
	m.mu.Lock()
	f, ok := m.cache[name]
	m.mu.Unlock()
	if ok {
		return f
	}
	f = m.newForm(name)
	m.mu.Lock()
	if len(m.cache) >= maxCachedForms {
		clear(m.cache)
	}
	m.cache[name] = f
	m.mu.Unlock()
	return f
}

func (m *Matcher) newForm(name string) form {
	all := m.nameTokens(name)
	var f form
	raw := m.dropFront(all, &f)
	if f.dropped > 0 {
		var full []string
		for _, w := range all {
			for _, part := range splitAbd(w) {
				if wordScript(part) == scriptArabic {
					part = text.StripClitics(part)
				}
				full = append(full, part)
			}
		}
		f.full = strings.Join(full, " ")
	}
	for _, w := range raw {
		for _, part := range splitAbd(w) {
			f.add(part)
		}
	}
	return f
}

// nameTokens are the words of a name without particles ("the", "al-"),
// which names take or leave at will.
func (m *Matcher) nameTokens(name string) []string {
	toks := splitWords(name)
	out := toks[:0]
	for _, t := range toks {
		if !m.w.particles[t] {
			out = append(out, t)
		}
	}
	return out
}

// dropFront removes honorifics, titles and descriptors from the start of a
// name while a name is left after them. An affiliation word right after a
// title ("الرئيس الأمريكي جو بايدن") goes with the title and is kept as
// the form's affiliation.
func (m *Matcher) dropFront(toks []string, f *form) []string {
	for {
		n := 0
		title := false
		for _, p := range m.w.honorifics {
			if hasPrefix(toks, p) {
				n = len(p)
				break
			}
		}
		if n == 0 {
			for _, p := range m.w.titles {
				if hasPrefix(toks, p) {
					n, title = len(p), true
					break
				}
			}
		}
		if n == 0 {
			// A title after a few modifiers: "council president Rashad
			// al-Alimi", "Iraqi Prime Minister ...".
			for i := 1; i <= 3 && i < len(toks)-1 && n == 0; i++ {
				for _, p := range m.w.titles {
					if hasPrefix(toks[i:], p) && i+len(p) < len(toks) {
						n, title = i+len(p), true
						break
					}
				}
			}
		}
		if n == 0 {
			for _, p := range m.w.descriptors {
				if hasPrefix(toks, p) {
					n = len(p)
					break
				}
			}
		}
		if n == 0 || n >= len(toks) || linkWords[toks[n]] {
			return toks
		}
		if title {
			for n < len(toks)-1 {
				a := m.w.affiliationOf(text.StripClitics(toks[n]))
				if a == "" {
					break
				}
				if f.affiliation == "" {
					f.affiliation = a
				}
				n++
			}
		}
		f.dropped += n
		toks = toks[n:]
	}
}

// splitAbd splits the theophoric "عبد" from the name that follows it when
// they are written as one word (عبدالله, Abdullah, Abdelaziz), so that the
// one-word and the two-word spellings have the same words.
func splitAbd(w string) []string {
	if rest, ok := strings.CutPrefix(w, "عبد"); ok && strings.HasPrefix(rest, "ال") && utf8.RuneCountInString(rest) > 2 {
		return []string{"عبد", rest}
	}
	for _, p := range [...]string{"abdel", "abdul", "abdal", "abdol", "abd"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			if rest == "" {
				return []string{"abd"}
			}
			if p == "abd" && !strings.HasPrefix(rest, "el") && !strings.HasPrefix(rest, "ul") && !strings.HasPrefix(rest, "al") {
				break // "abd" followed by anything else is not the prefix
			}
			return []string{"abd", rest}
		}
	}
	return []string{w}
}

func (f *form) add(w string) {
	sc := wordScript(w)
	key := w
	loose := w
	sk, vsk, alt, valt := "", "", "", ""
	switch sc {
	case scriptArabic:
		key = text.StripClitics(w)
		loose = looseArabic(key)
		sk = skeletonArabic(stripArticle(w))
	case scriptLatin:
		sk = skeletonLatin(w, false)
		vsk = skeletonLatin(w, true)
		for _, p := range [...]string{"al", "el"} {
			if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 4 {
				alt, valt = skeletonLatin(rest, false), skeletonLatin(rest, true)
			}
		}
	default:
		sk = w
	}
	f.keys = append(f.keys, key)
	f.loose = append(f.loose, loose)
	f.skels = append(f.skels, sk)
	f.vskels = append(f.vskels, vsk)
	f.alts = append(f.alts, alt)
	f.valts = append(f.valts, valt)
	f.scripts = append(f.scripts, sc)
}

func wordScript(w string) script {
	for _, r := range w {
		switch {
		case r >= 0x0600 && r <= 0x06FF:
			return scriptArabic
		case r >= 'a' && r <= 'z', r >= 0xC0 && r <= 0x24F:
			return scriptLatin
		}
	}
	return scriptNone
}

// stripArticle removes the Arabic article, alone or after a one-letter
// proclitic, when three letters are left: the skeleton keeps the other
// clitics, since بايدن is not ب + ايدن.
func stripArticle(w string) string {
	for _, p := range [...]string{"وال", "فال", "بال", "كال", "لل", "ال"} {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 {
			return rest
		}
	}
	return w
}

// looseArabic drops hamza carriers' differences: ء dropped, ؤ and ئ already
// folded by text.Key.
func looseArabic(k string) string {
	if !strings.ContainsRune(k, 'ء') {
		return k
	}
	return strings.ReplaceAll(k, "ء", "")
}

// Skeleton classes. Weak letters and vowels are dropped, consonants that
// transliterations confuse share a class: ث ت ط → t; ذ ض ظ د → d; ق ك خ → k;
// ش ص س ز → s; ج غ → g. A word-final h (ة, ه, ح; Latin h) is dropped,
// since Latin spellings write it or not (Fattah, Salah, Abdullah).
func arabicClass(r rune) byte {
	switch r {
	case 'ب', 'پ':
		return 'b'
	case 'ت', 'ث', 'ط':
		return 't'
	case 'ج', 'غ', 'گ':
		return 'g'
	case 'ح', 'ه':
		return 'h'
	case 'خ', 'ق', 'ك', 'ک':
		return 'k'
	case 'د', 'ذ', 'ض', 'ظ':
		return 'd'
	case 'ر':
		return 'r'
	case 'ز', 'س', 'ش', 'ص', 'چ':
		return 's'
	case 'ف', 'ڤ':
		return 'f'
	case 'ل':
		return 'l'
	case 'م':
		return 'm'
	case 'ن':
		return 'n'
	}
	if r >= '0' && r <= '9' {
		return byte(r)
	}
	return 0 // ا و ي ى ع ء ة and anything else
}

func skeletonArabic(w string) string {
	var b []byte
	rs := []rune(w)
	for i, r := range rs {
		c := arabicClass(r)
		if c == 'h' && i == len(rs)-1 && i > 0 {
			continue
		}
		if c != 0 && (len(b) == 0 || b[len(b)-1] != c) {
			b = append(b, c)
		}
	}
	return string(b)
}

// latinDigraphs map before single letters.
var latinDigraphs = [...]struct {
	from string
	to   byte
}{
	{"sh", 's'}, {"kh", 'k'}, {"th", 't'}, {"dh", 'd'}, {"gh", 'g'},
	{"ch", 's'}, {"ph", 'f'}, {"ck", 'k'},
}

func latinClass(r rune) byte {
	switch r {
	case 'b', 'p':
		return 'b'
	case 't':
		return 't'
	case 'd':
		return 'd'
	case 'g', 'j':
		return 'g'
	case 'h':
		return 'h'
	case 'k', 'c', 'q':
		return 'k'
	case 's', 'z':
		return 's'
	case 'f', 'v':
		return 'f'
	case 'l':
		return 'l'
	case 'm':
		return 'm'
	case 'n':
		return 'n'
	case 'r':
		return 'r'
	case 'x':
		return 'x'
	}
	if r >= '0' && r <= '9' {
		return byte(r)
	}
	return 0 // vowels, y, w, and letters with diacritics folded below
}

func skeletonLatin(w string, vowels bool) string {
	w = foldLatin(w)
	if len(w) > 1 && strings.HasSuffix(w, "h") {
		w = w[:len(w)-1]
	}
	var b []byte
	push := func(c byte) {
		if c != 0 && (len(b) == 0 || b[len(b)-1] != c) {
			b = append(b, c)
		}
	}
	for i := 0; i < len(w); {
		matched := false
		for _, d := range latinDigraphs {
			if strings.HasPrefix(w[i:], d.from) {
				push(d.to)
				i += len(d.from)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		c := latinClass(rune(w[i]))
		if c == 0 && vowels {
			c = 'V'
		}
		if c == 'x' {
			push('k')
			push('s')
		} else {
			push(c)
		}
		i++
	}
	return string(b)
}

// foldLatin removes the diacritics of Latin letters that transliterations
// use (ü, é, ā, ḥ): the skeleton only needs the base letter.
func foldLatin(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	for _, r := range w {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if x, ok := latinBase[r]; ok {
			b.WriteByte(x)
		}
	}
	return b.String()
}

var latinBase = func() map[rune]byte {
	m := map[rune]byte{}
	for base, list := range map[byte]string{
		'a': "àáâãäåāăą", 'c': "çćčĉċ", 'd': "ďđ", 'e': "èéêëēĕėęě",
		'g': "ğĝġģ", 'h': "ĥħ", 'i': "ìíîïĩīĭįı", 'k': "ķ", 'l': "ĺļľŀł",
		'n': "ñńņňŉ", 'o': "òóôõöøōŏő", 'r': "ŕŗř", 's': "śŝşšș",
		't': "ţťŧț", 'u': "ùúûüũūŭůűų", 'y': "ýÿŷ", 'z': "źżž",
	} {
		for _, r := range list {
			m[r] = base
		}
	}
	return m
}()

// matchForms is Match on prepared forms.
func matchForms(a, b *form) bool {
	if a.empty() || b.empty() {
		return false
	}
	if a.key() == b.key() {
		return true
	}
	if len(a.keys) == len(b.keys) {
		all := true
		for i := range a.keys {
			if !matchWord(a, i, b, i) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	if len(a.keys) != len(b.keys) {
		if a.script() == scriptArabic && b.script() == scriptArabic {
			if strings.Join(a.loose, "") == strings.Join(b.loose, "") {
				return true
			}
		} else if ja, jb := a.joined(), b.joined(); len(ja) >= 3 && ja == jb {
			return true
		}
	}
	return subsequence(a, b) || subsequence(b, a)
}

// subsequence reports whether the shorter form s names the same person as
// the longer l with some middle words left out.
func subsequence(s, l *form) bool {
	n, m := len(s.keys), len(l.keys)
	if n < 2 || n >= m {
		return false
	}
	if !matchWord(s, 0, l, 0) || !matchWord(s, n-1, l, m-1) {
		return false
	}
	j := 1
	for i := 1; i < n-1; i++ {
		for j < m-1 && !matchWord(s, i, l, j) {
			j++
		}
		if j >= m-1 {
			return false
		}
		j++
	}
	return true
}

// matchWord compares word i of a with word j of b, and again without a
// fused article on either side.
func matchWord(a *form, i int, b *form, j int) bool {
	if matchWord1(a, i, b, j, a.skels[i], a.vskels[i], b.skels[j], b.vskels[j]) {
		return true
	}
	if a.alts[i] != "" && matchWord1(a, i, b, j, a.alts[i], a.valts[i], b.skels[j], b.vskels[j]) {
		return true
	}
	return b.alts[j] != "" && matchWord1(a, i, b, j, a.skels[i], a.vskels[i], b.alts[j], b.valts[j])
}

func matchWord1(a *form, i int, b *form, j int, ka, va, kb, vb string) bool {
	if a.keys[i] == b.keys[j] {
		return true
	}
	sa, sb := a.scripts[i], b.scripts[j]
	if sa == scriptArabic && sb == scriptArabic {
		la, lb := a.loose[i], b.loose[j]
		if la == lb {
			return true
		}
		return utf8.RuneCountInString(la) >= 6 && utf8.RuneCountInString(lb) >= 6 && osa(la, lb) <= 1
	}
	if sa == scriptNone || sb == scriptNone {
		return false // digits and other scripts: only an equal key
	}
	if ka == kb {
		if sa == scriptLatin && sb == scriptLatin {
			return va == vb
		}
		return ka != "" || (sa != sb)
	}
	if digitsOf(ka) != digitsOf(kb) {
		return false // Kurdistan24 is not Kurdistan25
	}
	return len(ka) >= 4 && len(kb) >= 4 && osa(ka, kb) <= 1
}

// digitsOf returns the digits of s, "" when it has none.
func digitsOf(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

const maxEditLen = 64

// osa is the optimal string alignment distance (Levenshtein with adjacent
// transpositions) between two strings, by rune.
func osa(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > maxEditLen || len(rb) > maxEditLen {
		// No word of a name is this long; hostile input must not cost
		// quadratic time. Unequal is the safe answer.
		if a == b {
			return 0
		}
		return maxEditLen
	}
	if len(ra) == 0 {
		return len(rb)
	}
	if len(rb) == 0 {
		return len(ra)
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

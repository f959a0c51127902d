package claims

import (
	"strings"

	"github.com/claimtrail/claimtrail"
)

// sourceHead reports a word that can head a source: a source noun, an
// unnamed-source noun or an anaphor.
func (lx *Lexicon) sourceHead(key string) bool {
	if key == "" {
		return false
	}
	if _, ok := lx.nounKind[key]; ok {
		return true
	}
	if _, ok := lx.unnamed[key]; ok {
		return true
	}
	return lx.anaphors[key] != anaNone
}

func (lx *Lexicon) anaphorKey(key string) bool { return lx.anaphors[key] != anaNone }

// isTitle: a word that starts a title or role (وزير، المتحدث، رئيس).
func (lx *Lexicon) isTitle(key string) bool {
	return lx.nounKind[key] == claimtrail.KindPerson && !lx.honorifics[key]
}

func (lx *Lexicon) lemmaOfLight(key string) string {
	return strings.TrimPrefix(strings.TrimPrefix(key, "و"), "ف")
}

// outletIn finds a gazetteer outlet whose name starts at token j (before
// limit), reading through quotation marks: قناة "سي إن إن"، وكالة سبأ.
// It returns the outlet and the token after its name.
func (lx *Lexicon) outletIn(toks []tk, j, limit int) (outlet, int, bool) {
	if limit > len(toks) {
		limit = len(toks)
	}
	for s := j; s < limit && s <= j+2; s++ {
		words := make([]string, 0, 6)
		idx := make([]int, 0, 6)
		for k := s; k < limit && len(words) < 6; k++ {
			if toks[k].Kind == 3 { // a quotation mark inside a name
				continue
			}
			if !toks[k].word() {
				break
			}
			words = append(words, toks[k].Key)
			idx = append(idx, k)
		}
		if len(words) == 0 {
			continue
		}
		first := words[0]
		variants := []string{first}
		if toks[s].bare != "" {
			variants = append(variants, toks[s].bare)
		}
		if rest, ok := withoutPreposition(first); ok && len([]rune(first)) > 3 {
			variants = append(variants, rest)
		}
		for _, v := range variants {
			max := lx.outletFirst[v]
			for n := min(max, len(words)); n >= 1; n-- {
				key := strings.Join(append([]string{v}, words[1:n]...), " ")
				if o, ok := lx.outlets[key]; ok {
					return o, idx[n-1] + 1, true
				}
			}
		}
		// only the word after an outlet noun may start the name
		if _, ok := lx.nounKind[toks[s].Key]; !ok || lx.nounKind[toks[s].Key] != claimtrail.KindOutlet {
			break
		}
	}
	return outlet{}, 0, false
}

// withoutPreposition removes a one-letter preposition ل or ب from a word
// and restores the article that لل merged: للصحيفة → الصحيفة, لرويترز →
// رويترز. ok is false when the word has no such preposition.
func withoutPreposition(s string) (rest string, ok bool) {
	r := []rune(s)
	if len(r) < 3 || (r[0] != 'ل' && r[0] != 'ب') {
		return s, false
	}
	if r[0] == 'ل' && r[1] == 'ل' {
		return "ا" + string(r[1:]), true
	}
	return string(r[1:]), true
}

// definiteForm spells a word after ل the way it stands alone when ل
// merged with the article (للشرطة → الشرطة); other words are unchanged.
func definiteForm(s string) string {
	if strings.HasPrefix(s, "لل") {
		return "ا" + strings.TrimPrefix(s, "ل")
	}
	return s
}

// withheld reports a mention that says its name is withheld (طلب عدم
// الكشف عن هويته، لم تسمه الوكالة).
func (lx *Lexicon) withheld(keys []string) bool {
	for i := range keys {
	next:
		for _, ph := range lx.markers[keys[i]] {
			if i+len(ph) > len(keys) {
				continue
			}
			for k, w := range ph {
				if keys[i+k] != w {
					continue next
				}
			}
			return true
		}
	}
	return false
}

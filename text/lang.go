package text

import "github.com/claimtrail/claimtrail"

// DetectLang guesses the language of s from the script of its letters:
// LangArabic when at least 70% of the letters are Arabic script, LangEnglish
// when at least 70% are Latin, LangMixed when both scripts are present but
// neither reaches 70%, and LangUnknown when there are no letters or only
// letters of other scripts. Digits, marks and punctuation do not count, so an
// Arabic article full of Western digits and a Latin gloss or two is Arabic.
// The script stands in for the language because the tool reads Arabic and
// English only.
func DetectLang(s string) string {
	var c scriptCount
	for i := 0; i < len(s); {
		r, w := decode(s, i)
		i += w
		c.add(r)
	}
	return c.lang()
}

// scriptCount tallies letters by script, so Segment can detect the language
// in the same pass that finds the lines.
type scriptCount struct{ arabic, latin, letters int }

func (c *scriptCount) add(r rune) {
	if !isLetter(r) {
		return
	}
	c.letters++
	switch {
	case isArabicLetter(r):
		c.arabic++
	case isLatinLetter(r):
		c.latin++
	}
}

func (c *scriptCount) lang() string {
	switch {
	case c.letters == 0:
		return claimtrail.LangUnknown
	case c.arabic*10 >= c.letters*7:
		return claimtrail.LangArabic
	case c.latin*10 >= c.letters*7:
		return claimtrail.LangEnglish
	case c.arabic > 0 && c.latin > 0:
		return claimtrail.LangMixed
	}
	return claimtrail.LangUnknown
}

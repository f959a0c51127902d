package sources_test

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// syllables makes a distinct made-up word for i.
func syllables(i int) string {
	const cons, vow = "bdfklmnrst", "aeiou"
	w := string(rune('A' + i%26))
	for i /= 26; i > 0; i /= 50 {
		w += string(cons[i%10]) + string(vow[(i/10)%5])
	}
	return w + "r"
}

// BenchmarkLinkManySources links one article with thousands of distinct
// named sources, the shape of a pathological input.
func BenchmarkLinkManySources(b *testing.B) {
	var cs []claimtrail.Claim
	for i := range 3000 {
		cs = append(cs, claim(m(syllables(i)+" "+syllables(i%97+7), person)))
	}
	r := newRegistry(b)
	a := &claimtrail.Article{ID: "big"}
	for b.Loop() {
		r.Link(a, cs)
	}
}

// BenchmarkLinkManyNumberedSources: names that differ only in a number.
func BenchmarkLinkManyNumberedSources(b *testing.B) {
	var cs []claimtrail.Claim
	for i := range 3000 {
		cs = append(cs, claim(m("Person"+itoa(i)+" Family"+itoa(i%97), person)))
	}
	r := newRegistry(b)
	a := &claimtrail.Article{ID: "big"}
	for b.Loop() {
		r.Link(a, cs)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

// BenchmarkLinkManySurnames: thousands of full names and surnames alone.
func BenchmarkLinkManySurnames(b *testing.B) {
	var cs []claimtrail.Claim
	for i := range 1500 {
		cs = append(cs, claim(m(syllables(i)+" "+syllables(i+5000), person)))
		cs = append(cs, claim(m(syllables(i+5000), person)))
	}
	r := newRegistry(b)
	a := &claimtrail.Article{ID: "big"}
	for b.Loop() {
		r.Link(a, cs)
	}
}

package claims

import (
	"fmt"
	"os"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

func TestZZDebug(t *testing.T) {
	s := os.Getenv("DBG")
	if s == "" {
		t.Skip()
	}
	x, _ := New(Options{})
	a := &claimtrail.Article{Text: "Title\n\n" + s}
	text.Segment(a)
	runes := []rune(a.Text)
	for _, para := range a.Paragraphs[1:] {
		for _, se := range para.Sentences {
			p := &parser{lx: x.lex["en"], runes: runes, toks: sentenceTokens(se), kind: para.Kind}
			p.first = p.datelineSkip()
			for _, c := range p.enCands(p.first) {
				fmt.Printf("cand %+v %q\n", c.kind, p.toks[c.start].Text)
			}
			for _, r := range p.englishSentence() {
				fmt.Printf("raw src=%q content=%q\n", p.slice(p.npSpan(r.src).Start, p.npSpan(r.src).End), p.slice(p.rangeSpan(r.content).Start, p.rangeSpan(r.content).End))
			}
		}
	}
}

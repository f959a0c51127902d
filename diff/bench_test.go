package diff_test

import (
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/diff"
	"github.com/claimtrail/claimtrail/text"
)

// benchPair is two versions of a 1,500-word article: one number changed
// and a phrase re-worded in four paragraphs.
func benchPair(tb testing.TB) (string, string) {
	tb.Helper()
	o, n := longArticle("en", 1500)
	n = strings.Replace(n, "according to budget papers", "as budget papers show", 4)
	if w := len(strings.Fields(o)); w < 1400 || w > 1600 {
		tb.Fatalf("bench article has %d words", w)
	}
	return o, n
}

// BenchmarkClaimDiff is the claim-level diff of two versions whose claims
// are already extracted (as from the store): sentence alignment, word
// diffs and claim classification.
func BenchmarkClaimDiff(b *testing.B) {
	ot, nt := benchPair(b)
	o, n := extract(b, "old", ot), extract(b, "new", nt)
	d := diff.New(diff.Options{})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d.Diff(o.a, n.a, o.cs, n.cs)
	}
}

// BenchmarkClaimDiffFromText adds segmentation and extraction of both
// versions: what `claimtrail diff OLD NEW` does after reading.
func BenchmarkClaimDiffFromText(b *testing.B) {
	ot, nt := benchPair(b)
	extract(b, "warm", "x")
	d := diff.New(diff.Options{})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		oa := &claimtrail.Article{Text: ot}
		na := &claimtrail.Article{Text: nt}
		text.Segment(oa)
		text.Segment(na)
		d.Diff(oa, na, extractor.Extract(oa), extractor.Extract(na))
	}
}

// BenchmarkWords is the word diff of the two whole texts at once.
func BenchmarkWords(b *testing.B) {
	ot, nt := benchPair(b)
	b.ReportAllocs()
	for b.Loop() {
		diff.Words(ot, nt)
	}
}

// BenchmarkGoDiffChars is go-diff's plain character diff of the same two
// texts, with its default one-second timeout, for comparison.
func BenchmarkGoDiffChars(b *testing.B) {
	ot, nt := benchPair(b)
	dmp := diffmatchpatch.New()
	b.ReportAllocs()
	for b.Loop() {
		dmp.DiffMain(ot, nt, false)
	}
}

// BenchmarkGoDiffCharsSemantic adds go-diff's semantic cleanup, which a
// readable character diff needs.
func BenchmarkGoDiffCharsSemantic(b *testing.B) {
	ot, nt := benchPair(b)
	dmp := diffmatchpatch.New()
	b.ReportAllocs()
	for b.Loop() {
		dmp.DiffCleanupSemantic(dmp.DiffMain(ot, nt, false))
	}
}

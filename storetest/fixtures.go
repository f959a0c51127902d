package storetest

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// doc builds one record whose spans are found in its text, so fixtures
// read as sentences rather than offsets.
type doc struct {
	rec claimtrail.Record
}

func newDoc(id, url, outlet, story, lang, body string, published time.Time) *doc {
	a := &claimtrail.Article{
		ID: id, URL: url, Outlet: outlet, Story: story, Lang: lang,
		Title: strings.SplitN(body, "\n", 2)[0], Text: body, Hash: claimtrail.ContentHash(body),
		Published: published, Captured: published.Add(time.Hour),
	}
	return &doc{rec: claimtrail.Record{Article: a}}
}

// span is the rune span of the first sub at or after rune offset from.
func span(text, sub string, from int) claimtrail.Span {
	b := 0
	for i := range text {
		if from == 0 {
			b = i
			break
		}
		from--
	}
	i := strings.Index(text[b:], sub)
	if i < 0 {
		panic(fmt.Sprintf("storetest fixture: %q not in %q", sub, text))
	}
	start := utf8.RuneCountInString(text[:b+i])
	return claimtrail.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
}

// mention is a source as a claim names it, linked to source id (or
// unlinked when id is "").
func (d *doc) mention(text, name string, kind claimtrail.SourceKind, anonymous bool, id string) claimtrail.Mention {
	return claimtrail.Mention{Mention: text, Name: name, Kind: kind, Anonymous: anonymous, SourceID: id,
		Span: span(d.rec.Article.Text, text, 0)}
}

// claim adds a claim of src, cued by cue, saying content.
func (d *doc) claim(typ claimtrail.ClaimType, src claimtrail.Mention, cue string, stance claimtrail.Stance, content string, via ...claimtrail.Mention) *claimtrail.Claim {
	a := d.rec.Article
	cs := span(a.Text, content, 0)
	c := claimtrail.Claim{
		ArticleID: a.ID,
		ID:        claimtrail.ClaimID(a.ID, cs, content),
		Type:      typ,
		Source:    src,
		Via:       via,
		Cue:       claimtrail.Cue{Text: cue, Lemma: cue, Class: claimtrail.ClassSpeech, Stance: stance, Span: span(a.Text, cue, 0)},
		Content:   claimtrail.Text{Text: content, Span: cs},
		Paragraph: 1,
		Sentence:  len(d.rec.Claims) + 1,
	}
	d.rec.Claims = append(d.rec.Claims, c)
	return &d.rec.Claims[len(d.rec.Claims)-1]
}

func (d *doc) source(id, name string, kind claimtrail.SourceKind, anonymous bool, aliases ...string) {
	d.rec.Sources = append(d.rec.Sources, claimtrail.Source{ID: id, Name: name, Kind: kind, Anonymous: anonymous, Aliases: aliases})
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// newsroom is a small corpus: two outlets on one story in two languages,
// and a second story. The minister is one source across languages.
func newsroom() []claimtrail.Record {
	a1 := newDoc("a1", "https://example.test/port", "Daily Tide", "port", "en",
		"Port to reopen\n\nThe minister said the port would reopen on Monday. Unnamed officials claimed that repairs were incomplete.",
		day("2025-03-01"))
	a1.source("s-minister", "Nadia Haddad", claimtrail.KindPerson, false, "وزير النقل")
	a1.source("s-officials", "Unnamed officials", claimtrail.KindOfficial, true)
	a1.claim(claimtrail.Indirect, a1.mention("The minister", "Nadia Haddad", claimtrail.KindPerson, false, "s-minister"),
		"said", claimtrail.Neutral, "the port would reopen on Monday")
	a1.claim(claimtrail.Indirect, a1.mention("Unnamed officials", "", claimtrail.KindOfficial, true, "s-officials"),
		"claimed", claimtrail.Distancing, "repairs were incomplete")

	a2 := newDoc("a2", "https://example.test/ar-port", "صحيفة الساحل", "port", "ar",
		"إعادة فتح الميناء\n\nوأكّد وزير النقل أن الميناء سيفتح يوم الاثنين. ونفت مصادر مطلعة أن تكون الإصلاحات قد اكتملت.",
		day("2025-03-02"))
	a2.source("s-minister", "Nadia Haddad", claimtrail.KindPerson, false)
	a2.source("s-sources", "مصادر مطلعة", claimtrail.KindAnonymous, true)
	a2.claim(claimtrail.Indirect, a2.mention("وزير النقل", "Nadia Haddad", claimtrail.KindPerson, false, "s-minister"),
		"وأكّد", claimtrail.Assertive, "الميناء سيفتح يوم الاثنين")
	a2.claim(claimtrail.Indirect, a2.mention("مصادر مطلعة", "", claimtrail.KindAnonymous, true, "s-sources"),
		"ونفت", claimtrail.Denial, "تكون الإصلاحات قد اكتملت")

	a3 := newDoc("a3", "", "Daily Tide", "election", "en",
		"Vote count\n\nAccording to the commission, turnout was 61 percent. The newspaper reported, citing a senior aide, that the count would be delayed.",
		day("2025-04-10"))
	a3.source("s-commission", "Electoral Commission", claimtrail.KindOrganization, false, "the commission")
	a3.source("s-aide", "a senior aide", claimtrail.KindOfficial, true)
	a3.source("s-paper", "The Newspaper", claimtrail.KindOutlet, false)
	a3.claim(claimtrail.AccordingTo, a3.mention("the commission", "Electoral Commission", claimtrail.KindOrganization, false, "s-commission"),
		"According to", claimtrail.Neutral, "turnout was 61 percent")
	a3.claim(claimtrail.Indirect, a3.mention("a senior aide", "", claimtrail.KindOfficial, true, "s-aide"),
		"reported", claimtrail.Neutral, "the count would be delayed",
		a3.mention("The newspaper", "The Newspaper", claimtrail.KindOutlet, false, "s-paper"))
	return []claimtrail.Record{a1.rec, a2.rec, a3.rec}
}

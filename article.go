package claimtrail

import "time"

// Language codes used across the tool. Detection from the script yields one
// of these; a reader may also carry any BCP 47 tag it was given.
const (
	LangArabic  = "ar"
	LangEnglish = "en"
	LangMixed   = "mixed"
	LangUnknown = ""
)

// Article is one text as read: a news story at one point in time. Two
// captures of the same URL with different texts are two Articles and two
// Versions of the same story.
type Article struct {
	// ID is stable: the reader's given id, or a hash of the text.
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Lang      string    `json:"lang,omitempty"`
	Title     string    `json:"title,omitempty"`
	Byline    string    `json:"byline,omitempty"`
	Story     string    `json:"story,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Modified is when the outlet says it last changed the article (an
	// HTML page's article:modified_time or JSON-LD dateModified).
	Modified time.Time `json:"modified,omitzero"`
	Captured time.Time `json:"captured,omitzero"`
	// Path names where the article was read from (a file, "-", a WARC record).
	Path string `json:"path,omitempty"`
	// Text is the article as read, after decoding only; all spans point into it.
	// For an HTML page it is the text the reader extracted: the title, the
	// credited captions and the body, a paragraph a line.
	Text string `json:"text"`
	// Hash is the content hash of Text (hex SHA-256), the key for "unchanged".
	Hash string `json:"hash"`
	// Paragraphs are filled by segmentation.
	Paragraphs []Paragraph `json:"paragraphs,omitempty"`
	// SourceLine lists the article's own source line ("المصدر : الجزيرة +
	// وكالات" gives الجزيرة and وكالات). It is not a claim.
	SourceLine []string `json:"article_source,omitempty"`
	// SourceLineSpan locates the source line in Text, if there was one.
	SourceLineSpan *Span `json:"article_source_span,omitempty"`
	// Dateline is the dateline that opens the story ("COLOMBO, Jan 27
	// (Reuters) -"), if there is one. The agency in it is also added to
	// SourceLine: it names who the article comes from, never a claim.
	Dateline string `json:"dateline,omitempty"`
	// Credits are photo or video credits such as "(رويترز)" at the end of a
	// caption. They are not claims.
	Credits []Credit `json:"credits,omitempty"`
	// Chrome lists page-chrome lines ("إعلان", "Advertisement") found in the
	// text and left out of the body.
	Chrome []Span `json:"chrome,omitempty"`
}

// Credit is a photo or video credit.
type Credit struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Paragraph is a block of text separated from the next by a blank line or a
// line break, as the article laid it out.
type Paragraph struct {
	Index     int        `json:"index"`
	Span      Span       `json:"span"`
	Sentences []Sentence `json:"sentences"`
	// Kind tells body text from the headline and captions, which extraction
	// and reports treat differently.
	Kind ParagraphKind `json:"kind,omitempty"`
}

// ParagraphKind classifies a paragraph.
type ParagraphKind string

// Paragraph kinds.
const (
	ParagraphBody     ParagraphKind = "body"
	ParagraphTitle    ParagraphKind = "title"
	ParagraphCaption  ParagraphKind = "caption"
	ParagraphHeading  ParagraphKind = "heading"
	ParagraphSource   ParagraphKind = "source_line"
	ParagraphChrome   ParagraphKind = "chrome"
	ParagraphDateline ParagraphKind = "dateline"
)

// Sentence is one sentence of a paragraph. Index counts sentences across the
// whole article, so a (paragraph, sentence) pair is never needed to find one.
type Sentence struct {
	Index int    `json:"index"`
	Span  Span   `json:"span"`
	Text  string `json:"text"`
}

// Sentences returns every sentence of the article in order.
func (a *Article) Sentences() []Sentence {
	var out []Sentence
	for _, p := range a.Paragraphs {
		out = append(out, p.Sentences...)
	}
	return out
}

// Version is one stored capture of an article: the same URL or id read at a
// different time with a different text.
type Version struct {
	ArticleID string    `json:"article_id"`
	Key       string    `json:"key"` // the URL, or the given id, that ties versions together
	Number    int       `json:"number"`
	Hash      string    `json:"hash"`
	Captured  time.Time `json:"captured,omitzero"`
}

package claimtrail

// ClaimType says how the content is reported.
type ClaimType string

// Claim types, following the annotation guideline.
const (
	Direct      ClaimType = "direct"       // verbatim, in quotation marks
	Indirect    ClaimType = "indirect"     // reported, usually after a complementizer
	Mixed       ClaimType = "mixed"        // reported with a quoted fragment
	Nominal     ClaimType = "nominal"      // a noun-phrase complement
	AccordingTo ClaimType = "according_to" // according to X, بحسب X
)

// Stance is what the cue says about the reporter's commitment to the content.
type Stance string

// Stances of a cue.
const (
	Neutral    Stance = "neutral"
	Assertive  Stance = "assertive"
	Hedged     Stance = "hedged"
	Distancing Stance = "distancing"
	Denial     Stance = "denial"
)

// SourceKind classifies who a claim is attributed to.
type SourceKind string

// Source kinds.
const (
	KindPerson       SourceKind = "person"
	KindOrganization SourceKind = "organization"
	KindGovernment   SourceKind = "government"
	KindOfficial     SourceKind = "official" // an unnamed official or group of officials
	KindOutlet       SourceKind = "outlet"
	KindAgency       SourceKind = "agency"
	KindDocument     SourceKind = "document"
	KindAnonymous    SourceKind = "anonymous" // unnamed and not an official
	KindOther        SourceKind = "other"
)

// CueClass says what kind of act the cue reports; users filter by it.
type CueClass string

// Cue classes.
const (
	ClassSpeech    CueClass = "speech"
	ClassWriting   CueClass = "writing"
	ClassThought   CueClass = "thought"
	ClassEvidence  CueClass = "evidence"
	ClassIntention CueClass = "intention"
	ClassRelay     CueClass = "relay"
	ClassAccording CueClass = "according"
)

// Claim is one attributed proposition: Source said Content, signalled by Cue.
// Its JSON form is a stable contract documented in the README.
type Claim struct {
	// ID is a hash of the article id, the content span and the content text,
	// so re-running extraction gives the same ids.
	ID        string    `json:"id"`
	ArticleID string    `json:"article_id,omitempty"`
	Type      ClaimType `json:"type"`
	Source    Mention   `json:"source"`
	// Via is the chain of reporters between the article and the source,
	// outermost first: "the newspaper, citing officials" has Via [newspaper].
	Via     []Mention `json:"via"`
	Cue     Cue       `json:"cue"`
	Content Text      `json:"content"`
	// Paragraph and Sentence are indexes into the article's segmentation.
	Paragraph int `json:"paragraph"`
	Sentence  int `json:"sentence"`
	// NestedIn is the id of the claim whose content holds this attribution.
	NestedIn string `json:"nested_in,omitempty"`
	// Implicit is set when no cue word stands in the text (a quote whose
	// source is clear from the sentence before).
	Implicit bool `json:"implicit,omitempty"`
}

// Mention is a source as one claim names it.
type Mention struct {
	// Mention is the text as it stands ("البيان", "he"); empty for an
	// implicit subject.
	Mention string `json:"mention"`
	// Name is the resolved antecedent or canonical name.
	Name      string     `json:"name,omitempty"`
	Kind      SourceKind `json:"kind,omitempty"`
	Anonymous bool       `json:"anonymous,omitempty"`
	// Role is an apposition that describes the source ("spokesman for ...").
	Role string `json:"role,omitempty"`
	// ResolvedFrom is the anaphor when the mention was one ("البيان", "he",
	// or the cue itself for an implicit subject).
	ResolvedFrom string `json:"resolved_from,omitempty"`
	// Aliases are other names the text gives the source, such as a Latin
	// gloss in parentheses.
	Aliases []string `json:"aliases,omitempty"`
	// SourceID links the mention to the sources registry, once linked.
	SourceID string `json:"source_id,omitempty"`
	Span     Span   `json:"span"`
	// RoleSpan locates Role, when there is one.
	RoleSpan *Span `json:"role_span,omitempty"`
}

// Cue is the word or phrase that marks the attribution.
type Cue struct {
	Text    string   `json:"text"`
	Lemma   string   `json:"lemma"`
	Class   CueClass `json:"class,omitempty"`
	Stance  Stance   `json:"stance"`
	Negated bool     `json:"negated"`
	Span    Span     `json:"span"`
}

// Text is a stretch of the article with its location.
type Text struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

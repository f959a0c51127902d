package claimtrail

// ChangeStatus says what became of one claim from an old text to a new one.
type ChangeStatus string

// Change statuses. A claim whose content survives in the new text without
// its attribution is Changed (with ChangeAttributionDropped), not Removed.
const (
	StatusUnchanged ChangeStatus = "unchanged"
	StatusAdded     ChangeStatus = "added"
	StatusRemoved   ChangeStatus = "removed"
	StatusChanged   ChangeStatus = "changed"
)

// ChangeKind names one way a claim changed between two versions or outlets.
type ChangeKind string

// Change kinds. A change may carry several (reworded and re-cued). Added
// and Removed double as kinds so a list of kinds alone says everything.
const (
	ChangeAdded   ChangeKind = "added"
	ChangeRemoved ChangeKind = "removed"
	// ChangeReworded: words of the content changed outside any quotation.
	ChangeReworded ChangeKind = "content_reworded"
	// ChangeQuote: words inside a direct quotation changed.
	ChangeQuote ChangeKind = "quote_changed"
	// ChangeNumber: a number in the content changed; never cosmetic.
	ChangeNumber ChangeKind = "number_changed"
	// ChangeSource: the claim is attributed to a different source.
	ChangeSource ChangeKind = "source_changed"
	// ChangeSourceMention: the same source, named differently.
	ChangeSourceMention ChangeKind = "source_mention_changed"
	ChangeRole          ChangeKind = "role_changed"
	// ChangeAnonymized: a named source became an unnamed one; ChangeNamed
	// the reverse.
	ChangeAnonymized ChangeKind = "anonymized"
	ChangeNamed      ChangeKind = "named"
	ChangeCue        ChangeKind = "cue_changed"
	// ChangeStance: the cue's stance changed (said → claimed).
	ChangeStance   ChangeKind = "stance_changed"
	ChangeNegation ChangeKind = "negation_changed"
	// ChangeVia: a reporter was added to or dropped from the chain.
	ChangeVia  ChangeKind = "via_changed"
	ChangeType ChangeKind = "type_changed"
	// ChangeAttributionDropped: the content is still in the new text but
	// no longer attributed (stated as fact); ChangeAttributionAdded the
	// reverse.
	ChangeAttributionDropped ChangeKind = "attribution_dropped"
	ChangeAttributionAdded   ChangeKind = "attribution_added"
	// ChangeMoved: the claim's sentence changed place.
	ChangeMoved ChangeKind = "moved"
	// ChangeCosmetic: spelling, punctuation, diacritics or white space
	// only; a change to a digit is never cosmetic.
	ChangeCosmetic ChangeKind = "cosmetic"
)

// Change is what happened to one claim from an old text to a new one.
// Old is nil for an added claim, New for a removed one and for one whose
// attribution was dropped. One side is also nil, with the change unchanged
// or only moved, when the claim's sentence is word for word the same in
// both texts but extraction found the claim in one only (a moved paragraph
// took an implicit subject away from its antecedent).
type Change struct {
	Change ChangeStatus `json:"change"`
	Kinds  []ChangeKind `json:"kinds"`
	Old    *Claim       `json:"old"`
	New    *Claim       `json:"new"`
	// ContentDiff is the word diff of the old content against the new.
	ContentDiff []Edit `json:"content_diff,omitempty"`
	// Score is how alike the two contents are (0 to 1), when both exist.
	Score float64 `json:"score,omitempty"`
}

// Has reports whether the change carries kind k.
func (c *Change) Has(k ChangeKind) bool {
	for _, x := range c.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Notable reports whether the change matters to a reader: anything but
// unchanged, moved and cosmetic.
func (c *Change) Notable() bool {
	for _, k := range c.Kinds {
		if k != ChangeMoved && k != ChangeCosmetic {
			return true
		}
	}
	return c.Change == StatusAdded || c.Change == StatusRemoved
}

// EditOp is one operation of a word diff.
type EditOp string

// Edit operations.
const (
	OpEqual  EditOp = "equal"
	OpInsert EditOp = "insert"
	OpDelete EditOp = "delete"
)

// Edit is one run of a word diff: text kept, inserted or deleted. Spans
// are code-point offsets into the old text (Old, for equal and delete) and
// the new text (New, for equal and insert).
type Edit struct {
	Op   EditOp `json:"op"`
	Text string `json:"text"`
	// NewText is the new text of an equal run when it differs from Text
	// only cosmetically (a diacritic, hamza, tatweel, case).
	NewText string `json:"new_text,omitempty"`
	Old     *Span  `json:"old,omitempty"`
	New     *Span  `json:"new,omitempty"`
}

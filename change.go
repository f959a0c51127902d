package claimtrail

// ChangeKind names one way a claim changed between two versions or outlets.
type ChangeKind string

// Change kinds. A change may carry several (reworded and softened).
const (
	ChangeAdded        ChangeKind = "added"
	ChangeRemoved      ChangeKind = "removed"
	ChangeUnchanged    ChangeKind = "unchanged"
	ChangeReworded     ChangeKind = "reworded"
	ChangeReattributed ChangeKind = "reattributed"
	ChangeAnonymised   ChangeKind = "anonymised"
	ChangeSoftened     ChangeKind = "softened"
	ChangeHardened     ChangeKind = "hardened"
	ChangeNumber       ChangeKind = "number_changed"
	ChangeDropped      ChangeKind = "attribution_dropped"
	ChangeMoved        ChangeKind = "moved"
	ChangeCosmetic     ChangeKind = "cosmetic"
)

// Change is what happened to one claim from an old text to a new one.
// Old or New is nil for an added or removed claim.
type Change struct {
	Kinds []ChangeKind `json:"kinds"`
	Old   *Claim       `json:"old,omitempty"`
	New   *Claim       `json:"new,omitempty"`
	Score float64      `json:"score,omitempty"`
}

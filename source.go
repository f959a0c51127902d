package claimtrail

// Source is a canonical source in the registry: one person, organisation,
// outlet or group, however many ways the texts name it.
type Source struct {
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Kind        SourceKind `json:"kind"`
	Anonymous   bool       `json:"anonymous,omitempty"`
	Affiliation string     `json:"affiliation,omitempty"`
	Roles       []string   `json:"roles,omitempty"`
	Aliases     []string   `json:"aliases,omitempty"`
}

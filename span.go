package claimtrail

// Span is a half-open range [Start, End) of code-point (rune) offsets into
// an article's text as it was read. Code points rather than bytes because
// the offsets are shown to people and consumed by tools in other languages
// (Python slices strings by code point), and Arabic letters take two bytes.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of code points in the span.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one code point.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Slice returns the text covered by the span in runes, clamped to the text.
func (s Span) Slice(runes []rune) string {
	a, b := s.Start, s.End
	if a < 0 {
		a = 0
	}
	if b > len(runes) {
		b = len(runes)
	}
	if a >= b {
		return ""
	}
	return string(runes[a:b])
}

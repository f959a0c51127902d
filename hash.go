package claimtrail

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// ContentHash is the hex SHA-256 of a text: the key that tells a stored
// article from a changed one.
func ContentHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// ArticleID derives a stable short id from an article's text when the input
// gave none.
func ArticleID(text string) string {
	return "a-" + ContentHash(text)[:16]
}

// ClaimID derives a claim's id from its article, content span and content,
// so the same extraction of the same text always yields the same id.
func ClaimID(articleID string, span Span, content string) string {
	h := sha256.New()
	h.Write([]byte(articleID))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(span.Start) + ":" + strconv.Itoa(span.End)))
	h.Write([]byte{0})
	h.Write([]byte(content))
	return "c-" + hex.EncodeToString(h.Sum(nil))[:16]
}

package claimtrail

import "errors"

// Sentinel errors that callers test with errors.Is.
var (
	// ErrNotFound: an article, claim or source is not in the store.
	ErrNotFound = errors.New("not found")
	// ErrInvalidInput: a reader could not make an article of its input
	// (invalid UTF-8, empty, binary, a JSON field of the wrong type).
	ErrInvalidInput = errors.New("invalid input")
	// ErrConfig: the configuration has an unknown key or a bad value.
	ErrConfig = errors.New("invalid configuration")
	// ErrUsage: the command line is wrong; maps to exit status 2.
	ErrUsage = errors.New("usage")
)

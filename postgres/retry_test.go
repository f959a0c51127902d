package postgres

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestRetryable(t *testing.T) {
	for code, want := range map[string]bool{"40001": true, "40P01": true, "23503": true, "23505": false, "42P01": false} {
		err := fmt.Errorf("save: %w", &pgconn.PgError{Code: code})
		if got := retryable(err); got != want {
			t.Errorf("retryable(%s) = %v, want %v", code, got, want)
		}
	}
	if retryable(errors.New("connection reset")) {
		t.Error("a plain error is retryable")
	}
}

// A deadlock is tried again until it clears; other errors are not.
func TestRetry(t *testing.T) {
	db := &DB{retries: 3}
	tries := 0
	err := db.retry(context.Background(), func() error {
		tries++
		if tries < 3 {
			return &pgconn.PgError{Code: "40P01"}
		}
		return nil
	})
	if err != nil || tries != 3 {
		t.Errorf("after two deadlocks: %v, %d tries", err, tries)
	}
	tries = 0
	err = db.retry(context.Background(), func() error { tries++; return &pgconn.PgError{Code: "40001"} })
	if err == nil || tries != 4 {
		t.Errorf("always failing: %v, %d tries, want 4", err, tries)
	}
	tries = 0
	err = db.retry(context.Background(), func() error { tries++; return errors.New("syntax") })
	if err == nil || tries != 1 {
		t.Errorf("other error: %v, %d tries, want 1", err, tries)
	}
}

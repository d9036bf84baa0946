package main

import (
	"context"
	"testing"
)

// TestRun runs the example as go run would, offline.
func TestRun(t *testing.T) {
	if err := run(context.Background(), goalsFile); err != nil {
		t.Fatal(err)
	}
}
